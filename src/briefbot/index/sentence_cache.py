"""Vectors of passage sentences kept beside the index, so the next `briefbot ask` does not embed them again.

Answering and checking compare a question with every sentence of the passages retrieved (answer/
extractive.py, answer/verify.py). In one process (chat, serve) those vectors are remembered in
memory; each `ask` is a new process and embedded them all again: about a second of MiniLM on two
cores for a question's ~100 sentences, most of an answer's CPU once the modules are imported.

``<index>/sentences.sqlite3`` keeps them by (embedder, hash of the text), float32 as computed. It
is a cache, never needed: a read-only index, a locked or damaged file, any SQLite error, and the
vectors are simply embedded (nothing is said: the answer is the same). It holds at most
``MAX_VECTORS`` (oldest dropped first), and is not part of the index's consistency (ingest never
reads it).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

FILENAME = "sentences.sqlite3"
MAX_VECTORS = 40_000  # ~60 MB of float32 MiniLM vectors; then the oldest half goes
_IN_BATCH = 500  # host parameters per SELECT
_BUSY_SECONDS = 0.2  # another process writing: embed rather than wait


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class SentenceVectors:
    """An embedder that looks in ``<index>/sentences.sqlite3`` first; the rest is the embedder it wraps."""

    def __init__(self, inner: Any, index_dir: Path, max_vectors: int = MAX_VECTORS) -> None:
        self.inner = inner
        self.path = index_dir / FILENAME
        self.max_vectors = max_vectors
        self._db: sqlite3.Connection | None = None
        self._usable = index_dir.is_dir()  # no index folder (a chroma server's): memory only

    def __getattr__(self, name: str) -> Any:  # name, dim, token_states, warm: the wrapped embedder's
        return getattr(self.inner, name)

    def _open(self) -> sqlite3.Connection | None:
        if self._db is None and self._usable:
            try:
                db = sqlite3.connect(str(self.path), timeout=_BUSY_SECONDS)
                db.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (embedder TEXT NOT NULL, hash TEXT NOT NULL,"
                    " vector BLOB NOT NULL, PRIMARY KEY (embedder, hash))"
                )
                db.commit()
                self._db = db
            except (sqlite3.Error, OSError):  # read-only, locked or damaged: embed as before
                self._usable = False
        return self._db

    def _get(self, keys: list[str]) -> dict[str, np.ndarray]:
        db = self._open()
        found: dict[str, np.ndarray] = {}
        if db is None:
            return found
        name, dim = self.inner.name, self.inner.dim
        try:
            for b in range(0, len(keys), _IN_BATCH):
                part = keys[b : b + _IN_BATCH]
                rows = db.execute(
                    f"SELECT hash, vector FROM vectors WHERE embedder = ? AND hash IN ({','.join('?' * len(part))})",
                    [name, *part],
                )
                for h, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape[0] == dim:
                        found[h] = vec
        except sqlite3.Error:
            self._usable, self._db = False, None
        return found

    def _put(self, vectors: dict[str, np.ndarray]) -> None:
        db = self._open()
        if db is None or not vectors:
            return
        name = self.inner.name
        try:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (embedder, hash, vector) VALUES (?, ?, ?)",
                [(name, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in vectors.items()],
            )
            (count,) = db.execute("SELECT COUNT(*) FROM vectors").fetchone()
            if count > self.max_vectors:  # the oldest half goes (rowids grow with each insert)
                db.execute(
                    "DELETE FROM vectors WHERE rowid <= (SELECT rowid FROM vectors ORDER BY rowid LIMIT 1 OFFSET ?)",
                    [count - self.max_vectors // 2 - 1],
                )
            db.commit()
        except sqlite3.Error:  # busy or read-only: this time the vectors are not kept
            try:
                db.rollback()
            except sqlite3.Error:
                pass

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed(texts)
        keys = [_key(t) for t in texts]
        found = self._get(list(dict.fromkeys(keys)))
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if missing:
            fresh = self.inner.embed(missing)
            new = {_key(t): fresh[i] for i, t in enumerate(missing)}
            self._put(new)
            found.update(new)
        return np.array([found[k] for k in keys], dtype=np.float32)
