"""Tables in PDFs and Word files read as rows that name their columns, and the cell a question asks about answered."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.shape.quotes import quotable, table_rows
from briefbot.answer.shape.table_answers import row_answer
from briefbot.ingest.chunking import chunk_document
from briefbot.ingest.formats import label_tables, load_docx, load_pdf
from briefbot.ingest.pdf_tables import tables_as_rows
from briefbot.text import tables

from .conftest import indexed_bot
from .test_briefing import bot_for

SPECS = [("Item", "DH-30", "DH-30P"), ("Moisture removal", "30 pints/day", "30 pints/day"), ("Rated power", "420 W", "445 W"),
         ("Net weight", "33 lb (15 kg)", "36 lb (16.3 kg)"),
         ("Warranty on the sealed refrigeration system and its parts", "5 years", "5 years")]


def manual_pdf(path: Path) -> Path:
    """A real PDF with a borderless table whose last row's first cell wraps over two lines, between two paragraphs."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Aerolith DH-30 Owner's Manual\nSpecifications\nThe table below lists the specifications of both models.")
    with pdf.table(col_widths=(50, 30, 30), text_align="LEFT", first_row_as_headings=False, borders_layout="NONE") as table:
        for values in SPECS:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.multi_cell(0, 6, "Keep the unit upright at all times. If it has been tilted, let it stand upright for 24 hours.")
    pdf.output(str(path))
    return path


def test_a_pdf_table_is_read_as_rows_naming_their_columns_on_the_lines_it_had(tmp_path: Path) -> None:
    pdf = manual_pdf(tmp_path / "manual.pdf")
    from pypdf import PdfReader

    plain = PdfReader(pdf).pages[0].extract_text()
    doc = load_pdf(pdf, "manual.pdf")
    lines = doc.text.rstrip("\n").split("\n")
    assert len(lines) == len(plain.split("\n"))  # what follows the table keeps its line number
    assert lines[3:8] == [
        "| Item | DH-30 | DH-30P |",
        "| Item: Moisture removal | DH-30: 30 pints/day | DH-30P: 30 pints/day |",
        "| Item: Rated power | DH-30: 420 W | DH-30P: 445 W |",
        "| Item: Net weight | DH-30: 33 lb (15 kg) | DH-30P: 36 lb (16.3 kg) |",
        "| Item: Warranty on the sealed refrigeration system and its parts | DH-30: 5 years | DH-30P: 5 years |",
    ]
    assert lines[:3] == plain.split("\n")[:3] and lines[-1] == plain.split("\n")[-1]  # the prose as it was
    # A chunk that starts below the header still quotes its rows with their columns.
    chunk = [c for c in chunk_document(doc, max_tokens=40, overlap=0) if "Net weight" in c.text][0]
    assert not chunk.text.lstrip().startswith("| Item |")
    assert "Item: Net weight; DH-30: 33 lb (15 kg); DH-30P: 36 lb (16.3 kg)" in [q for _, _, q in quotable(chunk.text)]


def test_two_columns_of_prose_are_no_table() -> None:
    """Two columns side by side line up like a table, but the plain text reads one column after the other."""
    left = ["Roughly one in five Americans lives", "in a rural county, and for many of", "them the nearest emergency ward is"]
    right = ["Turnover was highest among nurses", "in their first two years of practice,", "more than a third of whom left early."]
    layout = "\n".join(f"{a:<45}{b}" for a, b in zip(left, right))
    plain = "\n".join(left + right)
    assert tables_as_rows(plain, layout) == plain
    # The same lines read across (a real table) are rows.
    across = "\n".join(f"{a} {b}" for a, b in zip(left, right))
    assert tables_as_rows(across, layout).split("\n")[0].startswith("| Roughly one in five")


