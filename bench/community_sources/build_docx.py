"""Build bench/community/offer-letter.docx (an employment offer letter from a fictional engineering consultancy) with
python-docx: letterhead, a key-terms table, a pension contributions table, numbered conditions, a signature block and
an acceptance slip.

    python bench/community_sources/build_docx.py

Deterministic: fixed core properties and fixed timestamps on every zip member, so the same script gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "community" / "offer-letter.docx"
FIXED = dt.datetime(2026, 12, 7, 10, 15, 0)
INK = RGBColor(0x1F, 0x3A, 0x5F)

doc = Document()
normal = doc.styles["Normal"]
normal.font.name = "Calibri"
normal.font.size = Pt(10.5)
for name, size in (("Heading 1", 12), ("Heading 2", 11)):
    st = doc.styles[name]
    st.font.name = "Calibri"
    st.font.size = Pt(size)
    st.font.color.rgb = INK

section = doc.sections[0]
section.page_height, section.page_width = Cm(29.7), Cm(21.0)
section.left_margin = section.right_margin = Cm(2.3)
section.top_margin = section.bottom_margin = Cm(1.8)

hp = section.header.paragraphs[0]
hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
r = hp.add_run("Brackwater Engineering Services Ltd · PRIVATE & CONFIDENTIAL · Ref BES/HR/OF/2026-118")
r.font.size = Pt(8)
r.font.color.rgb = RGBColor(0x66, 0x66, 0x66)

fp = section.footer.paragraphs[0]
fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = fp.add_run("Brackwater Engineering Services Ltd, registered in England and Wales no. 07731946. Registered office: "
               "Unit 6, Quayside Business Park, Gloucester GL2 5FJ.")
r.font.size = Pt(7.5)
r.font.color.rgb = RGBColor(0x77, 0x77, 0x77)


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def para(text: str, bold_lead: str | None = None, space_after: float = 6):
    p = doc.add_paragraph()
    if bold_lead:
        p.add_run(bold_lead).bold = True
    p.add_run(text)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def table(rows: list[tuple[str, ...]], widths: list[float], header: bool = True):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = t.rows[i].cells[j]
            cell.text = text
            cell.width = Cm(widths[j])
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9.5)
                    if header and i == 0:
                        run.bold = True
            if header and i == 0:
                shade(cell, "DCE6F0")
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    return t


# Letterhead
p = doc.add_paragraph()
run = p.add_run("BRACKWATER")
run.bold = True
run.font.size = Pt(20)
run.font.color.rgb = INK
run = p.add_run("  Engineering Services")
run.font.size = Pt(12)
run.font.color.rgb = INK
p = doc.add_paragraph("Unit 6, Quayside Business Park, Gloucester GL2 5FJ · 01452 880 310 · www.brackwater-es.co.uk")
p.runs[0].font.size = Pt(8.5)

for line in ("Ms Aisling Moran", "Flat 3, 41 Clarence Road", "Cheltenham", "GL52 2AZ"):
    doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
doc.add_paragraph()
para("7 December 2026")
para("Sent by email to aisling.moran@mailbox.example and by post")
para("Dear Aisling,")
p = para("", bold_lead="Offer of employment: Project Engineer (Water Networks)")

para("Thank you for meeting Nia Sorensen and me at our Gloucester office. I am delighted to offer you the position of "
     "Project Engineer (Water Networks) with Brackwater Engineering Services Ltd (\"the Company\"). This offer is "
     "made subject to the conditions set out in section 6 below. Your full terms and conditions will be set out in "
     "your written statement of particulars (contract of employment), which we will send to you once you have "
     "accepted.")

doc.add_heading("1. Summary of main terms", level=1)
table([
    ("Term", "Detail"),
    ("Job title", "Project Engineer (Water Networks), grade E3"),
    ("Reports to", "Nia Sorensen, Associate Director, Water"),
    ("Start date", "Monday 1 February 2027 (or another date we agree in writing)"),
    ("Place of work", "Gloucester office, with hybrid working (see section 3) and site visits across Gloucestershire, "
                      "Herefordshire and Worcestershire"),
    ("Salary", "£38,750 per annum gross"),
    ("Pay date", "Monthly in arrears by BACS on the 25th of each month (the previous working day if the 25th is a "
                 "weekend or bank holiday)"),
    ("Hours", "37.5 hours per week, Monday to Friday; core hours 10:00 to 15:30"),
    ("Probationary period", "6 months"),
    ("Annual leave", "25 days plus bank holidays"),
    ("Contract type", "Permanent, full-time"),
], widths=[4.2, 12.0])

doc.add_heading("2. Salary and benefits", level=1)
para("Your salary will be £38,750 per annum, paid as described above. Salaries are reviewed each April; any increase "
     "is at the Company's discretion and you will not be eligible for the April 2027 review because you will have "
     "less than six months' service at that date. You will be eligible for the Company's discretionary profit share "
     "scheme from the financial year beginning 1 July 2027.")
para("Once you have passed your probationary period you will also receive private medical insurance (single cover) "
     "and death-in-service cover of four times basic salary. The private medical insurance is a taxable benefit.")
para("Reasonable travel expenses for site visits will be reimbursed under the Company's expenses policy. A pool van "
     "is available for site work; you must hold a full UK driving licence (see section 6).")

doc.add_heading("3. Hours and hybrid working", level=1)
para("Your normal hours are 37.5 per week. As a project engineer you may occasionally need to work additional hours, "
     "for example during network shutdowns; these are not paid as overtime, but time off in lieu (TOIL) may be "
     "agreed with your line manager for work on weekends. After your first 3 months you may work from home for up "
     "to two days a week, subject to project needs. During the first 3 months you will be based in the office or on "
     "site every working day.")

doc.add_heading("4. Probation and notice", level=1)
para("Your employment will begin with a probationary period of 6 months. We may extend it once, by up to 3 months, "
     "if we need more time to assess your suitability; we will tell you in writing before the end of the original "
     "period if we decide to do so.")
para("During probation (including any extension), either you or the Company may end your employment by giving "
     "one week's notice in writing.")
para("After you have successfully completed probation, the notice period is two months' notice in writing, from you "
     "or from the Company. The Company may pay salary in lieu of notice.")

doc.add_heading("5. Holiday and pension", level=1)
para("The holiday year runs from 1 April to 31 March. Your entitlement is 25 days plus the usual bank holidays, "
     "increasing by one day for each completed year of service up to a maximum of 28 days. As you will join part "
     "way through the holiday year, your entitlement for the year ending 31 March 2027 will be 4.5 days plus any "
     "bank holidays falling in that period. Up to 5 days of unused holiday may be carried forward to the next year "
     "with your manager's approval.")
para("You will be automatically enrolled in the Company's group personal pension plan from your start date. "
     "Contributions are made through salary sacrifice and are based on your basic salary. You may choose one of the "
     "contribution levels below; if you make no choice, the standard level applies.")
table([
    ("Contribution level", "Your contribution", "Company contribution", "Total"),
    ("Standard (default)", "4%", "6%", "10%"),
    ("Enhanced", "5%", "7%", "12%"),
    ("Maximum match", "6%", "8%", "14%"),
], widths=[5.0, 3.6, 3.8, 3.0])
para("You may opt out of the scheme within one month of being enrolled; after that you may stop contributing at any "
     "time, but the Company contribution will also stop.")

doc.add_heading("6. Conditions of this offer", level=1)
para("This offer is conditional on all of the following. If any condition is not met to our reasonable satisfaction, "
     "the Company may withdraw the offer or, if you have already started, end your employment with one week's "
     "notice.")
for n, text in enumerate([
    "Two satisfactory references, one of which must be from your current or most recent employer. We will not "
    "contact your current employer until you have accepted this offer.",
    "Proof of your right to work in the UK. Please bring your original passport (or share code) to our office on or "
    "before your start date.",
    "Sight of your degree certificate (BEng (Hons) Civil Engineering or equivalent).",
    "A full UK driving licence, with no more than 6 penalty points.",
    "Satisfactory completion of our confidential health questionnaire.",
    "A valid CSCS card, or passing the CSCS health, safety and environment test within your first 8 weeks "
    "(the Company will pay the test fee).",
], start=1):
    para(text, bold_lead=f"6.{n}  ")

doc.add_heading("7. Accepting this offer", level=1)
para("To accept, please sign and return the acceptance slip below, by email to careers@brackwater-es.co.uk, by "
     "5pm on Friday 18 December 2026. If we have not heard from you by then, this offer will lapse. If you have any "
     "questions in the meantime, please contact me by email at g.penhallow@brackwater-es.co.uk.")
para("We are very much looking forward to you joining the Water team.")
para("Yours sincerely,")

sig = doc.add_table(rows=4, cols=1)
for i, text in enumerate(["Gareth Penhallow", "Gareth Penhallow", "Head of People",
                          "For and on behalf of Brackwater Engineering Services Ltd"]):
    sig.rows[i].cells[0].text = text
    if i == 0:
        run = sig.rows[i].cells[0].paragraphs[0].runs[0]
        run.italic = True
        run.font.size = Pt(14)
        run.font.name = "Segoe Script"

doc.add_paragraph()
doc.add_paragraph("cc: Nia Sorensen, Associate Director, Water; personnel file")
doc.add_paragraph("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -")
doc.add_heading("Acceptance", level=2)
para("I accept the offer of employment as Project Engineer (Water Networks) on the terms set out in this letter "
     "dated 7 December 2026, and I confirm my start date as Monday 1 February 2027.")
acc = doc.add_table(rows=3, cols=2)
acc.style = "Table Grid"
for i, (a, b) in enumerate([("Signed:", ""), ("Name:", "Aisling Moran"), ("Date:", "")]):
    acc.rows[i].cells[0].text = a
    acc.rows[i].cells[1].text = b
para("Pension contribution level chosen (Standard / Enhanced / Maximum match): ____________________")

cp = doc.core_properties
cp.author = "Gareth Penhallow"
cp.last_modified_by = "Gareth Penhallow"
cp.title = "Offer of employment - Aisling Moran - Project Engineer (Water Networks)"
cp.subject = "Offer letter BES/HR/OF/2026-118"
cp.created = FIXED
cp.modified = FIXED
cp.revision = 3

buf = io.BytesIO()
doc.save(buf)
src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
OUT.parent.mkdir(parents=True, exist_ok=True)
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 7, 10, 15, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        out.writestr(zi, src.read(info.filename))
print("wrote", OUT)
