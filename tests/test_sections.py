"""Questions that ask for what a section lists ("What are the action items?"): the items under the heading it names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbot.answer.shape.sections import asked_topic
from briefbot.api import Briefbot
from briefbot.settings import load_settings

from .conftest import run_cli

BOARD = """# Board meeting, 12 March 2026

Attendees: Maria Lopez (chair), Tom Becker (CFO), Aisha Khan (CTO), Li Wei (secretary).

## Budget

Tom Becker presented the 2026 budget of €4.2 million, up 12% on 2025. The board approved it unanimously.

## Actions

- Tom Becker: circulate the revised forecast by 20 March.
- Aisha Khan: share the audit summary with the board
- Li Wei: book the venue for the AGM on 14 May 2026.

## Risks

The supplier contract ends in June.
"""

STANDUP = """Weekly stand-up, 4 May 2026
Present: Priya, Omar, Jun.

Omar said the pump station tests passed on Friday.

Next steps:
1. Priya to order the spare valves from Hydrotec
   before the end of May.
2. Jun to update the maintenance plan.

The next stand-up is on 11 May.
"""


def test_what_a_question_asks_to_be_listed() -> None:
    assert asked_topic("What are the action items?") == {"action"}
    assert asked_topic("What were the next steps from the board meeting?") == {"next", "step"}
    assert asked_topic("List the open risks.") == {"risk"}
    assert asked_topic("What risks does the status report list?") == {"risk"}
    assert asked_topic("What decisions were made at the meeting?") == asked_topic("What are the decisions?")
    assert asked_topic("Who is the CFO?") is None
    from briefbot.answer.shape.sections import listed_items
    from briefbot.schema import Chunk, Passage

    text = "Root cause\n----------\nA pool setting.\n\nFollow-up actions\n-----------------\n- Set a timeout.\n- Add an alert.\n"
    found = listed_items("What are the follow-up actions?", [Passage(Chunk("pm.txt", 0, text, 1, 9, 0, len(text), 30, "p" * 64), 1.0)])
    assert found is not None and found.groups == [(0, ["Set a timeout.", "Add an alert."])]  # an underlined heading
    assert asked_topic("What were the reasons the launch moved to June?") is None  # a question, not a heading's name


@pytest.fixture()
def bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> Briefbot:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "board.md").write_text(BOARD, encoding="utf-8")
    (notes / "standup.txt").write_text(STANDUP, encoding="utf-8")
    b = Briefbot(load_settings(None, corpus="notes", generator="extractive"))
    b._embedder = embedder
    b.ingest()
    return b


def test_the_items_under_the_heading_are_the_answer_each_quoted_and_cited_at_their_lines(bot: Briefbot) -> None:
    a = bot.ask("What are the action items?")
    assert a.answered and a.text == (
        "Tom Becker: circulate the revised forecast by 20 March. Aisha Khan: share the audit summary with the board. "
        "Li Wei: book the venue for the AGM on 14 May 2026. [1]"
    )
    assert not a.unsupported and [(c.source, c.start_line, c.end_line) for c in a.citations] == [("notes/board.md", 11, 13)]
    assert a.citations[0].section == "Board meeting, 12 March 2026 > Actions"
    # A plain-text file's "Next steps:" line over a numbered list, an item wrapped under itself.
    a = bot.ask("Which next steps does the stand-up list?")
    assert a.answered and a.text == (
        "Priya to order the spare valves from Hydrotec before the end of May. Jun to update the maintenance plan. [1]")
    assert [(c.source, c.start_line, c.end_line) for c in a.citations] == [("notes/standup.txt", 7, 9)]


def test_a_heading_over_prose_or_no_such_heading_is_left_to_the_sentence_answerer(bot: Briefbot) -> None:
    # Prose under "## Risks": no list to quote; the sentence answerer decides (it declines: no sentence says "risk").
    a = bot.ask("What are the risks?")
    assert a.text == "The documents do not answer this question." and not a.answered
    a = bot.ask("Who is the CFO?")
    assert a.short_answer == "Tom Becker"


def test_cli_lists_the_items_in_json(bot: Briefbot, tmp_path: Path) -> None:
    out = run_cli("ask", "What actions were agreed at the board meeting?", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["answered"] and got["answer"].startswith("Tom Becker: circulate the revised forecast by 20 March.")
    assert [(c["source"], c["start_line"], c["end_line"]) for c in got["citations"]] == [("notes/board.md", 11, 13)]


def test_a_brief_does_not_quote_a_notes_header_line(bot: Briefbot) -> None:
    """ "Attendees: Maria Lopez (chair), ..." opened the corpus brief's point for the notes: who came, not what was said."""
    from briefbot.answer.brief.brief_units import is_prose

    assert not is_prose("Attendees: Maria Lopez (chair), Tom Becker (CFO), Aisha Khan (CTO), Li Wei (secretary).")
    assert not is_prose("Subject: Re: the revised forecast for the second quarter of the year.")
    assert is_prose("Tom Becker presented the 2026 budget of €4.2 million, up 12% on 2025.")
    for brief in (bot.brief(), bot.brief(source="notes/board.md")):
        assert brief.answered and "Attendees" not in brief.text and "Present:" not in brief.text
    assert "Tom Becker presented the 2026 budget of €4.2 million" in bot.brief(source="notes/board.md").text


