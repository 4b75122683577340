"""Tidying model replies: what small models really write (stray source lists, titles, bold, lists, declines)."""

from __future__ import annotations

import pytest

from briefbot.answer.llm.llm_reply import (
    clean_reply,
    cut_to_words,
    flatten_brief,
    has_valid_citation,
    is_decline,
    max_tokens_for_words,
    normalise_markers,
    word_count,
)

# Replies as Qwen2.5-Coder-1.5B wrote them on the example corpus (issue 12), and the usual variants.
TRAILERS = [
    ("Giannini met the delegation [1].\nPassages [1], [2], [3], [4]", "Giannini met the delegation [1]."),
    ("Giannini met the delegation [1]. Passages [1], [2].", "Giannini met the delegation [1]."),
    ("Giannini met the delegation [1].\n\nSources:\n- [1] corpus/a.txt:1-4\n- [2] corpus/b.txt", "Giannini met the delegation [1]."),
    ("Giannini met the delegation [1].\n**References:** [1], [2]", "Giannini met the delegation [1]."),
    ("Giannini met the delegation [1].\n[1][2]", "Giannini met the delegation [1]."),
    ("Giannini met the delegation [1]. This can be found in passage [1].", "Giannini met the delegation [1]."),
    ("Giannini met the delegation. [1] LI Ming attended. [2]", "Giannini met the delegation [1]. LI Ming attended [2]."),
    ("It took place on 6 September (Passage 2).", "It took place on 6 September [2]."),
]


@pytest.mark.parametrize(("reply", "expected"), TRAILERS)
def test_stray_trailing_lines_and_pointer_sentences_removed(reply: str, expected: str) -> None:
    assert clean_reply(reply) == expected


def test_a_sources_word_inside_the_answer_stays() -> None:
    text = "The passages list two sources of funding: fees and grants [1]."
    assert clean_reply(text) == text


@pytest.mark.parametrize("reply", [
    "I don't know.",
    "I do not know the answer.",
    "The passages do not mention the funding of the meeting.",
    "The provided passages do not contain information about Peru.",
    "There is no information about that in the passages.",
])
def test_declines_in_the_asked_phrase_and_its_paraphrases(reply: str) -> None:
    assert is_decline(reply)


@pytest.mark.parametrize("reply", [
    "The capital of Peru is Lima [1].",
    "The passages do not say when exactly, but the harbour opened in 1901 [1].",
    "Unknown sources funded it [2].",
])
def test_answers_are_not_declines(reply: str) -> None:
    assert not is_decline(reply)


def test_multi_paragraph_brief_with_a_title_becomes_one_plain_paragraph() -> None:
    reply = (
        "**Executive Briefing: UNESCO-ICHEI Meeting**\n\n"
        "# Overview\n"
        "The meeting took place on 6 September 2023 [1]. Giannini welcomed the delegation [1].\n\n"
        "Key points:\n"
        "- The IIOE's achievements were presented [2]\n"
        "- **Generative AI** was discussed [3].\n\n"
        "Sources: [1], [2], [3]"
    )
    flat = flatten_brief(reply)
    assert flat == (
        "The meeting took place on 6 September 2023 [1]. Giannini welcomed the delegation [1]. "
        "The IIOE's achievements were presented [2]. Generative AI was discussed [3]."
    )
    assert "\n" not in flat and "*" not in flat and "#" not in flat


def test_citation_validity_counts_only_given_passages() -> None:
    assert has_valid_citation("Met [2].", 5)
    assert not has_valid_citation("Met [9].", 5)
    assert not has_valid_citation("Met the delegation.", 5)
    assert normalise_markers("Met [Passage 2] and [source 3].") == "Met [2] and [3]."


def test_cut_at_a_sentence_boundary_within_the_word_limit() -> None:
    text = "One two three four [1]. Five six seven [2]. Eight nine ten eleven [3]."
    assert cut_to_words(text, 7) == "One two three four [1]. Five six seven [2]."
    assert word_count("One two [1][2].") == 2
    # a reply cut by max_tokens loses its unfinished last sentence
    assert cut_to_words("One two [1]. Three four five", 100, truncated=True) == "One two [1]."
    # a first sentence longer than the limit is kept rather than leaving nothing
    assert cut_to_words("One two three four [1].", 2) == "One two three four [1]."


def test_token_budget_grows_with_the_word_limit() -> None:
    assert 120 * 1.3 < max_tokens_for_words(120) < 120 * 3
    assert max_tokens_for_words(40) < max_tokens_for_words(120)
