"""When the sentence that matches a question only names what is asked about, the answer is in the next one: the
reason for "Why ...?", the new person for "Who ...?"."""

from __future__ import annotations

import pytest

from briefbot.api import Briefbot

from .test_briefing import bot_for

REPORT = """# Kestrel Valve Group: Chair's statement

Revenue rose 8% to 412.6 million euros, driven chiefly by municipal water contracts in Germany and the Nordic
countries, and by a full half-year of Ferrolux sales.

After eleven years as finance director, Annelies Brouwer has told the Board that she intends to retire at the
annual meeting. We are delighted that Tomasz Wierzbicki, currently group controller, will succeed her. The Board
thanks Annelies for her wise counsel.

The Tilburg foundry was relined in the spring. The work took eleven weeks.
"""


@pytest.fixture(scope="module")
def report_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("report")
    (root / "corpus").mkdir()
    (root / "corpus" / "chair-statement.md").write_text(REPORT, encoding="utf-8")
    return bot_for(root, embedder)


def test_who_reads_on_to_the_person_the_next_sentence_names(report_bot: Briefbot) -> None:
    a = report_bot.ask("Who will replace Annelies Brouwer as finance director?")
    assert a.answered and "Tomasz Wierzbicki, currently group controller, will succeed her" in a.text, a.text
    assert a.short_answer == "Tomasz Wierzbicki"


def test_a_lead_that_names_someone_new_is_answer_enough(report_bot: Briefbot) -> None:
    a = report_bot.ask("Who has told the Board that she intends to retire?")
    assert a.answered and "Annelies Brouwer" in (a.short_answer or "") and "Tomasz" not in a.text, a.text
