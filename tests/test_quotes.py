"""Clean, verbatim quotes: no headings, title lines or table rows; citations name the quoted lines and their section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from .conftest import run_cli

from briefbot.answer.verify.cite import check_citations
from briefbot.answer.shape.quotes import locate_quotes, quotable, quotable_spans, same_section, section_at
from briefbot.schema import Chunk, Draft, Passage

LIGHTHOUSE = """# Skerry Lighthouse

The Skerry lighthouse stands on a granite rock off the north coast.
Its lamp was automated in 1987, after a century of keepers.

## Backup horn

A backup horn is kept in the engine room for fog.
It sounds twice every thirty seconds when the lamp is hidden.

## Keepers

| Keeper | Years |
|---|---|
| Ingrid Solberg | 1901-1931 |

The first keeper was Ingrid Solberg, who kept the light for thirty years.
- Visitors may climb the tower on Sundays.
"""
REPORT = """Harbour Board Annual Report
The harbour board met three years ago , only one member voted against the new pier.
The pier opened in the spring of 2021.
"""


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quotable_spans(text)]


def test_headings_title_lines_and_table_rows_are_not_quotable() -> None:
    sentences = quoted(LIGHTHOUSE)
    assert sentences[0] == "The Skerry lighthouse stands on a granite rock off the north coast."
    assert "A backup horn is kept in the engine room for fog." in sentences
    assert sentences[-1] == "Visitors may climb the tower on Sundays."  # the list bullet is not quoted
    assert not any("#" in s or "|" in s or "Backup horn\n" in s for s in sentences)
    assert quoted(REPORT)[0].startswith("The harbour board met")  # the title line above is dropped
    # A sentence that merely ends without a full stop is kept when it is not a title.
    assert quoted("the lamp is lit at dusk and put out at dawn") == ["the lamp is lit at dusk and put out at dawn"]


def test_a_table_row_is_quoted_as_cells_with_their_column_names() -> None:
    rows = [q for _, _, q in quotable(LIGHTHOUSE) if "Keeper" in q]
    assert rows == ["Keeper: Ingrid Solberg; Years: 1901-1931"]  # no pipes, no separator row, cells as written
    span = locate_quotes(LIGHTHOUSE, "Keeper: Ingrid Solberg; Years: 1901-1931")
    assert span is not None and LIGHTHOUSE[span[0] : span[1]] == "| Ingrid Solberg | 1901-1931 |"
    c = check_citations("q", Draft("Keeper: Ingrid Solberg; Years: 1901-1931 [1]", True, "extractive"), [_chunk(LIGHTHOUSE)]).citations[0]
    assert (c.start_line, c.end_line, c.section) == (15, 15, "Skerry Lighthouse > Keepers")


def test_quotes_are_found_back_and_placed_under_their_heading() -> None:
    span = locate_quotes(LIGHTHOUSE, "A backup horn is kept in the engine room for fog. It sounds twice every thirty seconds")
    assert span is not None and LIGHTHOUSE[span[0] :].startswith("A backup horn")
    assert locate_quotes(LIGHTHOUSE, "The horn is kept somewhere.") is None  # a paraphrase is not a quote
    assert section_at(LIGHTHOUSE, span[0], "Skerry Lighthouse") == "Skerry Lighthouse > Backup horn"
    assert section_at(LIGHTHOUSE, LIGHTHOUSE.index("The first keeper"), "Skerry Lighthouse") == "Skerry Lighthouse > Keepers"
    assert section_at(LIGHTHOUSE, 30, "Skerry Lighthouse") == "Skerry Lighthouse"
    assert same_section(LIGHTHOUSE, LIGHTHOUSE.index("A backup"), LIGHTHOUSE.index("It sounds"))
    assert not same_section(LIGHTHOUSE, LIGHTHOUSE.index("It sounds"), LIGHTHOUSE.index("The first keeper"))


def _chunk(text: str) -> Passage:
    return Passage(Chunk("lighthouse.md", 0, text, 1, text.count("\n"), 0, len(text), 90, "h" * 64, None, "Skerry Lighthouse"), 1.0)


def test_a_citation_narrows_to_the_quoted_lines_and_keeps_the_text_verbatim() -> None:
    p = _chunk(LIGHTHOUSE)
    answer = check_citations("q", Draft("A backup horn is kept in the engine room for fog. [1]", True, "extractive"), [p])
    c = answer.citations[0]
    assert (c.start_line, c.end_line, c.section) == (8, 8, "Skerry Lighthouse > Backup horn")
    assert c.location == "lighthouse.md:8-8" and c.text == "A backup horn is kept in the engine room for fog."
    # A paraphrase (an LLM's wording) cites the whole passage as before.
    para = check_citations("q", Draft("There is a horn for fog [1].", True, "m"), [p]).citations[0]
    assert (para.start_line, para.end_line, para.section) == (1, LIGHTHOUSE.count("\n"), "Skerry Lighthouse")
    # Issue 15 item 14: the space before a comma in the source stays where it is.
    r = _chunk(REPORT)
    text = "The harbour board met three years ago , only one member voted against the new pier. [1]"
    answer = check_citations("q", Draft(text, True, "extractive"), [r])
    assert "three years ago , only one" in answer.text
    assert (answer.citations[0].start_line, answer.citations[0].end_line) == (2, 2)


def test_the_sources_line_shows_the_quoted_sentence_of_a_long_line() -> None:
    """A paragraph written as one line: the citation is that line, and the Sources preview starts at the quote."""
    from rich.console import Console

    from briefbot.faces.render import render_answer

    line = " ".join(f"Filler sentence number {i} says nothing about trade." for i in range(8))
    said = '"We expect the deficit to widen in 2005," said the economist at IXIS.'
    p = _chunk(f"Trade report\n\n{line} {said}\n")
    answer = check_citations("q", Draft(f"{said} [1]", True, "extractive"), [p])
    [c] = answer.citations
    assert (c.start_line, c.end_line) == (3, 3) and c.text.startswith("Filler sentence number 0")
    assert c.text[c.quote_start :] == said  # the opening quotation mark belongs to the quote
    out = Console(width=400, record=True, color_system=None)
    render_answer(answer, out)
    shown = out.export_text()
    assert 'lighthouse.md:3-3  § Skerry Lighthouse  …"We expect the deficit to widen in 2005,"' in shown, shown
    assert "Filler sentence" not in shown.split("Sources", 1)[1]  # before: the line's first 160 characters


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("harbour")
    (root / "corpus").mkdir()
    (root / "corpus" / "lighthouse.md").write_text(LIGHTHOUSE, encoding="utf-8")
    (root / "corpus" / "report.txt").write_text(REPORT, encoding="utf-8")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def test_ask_quotes_the_sentence_cites_its_lines_and_section(harbour: Path) -> None:
    r = run_cli("ask", "Where is the backup horn kept?", "--json", "--no-refresh", cwd=harbour)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["answer"].startswith("A backup horn is kept in the engine room for fog.")
    assert "#" not in data["answer"] and "Keeper" not in data["answer"] and "Ingrid" not in data["answer"]
    assert data["short_answer"] == "the engine room"
    [c] = data["citations"]
    assert (c["source"], c["start_line"], c["section"]) == ("corpus/lighthouse.md", 8, "Skerry Lighthouse > Backup horn")
    assert c["end_line"] <= 9 and "#" not in c["text"]

    r = run_cli("ask", "How many members voted against the new pier?", "--no-refresh", cwd=harbour)
    assert r.returncode == 0, r.stderr
    first, second = r.stdout.splitlines()[:2]
    assert first == "one"  # the short answer first, then the quoted sentence as written
    assert second.startswith("The harbour board met three years ago , only one member voted")
    assert "Annual Report" not in r.stdout.split("Sources")[0]
    assert "corpus/report.txt:2-" in r.stdout


def test_a_headline_in_sentence_case_above_the_text_is_not_quotable() -> None:
    """A BBC file opens "Labour plans maternity pay rise" (only its first word capitalised), then the article:
    the answer quoted it glued to the first sentence. A short unpunctuated line of its own above more text is a
    title however it is capitalised; the same words as the whole text, or a list item, still count."""
    news = "Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise by £1,400, the minister said.\n"
    assert quoted(news) == ["Maternity pay for new mothers is to rise by £1,400, the minister said."]
    assert quoted("the lamp is lit at dusk and put out at dawn") == ["the lamp is lit at dusk and put out at dawn"]
    assert quoted("Intro line.\n\n- Lamp automated in 1972\n- Horn kept in the engine room\n")[-1] == "Horn kept in the engine room"


def test_a_title_is_a_line_of_its_own_not_a_wrapped_sentences_first_line() -> None:
    """Found on board minutes (bench/workplace.py): "The Common Equity Tier 1 (CET1) ratio" (mostly capitalised, the
    rest of a line the sentence began in) was cut off as a title; a heading left at a line's end in a paper's text
    ("See Appendix D.3. 4 EXPERIMENTS") still is."""
    from briefbot.answer.shape.quotes import quotable_spans

    t = ("Profit before tax was £11.4 million. The Common Equity Tier 1 (CET1) ratio\n"
         "closed the year at 15.8%, above the internal floor.")
    assert [t[s:e] for s, e in quotable_spans(t)][-1].startswith("The Common Equity Tier 1 (CET1) ratio\nclosed")
    t = "Proof. See Appendix D.3. 4 EXPERIMENTS\nBalanced initialization has theoretical advantages."
    assert [t[s:e] for s, e in quotable_spans(t)][-1] == "Balanced initialization has theoretical advantages."


def test_a_plain_text_heading_underlined_is_not_quoted() -> None:
    """Found on a postmortem (bench/workplace.py): "What went well\\n--------------" (a heading underlined with dashes,
    not capitalised enough to pass for a title) was quoted after the sentence above it."""
    from briefbot.answer.shape.quotes import quotable_spans

    t = ("- The runbook did not mention checking the database.\n\nWhat went well\n--------------\n"
         "- The automated alert fired within 7 minutes.\n")
    assert [t[s:e] for s, e in quotable_spans(t)] == [
        "The runbook did not mention checking the database.", "The automated alert fired within 7 minutes."]


def test_a_heading_that_ends_a_plain_text_chunk_is_not_quoted() -> None:
    # a plain-text chunk ended on the next section's heading, which was quoted as the answer to "Why was the go-live
    # date pushed back?"
    chunk = ("Corvane has accepted the defect and has committed to a fix in its April release.\n\n"
             "Revised go-live date")
    assert [chunk[a:b] for a, b in quotable_spans(chunk)] == [
        "Corvane has accepted the defect and has committed to a fix in its April release."]
    # a last sentence is still quoted, and the same line above text was never quoted
    tail = "The board met twice.\n\nThe next meeting is in May."
    assert [tail[a:b] for a, b in quotable_spans(tail)] == ["The board met twice.", "The next meeting is in May."]
    above = "Revised go-live date\n\nThe group agreed to move go-live to 3 November 2025."
    assert [above[a:b] for a, b in quotable_spans(above)] == ["The group agreed to move go-live to 3 November 2025."]


def test_a_signature_is_quoted_as_a_name_and_a_post() -> None:
    from briefbot.answer.shape.quotes import signatures

    text = "I will step down in September.\n\n**Margaret Osei**\nChair of Trustees\n\n---\n\nBest wishes,\n\nKaren Whitfield\nFinance Director\nGreyfield Consulting LLP"
    assert [q for _, _, q in signatures(text)] == ["Margaret Osei, Chair of Trustees", "Karen Whitfield, Finance Director"]
    assert [q for _, _, q in quotable(text)] == [
        "I will step down in September.", "Margaret Osei, Chair of Trustees", "Karen Whitfield, Finance Director"]
    span = locate_quotes(text, "Margaret Osei, Chair of Trustees")
    assert span is not None and text[span[0] : span[1]] == "**Margaret Osei**\nChair of Trustees"
    # a name line inside text, or a line under it that holds no post, is no signature
    assert signatures("The panel met.\nJohn Smith\nwent home early") == []
    assert signatures("Speakers\nJohn Smith\nChair of the panel") == []


def test_a_sentence_whose_first_line_is_one_word_goes_on_on_an_indented_line() -> None:
    # A manual's hanging indent: "This" alone ends a line and the sentence goes on, indented, in lower case.
    text = ("E07  NO WATER FLOW\n     Cause:  The pump is running but the flowmeter detects no water. This\n"
            "             almost always means that air has got in.\n")
    assert [q for _, _, q in quotable(text)][-1].split() == "This almost always means that air has got in.".split()


SLIDE = """## Q3 churn
- Churn rose to 4.1% from 3.2% in Q2
  - Small business accounts drove most of the rise
