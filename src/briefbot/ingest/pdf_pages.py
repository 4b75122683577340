"""What a PDF's text layer holds besides its text: running headers and footers, ligatures, pages that end mid-sentence.

A browser's "Print to PDF" puts the print time, the title, the file's address and "1/3" on every page; reports
repeat their name and "Page 2 of 12". Quoted, such a line is noise ("12/2/26, 8:14 AM Owner's Manual file:///...
1/3"), and between the two halves of a sentence that runs over a page break it cuts the sentence in two. A line near
the top or bottom of a page that recurs on most pages (digits aside) is such a line and is left out. Fonts that
draw "fi" or "ffi" as one glyph give "ﬁle" and "oﬃce", which no one types: they are spelled out.
"""

from __future__ import annotations

import re
from collections import Counter

EDGE_LINES = 3  # a running header or footer is among a page's first or last three lines
RUNNING_SHARE = 0.5  # ... and recurs on at least half the pages (two at least)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_DIGITS = re.compile(r"\d+")
_SENTENCE_DONE = frozenset('.!?:;"”’)]|。！？」')


def _shape(line: str) -> str:
    """A line with its numbers blanked: "Page 2 of 12" and "Page 3 of 12" are one running line."""
    return _DIGITS.sub("#", " ".join(line.split()))


def tidy_pages(pages: list[str]) -> list[str]:
    """Each page's text without running headers and footers, ligatures spelled out."""
    pages = [p.translate(_LIGATURES) for p in pages]
    if len(pages) < 2:
        return pages
    edges: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        edges.update({_shape(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    need = max(2, RUNNING_SHARE * len(pages))
    running = {shape for shape, n in edges.items() if n >= need and re.search(r"\w", shape)}
    if not running:
        return pages
    out = []
    for page in pages:
        lines = page.split("\n")
        filled = [k for k, line in enumerate(lines) if line.strip()]
        edge = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
        out.append("\n".join(line for k, line in enumerate(lines) if k not in edge or _shape(line) not in running).strip("\n"))
    return out


def runs_on(page: str, next_page: str) -> bool:
    """Whether a page ends inside a sentence that the next page finishes: its last line has no closing mark and the
    next page starts in lower case ("... It allows us to serve" / "customers in Central ..."), or the last line is as
    long as the page's running text (a wrapped line, not a heading or a table row)."""
    lines = [line.rstrip() for line in page.split("\n") if line.strip()]
    following = next_page.lstrip()
    if not lines or not following or lines[-1][-1] in _SENTENCE_DONE:
        return False
    if following[0].islower():
        return True
    widths = sorted(len(line) for line in lines)
    return len(lines) >= 5 and len(lines[-1]) >= 0.8 * widths[len(widths) * 9 // 10 - 1] and not following[0].isdigit()
