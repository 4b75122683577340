"""Tables in a PDF's text layer, written back as table rows (``| Name | Role | Time |``, then ``| Name: Tom Nguyen |
Role: ... | Time: 0.8 FTE |``: each data row names its columns, text/tables.py).

The plain text of a PDF page flattens a table: "Net weight 33 lb (15 kg) 36 lb (16.3 kg)" and, where a cell wraps,
one cell's lines between another's ("Dr Leila\\nHaddad\\nProject Lead; ..."). A reader cannot tell which number
belongs to which column, nor can the answerer. pypdf's layout mode keeps the columns in place, so a run of lines
whose text stands in the same columns (gaps of three spaces or more, at the same places on every line) is a table;
its rows are read from there, a line that goes on the cells of the line above (an empty first cell, or a first cell
that the plain text reads straight on from the one above) joining its row. The rows replace the table's lines
only when the plain text holds the same words in the same order (cell by cell, row by row): a two-column page of
prose, whose plain text reads one column after the other, is never taken for a table. The page keeps its number
of lines (blank lines after the rows), so what follows the table keeps its line numbers.
"""

from __future__ import annotations

import re

from briefbot.text import tables

GAP = 3  # spaces between two cells of a row, at least (justified prose rarely lines its gaps up)
MAX_BLANKS = 2  # blank lines allowed between two rows of one table
CELL_WORDS = 80  # a longer "cell" is a column of prose
_BULLET = re.compile(r"^[•◦▪▫‣⁃○●■□➢➤✓✔*·–—-]?$")  # a list's bullet column (or nothing)
_LEADER = re.compile(r"(?:\. ?){4,}")  # a table of contents' dot leaders: "Naming . . . . . . 3"
_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")


def _segments(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SEGMENT.finditer(line)]


def _columns(used: list[bool]) -> list[tuple[int, int]]:
    """The intervals a block's text occupies (``used``: character positions with text on some line), split where a
    gap of ``GAP`` spaces runs down every line."""
    cols: list[tuple[int, int]] = []
    start, gap = None, 0
    for p, u in enumerate(used):
        if u:
            if start is None:
                start = p
            elif gap >= GAP:
                cols.append((start, p - gap))
                start = p
            gap = 0
        elif start is not None:
            gap += 1
    if start is not None:
        cols.append((start, len(used) - gap))
    return cols


def _marked(used: list[bool], spans: list[tuple[int, int]]) -> list[bool]:
    """``used`` with the positions of ``spans`` set (a new list)."""
    out = used + [False] * max(0, max((e for _, e in spans), default=0) - len(used))
    for s, e in spans:
        out[s:e] = [True] * (e - s)
    return out


def _column_of(cols: list[tuple[int, int]], span: tuple[int, int]) -> int:
    return next(k for k, (s, e) in enumerate(cols) if s <= span[0] < e)


def _splits_well(cols: list[tuple[int, int]], spans: list[list[tuple[int, int]]]) -> bool:
    """Every line with two cells or more still has them in two columns or more (no cell swallows a gap)."""
    return all(len({_column_of(cols, sp) for sp in line}) >= 2 for line in spans if len(line) >= 2)


def _cells_go_on(spans: list[tuple[int, int]], cols: list[tuple[int, int]]) -> bool:
    """Whether a line (its ``spans``) holds the other cells of a row whose first cell wraps above it (its first column
    empty)."""
    return len(spans) >= 2 and spans[0][0] >= cols[0][1]


