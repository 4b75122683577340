"""A sum of money asked for is answered by a sentence that holds one (answer/shape/amounts.py, answer/extract/asked_kind.py), else declined."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.extract.asked_kind import lacks_asked
from briefbot.answer.shape.amounts import asks_sum

from .test_briefing import bot_for


def test_which_questions_ask_for_a_sum_and_which_sentences_hold_one() -> None:
    assert asks_sum("What is the list price of the AQ-400?") and asks_sum("How much will it cost to replace the seal?")
    assert asks_sum("What was Apple's revenue in 2003?") and asks_sum("What's the annual fee?")
    assert asks_sum("how much money can we apply for") and asks_sum("How much cash did the raffle bring in?")
    assert not asks_sum("What is income inequality attributed to?")  # "income" is no sum asked for here
    assert not asks_sum("What is one reason nations received aid from the oil income?")
    assert not asks_sum("How much water can the unit remove?")
    assert not asks_sum("What was the average yearly nurse turnover at the hospitals?")  # staff turnover, no sum
    cost = "How much does it cost?"
    assert not lacks_asked(cost, ["It costs £38,000."]) and not lacks_asked(cost, ["about two million"])
    assert not lacks_asked(cost, ["USD 5 a day"]) and not lacks_asked(cost, ["Entry is free."])
    assert lacks_asked(cost, ["Product name: AQ-400 Indoor Air Quality Monitor"]) == "no sum of money"  # no price


def test_a_price_not_in_the_documents_is_declined_and_one_that_is_answered(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "aq400.md").write_text(
        "# AQ-400 Indoor Air Quality Monitor\n\n"
        "| Product name | AQ-400 Indoor Air Quality Monitor |\n| Product code | ALD-AQ400-EU |\n\n"
        "The AQ-400 is a wall-mounted monitor that measures carbon dioxide in classrooms and offices.\n", encoding="utf-8")
    (corpus / "seal.md").write_text(
        "# Survey of the Deben Star\n\nThe surveyor found pitting corrosion around the stern tube of the Deben Star. "
        "Replacing the stern tube seal was quoted at £4,200 by the yard.\n", encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    assert not bot.ask("What is the list price of the AQ-400 air quality monitor?").answered
    answer = bot.ask("How much will it cost to replace the stern tube seal on the Deben Star?")
    assert answer.answered and "£4,200" in answer.text
