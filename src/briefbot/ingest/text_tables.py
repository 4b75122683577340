"""A plain-text table as rows: columns of figures under a header ruled off with dashes.

A memo or a report saved as text lays its tables out in columns:

      Region        Q2 2025   Q3 2025   Change
      ----------    -------   -------   ------
      Midlands         1.93      1.87    -3.1%

Read as words, "Midlands 1.93 1.87 -3.1%" says nothing of which figure is which quarter; "what were midlands sales in
Q2?" was declined. The dashes under the header say where each column is, so each data row is written with its column
names ("| Region: Midlands | Q2 2025: 1.93 | Q3 2025: 1.87 | Change: -3.1% |"), as a PDF's or a Word file's table
rows are (text/tables.py). One line stays one line, so citations keep the file's line numbers.
"""

from __future__ import annotations

import re

from briefbot.text import tables

_RULE = re.compile(r"^\s*-{3,}(?:\s{2,}-{3,})+\s*$")  # two dash groups or more, two spaces apart at least


def _columns(rule: str) -> list[tuple[int, int]]:
    """Each column's span: from its dash group's start to the next group's start (the last runs to the line's end)."""
    starts = [m.start() for m in re.finditer(r"-{3,}", rule)]
    return [(s, starts[k + 1] if k + 1 < len(starts) else 10_000) for k, s in enumerate(starts)]


def _cells(line: str, cols: list[tuple[int, int]]) -> list[str] | None:
    """The line cut at the columns, or None when a cell runs across a column's start (not this table's row)."""
    for s, _ in cols[1:]:
        if 0 < s < len(line) and line[s - 1] != " " and line[s] != " ":
            return None  # a word straddles the boundary: numbers right-aligned under a wider header still start right
    out = [line[s:e].strip() for s, e in cols]
    return out if sum(1 for c in out if c) >= 2 else None


def _aligned(line: str, cols: list[tuple[int, int]]) -> list[str] | None:
    """The cells of a data line, with right-aligned figures that start left of their dash group moved to it."""
    cells = _cells(line, cols)
    if cells is not None:
        return cells
    # Right-aligned numbers may begin a little before their column's dashes: split on runs of two spaces instead.
    parts = [p for p in re.split(r"\s{2,}", line.strip()) if p]
    return parts if len(parts) == len(cols) else None


def text_tables(text: str) -> str:
    """``text`` with each dash-ruled table's header and data rows written as table rows (the line count kept)."""
    lines = text.split("\n")
    k = 1
    while k < len(lines):
        if not _RULE.match(lines[k]) or not lines[k - 1].strip():
            k += 1
            continue
        cols = _columns(lines[k])
        header = _aligned(lines[k - 1], cols)
        if header is None or any(not h for h in header):
            k += 1
            continue
        end = k + 1
        rows: list[tuple[int, list[str]]] = []
        while end < len(lines) and lines[end].strip():
            if not _RULE.match(lines[end]):
                cells = _aligned(lines[end], cols)
                if cells is None:
                    break
                rows.append((end, cells))
            end += 1
        if rows:
            indent = lines[k - 1][: len(lines[k - 1]) - len(lines[k - 1].lstrip())]
            lines[k - 1] = indent + "| " + " | ".join(header) + " |"
            for at in range(k, end):
                if _RULE.match(lines[at]):
                    lines[at] = indent + "|" + "---|" * len(cols)
            for at, cells in rows:
                lines[at] = indent + "| " + " | ".join(tables.labelled(header, cells)) + " |"
        k = end + 1
    return "\n".join(lines)
