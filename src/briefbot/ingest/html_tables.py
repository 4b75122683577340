"""A web page's tables read by briefbot, not by the main-text extractor.

trafilatura keeps tables, but not every cell: a row headed by a ``<th>`` cell lost it ("<th>Email</th><td>recall@...
</td>" came out as "| | recall@... |"), and a cell reading "Email" was dropped as if it were a share button. Each
table is therefore written as Markdown rows here, before extraction, as paragraphs carrying a mark; after extraction
the marked paragraphs are joined into the table again (``rows_joined``), with a ``|---|`` under a header row
(all ``<th>`` cells).
"""

from __future__ import annotations

import re

_MARK = "BRIEFBOTROW"
_HEAD = "BRIEFBOTHEAD"


def _cell(element: object) -> str:
    text = " ".join(element.text_content().split())  # type: ignore[attr-defined]
    return text.replace("|", "\\|")


def _terms(dl: object) -> list[tuple[bool, str]]:
    """A definition list's terms, each with its descriptions, as a form's one-field rows ("| Closing date: 9:00am on
    Monday 18 January 2027 |"): extracted as they are, each term and each description came out a list item of its own."""
    rows: list[tuple[bool, str]] = []
    term = ""
    said: list[str] = []
    for child in dl.xpath("./dt|./dd|./div/dt|./div/dd"):  # type: ignore[attr-defined]
        if child.tag == "dt":
            if term and said:
                rows.append((False, f"| {term}: {'; '.join(said)} |"))
            term, said = _cell(child).rstrip(":"), []
        elif _cell(child):
            said.append(_cell(child))
    if term and said:
        rows.append((False, f"| {term}: {'; '.join(said)} |"))
    return rows


def tables_marked(html: str) -> str:
    """``html`` with each table (the innermost, when nested) replaced by marked paragraphs, one per row; the page as
    it was when it has no table or cannot be parsed."""
    if not re.search(r"<(?:table|dl)\b", html, re.IGNORECASE):
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml's parse errors: trafilatura reads the page as it is
        return html
    for number, table in enumerate(reversed(root.xpath("//table[not(.//table)]|//dl[not(.//dl)]"))):
        rows = _terms(table) if table.tag == "dl" else []
        for tr in table.xpath(".//tr"):
            cells = tr.xpath("./th|./td")
            if not cells or not any(_cell(c) for c in cells):
                continue
            head = not rows and all(c.tag == "th" for c in cells)
            rows.append((head, "| " + " | ".join(_cell(c) for c in cells) + " |"))
        block = lxml.html.fromstring("<div></div>")
        for head, row in rows:
            p = lxml.html.Element("p")
            p.text = f"{_HEAD if head else _MARK}{number}:{row}"  # (which table: two tables in a row stay two)
            block.append(p)
        parent = table.getparent()
        if parent is not None:
            block.tail = table.tail
            parent.replace(table, block)
    return lxml.html.tostring(root, encoding="unicode")


def rows_joined(markdown: str) -> str:
    """Extracted text with the marked rows one table again: marks removed, the blank lines between rows of the same
    table dropped, a ``|---|`` line under a header row."""
    out: list[str] = []
    table: str | None = None  # the table of the last marked row
    for line in markdown.split("\n"):
        m = _MARKED.match(line)
        if m is None:
            out.append(line)
            if line.strip():
                table = None
            continue
        if m.group(2) == table and out and not out[-1].strip():
            out.pop()  # the blank line between two rows of one table
        table = m.group(2)
        row = line[m.end():]
        out.append(row)
        if m.group(1) == _HEAD:
            out.append("|" + "---|" * max(1, row.count(" | ") + 1))
    return "\n".join(out)


_MARKED = re.compile(rf"^\s*({_MARK}|{_HEAD})(\d+):")
