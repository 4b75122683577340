"""Near-duplicate collapse: k passages that say k things (copied paragraphs, repeated boilerplate, reworded copies)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from briefbot.index.words import word_chars_of
from briefbot.schema import Passage

DUPLICATE_CONTAINMENT = 0.6  # share of a passage's word trigrams already in a better one
NEAR_DUPLICATE_COSINE = 0.97  # embeddings this close say the same thing in other words
_TOLERANCE = 1e-5  # a matrix product may round the last bit otherwise than one product of two vectors (see _is_copy)
_SURELY_COPY, _MAYBE_COPY = NEAR_DUPLICATE_COSINE + 2 * _TOLERANCE, NEAR_DUPLICATE_COSINE - 2 * _TOLERANCE  # _is_copy decides between


@lru_cache(maxsize=4096)  # passages come back query after query, and twice when duplicates eat the head
def _shingles(text: str) -> frozenset[str]:
    """The passage's word trigrams, each as one string ("a b c"): no tuple per trigram for the
    garbage collector to track (words hold no spaces, so the sets compare as sets of tuples would)."""
    words = word_chars_of(text.lower())
    if len(words) < 3:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(map(" ".join, zip(words, words[1:], words[2:])))


def collapse_duplicates(
    passages: list[Passage],
    threshold: float = DUPLICATE_CONTAINMENT,
    *,
    vectors: Sequence[np.ndarray] | None = None,
    limit: int | None = None,
) -> list[Passage]:
    """Collapse passages that mostly repeat each other (copied paragraphs, repeated boilerplate).

    Of two such passages the more complete one is kept, at the better rank of the two. With
    ``vectors``, a passage whose embedding is nearly identical to a kept one (a reworded copy) is
    dropped too. Stops once ``limit`` passages are kept, so only the head of a long ranking is compared.
    """
    return Collapse(threshold, limit).feed(passages, vectors)


class Collapse:
    """:func:`collapse_duplicates` fed a ranking piece by piece, best first: a search that finds its head
    eaten by duplicates reads on and feeds the next rows, without comparing the first ones again."""

    def __init__(self, threshold: float = DUPLICATE_CONTAINMENT, limit: int | None = None) -> None:
        self.threshold, self.limit = threshold, limit
        self.kept: list[Passage] = []
        self._shingles: list[frozenset[str]] = []
        self._vectors: list[np.ndarray] = []  # the kept passages' vectors
        self._matrix: np.ndarray | None = None  # the same stacked, made again when they change
        self._hashes: list[str | None] = []  # the kept passages' content hashes as chunk ids hold them (see same_text)

    @property
    def full(self) -> bool:
        return self.limit is not None and len(self.kept) >= self.limit

    def feed(
        self,
        passages: Sequence[Passage | None],
        vectors: Sequence[np.ndarray] | np.ndarray | None = None,
        ids: Sequence[str] | None = None,
        closest: np.ndarray | None = None,
    ) -> list[Passage]:
        """Take the next passages of the ranking (and their vectors, for all or none; their chunk ids, for
        all or none); the passages kept so far. ``closest``: :meth:`closest` of the vectors, when the caller has it.

        A passage is looked up only when its vector or id does not already make it a copy (None: it is gone)."""
        threshold, kept, kept_shingles, limit = self.threshold, self.kept, self._shingles, self.limit
        block = np.asarray(vectors) if vectors is not None and len(passages) else None
        best = None if block is None else self.closest(block) if closest is None else closest  # each row's best cosine to a kept passage
        near = [] if best is None else best.tolist()  # (as floats: one conversion for the block, again when it changes)
        for n in range(len(passages)):
            if limit is not None and len(kept) >= limit:
                break
            vec = block[n] if block is not None else None
            # (_is_copy, its sure cases first: a cosine clear of the threshold needs no second product)
            if vec is not None and ((b := near[n]) > _SURELY_COPY or (b >= _MAYBE_COPY and self._is_copy(b, vec))):
                continue
            if ids is not None and self._hashes and ids[n].rsplit(":", 1)[-1] in self._hashes:  # (same_text)
                continue
            p = passages[n]  # (read only now: a copy is dropped by its vector alone)
            if p is None:
                continue
            sh = _shingles(p.chunk.text)
            if not sh:
                continue
            if any(len(sh & other) / len(sh) >= threshold for other in kept_shingles):
                continue
            for i, other in enumerate(kept_shingles):
                if other and len(other & sh) / len(other) >= threshold:
                    p.score = max(p.score, kept[i].score)
                    kept[i], kept_shingles[i], self._hashes[i] = p, sh, _hash_of(p)
                    if vec is not None:
                        self._vectors[i], self._matrix = vec, None
                        best = self.closest(block)  # type: ignore[arg-type]
                        near = best.tolist()
                    break
            else:
                kept.append(p)
                kept_shingles.append(sh)
                self._hashes.append(_hash_of(p))
                if vec is not None:
                    self._vectors.append(vec)
                    self._matrix = None
                    best = np.maximum(best, block @ vec)  # type: ignore[operator]
                    near = best.tolist()
        return kept

    def same_text(self, chunk_id: str) -> bool:
        """Whether the chunk named ``chunk_id`` holds a kept passage's text (or its end: see _hash_of), so it is
        collapsed unread: an id ends with the hash of its chunk's text (``source#n:hash``)."""
        return bool(self._hashes) and chunk_id.rsplit(":", 1)[-1] in self._hashes

    def near_copies(self, block: np.ndarray, closest: np.ndarray | None = None) -> list[bool]:
        """Whether each row of ``block`` is as close as a reworded copy to a kept passage's vector: one product for all
        (``closest``: :meth:`closest` of ``block``, when the caller has it)."""
        best = self.closest(block) if closest is None else closest
        return [b > _SURELY_COPY or (b >= _MAYBE_COPY and self._is_copy(b, v)) for b, v in zip(best.tolist(), block)]

    def closest(self, block: np.ndarray) -> np.ndarray:
        """Each row's best cosine to the kept passages' vectors (-inf with none kept)."""
        if not self._vectors:
            return np.full(len(block), -np.inf)
        if self._matrix is None:
            self._matrix = np.array(self._vectors)
        return (self._matrix @ block.T).max(axis=0)

    def _is_copy(self, best: float, vec: np.ndarray) -> bool:
        if abs(best - NEAR_DUPLICATE_COSINE) > _TOLERANCE:
            return best >= NEAR_DUPLICATE_COSINE
        # (A matrix product may round the last bit otherwise than one product of two vectors.)
        return any(float(vec @ v) >= NEAR_DUPLICATE_COSINE for v in self._vectors)


def _hash_of(p: Passage) -> str | None:
    """A kept passage's hash as chunk ids hold it, when a chunk with that hash in its id is sure to collapse.

    Such a chunk holds the same text, or (a chunk under a heading hashes "heading\ntext") the text after
    one of its line breaks, whose word trigrams are all the kept passage's, so it collapses either way
    unless it has one or two words (a lone pair of words is no trigram): not offered then. Nor for a
    passage under a heading of its own, whose hash says nothing so simple."""
    if p.chunk.context is not None or not _tails_collapse(p.chunk.text):
        return None
    return p.chunk.content_hash[:16]


@lru_cache(maxsize=4096)
def _tails_collapse(text: str) -> bool:
    """Whether the text after each line break of ``text`` holds no word or three words at least."""
    words, end = 0, len(text)
    while (at := text.rfind("\n", 0, end)) >= 0:  # each text after a line break, shortest first
        words += len(word_chars_of(text[at + 1 : end].lower()))
        if words in (1, 2):
            return False
        if words >= 3:
            return True  # (every longer one has as many words)
        end = at
    return True
