"""Table rows as statements: "| Net weight | 33 lb (15 kg) | 36 lb (16.3 kg) |" says nothing without its columns.

A Markdown table marks its header (a ``|---|`` row under it). A table read from a PDF or a Word file has no such
mark: ingest writes its data rows with their column names in each cell ("| Item: Net weight | DH-30: 33 lb (15 kg)
| ..."), so a row still says what it says in a chunk that starts below the header. Shared by ingest (writing the
rows) and answer (quoting them: answer/shape/quotes.py), so neither imports the other.
"""

from __future__ import annotations

import re

_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LABELLED = re.compile(r"^[^:|]{1,60}: \S")


def cells(line: str) -> list[str]:
    """A table row's cells, stripped (``\\|`` inside a cell is no border)."""
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(line.strip().strip("|"))]


_FIGURE = re.compile(r"^[\d\s.,:;%$€£¥()+/−–-]+$")  # a cell that is a number, an amount, a percentage
_YEARLIKE = re.compile(r"^(?:FY\s?|Q[1-4]\s)?(?:19|20)\d\d(?:[/–-]\d{2,4})?$")


def is_header(row: list[str], marked: bool = False, below: list[list[str]] | None = None) -> bool:
    """Whether a table's first row names its columns. A Markdown table marks it (``marked``); a Word or PDF table
    does not, and its first row is taken for names unless they look like data: a cell repeated under it in its
    column (``below``: "| 4 | CARD32 | ALIAS_OFFSET |" over "| 4 | CARD32 | MIME_TYPE_OFFSET |"), or figures in most
    cells (years aside: "Year ended 31 December | 2021 | 2022" names columns; "DH-30" is a name, not a figure). A two-column table is most often a
    form ("Policy owner | Priya Nandakumar"): its first row names the columns only when both cells are short labels
    without figures and the second is no name ("Name | Role", not "Contact | Jane Moss"), whatever marks it (a web
    page's table always comes with a ``|---|`` under its first row)."""
    if marked and len(row) != 2:
        return True  # (a two-column table is read by its cells, marked or not: a web page's "| Freephone | 0800 ... |")
    filled = [c for c in row if c]
    if any(c and any(k < len(r) and r[k] == c for r in below or []) for k, c in enumerate(row)):
        return False
    if sum(1 for c in filled if _FIGURE.match(c) and not _YEARLIKE.match(c)) * 2 > len(filled):
        return False
    if len(row) != 2:
        return True
    value = row[1].split()
    named = len(value) > 1 and all(w[:1].isupper() for w in value)  # "Jane Moss": a value, not a column's name
    return not named and all(len(c.split()) <= (3 if k == 0 else 2) and not re.search(r"\d", c) for k, c in enumerate(row))


_NAMED = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]*$")  # "Mr Raymond Kellett", "Dr Nadia Farouk"


def is_pair_grid(rows: list[list[str]]) -> bool:
    """Whether a table is a form laid out in pairs of columns, "Patient | Mr Raymond Kellett | NHS number | 943 476
    5919" over "Admitted | 18 November 2026 | Discharged | 24 November 2026" (a letter's or an invoice's details): an
    even number of columns, four or more; every label cell (the first of each pair) a few words without figures, each
    label in the table once; and the first row's other cells values, figures or names, not columns' names."""
    width = len(rows[0])
    if width < 4 or width % 2 or any(len(r) != width for r in rows):
        return False
    labels = [r[k] for r in rows for k in range(0, width, 2)]
    if not all(c and c[:1].isupper() and len(c.split()) <= 4 and not re.search(r"\d", c) for c in labels):
        return False
    if len({c.lower().rstrip(":") for c in labels}) < len(labels):
        return False  # a label repeated ("Once daily" in a Frequency column) is a data table's value
    values = [rows[0][k] for k in range(1, width, 2)]
    return sum(1 for v in values if re.search(r"\d", v) or _NAMED.match(v)) * 2 >= len(values)


def is_figure(cell: str) -> bool:
    """Whether a cell is a number, an amount or a percentage, not words."""
    return bool(_FIGURE.match(cell))


def labelled(header: list[str], row: list[str]) -> list[str]:
    """Each cell of ``row`` with its column's name ("Due date: 31 August 2026"); empty cells stay empty."""
    return [f"{h}: {c}" if h and c else c for h, c in zip(header, row)] + row[len(header):]


