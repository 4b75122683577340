"""PDFs as printed: running headers and footers left out, a sentence read whole across a page break, short lines
(titles, unbulleted items) not run into the text below them, rates said with what they are per."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.answer.shape.shaping import short_answer
from briefbot.ingest.chunking import chunk_document
from briefbot.ingest.formats import load_pdf
from briefbot.ingest.pdf_pages import runs_on, tidy_pages
from briefbot.settings import load_settings
from briefbot.text.sentences import paragraphs

from .test_formats import make_pdf

HEADER = "Kestrel Port Authority - Harbour Report 2026"
PROSE = [
    "The port handled more container traffic this year than in any year since it was founded, and",
    "the board expects the growth to continue while the new quay is built on the northern shore of",
    "the estuary, where the dredging contract was signed in the spring after a long public inquiry.",
]


def harbour_pdf(path: Path) -> Path:
    pages = [
        [HEADER, "Highlights", "Cargo volume rose to 4.1 million tonnes", "Chair's Statement", *PROSE,
         "After two winters of storm damage the harbour master decided that the new breakwater will",
         "Page 1 of 3"],
        [HEADER, "be finished by March 2027 at a cost of 4.2 million pounds, paid from the reserve fund.",
         *(line.replace("port", "harbour").replace(" the ", " a ") for line in PROSE),
         "Pilots are on call at all hours for vessels longer than ninety metres.", "Page 2 of 3"],
        [HEADER, *(line.replace("port", "dock").replace(" the ", " its ") for line in PROSE),
         "Mooring fees stay at 25 pounds per metre per night for visiting yachts.", "Page 3 of 3"],
    ]
    return make_pdf(path, pages)


def test_running_lines_left_out_and_ligatures_spelled_out() -> None:
    pages = ["Report 2026\nThe oﬃce ﬁled it.\nPage 1 of 3", "Report 2026\nMore text here.\nPage 2 of 3",
             "Report 2026\nPage 3 of 3 is the last page of the report, said the clerk.\nPage 3 of 3"]
    assert tidy_pages(pages) == (["The office filed it.", "More text here.",
                                  "Page 3 of 3 is the last page of the report, said the clerk."], [1, 1, 1])
    assert tidy_pages(["Only one page\nPage 1 of 1"]) == (["Only one page\nPage 1 of 1"], [0])  # nothing to compare with
    assert runs_on("A sentence that will", "go on here.") and not runs_on("A sentence ends.", "next one starts")
    assert not runs_on("Revenue table\nYear Amount", "Chair's Statement")


def test_a_sentence_across_a_page_break_is_read_whole_and_cited_at_its_page(tmp_path: Path) -> None:
    doc = load_pdf(harbour_pdf(tmp_path / "harbour-report-2026.pdf"), "harbour-report-2026.pdf")
    assert HEADER not in doc.text and "Page 2 of 3" not in doc.text
    chunks = chunk_document(doc, max_tokens=200, overlap=0)
    whole = [c for c in chunks if "breakwater will\nbe finished by March 2027" in c.text]
    assert len(whole) == 1 and whole[0].page == 1
    second = min((c for c in chunks if c.page == 2), key=lambda c: c.start_char)
    # Line 1 of page 2 is its running header, line 2 went with page 1's sentence.
    assert second.text.startswith("The harbour handled") and second.start_line == 3


def test_pdf_answers_quote_the_whole_sentence_without_headers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    harbour_pdf(tmp_path / "docs" / "harbour-report-2026.pdf")
    bot = Briefbot(load_settings(None, corpus="docs", generator="extractive"))
    bot._embedder = embedder
    bot.ingest()
    a = bot.ask("When will the new breakwater be finished?")
    assert a.answered and "the new breakwater will be finished by March 2027" in a.text, a.text
    assert a.citations[0].page == 1 and HEADER not in a.text and "Page" not in a.text
    a = bot.ask("When are pilots on call?")  # page 2: its header (line 1), page 1's sentence's end (2), prose (3-5)
    assert a.answered and (a.citations[0].page, a.citations[0].start_line, a.citations[0].end_line) == (2, 6, 6), a.citations
    a = bot.ask("What are the mooring fees for visiting yachts?")
    assert a.answered and a.short_answer == "25 pounds per metre per night", a.short_answer
    assert a.citations[0].page == 3


def test_a_short_line_in_wrapped_text_ends_where_its_writer_ended_it() -> None:
    text = "\n".join(["Cargo volume rose to 4.1 million tonnes", "Chair's Statement", *PROSE,
                      "Pilots are on call at all hours.", "Dear shareholders,", "It is a privilege to write."])
    got = [text[s:e] for s, e in paragraphs(text)]
    assert got[:3] == ["Cargo volume rose to 4.1 million tonnes", "Chair's Statement", "\n".join(PROSE)]
    assert got[-1] == "Dear shareholders,\nIt is a privilege to write."  # a comma: the line goes on
    # Hard-wrapped prose whose next line starts with a name is not cut there (its lines are long).
    prose = "\n".join(PROSE[:2] + ["the estuary. The board thanked the crews who kept the port open during the storms of",
                                   "January and February, when staff of the Kestrel Port Authority worked double shifts",
                                   "Kestrel Port Authority pilots included, for eleven days without a single accident."])
    assert len(paragraphs(prose)) == 1


def test_rates_are_said_with_what_they_are_per() -> None:
    assert short_answer("How much is the monthly allowance?", ["Staff receive an allowance of £25 per month,\npaid through payroll."], "number") == "£25 per month"
    assert short_answer("How much loan repayment per nurse should states fund?", ["States should fund up to $15,000 per nurse over three years."], "number") == "$15,000 per nurse"


def test_a_sentence_running_over_two_page_breaks_loses_no_text() -> None:
    """A page that is all one unfinished sentence: what is carried back never reaches past the next page, and every
    word of the document is still in a chunk."""
    from briefbot.schema import Document

    pages = ["The survey covered every harbour on the coast and it found that the\n",
             "older quays were in poor repair, that the newer ones were not, and that\n",
             "the board should repair the old quays first. Dredging comes next.\n\n"]
    doc = Document.from_text("survey.pdf", "".join(pages))
    doc = Document(doc.source, doc.text, doc.line_starts, page_starts=(0, len(pages[0]), len(pages[0]) + len(pages[1])))
    chunks = chunk_document(doc, max_tokens=200, overlap=0)
    said = " ".join(" ".join(c.text.split()) for c in chunks)
    for word in " ".join(pages).split():
        assert word in said.split()
    assert chunks[0].page == 1 and "repair the old quays first." in chunks[0].text


def test_a_capitalised_first_line_that_goes_on_in_lower_case_is_no_title() -> None:
    from briefbot.answer.shape.quotes import quotable_spans

    text = ("Methods\nBetween January and May 2025 we surveyed every\nregistered nurse employed at fourteen hospitals.\n"
            "30-Pint Portable Dehumidifier — Owner's Manual — Models DH-30 and DH-30P (with\nbuilt-in pump)\n"
            "Thank you for choosing Aerolith.")
    got = [text[s:e] for s, e in quotable_spans(text)]
    assert got == ["Between January and May 2025 we surveyed every\nregistered nurse employed at fourteen hospitals.",
                   "Thank you for choosing Aerolith."], got


def test_pages_that_are_all_alike_keep_their_text(tmp_path: Path) -> None:
    """Three copies of one form: every line recurs on every page, yet each page is text, not a running header."""
    doc = load_pdf(make_pdf(tmp_path / "forms.pdf", [["Certificate of attendance", "Awarded to the bearer."]] * 3), "forms.pdf")
    assert doc.text.count("Awarded to the bearer.") == 3 and doc.page_shifts is None
