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

from briefbot.text.numbered import numbered_headings

EDGE_LINES = 3  # a running header or footer is among a page's first or last three lines
RUNNING_SHARE = 0.5  # ... and recurs on at least half the pages (two at least)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_DIGITS = re.compile(r"\d+")
_SENTENCE_DONE = frozenset('.!?:;"”’)]|。！？」')


def spell_ligatures(text: str) -> str:
    """"ﬁle" as "file": a font's one-glyph "fi" is no letter anyone types."""
    return text.translate(_LIGATURES)


def _shape(line: str) -> str:
    """A line with its numbers blanked: "Page 2 of 12" and "Page 3 of 12" are one running line."""
    return _DIGITS.sub("#", " ".join(line.split()))


def tidy_pages(pages: list[str]) -> tuple[list[str], list[int]]:
    """Each page's text without the running lines at its top and bottom, ligatures spelled out; and how many lines
    were left out at each page's top (line numbers within a page still count them, as the text layer has them)."""
    pages = [spell_ligatures(p) for p in pages]
    if len(pages) < 2:
        return pages, [0] * len(pages)
    edges: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        edges.update({_shape(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    need = max(2, RUNNING_SHARE * len(pages))
    running = {shape for shape, n in edges.items() if n >= need and re.search(r"\w", shape)}
    out, shifts = [], []
    for page in pages:
        lines = page.split("\n")
        top, bottom, kept = 0, len(lines), 0  # running (or blank) lines are left out from the top and the bottom only
        while top < bottom and (not lines[top].strip() or _shape(lines[top]) in running) and kept < EDGE_LINES:
            kept += bool(lines[top].strip())
            top += 1
        kept = 0
        while bottom > top and (not lines[bottom - 1].strip() or _shape(lines[bottom - 1]) in running) and kept < EDGE_LINES:
            kept += bool(lines[bottom - 1].strip())
            bottom -= 1
        if not any(line.strip() for line in lines[top:bottom]):
            top, bottom = 0, len(lines)  # a page that is all "running" lines (copies of one form, one slide) is its text
        out.append("\n".join(lines[top:bottom]))
        shifts.append(top)
    return out, shifts


def runs_on(page: str, next_page: str) -> bool:
    """Whether a page ends inside a sentence that the next page finishes: its last line has no closing mark and the
    next page starts in lower case ("... It allows us to serve" / "customers in Central ..."), or the last line is as
    long as the page's running text (a wrapped line, not a heading or a table row). (A colon ends the sentence: what it
    leads in to starts on the next page and is cited there.)"""
    lines = [line.rstrip() for line in page.split("\n") if line.strip()]
    following = next_page.lstrip()
    if not lines or not following or lines[-1][-1] in _SENTENCE_DONE:
        return False
    if following[0].islower():
        return True
    widths = sorted(len(line) for line in lines)
    return len(lines) >= 5 and len(lines[-1]) >= 0.8 * widths[len(widths) * 9 // 10 - 1] and not following[0].isdigit()


def numbered_sections(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, "5. Devices > 5.1 Firm-issued equipment") for a numbered document's headings: a PDF keeps no heading
    marks, but a numbered line without closing punctuation or a sentence inside it is one. Two at least, else none."""
    stack: list[tuple[int, str]] = []
    out: list[tuple[int, str]] = []
    for at, level, title in numbered_headings(text):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        out.append((at, " > ".join(t for _, t in stack)))
    return tuple(out) if len(out) >= 2 else ()
