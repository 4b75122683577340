"""A plain-text table as rows: columns of figures under a header ruled off with dashes.

A memo or a report saved as text lays its tables out in columns:

      Region        Q2 2025   Q3 2025   Change
      ----------    -------   -------   ------
      Midlands         1.93      1.87    -3.1%

Read as words, "Midlands 1.93 1.87 -3.1%" says nothing of which figure is which quarter; "what were midlands sales in
Q2?" was declined. The dashes under the header say where each column is, so each data row is written with its column
names ("| Region: Midlands | Q2 2025: 1.93 | Q3 2025: 1.87 | Change: -3.1% |"), as a PDF's or a Word file's table
rows are (text/tables.py). One line stays one line, so citations keep the file's line numbers. A header of three or
more names two spaces apart, ruled off by one unbroken line of dashes, says the same by where its names start.

A block of fields whose values are aligned in a column ("RMA number:       RMA-2026-11872" over "Expected delivery:
by Wednesday 2 December 2026") is a form: each line is written as the field it is ("| RMA number: RMA-2026-11872 |",
quoted as "RMA number: RMA-2026-11872"), where read as words the lines ran on into one sentence with no stop.

Columns with no header ruled off are read too: a statement of sums and a list laid out in aligned columns,

      Subscriptions                      £29,860          President        Margaret Oduya        re-elected unopposed
      Bar (net of VAT)                   £11,420          Hon. Treasurer   Raj Mehta             elected unopposed
      Total income                       £48,215          Fixtures Sec.    Dan Kowalczyk         elected by ballot

which read as words ran on into one sentence ("President Margaret Oduya re-elected unopposed Chair Tom ..."): "who is the
new treasurer?" was declined. A line labelling a figure, aligned with another such line, is written as the field it is
("| Total income: £48,215 |"), as are the sums under a ruled table; three or more lines whose words start in the same
columns are a table's rows ("| Hon. Treasurer | Raj Mehta | elected unopposed |"), unless their entries are sentences (a
timeline: read as sentences). A line indented into a column goes on the cell above ("2  Undercounter glasswasher,"
over "   drain pump"), its own line left empty.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from briefbot.text import tables

_RULE = re.compile(r"^\s*-{3,}(?:\s{2,}-{3,})+\s*$")  # two dash groups or more, two spaces apart at least


_LONG_RULE = re.compile(r"^\s*-{20,}\s*$")  # one unbroken rule under a header of three or more columns
_HEADER_FIELD = re.compile(r"\S+(?: \S+)*")  # a header's column name: words one space apart


def _header_columns(header: str) -> list[tuple[int, int]] | None:
    """Each column's span from a header whose names stand two spaces apart or more, ruled off by one unbroken line
    ("Category   Eligibility   Annual fee" over "-----..."); None for fewer than three names."""
    starts = [m.start() for m in _HEADER_FIELD.finditer(header)]
    if len(starts) < 3 or len(re.split(r"\s{2,}", header.strip())) != len(starts):
        return None
    return [(s, starts[k + 1] if k + 1 < len(starts) else 10_000) for k, s in enumerate(starts)]


def _is_rule(line: str) -> bool:
    return bool(_RULE.match(line) or _LONG_RULE.match(line))


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


# A field's line: a short label, a colon, then at least two spaces or a tab before its value (the padding that aligns
# the values: "Ships from:         our EU warehouse"); e-mail header fields are left to the thread reader.
_FIELD = re.compile(r"^(?P<indent>[ \t]*)(?P<label>[A-Z][\w/&().'’ -]{0,38}?):(?P<pad>[ \t]+)(?P<value>\S.*?)\s*$")
_MAIL_FIELD = re.compile(r"^(?:from|to|cc|bcc|sent|date|subject|reply-to|attachments?|message-id|in-reply-to|references"
                         r"|mime-version|content-[\w-]+|return-path|received|delivered-to|x-[\w-]+)$", re.IGNORECASE)
FORM_LINES = 3  # fewer aligned "Label: value" lines could be a coincidence of two notes


def _field(line: str) -> re.Match[str] | None:
    m = _FIELD.match(line)
    if m is None or _MAIL_FIELD.match(m.group("label").strip()) or len(m.group("label").split()) > 4:
        return None
    return m


def aligned_forms(text: str) -> str:
    """``text`` with each block of ``FORM_LINES`` or more fields whose values start in one column (padded to it on
    some line) written as form rows, one per line; a line under a field indented to its value column, with no label
    of its own, goes on that field's value (its own line left empty, so the line count is kept). A blank line or two
    between fields of that column do not end the block: a judgment's "Case Number:" below its parties is one form."""
    original = text.split("\n")
    lines = list(original)
    k = 0
    while k < len(lines):
        m = _field(lines[k])
        if m is None:
            k += 1
            continue
        column = m.start("value")
        fields: list[tuple[int, str, str]] = []  # (line, label, value)
        padded = False
        end = k
        while end < len(lines):
            f = _field(lines[end])
            if _in_column(f, column, m.group("indent")):
                fields.append((end, f.group("label").strip(), f.group("value")))
                padded = padded or len(f.group("pad")) >= 2 or "\t" in f.group("pad")
            elif fields and lines[end][:column].strip() == "" and len(lines[end]) > column and lines[end][column] != " ":
                at, label, value = fields[-1]
                fields[-1] = (at, label, f"{value} {lines[end].strip()}")
                lines[end] = ""
            elif fields and not lines[end].strip() and (after := _next_field(lines, end, column, m.group("indent"))):
                end = after - 1  # a blank line between two fields of one column: one form ("Case Number:" below the parties)
            else:
                break
            end += 1
        if not (len(fields) >= FORM_LINES and padded):
            lines[k:end] = original[k:end]  # not aligned: the lines as they were, unless short fields in a row
            fields, end = _short_fields(lines, k, m.group("indent"))
        for at, label, value in fields:
            lines[at] = f"{m.group('indent')}| {label}: {value.replace('|', chr(92) + '|')} |"
        k = max(end, k + 1)
    return "\n".join(lines)


