"""Finding the passages that answer a question: dense and BM25 rankings fused, then near-duplicates collapsed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from briefbot.answer.rerank import DEPTH as RERANK_DEPTH
from briefbot.answer.rerank import rerank_scores
from briefbot.index.embedding import Embedder
from briefbot.index.lexical import LexicalIndex, sync
from briefbot.index.store import Index
from briefbot.schema import Chunk, Passage

_WORD = re.compile(r"\w+", re.UNICODE)
DUPLICATE_CONTAINMENT = 0.6  # share of a passage's word trigrams already in a better one
NEAR_DUPLICATE_COSINE = 0.97  # embeddings this close say the same thing in other words
CANDIDATES = 50  # depth of each ranking (dense, BM25) whose union is fused, whatever k is


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def collapse_duplicates(
    passages: list[Passage],
    threshold: float = DUPLICATE_CONTAINMENT,
    *,
    vectors: list[np.ndarray] | None = None,
    limit: int | None = None,
) -> list[Passage]:
    """Collapse passages that mostly repeat each other (copied paragraphs, repeated boilerplate).

    Of two such passages the more complete one is kept, at the better rank of the two. With
    ``vectors``, a passage whose embedding is nearly identical to a kept one (a reworded copy) is
    dropped too. Stops once ``limit`` passages are kept, so only the head of a long ranking is compared.
    """
    kept: list[Passage] = []
    kept_shingles: list[set[tuple[str, ...]]] = []
    kept_vectors: list[np.ndarray] = []
    for n, p in enumerate(passages):
        if limit is not None and len(kept) >= limit:
            break
        vec = vectors[n] if vectors is not None else None
        if vec is not None and any(float(vec @ v) >= NEAR_DUPLICATE_COSINE for v in kept_vectors):
            continue
        sh = _shingles(p.chunk.text)
        if not sh:
            continue
        if any(len(sh & other) / len(sh) >= threshold for other in kept_shingles):
            continue
        for i, other in enumerate(kept_shingles):
            if other and len(other & sh) / len(other) >= threshold:
                p.score = max(p.score, kept[i].score)
                kept[i], kept_shingles[i] = p, sh
                if vec is not None:
                    kept_vectors[i] = vec
                break
        else:
            kept.append(p)
            kept_shingles.append(sh)
            if vec is not None:
                kept_vectors.append(vec)
    return kept


def minmax(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] over the candidates; all-equal values count as fully relevant."""
    if not len(values):
        return values
    lo, hi = float(values.min()), float(values.max())
    return (values - lo) / (hi - lo) if hi > lo else np.ones_like(values)


def fuse(dense: np.ndarray, lexical: np.ndarray, lexical_weight: float) -> np.ndarray:
    """Blend of min-max normalised cosine and BM25 scores.

    Measured on SQuAD (bench/quality.py) this beats reciprocal rank fusion: it keeps how far apart
    the scores are, so a strong exact-name match is not flattened to "rank 1 of one list".
    """
    return (1.0 - lexical_weight) * minmax(dense) + lexical_weight * minmax(lexical)


@dataclass
class Candidates:
    """Chunks that either ranking put near the top, with both scores (BM25 is 0 where absent)."""

    chunks: list[Chunk]
    vectors: np.ndarray
    dense: np.ndarray | None  # cosine to the query; None when retrieval is BM25 only
    lexical: np.ndarray
    query: str | None = None  # the question they were found for, for re-ranking


