"""What a brief opens with: the main point, not a side remark (answer/brief/file_brief.py, answer/brief/corpus_brief.py).

Real files and the real MiniLM embedder; the CLI for the Quick start's own example.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefbot.answer.brief import corpus_brief
from briefbot.answer.brief.brief_units import keyword_cover, units_of
from briefbot.answer.brief import file_brief
from briefbot.answer.brief.file_brief import arrange

from .conftest import run_cli
from .test_briefing import assert_one_cited_paragraph, bot_for, chunk, sentences

MEETING_LEAD = "On September 6th, 2023, during UNESCO Digital Learning Week, the delegation of UNESCO-ICHEI had a meeting"


def test_the_quick_start_brief_opens_with_the_meeting_not_the_praise(project: Path) -> None:
    # The Quick start: `briefbot ingest corpus && briefbot brief` on the one news item in corpus/.
    assert run_cli("ingest", "corpus", cwd=project).returncode == 0
    result = run_cli("brief", "--no-refresh", cwd=project)
    assert result.returncode == 0, result.stderr
    paragraph = result.stdout.partition("\nSources\n")[0].strip()
    assert_one_cited_paragraph(paragraph)
    said = sentences(paragraph)
    assert said[0].startswith(MEETING_LEAD), said[0]
    assert any("Giannini highly appreciated" in s or "pivotal role" in s for s in said[1:])  # the praise follows
    assert len(said) == len(set(said))


def test_a_short_files_opening_sentence_leads_when_the_brief_quotes_it() -> None:
    units = units_of([chunk("The council met on Monday to approve the budget. Everyone praised the mayor warmly. "
                            "The budget funds two new schools in the north. The meeting ended at noon.")],
                     whole_file=True)
    assert arrange(units, [1, 2, 0], opening=0) == [0, 1, 2]  # the opening first, the rest in document order
    assert arrange(units, [1, 2, 3], opening=0) == [1, 2, 3]  # not quoted: the point chosen first leads
    assert arrange(units, [2, 1], opening=None) == [2, 1]


def test_an_example_does_not_open_a_brief() -> None:
    """A topic brief opened "For example, a gallon of cellulosic biofuel may be used ..." (the point it illustrates
    came later): an example leads only when every chosen sentence is one."""
    units = units_of([chunk("For example, a gallon of fuel may count toward three of the mandates at once. "
                            "The standard requires a minimum volume of cellulosic fuel every year. "
                            "For instance, a refiner may buy credits from another refiner.")], whole_file=True)
    assert arrange(units, [0, 1]) == [1, 0]
    assert arrange(units, [0, 2]) == [0, 2]  # nothing else to lead with


def test_keyword_cover_favours_the_sentence_naming_the_texts_recurring_subjects() -> None:
    units = units_of([chunk("The harbour authority of Bergen reported record cargo volumes at the harbour. "
                            "Everyone was very pleased with the excellent results. "
                            "Cargo volumes at Bergen harbour rose for the third year. "
                            "The harbour authority will dredge the Bergen channel.")], whole_file=True)
    cover = keyword_cover(units, range(len(units)))
    assert max(cover, key=lambda i: cover[i]) == 0 and cover[0] == 1.0
    assert cover[1] == 0.0  # praise that names nothing the text keeps returning to


NEWS = {
    "rail": [
        "The regional government opened a new high-speed rail line between {a} and {b} on Monday.",
        "Passengers said the trains were comfortable and the staff friendly.",
        "Officials called the day a proud moment for everyone involved.",
    ],
    "flood": [
        "Heavy rain flooded hundreds of homes in {a} and cut the road to {b} overnight.",
        "Residents said they had never seen anything like it in their lives.",
        "Volunteers brought tea and blankets to the people waiting outside.",
    ],
    "vote": [
        "Voters in {a} elected a new mayor on Sunday after a close race with the candidate from {b}.",
        "Supporters cheered late into the night at the party's headquarters.",
        "Both candidates thanked their teams for months of hard work.",
    ],
}
TOWNS = ["Arden", "Bexley", "Corby", "Dunmore", "Elgin", "Fenwick", "Garston", "Hexham", "Ilford", "Jarrow"]


def test_a_corpus_brief_quotes_each_groups_point_from_the_opening_of_its_most_central_file(
    tmp_path: Path, embedder: object
) -> None:
    # With OPENING_OF_CENTRAL_FILE off (the point: the most central sentence of the 3 chunks nearest the centre)
    # this brief missed the rail group and quoted two flood reports.
    assert corpus_brief.OPENING_OF_CENTRAL_FILE
    leads: set[str] = set()
    for topic, lines in NEWS.items():
        for n in range(5):
            a, b = TOWNS[n], TOWNS[-1 - n]
            text = [s.format(a=a, b=b) for s in lines]
            leads.add(text[0])
            (tmp_path / "corpus" / topic).mkdir(parents=True, exist_ok=True)
            (tmp_path / "corpus" / topic / f"{n}.txt").write_text(" ".join(text) + "\n")
    answer = bot_for(tmp_path, embedder).brief()
    assert_one_cited_paragraph(answer.text)
    said = sentences(answer.text)
    assert {c.source.split("/")[1] for c in answer.citations} == set(NEWS)  # one point per group
    assert all(s in leads for s in said), said  # each point is what happened, not the reactions to it
    assert not any(re.search(r"said|cheered|thanked|proud", s) for s in said)


def test_an_opening_that_is_not_among_the_best_points_does_not_lead(tmp_path: Path, embedder: object) -> None:
    # Quoted (the brief has room for it) but far from the point: a greeting is not a news lead.
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "update.txt").write_text(
        "Good morning and a warm welcome to everyone reading this short weekly note. "
        "The harbour authority reported record cargo volumes at Bergen harbour this year. "
        "Cargo volumes at Bergen harbour rose for the third year running, led by container traffic. "
        "The harbour authority will dredge the Bergen channel so larger cargo ships can dock.\n"
    )
    said = sentences(bot_for(tmp_path, embedder).brief(source="corpus/update.txt").text)
    assert any(s.startswith("Good morning") for s in said)  # quoted, so the rule had to choose
    assert not said[0].startswith("Good morning"), said


def test_a_report_brief_quotes_no_question_it_asks_but_a_meeting_brief_may(tmp_path: Path, embedder: object) -> None:
    """A report's rhetorical question is not a point it makes; in a transcript a question asked is what was said
    (on QMSum's meetings, leaving questions out cost ROUGE-1 .216 -> .208 and .243 -> .228: README, Briefs)."""
    from briefbot.answer.brief.brief_units import units_of

    from .test_briefing import chunk

    report = units_of([chunk("The fuel standard requires a minimum volume of biofuel every year. "
                             "What happens when, and if, the fuel standard achieves its purposes?")], whole_file=True)
    assert [u.prose for u in report] == [True, False]
    meeting = units_of([chunk("Project Manager: We need a price for the remote control today.\n"
                              "Marketing: Should we sell it for twenty five euros or for thirty?\n"
                              "Project Manager: Twenty five euros, I think, is what finance proposed.")], whole_file=True)
    assert all(u.prose for u in meeting)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "rfs.txt").write_text(
        "The fuel standard requires transport fuels to contain a minimum volume of biofuel every year. "
        "Most fuel categories have missed the statutory volume targets since the standard began. "
        "What happens when, and if, the fuel standard achieves its purposes? "
        "Congress may amend the fuel standard or repeal it before its volume targets end.\n"
    )
    said = sentences(bot_for(tmp_path, embedder).brief(source="corpus/rfs.txt", words=60).text)
    assert said and not any(s.startswith("What happens") for s in said), said


