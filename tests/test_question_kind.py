"""Summary questions ("What did the group decide about the buttons?") get a topic brief from `ask`, not one sentence.

Real files, the real MiniLM embedder and chromadb, and the installed CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbot.answer.extract import question_kind
from briefbot.answer.extract.question_kind import asks_for_summary, names_a_topic, question_type

from .conftest import run_cli
from .test_briefing import MEETING, assert_one_cited_paragraph, bot_for, sentences

SUMMARY_QUESTIONS = [
    "Summarize the discussion about the functional design of the remote control.",
    "Please describe the semantic specification",
    "What did the group decide about the buttons?",
    "What did Marketing think of buttons when discussing the functional design of the remote control?",
    "How did Kirsty Williams feel about university mergers?",
    "What was the group's decision on the colour of the case?",
    "What were their thoughts about the budget?",
    "What was the debate about a particular fundraising campaign?",
    "What was discussed in the meeting?",
    "Summarize the meeting",
    "What did they discuss?",
    "What did the group decide?",
    "What did Giannini say?",
]
FACT_QUESTIONS = [
    "Who attended the Giannini meeting?",
    "When did the UNESCO-ICHEI delegation meet Stephania Giannini?",
    "Why did OPEC raise the price of oil to $5.11?",  # a reason is one sentence's job
    "What did Luther nail to the church door?",
    "What is the hypersensitive response of a plant immune system?",
    "What is thought to have happened to the y. pestis that caused the black death?",
    "Are Joe Walsh and Chester Bennington both guitarists?",
    "What does IIOE stand for?",
    "What does the word prime generally suggest?",  # a meaning, not what someone said
]


@pytest.mark.parametrize("question", SUMMARY_QUESTIONS)
def test_questions_about_what_was_said_or_decided_ask_for_a_summary(question: str) -> None:
    assert asks_for_summary(question)


@pytest.mark.parametrize("question", FACT_QUESTIONS)
def test_questions_for_one_fact_do_not(question: str) -> None:
    assert not asks_for_summary(question)


def test_a_summary_request_without_a_topic_is_told_apart() -> None:
    for q in ("Summarize the meeting", "Give me an overview of the documents", "What was discussed in the meeting?"):
        assert asks_for_summary(q) and not names_a_topic(q), q
    for q in ("What did they discuss?", "What did the group decide?"):
        assert asks_for_summary(q) and not names_a_topic(q), q
    for q in ("Summarize the Giannini meeting", "What was decided about the budget?", "What did Giannini say?"):
        assert asks_for_summary(q) and names_a_topic(q), q


@pytest.fixture()
def meeting(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "meeting.txt").write_text(MEETING)
    return tmp_path


def test_ask_answers_a_summary_question_with_a_cited_topic_brief(
    meeting: Path, embedder: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = bot_for(meeting, embedder)
    question = "What did the group decide about the buttons?"
    answer = bot.ask(question)
    assert answer.answered and answer.question == question
    assert_one_cited_paragraph(answer.text)
    said = sentences(answer.text)
    assert len(said) >= 2, answer.text  # what several turns said, each cited
    assert any("six rubber buttons" in s for s in said), answer.text
    assert sum("button" in s.lower() for s in said) >= 2, answer.text
    # The three turns about buttons (lines 7-9) are cited, and nothing outside them.
    assert min(c.start_line for c in answer.citations) == 7 and max(c.end_line for c in answer.citations) == 9
    # Before: the one-sentence answerer gave a single quote (or declined the spoken text outright).
    monkeypatch.setattr(question_kind, "asks_for_summary", lambda q: False)
    before = bot.ask(question)
    assert not before.answered or len(sentences(before.text)) == 1, before.text


def test_a_fact_question_on_the_same_meeting_is_still_one_sentence(meeting: Path, embedder: object) -> None:
    answer = bot_for(meeting, embedder).ask("What colour did the Industrial Designer suggest for the case?")
    assert answer.answered, answer.text
    assert len(sentences(answer.text)) == 1 and "bright yellow" in answer.text


def test_the_cli_json_of_a_summary_question_is_an_answer_not_a_brief(meeting: Path) -> None:
    done = run_cli("ask", "--json", "What did Marketing say about the survey?", cwd=meeting)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["question"] == "What did Marketing say about the survey?" and data["answered"]
    assert "scope" not in data and "survey" in sentences(data["answer"])[0]


def test_summarize_the_meeting_is_the_brief_of_what_is_indexed(meeting: Path, embedder: object) -> None:
    # Not "The documents say nothing about this topic.": "the meeting" names no topic, so it is the file's brief.
    bot = bot_for(meeting, embedder)
    answer = bot.ask("Summarize the meeting")
    assert answer.answered, answer.text
    assert_one_cited_paragraph(answer.text)
    assert answer.text == bot.brief().text and answer.question == "Summarize the meeting"
    # Before, "What did they discuss?" quoted one sentence ("She also indicated ..." on corpus/): now the same brief.
    assert bot.ask("What did they discuss?").text == answer.text


def test_ask_k_bounds_the_passages_a_summary_question_reads(meeting: Path, embedder: object) -> None:
    (meeting / "corpus" / "design-notes.txt").write_text(
        "Design notes after the meeting.\n\n"
        "The group decided that the buttons should glow in the dark so users can find them at night.\n"
        "The buttons will be arranged in a cross, the team decided, with the power button on top.\n"
    )
    bot = bot_for(meeting, embedder)
    question = "What did the group decide about the buttons?"
    wide = bot.ask(question)
    assert wide.answered and len({c.source for c in wide.citations}) == 2, wide.text  # both files say something
    narrow = bot.ask(question, k=1)
    assert narrow.answered, narrow.text
    assert len({(c.source, c.n) for c in narrow.citations}) == 1, narrow.text  # one passage read, one cited


def test_when_is_the_question_word_only_where_it_asks_a_time() -> None:
    """"What happens when ...?" asks no time; "When did the man who ...?" asks when, not who (the first kind word
    decides); "... since when?" and "When Tesla arrived?" ask a time."""
    assert question_type("What happens when bathocyroe and ocyropsis clap their lobes together?") == "other"
    assert question_type("When the three types of rock are re-melted what is formed?") == "other"
    assert question_type("When did the man who founded the firm die?") == "when"
    assert question_type("Where was the person who wrote it born?") == "where"
    assert question_type("The rocks have been in place since when?") == "when"
    assert question_type("When Tesla arrived?") == "when"
    assert question_type("Who was king when the war began?") == "who"
    assert question_type("What was the name of the man who built it?") == "who"
