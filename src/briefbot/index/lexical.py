"""The keyword side of the index: BM25 (bm25s) over exactly the chunks chromadb holds.

Dense vectors miss exact names and codes ("Giannini", "IIOE"); BM25 finds them. The BM25 index is
saved under the index folder with a fingerprint of the chunk set it was built from (count and a
hash of the sorted chunk ids, which include each chunk's content hash). Whenever chromadb's chunk
set differs from that fingerprint (after an ingest, a deletion, a rebuild, or a crash between the
two writes) the BM25 index is rebuilt from chromadb's own documents, so the two cannot drift apart
silently: chromadb is the source of truth and this is a derived, disposable cache of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import numpy as np

from briefbot.errors import IndexError_
from briefbot.index import reading, topk, vectors
from briefbot.index import rows as rowstore
from briefbot.index.bm25_files import K1, B, _bm25s_vocab, bm25_matrix, write_bm25s
from briefbot.index.words import STOPWORDS, cjk_bigrams, tokenize, tokenize_spans
from briefbot.schema import Chunk, FileRecord, source_of_chunk_id

if TYPE_CHECKING:
    from briefbot.index.store import Index
    from briefbot.settings import Settings

# 2: file name words indexed with each chunk; 3: each chunk's tokens saved for incremental syncs;
# 4: Chinese and Japanese text indexed as character pairs
FORMAT = 6  # 5: "sued" stems as "sue" does; 6: word families joined (index/words.py): older builds are rebuilt
CURRENT = "CURRENT.json"  # names the live build; replaced atomically, so readers see old or new
__all__ = ["STOPWORDS", "LexicalIndex", "cjk_bigrams", "sync", "tokenize", "tokenize_spans"]  # (words.py's, imported from here too)


def folder(settings: Settings) -> Path:
    """Where the BM25 index lives: beside chromadb's files in the index folder."""
    return settings.index / "lexical"


def fingerprint(ids: Sequence[str]) -> str:
    """Identifies a chunk set: equal fingerprints mean the same chunks with the same text."""
    h = hashlib.sha256()
    for chunk_id in sorted(ids):
        h.update(chunk_id.encode("utf-8", "surrogatepass") + b"\n")
    return f"{len(ids)}-{h.hexdigest()[:32]}"


def title_words(chunk_id: str) -> str:
    """The file's name as words ("reports/Apollo_program.txt" -> "Apollo program"): a title is indexed with each chunk."""
    name = source_of_chunk_id(chunk_id).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return re.sub(r"[_\W]+", " ", name)


def chunk_tokens(chunk_id: str, text: str) -> list[str]:
    """What BM25 indexes for a chunk: its file's name as words, then its text."""
    return tokenize(title_words(chunk_id)) + tokenize(text)


