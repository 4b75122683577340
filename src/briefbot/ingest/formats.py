"""Loaders for formats beyond plain text: PDF pages, Word paragraphs and tables, web pages, Markdown sections,
transcripts (ingest/transcripts.py).

Each turns a file into a ``Document`` whose text is what the chunker splits and whose layout
(``page_starts``, ``sections``) lets citations say ``report.pdf p.3:4-9`` and passages know their heading.
Parsers are imported inside the loaders so `briefbot --help` stays fast.
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefbot.errors import LoadError
from briefbot.ingest.pdf_pages import numbered_sections, runs_on, spell_ligatures, tidy_pages
from briefbot.ingest.html_tables import rows_joined, tables_marked
from briefbot.ingest.office import Package, not_a_package
from briefbot.ingest.pdf_tables import tables_as_rows
from briefbot.ingest.textfile import Loader, read_text_file
from briefbot.ingest.transcripts import load_srt, load_vtt
from briefbot.schema import Document
from briefbot.text import tables


def _tidy(text: str) -> str:
    """Line endings as editors count them, no NULs or form feeds, no trailing blanks on lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\f", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


class HeadingPath:
    """The headings above the current point, by level: ``Guide > Install > Linux``."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def enter(self, level: int, title: str) -> str:
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        self._stack.append((level, title))
        return " > ".join(t for _, t in self._stack)


# --- PDF ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs its own complaints (``invalid pdf header``, ``EOF marker not found``) to the
    terminal, without a file name; briefbot's one ``skipped FILE: reason`` line says it instead."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


def _pdf_problem(path: Path) -> str:
    """Why pypdf could not read a file, in our words (its own name internals: streams, xref tables)."""
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if not head:
        return "the file is empty"
    if b"%PDF-" not in head:
        return "not a PDF file (it does not start with %PDF)"
    return "the PDF is damaged or cut short"


def _layout_text(page: Any, plain: str) -> str:
    """A page in pypdf's layout mode, where a table's columns stay in place (ingest/pdf_tables.py); "" when the page
    has too few lines for a table or layout mode cannot read it (the newer reader: the page keeps its plain text)."""
    if plain.count("\n") < 2:
        return ""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001
        return ""


def load_pdf(path: Path, source: str) -> Document:
    """The text layer of each page (no running headers or footers: ingest/pdf_pages.py); lines are then counted
    within the page. No OCR."""
    from pypdf import PdfReader

    try:
        with _quiet_pypdf():
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise LoadError(f"{path}: the PDF is encrypted with a password")
            pages = [_tidy(page.extract_text() or "") for page in reader.pages]
            layouts = [_layout_text(page, text) for page, text in zip(reader.pages, pages)]
    except LoadError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many types for damaged files
        raise LoadError(f"{path}: {_pdf_problem(path)}") from None
    if not any(p.strip() for p in pages):
        raise LoadError(
            f"{path}: the PDF has no text layer (scanned pages?); OCR is not supported yet"
        )
    pages, shifts = tidy_pages(pages)  # running lines first: a header "Chapter 4 ... 22" is no table row
    pages = [tables_as_rows(text, spell_ligatures(layout)) if layout else text for text, layout in zip(pages, layouts)]
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for k, text in enumerate(pages):
        starts.append(offset)
        # A page that ends inside a sentence is followed by one newline, not a paragraph break: the sentence reads on.
        piece = text + ("\n" if k + 1 < len(pages) and runs_on(text, pages[k + 1]) else "\n\n")
        parts.append(piece)
        offset += len(piece)
    doc = Document.from_text(source, "".join(parts))
    return replace(doc, page_starts=tuple(starts), page_shifts=tuple(shifts) if any(shifts) else None,
                   sections=numbered_sections(doc.text))


# --- Word ---------------------------------------------------------------------------------------

def load_docx(path: Path, source: str) -> Document:
    """What a reader of the document sees (ingest/word.py), one paragraph or table row per line; Heading/Title styles
    become section context."""
    import docx

    from briefbot.ingest.word import word_blocks

    try:
        blocks = word_blocks(docx.Document(str(path)))
    except Exception as exc:  # noqa: BLE001 - bad zip, missing parts, broken XML
        raise LoadError(f"{path}: {_docx_problem(path, exc)}") from None
    return _join_blocks(source, blocks)


def _docx_problem(path: Path, exc: Exception) -> str:
    """Why python-docx could not read a file, in our words (its own say ``Package not found at ...``): as a workbook's
    or a deck's (ingest/office.py: empty, encrypted, not a zip, cut short, without its main part), else damaged."""
    try:
        size = path.stat().st_size
    except OSError as err:
        return f"cannot read ({err.strerror or err})"
    return not_a_package(path, size, WORD) or f"the Word file is damaged ({type(exc).__name__})"


