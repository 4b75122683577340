"""A PowerPoint deck (.pptx) read slide by slide, as a reader of the deck sees it (python-pptx opens the package).

Each slide is a page of the document (``Document.page_starts``), so a citation names it as PowerPoint's slide sorter
numbers it: ``review.pptx slide 4:2-3`` (lines counted within the slide). A slide's text: its title as a heading
line ("# Q3 churn"), then its other shapes in reading order (top to bottom, then left to right; groups read in place;
a body placeholder's bullets as Markdown list items, indented by level), tables as rows naming their columns
(text/tables.py), chart titles and SmartArt text, then its speaker notes under a line "Notes:". Left out: footer,
date and slide-number placeholders, pictures (and their alt text), and hidden slides, whose pages stay empty so
the slides after them keep their numbers. Each slide's chunks carry the section "Deck title > Slide title".
python-pptx and lxml are imported inside the functions, so `briefbot --help` stays fast.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefbot.errors import LoadError
from briefbot.ingest.office import Package, not_a_package
from briefbot.ingest.textfile import os_error
from briefbot.schema import Document
from briefbot.text import tables

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
# The heading above a slide's speaker notes, one level below the slide's title: a heading is never quoted (answer/shape/
# quotes.py) nor a brief's sentence (brief_units.py), and a quote from the notes shows "§ Deck > Slide > Speaker notes".
NOTES = "### Speaker notes"
# python-pptx's default core title, and PowerPoint's: no deck's own title.
_NO_TITLE = frozenset({"", "powerpoint presentation", "presentation"})
_ROW = 91440  # shapes whose tops are within 0.1 inch (in EMU) are read as one row, left to right


def load_pptx(path: Path, source: str) -> Document:
    """Each slide a page: title, shapes in reading order, tables as rows, speaker notes; hidden slides left empty."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise os_error(path, exc) from None  # (the size limit is load_document's, as configured)
    problem = not_a_package(path, size, DECK)
    if problem:
        raise LoadError(f"{path}: {problem}")
    import pptx

    try:
        deck = pptx.Presentation(str(path))
        slides = [_Slide.read(slide) for slide in deck.slides]
        core_title = " ".join((deck.core_properties.title or "").split())
    except Exception as exc:  # noqa: BLE001 - bad zip, missing parts, broken XML
        raise LoadError(f"{path}: {_damage(exc)}") from None
    if not any(s.lines for s in slides):
        hidden = sum(1 for s in slides if s.hidden_text)
        raise LoadError(f"{path}: the deck has no text" + (" outside its hidden slides" if hidden else ""))
    first = slides[0].title if slides else ""
    deck_title = first or (core_title if core_title.lower() not in _NO_TITLE else "")
    return deck_document(source, slides, deck_title)


DECK = Package("PowerPoint", "a", "deck", ".pptx", ".ppt", "ppt/presentation.xml")


def _damage(exc: Exception) -> str:
    from lxml import etree

    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile):
        return "the PowerPoint file is damaged (its zip package cannot be read)"
    if isinstance(exc, etree.XMLSyntaxError):
        return "the PowerPoint file is damaged (broken XML inside)"
    if isinstance(exc, ValueError) and "not a PowerPoint file" in str(exc):  # python-pptx's check of the content type
        return "not a PowerPoint .pptx file (a template or a slide show renamed? save it as a .pptx)"
    return f"the PowerPoint file is damaged ({type(exc).__name__})"


def deck_document(source: str, slides: list[_Slide], deck_title: str) -> Document:
    """The slides' texts as pages, each under its section ("Deck > Slide title"; "Deck > Slide 4" without a title)."""
    parts: list[str] = []
    starts: list[int] = []
    sections: list[tuple[int, str]] = []
    offset = 0
    for number, slide in enumerate(slides, 1):
        starts.append(offset)
        if slide.lines:
            name = slide.title or f"Slide {number}"
            path = [deck_title, name] if deck_title and name != deck_title else [name]
            sections.append((offset, " > ".join(path)))
        piece = "\n".join(slide.lines) + "\n\n"  # a blank line ends the page: no sentence runs on into the next
        parts.append(piece)
        offset += len(piece)
    doc = Document.from_text(source, "".join(parts))
    return replace(doc, page_starts=tuple(starts), sections=tuple(sections))