@dataclass
class Tokens:
    """Every chunk's tokens, as vocabulary numbers in one flat array (chunk i is ``flat[offsets[i]:offsets[i+1]]``).

    Saved with each build: a chunk id names its text (it includes a content hash), so the next sync
    re-uses these and tokenizes only chunks it has not seen, instead of re-reading every text.
    """

    vocab: list[str]
    flat: np.ndarray  # int32 vocabulary numbers
    offsets: np.ndarray  # int64, one more than there are chunks

    @classmethod
    def of(cls, docs: Iterable[list[str]]) -> Tokens:
        number: dict[str, int] = {}
        parts = [np.fromiter((number.setdefault(w, len(number)) for w in d), np.int32) for d in docs]
        return cls._join(list(number), parts)

    @classmethod
    def _join(cls, vocab: list[str], parts: list[np.ndarray]) -> Tokens:
        """Concatenate per-chunk arrays and drop vocabulary no chunk uses any more."""
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(x) for x in parts], out=offsets[1:])
        flat = np.concatenate(parts).astype(np.int32) if parts else np.zeros(0, np.int32)
        used = np.bincount(flat, minlength=len(vocab)) > 0
        if not used.all():
            renumber = (np.cumsum(used) - 1).astype(np.int32)
            flat = renumber[flat] if len(flat) else flat
            vocab = [w for w, u in zip(vocab, used) if u]
        return cls(vocab, flat, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def updated(self, old_ids: Sequence[str], new_ids: Sequence[str], new_texts: dict[str, str]) -> Tokens:
        """Tokens for ``new_ids``: re-used where the id was in ``old_ids``, else from ``new_texts``."""
        at = {cid: i for i, cid in enumerate(old_ids)}
        vocab = list(self.vocab)
        number = {w: i for i, w in enumerate(vocab)}
        parts: list[np.ndarray] = []
        for cid in new_ids:
            i = at.get(cid)
            if i is not None:
                parts.append(self.flat[self.offsets[i] : self.offsets[i + 1]])
                continue
            words = chunk_tokens(cid, new_texts[cid])
            for w in words:
                if w not in number:
                    number[w] = len(vocab)
                    vocab.append(w)
            parts.append(np.fromiter((number[w] for w in words), np.int32, len(words)))
        return Tokens._join(vocab, parts)

    def save(self, build: Path) -> None:
        np.save(build / "tokens.npy", self.flat)
        np.save(build / "offsets.npy", self.offsets)
        (build / "vocab.json").write_text(json.dumps(self.vocab), encoding="utf-8")

    @classmethod
    def load(cls, build: Path, count: int) -> Tokens | None:
        """The saved tokens of a build with ``count`` chunks, or None if missing or damaged (then all are re-read)."""
        try:
            tokens = cls(
                json.loads((build / "vocab.json").read_text(encoding="utf-8")),
                np.load(build / "tokens.npy"),
                np.load(build / "offsets.npy"),
            )
            flat, offsets = tokens.flat, tokens.offsets
            ok = isinstance(tokens.vocab, list) and len(tokens) == count
            ok = ok and offsets[0] == 0 and offsets[-1] == len(flat) and bool(np.all(np.diff(offsets) >= 0))
            ok = ok and (not len(flat) or 0 <= int(flat.min()) <= int(flat.max()) < len(tokens.vocab))
            return tokens if ok else None
        except Exception:  # noqa: BLE001 - missing or damaged: the sync tokenizes everything again
            return None


CLOSE_WEIGHT = 0.8  # a close spelling's share of an exact match's BM25 score


@lru_cache(maxsize=1)
def _bm25_class() -> Any:
    """Made on first use, so importing this module does not import bm25s."""
    import bm25s

    class VectorBM25(bm25s.BM25):  # type: ignore[misc]
        """bm25s with its index build done by ``bm25_matrix`` (bm25s documents this method as the one to override)."""

        def build_index_from_ids(self, unique_token_ids: Any, corpus_token_ids: Any, **_: Any) -> dict[str, Any]:
            plain = (self.method, self.idf_method, self.k1, self.b) == ("lucene", "lucene", K1, B)
            if not isinstance(corpus_token_ids, Tokens) or not plain:
                return super().build_index_from_ids(unique_token_ids, corpus_token_ids, show_progress=False)
            self.nonoccurrence_array = None  # only BM25L and BM25+ use one
            return bm25_matrix(corpus_token_ids)

    return VectorBM25


class LexicalIndex:
    """BM25 scores over a fixed list of chunk ids."""

    def __init__(self, ids: list[str], model: Any, fingerprint: str, tokens: Tokens | None = None) -> None:
        self.ids = ids
        self.model = model  # bm25s.BM25, or None for an empty chunk set
        self.fingerprint = fingerprint
        self.tokens = tokens  # every chunk's tokens, kept so the next sync tokenizes only new chunks
        self.saved_in: Path | None = None  # the build folder it was loaded from
        self.matrix: dict[str, Any] | None = None  # BM25 weights built for saving only (no model)
        self._sources: np.ndarray | None = None
        self._positions: dict[str, int] | None = None
        self._spelling: Any = None  # close-word lookup, built on the first query word the index lacks
        self.vectors: np.ndarray | None = None  # row i: chunk ids[i]'s vector (index/vectors.py), if the build has them
        self.rows: rowstore.Rows | None = None  # row i: chunk ids[i]'s text and fields (index/rows.py), if the build has them
        self._close_memo: dict[str, list[str]] = {}  # query word -> its close index words

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str], model: bool = True) -> LexicalIndex:
        """A fresh index of ``texts`` (every chunk tokenized)."""
        ids = list(ids)
        return cls.from_tokens(ids, Tokens.of(chunk_tokens(i, t) for i, t in zip(ids, texts)), model)

    @classmethod
    def from_tokens(cls, ids: list[str], tokens: Tokens, model: bool = True) -> LexicalIndex:
        """The index of ``tokens``; ``model=False`` computes only the matrix to save (no bm25s import)."""
        if not tokens.vocab:  # no chunks, or none with an indexable word
            return cls(ids, None, fingerprint(ids), tokens)
        if not model:
            built = cls(ids, None, fingerprint(ids), tokens)
            built.matrix = bm25_matrix(tokens)
            return built
        bm25 = _bm25_class()()  # Lucene BM25, k1=1.5, b=0.75
        # bm25s takes a pre-tokenized corpus as an object with ``ids`` (here: all of ``tokens``) and ``vocab``.
        bm25.index(SimpleNamespace(ids=tokens, vocab=_bm25s_vocab(tokens.vocab)), show_progress=False)
        return cls(ids, bm25, fingerprint(ids), tokens)

    # --- persistence --------------------------------------------------------------------------

    def save(self, where: Path) -> None:
        """Write a new build beside the old one, then switch CURRENT.json to it in one rename."""
        where.mkdir(parents=True, exist_ok=True)
        name = f"build-{uuid.uuid4().hex[:12]}"
        build = where / name
        build.mkdir()
        if self.model is not None:
            self.model.save(str(build), show_progress=False)
        elif self.matrix is not None and self.tokens is not None:
            write_bm25s(build, self.matrix, self.tokens.vocab)
        (build / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
        if self.tokens is not None:
            self.tokens.save(build)
        if self.vectors is not None:
            np.save(build / vectors.FILENAME, self.vectors)
        tmp = where / f".{CURRENT}.{name}"
        tmp.write_text(
            json.dumps({"format": FORMAT, "build": name, "fingerprint": self.fingerprint, "count": len(self.ids)}),
            encoding="utf-8",
        )
        os.replace(tmp, where / CURRENT)
        self.saved_in = build
        for old in where.glob("build-*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, where: Path, model: bool = True) -> LexicalIndex | None:
        """The saved index, or None when there is none or it cannot be read (it is then rebuilt).

        ``model=False`` reads only the chunk ids and fingerprint (enough to tell whether it is current).
        """
        try:
            meta = json.loads((where / CURRENT).read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT:
                return None
            build = where / str(meta["build"])
            ids = json.loads((build / "ids.json").read_text(encoding="utf-8"))
            if fingerprint(ids) != meta["fingerprint"]:
                return None
            loaded = cls(ids, None, str(meta["fingerprint"]))
            loaded.saved_in = build
            loaded.vectors = vectors.load(build, len(ids))
            loaded.rows = rowstore.load(build, len(ids))
            if model:
                loaded.load_model()
            return loaded
        except Exception:  # noqa: BLE001 - any damage means "rebuild", never a failure
            return None

    def load_model(self) -> None:
        """Read the saved BM25 matrix with bm25s (only an index with an indexable word has one)."""
        assert self.saved_in is not None
        if (self.saved_in / "params.index.json").exists():
            import bm25s

            self.model = bm25s.BM25.load(str(self.saved_in), show_progress=False, verbosity=0)

    # --- scoring ------------------------------------------------------------------------------

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for ``query`` (zeros when no query word is indexed)."""
        if self.model is None and self.matrix is not None:
            raise RuntimeError("this BM25 index was built for saving only: load it to search")
        if self.model is None:
            return np.zeros(len(self.ids), dtype=np.float32)
        words = tokenize(query)
        tokens = [t for t in words if t in self.model.vocab_dict]
        close = self.close_terms([t for t in words if t not in self.model.vocab_dict])
        # (bm25s returns a new array of sums of positive weights: the same as adding it to zeros.)
        scores = np.asarray(self.model.get_scores(tokens), dtype=np.float32) if tokens else np.zeros(len(self.ids), np.float32)
        if close:  # a name spelled another way scores, a little below the spelling the document uses
            scores += CLOSE_WEIGHT * np.asarray(self.model.get_scores(close), dtype=np.float32)
        return scores

    def close_terms(self, unknown: list[str]) -> list[str]:
        """Index words spelled close to query words the index lacks (index/spelling.py)."""
        if not unknown or self.model is None:
            return []
        if self._spelling is None:
            from briefbot.index.spelling import Spelling

            self._spelling = Spelling([w for w in self.model.vocab_dict if w])
        memo = self._close_memo
        for t in unknown:
            if t not in memo:  # a multi-hop search asks again for the question's words: look each up once
                if len(memo) >= 10_000:
                    memo.clear()
                memo[t] = self._spelling.close(t)
        return list(dict.fromkeys(w for t in unknown for w in memo[t]))

    def score_of(self, scores: np.ndarray, chunk_id: str) -> float:
        """One chunk's entry in ``scores`` (from :meth:`scores`); 0 for a chunk this index lacks."""
        return float(self.scores_of(scores, [chunk_id])[0])

    def scores_of(self, scores: np.ndarray, chunk_ids: Sequence[str]) -> np.ndarray:
        """The entries of ``chunk_ids`` in ``scores`` (float32); 0 for a chunk this index lacks."""
        if not len(scores):
            return np.zeros(len(chunk_ids), np.float32)
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self.ids)}
        at = np.fromiter((self._positions.get(i, -1) for i in chunk_ids), np.int64, len(chunk_ids))
        at[at >= len(scores)] = -1
        return np.where(at >= 0, scores[at], 0.0).astype(np.float32)

    def vectors_of(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The build's vectors of those ``chunk_ids`` it holds (rows of the memory-mapped array); {} without one."""
        if self.vectors is None:
            return {}
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self.ids)}
        at = [(i, n) for i in chunk_ids if (n := self._positions.get(i)) is not None]
        if not at:
            return {}
        rows = self.vectors[[n for _, n in at]]  # one read of every row asked for
        return {i: rows[k] for k, (i, _) in enumerate(at)}

    def top(self, query: str, n: int, source: str | None = None, scores: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The ``n`` best chunk ids with a positive score, best first, optionally within one source."""
        if scores is None:
            scores = self.scores(query)
        if not len(scores):
            return []
        if source is not None:
            if self._sources is None:
                self._sources = np.array([source_of_chunk_id(i) for i in self.ids], dtype=object)
            scores = np.where(self._sources == source, scores, 0.0)
        best = topk.best_positions(scores, n, topk.rarest_postings(self.model, tokenize(query), n) if source is None else None)
        ids = self.ids
        return [(ids[i], float(scores[i])) for i in best.tolist()]

    def text_numbers(self, chunk_ids: Sequence[str]) -> list[int]:
        """Each chunk's text number in the build's rows (index/rows.py: equal numbers, equal texts); -1 where unknown."""
        if self.rows is None:
            return [-1] * len(chunk_ids)
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self.ids)}
        texts, at = self.rows.texts, self._positions
        return [-1 if (n := at.get(i)) is None else int(texts[n]) for i in chunk_ids]

    def chunks_of(self, chunk_ids: Sequence[str], readings: bool = False) -> dict[str, Chunk]:
        """The chunks of those ``chunk_ids`` the build's rows hold (index/rows.py); {} without them.
        ``readings``: their stored readings are handed to the re-ranker (index/reading.py) too."""
        if self.rows is None:
            return {}
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self.ids)}
        store, at = self.rows, self._positions
        readings = readings and store.readings
        out: dict[str, Chunk] = {}
        for i in chunk_ids:
            if (n := at.get(i)) is not None:
                out[i], stored = store.chunk(i, n)
                if readings and not reading.known(stored_text := out[i].text):
                    reading.remember(stored_text, stored)
        return out



def sync(index: Index, where: Path, model: bool = True, records: Mapping[str, FileRecord] | None = None) -> LexicalIndex:
    """The BM25 index for exactly the chunks chromadb holds now: loaded if current, else updated and saved.

    ``model=False`` is for ingest, which only brings the saved index up to date: it neither loads
    nor builds a bm25s model (the result can be saved, not searched).

    An update re-uses the saved tokens of chunks it already had and reads and tokenizes only the
    others, so changing a few files costs a few files' work plus one vectorised BM25 build.
    """
    ids = index.chunk_ids()
    current = LexicalIndex.load(where, model=False)
    if current is not None and current.fingerprint == fingerprint(ids):
        # (After an ingest: files re-indexed with the same chunk texts; else a copy made before this code.)
        from briefbot.index.passages import FILENAME as COPY

        _update_passages(where, index, current.ids, current.ids, current.fingerprint, not model, records=records)
        if current.vectors is None and current.saved_in is not None and os.access(current.saved_in, os.W_OK):
            current.vectors = vectors.add(current.saved_in, current.ids, index.dim, where / COPY)  # a build of an older version
        # Rows as the copy now holds them (lines may have moved under the same ids); a build of an older version gains them.
        current.rows = rowstore.refresh(current.saved_in, current.ids, current.fingerprint, where / COPY, current.rows)
        if not model:
            return current
        try:
            current.load_model()
            return current
        except Exception:  # noqa: BLE001 - replaced or damaged meanwhile: brought up to date below
            current = None
    tokens = None if current is None or current.saved_in is None else Tokens.load(current.saved_in, len(current.ids))
    old_ids = current.ids if current is not None and tokens is not None else []
    known = set(old_ids)
    # Only chunks not seen before are read, a thousand at a time (one read of every text made
    # chromadb hold ~90 MB more at 7,800 chunks, at the end of an ingest whose peak memory matters).
    # The local copy reads them with their vectors first; its texts serve the BM25 update too.
    need = [i for i in ids if i not in known]
    read_vectors: dict[str, np.ndarray | None] = {}
    try:
        new = _update_passages(where, index, ids, [] if current is None else current.ids,
                               None if current is None else current.fingerprint, not model, set(need), records, read_vectors)
        missing = [i for i in need if i not in new]
        if missing:
            new.update(index.texts_of(missing))
    except IndexError_:
        stale = LexicalIndex.load(where) if model and current is not None else None
        if stale is None:
            raise
        # A search racing another process's ingest: chromadb may not serve the newest chunks yet.
        # The saved index is used as it is (search drops ids chromadb no longer has); that ingest
        # brings it up to date when it finishes.
        return stale
    ids = [i for i in ids if i in known or i in new]  # a chunk deleted meanwhile is left out
    if tokens is None:
        tokens = Tokens([], np.zeros(0, np.int32), np.zeros(1, np.int64))
    tokens = tokens.updated(old_ids, ids, new)
    fresh = LexicalIndex.from_tokens(ids, tokens, model)
    if not os.access(where if where.exists() else where.parent, os.W_OK):
        return fresh  # a read-only index is never written: rebuilt in memory each time instead
    from briefbot.index.passages import FILENAME as COPY

    old_vectors = None if current is None or current.saved_in is None else vectors.load(current.saved_in, len(current.ids))
    fresh.vectors = vectors.aligned(ids, index.dim, [] if current is None else current.ids, old_vectors, read_vectors, where / COPY)
    try:
        fresh.save(where)
    except OSError:
        return fresh  # (as when the folder became read-only meanwhile)
    fresh.rows = rowstore.refresh(fresh.saved_in, ids, fresh.fingerprint, where / COPY)
    return fresh


def _update_passages(
    where: Path, index: Index, ids: list[str], old_ids: Sequence[str], old: str | None, check_files: bool,
    texts_for: set[str] | None = None, records: Mapping[str, FileRecord] | None = None,
    vectors_read: dict[str, np.ndarray | None] | None = None,
) -> dict[str, str]:
    """The local copy of the chunks' texts and vectors (index/passages.py) brought to the chunk set ``ids``;
    the texts it read of the chunks in ``texts_for``."""
    if not os.access(where if where.exists() else where.parent, os.W_OK):
        return {}
    from briefbot.index import passages

    return passages.update(where, index, ids, old_ids, old, fingerprint(ids), check_files, texts_for or set(), records, vectors_read)
