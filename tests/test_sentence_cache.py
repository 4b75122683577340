"""Passage sentences' vectors kept beside the index (index/sentence_cache.py): the next process does not embed them
again, answers stay the same, and the cache can never break a question."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from briefbot.index.sentence_cache import FILENAME, SentenceVectors

from .conftest import CORPUS, indexed_bot


class Counting:
    """The real embedder, recording what it is asked to embed."""

    def __init__(self, inner, name: str | None = None) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.name = name or inner.name
        self.calls: list[list[str]] = []

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.embed(texts)

    def token_states(self, texts):  # type: ignore[no-untyped-def]
        return self.inner.token_states(texts)

    def embedded(self) -> list[str]:
        return [t for call in self.calls for t in call]


SENTENCES = ["The lamp was automated in 1987.", "A backup horn is kept in the engine room.", "The keeper left."]


def test_a_second_process_embeds_only_what_it_has_not_seen(tmp_path: Path, embedder) -> None:
    first = Counting(embedder)
    vecs = SentenceVectors(first, tmp_path).embed([*SENTENCES, SENTENCES[0]])
    assert first.embedded() == SENTENCES  # a repeated text embedded once
    assert np.allclose(vecs, embedder.embed([*SENTENCES, SENTENCES[0]]), atol=1e-5)
    second = Counting(embedder)  # a new process: nothing in memory
    again = SentenceVectors(second, tmp_path).embed([SENTENCES[2], "Fog came in.", SENTENCES[0]])
    assert second.embedded() == ["Fog came in."]
    assert np.array_equal(again[0], vecs[2]) and np.array_equal(again[2], vecs[0])  # the stored vectors, as computed


def test_another_embedders_vectors_are_not_used(tmp_path: Path, embedder) -> None:
    SentenceVectors(Counting(embedder), tmp_path).embed(SENTENCES)
    other = Counting(embedder, name="openai:text-embedding-3-small")
    SentenceVectors(other, tmp_path).embed(SENTENCES)
    assert other.embedded() == SENTENCES


def test_it_keeps_at_most_its_limit_newest_first(tmp_path: Path, embedder) -> None:
    texts = [f"Sentence number {n} of the log." for n in range(30)]
    cache = SentenceVectors(Counting(embedder), tmp_path, max_vectors=10)
    for n in range(0, 30, 5):
        cache.embed(texts[n : n + 5])
    db = sqlite3.connect(tmp_path / FILENAME)
    assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] <= 10
    later = Counting(embedder)
    SentenceVectors(later, tmp_path, max_vectors=10).embed(texts[25:])
    assert later.embedded() == []  # the newest are the ones kept


def test_a_damaged_or_unwritable_cache_only_costs_embedding(tmp_path: Path, embedder) -> None:
    (tmp_path / FILENAME).write_bytes(b"not a database " * 100)
    counting = Counting(embedder)
    vecs = SentenceVectors(counting, tmp_path).embed(SENTENCES)
    assert counting.embedded() == SENTENCES and vecs.shape == (3, 384)
    gone = tmp_path / "no-index-here"
    assert SentenceVectors(Counting(embedder), gone).embed(SENTENCES).shape == (3, 384)
    assert not gone.exists()  # no index folder: nothing is created


def test_the_next_session_answers_the_same_without_embedding_the_passages_again(tmp_path: Path, embedder) -> None:
    text = (CORPUS / "unesco-ichei-giannini-meeting.txt").read_text(encoding="utf-8")
    bot = indexed_bot(tmp_path, {"meeting.txt": text}, embedder)
    first = Counting(embedder)
    bot._embedder = first  # type: ignore[assignment]
    question = "Who attended the Giannini meeting?"
    answer = bot.ask(question)
    assert answer.answered and len(first.embedded()) > 15  # the question and the passages' sentences
    assert (tmp_path / ".briefbot" / FILENAME).exists()

    from briefbot.api import Briefbot

    later = Briefbot(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"], generator="extractive")
    second = Counting(embedder)
    later._embedder = second  # type: ignore[assignment]
    again = later.ask(question)
    assert again.text == answer.text and [c.location for c in again.citations] == [c.location for c in answer.citations]
    assert set(second.embedded()) <= {question}  # at most the question itself (retrieval embeds it)


def test_the_next_session_briefs_the_same_without_embedding_the_sentences_again(tmp_path: Path, embedder) -> None:
    """A brief embeds every sentence of what it summarises (a corpus brief: its groups' central files too); the next
    process reads them from the cache, as `ask` does."""
    text = (CORPUS / "unesco-ichei-giannini-meeting.txt").read_text(encoding="utf-8")
    bot = indexed_bot(tmp_path, {"meeting.txt": text}, embedder)
    first = Counting(embedder)
    bot._embedder = first  # type: ignore[assignment]
    brief = bot.brief(source="corpus/meeting.txt")
    assert brief.answered and len(first.embedded()) > 10

    from briefbot.api import Briefbot

    later = Briefbot(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"], generator="extractive")
    second = Counting(embedder)
    later._embedder = second  # type: ignore[assignment]
    assert later.brief(source="corpus/meeting.txt").text == brief.text
    assert second.embedded() == []
