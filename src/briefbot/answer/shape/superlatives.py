"""The row a superlative asks for: "Which treatment is the most expensive?" is the price list's row with the highest
price; "Which organisation received the biggest grant?" the awards table's row with the largest amount.

No sentence says which row is the largest: the rows do, by their figures. A question of this kind ("which/what/who
... the most expensive / cheapest / biggest / largest / highest / lowest / longest / shortest ...") is answered from
one table of the passages (rows with the same headers, three or more, totals left out): the column is the one the
question names by a header word, else, for "expensive" and "cheap", the first column of sums of money, else the one
column of figures; the row with the extreme figure is quoted, and the short answer is its cell under the header the
question names ("Which organisation ...": Organisation), else its first cell. A tie, or a column with a cell that is no
figure, is no answer, and so is a table the passages do not hold whole (one passage with its header, every data row
and a line after them, over chunks of the file that meet): a table cut where retrieval stopped could hide a larger
row.
"""

from __future__ import annotations

import re

from briefbot.answer.extract.candidates import Candidate
from briefbot.index.lexical import tokenize
from briefbot.schema import Passage
from briefbot.text import tables

_MORE = r"most\s+expensive|biggest|largest|highest|greatest|longest|heaviest|most"
_LESS = r"cheapest|least\s+expensive|smallest|lowest|shortest|lightest|least"
# "Which treatment is ...", "Who scored ...", "What category is ...": a question for a row. ("What's the most we can get
# back ...?" asks for a limit, which a sentence states.)
_ASKS = re.compile(rf"^\W*(?:which|who|what(?!'s|’s|\s+(?:is|was|are|were|will|would|can|could|does|do|did)\b))\b.*?"
                   rf"\b(?:(?P<more>{_MORE})|(?P<less>{_LESS}))\b", re.IGNORECASE)
