"""Passage readings kept at ingest (index/reading.py) read as the text itself does, and reach the re-ranker."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from briefbot.answer.retrieve.rerank import features
from briefbot.answer.retrieve.retrieval import Retriever
from briefbot.index import lexical, passages, reading
from briefbot.index.store import Index
from briefbot.ingest.pipeline import ingest
from briefbot.settings import Settings

from .test_lexical import ALPHA, BETA, GAMMA, small_kb


def sample_texts() -> list[str]:
    from briefbot.ingest.chunking import chunk_document
    from briefbot.schema import Document

    from .conftest import SEED

    texts = [c.text for c in chunk_document(Document.from_text("s.txt", SEED.read_text(encoding="utf-8")), 120, 20)]
    texts += [ALPHA, BETA, GAMMA, "", "   ", ". . !", "no sentence end here but harbour grain",
              "İstanbul's harbour. The İzmir quay opened in May; ships unload grain.",
              "長城は長い。東京の会議は長い。Tokyo meets Beijing.", "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3. Then left!",
              "The the of. A harbour harbour. Of a the!"]  # (sentences without a word)
    rng = random.Random(11)
    vocab = ["harbour", "grain", "timber", "storm", "the", "of", "a", "Quay", "toll", "ships", "naïve", "3.5"]
    for _ in range(60):
        texts.append(" ".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(0, 9))) + rng.choice([".", "!", "?", "", "\n\n"])
                              for _ in range(rng.randint(0, 6))))
    return texts


def fresh(text: str) -> reading.Reading:
    return reading.read(text)  # read now, past the memo


def test_a_stored_reading_reads_as_the_text() -> None:
    for text in sample_texts():
        got, want = reading.from_stored(reading.stored_form(text)), fresh(text)
        assert got.where == want.where and got.joined == want.joined, text
        assert got.sentences == want.sentences or not want.where  # (no word in any sentence: counts cannot matter)


def test_features_from_stored_readings_are_the_features_of_the_texts() -> None:
    texts = sample_texts()
    questions = ["Who attended the Giannini meeting?", "When was the harbour rebuilt after the storm?",
                 "naïve timber quay ships", "the of a", "長城 Tokyo", "grain grain harbour storm toll"]
    reading.forget()
    want = [features(q, texts[b : b + 20]) for q in questions for b in range(0, len(texts), 20)]
    reading.forget()
    for t in texts:
        reading.remember(t, reading.stored_form(t))
    got = [features(q, texts[b : b + 20]) for q in questions for b in range(0, len(texts), 20)]
    assert all(np.array_equal(g, w) for g, w in zip(got, want))  # the same floats, not just close ones
    assert not any(t in reading._STORED for t in texts if t)  # every stored reading was used


@pytest.fixture
def kb(tmp_path: Path) -> Settings:
    return small_kb(
        tmp_path, ("alpha.txt", ALPHA), ("beta.txt", BETA * 3), ("gamma.txt", GAMMA), chunk_tokens=40, chunk_overlap=0
    )


def stored(settings: Settings) -> dict[str, str]:
    con = sqlite3.connect(lexical.folder(settings) / passages.FILENAME)
    try:
        return dict(con.execute("SELECT p.text, r.reading FROM passages p JOIN readings r ON r.id = p.id").fetchall())
    finally:
        con.close()


def test_ingest_keeps_every_chunks_reading_and_searches_use_it(kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    ingest(kb, embedder=embedder)
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    texts = {c.text for c, _ in index.get_by_ids(index.chunk_ids()).values()}
    kept = stored(kb)
    assert set(kept) == texts and all(v == reading.stored_form(t) for t, v in kept.items())
    question = "When did the Quintara harbour open?"
    reading.forget()
    want = [(p.chunk.id, p.score) for p in Retriever(index, embedder, lexical_folder=lexical.folder(kb)).search(question, 4)]
    reading.forget()

    def no_reading(*_: object) -> None:
        raise AssertionError("a passage was read again at query time")

    monkeypatch.setattr(reading, "sentence_spans", no_reading)
    got = [(p.chunk.id, p.score) for p in Retriever(index, embedder, lexical_folder=lexical.folder(kb)).search(question, 4)]
    assert got == want


def test_a_copy_without_readings_still_ranks_the_same_and_gets_them_once(
    kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    ingest(kb, embedder=embedder)
    index = Index.open(kb, embedder.name, embedder.dim, create=False)
    question = "Who reviewed the tolls?"
    reading.forget()
    want = [(p.chunk.id, p.score) for p in Retriever(index, embedder, lexical_folder=lexical.folder(kb)).search(question, 4)]
    path = lexical.folder(kb) / passages.FILENAME
    # A copy kept before readings were, then one whose readings other code made.
    for older in (["DROP TABLE readings", "DELETE FROM meta WHERE key = 'reading'"],
                  ["UPDATE meta SET value = '0-000000000000' WHERE key = 'reading'"]):
        con = sqlite3.connect(path)
        with con:
            for statement in older:
                con.execute(statement)
        con.close()
        reader = passages.Passages(path)
        ids = index.chunk_ids()
        reading.forget()
        assert set(reader.get(ids, embedder.dim)) == set(ids) and not reading._STORED  # rows read, no reading used
        monkeypatch.setattr(passages, "NOTICE_ROWS", 1)
        retriever = Retriever(index, embedder, lexical_folder=lexical.folder(kb))
        assert [(p.chunk.id, p.score) for p in retriever.search(question, 4)] == want  # its sync added the readings
        assert "adding word readings to the local copy of" in capsys.readouterr().err
        kept = stored(kb)
        assert len(kept) == len({c.text for c, _ in index.get_by_ids(ids).values()})
        assert all(v == reading.stored_form(t) for t, v in kept.items())
        reading.forget()
        reader.get(ids, embedder.dim)
        assert reading._STORED  # the same reader now hands them over (the copy's file changed)
        Retriever(index, embedder, lexical_folder=lexical.folder(kb)).search(question, 4)
        assert capsys.readouterr().err == ""  # once
