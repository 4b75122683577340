"""Build bench/household/school-report-summer-2026.docx (a Year 7 pupil's end-of-year school report) with python-docx.

    python bench/household_sources/build_docx.py

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

OUT = Path(__file__).resolve().parents[1] / "household" / "school-report-summer-2026.docx"
FIXED = dt.datetime(2026, 7, 17, 8, 0, 0)
NAVY = RGBColor(0x1F, 0x2F, 0x5A)

doc = Document()

# ---- styles and page -------------------------------------------------------------------------------------------------
normal = doc.styles["Normal"]
normal.font.name = "Calibri"
normal.font.size = Pt(10.5)
for name, size in (("Heading 1", 15), ("Heading 2", 12), ("Heading 3", 11)):
    st = doc.styles[name]
    st.font.name = "Calibri"
    st.font.size = Pt(size)
    st.font.color.rgb = NAVY

section = doc.sections[0]
section.page_height, section.page_width = Cm(29.7), Cm(21.0)
section.left_margin = section.right_margin = Cm(2.0)
section.top_margin = section.bottom_margin = Cm(1.8)


def add_field(paragraph, instr: str) -> None:
    """A simple field (e.g. PAGE) with a placeholder result."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run._r.append(text)
    run = paragraph.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)
    paragraph.add_run("1")
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def shade(cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


header = section.header.paragraphs[0]
header.alignment = WD_ALIGN_PARAGRAPH.LEFT
r = header.add_run("Thornbury Vale Academy")
r.bold = True
r.font.size = Pt(11)
r.font.color.rgb = NAVY
r = header.add_run("   ·   Orchard Lane, Thornbury Vale, Kettleby KT4 9RW   ·   Tel 01632 960 233")
r.font.size = Pt(8.5)
r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

footer = section.footer.paragraphs[0]
footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = footer.add_run("Isla Brennan · 7LH · End of Year Report 2025-26 · Page ")
r.font.size = Pt(8.5)
add_field(footer, "PAGE")


def para(text: str, bold_lead: str | None = None, italic: bool = False):
    p = doc.add_paragraph()
    if bold_lead:
        p.add_run(bold_lead).bold = True
    run = p.add_run(text)
    run.italic = italic
    return p


def bullets(items):
    for it in items:
        doc.add_paragraph(it, style="List Bullet")


# ---- title and pupil details -----------------------------------------------------------------------------------------
t = doc.add_paragraph()
run = t.add_run("End of Year Report")
run.bold = True
run.font.size = Pt(22)
run.font.color.rgb = NAVY
sub = doc.add_paragraph()
sub.add_run("Year 7 · Summer Term 2026").font.size = Pt(13)

details = doc.add_table(rows=3, cols=4)
details.style = "Table Grid"
details.alignment = WD_TABLE_ALIGNMENT.CENTER
rows = [
    ("Student", "Isla Brennan", "Year group", "Year 7"),
    ("Form", "7LH", "Form tutor", "Miss Laura Hendry"),
    ("House", "Severn", "Date of report", "17 July 2026"),
]
for i, (a, b, c, d) in enumerate(rows):
    cells = details.rows[i].cells
    for j, text in enumerate((a, b, c, d)):
        cells[j].text = text
        if j in (0, 2):
            cells[j].paragraphs[0].runs[0].bold = True
            shade(cells[j], "E3E8F3")

# ---- attendance ------------------------------------------------------------------------------------------------------
doc.add_heading("Attendance and conduct", level=1)
para("Isla's attendance this year was 95.8%. She attended 320 of a possible 334 sessions (a session is a morning "
     "or an afternoon). Of the 14 sessions missed, 12 were authorised absences (illness and a medical appointment) "
     "and 2 were unauthorised (a family holiday in term time, 16 and 17 June 2026).", "Attendance: ")
para("Isla was late to school 3 times this year. The academy's attendance target for every student is 97% or "
     "above.", "Punctuality: ")
para("412 achievement points, 6 behaviour points, 1 after-school detention (missing PE kit, 4 March 2026). "
     "Isla received the Year 7 Headteacher's Award for Kindness in the spring term.", "Conduct: ")

# ---- grades table ----------------------------------------------------------------------------------------------------
doc.add_heading("Summary of grades", level=1)
para("Attainment shows how Isla is working compared with what we expect of a student at the end of Year 7: "
     "Exceeding (above expectations), Secure (working at expectations), Developing (working towards expectations) "
     "or Emerging (well below expectations). Effort is graded 1 to 4: 1 = Outstanding, 2 = Good, "
     "3 = Requires improvement, 4 = Cause for concern.")

SUBJECTS = [
    ("English", "Mr Tunde Adeyemi", "Secure", "1", "68%"),
    ("Mathematics", "Mrs Karin Lindqvist", "Exceeding", "1", "89%"),
    ("Science", "Dr Paula Ferreira", "Secure", "2", "72%"),
    ("History", "Mr Owen Pritchard", "Developing", "2", "54%"),
    ("Geography", "Ms Hannah Okoro", "Secure", "2", "66%"),
    ("French", "Madame Céline Dubois", "Developing", "3", "47%"),
    ("Computing", "Mr Sanjay Mehta", "Exceeding", "1", "91%"),
    ("Design & Technology", "Mr Paul Kershaw", "Developing", "2", "58%"),
    ("Art & Design", "Mrs Fiona Gallagher", "Secure", "1", "n/a (portfolio)"),
    ("Music", "Mr Callum Reid", "Secure", "2", "63%"),
    ("Drama", "Mr Ben Ashcroft", "Exceeding", "1", "n/a (performance)"),
    ("Physical Education", "Miss Jade Whitfield", "Secure", "2", "n/a (practical)"),
]
table = doc.add_table(rows=1, cols=5)
table.style = "Table Grid"
table.alignment = WD_TABLE_ALIGNMENT.CENTER
head = table.rows[0].cells
for cell, text in zip(head, ("Subject", "Teacher", "Attainment", "Effort", "End of year exam")):
    cell.text = text
    cell.paragraphs[0].runs[0].bold = True
    cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shade(cell, "1F2F5A")
for subject, teacher, attainment, effort, exam in SUBJECTS:
    cells = table.add_row().cells
    for cell, text in zip(cells, (subject, teacher, attainment, effort, exam)):
        cell.text = text
widths = (Cm(4.0), Cm(4.6), Cm(2.8), Cm(1.6), Cm(3.6))
for row in table.rows:
    for cell, w in zip(row.cells, widths):
        cell.width = w

# ---- subject reports -------------------------------------------------------------------------------------------------
doc.add_heading("Subject reports", level=1)

REPORTS = [
    ("English", "Mr Tunde Adeyemi", "Secure", "1",
     "Isla is an enthusiastic reader and her book review of Holes was one of the best in the class. Her creative "
     "writing is imaginative and well paced, and she used dialogue confidently in her ghost story. In the end of "
     "year exam she scored 68%. Her analytical paragraphs sometimes retell the plot rather than explain the "
     "writer's choices; she should use the PEE structure (Point, Evidence, Explain) every time."),
    ("Mathematics", "Mrs Karin Lindqvist", "Exceeding", "1",
     "An excellent year. Isla scored 89% in the end of year exam, the third highest mark in Year 7, and she "
     "earned a Silver certificate in the Junior Maths Challenge in April. She is quick with "
     "algebra and ratio and explains her reasoning clearly. She will move up to Set 1 in Year 8. To go further she "
     "should show every step of her working, as she loses marks for skipping steps in longer problems."),
    ("Science", "Dr Paula Ferreira", "Secure", "2",
     "Isla works safely and carefully in practicals and her write-up of the rates of reaction investigation was "
     "thorough. She scored 72% in the end of year exam, doing best on the biology questions. Her graphs need "
     "labelled axes with units, and she should revise the particle model, where she dropped most marks."),
    ("History", "Mr Owen Pritchard", "Developing", "2",
     "Isla takes part well in class discussion, particularly on the Norman Conquest and medieval medicine. Her "
     "exam mark of 54% reflects answers that were too short: she needs to support each point with specific "
     "evidence such as dates, names and sources. Her homework on the Black Death was handed in late twice."),
    ("Geography", "Ms Hannah Okoro", "Secure", "2",
     "Isla's fieldwork project on the River Leene was well organised and her annotated sketch maps were very "
     "clear. She scored 66% in the end of year exam. She should learn the key terms from the weather and climate "
     "unit, which she found harder, and practise six-figure grid references."),
    ("French", "Madame Céline Dubois", "Developing", "3",
     "Isla has a good accent and speaks confidently when she is prepared, but she does not learn her vocabulary "
     "regularly and her weekly vocabulary test scores have dropped since Easter (average 11 out of 20). She scored "
     "47% in the end of year exam, with the listening paper her weakest. She must spend at least 15 minutes, three "
     "times a week, on the Linguastar vocabulary app over the summer and in Year 8."),
    ("Computing", "Mr Sanjay Mehta", "Exceeding", "1",
     "Outstanding work all year. Isla's Python quiz program was the most ambitious in the group, with a scoring "
     "system and a high score table saved to a file. She scored 91% in the end of year exam. I would encourage "
     "her to join Code Club (Wednesdays, 3.20 to 4.30pm in room C12) in Year 8."),
    ("Design & Technology", "Mr Paul Kershaw", "Developing", "2",
     "Isla made a well-finished wooden phone stand in the workshop and worked safely with the tools. Her design "
     "folder is not complete: the evaluation section is missing and must be finished before September. She scored "
     "58% in the end of year exam."),
    ("Art & Design", "Mrs Fiona Gallagher", "Secure", "1",
     "Isla's sketchbook shows real care and her observational drawings of shells were displayed in the main "
     "corridor. She experiments willingly with new materials. Art is assessed on her portfolio rather than an "
     "exam. She should be more ambitious with colour and scale."),
    ("Music", "Mr Callum Reid", "Secure", "2",
     "Isla performs well on the keyboard and composed a good short piece using the pentatonic scale. She scored "
     "63% in the listening exam. She would benefit from joining the junior choir, which rehearses on Mondays at "
     "lunchtime."),
    ("Drama", "Mr Ben Ashcroft", "Exceeding", "1",
     "Isla is a natural performer and a generous member of any group. Her role as the narrator in the Year 7 "
     "production of The Borrowers in March was a highlight of the year. Drama is assessed through performance. "
     "She should now take on a directing role in group work to develop her leadership."),
    ("Physical Education", "Miss Jade Whitfield", "Secure", "2",
     "Isla is a strong netball player (Year 7 team, goal attack) and ran for the school at the district cross "
     "country in November, finishing 14th of 62. She forgot her PE kit four times this year, which meant she "
     "missed practical lessons. She must bring full kit every lesson."),
]
for subject, teacher, attainment, effort, comment in REPORTS:
    doc.add_heading(subject, level=2)
    p = doc.add_paragraph()
    p.add_run("Teacher: ").bold = True
    p.add_run(teacher)
    p.add_run("     Attainment: ").bold = True
    p.add_run(attainment)
    p.add_run("     Effort: ").bold = True
    p.add_run(effort)
    doc.add_paragraph(comment)

# ---- tutor and head --------------------------------------------------------------------------------------------------
doc.add_heading("Form tutor's comment", level=1)
para("Isla has settled into Thornbury Vale brilliantly. She is kind, funny and well liked, and she is always "
     "ready to help a friend or a new student. She represented 7LH on the Student Council this year and helped "
     "organise the form's cake sale, which raised £148 for the Kettleby food bank. She needs to get organised: "
     "forgotten PE kit and late History homework have held her back, and she should use her planner every day. "
     "Her attendance is just below the academy's target of 97%, and I would ask the family to avoid holidays in "
     "term time next year. I have really enjoyed being her tutor.")
para("Miss Laura Hendry, Form Tutor", italic=True)

doc.add_heading("Headteacher's comment", level=1)
para("A very positive first year, Isla. Your results in Mathematics, Computing and Drama are excellent, and your "
     "Award for Kindness shows the kind of person you are. Focus on your French vocabulary and on organisation, "
     "and Year 8 will be even better. Well done.")
para("Mrs Anita Castellano, Headteacher", italic=True)

doc.add_heading("Targets for Year 8", level=1)
bullets([
    "French: learn vocabulary for at least 15 minutes, three times a week, and aim for 15 out of 20 in weekly tests.",
    "History: support every point with specific evidence (dates, names, sources) and hand in all homework on time.",
    "Organisation: use the planner daily and check the timetable the night before so that PE kit is never "
    "forgotten.",
    "Attendance: reach the academy target of 97% or above.",
])

doc.add_heading("Important dates", level=1)
bullets([
    "Last day of the summer term: Wednesday 22 July 2026 (school finishes at 1.15pm).",
    "Year 8 starts: Thursday 3 September 2026 (Year 7 and Year 12 only start on Wednesday 2 September).",
    "Year 8 parents' evening: Thursday 26 November 2026, 4.30 to 7.30pm, booked through the SchoolLink app.",
])
para("If you would like to discuss this report, please contact Miss Hendry through the SchoolLink app or e-mail "
     "office@thornburyvale.example. Please sign and return the reply slip sent home with this report by "
     "Tuesday 21 July 2026.")

# ---- core properties and deterministic zip ---------------------------------------------------------------------------
cp = doc.core_properties
cp.author = "Thornbury Vale Academy"
cp.last_modified_by = "Thornbury Vale Academy"
cp.title = "End of Year Report 2025-26: Isla Brennan"
cp.subject = "Year 7 end of year report"
cp.created = FIXED
cp.modified = FIXED
cp.revision = 1

buf = io.BytesIO()
doc.save(buf)
src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
OUT.parent.mkdir(parents=True, exist_ok=True)
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(2026, 7, 17, 8, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        out.writestr(zi, src.read(info.filename))
print("wrote", OUT)