def _next_field(lines: list[str], k: int, column: int, indent: str) -> int | None:
    """The line after the blank ones from ``k`` (two at most) when it is a field whose value starts at ``column``."""
    j = k
    while j < len(lines) and j - k < 2 and not lines[j].strip():
        j += 1
    return j if j < len(lines) and _in_column(_field(lines[j]), column, indent) else None


def _in_column(f: re.Match[str] | None, column: int, indent: str) -> TypeGuard[re.Match[str]]:
    """Whether a field's value starts at ``column`` under ``indent``: one form's field."""
    return f is not None and f.start("value") == column and f.group("indent") == indent


SHORT_VALUE = 6  # words: "BOOKING REFERENCE: K7QPZM", "Fare type: Classic" (a note's "Note: ..." runs longer)


def _short_fields(lines: list[str], k: int, indent: str) -> tuple[list[tuple[int, str, str]], int]:
    """``FORM_LINES`` or more fields on consecutive lines, one indent, each value a few words, no sentence and not in
    lower case ("BOOKING REFERENCE: K7QPZM" over "Booking date: 3 December 2026" over "Fare type: Classic"): a form,
    though its values are not aligned ("Note: the van is late" over "Also: call Tom" are notes). Else no fields; the
    end of the lines looked at."""
    if k > 0 and _header_line(lines[k - 1]):
        return [], k + 1  # (an e-mail's header block, "Date:" over "Message-ID:": the thread reader's)
    fields: list[tuple[int, str, str]] = []
    end = k
    while end < len(lines) and (f := _field(lines[end])) is not None and f.group("indent") == indent:
        value = f.group("value")
        if len(value.split()) > SHORT_VALUE or value.endswith((".", "?", "!")) or value[:1].islower():
            break
        fields.append((end, f.group("label").strip(), value))
        end += 1
    if end < len(lines) and _header_line(lines[end]):
        return [], end
    return (fields, end) if len(fields) >= FORM_LINES else ([], end)


def _wrapped_cell(line: str, cols: list[tuple[int, int]], above: list[str]) -> int | None:
    """The column whose cell in the row above a line continues ("2  Undercounter glasswasher GW-40, 400 mm basket,"
    over "   drain pump"): the line's words all inside one column, under a cell of words, not figures; else None."""
    start = len(line) - len(line.lstrip())
    for n, (s, e) in enumerate(cols):
        if s <= start < e and len(line.rstrip()) <= e and above[n] and not tables.is_figure(above[n]):
            return n
    return None


def _header_line(line: str) -> bool:
    """Whether a line is an e-mail header's field ("Date: Tue, 12 May 2026 13:02:47 +0100")."""
    m = _FIELD.match(line)
    return m is not None and _MAIL_FIELD.match(m.group("label").strip()) is not None


def text_tables(text: str) -> str:
    """``text`` with each dash-ruled table's header and data rows written as table rows, and each block of aligned
    fields as a form's rows (the line count kept)."""
    lines = aligned_forms(text).split("\n")
    k = 1
    while k < len(lines):
        if not _is_rule(lines[k]) or not lines[k - 1].strip():
            k += 1
            continue
        cols = _columns(lines[k]) if _RULE.match(lines[k]) else _header_columns(lines[k - 1])
        if cols is None:
            k += 1
            continue
        header = _aligned(lines[k - 1], cols)
        if header is None or any(not h for h in header):
            k += 1
            continue
        end = k + 1
        rows: list[tuple[int, list[str]]] = []
        wrapped: list[int] = []
        totals: list[tuple[int, str]] = []
        closed = False
        while end < len(lines) and lines[end].strip():
            line = lines[end]
            total = STATEMENT.match(line) if rows else None
            if _is_rule(line):
                closed = bool(rows)  # a rule under the rows: what follows are the table's sums, if anything
            elif closed and total is not None:
                totals.append((end, field(total)))
            elif (cells := _aligned(line, cols)) is not None:
                rows.append((end, cells))
            elif rows and (at := _wrapped_cell(line, cols, rows[-1][1])) is not None:
                rows[-1][1][at] += " " + line.strip()
                wrapped.append(end)
            elif total is not None:
                totals.append((end, field(total)))
            else:
                break
            end += 1
        if rows:
            indent = lines[k - 1][: len(lines[k - 1]) - len(lines[k - 1].lstrip())]
            lines[k - 1] = indent + "| " + " | ".join(header) + " |"
            for at in range(k, end):
                if _is_rule(lines[at]):
                    lines[at] = indent + "|" + "---|" * len(cols)
            for at, cells in rows:
                lines[at] = indent + "| " + " | ".join(tables.labelled(header, cells)) + " |"
            for at in wrapped:
                lines[at] = ""  # (its words are in the row above)
            for at, line in totals:
                lines[at] = indent + tables.row_line([line])
        k = end + 1
    return columns_as_rows("\n".join(lines))