WORD = Package("Word", "a", "Word document", ".docx", ".doc", "word/document.xml")


def _join_blocks(source: str, blocks: list[tuple[str, int | None]]) -> Document:
    """One block per line (so lines count paragraphs and table rows), headings written as Markdown
    ``#`` lines so they stand apart from the text under them, and recorded as sections."""
    text_parts: list[str] = []
    sections: list[tuple[int, str]] = []
    path = HeadingPath()
    offset = 0
    for text, level in blocks:
        text = " ".join(text.split())  # a paragraph's soft line breaks would shift the line count
        if level is not None and text:
            sections.append((offset, path.enter(level, text)))
            text = "#" * max(1, level) + " " + text
        text_parts.append(text + "\n")
        offset += len(text) + 1
    body = "".join(text_parts)
    if not body.strip():
        raise LoadError(f"{source}: the document has no text")
    return replace(Document.from_text(source, body), sections=tuple(sections))


# --- HTML ---------------------------------------------------------------------------------------


def load_html(path: Path, source: str) -> Document:
    """The page's main text (no navigation, scripts or styles) under its title, with trafilatura."""
    html = read_text_file(path)
    return html_document(source, html)


_LANDMARK = re.compile(r"<(?:main|article)\b", re.IGNORECASE)


def _document_page(html: str) -> str:
    """The page as trafilatura reads a document best. A page without ``<main>`` or ``<article>`` (a notice or a report
    saved as HTML) has its body marked as the main content, or trafilatura drops its ``<h2>`` headings ("How do I find
    the batch code?"); navigation, headers and footers are still left out. Tables are written as rows here
    (ingest/html_tables.py)."""
    if not _LANDMARK.search(html):
        html = re.sub(r"(<body\b[^>]*>)", r"\1<main>", html, count=1, flags=re.IGNORECASE)
        html = re.sub(r"(</body\s*>)", r"</main>\1", html, count=1, flags=re.IGNORECASE)

    return tables_marked(_plain_classes(html))


# Class and id words that mark a page's furniture, not its text: these a page keeps for trafilatura to drop.
_FURNITURE = re.compile(
    r"cookie|consent|gdpr|shar(?:e|ing)|social|sociable|newsletter|subscri|comment|repl(?:y|ies)|respond|related|"
    r"recommend|popular|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|sponsor|promo|nav|menu|breadcrumb|footer|sidebar|banner|"
    r"modal|popup|hidden|(?:^|[\s_-])hide|skip|noprint|pagination|pager|toolbar", re.IGNORECASE)
