"""The BM25 build's vector array (index/vectors.py) follows chromadb's chunks row by row, and searches use it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from briefbot.answer.retrieve.retrieval import Retriever
from briefbot.index import lexical, passages, vectors
from briefbot.index.store import Index
from briefbot.ingest.pipeline import ingest
from briefbot.settings import Settings

from .test_lexical import ALPHA, BETA, GAMMA, small_kb


@pytest.fixture
def kb(tmp_path: Path) -> Settings:
    return small_kb(tmp_path, ("alpha.txt", ALPHA), ("beta.txt", BETA * 3), chunk_tokens=40, chunk_overlap=0)


def build_agrees(settings: Settings, embedder) -> lexical.LexicalIndex:  # type: ignore[no-untyped-def]
    """The saved build's array holds chromadb's vector of each of its ids, in their order."""
    built = lexical.LexicalIndex.load(lexical.folder(settings), model=False)
    assert built is not None and built.vectors is not None
    truth = Index.open(settings, embedder.name, embedder.dim, create=False).get_by_ids(built.ids)
    assert set(truth) == set(built.ids) and built.vectors.shape == (len(built.ids), embedder.dim)
    for n, i in enumerate(built.ids):
        assert np.array_equal(built.vectors[n], truth[i][1])
    return built


def test_the_array_follows_add_change_and_delete(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    docs = kb.corpus[0]
    ingest(kb, embedder=embedder)
    first = build_agrees(kb, embedder).ids
    (docs / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    (docs / "alpha.txt").write_text(ALPHA + "The harbour closed in 1990.\n", encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert build_agrees(kb, embedder).ids != first
    (docs / "beta.txt").unlink()
    ingest(kb, embedder=embedder)
    build_agrees(kb, embedder)


def test_bm25_finds_vectors_come_from_the_array_and_rank_as_from_the_copy(
    kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from briefbot.api import Briefbot

    (kb.corpus[0] / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    questions = ["When did the harbour open?", "Who reviewed the tolls?", "Why are the vineyards productive?"]

    def ranked() -> list[list[tuple[str, float]]]:
        bot = Briefbot(index=kb.index, corpus=kb.corpus, generator="extractive")
        bot._embedder = embedder
        return [[(p.chunk.id, p.score) for p in bot.search(q, 4)] for q in questions]

    asked: list[list[str]] = []
    real = passages.Passages.vectors
    monkeypatch.setattr(passages.Passages, "vectors", lambda self, ids, dim: (asked.append(list(ids)), real(self, ids, dim))[1])
    with_array = ranked()
    assert asked == []  # every vector the searches needed was in the build's array
    monkeypatch.setattr(lexical.LexicalIndex, "vectors_of", lambda self, ids: {})
    assert ranked() == with_array
    assert asked  # (read from the copy instead)


def test_a_build_without_the_array_gets_one_at_its_next_sync(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    ingest(kb, embedder=embedder)
    built = lexical.LexicalIndex.load(lexical.folder(kb), model=False)
    assert built is not None and built.saved_in is not None
    (built.saved_in / vectors.FILENAME).unlink()  # as a build made by an older version
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    retriever = Retriever(index, embedder, lexical_folder=lexical.folder(kb))
    assert retriever.search("When did the Quintara harbour open?", 3)[0].chunk.source.endswith("alpha.txt")
    assert retriever.lexical().vectors is not None  # the same process uses it at once
    assert build_agrees(kb, embedder).saved_in == built.saved_in  # the same build, with its array added
    assert not list(built.saved_in.glob(".tmp-*"))


def _resident_kb(path: Path) -> int:
    """Kilobytes of the file's mapping in this process's page tables (/proc/self/smaps)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if line[:1].isdigit() or line[:1] in "abcdef":
            inside = line.rstrip().endswith(str(path))
        elif inside and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="Linux only: the page tables are read from /proc")
def test_populate_maps_the_whole_array_at_once(tmp_path: Path) -> None:
    np.save(tmp_path / vectors.FILENAME, np.ones((2000, 384), np.float32))  # 3 MB, in the OS's cache once written
    array = vectors.load(tmp_path, 2000)
    assert array is not None
    before = _resident_kb(tmp_path / vectors.FILENAME)
    vectors.populate(array)
    after = _resident_kb(tmp_path / vectors.FILENAME)
    assert before < 1000 and after >= 2000 * 384 * 4 // 1024  # (every page mapped, none read by numpy)
    assert float(array.sum()) == 2000 * 384
    vectors.populate(None)  # (nothing to do)
