"""Declining: the question's names and rarer words that the chosen passage lacks lower the answerer's confidence."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.extract import decline
from briefbot.answer.extract.extractive import ExtractiveGenerator
from briefbot.settings import Settings

from .conftest import indexed_bot

LIGHTHOUSE = (
    "Skerry Lighthouse\n\n"
    "The Skerry Lighthouse stands on a rock two miles off the coast. It was built in 1892 by the "
    "Northern Lighthouse Board. Its first keeper was Angus MacRae, who kept the lamp for thirty years. "
    "The light was automated in 1978, and a backup horn is kept in the engine room.\n"
)


def test_question_names_are_its_capitalised_words_and_numbers() -> None:
    assert decline.question_names("When did the Norwegian navy paint the Skerry Lighthouse in 1950?") == [
        "Norwegian", "Skerry", "Lighthouse", "1950",
    ]
    assert decline.question_names("What is a lighthouse?") == []


def test_missing_names_counts_what_the_passage_lacks() -> None:
    q = "When did the Norwegian navy paint the Skerry Lighthouse in 1950?"
    assert decline.missing_names(q, LIGHTHOUSE) == 0.5  # Norwegian and 1950 are not there
    assert decline.missing_names("When was the Skerry Lighthouse built?", LIGHTHOUSE) == 0.0


def test_answerer_reports_its_decline_signals_and_declines_an_unrelated_question(tmp_path: Path, embedder) -> None:
    bot = indexed_bot(tmp_path, {"lighthouse.md": LIGHTHOUSE}, embedder)
    answered = bot.ask("When was the Skerry Lighthouse built?")
    assert answered.answered and "1892" in answered.text
    assert not bot.ask("What is the capital of Australia?").answered
    gen = ExtractiveGenerator(embedder, min_score=bot.settings.min_score)
    q = "When did the Norwegian navy repaint the Skerry Lighthouse in 1950?"
    sel = gen.select(q, bot.search(q))
    assert sel is not None
    assert sel.signals["missing_names"] == 0.5  # Norwegian, 1950
    assert 0.0 < sel.signals["missing_terms"] < 1.0
    assert sel.confidence == decline.score(sel.signals)


def test_a_name_the_passage_lacks_lowers_the_confidence(tmp_path: Path, embedder) -> None:
    """SQuAD 2.0's kind of unanswerable question: on topic, similar, about another lighthouse."""
    bot = indexed_bot(tmp_path, {"lighthouse.md": LIGHTHOUSE}, embedder)
    gen = ExtractiveGenerator(embedder, min_score=bot.settings.min_score)
    other = "Who was the first keeper of the Fastnet Lighthouse in Ireland?"
    sel = gen.select(other, bot.search(other))
    assert sel is not None and sel.signals["missing_names"] > 0.6  # Fastnet, Ireland
    assert sel.confidence < bot.settings.min_score and not bot.ask(other).answered
    own = "Who kept the lamp of the Skerry Lighthouse for thirty years?"
    mine = gen.select(own, bot.search(own))
    assert mine is not None and mine.signals["missing_names"] == 0.0 and mine.confidence > sel.confidence
    assert bot.ask(own).answered


def test_the_score_is_a_logistic_model_of_the_signals_with_min_score_its_threshold() -> None:
    assert set(decline.WEIGHTS) == set(decline.FEATURES)
    assert decline.MIN_SCORE == Settings().min_score
    strong = {"relevance": 0.9, "align_min": 1.0, "align_mean": 1.0, "type": 1.0, "short": 1.0}
    assert 0.5 < decline.score(strong) < 1.0
    negated = {**strong, "negation_mismatch": 1.0}
    assert decline.score(negated) < decline.score(strong)  # each mismatch lowers it
    assert decline.score({**strong, "number_mismatch": 1.0}) < decline.score(strong)
    assert 0.0 < decline.score({"relevance": 0.0, "missing_names": 1.0}) < decline.MIN_SCORE
    # Without token vectors (an embedder other than MiniLM) the alignment signals count as matched.
    assert decline.score({"relevance": 0.9, "type": 1.0, "short": 1.0}) == decline.score(strong)


def test_the_answerer_is_kept_so_a_second_question_meets_remembered_sentences(tmp_path: Path, embedder) -> None:
    bot = indexed_bot(tmp_path, {"lighthouse.md": LIGHTHOUSE}, embedder)
    assert bot.ask("When was the Skerry Lighthouse built?").answered
    remembered = dict(bot.reader()._vectors)
    assert remembered and bot.reader() is bot._generator()
    assert bot.ask("Who kept the lamp of the Skerry Lighthouse for thirty years?").answered
    assert bot.reader()._vectors.keys() >= remembered.keys()  # nothing the first question embedded was embedded again
