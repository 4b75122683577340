"""Finding the passages that answer a question: dense search, then near-duplicates collapsed."""

from __future__ import annotations

import re
from typing import Any

from .embedding import Embedder
from .schema import Passage
from .store import Index

_WORD = re.compile(r"\w+", re.UNICODE)
DUPLICATE_CONTAINMENT = 0.6  # share of a passage's word trigrams already in a better one


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def collapse_duplicates(passages: list[Passage], threshold: float = DUPLICATE_CONTAINMENT) -> list[Passage]:
    """Collapse passages that mostly repeat each other (copied paragraphs, repeated boilerplate).

    Of two such passages the more complete one is kept, at the better rank of the two.
    """
    kept: list[Passage] = []
    kept_shingles: list[set[tuple[str, ...]]] = []
    for p in passages:
        sh = _shingles(p.chunk.text)
        if not sh:
            continue
        if any(len(sh & other) / len(sh) >= threshold for other in kept_shingles):
            continue
        for i, other in enumerate(kept_shingles):
            if other and len(other & sh) / len(other) >= threshold:
                p.score = max(p.score, kept[i].score)
                kept[i], kept_shingles[i] = p, sh
                break
        else:
            kept.append(p)
            kept_shingles.append(sh)
    return kept


class Retriever:
    """Ranks indexed chunks for a query; the one place search strategy lives."""

    def __init__(self, index: Index, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder

    def search(self, query: str, k: int, source: str | None = None) -> list[Passage]:
        vector = self.embedder.embed([query])[0]
        where: dict[str, Any] | None = {"source": source} if source else None
        hits = self.index.query(vector, n=max(4 * k, 20), where=where)
        passages = [Passage(chunk=c, score=s, dense_score=s) for c, s in hits]
        return collapse_duplicates(passages)[:k]
