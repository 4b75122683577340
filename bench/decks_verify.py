"""Check bench/decks_questions.py against bench/decks/: every phrase is in its file's visible text.

    python bench/decks_verify.py [--dump FILE]    # exit status 1 on a problem; --dump prints a file's visible text

The visible text is computed here, independently of briefbot: for a workbook, the visible sheets only, each cell shown
as Excel displays it under its number format (the few formats bench/decks_make.py uses: thousands separators, a
currency symbol, decimals, percent, and dates); for a CSV, the parsed cells; for a deck, the text of every shape,
table cell and the speaker notes of every slide that is not hidden. A phrase must appear verbatim (whitespace
collapsed, case-sensitive). Strings that only the hidden sheet or the hidden slide hold must not be visible.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook
from pptx import Presentation

sys.path.insert(0, str(Path(__file__).resolve().parent))
from decks_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE

DOCS = Path(__file__).resolve().parent / "decks"

# What only a hidden sheet or hidden slide holds: it must not be visible (questions on it count as unanswerable).
HIDDEN_ONLY = {
    "sales-kpis-fy2025.xlsx": ["Kayla Brennan", "Jordan Mbeki", "4.5%", "$18,400", "$21,250", "commission"],
    "qbr-q3-2026-emea-customer-success.pptx": ["€512,000", "€598,000", "Quarterly cost", "Headcount"],
}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_sections(fmt: str) -> list[str]:
    """A number format's sections, split on semicolons outside quotes."""
    sections, current, quoted = [], "", False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            sections.append(current)
            current = ""
        else:
            current += ch
    return sections + [current]


def literal(text: str) -> str:
    """The text a format section shows around its number: quotes, escapes and colour tags removed."""
    text = re.sub(r"\[[^\]]*\]", "", text)
    text = re.sub(r'"([^"]*)"', r"\1", text)
    return text.replace("\\", "")


def format_date(value: dt.date, fmt: str) -> str:
    tokens = {"yyyy": lambda d: f"{d.year:04d}", "yy": lambda d: f"{d.year % 100:02d}",
              "mmmm": lambda d: MONTH_NAMES[d.month - 1], "mmm": lambda d: MONTHS[d.month - 1],
              "mm": lambda d: f"{d.month:02d}", "m": lambda d: str(d.month),
              "dd": lambda d: f"{d.day:02d}", "d": lambda d: str(d.day)}
    out, i = "", 0
    fmt = literal(fmt)
    while i < len(fmt):
        for token in ("yyyy", "yy", "mmmm", "mmm", "mm", "m", "dd", "d"):
            if fmt.startswith(token, i):
                out += tokens[token](value)
                i += len(token)
                break
        else:
            out += fmt[i]
            i += 1
    return out


def format_number(value: float, fmt: str) -> str:
    if fmt in ("General", "", None):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    sections = split_sections(fmt)
    negative = value < 0
    if negative and len(sections) > 1:
        section, value, sign = sections[1], -value, ""
    else:
        section, value, sign = sections[0], abs(value), "-" if negative else ""
    if "%" in section:
        value *= 100
    match = re.search(r"[#0][#0,]*(\.0+)?", literal(section))
    if not match:
        return sign + literal(section)
    token = match.group(0)
    decimals = len(match.group(1)) - 1 if match.group(1) else 0
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    number = f"{rounded:,.{decimals}f}" if "," in token else f"{rounded:.{decimals}f}"
    text = literal(section)
    return sign + text[: match.start()] + number + text[match.end():]


def display(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date)):
        return format_date(value, cell.number_format)
    if isinstance(value, (int, float)):
        return format_number(value, cell.number_format)
    return str(value)


def workbook_text(path: Path) -> tuple[str, str]:
    """(visible text, hidden-sheet text) of a workbook, one line per row, cells joined by ' | '."""
    wb = load_workbook(path)
    visible, hidden = [], []
    for ws in wb.worksheets:
        lines = [f"[{ws.title}]"]
        for row in ws.iter_rows():
            cells = [display(c) for c in row if c.value is not None]
            if cells:
                lines.append(" | ".join(cells))
        (visible if ws.sheet_state == "visible" else hidden).append("\n".join(lines))
    return "\n\n".join(visible), "\n\n".join(hidden)