def test_a_minutes_brief_leads_with_what_was_decided(tmp_path: Path, embedder: object) -> None:
    """Minutes' "## Decisions" list is their main point wherever it stands (here last, after the discussion): the
    brief opens with the decisions, in their order, then the rest in the document's."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "board-minutes.md").write_text(
        "# Board of Directors: minutes, 22 January 2026\n\n"
        "## Finance\n\nThe finance director presented the unaudited results for the year. Net interest income rose to "
        "48.6 million pounds, up 7.2% on the prior year. Deposit balances grew by 212 million pounds, driven by the "
        "new fixed-term saver account.\n\n"
        "## Hiring\n\nThe chief executive reported that headcount stood at 412 full-time staff at year end. Call "
        "waiting times at the Newport contact centre reached almost seven minutes in December.\n\n"
        "## Decisions\n\n1. The 2026 budget was approved.\n2. The board approved 18 additional contact centre roles "
        "in Newport.\n3. The proposed dividend was deferred until the audited accounts are signed.\n\n"
        "## Action items\n\n- Priya Raman: circulate a downside budget scenario by 13 February.\n"
    )
    said = sentences(bot_for(tmp_path, embedder).brief(source="corpus/board-minutes.md").text)
    assert said[:3] == ["The 2026 budget was approved.", "The board approved 18 additional contact centre roles in Newport.",
                        "The proposed dividend was deferred until the audited accounts are signed."], said
    assert len(said) > 3  # the discussion follows


MEMO = (
    "# Memo: why small-business customers are leaving\n\n"
    "## Background\n\n"
    "In July the leadership team asked the analytics group to look into the rise in cancellations on the small "
    "business plan. This memo reports what the group found after three months of work on billing records and "
    "customer interviews.\n\n"
    "## {heading}\n\n"
    "Most of the rise in cancellations comes from one change: the April price rise pushed one-person accounts onto a "
    "plan that costs more than they think it is worth. We recommend a cheaper single-user tier before the January "
    "renewals.\n\n"
    "## Method\n\n"
    "The analysts compared monthly cancellations by account size, tenure, industry, region and sales channel. They "
    "interviewed thirty former customers by phone over six weeks in August and September. The survey went to two "
    "thousand accounts and had a response rate of eleven percent.\n"
)


def test_a_short_files_own_summary_leads_its_brief(tmp_path: Path, embedder: object) -> None:
    """bench/userbriefs: a memo's "Bottom line" after its "Background" is its point; the brief opened with the
    background. A results release whose opening paragraph sits above its "Highlights" keeps that lede first."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "memo.md").write_text(MEMO.format(heading="Bottom line"))
    (tmp_path / "corpus" / "other.md").write_text(MEMO.format(heading="Next steps"))
    (tmp_path / "corpus" / "results.md").write_text(
        "# Quillon Outdoor Group: third quarter results\n\n"
        "Quillon Outdoor Group's revenue grew 14% to 186 million pounds in the third quarter, but operating profit fell "
        "9% as freight costs rose. Online sales were the main driver of growth, rising 31% year on year.\n\n"
        "## Highlights\n\n"
        "- Online share of revenue reached 42%, up from 37% a year ago.\n"
        "- Gross margin fell two percentage points to 46.8%.\n\n"
        "## Outlook\n\nThe company raised its full-year revenue guidance and kept its profit guidance unchanged. Winter "
        "stock is selling through faster than last year in the stores and online.\n"
    )
    bot = bot_for(tmp_path, embedder)
    said = sentences(bot.brief(source="corpus/memo.md").text)  # the bottom line, its recommendation first (a cue)
    assert said[0].startswith(("Most of the rise in cancellations comes from one change", "We recommend a cheaper")), said
    assert any(s.startswith("Most of the rise in cancellations") for s in said[:2]), said
    said = sentences(bot.brief(source="corpus/other.md").text)  # "Next steps" is no summary: the usual choice
    assert not said[0].startswith("Most of the rise"), said
    (tmp_path / "corpus" / "glance.txt").write_text(  # a BBC article whose title names a summary: no section of it
        "At a glance: Tory health checks\n\nThe opposition has unveiled plans for health checks for immigrants. People "
        "coming to live and work in Britain from outside the EU would have a chest x-ray.\n"
    )
    for name, leads in (("memo.md", True), ("results.md", False), ("glance.txt", False)):  # results: a lede above
        text = (tmp_path / "corpus" / name).read_text()
        units = units_of([chunk(text, name)], whole_file=True)
        prose = [i for i, u in enumerate(units) if u.prose]
        section = file_brief._leading_section(units, prose, sum(units[i].words for i in prose))
        assert bool(section) == leads, (name, section)


