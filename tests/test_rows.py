"""The BM25 build's rows (index/rows.py: texts, fields, readings) follow the copy row by row, and searches use them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefbot.index import lexical, passages, reading, rows
from briefbot.index.store import Index
from briefbot.ingest.pipeline import ingest
from briefbot.settings import Settings

from .test_lexical import ALPHA, BETA, GAMMA, small_kb

QUESTIONS = ["When did the harbour open?", "Who reviewed the tolls?", "Why are the vineyards productive?"]


@pytest.fixture
def kb(tmp_path: Path) -> Settings:
    return small_kb(tmp_path, ("alpha.txt", ALPHA), ("beta.txt", BETA * 3), chunk_tokens=40, chunk_overlap=0)


def copy_key(settings: Settings) -> str | None:
    con = sqlite3.connect(lexical.folder(settings) / passages.FILENAME)
    try:
        return rows.copy_key(con)
    finally:
        con.close()


def rows_agree(settings: Settings, embedder) -> lexical.LexicalIndex:  # type: ignore[no-untyped-def]
    """The saved build's rows hold chromadb's chunk at each of its ids, in their order, with its reading."""
    built = lexical.LexicalIndex.load(lexical.folder(settings), model=False)
    assert built is not None and built.rows is not None and len(built.rows) == len(built.ids)
    assert built.rows.key == copy_key(settings) and built.rows.readings
    truth = Index.open(settings, embedder.name, embedder.dim, create=False).get_by_ids(built.ids)
    assert set(truth) == set(built.ids)
    for n, i in enumerate(built.ids):
        assert built.rows.chunk(i, n) == (truth[i][0], reading.stored_form(truth[i][0].text))
    return built


def bot_of(settings: Settings, embedder):  # type: ignore[no-untyped-def]
    from briefbot.api import Briefbot

    bot = Briefbot(index=settings.index, corpus=settings.corpus, generator="extractive")
    bot._embedder = embedder
    return bot


def test_the_rows_follow_add_change_delete_and_moved_lines(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    docs = kb.corpus[0]
    ingest(kb, embedder=embedder)
    first = rows_agree(kb, embedder).ids
    (docs / "gamma.txt").write_text(GAMMA + "\nUnicode: café, naïve, 東京の会議は長い。\n", encoding="utf-8")
    (docs / "alpha.txt").write_text(ALPHA + "The harbour closed in 1990.\n", encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert rows_agree(kb, embedder).ids != first
    (docs / "gamma.txt").unlink()
    ingest(kb, embedder=embedder)
    built = rows_agree(kb, embedder)
    # Blank lines above: every chunk of beta keeps its text (so its id) and the build, but moves down two lines.
    (docs / "beta.txt").write_text("\n\n" + BETA * 3, encoding="utf-8")
    ingest(kb, embedder=embedder)
    moved = rows_agree(kb, embedder)
    assert moved.saved_in == built.saved_in and moved.rows is not None and built.rows is not None
    assert moved.rows.key != built.rows.key
    beta = [n for n, i in enumerate(moved.ids) if "beta" in i]
    assert beta and all(moved.rows.chunk(moved.ids[n], n)[0].start_line == built.rows.chunk(built.ids[n], n)[0].start_line + 2 for n in beta)


def test_searches_read_the_rows_and_rank_as_from_the_copy(kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (kb.corpus[0] / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    reading.forget()

    def ranked() -> list[list[tuple[str, float, int]]]:
        bot = bot_of(kb, embedder)
        return [[(p.chunk.id, p.score, p.chunk.start_line) for p in bot.search(q, 4)] for q in QUESTIONS]

    asked: list[list[str]] = []
    real = passages.Passages.get
    monkeypatch.setattr(passages.Passages, "get", lambda self, ids, dim, **kw: (asked.append(list(ids)), real(self, ids, dim, **kw))[1])
    read = []
    monkeypatch.setattr(reading, "read", lambda text: (read.append(text), reading._of_lines([]))[1])  # (no text read now)
    with_rows = ranked()
    assert asked == [] and read == []  # every text, and every reading, came from the build's rows
    monkeypatch.undo()
    reading.forget()
    monkeypatch.setattr(lexical.LexicalIndex, "chunks_of", lambda self, ids, readings=False: {})
    assert ranked() == with_rows


def test_a_search_serves_moved_lines_before_the_rows_are_made_again(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    """A reader that loaded the build before an ingest moved lines (same ids, same build) does not serve its
    rows' old lines: the copy's key moved on."""
    ingest(kb, embedder=embedder)
    bot = bot_of(kb, embedder)
    question = "Who reviewed the tolls?"
    before = {p.chunk.id: p.chunk.start_line for p in bot.search(question, 4) if "beta" in p.chunk.id}
    assert before
    (kb.corpus[0] / "beta.txt").write_text("\n\n" + BETA * 3, encoding="utf-8")
    ingest(kb, embedder=embedder)
    after = {p.chunk.id: p.chunk.start_line for p in bot.search(question, 4) if "beta" in p.chunk.id}
    assert after == {i: n + 2 for i, n in before.items()}


def test_rows_a_copy_no_longer_matches_are_not_used_and_made_again(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    """As when a version without rows re-read a file's rows into the copy: the copy's file stamps changed."""
    ingest(kb, embedder=embedder)
    built = rows_agree(kb, embedder)
    assert built.saved_in is not None
    con = sqlite3.connect(lexical.folder(kb) / passages.FILENAME)
    with con:
        con.execute("UPDATE passages SET start_line = start_line + 5 WHERE source LIKE '%beta%'")
        con.execute("UPDATE sources SET stamp = stamp || 'x' WHERE source LIKE '%beta%'")
    con.close()
    bot = bot_of(kb, embedder)
    found = [p for p in bot.search("Who reviewed the tolls?", 4) if "beta" in p.chunk.id]
    truth = Index.open(kb, embedder.name, embedder.dim, create=False).get_by_ids([p.chunk.id for p in found])
    assert found and all(p.chunk.start_line == truth[p.chunk.id][0].start_line + 5 for p in found)  # the copy's, not the rows'
    # That search's sync wrote them again from the copy.
    again = lexical.LexicalIndex.load(lexical.folder(kb), model=False)
    assert again is not None and again.rows is not None and again.rows.key == copy_key(kb) != built.rows.key  # type: ignore[union-attr]


def test_a_build_without_rows_gets_them_and_damaged_ones_are_not_read(kb: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    ingest(kb, embedder=embedder)
    built = lexical.LexicalIndex.load(lexical.folder(kb), model=False)
    assert built is not None and built.saved_in is not None
    (built.saved_in / rows.FILENAME).unlink()  # as a build made by an older version
    assert bot_of(kb, embedder).search("When did the Quintara harbour open?", 3)[0].chunk.source.endswith("alpha.txt")
    assert rows_agree(kb, embedder).saved_in == built.saved_in
    assert not list(built.saved_in.glob(".tmp-*"))
    whole = (built.saved_in / rows.FILENAME).read_bytes()
    for damaged in (b"", b"junk", whole[:-1], whole[:40], whole + b"x"):
        (built.saved_in / rows.FILENAME).write_bytes(damaged)
        assert rows.load(built.saved_in, len(built.ids)) is None
    (built.saved_in / rows.FILENAME).write_bytes(whole)
    assert rows.load(built.saved_in, len(built.ids) + 1) is None
    assert rows.load(built.saved_in, len(built.ids)) is not None


def test_copies_share_a_text_number_and_a_search_reads_one_row_of_each(tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Rows of equal text and context share a number, no others do; a search reads one row of each text for the
    re-ranker (its copies only if collapse must look at them) and ranks as when it reads every row from the copy."""
    kb = small_kb(tmp_path, ("alpha.txt", ALPHA), ("beta.txt", BETA + GAMMA), ("beta-2.txt", BETA + GAMMA),
                  ("beta-3.txt", BETA + GAMMA), ("vines.md", "# Vines\n\n" + BETA), ("gamma.txt", GAMMA))
    ingest(kb, embedder=embedder)
    built = rows_agree(kb, embedder)
    assert built.rows is not None
    truth = Index.open(kb, embedder.name, embedder.dim, create=False).get_by_ids(built.ids)
    texts = [(truth[i][0].text, truth[i][0].context) for i in built.ids]
    numbers = built.rows.texts.tolist()
    assert all((numbers[a] == numbers[b]) == (texts[a] == texts[b]) for a in range(len(texts)) for b in range(len(texts)))
    assert len(set(numbers)) < len(numbers) and any(c for _, c in texts)  # copies, and a text under a heading
    reading.forget()

    read: list[list[int]] = []

    def ranked() -> list[list[tuple[str, float, int]]]:
        bot = bot_of(kb, embedder)
        return [[(p.chunk.id, p.score, p.chunk.start_line) for p in read.append([]) or bot.search(q, 4)] for q in QUESTIONS]

    real = rows.Rows.chunk
    monkeypatch.setattr(rows.Rows, "chunk", lambda self, i, n: (read[-1].append(n), real(self, i, n))[1])
    with_rows = ranked()
    assert all(len({numbers[n] for n in got}) == len(set(got)) for got in read)  # never two rows of one text
    monkeypatch.undo()
    reading.forget()
    monkeypatch.setattr(lexical.LexicalIndex, "chunks_of", lambda self, ids, readings=False: {})
    assert ranked() == with_rows