def test_a_yes_no_question_reads_a_sentence_with_the_heading_it_sits_under(bot: Briefbot) -> None:
    """ "Was the budget approved?": "The board approved it unanimously." under "## Budget" (the chunk's own first heading
    is the document's title, so the heading must be the one above the sentence)."""
    a = bot.ask("Was the budget approved?")
    assert a.answered and a.short_answer == "Yes" and a.text.startswith("The board approved it unanimously.")
    assert [(c.start_line, c.end_line, c.section) for c in a.citations] == [(7, 7, "Board meeting, 12 March 2026 > Budget")]


def test_a_list_the_chunking_cut_goes_on_in_the_files_next_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    """A long list runs over two chunks (a postmortem's follow-up actions in bench/workplace.py lost their last one):
    the rest is read from the next chunk of the same file when it was retrieved, each part cited where it is."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    items = [f"{n}. {who} to {task} (due {n} March 2026)." for n, (who, task) in enumerate([
        ("Liam Gallagher", "set an explicit idle timeout of five minutes in the payments service"),
        ("Aisha Bello", "add an alert when database connections exceed eighty percent of the limit"),
        ("Stefan Brandt", "grow the staging environment to sixteen pods for load tests"),
        ("Nadia Kowalczyk", "update the payment failures runbook with database checks"),
        ("Omar Haddad", "review the rollback procedure with the platform team"),
    ], 1)]
    (tmp_path / "notes" / "postmortem.txt").write_text(
        "Checkout outage, 14 January 2026\n\nThe checkout failed for 47 minutes after a database change.\n\n"
        "Follow-up actions:\n" + "\n".join(items) + "\n", encoding="utf-8")
    bot = Briefbot(load_settings(None, corpus="notes", generator="extractive", chunk_tokens=60, chunk_overlap=10))
    bot._embedder = embedder
    bot.ingest()
    a = bot.ask("What are the follow-up actions?")
    said = [t.split(". ", 1)[1] for t in items]  # each item as written, without its number
    at = [a.text.find(t) for t in said]
    assert a.answered and -1 not in at and at == sorted(at), a.text  # every item, in order
    assert len(a.citations) >= 2 and a.citations[0].start_line == 6 and a.citations[-1].end_line == 10, a.citations


def test_a_brief_does_not_quote_procedure_courtesies_or_log_lines() -> None:
    """Found on workplace documents (bench/workplace.py): the corpus brief opened with "The Chair opened the meeting at
    09:32 and confirmed that a quorum was present." and "Thanks for the revised proposal on Friday.", a postmortem's
    brief with "20:44 All payments service pods are restarted"."""
    from briefbot.answer.brief.brief_units import is_prose

    for said in ("The Chair opened the meeting at 09:32 and confirmed that a quorum was present.",
                 "The minutes of the meeting held on 11 December 2025 were approved without amendment.",
                 "Thanks for the revised proposal on Friday.", "We've received apologies for absence from Julie Morgan.",
                 "20:44 All payments service pods are restarted; connections drop to 120.",
                 "Chair: Thank you for that answer, Minister.",
                 # bench/userbriefs (4 Dec): a chair's welcome, courtesies that open a notice or close a memo, a footnote
                 "The Chair welcomed trustees and noted that the meeting was quorate.",
                 "The Chair thanked the Director and staff for their hard work on the valuation and survey at short notice.",
                 "Many thanks to the support team, who set aside time in an already busy quarter to help with the interviews.",
                 "First, a thank-you: last month our community passed two million people backing up their files with us.",
                 "Hope everyone had a restful weekend, and congratulations again to the Bristol team on the Hallam pitch.",
                 "Apologies for the length of this memo, and thanks for reading to the end.",
                 # its second round: an apology, a mailing's boilerplate, a newsletter's sign-off
                 "Sorry we're a couple of minutes late, the previous meeting overran.",
                 "You are receiving this notice because you have a Lumenvault account.",
                 "This is a mandatory service announcement and is sent regardless of your marketing preferences.",
                 "Have a great week, everyone!",
                 "As always, send your news to loop@fernhill.example by Wednesday noon to make the next issue.",
                 "*Unaudited results for the three months ended 30 September 2026."):
        assert not is_prose(said), said
    for said in ("Thanks to the new filter, spam fell by a third in 2004.",
                 "The minutes of the meeting show how the chance of a coalition quickly evaporated.",
                 "The board approved the 18 additional contact centre roles in Newport.",
                 "The chairman of the club said the thanks of the fans meant a great deal to the players.",
                 "*Emphasis* at the start of a sentence is Markdown, not a footnote marker."):
        assert is_prose(said), said