_NAMED = re.compile(r"""\s(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _plain_classes(html: str) -> str:
    """The page with every class and id that names no furniture taken out. trafilatura drops an element by words of
    its class alone ("meta", "rating", "bar", "options", "slide", "author", "tags", ...): a recipe's
    ``<ul class="meta">`` ("Makes: 1 loaf (10 slices)", "Oven: 200°C / gas mark 6") was lost. A document's text is
    kept unless its markup says it is navigation, a banner, sharing, comments, advertising or hidden."""
    def keep(m: re.Match[str]) -> str:
        value = next(g for g in m.groups()[1:] if g is not None)
        return m.group(0) if _FURNITURE.search(value) else ""

    head, body = re.split(r"(?=<body\b)", html, maxsplit=1, flags=re.IGNORECASE) if re.search(
        r"<body\b", html, re.IGNORECASE) else ("", html)
    return head + re.sub(r"<[A-Za-z][^<>]*>", lambda tag: _NAMED.sub(keep, tag.group(0)), body)


_ARTICLE_TAG = re.compile(r"<(/?)article\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_SHORT_EXTRACT = 0.5  # an extract under half the words of the page's main region left a part of it out


def _main_words(html: str) -> int:
    """Words a reader sees in the page's ``<main>`` (else its body): no scripts, styles, navigation, header, footer."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml's parse errors: nothing to compare with
        return 0
    for element in root.xpath("//script|//style|//noscript|//template|//nav|//header|//footer"):
        element.drop_tree()
    main = root.xpath("//main") or root.xpath("//body")
    return len(_WORD.findall(main[0].text_content())) if main else 0


def _main_text(html: str) -> str:
    """trafilatura's main text of a page. Its choice of region can leave most of a page out: a ``<main>`` holding
    sections and a few ``<article>`` cards (a conference page's speakers) came out as its programme table alone, the
    venue, tickets and accessibility sections lost. An extract holding under half of the main region's words is
    made again with the cards read as plain blocks, and the fuller of the two kept."""
    import trafilatura

    def extract(page: str) -> str:
        return trafilatura.extract(
            page, output_format="markdown", include_comments=False, include_tables=True, favor_recall=True
        ) or ""

    page = _document_page(html)
    body = extract(page)
    if _ARTICLE_TAG.search(page) and len(_WORD.findall(body)) < _SHORT_EXTRACT * _main_words(html):
        fuller = extract(_ARTICLE_TAG.sub(r"<\1div", page))
        if len(_WORD.findall(fuller)) > len(_WORD.findall(body)):
            body = fuller
    return body


def html_document(source: str, html: str) -> Document:
    """Main text as Markdown (headings, lists, tables kept), under the page title as a level-1 heading."""
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html)
        title = " ".join((meta.title or "").split()) if meta is not None else ""
        body = _main_text(html)
        if not body or not body.strip():
            body = trafilatura.html2txt(html)  # very short pages fall below the extractor's threshold
    except Exception as exc:  # noqa: BLE001 - lxml parse errors and the like
        raise LoadError(f"{source}: cannot parse the HTML ({type(exc).__name__}: {exc})") from None
    body = tables.label_rows(_tidy(rows_joined(body or "")))  # data rows name their columns, as a Word or PDF table's do
    if not body.strip():
        raise LoadError(f"{source}: the page has no readable text")
    first = body.split("\n", 1)[0].lstrip("# ").strip()
    text = (f"# {title}\n\n{body}\n" if title and first != title else body + "\n")
    return replace(Document.from_text(source, text), sections=markdown_sections(text))


# --- Markdown -----------------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def markdown_sections(text: str) -> tuple[tuple[int, str], ...]:
    """Where each heading starts and the heading path from there on; code fences are not headings."""
    sections: list[tuple[int, str]] = []
    path = HeadingPath()
    fence: str | None = None
    offset = 0
    prev: tuple[int, str] | None = None  # (offset, text) of the previous non-blank paragraph line
    front_matter = text.startswith("---\n")  # YAML metadata block: its closing --- is no heading
    for number, line in enumerate(text.split("\n")):
        f = _FENCE.match(line)
        if front_matter:
            front_matter = number == 0 or line.rstrip() not in ("---", "...")
        elif fence is not None:
            if f and f.group(1) == fence:
                fence = None
        elif f:
            fence = f.group(1)
            prev = None
        else:
            m = _ATX.match(line)
            s = _SETEXT.match(line)
            if m:
                title = m.group(2).strip()
                if title:
                    sections.append((offset, path.enter(len(m.group(1)), title)))
                prev = None
            elif s and prev is not None:
                level = 1 if s.group(1).startswith("=") else 2
                sections.append((prev[0], path.enter(level, prev[1])))
                prev = None
            elif line.strip() and not line.lstrip().startswith(("-", "*", "+", ">", "|")):
                prev = (offset, line.strip()) if prev is None else prev
            else:
                prev = None
        offset += len(line) + 1
    return tuple(sections)


def label_tables(text: str) -> str:
    """Markdown text whose tables' data rows name their columns ("| Supply current: Max | 4.2 mA |" reads as
    "| Parameter: Supply current | Max: 4.2 mA |"), outside code fences, line for line: a chunk that starts inside a
    long table still says what its rows' cells are, and citations keep the file's line numbers."""
    lines = text.split("\n")
    out: list[str] = []
    plain: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if any(line.lstrip().startswith("|") for line in plain):
            labelled = tables.label_rows("\n".join(plain)).split("\n")
            out.extend(labelled if len(labelled) == len(plain) else plain)  # (a stray rule line: left as written)
        else:
            out.extend(plain)
        plain.clear()

    for line in lines:
        f = _FENCE.match(line)
        if fence is None and f:
            flush()
            fence = f.group(1)
            out.append(line)
        elif fence is not None:
            out.append(line)
            if f and f.group(1) == fence:
                fence = None
        else:
            plain.append(line)
    flush()
    return "\n".join(out)


def load_markdown(path: Path, source: str) -> Document:
    text = label_tables(read_text_file(path))
    return replace(Document.from_text(source, text), sections=markdown_sections(text))


FORMAT_LOADERS: dict[str, Loader] = {
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".vtt": load_vtt,
    ".srt": load_srt,
}
