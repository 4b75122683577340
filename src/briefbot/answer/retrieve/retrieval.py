"""Finding the passages that answer a question: dense and BM25 rankings fused, then near-duplicates collapsed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from briefbot.answer.extract.question_kind import asked_clause
from briefbot.answer.retrieve.collapse import (
    DUPLICATE_CONTAINMENT,
    NEAR_DUPLICATE_COSINE,
    Collapse,
    collapse_duplicates,
)
from briefbot.answer.retrieve.rerank import DEPTH as RERANK_DEPTH
from briefbot.answer.retrieve.rerank import rerank_scores
from briefbot.answer.retrieve.worker import Worker
from briefbot.answer.shape.clauses import opens_clause
from briefbot.index import reading
from briefbot.index.dense import chunks_of, query_scores_many, vectors_of
from briefbot.index.embedding import Embedder
from briefbot.index.lexical import LexicalIndex, sync
from briefbot.index.passages import FILENAME as PASSAGES
from briefbot.index.passages import Passages
from briefbot.index.store import Index
from briefbot.index.vectors import populate as populate_vectors
from briefbot.schema import Chunk, Passage

__all__ = ["CANDIDATES", "DUPLICATE_CONTAINMENT", "NEAR_DUPLICATE_COSINE", "Candidates", "Collapse", "Retriever",
           "collapse_duplicates", "fuse", "minmax"]  # (collapse.py's too: callers import them from here)
CANDIDATES = 50  # depth of each ranking (dense, BM25) whose union is fused, whatever k is
READ_ON = 8  # rows whose texts are read in one call when near-duplicates ate the head


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
    """Chunks that either ranking put near the top, with both scores (BM25 is 0 where absent).

    A chunk only the dense ranking found is fetched (text and vector) only if it reaches the head
    of the fused ranking: ``chunks[j]`` is None and ``vectors[j]`` zeros until :meth:`Retriever.fill`
    (or its vector alone, ``known[j]`` then True, by :meth:`Retriever.fill_vectors` when reading on).
    """

    chunks: list[Chunk | None]
    vectors: np.ndarray
    dense: np.ndarray | None  # cosine to the query; None when retrieval is BM25 only
    lexical: np.ndarray
    query: str | None = None  # the question they were found for, for re-ranking
    ids: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # files hidden from this search (mid-write)
    lost: set[int] = field(default_factory=set)  # rows chromadb no longer holds when fetched
    known: np.ndarray | None = None  # rows whose vector is already in ``vectors``
    store: LexicalIndex | None = None  # the BM25 build whose rows (index/rows.py) serve texts, when they match the copy
    # Rows not read whose text another row read holds (the rows' text numbers say so): enough for the re-ranker;
    # the row itself is read only if collapse must look at it (copies of a kept passage are dropped unread).
    texts: dict[int, str] = field(default_factory=dict)


@dataclass
class _LexicalSide:
    """What BM25 found for a batch of queries, and what the local copy holds of it."""

    scores: list[np.ndarray | None]  # BM25 of every chunk, per query
    hits: list[dict[str, float]]  # BM25's top ids, per query
    found: dict[str, np.ndarray | None]  # their vectors (None: chromadb could not serve one yet)
    current: LexicalIndex | None = None  # the BM25 build searched, when the latest and the copy holds its chunks


class _Lazy:
    """Rows of a candidate set as passages, each read (text) only when asked for; None for a row gone."""

    def __init__(self, retriever: Retriever, cands: Candidates, rows: list[int], make: Callable[[list[int]], list[Passage]]) -> None:
        self.retriever, self.cands, self.rows, self.make = retriever, cands, rows, make

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, n: int) -> Passage | None:
        j = self.rows[n]
        if self.cands.chunks[j] is None:
            self.retriever.fill(self.cands, [j], readings=False)
        return None if self.cands.chunks[j] is None else self.make([j])[0]


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
        settled: Callable[[], bool] | None = None,
    ) -> None:
        self.index = index
        # Files whose write is unfinished (hidden from readers); by default chromadb is asked each query.
        self.pending = pending
        # True while no ingest is running or left unfinished (the ingest snapshot vouches): chromadb then
        # holds exactly the chunks of the local copy, which can stand in for it for BM25's finds too, and
        # no file is mid-write (``pending`` is then not asked).
        self.settled = settled
        self.rerank = rerank
        self.embedder = embedder
        self.lexical_weight = lexical_weight
        self.lexical_folder = lexical_folder
        self._lexical: LexicalIndex | None = None
        self._fetcher: Worker | None = None
        self._passages: Passages | None = None

    def _worker(self) -> Worker:
        if self._fetcher is None:
            self._fetcher = Worker()
        return self._fetcher

    def passages(self) -> Passages:
        """The local copy of the chunks' texts and vectors beside the BM25 index (index/passages.py)."""
        if self._passages is None:
            assert self.lexical_folder is not None
            self._passages = Passages(self.lexical_folder / PASSAGES)
        return self._passages

    def lexical(self) -> LexicalIndex:
        """The BM25 index, checked against chromadb once per retriever (rebuilt if out of step)."""
        if self._lexical is None:
            if self.lexical_folder is None:
                ids, texts = self.index.chunk_texts()
                self._lexical = LexicalIndex.build(ids, texts)
            else:
                self._lexical = sync(self.index, self.lexical_folder)
                if self._lexical.vectors is not None:  # (page faults off the searches: see vectors.populate)
                    self._worker().submit(populate_vectors, self._lexical.vectors)
        return self._lexical

    def candidates(self, query: str, depth: int, source: str | None = None) -> Candidates:
        """The union of the BM25 top-``depth`` and the dense top-``depth``, each scored both ways.

        BM25's finds are fetched (text and vector: their cosine is needed to fuse) while the query
        is embedded; the dense ones come with their cosine from the search itself.
        """
        return self.candidates_many([query], depth, source)[0]

    def candidates_many(self, queries: Sequence[str], depth: int, source: str | None = None) -> list[Candidates]:
        """:meth:`candidates` of several queries at the cost of about one: the queries are embedded in
        one batch, chromadb is searched once with all their vectors, BM25's finds are read in one call.
        A multi-hop search asks its follow-up queries this way (answer/retrieve/multihop.py).

        BM25 and the local copy's read run before the embedding, on this thread: on another thread their
        Python work holds the GIL when the embedding returns and made searches slower, not faster
        (README, "Query speed against a plain retriever"). Only a read from chromadb (no local copy to answer) waits on another thread.
        """
        queries = list(queries)
        lex = self.lexical() if self.lexical_weight > 0 else None
        # Read once for all lookups. Settled (the snapshot vouches no ingest runs) means no file is mid-write.
        settled = self.settled is not None and self.settled()
        pending = [] if settled else self.pending() if self.pending else self.index.pending_sources()
        side = self._lexical_side(queries, lex, depth, source, settled)
        store = lex if side.current is not None and lex is not None and lex.rows is not None and lex.rows.key == self.passages().rows_key() else None
        wanted = [i for i in dict.fromkeys(i for h in side.hits for i in h) if i not in side.found]
        fetching = self._worker().submit(vectors_of, self.index, wanted, pending) if wanted else None
        vectors: np.ndarray | None = None
        dense_hits: list[dict[str, float]] = [{} for _ in queries]
        try:
            if self.lexical_weight < 1.0:
                vectors = self.embedder.embed(queries)
                where: dict[str, Any] | None = {"source": source} if source else None
                dense_hits = query_scores_many(self.index, vectors, depth, where, pending)
        finally:
            if fetching is not None:
                side.found.update(fetching.result())
        many = [
            self._assemble(q, lex, side, n, dense_hits[n], None if vectors is None else vectors[n], pending)
            for n, q in enumerate(queries)
        ]
        for c in many:
            c.store = store
        return many

    def _lexical_side(
        self, queries: list[str], lex: LexicalIndex | None, depth: int, source: str | None, settled: bool
    ) -> _LexicalSide:
        """BM25's scores and finds of each query, and those of the finds' vectors the local copy holds
        (their cosine is needed to fuse).

        chromadb's read of these vectors is also what drops a chunk an ingest deleted meanwhile: only
        while the ingest snapshot vouches that no ingest runs can the copy answer for it.
        """
        scores = [lex.scores(q) for q in queries] if lex is not None else [None] * len(queries)
        hits = [dict(lex.top(q, depth, source=source, scores=sc)) if lex is not None else {} for q, sc in zip(queries, scores)]
        wanted = list(dict.fromkeys(i for h in hits for i in h))
        found: dict[str, np.ndarray | None] = {}
        current = None
        if settled and self.lexical_folder is not None and self.passages().in_step():
            # (The BM25 build's own array only when it is the latest build, the one chromadb now matches.)
            current = lex if lex is not None and lex.fingerprint == self.passages().built else None
            if wanted:
                found.update(self.stored_vectors(wanted, current))  # a row it lacks is read from chromadb
        return _LexicalSide(scores, hits, found, current)

    def stored_vectors(self, ids: Sequence[str], lex: LexicalIndex | None) -> dict[str, np.ndarray]:
        """The vectors of those ``ids`` the BM25 build ``lex`` keeps (index/vectors.py), the rest from the
        local copy; for ids chromadb has just returned, or holds for sure (as the local copy's rows)."""
        dim = self.embedder.dim
        found = lex.vectors_of(ids) if lex is not None and lex.vectors is not None and lex.vectors.shape[1] == dim else {}
        rest = [i for i in ids if i not in found] if found else ids
        if rest and self.lexical_folder is not None:
            found.update(self.passages().vectors(rest, dim))
        return found

    def _assemble(
        self,
        query: str,
        lex: LexicalIndex | None,
        side: _LexicalSide,
        n: int,
        dense_hits: dict[str, float],
        vector: np.ndarray | None,
        pending: Sequence[str],
    ) -> Candidates:
        """The ``n``-th query's candidates from what the searches returned: BM25's finds first (their
        vectors known), then the dense search's other finds (their cosine known, vectors read if needed)."""
        lex_scores, lex_hits, found = side.scores[n], side.hits[n], side.found
        # An id the BM25 index still has but chromadb lost is left out.
        lexical_ids = [i for i in lex_hits if i in found]
        dense_only = [i for i in dense_hits if i not in lex_hits]
        dim = self.embedder.dim
        if not lexical_ids and not dense_only:
            empty = np.zeros(0, dtype=np.float32)
            return Candidates([], np.zeros((0, dim), dtype=np.float32), None if vector is None else empty, empty, query)
        missing = [i for i in lexical_ids if found[i] is None]
        if missing:  # vectors chromadb could not serve during a concurrent ingest: embed their texts
            texts = chunks_of(self.index, missing, pending, vectors=False)
            fresh = self.embedder.embed([texts[i][0].embed_text for i in missing if i in texts])
            found.update(zip([i for i in missing if i in texts], fresh))
            lexical_ids = [i for i in lexical_ids if found.get(i) is not None]
        ids = lexical_ids + dense_only
        m = len(lexical_ids)
        vectors = np.zeros((len(ids), dim), dtype=np.float32)
        if m:
            vectors[:m] = [found[i] for i in lexical_ids]  # (None was re-embedded above; a list assigned in one go: np.stack cost twice as much)
        known = np.zeros(len(ids), dtype=bool)  # rows whose vector is here (BM25's finds)
        known[:m] = True
        dense = None
        if vector is not None:
            dense = vectors @ vector
            dense[m:] = [dense_hits[i] for i in dense_only]
        lexical = np.zeros(len(ids), np.float32)
        if lex is not None and lex_scores is not None:
            # BM25 of the dense-only finds too, not 0: the blend then compares true scores. (BM25's finds' came with them.)
            lexical[:m] = [lex_hits[i] for i in lexical_ids]
            lexical[m:] = lex.scores_of(lex_scores, dense_only)
        return Candidates(
            query=query,
            chunks=[None] * len(ids),
            vectors=vectors,
            dense=dense,
            lexical=lexical,
            ids=ids,
            pending=list(pending),
            known=known,
        )

    def fill(self, cands: Candidates, rows: Sequence[int], readings: bool = True) -> None:
        """Fetch the text and vector of those ``rows`` not fetched yet, in one call (``readings``: with the
        re-ranker's readings, for rows it will re-rank; a row whose text another row holds then gets only its text,
        in ``Candidates.texts``, when the build's rows say so)."""
        self.fill_many([(cands, rows)], readings)

    def fill_many(self, wanted_rows: Sequence[tuple[Candidates, Sequence[int]]], readings: bool = True) -> None:
        """:meth:`fill` for several candidate sets in one chromadb call. With ``readings`` (texts for the re-ranker)
        a row whose text another row of the call holds is not read: ``Candidates.texts`` gets that text."""
        work = [(c, [j for j in rows if c.chunks[j] is None and j not in c.lost and not (readings and j in c.texts)])
                for c, rows in wanted_rows]
        work = [(c, rows) for c, rows in work if rows]
        if not work:
            return
        unknown = {c.ids[j] for c, rows in work for j in rows if c.known is None or not c.known[j]}  # vectors to read too
        ids = list(dict.fromkeys(c.ids[j] for c, rows in work for j in rows))
        # The local copy first (ids chromadb has just returned: the dense search, BM25's finds' vectors);
        # their vectors from the BM25 build's array when it has them all (the copy's rows are then narrower).
        dim = self.embedder.dim
        lex = self._lexical
        arrayed = lex.vectors_of([i for i in ids if i in unknown]) if lex is not None and lex.vectors is not None and lex.vectors.shape[1] == dim else {}
        whole = any(i in unknown and i not in arrayed for i in ids)
        store = work[0][0].store
        # The build's rows when they match the copy (index/rows.py): one pread a row, no SQLite row reads.
        usable = store is not None and not whole and all(c.store is store for c, _ in work)
        shared: dict[str, str] = {}  # id -> the id read for its text (the same text number)
        if usable and readings:
            first: dict[int, str] = {}
            for i, t in zip(ids, store.text_numbers(ids)):  # type: ignore[union-attr]  # (usable: a store)
                if t >= 0 and first.setdefault(t, i) != i:
                    shared[i] = first[t]
        stored = store.chunks_of([i for i in ids if i not in shared] if shared else ids, readings) if usable else {}  # type: ignore[union-attr]
        found: dict[str, tuple[Chunk, np.ndarray | None]] = {i: (c, arrayed.get(i)) for i, c in stored.items()}
        if stored and readings and not store.rows.readings:  # type: ignore[union-attr]  # (stored: it has rows)
            self.passages().hand_over_readings([c for c in stored.values() if not reading.known(c.text)])
        left = [i for i in ids if i not in found and i not in shared] if found else ids
        if left and self.lexical_folder is not None:
            got = self.passages().get(left, dim, vectors=whole, readings=readings)
            found.update((i, (c, arrayed.get(i, v))) for i, (c, v) in got.items())
        rest = [i for i in ids if (i not in found and i not in shared) or (i in unknown and i in found and found[i][1] is None)]
        if rest:
            found.update(chunks_of(self.index, rest, work[0][0].pending, vectors=any(i in unknown for i in rest)))
        stale = [i for i in unknown if i in found and found[i][1] is None]
        if stale:  # vectors chromadb could not serve during a concurrent ingest
            fresh = self.embedder.embed([found[i][0].embed_text for i in stale])
            found.update({i: (found[i][0], v) for i, v in zip(stale, fresh)})
        for cands, rows in work:
            for j in rows:
                if shared and (i := cands.ids[j]) in shared:
                    cands.texts[j] = found[shared[i]][0].text
                    if cands.known is None or not cands.known[j]:  # (not whole: the array had it)
                        cands.vectors[j] = arrayed[i]
                        if cands.known is not None:
                            cands.known[j] = True
                    continue
                got = found.get(cands.ids[j])
                if got is None:
                    cands.lost.add(j)
                    continue
                cands.chunks[j] = got[0]
                if cands.known is None or not cands.known[j]:
                    cands.vectors[j] = got[1]

    def fill_vectors(self, cands: Candidates, rows: Sequence[int]) -> None:
        """Fetch only the vectors of those ``rows`` without one, from the local copy (for ids chromadb has
        just returned, as :meth:`fill`); rows it cannot serve are filled whole."""
        if cands.known is None:
            self.fill(cands, rows)
            return
        want = [j for j in rows if not cands.known[j] and cands.chunks[j] is None and j not in cands.lost]
        if not want:
            return
        got = self.stored_vectors([cands.ids[j] for j in want], self._lexical)
        for j in want:
            v = got.get(cands.ids[j])
            if v is not None:
                cands.vectors[j], cands.known[j] = v, True
        self.fill(cands, [j for j in want if not cands.known[j]], readings=False)

    def rank(self, cands: Candidates, k: int, lexical_weight: float | None = None, rerank: bool | None = None) -> list[Passage]:
        """Fused order of the candidates, its head re-ranked (hybrid only), near-duplicates collapsed, best ``k``."""
        w = self.lexical_weight if lexical_weight is None else lexical_weight
        score, order = self._fused(cands, w)
        head = max(RERANK_DEPTH, 2 * k)  # the passages re-ranked, and usually all that is read
        self.fill(cands, order[:head])
        order = [j for j in order if j not in cands.lost]
        if (self.rerank if rerank is None else rerank) and cands.dense is not None and cands.query and 0.0 < w < 1.0 and order:
            score, order = self._reranked(cands, score, order, k)
        number = asked_clause(cands.query) if cands.query else None
        if number is not None:  # "What does clause 8.1 say?": the passages holding that clause's line first
            first = [j for j in order[:head] if j not in cands.lost and opens_clause(
                cands.texts[j] if j in cands.texts else cands.chunks[j].text, number)]  # type: ignore[union-attr]
            ahead = set(first)
            order = first + [j for j in order if j not in ahead]

        def passages(rows: list[int]) -> list[Passage]:
            return [
                Passage(
                    chunk=cands.chunks[j],  # type: ignore[arg-type]  # filled above
                    score=float(score[j]),
                    dense_score=None if cands.dense is None else float(cands.dense[j]),
                    lexical_score=float(cands.lexical[j]) if w > 0 else None,
                )
                for j in rows
            ]

        rows = [j for j in order[:head] if cands.chunks[j] is not None or j in cands.texts]
        collapse = Collapse(limit=k)
        collapse.feed(_Lazy(self, cands, rows, passages), cands.vectors[rows], [cands.ids[j] for j in rows] if cands.ids else None)
        read, fed = head, rows
        while not collapse.full and len(order) > read:
            # Duplicates ate the head: read on, a head's worth at a time. The same result as reading all,
            # as collapsing goes in rank order and stops at the k-th passage kept. Vectors first: most rows
            # are then dropped as copies of a kept passage, so only the others' texts are read.
            read += head
            self.fill_vectors(cands, order[:read])
            rows = [j for j in order[:read] if j not in cands.lost]
            if rows[: len(fed)] != fed:  # (rows lost during a concurrent ingest shifted the order): start again
                collapse, fed = Collapse(limit=k), []
            fresh = rows[len(fed):]
            # A few rows at a time, the texts read in one call; a row the kept passages make a copy is not
            # read, and no row past the k-th passage kept: of the rows to read, only as many as passages are still
            # wanted (nearly every one read is kept), the part fed up to them, the rest looked at again after.
            b = 0
            while b < len(fresh) and not collapse.full:
                part = fresh[b : b + READ_ON]
                block, part_ids = cands.vectors[part], [cands.ids[j] for j in part]
                best = collapse.closest(block)  # (one product for the copy test here and in feed: the kept set is the same)
                copies = collapse.near_copies(block, best)
                unread = [n for n, (j, copy, i) in enumerate(zip(part, copies, part_ids))
                          if cands.chunks[j] is None and not copy and not collapse.same_text(i)]
                wanted = k - len(collapse.kept)
                if len(unread) > wanted:
                    cut = unread[wanted]
                    part, block, part_ids, best, unread = part[:cut], block[:cut], part_ids[:cut], best[:cut], unread[:wanted]
                self.fill(cands, [part[n] for n in unread], readings=False)
                collapse.feed(_Lazy(self, cands, part, passages), block, part_ids, best)
                b += len(part)
            fed = rows
        kept = collapse.kept
        if self.lexical_folder is not None:  # (a multi-hop search reads the top ones again: readings of those read on)
            unread = [p.chunk for p in kept if not reading.known(p.chunk.text)]
            if unread and cands.store is not None and cands.store.rows is not None and cands.store.rows.readings:
                cands.store.chunks_of([c.id for c in unread], readings=True)
                unread = [c for c in unread if not reading.known(c.text)]
            if unread:
                self.passages().hand_over_readings(unread)
        return kept

    def _fused(self, cands: Candidates, w: float) -> tuple[np.ndarray, list[int]]:
        """The blended score of each candidate, and the rows best first."""
        if cands.dense is None or w >= 1.0:
            score = minmax(cands.lexical)
        elif w <= 0.0:
            score = cands.dense
        else:
            score = fuse(cands.dense, cands.lexical, w)
        return score, np.argsort(-score, kind="stable").tolist()  # (as sorted() by -score: equal scores keep their order)

    def search_many(self, queries: Sequence[str], depth: int, k: int) -> list[list[Passage]]:
        """The top ``k`` of each query from its top-``depth`` candidates: one embedding batch, one dense
        search and two reads for all of them (what the follow-up queries of a multi-hop search need)."""
        if not queries:
            return []
        many = self.candidates_many(queries, depth)
        head = max(RERANK_DEPTH, 2 * k)
        self.fill_many([(c, self._fused(c, self.lexical_weight)[1][:head]) for c in many])
        return [self.rank(c, k) for c in many]

    def _reranked(self, cands: Candidates, score: np.ndarray, order: list[int], k: int) -> tuple[np.ndarray, list[int]]:
        """The head of ``order`` re-scored by rerank.py; the rest follow, scaled below the head's lowest."""
        assert cands.dense is not None and cands.query
        head = order[: max(RERANK_DEPTH, 2 * k)]
        new = rerank_scores(
            cands.query, [cands.texts[j] if j in cands.texts else cands.chunks[j].text for j in head],  # type: ignore[union-attr]
            minmax(cands.dense)[head], minmax(cands.lexical)[head],
        )
        score = score.astype(np.float32)
        floor = float(new.min())
        score[order[len(head):]] *= floor  # fused scores are in [0, 1]: the tail stays below the head, in order
        score[head] = new
        return score, sorted(head, key=lambda j: -score[j]) + order[len(head):]

    def search(self, query: str, k: int, source: str | None = None) -> list[Passage]:
        return self.rank(self.candidates(query, max(k, CANDIDATES), source), k)
