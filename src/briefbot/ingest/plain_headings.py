"""A plain-text file's title: the block of lines in capitals it opens with.

A memo or a report saved as .txt has no heading marks, but it says what it is at the top: "THE ASHGROVE FOUNDATION /
FINAL GRANT REPORT", "TARNBROOK BEVERAGES LTD / INTERNAL MEMORANDUM". As the file's section it is what a Markdown
file's title is: the place a citation names, and words a passage says without repeating them ("The total underspend
is GBP 650." answers "What was the total underspend on the Ashgrove grant?" because the file is the Ashgrove
Foundation's report). Only the title: numbered headings and lines in capitals further down were sections too at first,
and embedded with every passage under them they moved retrieval in the long reports, patents and papers of
bench/reports.py (four right answers lost, none gained: README, "Documents with unanswerable questions").
"""

from __future__ import annotations

import re

_CAPS_WORDS = 10
_SECTION_NAME = re.compile(r"^(?:CROSS[- ]?REFERENCES?\b|FIELD\b|BACKGROUND\b|TECHNICAL FIELD\b|INTRODUCTION\b|ABSTRACT\b"
                           r"|(?:EXECUTIVE )?SUMMARY\b|DESCRIPTION\b|PREFACE\b|(?:TABLE OF )?CONTENTS\b|OVERVIEW\b)")


def _is_caps(line: str) -> bool:
    """A title line in capitals: ten words at most, two letters or more, no lower case, no full stop at the end, no
    table row, list item or numbered heading ("TARNBROOK BEVERAGES LTD"; not "NB.", "| A | B |" nor "1 INTRODUCTION":
    a paper that opens with its first section has no title here)."""
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters) and len(s.split()) <= _CAPS_WORDS
            and not s.endswith((".", ",", ";")) and not s.startswith(("|", "-", "*", "+", ">")) and not s[0].isdigit())


def plain_sections(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, title) of the file's title block, its opening lines in capitals joined by dashes; () without one."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return ()
    end = first
    while end < len(lines) and lines[end].strip() and _is_caps(lines[end]):
        end += 1
    if end == first or _SECTION_NAME.match(lines[first].strip()):
        return ()  # (a patent opening with "FIELD OF THE INVENTION", a paper with "INTRODUCTION": its first section)
    offset = sum(len(line) + 1 for line in lines[:first])
    return ((offset, " — ".join(line.strip() for line in lines[first:end])),)