def test_rows_of_a_form_and_of_a_table_without_a_marked_header() -> None:
    form = "| Policy owner | Priya Nandakumar, Head of Information Security |\n| Next review | February 2026 |"
    assert [q for _, _, q in table_rows(form)] == ["Policy owner: Priya Nandakumar, Head of Information Security",
                                                   "Next review: February 2026"]
    team = "| Name | Role |\n| Kirra Walsh | Volunteer recruitment |"
    assert [q for _, _, q in table_rows(team)] == ["Name: Kirra Walsh; Role: Volunteer recruitment"]
    marked = "| Item | Owner |\n|---|---|\n| Order trees | Joanna Pryce |"
    assert [q for _, _, q in table_rows(marked)] == ["Item: Order trees; Owner: Joanna Pryce"]
    # A chunk that starts inside a Markdown table: its first row is no header (no |---| under it); cells without names,
    # not "2: 3; Pilot go-live: Laboratory system integration; ...".
    inside = "| 2 | Pilot go-live | Gareth Lloyd |\n| 3 | Laboratory system integration | Elaine Forsyth |"
    assert [q for _, _, q in table_rows(inside)] == ["2; Pilot go-live; Gareth Lloyd", "3; Laboratory system integration; Elaine Forsyth"]
    assert table_rows("Text above.\n| Item | DH-30 | DH-30P |") == []  # a header whose rows are in the next chunk
    # One field alone inside a passage is a form's row; at a passage's edge it may be a table cut off.
    assert table_rows("Parties above.\n\n| Case Number: 2404417/2026 |\n\nREASONS") == [(16, 45, "Case Number: 2404417/2026")]
    assert table_rows("Text above.\n| Item: DH-30 |") == []
    assert tables.written([["Name", "Role", "Time"], ["Tom Nguyen", "", "0.8 FTE"]]) == [
        "| Name | Role | Time |", "| Name: Tom Nguyen |  | Time: 0.8 FTE |"]
    # A sentence inside a cell is no sentence of its own.
    assert quotable("| Name: Kirra Walsh | Role: Coordinator. Volunteer training. |") == [
        (0, 62, "Name: Kirra Walsh; Role: Coordinator. Volunteer training.")]


def test_a_table_of_label_and_value_pairs_is_a_form() -> None:
    # A letter's details laid out in pairs of columns: each pair a field, not the first row taken for the columns' names.
    grid = [["Patient", "Mr Raymond Kellett", "NHS number", "943 476 5919"],
            ["Admitted", "18 November 2026", "Discharged", "24 November 2026, to home"],
            ["Consultant", "Dr Oluwaseun Adebayo", "GP", ""]]
    assert tables.written(grid) == ["| Patient: Mr Raymond Kellett |", "| NHS number: 943 476 5919 |",
                                    "| Admitted: 18 November 2026 |", "| Discharged: 24 November 2026, to home |",
                                    "| Consultant: Dr Oluwaseun Adebayo |"]
    assert [q for _, _, q in table_rows("\n".join(tables.written(grid)))][3] == "Discharged: 24 November 2026, to home"
    # A data table is not: its columns repeat values, or its first row names columns.
    meds = [["Drug", "Dose", "Frequency", "Duration"], ["Aspirin", "75 mg", "Once daily", "Lifelong"],
            ["Bisoprolol", "2.5 mg", "Once daily", "Ongoing"]]
    assert tables.written(meds)[1] == "| Drug: Aspirin | Dose: 75 mg | Frequency: Once daily | Duration: Lifelong |"
    staff = [["Name", "Role", "Team", "Start"], ["Jane Moss", "Lead", "Ops", "2024"]]
    assert tables.written(staff)[1] == "| Name: Jane Moss | Role: Lead | Team: Ops | Start: 2024 |"
    assert not tables.is_pair_grid([["Drug", "Dose", "Frequency"], ["Aspirin", "75 mg", "Once daily"]])  # odd columns


def test_a_word_letters_details_in_pairs_of_columns_answer_by_their_labels(tmp_path: Path, embedder) -> None:
    import docx

    (tmp_path / "corpus").mkdir()
    document = docx.Document()
    document.add_heading("Discharge summary", level=1)
    grid = document.add_table(rows=3, cols=4)
    for r, values in enumerate([("Patient", "Mr Raymond Kellett", "NHS number", "943 476 5919"),
                                ("Date of birth", "3 February 1954", "Hospital number", "SAH-0427731"),
                                ("Admitted", "18 November 2026", "Discharged", "24 November 2026, to home")]):
        for c, value in enumerate(values):
            grid.cell(r, c).text = value
    document.add_paragraph("Mr Kellett was treated for a heart attack and recovered well on the ward.")
    document.save(str(tmp_path / "corpus" / "discharge.docx"))
    # A field is said of its form's record: asked of another year than the form's, it is no answer.
    report = docx.Document()
    grid = report.add_table(rows=2, cols=4)
    for r, values in enumerate([("Student", "Isla Brennan", "Year group", "Year 7"), ("Form", "7LH", "Form tutor", "Miss Laura Hendry")]):
        for c, value in enumerate(values):
            grid.cell(r, c).text = value
    report.add_paragraph("Isla has had a very positive first year and is a kind and thoughtful member of her form.")
    report.save(str(tmp_path / "corpus" / "report.docx"))
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("When was Mr Kellett discharged?")
    assert answer.answered and answer.text.startswith("Discharged: 24 November 2026, to home")
    answer = bot.ask("What is Mr Kellett's hospital number?")
    assert answer.answered and answer.short_answer == "SAH-0427731"
    answer = bot.ask("Who is Isla's form tutor?")
    assert answer.answered and answer.text.startswith("Form tutor: Miss Laura Hendry")
    assert not bot.ask("Who will be Isla's form tutor in Year 8?").answered


