"""Build bench/expert/consulting-agreement.docx (a consulting services agreement between two fictional companies)
with python-docx: heading styles, numbered clauses, one fee table, a signature block.

    python bench/expert_sources/build_docx.py

Deterministic: fixed core properties and fixed timestamps on every zip member, so the same script gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "expert" / "consulting-agreement.docx"
FIXED = dt.datetime(2026, 9, 16, 9, 0, 0)
INK = RGBColor(0x22, 0x2B, 0x38)

doc = Document()
normal = doc.styles["Normal"]
normal.font.name = "Cambria"
normal.font.size = Pt(10.5)
for name, size in (("Title", 18), ("Heading 1", 12.5), ("Heading 2", 11)):
    st = doc.styles[name]
    st.font.name = "Cambria"
    st.font.size = Pt(size)
    st.font.color.rgb = INK

section = doc.sections[0]
section.page_height, section.page_width = Cm(29.7), Cm(21.0)
section.left_margin = section.right_margin = Cm(2.4)
section.top_margin = section.bottom_margin = Cm(2.0)

hp = section.header.paragraphs[0]
hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
r = hp.add_run("CONFIDENTIAL · Harrowgate / Meridale · Consulting Services Agreement · HA-MF-2026-031")
r.font.size = Pt(8)
r.font.color.rgb = RGBColor(0x66, 0x66, 0x66)


def add_field(paragraph, instr: str) -> None:
    for kind in ("begin", None, "separate"):
        run = paragraph.add_run()
        if kind is None:
            t = OxmlElement("w:instrText")
            t.set(qn("xml:space"), "preserve")
            t.text = f" {instr} "
            run._r.append(t)
        else:
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), kind)
            run._r.append(f)
    paragraph.add_run("1")
    run = paragraph.add_run()
    f = OxmlElement("w:fldChar")
    f.set(qn("w:fldCharType"), "end")
    run._r.append(f)


fp = section.footer.paragraphs[0]
fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = fp.add_run("Page ")
r.font.size = Pt(8)
add_field(fp, "PAGE")


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def clause(number: str, text: str, lead: str | None = None):
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Cm(1.0)
    p.paragraph_format.first_line_indent = Cm(-1.0)
    p.paragraph_format.space_after = Pt(4)
    p.add_run(number + "\t")
    if lead:
        p.add_run(lead + " ").bold = True
    p.add_run(text)
    return p


# ---- title and parties -----------------------------------------------------------------------------------------------
doc.add_paragraph("Consulting Services Agreement", style="Title")
p = doc.add_paragraph()
p.add_run("Agreement reference: HA-MF-2026-031").italic = True
doc.add_paragraph("This Agreement is dated 14 September 2026 and is made between:")
clause("(1)", "Harrowgate Analytics Ltd, a company registered in England and Wales under company number 09876543, "
       "whose registered office is at 4 Tanner's Yard, Leeds LS2 7QT (the \"Consultant\"); and")
clause("(2)", "Meridale Foods plc, a company registered in England and Wales under company number 03345127, whose "
       "registered office is at Meridale House, 120 Eastgate, Norwich NR1 3JU (the \"Client\").")
doc.add_paragraph("Background: the Client wishes to engage the Consultant to design and build a demand forecasting "
                  "model for its chilled foods division, and the Consultant has agreed to provide those services on "
                  "the terms of this Agreement.")

doc.add_heading("1. Definitions", level=1)
clause("1.1", "In this Agreement: \"Business Day\" means a day other than a Saturday, Sunday or public holiday in "
       "England; \"Commencement Date\" means 1 October 2026; \"Deliverables\" means all documents, code, models and "
       "reports produced by the Consultant for the Client under this Agreement; \"Services\" means the services "
       "described in the Statement of Work at Schedule 1; and \"Fees\" means the fees set out in clause 5.")

doc.add_heading("2. Term", level=1)
clause("2.1", "This Agreement starts on the Commencement Date and continues for an initial term of 18 months, "
       "ending on 31 March 2028 (the \"Initial Term\"), unless terminated earlier under clause 10.")
clause("2.2", "After the Initial Term, this Agreement renews automatically for successive periods of 12 months unless "
       "either party gives the other not less than 90 days' written notice of non-renewal before the end of the "
       "Initial Term or the current renewal period.")

doc.add_heading("3. Services and personnel", level=1)
clause("3.1", "The Consultant shall provide the Services with reasonable skill and care and in accordance with good "
       "industry practice.")
clause("3.2", "Dr Priya Raman shall act as Engagement Lead. The Consultant shall not replace the Engagement Lead "
       "without the Client's prior written consent (not to be unreasonably withheld), except in the case of illness "
       "or the end of her employment.")
clause("3.3", "Each party shall appoint a Project Manager. Any change to the Services must be agreed in a written "
       "change note signed by both Project Managers.")

doc.add_heading("4. Client obligations", level=1)
clause("4.1", "The Client shall give the Consultant timely access to its sales, promotions and stock data, and to "
       "its staff at the Thetford distribution centre, as reasonably required to perform the Services.")

doc.add_heading("5. Fees and payment", level=1)
clause("5.1", "The Client shall pay the Fees set out in the table below. Time-based Fees are charged at the day rates "
       "shown for days actually worked; the Discovery Phase is charged as a fixed fee.")

FEES = [
    ("Engagement Lead (Dr Priya Raman)", "£1,450", "60", "£87,000"),
    ("Senior Data Scientist", "£1,100", "150", "£165,000"),
    ("Data Engineer", "£850", "120", "£102,000"),
    ("Project Manager", "£720", "40", "£28,800"),
    ("Discovery Phase (fixed fee, weeks 1 to 6)", "n/a", "n/a", "£24,500"),
    ("Total estimate", "", "370", "£407,300"),
]
table = doc.add_table(rows=1, cols=4)
table.style = "Table Grid"
table.alignment = WD_TABLE_ALIGNMENT.CENTER
for cell, text in zip(table.rows[0].cells, ("Role / item", "Day rate (excl. VAT)", "Estimated days",
                                           "Estimated fee (excl. VAT)")):
    cell.text = text
    cell.paragraphs[0].runs[0].bold = True
    shade(cell, "D9E1EC")
for row in FEES:
    cells = table.add_row().cells
    for cell, text in zip(cells, row):
        cell.text = text
    if row[0] == "Total estimate":
        for cell in cells:
            if cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].bold = True
for row in table.rows:
    for cell, w in zip(row.cells, (Cm(6.6), Cm(3.2), Cm(2.6), Cm(3.8))):
        cell.width = w

doc.add_paragraph()
clause("5.2", "The total Fees payable for the Initial Term shall not exceed £412,000 (excluding VAT) without the "
       "Client's prior written approval.")
clause("5.3", "The Consultant shall invoice monthly in arrears on the last Business Day of each month. The Client "
       "shall pay each valid invoice within 30 days of receipt. Disputed amounts must be notified within 10 Business "
       "Days of receipt.")
clause("5.4", "If the Client fails to pay any undisputed amount when due, the Consultant may charge interest on the "
       "overdue amount at 4% per annum above the Bank of England base rate from the due date until payment.")
clause("5.5", "All Fees are exclusive of VAT, which the Client shall pay at the applicable rate. The day rates are "
       "fixed until 31 March 2027; after that date the Consultant may increase them once in any 12-month period on "
       "60 days' written notice, by no more than the annual increase in CPI plus 1%.")
clause("5.6", "Reasonable travel and subsistence expenses shall be reimbursed at cost in line with the Client's "
       "expenses policy. Any single expense over £500 requires the Client's prior approval. Rail travel is standard "
       "class.")

doc.add_heading("6. Intellectual property", level=1)
clause("6.1", "Each party retains ownership of its intellectual property rights existing before the Commencement "
       "Date or created independently of this Agreement (\"Background IP\").")
clause("6.2", "All intellectual property rights in the Deliverables shall vest in the Client upon payment in full of "
       "the relevant Fees. Until then, the Client has a licence to use the Deliverables for the purposes of this "
       "Agreement.")
clause("6.3", "The Consultant's proprietary forecasting library known as Tessera remains the Consultant's Background "
       "IP. To the extent Tessera is embedded in any Deliverable, the Consultant grants the Client a non-exclusive, "
       "perpetual, royalty-free licence to use it for the Client's internal business purposes only.")

doc.add_heading("7. Confidentiality", level=1)
clause("7.1", "Each party shall keep the other party's Confidential Information secret and use it only to perform "
       "or receive the Services.")
clause("7.2", "The obligations in clause 7.1 continue for 5 years after termination or expiry of this Agreement, and "
       "indefinitely in respect of trade secrets.")

doc.add_heading("8. Data protection", level=1)
clause("8.1", "Where the Consultant processes personal data on behalf of the Client, it does so as processor under "
       "the data processing terms in Schedule 3.")

doc.add_heading("9. Limitation of liability", level=1)
clause("9.1", "Nothing in this Agreement limits liability for death or personal injury caused by negligence, or for "
       "fraud.")
clause("9.2", "Subject to clauses 9.1 and 9.4, each party's total aggregate liability under or in connection with "
       "this Agreement shall not exceed 125% of the total Fees paid or payable in the 12 months before the event "
       "giving rise to the claim.")
clause("9.3", "Neither party is liable for loss of profits, loss of business or any indirect or consequential loss.")
clause("9.4", "The Consultant's liability for breach of Schedule 3 (data protection) is subject to a separate cap "
       "of £2,000,000. The Consultant shall maintain professional indemnity insurance of at least £5 million for "
       "the term of this Agreement and for 6 years afterwards.")

doc.add_heading("10. Termination", level=1)
clause("10.1", "The Client may terminate this Agreement for convenience by giving the Consultant not less than 60 "
       "days' written notice. The Consultant may terminate for convenience by giving not less than 120 days' "
       "written notice.")
clause("10.2", "Either party may terminate immediately by written notice if the other commits a material breach "
       "which, if remediable, is not remedied within 30 days of being notified of it, or if the other party becomes "
       "insolvent.")
clause("10.3", "On termination the Client shall pay for all Services performed up to the termination date. Clauses "
       "6, 7, 9 and 11 survive termination.")

doc.add_heading("11. Disputes and governing law", level=1)
clause("11.1", "Any dispute shall first be referred to the Project Managers, then, if unresolved within 14 days, to "
       "the chief executives of both parties, and then to mediation under the CEDR Model Mediation Procedure.")
clause("11.2", "This Agreement is governed by the laws of England and Wales, and the courts of England and Wales "
       "have exclusive jurisdiction.")
clause("11.3", "Notices must be in writing and delivered by hand or recorded post to the registered office of the "
       "recipient. A notice of termination given by e-mail alone is not valid.")

doc.add_heading("Signatures", level=1)
doc.add_paragraph("Signed by the parties' authorised representatives:")
sig = doc.add_table(rows=4, cols=2)
SIG = [
    ("For Harrowgate Analytics Ltd", "For Meridale Foods plc"),
    ("Signature: Tobias Wren", "Signature: Angela Okafor-Hughes"),
    ("Name and title: Tobias Wren, Managing Director", "Name and title: Angela Okafor-Hughes, Chief Operating Officer"),
    ("Date: 14 September 2026", "Date: 16 September 2026"),
]
for i, (a, b) in enumerate(SIG):
    sig.rows[i].cells[0].text = a
    sig.rows[i].cells[1].text = b
    if i == 0:
        sig.rows[i].cells[0].paragraphs[0].runs[0].bold = True
        sig.rows[i].cells[1].paragraphs[0].runs[0].bold = True

cp = doc.core_properties
cp.author = "Harrowgate Analytics Ltd"
cp.last_modified_by = "Harrowgate Analytics Ltd"
cp.title = "Consulting Services Agreement HA-MF-2026-031"
cp.subject = "Harrowgate Analytics Ltd and Meridale Foods plc"
cp.created = FIXED
cp.modified = FIXED
cp.revision = 1

buf = io.BytesIO()
doc.save(buf)
src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
OUT.parent.mkdir(parents=True, exist_ok=True)
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(2026, 9, 16, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        out.writestr(zi, src.read(info.filename))
print("wrote", OUT)
