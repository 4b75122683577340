"""A team's shorthand in a question, through the answerer with real files and the real model and as rules on their own:
a numbered thing the quote gives another number (answer/extract/numbered_mentions.py) is declined; an acronym the file
never writes is read as the words it abbreviates (answer/shape/definitions.initialisms_spelled)."""

from __future__ import annotations

import pytest

from briefbot.answer.extract.numbered_mentions import mentions, other_number
from briefbot.api import Briefbot

from .test_briefing import bot_for


def test_mentions_are_a_word_and_the_number_after_it() -> None:
    assert mentions("CSAT in Q3 2026 and trial load 2, FY26") == {("q", "3"), ("load", "2"), ("fy", "26")}
    assert mentions("in 2024, on 12 June 2025, 3.5 million") == set()  # function words, months, no word before


def test_another_number_of_the_same_thing_is_not_the_one_asked() -> None:
    assert other_number("What was CSAT in Q1 2026?", "Metric: CSAT; Q2 2026: 91%; Q3 2026: 93%") == (
        "asks about Q1, the quote is about 2")
    assert other_number("What failed in trial load 2?", "Data migration trial load 1 ran on 18 September.")
    assert other_number("What was NRR in Q4?", "Q3 at a glance\nNet revenue retention 108%.")
    assert other_number("What was CSAT in Q3 2026?", "Metric: CSAT; Q2 2026: 91%; Q3 2026: 93%") is None  # asked one there
    assert other_number("What was revenue in FY2026?", "Revenue in FY26 rose to £4.1m.") is None  # one year, two spellings
    assert other_number("What was NRR in Q4?", "Net revenue retention was 108%.") is None  # says nothing of quarters
    assert other_number("What is another term for year 12?", "It offers years 7 through 12 and year 13.") is None
    assert other_number("Who won Super Bowl 50?", "The Broncos won Super Bowl 50 after Super Bowl 49's loss.") is None


@pytest.fixture(scope="module")
def review_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:
    root = tmp_path_factory.mktemp("numbered")
    (root / "corpus").mkdir()
    (root / "corpus" / "qbr.md").write_text(
        "# Customer success review\n\n## Q3 at a glance\n\nNet revenue retention 108% (target 105%).\n"
        "Gross churn 3.1% of ARR, up from 2.4% in Q2.\n\n## Support\n\n"
        "CSAT reached 93% in Q3, up from 91% in Q2, against a target of 90%.\n", encoding="utf-8")
    return bot_for(root, embedder)


def test_the_answerer_declines_a_neighbouring_quarter(review_bot: Briefbot) -> None:
    a = review_bot.ask("What was net revenue retention in Q3?")
    assert a.answered and a.text.startswith("Net revenue retention 108%")
    a = review_bot.ask("What was net revenue retention in Q4?")  # the heading says Q3: no Q4 figure in the file
    assert not a.answered and "108%" not in a.text
    assert review_bot.ask("What was CSAT in Q3?").answered
    assert not review_bot.ask("What was CSAT in Q1?").answered  # the sentence names Q3 and Q2, not Q1


def test_an_acronym_the_file_never_writes_is_read_as_the_words_it_abbreviates(review_bot: Briefbot) -> None:
    from briefbot.answer.shape.definitions import initialisms_spelled

    deck = ["## Q3 at a glance\n- Net revenue retention 108% (target 105%)"]
    assert initialisms_spelled("what was NRR in Q3", deck) == "what was Net revenue retention in Q3"
    assert initialisms_spelled("What is the NRR?", ["NRR: 108%", *deck]) == "What is the NRR?"  # written: kept
    assert initialisms_spelled("What does MAS stand for?", ["the Mongol and Semu classes"]) == "What does MAS stand for?"
    assert initialisms_spelled("after WWI?", ["after World War II"]) == "after WWI?"  # a numeral is no initial
    assert initialisms_spelled("what was NRR?", ["net, revenue; retention"]) == "what was NRR?"  # not one run
    a = review_bot.ask("what was NRR in Q3")
    assert a.answered and a.text.startswith("Net revenue retention 108%")


def test_another_degree_of_a_scale_is_a_neighbour() -> None:
    """"an adult with mild kidney problems" is not answered by the dose for moderate ones; a quote naming the degree
    asked, or no degree at all, says nothing either way. Not small / large: "in large numbers" on SQuAD v1.1."""
    from briefbot.answer.extract.numbered_mentions import other_degree

    dose = "Patients with kidney problems: adults with moderate kidney problems should take 5 mg once a day."
    assert other_degree("What dose should an adult with mild kidney problems take?", dose) == (
        "asks about mild, the quote is about moderate")
    assert other_degree("What dose should an adult with moderate kidney problems take?", dose) is None
    assert other_degree("What dose should an adult with mild kidney problems take?", "Take one tablet a day.") is None
    assert other_degree("What is the weekend rate?", "The weekday rate is £12 an hour.") is not None
    assert other_degree("How is the monthly fee paid?", "The annual fee is paid monthly by direct debit.") is None
    assert other_degree("Where are ctenophores found in large numbers?", "They eat small zooplankton.") is None