def test_the_cell_a_question_asks_for() -> None:
    row = "Year ended 31 December: Headcount (FTE); 2021: 1,842; 2022: 1,967; 2023: 2,104; 2024: 2,188"
    assert row_answer("How many FTE employees did the group have at the end of 2023?", row, "number") == "2,104"
    specs = "Item: Net weight; DH-30: 33 lb (15 kg); DH-30P: 36 lb (16.3 kg)"
    assert row_answer("What does the DH-30P weigh?", specs, "other") == "36 lb (16.3 kg)"
    team = "Name: Kirra Walsh; Role: Coordinator, Landcare Network. Volunteer recruitment; liaison with Owners.; Time: 0.5 FTE"
    assert row_answer("Who is responsible for recruiting the volunteers?", team, "who") == "Kirra Walsh"
    milestone = "#: M3; Milestone: All 40 stations installed; Due date: 31 August 2026"
    assert row_answer("By what date should all the stations be installed?", milestone, "when") == "31 August 2026"
    assert row_answer("What salary is paid?", "Name: Tom Nguyen; Time: 0.8 FTE", "number", money=True) is None
    assert row_answer("Who attended?", "Nothing here is a row.", "who") is None
    # A lexicon parenthesis in prose is no row (SQuAD's "The Amazon rainforest (Portuguese: ...; Spanish: ...)").
    prose = "The Amazon rainforest (Portuguese: Floresta Amazônica; Spanish: Selva Amazónica), is a moist broadleaf forest."
    assert row_answer("What kind of forest is the Amazon rainforest?", prose, "other") is None


def test_a_question_about_a_pdf_table_is_answered_from_its_row_on_its_page(tmp_path: Path, embedder) -> None:
    (tmp_path / "corpus").mkdir()
    manual_pdf(tmp_path / "corpus" / "manual.pdf")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("How much does the DH-30P weigh?")
    assert answer.answered and answer.short_answer == "36 lb (16.3 kg)"
    assert answer.text.startswith("Item: Net weight; DH-30: 33 lb (15 kg); DH-30P: 36 lb (16.3 kg)")  # one row, not its neighbours
    (cite,) = answer.citations
    assert (cite.page, cite.start_line, cite.end_line) == (1, 7, 7)


