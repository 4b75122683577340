"""Spreadsheets (ingest/sheets/): CSV and TSV records cited at their file lines, Excel sheets as pages
whose lines are their rows, tables' rows naming their columns, values as Excel shows them; bad files skipped with one
line."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.errors import LoadError
from briefbot.ingest.sheets import load_csv, load_xlsx
from briefbot.ingest.sheets.cells import cell_text, is_value
from briefbot.ingest.sheets.rows import block_lines, sheet_lines
from briefbot.settings import load_settings

from .conftest import run_cli

BUDGET_CSV = """Category,Q2 2025,Q3 2025,Owner,Notes
Fleet fuel,"1,200",950,Ravi Shah,
Driver training,400,"2,100",Amy Lee,"Two first-aid courses,
booked for July"
Route planning software,300,310,Tom Ng,
Depot supplies,120,135,Amy Lee,
"""


def budget_book(path: Path) -> Path:
    """A workbook: a summary sheet, a hidden sheet, a sheet with a title over a table (dates, currency, percentages,
    a formula never calculated, totals under a spacer row, a note), a sheet with a merged header."""
    import openpyxl

    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary["A1"] = "Fennick Logistics budget 2025"
    summary["A3"] = "The finance team reviews the budget every quarter and reports to the board in October."
    hidden = book.create_sheet("Draft bonuses")
    hidden["A1"], hidden["B1"] = "Bonus pool", 900000
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("Q3 actuals")
    sheet["A2"] = "Q3 budget - Finance"
    rows = [["Cost centre", "Owner", "Approved", "Spent", "Share of budget", "Forecast"],
            ["Travel", "Ravi Shah", dt.datetime(2025, 7, 14), 1250, 0.125, None],
            ["Training", "Amy Lee", dt.datetime(2025, 8, 2, 14, 30), 3400.5, 0.34, "=D6*2"],
            ["Software licences", "Tom Ng", dt.datetime(2025, 9, 30), 980.25, 0.098, None]]
    for r, row in enumerate(rows, 4):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value)
    for r in range(5, 8):
        sheet.cell(r, 3).number_format = "dd/mm/yyyy hh:mm" if r == 6 else "dd/mm/yyyy"
        sheet.cell(r, 4).number_format = '"£"#,##0.00'
        sheet.cell(r, 5).number_format = "0.0%"
    sheet["A9"], sheet["D9"] = "Total", 0.1 + 0.2
    sheet["A11"] = "Figures exclude VAT."
    regions = book.create_sheet("Regions")
    regions["A1"], regions["B1"], regions["B2"], regions["C2"] = "Region", "Sales", "Q2 2025", "Q3 2025"
    regions.merge_cells("B1:C1")
    regions.append(["Midlands", 1.93, 1.87])
    regions.append(["North West", 2.1, 2.4])
    book.save(str(path))
    return path


def page(doc, number: int) -> list[str]:
    starts = [*doc.page_starts, len(doc.text)]
    return doc.text[starts[number - 1] : starts[number]].rstrip("\n").split("\n")


# --- values and tables ----------------------------------------------------------------------------


def test_values_read_as_excel_shows_them() -> None:
    shown = {
        (dt.datetime(2025, 3, 12), "dd/mm/yyyy"): "12 March 2025",
        (dt.datetime(2025, 3, 12, 14, 30), "yyyy-mm-dd h:mm"): "12 March 2025 14:30",
        (dt.datetime(2025, 3, 1), "mmm-yy"): "March 2025",
        (dt.time(14, 30), "h:mm AM/PM"): "2:30 PM",
        (0.125, "0.0%"): "12.5%",
        (0.125, "0%"): "13%",
        (1250, '"£"#,##0.00'): "£1,250.00",
        (1250.5, "#,##0.00 [$€-407]"): "1,250.50 €",
        (1250, '_-[$£-809]* #,##0.00_-;\\-[$£-809]* #,##0.00_-;_-[$£-809]* "-"??_-;_-@_-'): "£1,250.00",
        (-1250, '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)'): "($1,250.00)",
        (1500000, '#,##0.0,,"m"'): "1.5m",
        (12.567, "0.0#"): "12.57",
        (0.1 + 0.2, "General"): "0.3",
        (2 / 3, "General"): "0.6666666667",
        (42, "@"): "42",
        (True, "General"): "TRUE",
        ("Two lines\nin a cell", "General"): "Two lines in a cell",
    }
    assert {key: cell_text(*key) for key in shown} == shown
    assert [is_value(c) for c in ("£1,250.00", "12.5%", "(1,250)", "12/03/2025", "12 March 2025", "TRUE")] == [True] * 6
    assert [is_value(c) for c in ("Region", "Q3 2025", "2025", "FY2024", "Cost centre")] == [False] * 5


def test_a_tables_first_row_names_its_columns_only_when_it_holds_names() -> None:
    header = [["Region", "Q2 2025", "Q3 2025"], ["Midlands", "1.93", "1.87"], ["North", "", "2.4"]]
    assert block_lines(header)[0] == ["| Region | Q2 2025 | Q3 2025 |", "| Region: Midlands | Q2 2025: 1.93 | Q3 2025: 1.87 |",
                                      "| Region: North | Q3 2025: 2.4 |"]  # an empty cell is left out
    figures = [["12/03/2025", "Midlands", "1.93"], ["13/03/2025", "North", "2.4"]]
    assert block_lines(figures)[0] == ["| 12/03/2025 | Midlands | 1.93 |", "| 13/03/2025 | North | 2.4 |"]
    repeated = [["Item", "Cost", "Cost"], ["Survey", "400", "410"]]
    assert block_lines(repeated)[0][1] == "| Survey | 400 | 410 |"
    titled = [["Q3 budget - Finance"], ["Item", "Cost"], ["Survey", "£400"]]
    assert block_lines(titled)[0] == ["Q3 budget - Finance", "| Item | Cost |", "| Item: Survey | Cost: £400 |"]
    assert block_lines([["Prepared by:", "Jane Moss"]])[0] == ["Prepared by: Jane Moss"]  # one row alone: text
    # Totals under a spacer row are still the table's; a note stays text; a table starting in column B is read there.
    assert sheet_lines([["", "Item", "Cost"], ["", "Survey", "£400"], [], ["", "Total", "£400"], [], ["Prices exclude VAT."]]) == [
        "| Item | Cost |", "| Item: Survey | Cost: £400 |", "", "| Item: Total | Cost: £400 |", "", "Prices exclude VAT."]


# --- CSV and TSV ----------------------------------------------------------------------------------


def test_csv_records_are_lines_cited_where_they_start(tmp_path: Path) -> None:
    (tmp_path / "budget.csv").write_text(BUDGET_CSV, encoding="utf-8")
    doc = load_csv(tmp_path / "budget.csv", "budget.csv")
    lines = doc.text.splitlines()
    assert lines == [
        "| Category | Q2 2025 | Q3 2025 | Owner | Notes |",
        "| Category: Fleet fuel | Q2 2025: 1,200 | Q3 2025: 950 | Owner: Ravi Shah |",
        "| Category: Driver training | Q2 2025: 400 | Q3 2025: 2,100 | Owner: Amy Lee | Notes: Two first-aid courses, booked for July |",
        "| Category: Route planning software | Q2 2025: 300 | Q3 2025: 310 | Owner: Tom Ng |",
        "| Category: Depot supplies | Q2 2025: 120 | Q3 2025: 135 | Owner: Amy Lee |",
    ]
    at = {line.split(" | ")[0].removeprefix("| Category: "): doc.line_of(doc.text.index(line)) for line in lines}
    assert at == {"| Category": 1, "Fleet fuel": 2, "Driver training": 3, "Route planning software": 5, "Depot supplies": 6}


def test_delimiters_encodings_and_a_file_without_a_header(tmp_path: Path) -> None:
    (tmp_path / "ventes.csv").write_bytes("Région;Responsable;Ventes\r\nÎle-de-France;Zoé Martin;1,93\r\nCôte d'Or;Léa Roux;2,5\r\n"
                                          .encode("cp1252"))
    assert load_csv(tmp_path / "ventes.csv", "v").text.splitlines()[1] == (
        "| Région: Île-de-France | Responsable: Zoé Martin | Ventes: 1,93 |")  # ";" with decimal commas, Windows-1252
    (tmp_path / "bom.csv").write_bytes("\ufeffName|Team\nJane Moss|Finance\nRavi Shah|Sales\n".encode("utf-8-sig"))
    assert load_csv(tmp_path / "bom.csv", "b").text.splitlines() == ["| Name | Team |", "| Name: Jane Moss | Team: Finance |",
                                                                      "| Name: Ravi Shah | Team: Sales |"]
    (tmp_path / "staff.tsv").write_text("Name\tStarted\nJane Moss\t2019\n", encoding="utf-8")
    assert load_csv(tmp_path / "staff.tsv", "s").text.splitlines()[1] == "| Name: Jane Moss | Started: 2019 |"
    (tmp_path / "log.csv").write_text("2025-03-12,pump 4,restarted\n2025-03-13,pump 2,serviced\n", encoding="utf-8")
    assert load_csv(tmp_path / "log.csv", "l").text.splitlines() == ["| 2025-03-12 | pump 4 | restarted |",
                                                                      "| 2025-03-13 | pump 2 | serviced |"]
    (tmp_path / "open.csv").write_text('Item,Note\nA,"never closed\nB,fine\nC,fine\n', encoding="utf-8")
    doc = load_csv(tmp_path / "open.csv", "o")  # a quote never closed does not swallow the rest of the file
    assert doc.text.splitlines()[2:] == ["| Item: B | Note: fine |", "| Item: C | Note: fine |"]
    assert doc.line_of(doc.text.index("Item: C")) == 4


# --- Excel ----------------------------------------------------------------------------------------


def test_each_visible_sheet_is_a_page_whose_lines_are_its_rows(tmp_path: Path) -> None:
    doc = load_xlsx(budget_book(tmp_path / "book.xlsx"), "book.xlsx")
    assert len(doc.page_starts) == 3 and "900,000" not in doc.text and "Bonus" not in doc.text  # the hidden sheet
    assert page(doc, 1) == ["Fennick Logistics budget 2025", "",
                            "The finance team reviews the budget every quarter and reports to the board in October."]
    assert page(doc, 2) == [
        "Q3 budget - Finance",  # row 2 (row 1 is empty: the page's shift)
        "",
        "| Cost centre | Owner | Approved | Spent | Share of budget | Forecast |",
        "| Cost centre: Travel | Owner: Ravi Shah | Approved: 14 July 2025 | Spent: £1,250.00 | Share of budget: 12.5% |",
        "| Cost centre: Training | Owner: Amy Lee | Approved: 2 August 2025 14:30 | Spent: £3,400.50 | Share of budget: 34.0% |",
        "| Cost centre: Software licences | Owner: Tom Ng | Approved: 30 September 2025 | Spent: £980.25 | Share of budget: 9.8% |",
        "",
        "| Cost centre: Total | Spent: 0.3 |",  # under the table's header after a spacer row; no float noise
        "",
        "Figures exclude VAT.",
    ]
    assert doc.page_shifts == (0, 1, 0)
    assert page(doc, 3)[2] == "| Region: Midlands | Sales Q2 2025: 1.93 | Sales Q3 2025: 1.87 |"  # a merged header
    assert [name for _, name in doc.sections] == ["Summary", "Q3 actuals", "Regions"]


def test_a_big_workbook_is_streamed_to_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over _FULL_READ_BYTES a workbook is read in openpyxl's read-only mode: the same pages, but merged cells unknown."""
    from briefbot.ingest.sheets import workbook

    book = budget_book(tmp_path / "book.xlsx")
    full = load_xlsx(book, "book.xlsx")
    monkeypatch.setattr(workbook, "_FULL_READ_BYTES", 0)
    streamed = load_xlsx(book, "book.xlsx")
    assert [page(streamed, n) for n in (1, 2)] == [page(full, n) for n in (1, 2)]
    assert (streamed.page_shifts, streamed.sections) == (full.page_shifts, full.sections)