class Retriever:
    """Ranks indexed chunks for a query; the one place search strategy lives.

    Hybrid by default: the union of the dense top-N and the BM25 top-N, each scored both ways,
    blended with ``lexical_weight``; the blend's head is then re-ranked by where the question's words
    sit (rerank.py) and near-duplicates are collapsed so k passages say k things.
    """

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        lexical_weight: float = 0.5,
        lexical_folder: Path | None = None,
        rerank: bool = True,
        pending: Callable[[], list[str]] | None = None,
    ) -> None:
        self.index = index
        # Files whose write is unfinished (hidden from readers); by default chromadb is asked each query.
        self.pending = pending
        self.rerank = rerank
        self.embedder = embedder
        self.lexical_weight = lexical_weight
        self.lexical_folder = lexical_folder
        self._lexical: LexicalIndex | None = None

    def lexical(self) -> LexicalIndex:
        """The BM25 index, checked against chromadb once per retriever (rebuilt if out of step)."""
        if self._lexical is None:
            if self.lexical_folder is None:
                ids, texts = self.index.chunk_texts()
                self._lexical = LexicalIndex.build(ids, texts)
            else:
                self._lexical = sync(self.index, self.lexical_folder)
        return self._lexical

    def candidates(self, query: str, depth: int, source: str | None = None) -> Candidates:
        """The union of the BM25 top-``depth`` and the dense top-``depth``, each scored both ways."""
        lex = self.lexical() if self.lexical_weight > 0 else None
        lex_scores = lex.scores(query) if lex is not None else None
        lex_hits = dict(lex.top(query, depth, source=source, scores=lex_scores)) if lex is not None else {}
        ids = list(lex_hits)
        vector = None
        pending = self.pending() if self.pending else self.index.pending_sources()  # read once for both lookups
        found: dict[str, tuple[Chunk, np.ndarray | None]] = {}
        if self.lexical_weight < 1.0:
            vector = self.embedder.embed([query])[0]
            where: dict[str, Any] | None = {"source": source} if source else None
            # The dense hits come with their text and vectors; only BM25's other finds are fetched by id.
            found = self.index.query_chunks(vector, depth, where, pending)
            ids += [i for i in found if i not in lex_hits]
        found.update(self.index.get_by_ids([i for i in lex_hits if i not in found], pending))
        ids = [i for i in ids if i in found]  # an id the BM25 index still has but chromadb lost
        if not ids:
            empty = np.zeros(0, dtype=np.float32)
            return Candidates([], np.zeros((0, 0), dtype=np.float32), None if vector is None else empty, empty, query)
        missing = [i for i in ids if found[i][1] is None]
        if missing:  # vectors chromadb could not serve during a concurrent ingest
            fresh = self.embedder.embed([found[i][0].embed_text for i in missing])
            found.update({i: (found[i][0], v) for i, v in zip(missing, fresh)})
        vectors = np.array([found[i][1] for i in ids], dtype=np.float32)
        return Candidates(
            query=query,
            chunks=[found[i][0] for i in ids],
            vectors=vectors,
            dense=None if vector is None else vectors @ vector,
            # BM25 of the dense-only finds too, not 0: the blend then compares true scores.
            lexical=np.array(
                [0.0 if lex is None or lex_scores is None else lex.score_of(lex_scores, i) for i in ids],
                dtype=np.float32,
            ),
        )

    def rank(self, cands: Candidates, k: int, lexical_weight: float | None = None, rerank: bool | None = None) -> list[Passage]:
        """Fused order of the candidates, its head re-ranked (hybrid only), near-duplicates collapsed, best ``k``."""
        w = self.lexical_weight if lexical_weight is None else lexical_weight
        if cands.dense is None or w >= 1.0:
            score = minmax(cands.lexical)
        elif w <= 0.0:
            score = cands.dense
        else:
            score = fuse(cands.dense, cands.lexical, w)
        order = sorted(range(len(cands.chunks)), key=lambda j: -score[j])
        if (self.rerank if rerank is None else rerank) and cands.dense is not None and cands.query and 0.0 < w < 1.0 and order:
            score, order = self._reranked(cands, score, order, k)
        passages = [
            Passage(
                chunk=cands.chunks[j],
                score=float(score[j]),
                dense_score=None if cands.dense is None else float(cands.dense[j]),
                lexical_score=float(cands.lexical[j]) if w > 0 else None,
            )
            for j in order
        ]
        return collapse_duplicates(passages, vectors=[cands.vectors[j] for j in order], limit=k)

    def _reranked(self, cands: Candidates, score: np.ndarray, order: list[int], k: int) -> tuple[np.ndarray, list[int]]:
        """The head of ``order`` re-scored by rerank.py; the rest follow, scaled below the head's lowest."""
        assert cands.dense is not None and cands.query
        head = order[: max(RERANK_DEPTH, 2 * k)]
        new = rerank_scores(
            cands.query, [cands.chunks[j].text for j in head], minmax(cands.dense)[head], minmax(cands.lexical)[head]
        )
        score = score.astype(np.float32)
        floor = float(new.min())
        score[order[len(head):]] *= floor  # fused scores are in [0, 1]: the tail stays below the head, in order
        score[head] = new
        return score, sorted(head, key=lambda j: -score[j]) + order[len(head):]

    def search(self, query: str, k: int, source: str | None = None) -> list[Passage]:
        return self.rank(self.candidates(query, max(k, CANDIDATES), source), k)
