"""The local copy of chunk texts and vectors (index/passages.py) agrees with chromadb after every ingest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from briefbot.answer.retrieve.retrieval import Retriever
from briefbot.index import lexical, passages
from briefbot.index.store import Index
from briefbot.ingest.pipeline import ingest
from briefbot.settings import Settings

from .test_lexical import ALPHA, BETA, GAMMA, small_kb  # the same three small files


@pytest.fixture
def kb(tmp_path: Path) -> Settings:
    return small_kb(tmp_path, ("alpha.txt", ALPHA), ("beta.txt", BETA * 3), chunk_tokens=40, chunk_overlap=0)


def copy_agrees(settings: Settings, embedder) -> list[str]:  # type: ignore[no-untyped-def]
    """The copy holds exactly chromadb's chunks, each with chromadb's text, metadata and vector."""
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    ids = index.chunk_ids()
    truth = index.get_by_ids(ids)
    copy = passages.Passages(lexical.folder(settings) / passages.FILENAME).get(ids + ["gone#0:0"], embedder.dim)
    assert set(copy) == set(truth)
    for i, (chunk, vec) in truth.items():
        assert copy[i][0] == chunk
        assert vec is not None and copy[i][1] is not None and np.array_equal(copy[i][1], vec)
    held = passages.fingerprint_of(lexical.folder(settings) / passages.FILENAME)
    assert held == lexical.fingerprint(ids)
    return ids


def test_copy_follows_add_change_delete_and_moved_lines(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    docs = kb.corpus[0]
    ingest(kb, embedder=embedder)
    first = copy_agrees(kb, embedder)
    (docs / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    (docs / "alpha.txt").write_text(ALPHA + "The harbour closed in 1990.\n", encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert copy_agrees(kb, embedder) != first
    (docs / "gamma.txt").unlink()
    ingest(kb, embedder=embedder)
    copy_agrees(kb, embedder)
    # Blank lines above: every chunk of beta keeps its text (so its id) but moves down two lines.
    (docs / "beta.txt").write_text("\n\n" + BETA * 3, encoding="utf-8")
    before = set(Index.open(kb, embedder.name, embedder.dim, create=False).chunk_ids())
    ingest(kb, embedder=embedder)
    assert set(copy_agrees(kb, embedder)) == before


def test_an_index_without_a_copy_gets_one_at_its_first_search(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    ingest(kb, embedder=embedder)
    (lexical.folder(kb) / passages.FILENAME).unlink()
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    retriever = Retriever(index, embedder, lexical_folder=lexical.folder(kb))
    assert not retriever.passages().in_step()
    hits = retriever.search("When did the Quintara harbour open?", 3)
    assert hits[0].chunk.source.endswith("alpha.txt")
    copy_agrees(kb, embedder)
    assert retriever.passages().in_step()  # noticed in the same process, without a new build of the BM25 index


def test_search_ranks_the_same_with_and_without_the_copy(kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (kb.corpus[0] / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    questions = ["When did the harbour open?", "Who reviewed the tolls?", "Why are the vineyards productive?"]

    def ranked() -> list[list[tuple[str, float, int]]]:
        r = Retriever(index, embedder, lexical_folder=lexical.folder(kb))
        return [[(p.chunk.id, round(p.score, 6), p.chunk.start_line) for p in r.search(q, 4)] for q in questions]

    read: list[list[str]] = []
    real_get = passages.Passages.get

    def counting(self, ids, dim, **kw):  # type: ignore[no-untyped-def]
        got = real_get(self, ids, dim, **kw)
        read.append(list(got))
        return got

    monkeypatch.setattr(passages.Passages, "get", counting)
    with_copy = ranked()
    assert read and all(read)  # the texts came from the copy
    monkeypatch.setattr(passages.Passages, "get", lambda self, ids, dim, **kw: {})
    assert ranked() == with_copy


def test_a_copy_that_cannot_be_read_falls_back_to_chromadb(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    ingest(kb, embedder=embedder)
    (lexical.folder(kb) / passages.FILENAME).write_bytes(b"not a database")
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    r = Retriever(index, embedder, lexical_folder=lexical.folder(kb))
    assert r.search("When did the Quintara harbour open?", 3)[0].chunk.source.endswith("alpha.txt")
    # That search's sync removed the damaged file (not a database); the next sync makes a new copy.
    assert not (lexical.folder(kb) / passages.FILENAME).exists()
    (kb.corpus[0] / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    copy_agrees(kb, embedder)


def test_bm25_finds_vectors_come_from_the_copy_only_while_no_ingest_runs(
    kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from briefbot.answer.retrieve import retrieval
    from briefbot.api import Briefbot

    ingest(kb, embedder=embedder)
    asked: list[list[str]] = []
    real = retrieval.vectors_of

    def counting(index, ids, pending):  # type: ignore[no-untyped-def]
        asked.append(list(ids))
        return real(index, ids, pending)

    monkeypatch.setattr(retrieval, "vectors_of", counting)
    bot = Briefbot(index=kb.index, corpus=kb.corpus, generator="extractive")
    bot._embedder = embedder
    question = "When did the Quintara harbour open?"
    assert bot.search(question, 3)[0].chunk.source.endswith("alpha.txt")
    assert asked == []  # the ingest snapshot vouches: chromadb holds exactly the copy's chunks
    # An ingest removes the snapshot before its first write; here it then deletes alpha's chunks.
    (kb.index / "files.json").unlink()
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    index.chunks.delete(ids=[i for i in index.chunk_ids() if "alpha" in i])
    found = bot.search(question, 3)
    assert asked  # BM25's finds were read from chromadb, which no longer has alpha's
    assert all(not p.chunk.source.endswith("alpha.txt") for p in found)


def test_a_reader_forgets_the_rows_it_remembers_when_the_copy_changes(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    """Rows read are remembered across searches, but an ingest that moves a chunk's lines (same text, same id)
    rewrites the copy, and the same reader then serves the new lines."""
    ingest(kb, embedder=embedder)
    reader = passages.Passages(lexical.folder(kb) / passages.FILENAME)
    ids = [i for i in Index.open(kb, embedder.name, embedder.dim, create=False).chunk_ids() if "beta" in i]
    lines = {i: c.start_line for i, (c, _) in reader.get(ids, embedder.dim).items()}
    assert set(lines) == set(ids) and set(reader.vectors(ids, embedder.dim)) == set(ids)
    assert reader.get(ids, embedder.dim).keys() == lines.keys()  # (served from memory the second time)
    (kb.corpus[0] / "beta.txt").write_text("\n\n" + BETA * 3, encoding="utf-8")
    ingest(kb, embedder=embedder)
    moved = {i: c.start_line for i, (c, _) in reader.get(ids, embedder.dim).items()}
    assert moved == {i: n + 2 for i, n in lines.items()}


def test_a_transcripts_line_maps_kept_in_chromadb_the_copy_and_an_older_copy(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    from .test_transcripts import STANDUP

    (kb.corpus[0] / "standup.vtt").write_text(STANDUP, encoding="utf-8")
    ingest(kb, embedder=embedder)
    ids = copy_agrees(kb, embedder)  # (chunks compared whole: their line maps too)
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    chunks = [c for c, _ in index.get_by_ids(ids).values()]
    maps = sorted(c.line_map for c in chunks if c.source.endswith(".vtt"))
    assert maps == ["16,21", "7,8,12"]  # the cue lines of each chunk (two turns here), timings skipped
    assert all(c.line_map is None for c in chunks if c.source.endswith(".txt"))  # lines in a row: no map kept
    # A copy kept before line maps were: its sync at the next search adds the column and reads the rows again.
    path = lexical.folder(kb) / passages.FILENAME
    con = sqlite3.connect(path)
    with con:
        con.execute("ALTER TABLE passages DROP COLUMN lines")
        con.execute("DELETE FROM meta WHERE key = 'lines'")
    con.close()
    assert passages.Passages(path).get(ids, embedder.dim) == {}  # unreadable as it is: chromadb answers meanwhile
    hits = Retriever(index, embedder, lexical_folder=lexical.folder(kb)).search("When will the beta ship?", 3)
    assert hits[0].chunk.source.endswith("standup.vtt") and hits[0].chunk.line_map
    copy_agrees(kb, embedder)
