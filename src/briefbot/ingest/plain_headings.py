"""Headings in plain text: a title block in capitals, numbered headings, lines in capitals.

A memo or a report saved as .txt has no heading marks, but it has headings all the same: "THE ASHGROVE FOUNDATION /
FINAL GRANT REPORT" at the top, "3. SPEND AGAINST BUDGET" over a section. As sections they are what a Markdown
file's headings are: the place a citation names, and words a passage says without repeating them ("The total
underspend is GBP 650." answers "What was the total underspend on the Ashgrove grant?" because the file is the
Ashgrove Foundation's report).
"""

from __future__ import annotations

import re

from briefbot.ingest.formats import HeadingPath
from briefbot.text.numbered import numbered_headings

_CAPS_WORDS = 10


def _is_caps(line: str) -> bool:
    """A heading in capitals: ten words at most, two letters or more, no lower case, no full stop at the end, no
    table row ("1. PROJECT SUMMARY", "TARNBROOK BEVERAGES LTD"; not "NB." nor "| A | B |")."""
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters) and len(s.split()) <= _CAPS_WORDS
            and not s.endswith((".", ",", ";")) and not s.startswith(("|", "-", "*", "+", ">")))


def plain_sections(text: str) -> tuple[tuple[int, str], ...]:
    """Where each heading starts and the heading path from there on (empty when the text has none)."""
    found: list[tuple[int, int, str]] = []  # (offset, level, title)
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    title_end = first
    if first is not None:  # the title block: the file's opening lines in capitals
        while title_end < len(lines) and lines[title_end].strip() and _is_caps(lines[title_end]):
            title_end += 1
        if title_end > first:
            found.append((offsets[first], 1, " — ".join(line.strip() for line in lines[first:title_end])))
    numbered = {offset: (level + 1, title) for offset, level, title in numbered_headings(text)}
    for k, line in enumerate(lines):
        if first is not None and k < title_end:
            continue
        offset = offsets[k] + len(line) - len(line.lstrip())
        if offset in numbered or offsets[k] in numbered:
            level, title = numbered.get(offset) or numbered[offsets[k]]
            found.append((offsets[k], level, title))
        elif _is_caps(line) and (k == 0 or not lines[k - 1].strip()) and not re.match(r"^\s*\d", line):
            found.append((offsets[k], 2, line.strip()))
    if not found:
        return ()
    path = HeadingPath()
    return tuple((offset, path.enter(level, title)) for offset, level, title in sorted(found))
