"""Checking an answer's [n] markers against the passages the generator saw, and renumbering them.

A citation names the lines of the sentences quoted from its passage (and the heading they sit
under) when the cited text is a verbatim quote; otherwise (a paraphrase) the passage's whole span.
"""

from __future__ import annotations

import re

from briefbot.answer.quotes import locate_quotes, section_at
from briefbot.schema import Answer, Citation, Draft, Passage

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")


def _quoted_segments(text: str, count: int) -> dict[int, list[str]]:
    """For each passage number (1-based), the pieces of text that end in a marker citing it."""
    out: dict[int, list[str]] = {}
    prev = 0
    for m in MARKER.finditer(text):
        segment = text[prev : m.start()].strip().lstrip(".,;:!?)]\" ")
        prev = m.end()
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            n = int(part)
            if 1 <= n <= count and segment:
                out.setdefault(n, []).append(segment)
    return out


def cite(n: int, passage: Passage, quoted: list[str]) -> Citation:
    """The citation of ``passage``, narrowed to the lines of ``quoted`` when they are verbatim quotes of it."""
    c = passage.chunk
    spans = [locate_quotes(c.text, q) for q in quoted]
    if not spans or any(s is None for s in spans):
        return Citation(n, c.source, c.start_line, c.end_line, c.text, passage.score, c.page, c.context)
    lo = min(s[0] for s in spans if s)
    hi = max(s[1] for s in spans if s)
    line_lo = c.text.rfind("\n", 0, lo) + 1
    line_hi = c.text.find("\n", hi)
    line_hi = len(c.text) if line_hi == -1 else line_hi
    first = c.start_line + c.text.count("\n", 0, lo)
    last = c.start_line + c.text.count("\n", 0, hi)
    return Citation(
        n, c.source, first, min(max(first, last), c.end_line), c.text[line_lo:line_hi], passage.score, c.page,
        section_at(c.text, lo, c.context),
    )


def check_citations(question: str, draft: Draft, passages: list[Passage]) -> Answer:
    """Keep markers that point at a given passage, drop the rest (reported), number by first use."""
    renumber: dict[int, int] = {}
    invalid: list[int] = []

    def replace(m: re.Match[str]) -> str:
        kept: list[int] = []
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            n = int(part)
            if 1 <= n <= len(passages):
                if n not in renumber:
                    renumber[n] = len(renumber) + 1
                if renumber[n] not in kept:
                    kept.append(renumber[n])
            elif n not in invalid:
                invalid.append(n)
        if not kept:
            return ""
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())]
        return (" " if lead else "") + "".join(f"[{k}]" for k in kept)

    segments = _quoted_segments(draft.text, len(passages))
    text = MARKER.sub(replace, draft.text)
    # Only a space left between a marker and the punctuation after it is closed up: the quoted text
    # itself stays exactly as the source has it ("three years ago , only one").
    text = re.sub(r"(\])[ \t]+([.,;:!?])", r"\1\2", text).strip()
    citations = [
        cite(new, passages[old - 1], segments.get(old, []))
        for old, new in sorted(renumber.items(), key=lambda kv: kv[1])
    ]
    return Answer(
        question=question,
        text=text,
        answered=draft.answered,
        citations=citations,
        model=draft.model,
        usage=draft.usage,
        invalid_citations=invalid,
        passages=passages,
        short_answer=draft.short_answer if draft.answered else None,
    )
