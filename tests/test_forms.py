"""A form's field asked for by its label ("Who owns this policy?" -> "Policy owner: ..."), answer/shape/forms.py."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.shape.forms import form_answer, keyed_row, off_field

from .test_briefing import bot_for

FORM = ["Version: 3.2 (supersedes 3.1 dated 14 June 2023)", "Policy owner: Priya Nandakumar, Head of Information Security",
        "Approved by: Management Committee, 11 February 2025", "Product name: AQ-400 Monitor", "Product owner: Fraser McAllister",
        "Next review: February 2026"]


def rows() -> list[Candidate]:
    return [Candidate(text, 0, 100 * k, row=True) for k, text in enumerate(FORM)]


def test_the_field_a_question_names() -> None:
    assert form_answer("Who owns this policy?", rows()) == (1, "Priya Nandakumar")  # "owns" names "owner"
    assert form_answer("Who approved the policy?", rows()) == (2, "Management Committee")  # who: the name, not its date
    assert form_answer("When is the policy next reviewed?", rows()) == (5, "February 2026")
    assert form_answer("Who is the product owner?", rows()) == (4, "Fraser McAllister")  # not "Product name"
    assert form_answer("What version of the policy is this?", rows())[0] == 0
    assert form_answer("Who signed off the policy?", rows()) is None  # no label named: left to the sentence choice
    assert form_answer("When is the policy next reviewed?", [Candidate(FORM[5], 0, 0)]) is None  # prose, not a row


def test_a_field_named_by_what_its_value_is_is_asked_for_by_that() -> None:
    grant = [Candidate("Grant reference: AF-2023-0417", 0, 0, row=True), Candidate("RMA number: RMA-2026-11872", 0, 50, row=True)]
    assert form_answer("What was the total underspend on the Ashgrove grant?", grant) is None  # no reference asked
    assert form_answer("What is the grant reference?", grant) == (0, "AF-2023-0417")
    assert form_answer("whats the RMA number for Dana's vaultbox", grant) == (1, "RMA-2026-11872")


def test_a_field_asked_for_in_other_words_or_not_at_all() -> None:
    offer = [Candidate("Salary: £38,750 per annum gross", 0, 0, row=True),
             Candidate("Closing date: 9:00am on Monday 18 January 2027", 0, 50, row=True),
             Candidate("Interviews: Wednesday 27 or Thursday 28 January 2027, in person at Wyecroft House", 0, 90, row=True)]
    assert form_answer("how much will i be paid in the project engineer job", offer) == (0, "£38,750 per annum gross")
    assert form_answer("When's the deadline to apply?", offer) == (1, "9:00am on Monday 18 January 2027")
    assert form_answer("When are the interviews for WRT-2027-04?", offer)[0] == 2
    assert form_answer("How many weeks of full sick pay does Brackwater give?", offer) is None  # a count, not the salary
    assert form_answer("What topic will the interview presentation be on?", offer) is None  # "interview" names another thing
    assert form_answer("What is the closing speech about?", offer) is None  # a label's word in another sense: no date asked


def test_a_forms_row_answers_only_a_question_about_its_field() -> None:
    cands = [Candidate("Organisation: Dunmore Community Trust (registered charity no. 1187426)", 0, 0, row=True),
             Candidate("Dates: Thursday 12 March - Friday 13 March 2026", 0, 80, row=True),
             Candidate("Policy owner: Priya Nandakumar", 0, 140, row=True),
             Candidate("Venue: Larkspur Hall", 0, 180)]  # (prose: never a field)
    assert off_field("Who chairs the board of trustees at Dunmore Community Trust?", cands, cands[0].text)
    assert not off_field("Which organisation ran the project?", cands, cands[0].text)
    assert not off_field("When is the Orrin offsite?", cands, cands[1].text)  # a "when" asks for the dates
    assert not off_field("What are the dates of the offsite?", cands, cands[1].text)
    assert off_field("Where is the Orrin offsite?", cands, cands[1].text)
    assert not off_field("Who owns the policy?", cands, cands[2].text)  # "owns" names "owner"
    assert not off_field("How do I get to Larkspur Hall?", cands, cands[3].text)


def test_a_form_row_answers_who_owns_it_over_prose_sharing_more_words(tmp_path: Path, embedder) -> None:
    from .test_formats import make_pdf

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "device-policy.md").write_text(
        "# Device policy\n\n| Policy owner | Priya Nandakumar, Head of Information Security |\n| Next review | February 2026 |\n\n"
        "A device owned by a User must be enrolled in the Firm's device management system before it is used for work.\n",
        encoding="utf-8")
    make_pdf(corpus / "travel.pdf", [["Travel policy", "Staff book all travel through the travel desk before departure."]])
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("Who owns the device policy?")
    assert answer.answered and answer.short_answer == "Priya Nandakumar"
    assert answer.text.startswith("Policy owner: Priya Nandakumar, Head of Information Security")


def test_a_table_row_asked_for_by_its_code() -> None:
    rows = [Candidate(text, 0, 100 * k, row=True) for k, text in enumerate([
        "Problem / code: E1; Possible cause: Humidity sensor failure; What to do: Unplug for 10 minutes.",
        "Problem / code: E2; Possible cause: Coil temperature sensor failure; What to do: Unplug for 10 minutes.",
        "#: M3; Milestone: All 40 stations installed; Due date: 31 August 2026"])]
    assert keyed_row("The display shows E2. What does that mean?", rows) == 1
    assert keyed_row("When is milestone M3 due?", rows) == 2
    assert keyed_row("What does E22 mean?", rows) is None and keyed_row("What is the humidity sensor for?", rows) is None
    assert keyed_row("The display shows E2.", [Candidate(rows[1].text, 0, 0)]) is None  # prose, not a row


def test_middle_dotted_items_are_read_one_by_one(tmp_path: Path, embedder) -> None:
    """A line of items set apart by middle dots says nothing as a whole: a "Jump to:" line of links was quoted for a
    question about an ingredient, a header line of fields for "Which Python versions ...?". Each item is read alone,
    a "Label: value" item as a form's field; a short item that is no field (a link's text) is never quoted."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "reference.md").write_text(
        "# Tollbeck API reference\n\n**API version:** 2026-09-01 · **Python client:** tollbeck 3.4.0 · "
        "**Last updated:** 18 November 2026\n\n**Jump to:** Brown butter banana bread · Chicken, leek & tarragon pie ·"
        " Smoky squash & red lentil stew · Comments\n\nThe API accepts JSON request bodies and returns JSON.\n",
        encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("When was the API reference last updated?")
    assert answer.answered and answer.short_answer == "18 November 2026"
    assert "·" not in answer.text and "Python client" not in answer.text
    answer = bot.ask("How much red lentils go in the squash stew?")
    assert "lentil stew" not in answer.text  # no link's text quoted (declined: the file has no amount)
