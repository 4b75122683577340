"""PDF, Word, HTML and Markdown: real files built here, loaded, indexed, and cited at the right page or lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from .conftest import run_cli

from briefbot.api import Briefbot
from briefbot.ingest.chunking import chunk_document
from briefbot.errors import LoadError
from briefbot.ingest.formats import html_document, load_docx, load_markdown, load_pdf, markdown_sections
from briefbot.ingest.loading import load_document
from briefbot.settings import load_settings

FILLER = [
    "The harbour office keeps a daily log of arrivals and departures.",
    "Weather reports are posted on the board beside the door.",
    "Visitors must sign the register before entering the tower.",
]
PAGE_FACTS = {
    1: "The Skerry lighthouse was first lit in the winter of 1853.",
    2: "The lamp of the Skerry lighthouse was automated in 1987 by Ingrid Solberg.",
    3: "The keeper's cottage now houses a museum about shipwrecks.",
}


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A real PDF with a text layer: one line of text per entry, one page per list."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF whose pages carry only drawings, like a scan: no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 120, 160, style="F")
    pdf.output(str(path))
    return path


def report_pdf(path: Path) -> Path:
    # The fact of page n is on line n + 1 of that page, after n filler lines... kept simple: line 4.
    return make_pdf(path, [[*FILLER, PAGE_FACTS[n], "End of page."] for n in (1, 2, 3)])


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Expedition Plan", 0)
    d.add_paragraph("This plan covers the spring survey of the northern glacier.")
    d.add_heading("Equipment", 1)
    d.add_paragraph("Every team carries its own radio and two days of food.")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Item", "Quantity", "Carried by"), ("Ice axes", "12", "Team North"), ("Satellite phone", "1", "Marta Kowalczyk")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_heading("Schedule", 1)
    d.add_paragraph("The teams leave base camp on the fourth of April at dawn.")
    d.save(str(path))
    return path


HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour Council Minutes</title>
<style>body { font-family: serif; } .secret-style-marker { color: red }</style>
<script>var trackingMarker = "do-not-index-this-script";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News navigation link</a></li></ul></nav>
<main><article>
<h1>Harbour Council Minutes</h1>
<p>The council met on the ninth of March to discuss the state of the north pier. The engineer reported
that three of the wooden piles had rotted through and must be replaced before the summer season.</p>
<p>The council voted to close the north pier from the first of May. Fishing boats will moor at the south
quay while the contractor, Baltic Marine Works, replaces the piles.</p>
</article></main>
<footer>Copyright 2026 Harbour Council. Privacy policy.</footer>
</body></html>
"""