# --- asked, cited, briefed ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sheet_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:
    root = tmp_path_factory.mktemp("sheets")
    (root / "corpus").mkdir()
    (root / "corpus" / "budget.csv").write_text(BUDGET_CSV, encoding="utf-8")
    budget_book(root / "corpus" / "book.xlsx")
    bot = Briefbot(load_settings(index=root / ".briefbot", corpus=[root / "corpus"], generator="extractive"))
    bot._embedder = embedder  # type: ignore[assignment]
    bot.ingest()
    return bot


def test_a_csv_row_answers_and_is_cited_at_its_record(sheet_bot: Briefbot) -> None:
    a = sheet_bot.ask("What did fleet fuel cost in Q3?")
    assert a.answered and a.short_answer == "950"  # the cell under the column the question names
    assert a.text == "Category: Fleet fuel; Q2 2025: 1,200; Q3 2025: 950; Owner: Ravi Shah [1]"
    assert a.citations[0].location == "corpus/budget.csv:2-2"
    a = sheet_bot.ask("What was booked for July?")  # a cell of two lines: its record is cited at its first line
    assert "Notes: Two first-aid courses, booked for July [1]" in a.text
    assert a.citations[0].location == "corpus/budget.csv:3-3"
    a = sheet_bot.ask("Who is the owner of route planning software?")  # the record after it
    assert a.short_answer == "Tom Ng" and a.citations[0].location == "corpus/budget.csv:5-5"