Finance team
Hiring freeze until January
| Region | Q2 | Q3 |
| Region: North | Q2: £1.2m | Q3: £1.4m |
### Speaker notes
Churn rose because prices rose. We expect it to fall.
"""


def test_a_slides_lines_are_points_however_they_read() -> None:
    """A deck (quotes.POINT_FORMATS) marks its titles: every other line is a point of its own, figures or not; the title,
    the notes' heading, the table's header and a label ("Finance team", an agenda's "Costs") stay unquoted. Elsewhere
    such lines still read as titles."""
    assert [q for _, _, q in quotable(SLIDE, points=True)] == [
        "Churn rose to 4.1% from 3.2% in Q2", "Small business accounts drove most of the rise",
        "Hiring freeze until January", "Region: North; Q2: £1.2m; Q3: £1.4m", "Churn rose because prices rose.", "We expect it to fall."]
    plain = [q for _, _, q in quotable(SLIDE)]
    assert "Churn rose to 4.1% from 3.2% in Q2" not in plain and "Churn rose because prices rose." in plain
    # A point quoted with the full stop it was written without is found back on its line.
    start, end = locate_quotes(SLIDE, "Churn rose to 4.1% from 3.2% in Q2.")
    assert SLIDE[start:end] == "Churn rose to 4.1% from 3.2% in Q2"