# Columns named for no particular thing ("| Item | Term |", "| Field | Value |"): the rows are a form's fields.
_GENERIC_KEY = re.compile(r"^(?:items?|fields?|parameters?|keys?|terms?|details?|particulars?|property|properties|attributes?"
                          r"|headings?|labels?|features?|settings?|aspects?|elements?)$", re.IGNORECASE)
_GENERIC_VALUE = re.compile(r"^(?:values?|terms?|details?|descriptions?|particulars?|information|info|entry|entries|data"
                            r"|specifications?|contents?|settings?|answers?|responses?)$", re.IGNORECASE)


def as_form(pairs: list[str]) -> list[str]:
    """A two-cell row whose columns' names say nothing, as the field it is: "Item: Review Date; Term: 1 March 2028"
    -> "Review Date: 1 March 2028" (a lease's schedule, a "Field | Value" table; "Item | Owner" names a column)."""
    if len(pairs) != 2 or not all(_LABELLED.match(p) for p in pairs):
        return pairs
    key, field = pairs[0].split(": ", 1)
    name, value = pairs[1].split(": ", 1)
    return [f"{field}: {value}"] if _GENERIC_KEY.match(key.strip()) and _GENERIC_VALUE.match(name.strip()) else pairs


def is_labelled(row: list[str]) -> bool:
    """Whether every filled cell of a row already carries its column's name (a row ingest wrote, see above); the
    first may have none (a table whose first column has no name: "| Revenue | 2021: 301.2 | 2022: 338.9 |")."""
    named = [c for c in row[1:] if c]
    return len(named) >= 1 and len([c for c in row if c]) >= 2 and all(_LABELLED.match(c) for c in named)


def is_field(row: list[str]) -> bool:
    """Whether a row is one "Label: value" cell: a form's field ingest wrote (ingest/text_tables.py)."""
    return len(row) == 1 and _LABELLED.match(row[0]) is not None


def row_line(row: list[str]) -> str:
    """One row as a text line: "| Region: Midlands | Q3 2025: 1.87 |" (a cell's own "|" is no border)."""
    return "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"


def written(rows: list[list[str]], marked: bool = False) -> list[str]:
    """A table's rows as text lines: the header as it is, each data row labelled (a form's rows as they are; a form in
    pairs of columns, or two columns under an empty header, one field a line)."""
    if not rows:
        return []
    if all(is_field(r) for r in rows):
        return [row_line(r) for r in rows]  # a form's fields (a web page's definition list)
    if len(rows) > 1 and all(len(r) == 2 for r in rows) and not any(rows[0]):
        return [row_line(rows[0])] + [row_line([f"{a}: {b}"] if a and b else [a, b]) for a, b in rows[1:]]  # a form
    if not marked and is_pair_grid(rows):
        return [row_line([f"{row[k]}: {row[k + 1]}"]) for row in rows for k in range(0, len(row), 2) if row[k + 1]]
    header = rows[0] if len(rows) > 1 and is_header(rows[0], marked, rows[1:]) else None
    return [row_line(rows[0])] + [row_line(labelled(header, row) if header else row) for row in rows[1:]]


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def label_rows(text: str) -> str:
    """Markdown text whose tables' data rows name their columns (a page's tables, which briefbot writes itself);
    the header and ``|---|`` lines stay as they are."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not lines[k].lstrip().startswith("|"):
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].lstrip().startswith("|"):
            end += 1
        block = lines[k:end]
        marked = len(block) > 1 and bool(_SEPARATOR.match(block[1]))
        rows = [cells(line) for line in block if not _SEPARATOR.match(line)]
        written_rows = written(rows, marked)
        if marked:
            written_rows.insert(1, block[1])
        out.extend(written_rows)
        k = end
    return "\n".join(out)


def row_cells(text: str) -> list[tuple[str, str]]:
    """A row as answer/ reads it ("Column: cell; Column: cell", ingest/sheets and candidates.table_rows write it) as
    (header, value) pairs; empty for text that is not such a row."""
    out: list[tuple[str, str]] = []
    for cell in text.split("; "):
        if ": " in cell:
            header, value = cell.split(": ", 1)
            out.append((header.strip(), value.strip()))
        elif out:  # a cell's own "; " ("Notes: Chartered (IStructE); fire engineering lead")
            out[-1] = (out[-1][0], f"{out[-1][1]}; {cell.strip()}")
        else:
            return []
    return out