def test_a_corpus_brief_takes_each_groups_point_from_its_central_files_brief(tmp_path: Path, embedder: object) -> None:
    """bench/userbriefs: the whole-folder brief quoted "First, a thank-you: ..." and "Hope everyone had a restful
    weekend ..." (the first sentences of their groups' central files); a group's point is now the sentence that file's
    own brief leads with."""
    topics = {
        "storage": ("The weather was lovely in {a} for the first days of spring, and the office windows were open at last.",
                    "From 1 May the free plan will include 5 GB of storage in {a} instead of 15 GB, and a new paid plan "
                    "with 200 GB of storage will cost two pounds a month.",
                    "Customers with more than 5 GB of storage keep every file but cannot upload new files until they "
                    "upgrade the plan.", "The paid plan adds version history and shared folders to the storage."),
        "offsite": ("Sorry for the slow reply about {a}, the last week has been a blur of deadlines and school runs.",
                    "The team offsite will be held at Ashdown Hall near {a} on 17 and 18 September for about 85 people.",
                    "Ashdown Hall charges 38,400 pounds for rooms, meals and meeting space at the offsite.",
                    "Rooms for 25 offsite guests are booked at a partner hotel ten minutes away by shuttle."),
        "lido": ("Dorothy still remembers the exact shade of blue of the water in {a} on a summer day in 1958.",
                 "The {a} lido will reopen to the public on 6 June after a restoration costing 2.3 million pounds.",
                 "The lido restoration was paid for by a heritage grant, the council and the Friends of the lido.",
                 "Early-morning lane swimming at the lido will run from 6:30 on weekdays."),
    }
    points = set()
    for topic, lines in topics.items():
        for n in range(5):
            text = [s.format(a=TOWNS[n]) for s in lines]
            points.add(text[1])
            (tmp_path / "corpus" / topic).mkdir(parents=True, exist_ok=True)
            (tmp_path / "corpus" / topic / f"{n}.txt").write_text("\n\n".join(text) + "\n")
    answer = bot_for(tmp_path, embedder).brief()
    said = sentences(answer.text)
    assert {c.source.split("/")[1] for c in answer.citations} == set(topics), answer.text
    assert all(s in points for s in said), said  # each group's point, not the weather or an apology