def test_a_sheet_row_answers_and_is_cited_by_sheet_and_row(sheet_bot: Briefbot) -> None:
    a = sheet_bot.ask("How much was spent on training?")
    assert a.answered and a.short_answer == "£3,400.50"
    assert "Cost centre: Training; Owner: Amy Lee; Approved: 2 August 2025 14:30; Spent: £3,400.50" in a.text
    c = a.citations[0]
    assert (c.location, c.page, c.section) == ("corpus/book.xlsx sheet 2:6-6", 2, "Q3 actuals")
    assert sheet_bot.ask("When was the travel budget approved?").short_answer == "14 July 2025"
    a = sheet_bot.ask("What were Midlands sales in Q3 2025?")
    assert a.short_answer == "1.87" and a.citations[0].location == "corpus/book.xlsx sheet 3:3-3"


def test_a_hidden_sheet_is_not_indexed(sheet_bot: Briefbot) -> None:
    hits = sheet_bot.search("bonus pool", k=10)
    assert not any("900" in h.chunk.text or "Bonus" in h.chunk.text for h in hits)


def test_a_spreadsheet_brief_quotes_no_table_markup(sheet_bot: Briefbot) -> None:
    b = sheet_bot.brief(source="corpus/book.xlsx")  # the summary sheet's sentence
    assert b.answered and "|" not in b.text
    assert b.text.startswith("The finance team reviews the budget every quarter")
    assert b.citations[0].location == "corpus/book.xlsx sheet 1:3-3"
    b = sheet_bot.brief(source="corpus/budget.csv")  # rows only: no sentence to quote
    assert not b.answered and "|" not in b.text and b.text.startswith("The file has no sentences to summarise")