_FIGURE = re.compile(r"^\s*[-–]?\s*([£$€¥]?)\s*(\d[\d,]*(?:\.\d+)?)\b")
_TOTAL = re.compile(r"^\s*(?:total|sum|all|overall|grand total)\b", re.IGNORECASE)
_NOT_A_FIGURE = re.compile(r"[:/.]\d|\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
MIN_ROWS = 3


def _figure(value: str) -> tuple[float, bool] | None:
    """A cell's figure and whether it is a sum of money ("£1,120.00" -> (1120.0, True)); None for a cell of words, a
    date or a time ("12 March 2026", "07:15")."""
    m = _FIGURE.match(value)
    if m is None or _NOT_A_FIGURE.match(value, m.end()):
        return None
    return float(m.group(2).replace(",", "")), bool(m.group(1))


def _joined(passages: list[Passage], around: int) -> str:
    """The text of passage ``around`` with the passages of its file that touch it, before and after, joined where they
    meet: a table split over chunks read whole when retrieval brought every piece."""
    chunk = passages[around].chunk
    pieces = sorted({(p.chunk.start_char, p.chunk.end_char, p.chunk.text) for p in passages
                     if p.chunk.source == chunk.source}, key=lambda t: t[:2])
    spans: list[tuple[int, int, str]] = []
    for start, end, text in pieces:
        if spans and start <= spans[-1][1] + 2:  # (overlapping, or apart by the line break between them)
            s0, e0, t0 = spans[-1]
            joined = t0 + "\n" * max(0, start - e0) + text[max(0, e0 - start) :]
            spans[-1] = (s0, max(e0, end), joined if end > e0 else t0)
        else:
            spans.append((start, end, text))
    return next(t for s0, e0, t in spans if s0 <= chunk.start_char <= e0)


def _whole(headers: tuple[str, ...], rows: list[tuple[int, list[tuple[str, str]]]], cands: list[Candidate],
           passages: list[Passage]) -> bool:
    """Whether the passages hold the whole table: its header line, every data row seen and a line after the last (a
    table cut at a chunk's end may go on with larger rows)."""
    lines = [line.strip() for line in _joined(passages, cands[rows[0][0]].passage).split("\n")]
    head = tables.row_line(list(headers))  # (the header line as ingest writes it)
    if head not in lines:
        return False
    after = lines[lines.index(head) + 1 :]
    body = next((k for k, line in enumerate(after) if not line.startswith("|")), None)
    if body is None:
        return False
    data = [line for line in after[:body] if not line.startswith("|---")]
    return len(data) == len(rows) + sum(1 for line in data if _TOTAL.match(line[2:].split(": ", 1)[-1]))


def superlative_row(question: str, cands: list[Candidate], passages: list[Passage]) -> tuple[int, str] | None:
    """The candidate (index) that is the row a superlative question asks for, and its name; None when there is none."""
    asks = _ASKS.match(question)
    if asks is None:
        return None
    asked = set(tokenize(question))
    grouped: dict[tuple[str, str], list[tuple[int, list[tuple[str, str]]]]] = {}
    for i, c in enumerate(cands):
        row = tables.row_cells(c.text) if c.row else []
        if len(row) >= 2 and not _TOTAL.match(row[0][1]):
            grouped.setdefault((passages[c.passage].chunk.source, row[0][0]), []).append((i, row))
    found = []
    for group in grouped.values():
        headers = max((tuple(h for h, _ in row) for _, row in group), key=len)
        if any(tuple(h for h, _ in row) != headers[: len(row)] for _, row in group):
            continue  # (a row of another table with the same first column)
        rows = [(i, row + [(h, "") for h in headers[len(row) :]]) for i, row in group]  # empty last cells
        column = _column(question, headers, rows, asked)
        if column is None or len(rows) < MIN_ROWS or not _whole(headers, rows, cands, passages):
            continue
        figures = [_figure(row[column][1]) for _, row in rows]
        if any(f is None for f in figures):
            continue
        values = [f[0] for f in figures if f is not None]
        best = max(values) if asks.group("more") else min(values)
        if values.count(best) != 1:
            continue
        i, row = rows[values.index(best)]
        named = next((j for j, h in enumerate(headers) if set(tokenize(h)) & asked and j != column), 0)
        found.append((i, row[named][1]))
    return found[0] if len(found) == 1 else None


def _column(question: str, headers: tuple[str, ...], rows: list[tuple[int, list[tuple[str, str]]]],
            asked: set[str]) -> int | None:
    """The column of figures the superlative is about: by its header, else by what its figures are (sums of money for
    "expensive", durations and lengths for "longest", weights for "lightest", the one column of figures for
    "biggest"); "most" and "least" alone need the header ("the most goals")."""
    numeric = [j for j in range(len(headers)) if all(_figure(row[j][1]) for _, row in rows)]
    named = [j for j in numeric if set(tokenize(headers[j])) & asked]
    if len(named) == 1:
        return named[0]
    word = _ASKS.match(question)
    said = (word.group("more") or word.group("less") or "").lower() if word else ""
    for words, unit in _BY_UNIT:
        if words.search(said):
            fit = [j for j in numeric if all((f := _figure(row[j][1])) and unit(f, row[j][1]) for _, row in rows)]
            return fit[0] if len(fit) == 1 else None
    return numeric[0] if len(numeric) == 1 and _ANY_FIGURE.search(said) else None


_TIME_OR_LENGTH = re.compile(r"\d\s*(?:min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|km|miles?|m|cm)\b",
                             re.IGNORECASE)
_WEIGHT = re.compile(r"\d\s*(?:kg|g|lb|lbs|pounds?|grams?|kilograms?)\b", re.IGNORECASE)
_BY_UNIT = [
    (re.compile(r"expensive|cheap"), lambda f, v: f[1]),
    (re.compile(r"longest|shortest"), lambda f, v: bool(_TIME_OR_LENGTH.search(v))),
    (re.compile(r"heaviest|lightest"), lambda f, v: bool(_WEIGHT.search(v))),
]
_ANY_FIGURE = re.compile(r"biggest|largest|highest|greatest|smallest|lowest")