# A label, two spaces or more, a figure: "Bar (net of VAT)     £11,420", "VAT @ 20%    £1,612.41", "Surplus   (£310)".
STATEMENT = re.compile(r"^(?P<indent>\s*)(?P<label>[A-Za-z](?:[^\s|]| (?=\S))*)\s{2,}"
                       r"(?P<value>-?\(?[£$€]?-?\d[\d,]*(?:\.\d+)?\)?%?)\s*$")
_DASHES = re.compile(r"^\s*-{5,}\s*$")  # a rule in a statement ("-----" over its total)
ROW_LINES = 3  # aligned lines a list needs: two could be a coincidence
_SENTENCE = re.compile(r"[a-z]{2}[.!?][\"”’)]?(?:\s|$)")  # a sentence's end in a cell


def field(m: re.Match[str]) -> str:
    return f"{m['label']}: {m['value']}"


def _statements(lines: list[str], block: range) -> bool:
    """Write a block's figure lines as fields when two or more of them end (or start) their figure in one column."""
    found = [(k, m) for k in block if (m := STATEMENT.match(lines[k]))]
    ends = [m.end("value") for _, m in found]
    starts = [m.start("value") for _, m in found]
    if len(found) < 2 or (max(ends.count(e) for e in ends) < 2 and max(starts.count(s) for s in starts) < 2):
        return False
    if len(found) * 2 < sum(1 for k in block if not _DASHES.match(lines[k])):
        return False  # mostly other lines: not a statement
    for k, m in found:
        lines[k] = m["indent"] + tables.row_line([field(m)])
    return True


def _rows(lines: list[str], block: range) -> None:
    """Write a block as a table's rows when its lines' cells start in the same columns (see the module's docstring)."""
    parts = {k: [(m.start(), m.group()) for m in _HEADER_FIELD.finditer(lines[k])] for k in block}
    cols = max(([s for s, _ in p] for p in parts.values()), key=len)
    if len(cols) < 2:
        return
    rows: list[tuple[int, list[str]]] = []
    joined: list[int] = []
    for k in block:
        starts = [s for s, _ in parts[k]]
        if len(starts) >= 2 and starts[0] == cols[0] and set(starts) <= set(cols):
            cells = [""] * len(cols)
            for s, text in parts[k]:
                cells[cols.index(s)] = text
            rows.append((k, cells))
        elif rows and len(starts) == 1 and starts[0] > cols[0]:
            at = max(n for n, c in enumerate(cols) if c <= starts[0] + 1)  # (a continuation may sit a space further in)
            rows[-1][1][at] = f"{rows[-1][1][at]} {parts[k][0][1]}".strip()
            joined.append(k)
        else:
            return
    if any(cells[0].endswith(":") for _, cells in rows):
        return  # "Name:   Marcus Ellery", "From:   Raj": fields, aligned_forms' and the e-mail reader's (emails.py)
    if len(rows) < ROW_LINES or any(_SENTENCE.search(c) and len(c.split()) >= 4 for _, cells in rows for c in cells[1:]):
        return  # (a timeline or a programme whose entries are sentences: read as sentences, each line as written)
    indent = " " * cols[0]
    for k, cells in rows:
        lines[k] = indent + tables.row_line(_fields_joined(cells))
    for k in joined:
        lines[k] = ""


def _fields_joined(cells: list[str]) -> list[str]:
    """A label's cell and its value's, the colon standing apart, as one field: "NI number" | ": QQ 48 21 97 B" (a
    payslip's) is "NI number: QQ 48 21 97 B"."""
    out: list[str] = []
    for cell in cells:
        if out and out[-1] and cell.startswith(":"):
            out[-1] = f"{out[-1]}: {cell[1:].strip()}"
        else:
            out.append(cell)
    return out


def columns_as_rows(text: str) -> str:
    """``text`` with each block of aligned figure lines written as fields, and each block of aligned columns as rows."""
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].strip() and not lines[end].lstrip().startswith("|"):
            end += 1
        if end - k >= 2 and not _statements(lines, range(k, end)):
            rules = [j for j in range(k, end) if _DASHES.match(lines[j])]
            for a, b in zip([k] + [j + 1 for j in rules], rules + [end]):
                if b > a:
                    _rows(lines, range(a, b))  # (a rule ends a list: "6. ELECTION OF OFFICERS" ruled off above it)
        k = max(end, k + 1)
    return "\n".join(lines)
