"""Who spoke: a transcript turn's speaker, and the speakers a question names (answer/extract/speakers.py)."""

from __future__ import annotations

import pytest

from briefbot.answer.brief.brief_units import units_of
from briefbot.answer.extract.speakers import label_of, named, unnamed
from briefbot.schema import Chunk, Passage

AMI = ["Project Manager", "Industrial Designer", "Marketing", "User Interface"]
ICSI = ["Professor C", "Grad B", "Grad E", "PhD A"]
PARLIAMENT = ["Huw Irranca-Davies AM", "Hon. Navdeep Bains", "Right Hon. Justin Trudeau", "The Chair", "Kirsty Williams AM"]


def test_a_turn_opening_gives_its_speaker() -> None:
    assert label_of("Grad F: I think the proposal is fine .") == "Grad F"
    assert label_of("Huw Irranca-Davies AM: Thank you, Chair.") == "Huw Irranca-Davies AM"
    assert label_of("The plan was simple: build it.") is None  # a colon inside a sentence names nobody
    assert label_of("So now the user interface .") is None


@pytest.mark.parametrize(
    ("question", "labels", "expected"),
    [
        ("What did Industrial Designer say about the structure of the device?", AMI, {"Industrial Designer"}),
        ("Why did Industrial Design agree with the Marketing?", AMI, {"Industrial Designer", "Marketing"}),
        ("What did Marketing propose for the buttons?", AMI, {"Marketing"}),
        ("Summarize the discussion of the marketing strategy.", AMI, set()),  # a topic, not the speaker
        ("What did the project manager think about the budget?", AMI, {"Project Manager"}),
        ("What did C think about setting up the recording equipment?", ICSI, {"Professor C"}),
        ("What did the professor think about clustering?", ICSI, {"Professor C"}),
        ("What did PhD A think about the results?", ICSI, {"PhD A"}),
        ("A summary of the grad students' schedule", ICSI, set()),  # "A" opens it; two grads: no one is named
        ("What did Bains say about business loans?", PARLIAMENT, {"Hon. Navdeep Bains"}),
        ("How did Kirsty Williams respond to the doubt?", PARLIAMENT, {"Kirsty Williams AM"}),
        ("What did the Prime Minister say about students?", PARLIAMENT, set()),
    ],
)
def test_the_speakers_a_question_names(question: str, labels: list[str], expected: set[str]) -> None:
    assert named(question, labels) == expected


def test_the_question_without_its_speaker() -> None:
    assert unnamed("What did Industrial Design say about the case?", ["Industrial Designer"]) == "What did say about the case?"
    assert unnamed("What did C think about the setup?", ["Professor C"]) == "What did think about the setup?"


def passage(text: str, index: int, start: int) -> Passage:
    chunk = Chunk("meeting.txt", index, text, 1, text.count("\n") + 1, start, start + len(text), 50, "h" * 64)
    return Passage(chunk, 1.0)


def test_each_sentence_knows_whose_turn_it_is_in_across_chunks() -> None:
    first = ("Grad B: We tried the new microphones . They were much better .\nPhD A: Yes .\nGrad B: Good .\n"
             "PhD A: I agree with that . The noise ")
    second = "went down a lot . We should buy more of them .\nGrad B: Fine . Let us order ten ."
    units = units_of([passage(first, 0, 0), passage(second, 1, len(first))], whole_file=True)
    said = {u.text: u.speaker for u in units}
    assert said["They were much better ."] == "Grad B"
    assert said["We should buy more of them ."] == "PhD A"  # the turn began in the chunk before
    assert said["Let us order ten ."] == "Grad B"
    written = units_of([passage("The council met on Monday . Minutes: none were taken .", 0, 0)])
    assert all(u.speaker is None for u in written)  # not a transcript


def test_a_blank_line_ends_a_turn() -> None:
    # "Editor: ..." and "Author: ..." lines read as turns (two of them make a transcript; a header line such as
    # "Date: ..." does not count); the report below is no one's
    text = "Pier report\nEditor: Tom Reid\nAuthor: Jane Smith\n\nThe council decided to repair the pier . Work starts in May ."
    units = units_of([passage(text, 0, 0)], whole_file=True)
    said = {u.text: u.speaker for u in units}
    assert said["Author: Jane Smith"] == "Author"
    assert said["The council decided to repair the pier ."] is None
    assert said["Work starts in May ."] is None
