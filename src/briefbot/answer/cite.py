"""Checking an answer's [n] markers against the passages the generator saw, and renumbering them."""

from __future__ import annotations

import re

from briefbot.schema import Answer, Citation, Draft, Passage

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")


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

    text = MARKER.sub(replace, draft.text)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text).strip()
    citations = []
    for old, new in sorted(renumber.items(), key=lambda kv: kv[1]):
        c = passages[old - 1].chunk
        citations.append(
            Citation(new, c.source, c.start_line, c.end_line, c.text, passages[old - 1].score, c.page, c.context)
        )
    return Answer(
        question=question,
        text=text,
        answered=draft.answered,
        citations=citations,
        model=draft.model,
        usage=draft.usage,
        invalid_citations=invalid,
        passages=passages,
    )