MARKDOWN = """# Lighthouse Manual

General notes for the keepers of the lighthouse.

## Lamp maintenance

Clean the lens every morning with a soft cloth.
Replace the bulb after two thousand hours of use.

```sh
# not a heading: a comment in a code block
```

## Fog signals

Sound the horn every thirty seconds when visibility drops below one mile.

### Backup horn

The backup horn is stored in the shed behind the cottage.
"""


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with one file of each format under docs/."""
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "docs"
    d.mkdir()
    report_pdf(d / "report.pdf")
    make_docx(d / "plan.docx")
    (d / "minutes.html").write_text(HTML, encoding="utf-8")
    (d / "manual.md").write_text(MARKDOWN, encoding="utf-8")
    return tmp_path


# --- loaders ------------------------------------------------------------------------------------


def test_pdf_pages_and_lines_within_the_page(tmp_path: Path) -> None:
    doc = load_pdf(report_pdf(tmp_path / "report.pdf"), "report.pdf")
    assert doc.page_starts is not None and len(doc.page_starts) == 3
    chunks = chunk_document(doc, max_tokens=20, overlap=0)
    fact = [c for c in chunks if "automated in 1987" in c.text]
    assert len(fact) == 1
    c = fact[0]
    assert c.page == 2
    # Line 4 of page 2 in the PDF: the three filler lines come first.
    assert c.start_line <= 4 <= c.end_line and c.end_line - c.start_line <= 1
    assert doc.text[c.start_char : c.end_char] == c.text
    assert c.source_lines.startswith("report.pdf p.2:")
    # No chunk runs across a page.
    for c in chunks:
        assert doc.text[c.start_char : c.end_char].count("End of page.") <= 1


def test_pdf_without_text_layer_is_reported(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no text layer"):
        load_pdf(make_image_only_pdf(tmp_path / "scan.pdf"), "scan.pdf")


def test_damaged_pdf_is_a_load_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n this is not really a pdf \x00\x01\x02")
    with pytest.raises(LoadError, match=r"bad\.pdf: .*"):
        load_document(bad, "bad.pdf")


def test_password_protected_pdf_is_reported_and_owner_only_lock_is_read(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    plain = report_pdf(tmp_path / "plain.pdf")
    locked = PdfWriter(clone_from=str(plain))
    locked.encrypt("secret", algorithm="RC4-128")
    locked.write(str(tmp_path / "locked.pdf"))
    with pytest.raises(LoadError, match="locked.pdf: the PDF is encrypted with a password"):
        load_pdf(tmp_path / "locked.pdf", "locked.pdf")
    # Encrypted with an empty user password (only editing restricted): readable as usual.
    restricted = PdfWriter(clone_from=str(plain))
    restricted.encrypt("", owner_password="owner", algorithm="RC4-128")
    restricted.write(str(tmp_path / "restricted.pdf"))
    assert "automated in 1987" in load_pdf(tmp_path / "restricted.pdf", "restricted.pdf").text


def test_docx_without_text_is_reported(tmp_path: Path) -> None:
    import docx

    docx.Document().save(str(tmp_path / "empty.docx"))
    with pytest.raises(LoadError, match="empty.docx: the document has no text"):
        load_docx(tmp_path / "empty.docx", "empty.docx")


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    doc = load_docx(make_docx(tmp_path / "plan.docx"), "plan.docx")
    lines = doc.text.splitlines()
    # One paragraph or table row per line, headings marked as in Markdown.
    assert lines == [
        "# Expedition Plan",
        "This plan covers the spring survey of the northern glacier.",
        "# Equipment",
        "Every team carries its own radio and two days of food.",
        "| Item | Quantity | Carried by |",
        "| Item: Ice axes | Quantity: 12 | Carried by: Team North |",  # each row names its columns (text/tables.py)
        "| Item: Satellite phone | Quantity: 1 | Carried by: Marta Kowalczyk |",
        "# Schedule",
        "The teams leave base camp on the fourth of April at dawn.",
    ]
    assert [name for _, name in doc.sections] == [
        "Expedition Plan",
        "Expedition Plan > Equipment",
        "Expedition Plan > Schedule",
    ]


def test_docx_list_items_keep_their_bullet_or_number(tmp_path: Path) -> None:
    """Word's bulleted and numbered paragraphs are list items, as in Markdown ("What are the next steps?" reads them),
    numbered as Word numbers them."""
    import docx

    d = docx.Document()
    d.add_heading("Next steps", 1)
    d.add_paragraph("Hire two support engineers by November.", style="List Bullet")
    d.add_paragraph("Renegotiate the hosting contract.", style="List Number")
    d.add_paragraph("The review closes on Friday.")
    d.save(str(tmp_path / "review.docx"))
    doc = load_docx(tmp_path / "review.docx", "review.docx")
    assert doc.text.splitlines() == [
        "# Next steps", "- Hire two support engineers by November.", "1. Renegotiate the hosting contract.",
        "The review closes on Friday.",
    ]


def test_broken_docx_is_a_load_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip at all")  # a zip's first bytes, and no end: cut short
    with pytest.raises(LoadError, match=r"broken.docx: the Word file is damaged or cut short"):
        load_document(bad, "broken.docx")
    other = tmp_path / "other.docx"
    other.write_bytes(b"%PDF-1.7 renamed")
    with pytest.raises(LoadError, match=r"other.docx: not a Word .docx file \(not a zip package: an old .doc"):
        load_document(other, "other.docx")
    locked = tmp_path / "locked.docx"  # what Word saves when a password is set: a compound file, no zip
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(LoadError, match=r"locked.docx: the Word document is encrypted with a password"):
        load_document(locked, "locked.docx")


def test_html_main_text_without_navigation_scripts_styles_title_kept() -> None:
    doc = html_document("minutes.html", HTML)
    assert doc.text.splitlines()[0] == "# Harbour Council Minutes"
    assert "Baltic Marine Works" in doc.text
    for noise in ("do-not-index-this-script", "secret-style-marker", "News navigation link", "Privacy policy"):
        assert noise not in doc.text
    assert doc.sections == ((0, "Harbour Council Minutes"),)
    assert all(c.context == "Harbour Council Minutes" for c in chunk_document(doc))


def test_markdown_headings_become_chunk_context(tmp_path: Path) -> None:
    assert [name for _, name in markdown_sections(MARKDOWN)] == [
        "Lighthouse Manual",
        "Lighthouse Manual > Lamp maintenance",
        "Lighthouse Manual > Fog signals",
        "Lighthouse Manual > Fog signals > Backup horn",
    ]
    path = tmp_path / "manual.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = load_markdown(path, "manual.md")
    chunks = chunk_document(doc, max_tokens=24, overlap=0)
    shed = next(c for c in chunks if "shed behind the cottage" in c.text)
    assert shed.context == "Lighthouse Manual > Fog signals > Backup horn"
    assert shed.embed_text.startswith("Lighthouse Manual > Fog signals > Backup horn\n")
    lens = next(c for c in chunks if "Clean the lens" in c.text)
    assert lens.context in ("Lighthouse Manual > Lamp maintenance", "Lighthouse Manual")
    lines = MARKDOWN.splitlines()
    assert "Clean the lens" in "\n".join(lines[lens.start_line - 1 : lens.end_line])


def test_setext_headings_and_no_heading_text() -> None:
    text = "Overview\n========\n\nFirst part.\n\nDetails\n-------\n\nSecond part.\n"
    assert [name for _, name in markdown_sections(text)] == ["Overview", "Overview > Details"]
    assert markdown_sections("just text\n\n- a list\n- item\n") == ()
    front = "---\ntitle: Notes\ntags: [a]\n---\n\n# Real heading\n\ntext\n"
    assert markdown_sections(front) == ((front.index("# Real"), "Real heading"),)


# --- indexed and cited --------------------------------------------------------------------------


def _bot(embedder, **overrides) -> Briefbot:
    bot = Briefbot(load_settings(None, corpus="docs", generator="extractive", **overrides))
    bot._embedder = embedder
    return bot


def test_every_format_indexed_and_cited_at_its_page_or_lines(docs: Path, embedder) -> None:
    bot = _bot(embedder, chunk_tokens=40, chunk_overlap=0)
    report = bot.ingest()
    assert sorted(report.added) == ["docs/manual.md", "docs/minutes.html", "docs/plan.docx", "docs/report.pdf"]
    assert not report.skipped

    a = bot.ask("When was the lamp of the Skerry lighthouse automated?")
    assert a.answered and "1987" in a.text
    c = a.citations[0]
    assert (c.source, c.page) == ("docs/report.pdf", 2)
    assert c.start_line <= 4 <= c.end_line
    assert c.location.startswith("docs/report.pdf p.2:")
    assert c.to_dict()["page"] == 2

    a = bot.ask("Who carries the satellite phone?")
    assert a.answered and "Marta Kowalczyk" in a.text
    c = a.citations[0]
    assert c.source == "docs/plan.docx" and c.page is None
    docx_lines = load_docx(docs / "docs/plan.docx", "x").text.splitlines()
    assert any("Marta Kowalczyk" in docx_lines[i - 1] for i in range(c.start_line, c.end_line + 1))

    a = bot.ask("Where will fishing boats moor while the pier is closed?")
    assert a.answered and "south" in a.text
    assert a.citations[0].source == "docs/minutes.html"
    assert a.citations[0].section == "Harbour Council Minutes"

    hits = bot.search("where is the backup horn kept?", k=1)
    assert hits[0].chunk.source == "docs/manual.md"
    # The section where the chunk starts (it may run on into a subsection).
    assert hits[0].chunk.context in ("Lighthouse Manual > Fog signals", "Lighthouse Manual > Fog signals > Backup horn")
    md_lines = MARKDOWN.splitlines()
    span = md_lines[hits[0].chunk.start_line - 1 : hits[0].chunk.end_line]
    assert any("shed behind the cottage" in line for line in span)


def test_cli_cites_pdf_pages_and_skips_scans(docs: Path) -> None:
    make_image_only_pdf(docs / "docs" / "scan.pdf")
    (docs / "docs" / "damaged.pdf").write_bytes(b"%PDF-1.7\ngarbage")
    r = run_cli("ingest", "docs", "--json", "--strict", cwd=docs)
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    reasons = {s["source"]: s["reason"] for s in report["skipped"]}
    assert "no text layer" in reasons["docs/scan.pdf"]
    assert reasons["docs/damaged.pdf"] == "the PDF is damaged or cut short"
    assert "briefbot: skipped docs/scan.pdf: the PDF has no text layer" in r.stderr
    assert "Traceback" not in r.stderr

    r = run_cli("ask", "When was the lamp of the Skerry lighthouse automated?", "--no-refresh", cwd=docs)
    assert r.returncode == 0, r.stderr
    assert "docs/report.pdf p.2:" in r.stdout


def test_bad_files_get_one_clear_reason_and_nothing_else_on_stderr(tmp_path: Path) -> None:
    """Issue 15.7 and 15.9: pypdf's own warnings stay quiet, no reason repeats the path or quotes a library."""
    import zipfile

    docs = tmp_path / "corpus"
    docs.mkdir()
    (docs / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (docs / "random.docx").write_bytes(bytes(range(256)) * 8)
    (docs / "random.pdf").write_bytes(bytes(range(255, -1, -1)) * 8)
    (docs / "text.pdf").write_text("hello world, this is text", encoding="utf-8")
    (docs / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    (docs / "empty.pdf").write_bytes(b"")
    with zipfile.ZipFile(docs / "notword.docx", "w") as z:
        z.writestr("a.txt", "hi")
    (docs / "good.txt").write_text("The ferry runs twice a day.\n", encoding="utf-8")
    r = run_cli("ingest", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    reasons = dict(line.removeprefix("briefbot: skipped ").split(": ", 1) for line in r.stderr.splitlines())
    assert reasons == {
        "corpus/cut.pdf": "the PDF is damaged or cut short",
        "corpus/empty.html": "the page has no readable text",
        "corpus/empty.pdf": "the file is empty",
        "corpus/notword.docx": "not a Word .docx file (a zip archive without the parts of a Word document)",
        "corpus/random.docx": "not a Word .docx file (not a zip package: an old .doc, or another format renamed?)",
        "corpus/random.pdf": "not a PDF file (it does not start with %PDF)",
        "corpus/text.pdf": "not a PDF file (it does not start with %PDF)",
    }, r.stderr