def _blocks(lines: list[str]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(first line, end line, columns) of each run of lines laid out in the same columns."""
    segs = [_segments(line) for line in lines]
    found = []
    i = 0
    while i < len(lines):
        if len(segs[i]) < 2:
            i += 1
            continue
        rows, blanks, j = [i], 0, i + 1
        used = _marked([], segs[i])
        cols = _columns(used)
        while j < len(lines):
            if not segs[j]:
                blanks += 1
                if blanks > MAX_BLANKS:
                    break
                j += 1
                continue
            if blanks and len(segs[j]) < 2 and not _cells_go_on(segs[j + 1] if j + 1 < len(lines) else [], cols):
                break  # a heading or a paragraph after the table (not a cell whose row goes on below it)
            trial = _marked(used, segs[j])
            new = _columns(trial)
            settled = sum(len(segs[k]) >= 2 for k in rows) >= 2
            if len(new) < len(cols) or (settled and len(new) != len(cols)) or not _splits_well(new, [segs[k] for k in rows + [j]]):
                break  # the line runs across a gap between two columns (a caption, the next paragraph), or starts another table
            rows.append(j)
            used, cols, blanks = trial, new, 0
            j += 1
        multi = sum(len(segs[k]) >= 2 for k in rows)
        if multi >= 3 or (multi >= 2 and len(cols) >= 3):
            found.append((rows[0], rows[-1] + 1, cols))
            i = rows[-1] + 1
        else:
            i += 1
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _rows(lines: list[str], cols: list[tuple[int, int]], plain_flat: str) -> list[list[str]]:
    """The block's lines grouped into rows of cells; a line goes on the row above when its first cell is empty or the
    plain text reads straight on from the first cell above to this one."""
    rows: list[list[list[str]]] = []
    for line in lines:
        if not line.strip():
            continue
        cells: list[list[str]] = [[] for _ in cols]
        for s, e in _segments(line):
            cells[_column_of(cols, (s, e))].append(line[s:e])
        first = " ".join(cells[0])
        above = " ".join(rows[-1][0][-1:]) if rows and rows[-1][0] else ""
        goes_on = rows and (not first or (above and f" {' '.join((above + ' ' + first).split())} " in plain_flat))
        if goes_on:
            for k, part in enumerate(cells):
                rows[-1][k].extend(part)
        else:
            rows.append(cells)
    while len(rows) > 1 and not any(rows[-1][1:]):
        rows.pop()  # a heading or a caption under the table, in its first column only
    return [[" ".join(" ".join(part).split()) for part in row] for row in rows]


def tables_as_rows(plain: str, layout: str) -> str:
    """``plain`` (a page's text) with each table that ``layout`` (the same page in layout mode) shows written as table
    rows, on as many lines as before."""
    layout_lines = layout.split("\n")
    blocks = _blocks(layout_lines)
    if not blocks:
        return plain
    plain_lines = plain.split("\n")
    plain_flat = f" {' '.join(plain.split())} "
    squashed, owner = [], []  # the plain text without whitespace, and the line each character is on
    for n, line in enumerate(plain_lines):
        for ch in _squash(line):
            squashed.append(ch)
            owner.append(n)
    flat = "".join(squashed)
    out = list(plain_lines)
    for start, end, cols in blocks:
        rows = _rows(layout_lines[start:end], cols, plain_flat)
        if len(rows) < 2 or any(len(cell.split()) > CELL_WORDS for row in rows for cell in row):
            continue  # columns of prose read on line by line into one "row": no table
        if all(_BULLET.match(row[0]) for row in rows) or any(_LEADER.search(cell) for row in rows for cell in row):
            continue  # a bulleted list (bullets in a column of their own) or a table of contents (dot leaders)
        words = "".join(_squash(cell) for row in rows for cell in row)
        at = flat.find(words)
        if not words or at < 0:
            continue  # the plain text reads it in another order: not a table (or not one this reading can place)
        first, last = owner[at], owner[at + len(words) - 1]
        table = tables.written(rows)
        if owner[at - 1:at] == [first] or owner[at + len(words):at + len(words) + 1] == [last] or len(table) > last + 1 - first:
            continue  # the table shares a line with other text
        out[first:last + 1] = table + [""] * (last + 1 - first - len(table))
    return "\n".join(out)
