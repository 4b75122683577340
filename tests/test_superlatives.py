"""The row a superlative asks for (answer/shape/superlatives.py): the extreme figure of a table the passages hold
whole, through the answerer with a real file and the real model; a table cut by the passages, a date column or a tie
is no answer."""

from __future__ import annotations

import pytest

from briefbot.answer.extract.candidates import candidates
from briefbot.answer.shape.superlatives import superlative_row
from briefbot.api import Briefbot
from briefbot.schema import Chunk, Passage

from .test_briefing import bot_for

FEES = """# Fees

Every appointment is one-to-one with a chartered physiotherapist.

| Treatment | Duration | Price | Notes |
|---|---|---|---|
| Initial assessment | 45 min | £68.00 | |
| Follow-up treatment | 30 min | £52.00 | |
| Sports massage | 60 min | £69.00 | Most popular before race season |
| Video gait analysis | 75 min | £115.00 | Bring your running shoes |
| Shockwave therapy | 20 min | £62.00 | |

Students receive a 10% discount on follow-up treatments.
"""


@pytest.fixture(scope="module")
def fees_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:
    root = tmp_path_factory.mktemp("fees")
    (root / "corpus").mkdir()
    (root / "corpus" / "fees.md").write_text(FEES, encoding="utf-8")
    return bot_for(root, embedder)


def test_the_most_and_the_least_of_a_column(fees_bot: Briefbot) -> None:
    a = fees_bot.ask("Which treatment is the most expensive?")
    assert a.answered and a.short_answer == "Video gait analysis"
    assert a.text.startswith("Treatment: Video gait analysis;") and a.citations[0].location == "corpus/fees.md:10-10"
    a = fees_bot.ask("which treatment is cheapest")
    assert a.short_answer == "Follow-up treatment" and a.citations[0].location == "corpus/fees.md:8-8"
    assert fees_bot.ask("Which treatment takes the longest?").short_answer == "Video gait analysis"  # "Duration"


def test_a_limit_asked_for_is_no_row() -> None:
    text = ("Credits.\n| Availability | Service credit | Note |\n|---|---|---|\n| Availability: below 99.9% | Service credit: "
            "5% | Note: a |\n| Availability: below 99% | Service credit: 10% | Note: b |\n| Availability: below 98% | "
            "Service credit: 30% | Note: c |\n\nThe total service credits shall not exceed 30% of the charge.\n")
    found = _passages(text)
    assert superlative_row("What's the most we can get back in service credits?", candidates(found), found) is None
    assert superlative_row("Which availability gets the most service credit?", candidates(found), found) is not None


def _passages(text: str, cut: int | None = None) -> list[Passage]:
    end = len(text) if cut is None else cut
    chunk = Chunk("fees.md", 0, text[:end], 1, text[:end].count("\n") + 1, 0, end, 100, "h")
    return [Passage(chunk, 1.0)]


def test_a_table_cut_short_a_date_or_a_tie_is_no_answer() -> None:
    rows = "\n".join(f"| Name: {n} | Amount: £{a} | Decided: {d} March 2026 |" for n, a, d in
                     (("Food bank", "4,500", 12), ("Youth club", "6,000", 18), ("Choir", "900", 3)))
    table = f"Awards.\n| Name | Amount | Decided |\n|---|---|---|\n{rows}\n\nNotes follow.\n"
    whole = _passages(table)
    found = superlative_row("Which group got the biggest grant?", candidates(whole), whole)
    assert found is not None and found[1] == "Youth club" and candidates(whole)[found[0]].text.startswith("Name: Youth club;")
    cut = _passages(table, table.index("Notes") - 2)  # the table may go on past the chunk
    assert superlative_row("Which group got the biggest grant?", candidates(cut), cut) is None
    assert superlative_row("Which group was decided on most recently?", candidates(whole), whole) is None  # dates
    tied = _passages(table.replace("£900", "£6,000"))
    assert superlative_row("Which group got the biggest grant?", candidates(tied), tied) is None
