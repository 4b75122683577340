"""Names spelled another way: a query word the index lacks is matched to close index words.

"Muhammad" finds "Mohammed", "Tchaikovsky" finds "Chaikovsky", "Gianini" finds "Giannini". Index
words are Snowball stems ("mohammed" -> "moham"), so the comparison lets either word run on by up
to three letters (a stem's cut-off ending) and allows one edit per four letters otherwise. Only
words of five letters or more are matched, and only query words that are not in the index at all.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

MIN_LENGTH = 5  # shorter words have too many neighbours one edit away
FREE_ENDING = 3  # letters a stem may have lost at its end
MAX_CANDIDATES = 64  # words sharing the most letter pairs, checked by edit distance


def bigrams(word: str) -> set[str]:
    """Letter pairs, with the word's start and end marked: a name spelled another way shares most of them."""
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def distance(a: str, b: str, free: int = FREE_ENDING, limit: int | None = None) -> int:
    """Edit distance of ``a`` and ``b``, where up to ``free`` letters at the end of either cost nothing.

    With ``limit``, a distance over it may be returned as any number over it: the rows stop once every
    cell of one is over it (no later cell can be less), which most candidates reach in a few letters.
    """
    la, lb = len(a), len(b)
    if limit is not None and abs(la - lb) - free > limit:  # every way of ending costs at least this
        return limit + 1
    previous = list(range(lb + 1))
    best = previous[lb] if la <= free else la + lb  # cells of a row where ``a`` may end early (free letters)
    for i, ca in enumerate(a, 1):
        current = [i]
        left = i
        for j, cb in enumerate(b, 1):
            # min() of the three costs, written out: this loop is most of a search with an unknown word
            up, diag = previous[j] + 1, previous[j - 1] + (ca != cb)
            left = left + 1 if left + 1 < up else up  # noqa: FURB136 - min() is the slow part here
            left = left if left < diag else diag  # noqa: FURB136
            current.append(left)
        previous = current
        if i >= la - free and i < la:
            best = min(best, current[lb])
        if limit is not None and i < la and min(current) > limit and best > limit:
            return limit + 1
    best = min(best, previous[lb])
    for j in range(max(0, lb - free), lb):
        best = min(best, previous[j])
    return best


class Spelling:
    """Close words of a vocabulary, by a letter-pair index built on first use."""

    def __init__(self, vocab: list[str]) -> None:
        self.vocab = [w for w in vocab if len(w) >= MIN_LENGTH and w.isalpha()]
        self._grams: dict[str, np.ndarray] | None = None  # letter pair -> numbers of the words holding it

    def _index(self) -> dict[str, np.ndarray]:
        if self._grams is None:
            grams: dict[str, list[int]] = defaultdict(list)
            for n, w in enumerate(self.vocab):
                for g in bigrams(w):
                    grams[g].append(n)
            self._grams = {g: np.array(ns, dtype=np.int32) for g, ns in grams.items()}
        return self._grams

    def close(self, word: str) -> list[str]:
        """Index words within one edit per four letters of ``word`` (the closest ones), or none."""
        if len(word) < MIN_LENGTH or not word.isalpha() or not self.vocab:
            return []
        grams = self._index()
        lists = [grams[g] for g in bigrams(word) if g in grams]
        if not lists:
            return []
        shared = np.bincount(np.concatenate(lists), minlength=len(self.vocab))
        need = max(2, len(bigrams(word)) // 3)
        top = np.flatnonzero(shared >= need)
        if len(top) > MAX_CANDIDATES:
            top = top[np.argsort(-shared[top], kind="stable")[:MAX_CANDIDATES]]
        ranked = [int(n) for n in top]
        limit = max(1, len(word) // 4)
        found = [(distance(word, self.vocab[n], limit=limit), self.vocab[n]) for n in ranked]
        found = [(d, w) for d, w in found if d <= limit]
        if not found:
            return []
        best = min(d for d, _ in found)
        return sorted(w for d, w in found if d == best)[:3]