def shape_texts(shapes) -> list[str]:
    out = []
    for shape in shapes:
        if shape.shape_type == 6:  # group
            out += shape_texts(shape.shapes)
        if shape.has_text_frame:
            out.append("\n".join(p.text for p in shape.text_frame.paragraphs))
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                out.append(" | ".join(cell.text for cell in row.cells))
    return out


def deck_text(path: Path) -> tuple[str, str]:
    """(visible text, hidden-slide text) of a deck: shapes, tables and speaker notes."""
    visible, hidden = [], []
    for n, slide in enumerate(Presentation(path).slides, start=1):
        parts = [f"[slide {n}]"] + shape_texts(slide.shapes)
        if slide.has_notes_slide:
            parts.append("Notes: " + slide.notes_slide.notes_text_frame.text)
        (hidden if slide._element.get("show") == "0" else visible).append("\n".join(parts))
    return "\n\n".join(visible), "\n\n".join(hidden)


def csv_text(path: Path) -> tuple[str, str]:
    raw = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if raw.splitlines()[0].count(";") > raw.splitlines()[0].count(",") else ","
    rows = csv.reader(raw.splitlines(keepends=True), delimiter=delimiter)
    return "\n".join(" | ".join(row) for row in rows), ""


def texts(path: Path) -> tuple[str, str]:
    if path.suffix == ".xlsx":
        return workbook_text(path)
    if path.suffix == ".pptx":
        return deck_text(path)
    return csv_text(path)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        shown, hidden = texts(DOCS / sys.argv[2])
        print(shown)
        if hidden:
            print("\n===== hidden =====\n" + hidden)
        return 0
    problems: list[str] = []
    files = sorted({q[0] for q in QUESTIONS})
    cache = {}
    for name in files:
        path = DOCS / name
        if not path.exists():
            problems.append(f"missing file {name}")
            continue
        shown, hidden = texts(path)
        cache[name] = (collapse(shown), collapse(hidden))
    per_file: dict[str, int] = {}
    for source, question, phrases, short in QUESTIONS:
        per_file[source] = per_file.get(source, 0) + 1
        if source not in cache:
            continue
        shown, hidden = cache[source]
        if not phrases:
            problems.append(f"no phrase: {question}")
        for phrase in phrases:
            if collapse(phrase) not in shown:
                where = "only in the hidden part" if collapse(phrase) in hidden else "not found"
                problems.append(f"{source}: {phrase!r} {where} ({question})")
    for name, strings in HIDDEN_ONLY.items():
        if name in cache:
            shown, hidden = cache[name]
            for s in strings:
                if s not in hidden:
                    problems.append(f"{name}: hidden-only string {s!r} is not in the hidden part")
                if s in shown:
                    problems.append(f"{name}: hidden-only string {s!r} is visible")
    unanswerable_files: dict[str, int] = {}
    for q in UNANSWERABLE:
        name = UNANSWERABLE_FILE.get(q)
        if name is None:
            problems.append(f"unanswerable question tied to no file: {q}")
        elif not (DOCS / name).exists():
            problems.append(f"unanswerable question tied to a missing file {name}: {q}")
        else:
            unanswerable_files[name] = unanswerable_files.get(name, 0) + 1
    if len(set(UNANSWERABLE)) != len(UNANSWERABLE):
        problems.append("duplicate unanswerable questions")
    if len({q[1] for q in QUESTIONS}) != len(QUESTIONS):
        problems.append("duplicate questions")
    on_disk = sorted(p.name for p in DOCS.iterdir())
    if on_disk != files:
        problems.append(f"files on disk {on_disk} differ from the files asked about {files}")
    print(f"{len(files)} files, {len(QUESTIONS)} questions "
          f"({sum(len(q[2]) for q in QUESTIONS)} phrases), {len(UNANSWERABLE)} unanswerable")
    for name in files:
        print(f"  {name:45s} {per_file.get(name, 0):2d} questions, {unanswerable_files.get(name, 0):2d} unanswerable")
    for p in problems:
        print("PROBLEM:", p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