def test_what_was_decided_counts_for_more_in_a_brief(tmp_path: Path, embedder: object) -> None:
    """bench/userbriefs: minutes whose decision sits in the discussion ("After discussion, the board approved ...")
    opened with "The Director will confirm the terms in writing"; a meeting's "Then we're agreed: ..." was not quoted.
    A decision scores file_brief.DECISION more (fitted, README) and, when no news lede opens the brief, leads it.
    A participle is no decision ("The budget approved in January is ...": what an earlier meeting decided)."""
    from briefbot.answer.brief.brief_units import decided_here, decides

    assert decides("After discussion, the board approved the purchase of 12 Calloway Street.")
    assert decides("Priya Natarajan: Then we're agreed: iOS launches on the 3rd of March as planned.")
    assert decides("We'll go with Ashdown Hall on 17-18 September for the autumn offsite.")
    assert not decides("The Director will confirm the terms in writing by 15 December.")
    assert not decides("The budget approved in January is £42,000 including travel, so both options fit.")
    # Only a decision the document's people took leads a brief; news reports others' (BBC: a lead went to "By the time
    # he was 40, Lee had decided he was too old for the comic game.")
    assert decided_here("After discussion, the board approved the purchase of 12 Calloway Street.")
    assert decided_here("It was unanimously agreed to defer the dividend.")
    assert decides("By the time he was 40, Lee had decided he was too old for the comic game.")
    assert not decided_here("By the time he was 40, Lee had decided he was too old for the comic game.")
    assert decided_here("ANNA: Then let's do it: we'll go ahead with the ninety-day pilot for twenty-five seats.")
    assert decided_here("[09:16] Maya Chen: Decision: v4.2 ships on Thursday 3 December behind a feature flag.")
    assert file_brief.DECISION > 0
    shipped = Path(__file__).resolve().parents[1] / "bench" / "userbriefs"
    (tmp_path / "corpus").mkdir()
    for name in ("board_minutes_nov2026.txt", "launch_meeting_transcript.vtt"):
        (tmp_path / "corpus" / name).write_bytes((shipped / name).read_bytes())
    bot = bot_for(tmp_path, embedder)
    said = sentences(bot.brief(source="corpus/board_minutes_nov2026.txt").text)
    assert said[0].startswith("After discussion, the board approved the purchase of 12 Calloway Street"), said
    said = sentences(bot.brief(source="corpus/launch_meeting_transcript.vtt").text)  # no lede: the decision leads
    assert said[0].startswith("Priya Natarajan: Then we're agreed: iOS launches on the 3rd of March"), said
    chat = Path(__file__).resolve().parents[1] / "bench" / "userbriefs2" / "chat-mobile-release.txt"
    (tmp_path / "corpus" / chat.name).write_bytes(chat.read_bytes())
    bot.ingest()
    answer = bot.brief(source=f"corpus/{chat.name}")  # a chat export: each message a turn, the decision first
    assert_one_cited_paragraph(answer.text)
    said = sentences(answer.text)
    assert said[0].startswith("[09:16] Maya Chen: Decision: v4.2 ships on Thursday 3 December"), said
    assert not any("[09:0" in s[1:] or "[09:1" in s[1:] for s in said), said  # no message runs into the next


def test_a_sentence_that_says_it_is_the_point_leads_a_files_brief(tmp_path: Path, embedder: object) -> None:
    """bench/userbriefs2: a school letter opened with "As many of you know, the governors have spent this term looking at
    the timing of the school day." and gave "I am therefore writing to let you know that ..." second; a quoted "The
    bottom line is ..." in news is nobody's statement of the point."""
    from briefbot.answer.brief.brief_units import states_the_point

    assert states_the_point("I am therefore writing to let you know that from Monday the school day will start at 8:30am.")
    assert states_the_point("We introduce CLARA, a retrieval method that splits statutes into clause-level units.")
    assert states_the_point("The headline this quarter: we have signed a term sheet for a £7.5m Series A.")
    assert not states_the_point("The bottom line is they were just better than us this weekend.")
    assert file_brief.CUE > 0 and file_brief.CUE_LEADS
    letter = Path(__file__).resolve().parents[1] / "bench" / "userbriefs2" / "school-letter-start-time.txt"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / letter.name).write_bytes(letter.read_bytes())
    said = sentences(bot_for(tmp_path, embedder).brief(source=f"corpus/{letter.name}").text)
    assert said[0].startswith("I am therefore writing to let you know that from Monday 4 January 2027"), said
