"""BM25 weights computed with numpy and saved in bm25s's own file layout (split from lexical.py).

Ingest builds and writes the matrix itself, so it never imports bm25s (and scipy); searches load
the files with bm25s.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

import numpy as np


class TokenArrays(Protocol):
    """Every chunk's tokens as vocabulary numbers (lexical.Tokens)."""

    vocab: list[str]
    flat: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int: ...


K1, B = 1.5, 0.75  # bm25s's defaults (Lucene BM25)


def bm25_matrix(tokens: TokenArrays, k1: float = K1, b: float = B) -> dict[str, Any]:
    """BM25 weight of every (word, chunk) pair as bm25s stores it: a CSC matrix, chunks x words.

    A few numpy operations instead of bm25s's loop per chunk; the same formula as bm25s's default
    (Lucene: idf = ln(1 + (N - df + .5) / (df + .5)), tf / (tf + k1 (1 - b + b len / avg))),
    checked against bm25s's own build by tests/test_lexical.py.
    """
    n_docs, n_vocab = len(tokens), len(tokens.vocab)
    lengths = np.diff(tokens.offsets)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    pairs, tf = np.unique(doc * n_vocab + tokens.flat, return_counts=True)  # by chunk, then word
    d, w = pairs // n_vocab, pairs % n_vocab
    df = np.bincount(w, minlength=n_vocab)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    avg = lengths.mean() if n_docs else 1.0
    tfc = tf / (k1 * ((1 - b) + b * lengths[d] / avg) + tf)
    scores = (idf[w] * tfc).astype(np.float32)
    order = np.argsort(w, kind="stable")  # column-major (CSC): word by word, chunks ascending
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    return {"data": scores[order], "indices": d[order].astype(np.int32), "indptr": indptr, "num_docs": n_docs}


def _bm25s_vocab(vocab: list[str]) -> dict[str, int]:
    """bm25s's vocabulary: word -> column, plus its empty token after the last word."""
    out = {w: i for i, w in enumerate(vocab)}
    out.setdefault("", len(vocab))
    return out


def write_bm25s(build: Path, matrix: dict[str, Any], vocab: list[str]) -> None:
    """Save a BM25 matrix in bm25s's own layout (what ``bm25s.BM25.save`` writes), for ``bm25s.BM25.load``.

    Ingest writes the files itself so it never imports bm25s (and scipy, ~0.25 s); searches load
    them with bm25s. tests/test_lexical.py checks bm25s reads them back to the same scores.
    """
    from importlib.metadata import version

    np.save(build / "data.csc.index.npy", matrix["data"])
    np.save(build / "indices.csc.index.npy", matrix["indices"])
    np.save(build / "indptr.csc.index.npy", matrix["indptr"])
    (build / "vocab.index.json").write_text(json.dumps(_bm25s_vocab(vocab), ensure_ascii=False), encoding="utf-8")
    params = {
        "k1": K1, "b": B, "delta": 0.5, "method": "lucene", "idf_method": "lucene", "dtype": "float32",
        "int_dtype": "int32", "num_docs": matrix["num_docs"], "version": version("bm25s"), "backend": "numpy",
    }
    (build / "params.index.json").write_text(json.dumps(params, indent=4), encoding="utf-8")
