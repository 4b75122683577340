"""Check bench/tables_questions.py against bench/tables/: every phrase is in its file's visible text.

    python bench/tables_verify.py [--dump FILE]    # exit status 1 on a problem; --dump prints a file's visible text

The visible text is computed here, independently of briefbot: Markdown and plain text as they are; for an HTML page,
the text of the body (script and style left out, entities decoded, a line break at every block or table-cell
boundary so that adjacent cells do not run together); for a Word document, its paragraphs and table cells in body
order; for a CSV, the parsed cells; for a workbook, the visible sheets only, each cell shown as Excel displays it under
its number format (the formats bench/tables_make.py uses: General and "hh:mm" for times). A phrase must appear
verbatim (whitespace collapsed, case-sensitive). The script also checks the counts: 40 questions and 40 unanswerable,
five of each per file, in the files' order, and that the files on disk are exactly the eight asked about.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE

DOCS = Path(__file__).resolve().parent / "tables"
FILES = ["league-table-2025.md", "clinic-fees.html", "bus-timetable-route-42.html", "grant-awards-2026.docx",
         "laptop-comparison.docx", "it-asset-register.csv", "conference-schedule.xlsx", "membership-fees.txt"]
PER_FILE = 5

BLOCK = {"p", "div", "td", "th", "tr", "li", "ul", "ol", "table", "thead", "tbody", "caption", "h1", "h2", "h3",
         "h4", "h5", "h6", "nav", "header", "footer", "main", "section", "article", "br", "a"}
HIDDEN = {"script", "style", "head", "template", "noscript"}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class BodyText(HTMLParser):
    """The text of a page's body: hidden elements skipped, a line break at block boundaries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in HIDDEN:
            self.hidden += 1
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_body and not self.hidden:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = BodyText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    lines = (collapse(line) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def docx_text(path: Path) -> str:
    doc = Document(path)
    out = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                out.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(out)


def csv_text(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return "\n".join(" | ".join(row) for row in csv.reader(f))


def display(cell) -> str:
    value, fmt = cell.value, cell.number_format
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.time):
        if fmt in ("hh:mm", "h:mm"):
            return f"{value.hour:02d}:{value.minute:02d}" if fmt == "hh:mm" else f"{value.hour}:{value.minute:02d}"
        raise ValueError(f"time cell {cell.coordinate} has an unhandled format {fmt!r}")
    if isinstance(value, (dt.datetime, dt.date)):
        raise ValueError(f"date cell {cell.coordinate} is not expected in this round")
    if isinstance(value, (int, float)):
        if fmt != "General":
            raise ValueError(f"number cell {cell.coordinate} has an unhandled format {fmt!r}")
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value)


def workbook_text(path: Path) -> str:
    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        out.append(f"[{ws.title}]")
        for row in ws.iter_rows():
            cells = [display(c) for c in row if c.value is not None]
            if cells:
                out.append(" | ".join(cells))
    return "\n".join(out)


def text(path: Path) -> str:
    if path.suffix in (".md", ".txt"):
        return path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_text(path)
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".csv":
        return csv_text(path)
    if path.suffix == ".xlsx":
        return workbook_text(path)
    raise ValueError(f"unexpected file type {path.name}")


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        print(text(DOCS / sys.argv[2]))
        return 0
    problems: list[str] = []
    cache: dict[str, str] = {}
    for name in FILES:
        path = DOCS / name
        if not path.exists():
            problems.append(f"missing file {name}")
            continue
        try:
            cache[name] = collapse(text(path))
        except Exception as exc:  # noqa: BLE001 - report and go on
            problems.append(f"{name}: cannot read ({exc})")
    on_disk = sorted(p.name for p in DOCS.iterdir())
    if on_disk != sorted(FILES):
        problems.append(f"files on disk {on_disk} differ from the eight expected {sorted(FILES)}")

    if len(QUESTIONS) != PER_FILE * len(FILES):
        problems.append(f"{len(QUESTIONS)} questions, expected {PER_FILE * len(FILES)}")
    if len(UNANSWERABLE) != PER_FILE * len(FILES):
        problems.append(f"{len(UNANSWERABLE)} unanswerable questions, expected {PER_FILE * len(FILES)}")
    expected_order = [name for name in FILES for _ in range(PER_FILE)]
    if [q[0] for q in QUESTIONS] != expected_order:
        problems.append("questions are not five per file in the files' order")
    if [UNANSWERABLE_FILE.get(q) for q in UNANSWERABLE] != expected_order:
        problems.append("unanswerable questions are not five per file in the files' order")
    if len({q[1] for q in QUESTIONS}) != len(QUESTIONS):
        problems.append("duplicate questions")
    if len(set(UNANSWERABLE)) != len(UNANSWERABLE):
        problems.append("duplicate unanswerable questions")
    if {q[1] for q in QUESTIONS} & set(UNANSWERABLE):
        problems.append("a question is both answerable and unanswerable")

    per_file: dict[str, int] = {}
    unanswerable_files: dict[str, int] = {}
    for source, question, phrases, short in QUESTIONS:
        per_file[source] = per_file.get(source, 0) + 1
        if source not in FILES:
            problems.append(f"question on an unknown file {source}: {question}")
            continue
        if not phrases:
            problems.append(f"no phrase: {question}")
        if short is not None and not isinstance(short, str):
            problems.append(f"short answer is not a string or None: {question}")
        if source not in cache:
            continue
        for phrase in phrases:
            if collapse(phrase) not in cache[source]:
                problems.append(f"{source}: {phrase!r} not found ({question})")
    for q in UNANSWERABLE:
        name = UNANSWERABLE_FILE.get(q)
        if name is not None:
            unanswerable_files[name] = unanswerable_files.get(name, 0) + 1

    print(f"{len(FILES)} files, {len(QUESTIONS)} questions "
          f"({sum(len(q[2]) for q in QUESTIONS)} phrases), {len(UNANSWERABLE)} unanswerable")
    for name in FILES:
        size = (DOCS / name).stat().st_size if (DOCS / name).exists() else 0
        print(f"  {name:30s} {size:6d} bytes  {len(cache.get(name, '')):5d} chars of text  "
              f"{per_file.get(name, 0):2d} questions, {unanswerable_files.get(name, 0):2d} unanswerable")
    for p in problems:
        print("PROBLEM:", p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
