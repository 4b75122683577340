"""Re-ranking the hybrid ranking's head by where the question's words sit in each passage."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from briefbot.index import lexical
from briefbot.schema import source_of_chunk_id
from briefbot.errors import ConfigError
from briefbot.ingest.pipeline import ingest
from briefbot.answer.retrieve.rerank import DEPTH, features, rerank_scores
from briefbot.answer.retrieve.retrieval import Candidates, Retriever
from briefbot.schema import Chunk
from briefbot.settings import Settings, load_settings
from briefbot.index.store import Index

QUESTION = "Who designed the lighthouse at Carrow Point?"
# Both mention every rare word of the question; only the second says it in one sentence, in order.
SPREAD = (
    "Carrow Point has a long history. The lighthouse keepers kept logs. "
    "Several engineers designed harbour works nearby. Who lived there is recorded."
)
TOGETHER = "Records show that Ada Venn designed the lighthouse at Carrow Point in 1871. It was lit a year later."
UNRELATED = "The village school teaches forty pupils. Lessons are held outdoors in summer."


def _chunk(source: str, text: str) -> Chunk:
    return Chunk(source, 0, text, 1, 1, 0, len(text), 10, source.ljust(64, "0"))


def _candidates(texts: list[str], dense: list[float], bm25: list[float]) -> Candidates:
    vectors = np.eye(len(texts), dtype=np.float32)  # orthogonal: nothing collapsed as a reworded copy
    return Candidates(
        chunks=[_chunk(f"{i}.txt", t) for i, t in enumerate(texts)],
        vectors=vectors,
        dense=np.array(dense, dtype=np.float32),
        lexical=np.array(bm25, dtype=np.float32),
        query=QUESTION,
    )


def test_features_reward_the_question_words_together_in_one_sentence() -> None:
    f = features(QUESTION, [SPREAD, TOGETHER, UNRELATED])
    coverage, sentence, pairs = f[:, 0], f[:, 1], f[:, 2]
    assert coverage[0] == pytest.approx(coverage[1]) and coverage[0] > 0.9  # both hold every word
    assert sentence[1] == pytest.approx(1.0) and sentence[0] < 0.6  # only one sentence holds them all
    assert pairs[1] > pairs[0]  # "carrow point", "designed lighthouse" ... in order
    assert f[2].tolist() == [0.0, 0.0, 0.0]
    assert features("the of and", [TOGETHER]).tolist() == [[0.0, 0.0, 0.0]]  # no content word asked


def test_rerank_scores_are_in_unit_range_and_follow_the_features() -> None:
    s = rerank_scores(QUESTION, [SPREAD, TOGETHER], np.array([1.0, 1.0]), np.array([1.0, 1.0]))
    assert s[1] > s[0] and 0.0 <= s.min() and s.max() <= 1.0
    assert rerank_scores(QUESTION, [TOGETHER], np.array([1.0]), np.array([1.0]))[0] == pytest.approx(1.0)


def test_rank_puts_the_answering_passage_first_only_when_reranking() -> None:
    # The blend prefers the spread-out passage (higher cosine and BM25); the re-ranker the answer.
    cands = _candidates([SPREAD, TOGETHER, UNRELATED], dense=[0.62, 0.55, 0.1], bm25=[9.0, 7.0, 0.0])
    retriever = Retriever(None, None, 0.5)  # type: ignore[arg-type]  # rank() needs no index or model
    assert [p.chunk.text for p in retriever.rank(cands, 3, rerank=False)][:2] == [SPREAD, TOGETHER]
    ranked = retriever.rank(cands, 3)
    assert [p.chunk.text for p in ranked][:2] == [TOGETHER, SPREAD]
    assert [p.dense_score for p in ranked][:2] == pytest.approx([0.55, 0.62])  # raw scores still reported
    # One ranking alone (dense only, BM25 only) is left as that ranking says.
    assert Retriever(None, None, 0.0).rank(cands, 1)[0].chunk.text == SPREAD  # type: ignore[arg-type]
    assert Retriever(None, None, 1.0).rank(cands, 1)[0].chunk.text == SPREAD  # type: ignore[arg-type]


def test_passages_below_the_reranked_head_keep_their_order_and_lower_scores() -> None:
    n = DEPTH + 10
    texts = [f"Passage {i} about the lighthouse keeper number {i} and his {i} lamps." for i in range(n)]
    cands = _candidates(texts, dense=list(np.linspace(0.9, 0.2, n)), bm25=list(np.linspace(8.0, 1.0, n)))
    retriever = Retriever(None, None, 0.5)  # type: ignore[arg-type]
    # k=5 re-scores the first DEPTH of the fused order; the last ten follow, in fused order, below them.
    score, order = retriever._reranked(cands, np.linspace(1.0, 0.0, n).astype(np.float32), list(range(n)), 5)
    assert sorted(order[:DEPTH]) == list(range(DEPTH)) and order[DEPTH:] == list(range(DEPTH, n))
    tail = score[DEPTH:].tolist()
    assert max(tail) <= min(score[:DEPTH]) and tail == sorted(tail, reverse=True)
    ranked = retriever.rank(cands, n)  # every passage asked for: all re-scored, best first
    scores = [p.score for p in ranked]
    assert len(ranked) == n and scores == sorted(scores, reverse=True)


def test_rerank_is_a_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings().rerank is True
    for word, value in (("false", False), ("0", False), ("off", False), ("true", True), ("1", True)):
        monkeypatch.setenv("BRIEFBOT_RERANK", word)
        assert load_settings().rerank is value
    monkeypatch.setenv("BRIEFBOT_RERANK", "maybe")
    with pytest.raises(ConfigError, match="BRIEFBOT_RERANK.*rerank.*expected true or false"):
        load_settings()


def test_dense_finds_carry_their_true_bm25_score(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Lighthouse lighthouse lighthouse keeper logs.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The lighthouse at Carrow Point was designed by Ada Venn.\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Forty pupils attend the village school.\n", encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[corpus])
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    retriever = Retriever(index, embedder, 0.5, lexical.folder(settings))
    # BM25's top 1 is the school; the dense top 1 adds a lighthouse note BM25 also scores, lower.
    cands = retriever.candidates("school lighthouse", 1)
    truth = retriever.lexical().scores("school lighthouse")
    assert [source_of_chunk_id(i) for i in cands.ids] == ["docs/c.txt", "docs/a.txt"]
    assert cands.lexical[1] > 0  # not 0 for "absent from BM25's list"
    for chunk_id, score in zip(cands.ids, cands.lexical):
        assert score == pytest.approx(retriever.lexical().score_of(truth, chunk_id))
