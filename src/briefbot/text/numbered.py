"""Numbered headings in text without heading marks: "5. Planning application 25/0417/FUL", "4.2 Remote access".

A PDF's text layer keeps no heading marks, but a numbered document's headings are lines of their own that start with
their number. Shared by ingest (a PDF's sections: ingest/pdf_pages.py) and answer (the section a quote sits under:
answer/shape/quotes.py), so neither imports the other.
"""

from __future__ import annotations

import re

# A numbered heading on a line of its own: "5. Planning application 25/0417/FUL – Glebe Farm", "4.2 Remote access".
_NUMBERED = re.compile(r"^[ \t]*(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)[ \t]+([A-Z][^\n]{0,80}?)[ \t]*$", re.MULTILINE)
_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|shall|must|may)\b")  # a heading states nothing
HEADING_WORDS = 10  # a longer numbered line is a list item or a clause, not a heading


def numbered_heading(text: str, m: re.Match[str]) -> tuple[int, str] | None:
    """(level, "4.2 Remote access") when the numbered line ``m`` of ``text`` is a heading: no closing punctuation, no
    sentence or finite verb in it, ten words at most, and the line after it not a continuation (lower case)."""
    number, title = m.group(1).rstrip("."), m.group(2)
    if (len(title.split()) > HEADING_WORDS or title[-1] in ".,;:!?" or re.search(r"[.!?] [A-Z]", title)
            or _CLAUSE.search(title) or text[m.end() + 1 : m.end() + 2].islower()):
        return None
    level = number.count(".") + 1
    return level, (f"{number} {title}" if level > 1 else f"{number}. {title}")


def numbered_headings(text: str) -> list[tuple[int, int, str]]:
    """(offset, level, title) of each numbered heading line in ``text``."""
    return [(m.start(), *found) for m in _NUMBERED.finditer(text) if (found := numbered_heading(text, m))]


# A clause's or list item's number opening a sentence: "10.2 The break ...", "(2) Thornbury ...", "4. The Tenant ...".
_CLAUSE_NUMBER = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})+\)?\.?|\(\d{1,3}\)|\d{1,3}\.)\s+(?=[A-Z(“\"'‘])")


def clause_number_end(sentence: str) -> int:
    """Where a sentence's opening clause number ends (0 when it has none): "10.2 The break ..." counts no 10.2."""
    m = _CLAUSE_NUMBER.match(sentence)
    return m.end() if m else 0
