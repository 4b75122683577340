"""BM25's best chunks without a selection over every chunk's score (a search's top 50 of 100,000)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def best_positions(scores: np.ndarray, n: int, hint: np.ndarray | None = None) -> np.ndarray:
    """Positions of the ``n`` best positive ``scores``, best first; of equal scores the first positions.

    The ``n``-th best score of any ``n`` chunks or more (``hint``: those holding one query word) is at
    most the ``n``-th best of all, so only the chunks scoring that much are sorted: one comparison over
    every score instead of ``argpartition`` (which picked among equal scores, copies of a text in
    practice, as its pivots fell; here the first positions win, the same every time).
    """
    if not len(scores) or n <= 0:
        return np.zeros(0, np.int64)
    floor = 0.0
    if hint is not None and len(hint) >= n:
        sub = scores[hint]
        floor = float(np.partition(sub, len(sub) - n)[len(sub) - n])
    cand = np.flatnonzero(scores >= floor) if floor > 0 else np.flatnonzero(scores > 0)
    values = scores[cand]
    if len(cand) > 4 * n:  # (no hint, or a poor one): the n-th best of these first, then only those as good
        keep = values >= np.partition(values, len(values) - n)[len(values) - n]
        cand, values = cand[keep], values[keep]
    return cand[np.argsort(-values, kind="stable")[:n]]


def rarest_postings(model: Any, words: Sequence[str], n: int) -> np.ndarray | None:
    """The chunks holding the rarest of ``words`` that at least ``n`` chunks hold, from a bm25s model's
    matrix (None when no word is that common): a ``hint`` for :func:`best_positions`."""
    if model is None:
        return None
    vocab, matrix = model.vocab_dict, model.scores
    indptr = matrix["indptr"]
    size, col = min(
        ((s, c) for t in dict.fromkeys(words) if (c := vocab.get(t)) is not None and (s := int(indptr[c + 1] - indptr[c])) >= n),
        default=(0, -1),
    )
    return matrix["indices"][indptr[col] : indptr[col] + size] if size else None
