"""Embeddings remembered by chunk content hash, so identical text is never embedded twice.

The cache is a small SQLite file beside the chroma folder (``<index>/embeddings.sqlite3``). It is
keyed by (embedder name, chunk hash), so it survives ``ingest --rebuild`` (which only drops the
chroma collections), re-uses vectors across files that share text, and lets an interrupted ingest
resume without redoing the embeddings it had already computed. Vectors of another embedder are
never returned for this one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from briefbot.index.embedding import Embedder

FILENAME = "embeddings.sqlite3"
_IN_BATCH = 500  # host parameters per SELECT, well under SQLite's limit


class EmbeddingCache:
    """Vectors of one embedder by content hash; all reads and writes are batched."""

    def __init__(self, path: Path, embedder: str, dim: int) -> None:
        self.path = path
        self.embedder = embedder
        self.dim = dim
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors ("
            " embedder TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL,"
            " PRIMARY KEY (embedder, hash))"  # a rowid table: 1.5 KB rows are too big for WITHOUT ROWID
        )
        self._db.commit()

    @classmethod
    def for_index(cls, index_dir: Path, embedder: str, dim: int) -> EmbeddingCache:
        return cls(index_dir / FILENAME, embedder, dim)

    def get_many(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``hashes`` (missing ones are simply absent)."""
        wanted = list(dict.fromkeys(hashes))
        out: dict[str, np.ndarray] = {}
        for b in range(0, len(wanted), _IN_BATCH):
            part = wanted[b : b + _IN_BATCH]
            rows = self._db.execute(
                f"SELECT hash, vector FROM vectors WHERE embedder = ? AND hash IN ({','.join('?' * len(part))})",
                [self.embedder, *part],
            )
            for h, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                if vec.shape[0] == self.dim:  # a row of another size is ignored, then overwritten
                    out[h] = vec
        return out

    def put_many(self, vectors: Mapping[str, np.ndarray]) -> None:
        if not vectors:
            return
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors (embedder, hash, vector) VALUES (?, ?, ?)",
            [(self.embedder, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in vectors.items()],
        )
        self._db.commit()

    def __len__(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM vectors WHERE embedder = ?", [self.embedder]).fetchone()
        return int(row[0])

    def close(self) -> None:
        self._db.close()


def embed_missing(
    embedder: Embedder,
    cache: EmbeddingCache | None,
    texts: Mapping[str, str],
    fallback: Callable[[], Mapping[str, np.ndarray]] | None = None,
) -> tuple[dict[str, np.ndarray], int]:
    """Vectors for ``texts`` (content hash -> text): cached, else from ``fallback``, else embedded once.

    ``fallback`` (vectors already in the index, by hash) is called only when the cache lacks some.
    Returns the vectors by hash and how many texts were embedded. New vectors are cached before
    they are returned, so an interrupted ingest keeps them.
    """
    found = cache.get_many(texts) if cache is not None else {}
    seeded: dict[str, np.ndarray] = {}
    if fallback is not None and len(found) < len(texts):
        seeded = {h: v for h, v in fallback().items() if h in texts and h not in found}
        found.update(seeded)
    missing = [h for h in texts if h not in found]
    fresh: dict[str, np.ndarray] = {}
    if missing:
        vecs = embedder.embed([texts[h] for h in missing])
        fresh = {h: vecs[i] for i, h in enumerate(missing)}
    if cache is not None:
        cache.put_many(seeded | fresh)
    return found | fresh, len(missing)
