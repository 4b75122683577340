"""Yes/no questions about decisions in minutes: the recorded outcome (carried, fell, RESOLVED) of the item asked about."""

from __future__ import annotations


import pytest

from briefbot.api import Briefbot

from .conftest import indexed_bot
from .test_briefing import bot_for
from briefbot.ingest.pdf_pages import numbered_sections

MINUTES = """# Kilbride Town Council: Planning Committee, 14 October 2025

Present: Cllr Fairlie (Chair), Cllr Ross, Cllr Baird, Cllr Gill, Cllr Lennox.

## 5. Planning application 25/0417/FUL - Land at Glebe Farm

Members noted that the site lies partly within an area at medium risk of surface-water flooding.
Proposed by Cllr Gill, seconded by Cllr Ross:
RESOLVED that the Town Council objects to application 25/0417/FUL on the grounds of flood risk, and asks North
Carrick Council to require an updated flood risk assessment.
The motion was carried 7-2.

## 7. Tree planting at Millbank Park

The Environment Officer presented a scheme for 120 native trees along the river path.
Proposed by Cllr Fairlie, seconded by Cllr Lennox:
RESOLVED to approve the tree planting scheme at Millbank Park at a total cost of £6,200.
The motion was carried unanimously (9-0).

## 8. Bus shelter, Station Brae

The Town Clerk reported that the shelter had been damaged by a vehicle in September. Cllr Baird proposed that the
replacement be placed 40 metres further up the hill, at an extra cost of £3,800, to improve visibility for drivers.
Several members felt that the additional cost could not be justified.
The motion to relocate the shelter fell, 3 votes in favour and 6 against.
It was agreed that the Town Clerk would arrange a like-for-like replacement at the existing location.
"""


@pytest.fixture(scope="module")
def minutes_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("minutes")
    (root / "corpus").mkdir()
    (root / "corpus" / "planning-committee-2025-10.md").write_text(MINUTES, encoding="utf-8")
    return bot_for(root, embedder)


@pytest.mark.parametrize(("question", "verdict", "quoted"), [
    ("Was the proposal to move the Station Brae bus shelter approved?", "No", "The motion to relocate the shelter fell"),
    ("Was the Millbank Park tree planting scheme approved?", "Yes", "RESOLVED to approve the tree planting scheme"),
    ("Was the Millbank Park tree planting scheme rejected?", "No", "RESOLVED to approve the tree planting scheme"),
    ("Did the committee agree to object to the Glebe Farm application?", "Yes", "objects to application 25/0417/FUL"),
])
def test_a_recorded_outcome_answers_yes_or_no(minutes_bot: Briefbot, question: str, verdict: str, quoted: str) -> None:
    a = minutes_bot.ask(question)
    assert a.answered and a.short_answer == verdict, (a.short_answer, a.text)
    assert quoted in a.text and a.citations[0].source.endswith("planning-committee-2025-10.md")


def test_a_resolution_against_an_item_is_no_yes_to_its_approval(minutes_bot: Briefbot) -> None:
    """The Town Council resolved to object to the application: that does not say North Carrick approved it."""
    a = minutes_bot.ask("Was the Glebe Farm application approved by North Carrick Council?")
    assert a.short_answer != "Yes", a.text


def test_a_numbered_pdf_heading_is_a_section() -> None:
    text = ("1. Purpose\nThis policy sets out the rules.\n4. Access and authentication\n4.1 Passwords\n"
            "4.1.1 Passwords must be at least 14 characters long.\n4.2 Remote access\nUse the VPN.\n"
            "2. Scheduling matters more than pay. Inflexible\nscheduling was cited by 47% of nurses.\n"
            "5 Submit the objection to North Carrick Council\n")
    got = [(text[at:].split("\n")[0], path) for at, path in numbered_sections(text)]
    assert got == [("1. Purpose", "1. Purpose"), ("4. Access and authentication", "4. Access and authentication"),
                   ("4.1 Passwords", "4. Access and authentication > 4.1 Passwords"),
                   ("4.2 Remote access", "4. Access and authentication > 4.2 Remote access")]
    assert numbered_sections("1. Introduction\nText.\n") == ()  # one numbered line makes no numbered document


def test_the_section_shown_is_the_numbered_heading_the_quote_sits_under() -> None:
    """A passage that starts under "7. Tree planting" and goes on into "8. Bus shelter": a quote from item 8 is cited
    under item 8; in a document with Markdown headings a numbered list line is no heading."""
    from briefbot.answer.shape.quotes import section_at

    text = "The motion was carried unanimously (9-0).\n8. Bus shelter, Station Brae\nThe motion to relocate the shelter fell."
    at = text.index("The motion to relocate")
    assert section_at(text, at, "7. Tree planting at Millbank Park") == "8. Bus shelter, Station Brae"
    assert section_at(text, 0, "7. Tree planting at Millbank Park") == "7. Tree planting at Millbank Park"
    assert section_at(text, at, "Minutes > Items") == "Minutes > Items"


def test_an_outcome_in_bold_on_the_vote_line_answers_with_the_motion(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    """The fourth blind round (bench/civic.py): "- Vote: 2 for, 4 against, 1 abstention. **Not carried.**" was no
    sentence (the bold outcome did not end like one), "Not carried" was matched in lower case only, and a bare outcome
    names no motion or vote: "Did the council approve closing Mill Meadow car park overnight?" was declined."""
    bot = indexed_bot(tmp_path, {"council-minutes.md": (
        "# Kelverton Town Council\n\n### 7. Proposal to close Mill Meadow car park overnight\n\n"
        "Cllr Penhallow proposed that the Mill Meadow car park be locked between 11 pm and 6 am. Several members felt "
        "this would inconvenience residents of Weir Cottages.\n\n"
        "**Motion:** That Mill Meadow car park be closed overnight from 1 October 2025.\n\n"
        "- Proposed: Cllr Penhallow; Seconded: Cllr Yelland\n- Vote: 2 for, 4 against, 1 abstention. **Not carried.**\n\n"
        "### 8. Christmas lights\n\n**Motion:** That the council awards the Christmas lights contract to Brightwater.\n\n"
        "- Vote: 6 for, 0 against, 0 abstentions. **Carried.**\n")}, embedder)
    answer = bot.ask("Did the council approve closing Mill Meadow car park overnight?")
    assert answer.answered and answer.short_answer == "No"
    assert answer.text.startswith("Motion: That Mill Meadow car park be closed overnight") and "Not carried." in answer.text
    assert bot.ask("Was the Christmas lights contract awarded to Brightwater approved?").short_answer == "Yes"
