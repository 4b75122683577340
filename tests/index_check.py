"""Reading a whole index back for comparison, and checking its parts agree with each other.

Used by the crash-safety and locking tests. When the index gains another part (a lexical index,
say), add it to ``IndexState`` and check it in ``consistency_errors``: every test that compares
indexes then covers it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from briefbot.settings import load_settings
from briefbot.index.store import Index

ChunkKey = tuple[str, int, int, int, int, str]  # source, start_line, end_line, start_char, end_char, text


@dataclass
class IndexState:
    chunks: Counter[ChunkKey]  # a multiset: a duplicate chunk shows up as a count of 2
    records: dict[str, tuple[int, str, int]]  # source -> (size, sha256, chunks), status "ok"
    pending: list[str]  # records left "pending" by an interrupted write
    ids: list[str]
    vectors: dict[str, np.ndarray]  # chunk id -> stored vector
    hits: set[str]  # ids the vector index returns for a query asking for everything
    lexical_ids: list[str] | None = None  # ids the saved BM25 index covers (None: none saved)
    snapshot: dict[str, tuple[int, str, int]] | None = None  # records in files.json, if it vouches for the index
    problems: list[str] = field(default_factory=list)

    def content(self) -> tuple[Counter[ChunkKey], dict[str, tuple[int, str, int]]]:
        """What a clean build must equal: chunks and file records (not timestamps)."""
        return self.chunks, self.records


def read_index(index_dir: Path, embedder_name: str, dim: int) -> IndexState:
    """Everything the index at ``index_dir`` holds, read through briefbot's own store."""
    import chromadb.api.client

    chromadb.api.client.SharedSystemClient.clear_system_cache()  # never a stale cached view
    settings = load_settings(index=index_dir)
    from briefbot.ingest import manifest

    vouched = manifest.records(index_dir, embedder_name)  # before chromadb opens the database
    index = Index.open(settings, embedder_name, dim, create=False)
    got = index.chunks.get(include=["documents", "metadatas", "embeddings"])  # type: ignore[list-item]
    chunks: Counter[ChunkKey] = Counter()
    vectors: dict[str, np.ndarray] = {}
    for cid, text, meta, vec in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], got["embeddings"]):
        chunks[(str(meta["source"]), int(meta["start_line"]), int(meta["end_line"]),
                int(meta["start_char"]), int(meta["end_char"]), str(text))] += 1
        vectors[cid] = np.asarray(vec, dtype=np.float32)
    hits: set[str] = set()
    if got["ids"]:
        probe = next(iter(vectors.values()))
        res = index.chunks.query(query_embeddings=[probe], n_results=len(got["ids"]), include=[])  # type: ignore[list-item]
        hits = set(res["ids"][0])
    records = {
        s: (r.size, r.sha256, r.chunks) for s, r in index.file_records().items()
    }
    from briefbot.index import lexical

    saved = lexical.LexicalIndex.load(lexical.folder(settings))
    state = IndexState(
        chunks, records, index.pending_sources(), list(got["ids"]), vectors, hits,
        lexical_ids=None if saved is None else list(saved.ids),
        snapshot=None if vouched is None else {s: (r.size, r.sha256, r.chunks) for s, r in vouched.items()},
    )
    chromadb.api.client.SharedSystemClient.clear_system_cache()
    return state


def consistency_errors(state: IndexState) -> list[str]:
    """Ways the index disagrees with itself; empty when it is whole."""
    errors: list[str] = []
    if state.pending:
        errors.append(f"records still pending: {state.pending}")
    dupes = [k[:3] for k, n in state.chunks.items() if n > 1]
    if dupes:
        errors.append(f"duplicate chunks: {dupes[:5]}")
    if len(set(state.ids)) != len(state.ids):
        errors.append("duplicate chunk ids")
    per_source = Counter(k[0] for k in state.chunks.elements())
    orphans = sorted(set(per_source) - set(state.records) - set(state.pending))  # pending: reported above
    if orphans:
        errors.append(f"chunks without a file record: {orphans}")
    wrong = sorted(s for s, (_, _, n) in state.records.items() if per_source.get(s, 0) != n)
    if wrong:
        errors.append(f"record chunk counts differ from the chunks stored: {wrong}")
    if state.hits != set(state.ids):
        errors.append(
            f"vector index out of step with stored chunks: {len(state.hits)} found by search, {len(state.ids)} stored"
        )
    if state.lexical_ids is None:
        errors.append("no saved lexical (BM25) index")
    elif sorted(state.lexical_ids) != sorted(state.ids):
        errors.append(
            f"lexical index out of step with stored chunks: {len(state.lexical_ids)} in BM25, {len(state.ids)} stored"
        )
    if state.snapshot is not None and (state.snapshot != state.records or state.pending):
        errors.append("the snapshot (files.json) vouches for records the index does not hold")
    return errors


def assert_same_content(state: IndexState, clean: IndexState) -> None:
    """``state`` is whole and holds exactly what ``clean`` (a build from scratch) holds, vectors included."""
    errors = consistency_errors(state)
    assert not errors, errors
    assert state.records == clean.records
    missing = clean.chunks - state.chunks
    extra = state.chunks - clean.chunks
    assert not missing and not extra, f"missing {list(missing)[:3]}, extra {list(extra)[:3]}"
    clean_by_id = clean.vectors
    for cid, vec in state.vectors.items():
        assert cid in clean_by_id, f"chunk id {cid} not in the clean build"
        assert float(vec @ clean_by_id[cid]) > 0.999, f"vector of {cid} differs from the clean build"
