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
PREFIX = 16  # characters of the content hash a chunk id carries (Chunk.id)
PRUNE_RATIO = 2  # an ingest prunes the cache once it holds more than this many vectors per live chunk


def stats(index_dir: Path) -> dict[str, int | None] | None:
    """How big the cache is, vectors and bytes (for `briefbot sources`); None when there is none.

    Opened read-only: listing sources must work on an index the user cannot write.
    """
    path = index_dir / FILENAME
    try:
        size = path.stat().st_size
    except OSError:
        return None
    vectors: int | None = None
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            vectors = int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        pass  # unreadable: the next ingest starts it again
    return {"vectors": vectors, "bytes": size}


class EmbeddingCache:
    """Vectors of one embedder by content hash; all reads and writes are batched."""

    def __init__(self, path: Path, embedder: str, dim: int, timeout: float = 30) -> None:
        self.path = path
        self.embedder = embedder
        self.dim = dim
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=timeout)
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

    def entries(self) -> int:
        """Rows of every embedder: what the file holds."""
        return int(self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def prune(self, live: Iterable[str]) -> int:
        """Delete every vector no chunk in the index uses (``live``: the chunks' content hashes, or
        the 16-character prefixes chunk ids carry); returns how many went.

        Vectors of another embedder go too: the index holds one embedder's chunks. The file is
        compacted when most of it was freed.
        """
        prefixes = {h[:PREFIX] for h in live}
        before = self.entries()
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS live (prefix TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM live")
        self._db.executemany("INSERT OR IGNORE INTO live VALUES (?)", [(p,) for p in prefixes])
        self._db.execute(
            "DELETE FROM vectors WHERE embedder != ? OR substr(hash, 1, ?) NOT IN (SELECT prefix FROM live)",
            [self.embedder, PREFIX],
        )
        self._db.execute("DROP TABLE live")
        self._db.commit()
        removed = before - self.entries()
        if removed > before // 2:
            self._db.execute("VACUUM")  # give the space back; cheap next to the ingest that pruned
        return removed

    def keep_newest(self, most: int) -> None:
        """At most ``most`` vectors: past that, the oldest go until half remain (rowids grow with each insert)."""
        count = self.entries()
        if count > most:
            self._db.execute(
                "DELETE FROM vectors WHERE rowid <= (SELECT rowid FROM vectors ORDER BY rowid LIMIT 1 OFFSET ?)",
                [count - most // 2 - 1],
            )
            self._db.commit()

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