# --- one slide ----------------------------------------------------------------------------------

_LEFT_OUT = frozenset({"FOOTER", "SLIDE_NUMBER", "DATE", "HEADER", "SLIDE_IMAGE"})
_TITLES = frozenset({"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"})
_BODIES = frozenset({"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT"})  # whose paragraphs are bullets by default


class _Slide:
    """A slide's title and lines (title heading, shapes, notes); a hidden slide has none."""

    def __init__(self, title: str, lines: list[str], hidden_text: bool = False) -> None:
        self.title = title
        self.lines = lines
        self.hidden_text = hidden_text  # a hidden slide that has text (only for the "no text" message)

    @classmethod
    def read(cls, slide: Any) -> _Slide:
        title_shape = slide.shapes.title
        title = _one_line(title_shape.text_frame.text) if title_shape is not None and title_shape.has_text_frame else ""
        body = [line for shape in _in_reading_order(slide.shapes) if shape is not title_shape
                for line in _shape_lines(shape, slide)]
        notes = _notes(slide)
        lines = ([f"## {title}"] if title else []) + body + ([NOTES, *notes] if notes else [])
        if slide.element.get("show") in ("0", "false"):
            return cls("", [], hidden_text=bool(lines))  # PowerPoint skips it in a show; its number stays
        return cls(title, lines)


def _one_line(text: str) -> str:
    return " ".join(text.replace("\v", " ").split())


def _in_reading_order(shapes: Any) -> list[Any]:
    """Top to bottom, and shapes in one row (tops within 0.1 inch) left to right."""
    placed = sorted(shapes, key=lambda s: (s.top or 0, s.left or 0))
    rows: list[list[Any]] = []
    for shape in placed:
        if rows and (shape.top or 0) - (rows[-1][0].top or 0) <= _ROW:
            rows[-1].append(shape)
        else:
            rows.append([shape])
    return [shape for row in rows for shape in sorted(row, key=lambda s: s.left or 0)]


def _kind(shape: Any) -> str | None:
    """A placeholder's type name ("TITLE", "BODY", "FOOTER"), None for other shapes."""
    if not shape.is_placeholder:
        return None
    try:
        return str(shape.placeholder_format.type.name)
    except (AttributeError, ValueError, KeyError):
        return "OBJECT"


def _shape_lines(shape: Any, slide: Any) -> Iterator[str]:
    kind = _kind(shape)
    if kind in _LEFT_OUT or kind in _TITLES:
        return  # (a second title placeholder: rare; its text is the heading's)
    from pptx.shapes.group import GroupShape

    if isinstance(shape, GroupShape):
        for child in _in_reading_order(shape.shapes):
            yield from _shape_lines(child, slide)
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        yield from _table_lines(shape.table)
    elif getattr(shape, "has_chart", False) and shape.has_chart:
        chart = shape.chart
        if chart.has_title and chart.chart_title.has_text_frame:
            title = _one_line(chart.chart_title.text_frame.text)
            if title:
                yield title
    elif shape.has_text_frame:
        yield from _paragraph_lines(shape, kind in _BODIES)
    else:
        yield from _smartart_lines(shape, slide)


def _table_lines(table: Any) -> list[str]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells = ["" if cell.is_spanned else " ".join(cell.text.split()) for cell in row.cells]
        if any(cells):
            rows.append(cells)
    return tables.written(rows)


