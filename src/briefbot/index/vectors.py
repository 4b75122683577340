"""Chunk vectors in one array aligned with a BM25 build's ids, saved with the build and memory-mapped.

A search needs the vectors of BM25's finds (their cosine to the question, to fuse them) and, when
near-duplicates eat the head of its ranking, of the rows it reads on. From the local copy
(index/passages.py) each is an SQLite row found by its id in a file of ~4 KB per chunk; here it is the
row at the position the BM25 index already knows. Derived like the rest of the build: a sync writes
it from the previous build's array and the vectors it read of new chunks (1.5 KB per chunk of
384 dimensions); when it is missing (a build of an older version, a read-only index) searches read
the copy as before. A chunk id names its text, so a row can never be another text's vector.
"""

from __future__ import annotations

import mmap
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

FILENAME = "vectors.npy"
_MADV_POPULATE_READ = 22  # Linux 5.14+


def load(build: Path, count: int) -> np.ndarray | None:
    """The build's vectors, mapped into memory (rows are read when used); None when missing or not this build's."""
    try:
        vectors = np.load(build / FILENAME, mmap_mode="r")
    except (OSError, ValueError):
        return None
    ok = vectors.ndim == 2 and len(vectors) == count and vectors.dtype == np.float32 and count > 0
    return vectors.view(np.ndarray) if ok else None  # (a plain array over the mapping: np.memmap's indexing costs more)


def populate(vectors: np.ndarray | None) -> None:
    """Map the whole array into the process's page tables at once (Linux's MADV_POPULATE_READ), where it
    is in the OS's cache; else each row a search first reads costs a page fault (~80 a search at 100,000
    chunks, ~0.2 ms). Meant for a background thread (ctypes drops the GIL); no-op where unsupported."""
    if vectors is None or not vectors.nbytes or not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        madvise = ctypes.CDLL(None, use_errno=True).madvise
        madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        start = vectors.ctypes.data - vectors.ctypes.data % mmap.PAGESIZE
        madvise(start, vectors.ctypes.data + vectors.nbytes - start, _MADV_POPULATE_READ)  # (an old kernel: EINVAL, ignored)
    except (OSError, AttributeError, ValueError):
        pass


def aligned(
    ids: Sequence[str],
    dim: int | None,
    old_ids: Sequence[str],
    old: np.ndarray | None,
    fresh: Mapping[str, np.ndarray | None],
    copy: Path | None = None,
) -> np.ndarray | None:
    """The vectors of ``ids`` in order: the previous build's row where it had the id, else ``fresh``,
    else the local copy's (``copy``: a first sync after an upgrade); None when any is missing."""
    if not ids or not dim:
        return None
    if old is not None and old.shape[1] != dim:
        old = None
    at = {i: n for n, i in enumerate(old_ids)} if old is not None else {}
    rest = [i for i in ids if i not in at and fresh.get(i) is None]
    if rest and copy is not None:
        from briefbot.index.passages import Passages

        reader = Passages(copy)
        fresh = dict(fresh)
        for b in range(0, len(rest), 1000):
            fresh.update(reader.vectors(rest[b : b + 1000], dim))
        rest = [i for i in rest if fresh.get(i) is None]
    if rest:
        return None
    out = np.empty((len(ids), dim), dtype=np.float32)
    pos = np.fromiter((at.get(i, -1) for i in ids), np.int64, len(ids))
    reused = pos >= 0
    if old is not None and reused.any():
        out[reused] = old[pos[reused]]
    for n in np.flatnonzero(~reused):
        v = fresh[ids[n]]
        if v is None or len(v) != dim:
            return None
        out[n] = v
    return out


def add(build: Path, ids: Sequence[str], dim: int | None, copy: Path) -> np.ndarray | None:
    """Give a build made without vectors (by an older version) its array, from the local copy; written
    beside its other files in one rename, so a reader finds a whole array or none."""
    found = aligned(ids, dim, [], None, {}, copy)
    if found is None:
        return None
    tmp = build / f".tmp-{FILENAME}"  # (np.save keeps a name ending in .npy as it is)
    try:
        np.save(tmp, found)
        os.replace(tmp, build / FILENAME)
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    return load(build, len(ids))
