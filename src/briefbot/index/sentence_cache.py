"""Vectors of passage sentences kept beside the index, so the next `briefbot ask` does not embed them again.

Answering and checking compare a question with every sentence of the passages retrieved (answer/
extract/extractive.py, answer/verify/verify.py). In one process (chat, serve) those vectors are remembered in
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

from briefbot.index.embed_cache import EmbeddingCache

FILENAME = "sentences.sqlite3"
MAX_VECTORS = 40_000  # ~60 MB of float32 MiniLM vectors; then the oldest half goes
_BUSY_SECONDS = 0.2  # another process writing: embed rather than wait


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class SentenceVectors:
    """An embedder that looks in ``<index>/sentences.sqlite3`` (an :class:`EmbeddingCache` keyed by the
    sentence's hash) first; the rest is the embedder it wraps."""

    def __init__(self, inner: Any, index_dir: Path, max_vectors: int = MAX_VECTORS) -> None:
        self.inner = inner
        self.path = index_dir / FILENAME
        self.max_vectors = max_vectors
        self._cache: EmbeddingCache | None = None
        self._usable = index_dir.is_dir()  # no index folder (a chroma server's): memory only

    def __getattr__(self, name: str) -> Any:  # name, dim, token_states, warm: the wrapped embedder's
        return getattr(self.inner, name)

    def _open(self) -> EmbeddingCache | None:
        if self._cache is None and self._usable:
            try:
                self._cache = EmbeddingCache(self.path, self.inner.name, self.inner.dim, timeout=_BUSY_SECONDS)
            except (sqlite3.Error, OSError):  # read-only, locked or damaged: embed as before
                self._usable = False
        return self._cache

    def _get(self, keys: list[str]) -> dict[str, np.ndarray]:
        cache = self._open()
        if cache is None:
            return {}
        try:
            return cache.get_many(keys)
        except sqlite3.Error:
            self._usable, self._cache = False, None
            return {}

    def _put(self, vectors: dict[str, np.ndarray]) -> None:
        cache = self._open()
        if cache is None or not vectors:
            return
        try:
            cache.put_many(vectors)
            cache.keep_newest(self.max_vectors)
        except sqlite3.Error:  # busy or read-only: this time the vectors are not kept (the next call opens it afresh)
            cache.close()
            self._cache = None

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