def _smartart_lines(shape: Any, slide: Any) -> list[str]:
    """A SmartArt diagram's text, from its data part (python-pptx reads no diagram): one line per text paragraph."""
    from lxml import etree

    data = shape.element.find(f".//{A}graphicData")
    if data is None or data.get("uri") != _DIAGRAM:
        return []
    ids = next((el for el in data if el.get(_R_ID)), None)
    if ids is None:
        return []
    try:
        root = etree.fromstring(slide.part.related_part(ids.get(_R_ID)).blob)
    except (KeyError, etree.XMLSyntaxError):
        return []
    lines = (" ".join("".join(t.text or "" for t in p.iter(A + "t")).split()) for p in root.iter(A + "p"))
    return [line for line in lines if line]


# --- paragraphs and their bullets ---------------------------------------------------------------


def _paragraph_lines(shape: Any, body: bool) -> list[str]:
    """A shape's paragraphs, one per line; bullets as "- " (numbers as "1."), indented two spaces a level."""
    lines: list[str] = []
    counts: dict[int, int] = {}
    styles = _list_styles(shape)
    for paragraph in shape.text_frame.paragraphs:
        level = min(max(paragraph.level, 0), 8)
        bullet = _bullet(paragraph._p, level, styles, body)
        text = paragraph.text
        if not text.strip():
            continue
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a numbered list under a point starts again under the next one
        if bullet is None:
            counts.pop(level, None)
            lines.extend(" ".join(part.split()) for part in text.split("\v") if part.strip())  # a line break: a line
            continue
        if bullet != "-":
            counts[level] = counts.get(level, 0) + 1
            bullet = _numbered(counts[level], bullet)
        lines.append(f"{'  ' * level}{bullet} {_one_line(text)}")
    return lines


def _list_styles(shape: Any) -> list[Any]:
    """The list styles a shape's paragraphs inherit from, nearest first: its own, its layout's and master's placeholder."""
    out: list[Any] = []
    at = shape
    for _ in range(3):
        txbody = at.element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}txBody")
        style = txbody.find(A + "lstStyle") if txbody is not None else None
        if style is not None:
            out.append(style)
        try:
            at = at._base_placeholder if at.is_placeholder else None
        except (AttributeError, KeyError, ValueError):
            at = None
        if at is None:
            break
    return out


def _bullet(p: Any, level: int, styles: list[Any], body: bool) -> str | None:
    """"-" for a bullet, an auto-number's scheme ("arabicPeriod"), or None: the paragraph's own setting, else the
    nearest list style's for its level, else a body placeholder's default (bullets) or none."""
    props = [p.find(A + "pPr")] + [style.find(f"{A}lvl{level + 1}pPr") for style in styles]
    for ppr in props:
        if ppr is None:
            continue
        if ppr.find(A + "buNone") is not None:
            return None
        number = ppr.find(A + "buAutoNum")
        if number is not None:
            return number.get("type", "arabicPeriod")
        if ppr.find(A + "buChar") is not None or ppr.find(A + "buBlip") is not None:
            return "-"
    return "-" if body else None


def _numbered(n: int, scheme: str) -> str:
    """PowerPoint's auto-number as it draws it: "3.", "c)", "(iv)"."""
    if scheme.startswith("alphaLc"):
        label = chr(ord("a") + (n - 1) % 26)
    elif scheme.startswith("alphaUc"):
        label = chr(ord("A") + (n - 1) % 26)
    elif scheme.startswith("roman"):
        from briefbot.ingest.word import _roman

        label = _roman(n) if scheme.startswith("romanLc") else _roman(n).upper()
    else:
        label = str(n)
    if scheme.endswith("ParenBoth"):
        return f"({label})"
    return label + (")" if scheme.endswith("ParenR") else ".")


def _notes(slide: Any) -> list[str]:
    """The speaker notes' paragraphs (the notes page's text placeholder: not its slide image or number)."""
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return []
    return [" ".join(line.split()) for p in frame.paragraphs for line in p.text.split("\v") if line.strip()]
