"""The sentence-level decline signals: what of the question the quoted sentence lacks, word by word."""

from __future__ import annotations

from briefbot.answer.extract import alignment

from .conftest import indexed_bot

SENTENCE = "The Skerry Lighthouse was built in 1892 by the Northern Lighthouse Board and was the largest on the coast."


def test_lexical_signals_see_a_negation_a_number_and_an_antonym_the_sentence_lacks() -> None:
    own = alignment.lexical_signals("When was the Skerry Lighthouse built?", SENTENCE, SENTENCE)
    assert own["sentence_missing"] == 0.0 and own["negation_mismatch"] == 0.0 and own["number_mismatch"] == 0.0
    negated = alignment.lexical_signals("When was the Skerry Lighthouse not built?", SENTENCE, SENTENCE)
    assert negated["negation_mismatch"] == 1.0
    year = alignment.lexical_signals("Who built the Skerry Lighthouse in 1950?", SENTENCE, SENTENCE)
    assert year["number_mismatch"] == 1.0 and year["number_missing"] == 1.0
    same_year = alignment.lexical_signals("Who built the Skerry Lighthouse in 1892?", SENTENCE, SENTENCE)
    assert same_year["number_mismatch"] == 0.0
    opposite = alignment.lexical_signals("What was the smallest lighthouse on the coast?", SENTENCE, SENTENCE)
    assert opposite["antonym"] == 1.0 and opposite["sentence_missing"] > 0.0


def test_alignment_matches_each_question_word_to_its_nearest_sentence_word(embedder) -> None:
    same = alignment.alignment_signals("When was the Skerry Lighthouse built?", SENTENCE, embedder)
    assert same["align_min"] == 1.0 and same["align_mean"] == 1.0  # every word is there
    other = alignment.alignment_signals("When was the Skerry Lighthouse painted purple?", SENTENCE, embedder)
    assert other["align_min"] < 0.8 and other["align_mean"] < 1.0
    assert alignment.alignment_signals("When was it built?", SENTENCE, object()) == {}  # no token vectors: no signal


def test_the_quoted_sentence_that_matches_the_question_best_gives_the_signals(embedder) -> None:
    other = "The Skerry Lighthouse stands on a rock two miles off the coast."
    got = alignment.sentence_signals("What was the largest lighthouse on the coast?", [other, SENTENCE], SENTENCE, embedder)
    assert got["sentence_missing"] == 0.0 and got["align_min"] == 1.0  # SENTENCE has every word
    opposite = alignment.sentence_signals("What was the smallest lighthouse on the coast?", [other, SENTENCE], SENTENCE, embedder)
    assert opposite["antonym"] == 1.0 and opposite["align_min"] < 0.8  # "largest" where "smallest" was asked


LIGHTHOUSE = (
    "Skerry Lighthouse\n\n"
    "The Skerry Lighthouse stands on a rock two miles off the coast. It was built in 1892 by the "
    "Northern Lighthouse Board. Its first keeper was Angus MacRae, who kept the lamp for thirty years. "
    "The light was automated in 1978, and a backup horn is kept in the engine room. "
    "It is the tallest lighthouse on the coast, and the keepers' cottage was sold in 1985.\n"
)
# An answerable question and its unanswerable twin: the passage is on topic and names everything the twin
# names; what it lacks is the relation (a negation, another year, the opposite).
TWINS = [
    ("Where is the backup horn kept?", "Where is the backup horn not kept?"),
    ("When was the Skerry Lighthouse built?", "When was the Skerry Lighthouse built in 1950?"),
    ("When was the keepers' cottage sold?", "When was the keepers' cottage bought?"),
    ("What is the tallest lighthouse on the coast?", "What is the shortest lighthouse on the coast?"),
]


def test_an_on_topic_passage_without_the_relation_asked_about_is_declined(tmp_path, embedder) -> None:
    bot = indexed_bot(tmp_path, {"skerry-lighthouse.md": LIGHTHOUSE}, embedder)
    for answerable, unanswerable in TWINS:
        assert bot.ask(answerable).answered, answerable
        assert not bot.ask(unanswerable).answered, unanswerable
