"""PowerPoint decks (ingest/slides.py): each slide a page numbered as PowerPoint numbers it, its text in reading order,
tables as rows, speaker notes; answered from, briefed and cited by slide; bad files skipped with one line."""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefbot.api import Briefbot
from briefbot.errors import LoadError
from briefbot.ingest.slides import load_pptx
from briefbot.settings import load_settings

from .conftest import run_cli

NOTES = ("Churn rose mainly because the March price increase hit small business customers hardest. "
         "We expect it to fall back once the loyalty discount starts in November.")


def review_deck(path: Path) -> Path:
    """A quarterly review: title slide, two-level bullets with notes, a table, a hidden slide, an untitled slide of text
    boxes (two columns, a group), next steps with notes."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])  # 1
    s.shapes.title.text = "Q3 Review"
    s.placeholders[1].text_frame.text = "Finance team"
    s.placeholders[1].text_frame.add_paragraph().text = "12 October 2025"

    s = prs.slides.add_slide(prs.slide_layouts[1])  # 2
    s.shapes.title.text = "Q3 churn"
    tf = s.placeholders[1].text_frame
    tf.text = "Churn rose to 4.1% from 3.2% in Q2"
    sub = tf.add_paragraph()
    sub.text, sub.level = "Small business accounts drove most of the rise", 1
    tf.add_paragraph().text = "Enterprise churn held flat at 1.0%"
    s.notes_slide.notes_text_frame.text = NOTES

    s = prs.slides.add_slide(prs.slide_layouts[5])  # 3
    s.shapes.title.text = "Revenue by region"
    table = s.shapes.add_table(3, 3, Inches(1), Inches(2), Inches(6), Inches(1.5)).table
    for r, row in enumerate([["Region", "Q2", "Q3"], ["North", "£1.2m", "£1.4m"], ["South", "£0.9m", "£0.8m"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value

    s = prs.slides.add_slide(prs.slide_layouts[1])  # 4: hidden
    s.shapes.title.text = "Draft bonus figures"
    s.placeholders[1].text_frame.text = "Bonus pool of £900,000 for the sales team"
    s.element.set("show", "0")

    s = prs.slides.add_slide(prs.slide_layouts[6])  # 5: no title; two columns (the right one a little higher), a group
    s.shapes.add_textbox(Inches(5), Inches(1), Inches(4), Inches(1)).text_frame.text = "Office move to Leeds in spring"
    s.shapes.add_textbox(Inches(0.5), Inches(1.05), Inches(4), Inches(1)).text_frame.text = "Hiring freeze until January"
    group = s.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(0.5), Inches(4), Inches(4), Inches(1)).text_frame.text = "Laptop refresh delayed to Q1"
    group.shapes.add_textbox(Inches(0.5), Inches(3), Inches(4), Inches(1)).text_frame.text = "Travel budget cut by a fifth"

    s = prs.slides.add_slide(prs.slide_layouts[1])  # 6
    s.shapes.title.text = "Next steps"
    tf = s.placeholders[1].text_frame
    tf.text = "Launch the loyalty discount in November"
    tf.add_paragraph().text = "Review pricing for the small business tier"
    tf.add_paragraph().text = "Report churn monthly to the board"
    s.notes_slide.notes_text_frame.text = "The board asked for a monthly churn report starting in December."
    prs.save(str(path))
    return path


def slide_text(doc, number: int) -> str:
    starts = [*doc.page_starts, len(doc.text)]
    return doc.text[starts[number - 1] : starts[number]].strip("\n")


def test_each_slide_is_a_page_in_reading_order_with_rows_and_notes(tmp_path: Path) -> None:
    doc = load_pptx(review_deck(tmp_path / "review.pptx"), "review.pptx")
    assert len(doc.page_starts) == 6  # the hidden slide keeps its place: slide 5 is still slide 5
    assert slide_text(doc, 1) == "## Q3 Review\nFinance team\n12 October 2025"
    assert slide_text(doc, 2) == (
        "## Q3 churn\n- Churn rose to 4.1% from 3.2% in Q2\n  - Small business accounts drove most of the rise\n"
        f"- Enterprise churn held flat at 1.0%\n### Speaker notes\n{NOTES}")
    assert slide_text(doc, 3) == ("## Revenue by region\n| Region | Q2 | Q3 |\n| Region: North | Q2: £1.2m | Q3: £1.4m |\n"
                                  "| Region: South | Q2: £0.9m | Q3: £0.8m |")
    assert slide_text(doc, 4) == "" and "900,000" not in doc.text
    # A row of shapes left to right (tops 0.05 inch apart), then the group's shapes top to bottom.
    assert slide_text(doc, 5) == ("Hiring freeze until January\nOffice move to Leeds in spring\n"
                                  "Travel budget cut by a fifth\nLaptop refresh delayed to Q1")
    assert {doc.text[at:].split("\n", 1)[0]: name for at, name in doc.sections} == {
        "## Q3 Review": "Q3 Review", "## Q3 churn": "Q3 Review > Q3 churn",
        "## Revenue by region": "Q3 Review > Revenue by region", "Hiring freeze until January": "Q3 Review > Slide 5",
        "## Next steps": "Q3 Review > Next steps"}


def test_numbers_line_breaks_charts_and_what_is_left_out(tmp_path: Path) -> None:
    """Auto-numbers as drawn, a body paragraph without a bullet, a line break, a chart's title, an empty slide's page;
    no footer; the deck's title from the file's Title property when the first slide has none."""
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    prs = Presentation()
    prs.core_properties.title = "Supplier day"
    s = prs.slides.add_slide(prs.slide_layouts[6])
    s.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(2)).text_frame.text = "Welcome to the supplier day\vDoors open at nine"
    footer = next(p for p in prs.slide_layouts[6].placeholders if p.placeholder_format.type.name == "FOOTER")
    s.shapes._spTree.append(copy.deepcopy(footer.element))
    s.placeholders[11].text_frame.text = "Confidential - Fennick Ltd"
    s = prs.slides.add_slide(prs.slide_layouts[1])
    s.shapes.title.text = "Agenda"
    tf = s.placeholders[1].text_frame
    tf.text = "Opening remarks"
    for text in ("Tender timeline", "Questions"):
        p = tf.add_paragraph()
        p.text = text
        etree.SubElement(p._p.get_or_add_pPr(), qn("a:buAutoNum"), type="alphaLcParenR")
    p = tf.add_paragraph()
    p.text = "Lunch is provided"
    etree.SubElement(p._p.get_or_add_pPr(), qn("a:buNone"))
    prs.slides.add_slide(prs.slide_layouts[6])  # empty
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Volumes"
    data = CategoryChartData()
    data.categories = ["2024", "2025"]
    data.add_series("Pallets", (120, 180))
    chart = s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Pallets shipped per year"
    prs.save(str(tmp_path / "day.pptx"))

    doc = load_pptx(tmp_path / "day.pptx", "day.pptx")
    assert [slide_text(doc, n) for n in range(1, 5)] == [
        "Welcome to the supplier day\nDoors open at nine",
        "## Agenda\n- Opening remarks\na) Tender timeline\nb) Questions\nLunch is provided",
        "",
        "## Volumes\nPallets shipped per year",
    ]
    assert [name for _, name in doc.sections] == ["Supplier day > Slide 1", "Supplier day > Agenda", "Supplier day > Volumes"]


@pytest.fixture(scope="module")
def deck_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:
    root = tmp_path_factory.mktemp("deck")
    (root / "corpus").mkdir()
    review_deck(root / "corpus" / "review.pptx")
    bot = Briefbot(load_settings(index=root / ".briefbot", corpus=[root / "corpus"], generator="extractive"))
    bot._embedder = embedder  # type: ignore[assignment]
    bot.ingest()
    return bot


def test_an_answer_quotes_the_bullet_and_cites_its_slide(deck_bot: Briefbot) -> None:
    a = deck_bot.ask("What was churn in Q3?")
    assert a.answered
    assert a.text.startswith("Churn rose to 4.1% from 3.2% in Q2.")  # a point, quoted with a full stop
    assert a.citations[0].location.startswith("corpus/review.pptx slide 2:2-")
    assert a.citations[0].section == "Q3 Review > Q3 churn"

    a = deck_bot.ask("When does the hiring freeze end?")  # a text box's line on a slide without a title
    assert "Hiring freeze until January. [1]" in a.text
    assert a.citations[0].location == "corpus/review.pptx slide 5:1-1"

    a = deck_bot.ask("What was revenue in the North in Q3?")
    assert "Region: North; Q2: £1.2m; Q3: £1.4m [1]" in a.text
    assert a.citations[0].location == "corpus/review.pptx slide 3:3-3"


def test_the_speaker_notes_answer_what_the_presenter_said(deck_bot: Briefbot) -> None:
    a = deck_bot.ask("What did the presenter say about the March price increase?")
    assert a.text.startswith("Churn rose mainly because the March price increase hit small business customers hardest. [1]")
    assert a.citations[0].location == "corpus/review.pptx slide 2:6-6"
    assert a.citations[0].section == "Q3 Review > Q3 churn > Speaker notes"
    assert "Speaker notes" not in a.text


def test_a_hidden_slide_is_not_indexed(deck_bot: Briefbot) -> None:
    hits = deck_bot.search("bonus pool for the sales team", k=10)
    assert hits and not any("900,000" in h.chunk.text or h.chunk.page == 4 for h in hits)
    assert "900,000" not in deck_bot.ask("How big is the bonus pool?").text


def test_the_deck_brief_is_one_cited_paragraph_of_its_points(deck_bot: Briefbot) -> None:
    b = deck_bot.brief(source="corpus/review.pptx")
    assert b.answered and "\n" not in b.text
    assert b.text.startswith("Churn rose to 4.1% from 3.2% in Q2. [1]")  # the deck's point, not its title slide
    for left_out in ("Q3 Review", "Finance team", "12 October", "Speaker notes", "|", "#", "900,000"):
        assert left_out not in b.text, left_out
    sentences = re.split(r"(?<=\])\s+", b.text)
    assert len(sentences) >= 4 and all(re.search(r"[.!?] \[\d+\]$", s) for s in sentences), sentences
    assert NOTES.split(". ")[0] in b.text  # the presenter's own sentence
    assert all(re.match(r"corpus/review\.pptx slide \d:\d+-\d+$", c.location) for c in b.citations)


def test_cli_cites_slides_and_skips_bad_decks_with_one_line(tmp_path: Path) -> None:
    docs = tmp_path / "corpus"
    docs.mkdir()
    good = review_deck(docs / "review.pptx")
    (docs / "old.pptx").write_bytes(bytes(range(256)) * 8)
    (docs / "locked.pptx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    (docs / "empty.pptx").write_bytes(b"")
    (docs / "cut.pptx").write_bytes(good.read_bytes()[:5000])
    with zipfile.ZipFile(docs / "notdeck.pptx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(docs / "broken.pptx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data[: len(data) // 2] if item.filename == "ppt/slides/slide2.xml" else data)
    from pptx import Presentation

    blank = Presentation()
    blank.slides.add_slide(blank.slide_layouts[6])
    blank.save(str(docs / "photos.pptx"))
    (docs / "deck.ppt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))  # an old .ppt: not read at all

    r = run_cli("ingest", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    reasons = dict(line.removeprefix("briefbot: skipped ").split(": ", 1) for line in r.stderr.splitlines())
    assert reasons == {
        "corpus/broken.pptx": "the PowerPoint file is damaged (broken XML inside)",
        "corpus/cut.pptx": "the PowerPoint file is damaged or cut short (its zip package has no end)",
        "corpus/empty.pptx": "the file is empty",
        "corpus/locked.pptx": "the deck is encrypted with a password (or an old .ppt saved as .pptx)",
        "corpus/notdeck.pptx": "not a PowerPoint .pptx file (a zip archive without the parts of a deck)",
        "corpus/old.pptx": "not a PowerPoint .pptx file (not a zip package: an old .ppt, or another format renamed?)",
        "corpus/photos.pptx": "the deck has no text",
    }, r.stderr
    assert "1 added" in r.stdout and "1 .ppt" in r.stdout, r.stdout

    r = run_cli("ask", "What are the next steps?", "--no-refresh", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Launch the loyalty discount in November. Review pricing for the small business tier. "
                               "Report churn monthly to the board. [1]"), r.stdout
    assert "[1] corpus/review.pptx slide 6:2-4  § Q3 Review > Next steps" in r.stdout


def test_a_deck_with_text_only_on_hidden_slides_says_so(tmp_path: Path) -> None:
    from pptx import Presentation

    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[1])
    s.shapes.title.text = "Draft"
    s.element.set("show", "0")
    prs.save(str(tmp_path / "draft.pptx"))
    with pytest.raises(LoadError, match=r"draft\.pptx: the deck has no text outside its hidden slides$"):
        load_pptx(tmp_path / "draft.pptx", "draft.pptx")


def kickoff_deck(path: Path) -> Path:
    """A project kickoff: a team slide of "Label: value" lines, a policy slide of the same shape."""
    from pptx import Presentation

    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Project Lantern kickoff"
    s.placeholders[1].text_frame.text = "Warehouse systems programme"
    for title, lines in (("Who is involved", ["Sponsor: Oliver Strand, COO", "Project manager: Keisha Lawrence",
                                              "Vendor: Corvex Systems, delivery lead Anders Holm"]),
                         ("Travel on the project", ["Hotels: up to £140 a night, or £180 in London",
                                                    "Mileage in your own car: 45p per mile"])):
        s = prs.slides.add_slide(prs.slide_layouts[1])
        s.shapes.title.text = title
        tf = s.placeholders[1].text_frame
        tf.text = lines[0]
        for line in lines[1:]:
            tf.add_paragraph().text = line
    prs.save(str(path))
    return path


def test_a_slide_line_naming_a_field_answers_the_question_about_it(tmp_path: Path, embedder) -> None:
    (tmp_path / "corpus").mkdir()
    kickoff_deck(tmp_path / "corpus" / "project-lantern-kickoff.pptx")
    bot = Briefbot(load_settings(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"], generator="extractive"))
    bot._embedder = embedder  # type: ignore[assignment]
    bot.ingest()
    a = bot.ask("who's the vendor on Project Lantern")  # the deck's name is in its file name, not the line
    assert a.answered and a.short_answer == "Corvex Systems"
    assert a.text == "Vendor: Corvex Systems, delivery lead Anders Holm. [1]"
    assert a.citations[0].location == "corpus/project-lantern-kickoff.pptx slide 2:4-4"
    a = bot.ask("How much was Sanne's hotel in Lyon?")  # the field, but of nobody the deck names
    assert "£140" not in a.text