def test_a_word_table_names_its_columns_in_each_row_merged_cells_kept_under_their_column(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    for r, values in enumerate([("Workstream", "Owner", "Status"), ("Data platform", "Amira Haddad", "Green"), ("Summary", "", "")]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(2, 0).merge(table.cell(2, 1)).text = "All workstreams on track"
    table.cell(2, 2).text = "Green"
    d.save(str(tmp_path / "status.docx"))
    lines = load_docx(tmp_path / "status.docx", "status.docx").text.splitlines()
    assert lines == ["| Workstream | Owner | Status |", "| Workstream: Data platform | Owner: Amira Haddad | Status: Green |",
                     "| Workstream: All workstreams on track | | Status: Green |"]


def test_a_web_page_table_names_its_columns_in_each_row() -> None:
    from briefbot.ingest.formats import html_document

    html = """<html><head><title>Hall fees</title></head><body><article><h1>Hall fees 2026</h1>
    <p>The council sets these fees for the year. They apply from April and cover every hall the council runs.</p>
    <table><tr><th>Hall</th><th>Hourly rate</th></tr><tr><td>Main hall</td><td>£42</td></tr><tr><td>Small hall</td><td>£18</td></tr></table>
    <table><tr><td>Contact</td><td>Jane Moss</td></tr><tr><td>Phone</td><td>01632 960123</td></tr></table>
    <p>Fees are reviewed each year by the finance committee before the budget is set in February.</p></article></body></html>"""
    lines = html_document("fees.html", html).text.splitlines()
    assert "| Hall: Small hall | Hourly rate: £18 |" in lines and "|---|---|" in lines
    assert "| Contact | Jane Moss |" in lines and "| Phone | 01632 960123 |" in lines  # a form: no header, rows as they are
    assert [q for _, _, q in table_rows("\n".join(lines))][-2:] == ["Contact: Jane Moss", "Phone: 01632 960123"]


def test_a_table_whose_first_column_has_no_name_and_a_cell_holding_a_bar() -> None:
    lines = tables.written([["", "2021", "2022"], ["Revenue (€m)", "301.2", "338.9"], ["Margin | net", "9%", "10%"]])
    assert lines[1:] == ["| Revenue (€m) | 2021: 301.2 | 2022: 338.9 |", "| Margin \\| net | 2021: 9% | 2022: 10% |"]
    assert [q for _, _, q in table_rows("\n".join(lines))] == ["Revenue (€m); 2021: 301.2; 2022: 338.9", "Margin | net; 2021: 9%; 2022: 10%"]
    assert row_answer("What was the revenue in 2022?", "Revenue (€m); 2021: 301.2; 2022: 338.9", "number") == "338.9"


def test_lists_contents_and_data_rows_are_not_taken_for_tables_or_headers() -> None:
    bullets = ["•", "•", "•"]
    items = ["A standard way to install MIME data.", "A standard way of getting a file's type.", "Standard locations."]
    layout = "\n".join(f"   {b}      {t}" for b, t in zip(bullets, items))
    plain = "\n".join(f"{b} {t}" for b, t in zip(bullets, items))
    assert tables_as_rows(plain, layout) == plain  # bullets in a column of their own: a list
    toc = ["2.2      Naming . . . . . . . . . . . . 3", "2.3      Simple parsing . . . . . . . . 4", "2.4      Notes . . . . . . . . . . . 4"]
    assert tables_as_rows("\n".join(" ".join(t.split()) for t in toc), "\n".join(toc)).startswith("2.2 Naming")
    # A first row repeated below it, or mostly figures, is data, not the columns' names (years are names).
    assert tables.written([["4", "CARD32", "ALIAS_OFFSET"], ["4", "CARD32", "MIME_TYPE_OFFSET"]])[1] == "| 4 | CARD32 | MIME_TYPE_OFFSET |"
    assert tables.written([["1,842", "2,104", "Total"], ["1,967", "2,188", "Total"]])[1] == "| 1,967 | 2,188 | Total |"
    assert tables.written([["Item", "DH-30", "DH-30P"], ["Rated power", "420 W", "445 W"]])[1] == (
        "| Item: Rated power | DH-30: 420 W | DH-30P: 445 W |")
    assert tables.written([["Year ended 31 December", "2021", "2022"], ["Revenue", "301.2", "338.9"]])[1] == (
        "| Year ended 31 December: Revenue | 2021: 301.2 | 2022: 338.9 |")


def test_a_markdown_table_longer_than_a_chunk_names_its_columns_in_every_row(tmp_path: Path, embedder) -> None:
    rows = [f"| Output channel {n} drive current | {100 + 2 * n} | {200 + 3 * n} | mA |" for n in range(1, 41)]
    text = ("# SX-200 datasheet\n\n## Electrical characteristics\n\n| Parameter | Typical | Max | Unit |\n|---|---|---|---|\n"
            + "\n".join(rows) + "\n\n```\n| a shell line | kept |\n|---|---|\n| as | written |\n```\n")
    lines = label_tables(text).split("\n")
    assert len(lines) == len(text.split("\n"))  # line for line: citations keep the file's lines
    assert lines[6] == "| Parameter: Output channel 1 drive current | Typical: 102 | Max: 203 | Unit: mA |"
    assert lines[-3] == "| as | written |"  # a code fence is no table
    bot = indexed_bot(tmp_path, {"sx200-datasheet.md": text}, embedder)
    answer = bot.ask("What is the maximum drive current of output channel 37?")
    (cite,) = answer.citations
    assert bot.search("output channel 37 drive current", 5)[0].chunk.start_line > 6  # a chunk that starts inside the table
    assert answer.answered and "Max: 311" in answer.text and answer.short_answer == "311"  # "maximum" names "Max"
    assert (cite.start_line, cite.end_line) == (43, 43)
