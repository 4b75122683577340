"""A sheet's rows as lines of text: tables (a header, then rows naming their columns), titles and notes as text.

A table is a block of rows with no empty row among them; its first row is its header when its cells are names, not
figures or dates (cells.is_value), distinct, and rows of data follow (the first cell may be empty: a column of
labels). Rows of one cell above a table (a title) and alone (a note) stay text; a block of data under a table's
header after a spacer row (the totals) is still that table's. Rows are written as text/tables.py writes every table's.
"""

from __future__ import annotations

from briefbot.ingest.sheets.cells import is_value
from briefbot.text import tables


def _filled(row: list[str]) -> int:
    return sum(1 for c in row if c)


def _names_columns(row: list[str], below: list[list[str]], own: list[str] | None = None) -> bool:
    """A header: names (no figures or dates), distinct, only the first cell may be empty, over rows of data. ``own``:
    the row's own cells, when ``row`` has a merged cell's name in each column it spans."""
    filled, distinct = [c for c in row if c], [c.lower() for c in own or row if c]
    if len(filled) < 2 or not any(_filled(r) for r in below) or any(not c for c in row[1:]):
        return False
    if any(is_value(c) for c in filled) or len(set(distinct)) < len(distinct):
        return False
    return tables.is_header(row, below=below)  # (no name repeated in its column below; a two-column form has none)


def _text_line(row: list[str]) -> str:
    """A row outside a table: one cell as it is, "Prepared by: Jane Moss" for a label and its value."""
    cells = [c for c in row if c]
    if len(cells) == 2 and not is_value(cells[0]):
        return f"{cells[0].rstrip(':')}: {cells[1]}"
    return cells[0] if len(cells) == 1 else tables.row_line(cells)


def block_lines(rows: list[list[str]], spread: list[list[str]] | None = None,
                header: list[str] | None = None) -> tuple[list[str], list[str] | None]:
    """One line for each row of a block (rows with no empty row among them), and the header in force after it: a
    block of data under a table's header (after a spacer row: the totals) is still that table's. ``spread``: the
    rows with a merged cell's value in each column it spans (a header "Sales" over Q2 and Q3)."""
    spread = spread or rows
    width = max(len(r) for r in rows)
    lead = min(next(k for k, c in enumerate(r) if c) for r in rows)  # a table that starts in column C
    rows = [r[lead:] + [""] * (width - len(r)) for r in rows]
    spread = [r[lead:] + [""] * (width - len(r)) for r in spread]
    out: list[str] = []
    k = 0
    if max(_filled(r) for r in rows) < 2:
        return [_text_line(r) for r in rows], header
    while _filled(rows[k]) < 2:
        out.append(_text_line(rows[k]))  # a title or a note above the table
        k += 1
    if _names_columns(trimmed(spread[k]), rows[k + 1 :], rows[k]):
        header = trimmed(spread[k])
        out.append(tables.row_line(trimmed(rows[k])))
        k += 1
        second = trimmed(spread[k]) if k < len(rows) else []
        if spread[k - 1] != rows[k - 1] and _names_columns(second, rows[k + 1 :]):
            # two header rows under merged cells ("Sales" over "Q2 | Q3"): the columns are "Sales Q2", "Sales Q3"
            n = max(len(header), len(second))
            header = [" ".join(p for p in (a, b) if p) for a, b in zip(header + [""] * n, second + [""] * n)][:n]
            out.append(tables.row_line(trimmed(rows[k])))
            k += 1
    elif header is not None and len(trimmed(rows[k])) > len(header):
        header = None  # wider than the table above: another table, without a header
    if header is None and len(rows) - k == 1:
        return out + [_text_line(rows[k])], None  # one row alone: text
    for row in rows[k:]:
        row = trimmed(row)
        out.append(tables.row_line([c for c in tables.labelled(header, row) if c] if header else row))
    return out, header


def trimmed(row: list[str]) -> list[str]:
    """The row without its empty cells at the end (a sheet's rows run to its widest)."""
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


def sheet_lines(rows: list[list[str]], spread: list[list[str]] | None = None) -> list[str]:
    """One line per row (an empty row an empty line), the rows' blocks read as tables or text."""
    spread = spread or rows
    out: list[str] = []
    header: list[str] | None = None
    k = 0
    while k < len(rows):
        if not _filled(rows[k]):
            out.append("")
            k += 1
            continue
        end = k
        while end < len(rows) and _filled(rows[end]):
            end += 1
        lines, header = block_lines(rows[k:end], spread[k:end], header)
        out.extend(lines)
        k = end
    return out
