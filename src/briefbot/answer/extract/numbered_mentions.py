"""A numbered thing asked for that the quote gives another number: "What was CSAT in Q1 2026?" answered from a row of
Q2 and Q3, "What percentage of records failed in trial load 2?" from the milestone "trial load 1", "net revenue
retention in Q4" from a slide headed "Q3 at a glance".

A numbered mention is a word and the number right after it ("Q4", "FY2026", "trial load 2", "phase 2", "week 3");
the quote (its sentences and the heading they sit under) names the same word with another number and never the one
asked: it is about a neighbour of what was asked, and the answer would be the neighbour's figure. A month ("June
2024") or a function word ("in 2024") before the number is no such word; a quote that does not name the word at all
says nothing either way. A quoted form field is read with its form's other fields ("Year group: Year 7" for
"Form tutor: ..."). A degree of a scale is such a neighbour too ("an adult with mild kidney problems" answered
from the dose for moderate ones: ``other_degree``).
"""

from __future__ import annotations

import re

from briefbot.answer.shape.quotes import section_at
from briefbot.index.words import STOPWORDS
from briefbot.schema import Passage
from briefbot.text import tables

_MARKER = re.compile(r"\s*\[\d+\]")  # an answer's citation markers
_MENTION = re.compile(r"\b([A-Za-z]{1,12})[ -]?(\d{1,4})\b(?![.,]\d)")
_RANGE_END = re.compile(r"\s*(?:-|–|to|through|and)\s*(\d{1,4})\b")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def mentions(text: str) -> set[tuple[str, str]]:
    """The (word, number) pairs of a text: "Q3 2026" -> ("q", "3"); "trial load 2" -> ("load", "2"); a range names
    both ends ("years 7 through 12" -> ("year", "7"), ("year", "12"))."""
    out = set()
    for m in _MENTION.finditer(text):
        word = m.group(1).lower()
        if word in STOPWORDS or word in _MONTHS:
            continue
        word = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        out.add((word, m.group(2).lstrip("0") or "0"))
        if end := _RANGE_END.match(text, m.end()):
            out.add((word, end.group(1).lstrip("0") or "0"))
    return out


def _same(a: str, b: str) -> bool:
    """The same number, a year written with two digits or four ("FY26" / "FY2026")."""
    return a == b or {len(a), len(b)} == {2, 4} and a[-2:] == b[-2:]


def other_number(question: str, quoted: str) -> str | None:
    """Why the quote answers another numbered thing than the one asked ("asks about Q4, the quote is about Q3"), or
    None."""
    said = mentions(quoted)
    for word, number in sorted(mentions(question)):
        others = sorted(n for w, n in said if w == word and not _same(n, number))
        if others and not any(w == word and _same(n, number) for w, n in said):
            asked = f"{word.upper()}{number}" if len(word) <= 2 else f"{word} {number}"
            return f"asks about {asked}, the quote is about {others[0]}"
    return None


# Words of one scale: a question about one of them answered by a quote that names another and never it is about a
# neighbour ("an adult with mild kidney problems" from "adults with moderate kidney problems should take 5 mg").
SCALES = (
    ("mild", "moderate", "severe"), ("minor", "major"), ("junior", "senior"), ("weekday", "weekend"),
    ("daily", "weekly", "monthly", "quarterly", "annual"), ("minimum", "maximum"),
)  # (not small / large nor primary / secondary: on SQuAD v1.1 "in large numbers" was answered by "small zooplankton")
_SCALE_WORD = re.compile(r"\b(" + "|".join(w for scale in SCALES for w in scale) + r")(?:ly)?\b", re.IGNORECASE)


def other_degree(question: str, quoted: str) -> str | None:
    """Why the quote is about another degree of a scale than the one asked ("asks about mild, the quote is about
    moderate"), or None."""
    said = {m.group(1).lower() for m in _SCALE_WORD.finditer(quoted)}
    for word in sorted({m.group(1).lower() for m in _SCALE_WORD.finditer(question)}):
        scale = next(s for s in SCALES if word in s)
        others = sorted(w for w in said if w in scale and w != word)
        if others and word not in said:
            return f"asks about {word}, the quote is about {others[0]}"
    return None


def headed(text: str, passages: list[Passage]) -> str:
    """An answer's quoted text with the heading each cited run sits under ("Q3 at a glance" over "Net revenue
    retention 108%"), markers dropped."""
    parts = [_MARKER.sub("", text)]
    for m in re.finditer(r"(.*?)\s*\[(\d+)\]", text):
        n = int(m.group(2)) - 1
        if 0 <= n < len(passages):
            chunk = passages[n].chunk
            at = chunk.text.find(m.group(1).strip()[:40].rstrip("."))
            parts.append(section_at(chunk.text, max(at, 0), chunk.context) or "")
            parts.extend(_form_of(chunk.text, at) if at >= 0 else [])
    return "\n".join(parts)


def _form_of(text: str, at: int) -> list[str]:
    """The other fields of the form a quoted field sits in, one "| Label: value |" a line: "Form tutor: Miss Laura
    Hendry" is said of the "Year group: Year 7" above it."""
    lines = text.split("\n")
    k = text.count("\n", 0, at)

    def field(line: str) -> bool:
        return line.lstrip().startswith("|") and tables.is_field(tables.cells(line))

    if not field(lines[k]):
        return []
    start, end = k, k + 1
    while start > 0 and field(lines[start - 1]):
        start -= 1
    while end < len(lines) and field(lines[end]):
        end += 1
    return [lines[j] for j in range(start, end) if j != k]
