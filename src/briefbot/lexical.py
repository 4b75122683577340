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
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .settings import Settings
    from .store import Index

FORMAT = 2  # 2: file name words indexed with each chunk
CURRENT = "CURRENT.json"  # names the live build; replaced atomically, so readers see old or new
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Stopwords are dropped from documents and queries alike; a stemmer folds "meetings" into "meeting".
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    this that these those it its he she they them his her their we you i me my our your who whom
    whose what which when where why how do does did done has have had having not no so than then
    there here about into over under after before between during up down out off again further
    once all any both each few more most other some such only own same too very can will just
    should would could may might must shall also""".split()
)


def folder(settings: Settings) -> Path:
    """Where the BM25 index lives: beside chromadb's files in the index folder."""
    return settings.index / "lexical"


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: Snowball stemmers, offline

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stopword-free, stemmed word tokens; the same function for documents and queries."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words)) if words else []


def fingerprint(ids: Sequence[str]) -> str:
    """Identifies a chunk set: equal fingerprints mean the same chunks with the same text."""
    h = hashlib.sha256()
    for chunk_id in sorted(ids):
        h.update(chunk_id.encode("utf-8", "surrogatepass") + b"\n")
    return f"{len(ids)}-{h.hexdigest()[:32]}"


def source_of(chunk_id: str) -> str:
    """The source part of a chunk id (``source#index:hash``)."""
    return chunk_id.rsplit("#", 1)[0]


def title_words(chunk_id: str) -> str:
    """The file's name as words ("reports/Apollo_program.txt" -> "Apollo program"): a title is indexed with each chunk."""
    name = source_of(chunk_id).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return re.sub(r"[_\W]+", " ", name)


class LexicalIndex:
    """BM25 scores over a fixed list of chunk ids."""

    def __init__(self, ids: list[str], model: Any, fingerprint: str) -> None:
        self.ids = ids
        self.model = model  # bm25s.BM25, or None for an empty chunk set
        self.fingerprint = fingerprint
        self._sources: np.ndarray | None = None

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> LexicalIndex:
        ids = list(ids)
        if not ids:
            return cls([], None, fingerprint([]))
        import bm25s

        model = bm25s.BM25()  # Lucene BM25, k1=1.5, b=0.75
        model.index([tokenize(title_words(i)) + tokenize(t) for i, t in zip(ids, texts)], show_progress=False)
        return cls(ids, model, fingerprint(ids))

    # --- persistence --------------------------------------------------------------------------

    def save(self, where: Path) -> None:
        """Write a new build beside the old one, then switch CURRENT.json to it in one rename."""
        where.mkdir(parents=True, exist_ok=True)
        name = f"build-{uuid.uuid4().hex[:12]}"
        build = where / name
        build.mkdir()
        if self.model is not None:
            self.model.save(str(build), show_progress=False)
        (build / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
        tmp = where / f".{CURRENT}.{name}"
        tmp.write_text(
            json.dumps({"format": FORMAT, "build": name, "fingerprint": self.fingerprint, "count": len(self.ids)}),
            encoding="utf-8",
        )
        os.replace(tmp, where / CURRENT)
        for old in where.glob("build-*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, where: Path) -> LexicalIndex | None:
        """The saved index, or None when there is none or it cannot be read (it is then rebuilt)."""
        try:
            meta = json.loads((where / CURRENT).read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT:
                return None
            build = where / str(meta["build"])
            ids = json.loads((build / "ids.json").read_text(encoding="utf-8"))
            if fingerprint(ids) != meta["fingerprint"]:
                return None
            model = None
            if ids:
                import bm25s

                model = bm25s.BM25.load(str(build), show_progress=False, verbosity=0)
            return cls(ids, model, str(meta["fingerprint"]))
        except Exception:  # noqa: BLE001 - any damage means "rebuild", never a failure
            return None

    # --- scoring ------------------------------------------------------------------------------

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for ``query`` (zeros when no query word is indexed)."""
        if self.model is None:
            return np.zeros(0, dtype=np.float32)
        tokens = [t for t in tokenize(query) if t in self.model.vocab_dict]
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self.model.get_scores(tokens), dtype=np.float32)

    def top(self, query: str, n: int, source: str | None = None) -> list[tuple[str, float]]:
        """The ``n`` best chunk ids with a positive score, best first, optionally within one source."""
        scores = self.scores(query)
        if not len(scores):
            return []
        if source is not None:
            if self._sources is None:
                self._sources = np.array([source_of(i) for i in self.ids], dtype=object)
            scores = np.where(self._sources == source, scores, 0.0)
        n = min(n, len(scores))
        best = np.argpartition(-scores, n - 1)[:n]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in best if scores[i] > 0]


def sync(index: Index, where: Path) -> LexicalIndex:
    """The BM25 index for exactly the chunks chromadb holds now: loaded if current, else rebuilt and saved."""
    ids = index.chunk_ids()
    current = LexicalIndex.load(where)
    if current is not None and current.fingerprint == fingerprint(ids):
        return current
    ids, texts = index.chunk_texts()
    fresh = LexicalIndex.build(ids, texts)
    try:
        fresh.save(where)
    except OSError:
        pass  # a read-only index folder still gets correct results, rebuilt in memory each time
    return fresh
