"""What a brief opens with, beside what Lead-1 and centrality open with: is it a sentence of the reference summary?

Used by bench/briefs.py (one file's brief) and bench/corpus_briefs.py (the whole-corpus brief).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from briefbot.answer.brief.brief_units import units_of
from briefbot.schema import Passage

_WORD = re.compile(r"[^\W_]+")


def strip_markers(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text).strip()


def brief_sentences(text: str) -> list[str]:
    return [strip_markers(s) for s in re.split(r"(?<=\[\d\])\s+|(?<=\[\d\d\])\s+", text.strip()) if s.strip()]


def central_order(passages: list[Passage], embedder: Any) -> tuple[list[Any], list[int]]:
    """The document's prose sentences and their order by closeness to its centroid (most central first)."""
    units = [u for u in units_of(passages, whole_file=True) if u.prose]
    if not units:
        return [], []
    vecs = embedder.embed([u.text for u in units])
    c = vecs.mean(axis=0)
    c /= np.linalg.norm(c) or 1.0
    return units, [int(i) for i in np.argsort(-(vecs @ c), kind="stable")]



def first_sentences(brief: str, passages: list[Passage], embedder: Any) -> dict[str, str]:
    """What each system opens with: the brief's first sentence, the document's first prose sentence (Lead-1), the
    centrality baseline's first (its sentences are in document order) and the single most central sentence."""
    units, order = central_order(passages, embedder)
    said = brief_sentences(brief)
    out = {"briefbot": said[0] if said else "", "lead1": units[0].text if units else "",
           "central_first": "", "most_central": units[order[0]].text if units else ""}
    if units:
        words = len(strip_markers(brief).split()) or 120
        picked, used = [], 0
        for i in order:
            if used >= words:
                break
            picked.append(i)
            used += units[i].words
        out["central_first"] = units[min(picked)].text
    return out


def in_reference(sentence: str, reference: str) -> bool:
    """The sentence is one of the reference's (BBC's summaries are sentences of the article, joined without spaces):
    its words, in order, occur in the reference's."""
    key = " ".join(_WORD.findall(sentence.lower()))
    return bool(key) and f" {key} " in " " + " ".join(_WORD.findall(reference.lower())) + " "


def pair_precision(sentence: str, reference: str) -> float:
    """The share of the sentence's word pairs (stemmed bigrams) that the reference has: how much of an opening
    sentence is about what the reference says (for abstractive references, where no sentence matches exactly)."""
    from rouge import tokens

    c, r = tokens(sentence), tokens(reference)
    pairs = [tuple(c[i:i + 2]) for i in range(len(c) - 1)]
    have = {tuple(r[i:i + 2]) for i in range(len(r) - 1)}
    return sum(p in have for p in pairs) / len(pairs) if pairs else 0.0


def opening(brief: str, passages: list[Passage], embedder: Any, reference: str) -> dict[str, Any]:
    firsts = first_sentences(brief, passages, embedder)
    return {f"first_{k}": {"in_reference": in_reference(v, reference), "pair_precision": pair_precision(v, reference)}
            for k, v in firsts.items()}
