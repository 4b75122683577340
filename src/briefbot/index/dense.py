"""The dense search a query needs and no more: ids and cosines from chromadb, no texts or vectors.

Kept beside store.py (the Index) rather than in it: reading texts and vectors back is the costly
part of a chromadb query, and the retriever fetches them only for the chunks that reach the head
of its fused ranking (answer/retrieve/retrieval.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from briefbot.index.chroma import guarded
from briefbot.index.store import Index, chunk_from_record
from briefbot.schema import Chunk


@guarded
def query_scores(
    index: Index, vector: np.ndarray, n: int, where: dict[str, Any] | None = None, pending: Sequence[str] | None = None
) -> dict[str, float]:
    """Ids of the ``n`` nearest chunks with their cosine similarity, best first.

    Falls back to :meth:`Index.query_ids` (then :meth:`Index.get_by_ids` for the vectors) when
    chromadb cannot serve the filtered query (another process is writing: see there).
    """
    pending = list(index.pending_sources() if pending is None else pending)
    try:
        res = index.chunks.query(
            query_embeddings=[vector.astype(np.float32)],
            n_results=n,
            where=index._visible(where, pending),
            include=["distances"],  # type: ignore[list-item]
        )
    except Exception:  # noqa: BLE001 - chromadb raises several types here
        ids = index.query_ids(vector, n, where, pending)
        found = index.get_by_ids(ids, pending)
        return {i: float(found[i][1] @ vector) for i in ids if i in found and found[i][1] is not None}
    ids = res["ids"][0] if res["ids"] else []
    dists = (res["distances"] or [[]])[0]
    return {i: 1.0 - float(d) for i, d in zip(ids, dists)}


@guarded
def query_scores_many(
    index: Index, vectors: np.ndarray, n: int, where: dict[str, Any] | None = None, pending: Sequence[str] | None = None
) -> list[dict[str, float]]:
    """:func:`query_scores` for several query vectors in one chromadb call."""
    if len(vectors) == 1:
        return [query_scores(index, vectors[0], n, where, pending)]
    pending = list(index.pending_sources() if pending is None else pending)
    try:
        res = index.chunks.query(
            query_embeddings=[v.astype(np.float32) for v in vectors],
            n_results=n,
            where=index._visible(where, pending),
            include=["distances"],  # type: ignore[list-item]
        )
    except Exception:  # noqa: BLE001 - one at a time, each with query_scores' own fallback
        return [query_scores(index, v, n, where, pending) for v in vectors]
    out = []
    for ids, dists in zip(res["ids"] or [], res["distances"] or []):
        out.append({i: 1.0 - float(d) for i, d in zip(ids, dists)})
    return out + [{} for _ in range(len(vectors) - len(out))]


@guarded
def vectors_of(index: Index, ids: Sequence[str], pending: Sequence[str]) -> dict[str, np.ndarray | None]:
    """The stored vectors of these chunks (texts are not read: that is the costly part); ids no longer
    in the index, or of files mid-write, are left out. None for a vector chromadb cannot serve yet
    (another process is writing): the caller re-embeds that chunk's text."""
    skip = set(pending)
    ids = [i for i in ids if source_of(i) not in skip]
    if not ids:
        return {}
    try:
        got = index.chunks.get(ids=list(ids), include=["embeddings"])  # type: ignore[list-item]
    except Exception:  # noqa: BLE001 - "Error finding id" while another process writes
        return {i: None for i in index.get_by_ids(ids, pending)}
    vecs = got["embeddings"] if got["embeddings"] is not None else [None] * len(got["ids"])
    return {i: None if v is None else np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], vecs)}


@guarded
def chunks_of(index: Index, ids: Sequence[str], pending: Sequence[str], vectors: bool) -> dict[str, tuple[Chunk, np.ndarray | None]]:
    """Chunks by id with their text and metadata, and their vectors only when asked."""
    if vectors:
        return index.get_by_ids(ids, pending)
    skip = set(pending)
    ids = [i for i in ids if source_of(i) not in skip]
    if not ids:
        return {}
    got = index.chunks.get(ids=list(ids), include=["documents", "metadatas"])  # type: ignore[list-item]
    return {
        i: (chunk_from_record(d, m), None)
        for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [])
        if m["source"] not in skip
    }


def source_of(chunk_id: str) -> str:
    """The source part of a chunk id (``source#index:hash``)."""
    return chunk_id.rsplit("#", 1)[0]