# --- the command line, and files that cannot be read --------------------------------------------


def test_cli_cites_sheets_and_skips_bad_spreadsheets_with_one_line(tmp_path: Path) -> None:
    import openpyxl

    docs = tmp_path / "corpus"
    docs.mkdir()
    good = budget_book(docs / "book.xlsx")
    (docs / "old.xlsx").write_bytes(bytes(range(256)) * 8)
    (docs / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    (docs / "empty.xlsx").write_bytes(b"")
    (docs / "cut.xlsm").write_bytes(good.read_bytes()[:3000])
    with zipfile.ZipFile(docs / "notbook.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    blank = openpyxl.Workbook()
    blank.active["A1"] = "=SUM(B1:B4)"  # a formula never calculated: no value
    blank.save(str(docs / "blank.xlsx"))
    (docs / "commas.csv").write_text(",,\n,,\n", encoding="utf-8")
    (docs / "none.csv").write_text("", encoding="utf-8")
    (docs / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))  # not read at all

    r = run_cli("ingest", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    reasons = dict(line.removeprefix("briefbot: skipped ").split(": ", 1) for line in r.stderr.splitlines())
    assert reasons == {
        "corpus/blank.xlsx": "the workbook has no text",
        "corpus/commas.csv": "the file has no rows",
        "corpus/cut.xlsm": "the Excel file is damaged or cut short (its zip package has no end)",
        "corpus/empty.xlsx": "the file is empty",
        "corpus/locked.xlsx": "the workbook is encrypted with a password (or an old .xls saved as .xlsx)",
        "corpus/none.csv": "the file is empty",
        "corpus/notbook.xlsx": "not an Excel .xlsx file (a zip archive without the parts of a workbook)",
        "corpus/old.xlsx": "not an Excel .xlsx file (not a zip package: an old .xls, or another format renamed?)",
    }, r.stderr
    assert "1 added" in r.stdout and "1 .xls" in r.stdout, r.stdout

    r = run_cli("ask", "How much was spent on software licences?", "--no-refresh", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    c = json.loads(r.stdout)["citations"][0]
    assert (c["location"], c["page"], c["section"]) == ("corpus/book.xlsx sheet 2:7-7", 2, "Q3 actuals")
    r = run_cli("brief", "--source", "corpus/book.xlsx", "--no-refresh", cwd=tmp_path)
    assert r.returncode == 0 and "|" not in r.stdout, r.stdout
    assert "corpus/book.xlsx sheet 1:3-3" in r.stdout


def test_a_workbook_with_text_only_on_hidden_sheets_says_so(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.create_sheet("Draft")["A1"] = "Bonus pool"
    book["Draft"].sheet_state = "hidden"
    book.save(str(tmp_path / "draft.xlsx"))
    with pytest.raises(LoadError, match=r"draft\.xlsx: the workbook has no text outside its hidden sheets$"):
        load_xlsx(tmp_path / "draft.xlsx", "draft.xlsx")


def test_a_file_of_tables_is_briefed_from_the_sentences_in_its_cells(tmp_path: Path, embedder) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "tracker.csv").write_text(
        "ID,Milestone,Owner,Status,Comments\n"
        "M1,Design signed off,Aisha Karim,Complete,Signed off at the steering group on 13 February.\n"
        "M2,Trial load,Tomasz Nowicki,Amber,\"Trial load 1 ran on 18 September; 4.2% of records failed validation.\"\n"
        "M3,Go-live,Rhiannon Bevan,Red,Go-live is now forecast for 6 March 2027 pending steering group approval.\n"
        "M4,Training,Gemma Fairclough,Not started,\n", encoding="utf-8")
    bot = Briefbot(load_settings(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"], generator="extractive"))
    bot._embedder = embedder  # type: ignore[assignment]
    bot.ingest()
    b = bot.brief(source="corpus/tracker.csv")
    assert b.answered and "|" not in b.text and "Milestone:" not in b.text  # the comments' sentences, not the rows
    assert "Go-live is now forecast for 6 March 2027 pending steering group approval. [" in b.text
    assert all(c.location.startswith("corpus/tracker.csv:") for c in b.citations)
    assert [c.location for c in b.citations] == ["corpus/tracker.csv:2-4"]  # the three records quoted
