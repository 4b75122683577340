"""The dense search a query needs and no more: ids and cosines from chromadb, no texts or vectors.

Kept beside store.py (the Index) rather than in it: reading texts and vectors back is the costly
part of a chromadb query, and the retriever fetches them only for the chunks that reach the head
of its fused ranking (answer/retrieval.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from briefbot.index.chroma import guarded
from briefbot.index.store import Index


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
