"""Finding and reading documents: turns files on disk into ``Document`` records with line offsets."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefbot.errors import LoadError
from briefbot.ingest.emails import load_eml, load_text
from briefbot.ingest.formats import (
    FORMAT_LOADERS,  # PDF, Word, HTML, Markdown with its headings, WebVTT and SubRip transcripts
)
from briefbot.ingest.sheets import SHEET_LOADERS
from briefbot.ingest.slides import load_pptx
from briefbot.ingest.textfile import (
    MAX_BYTES,
    Loader,
    os_error,
    too_big,
)
from briefbot.schema import Document

LOADERS: dict[str, Loader] = {
    ".txt": load_text,  # plain text; an e-mail thread's messages as sections
}

LOADERS.update(FORMAT_LOADERS)
LOADERS[".eml"] = load_eml  # (it reads an HTML body through formats, so it is registered here)
LOADERS[".pptx"] = load_pptx  # PowerPoint decks, slide by slide (ingest/slides.py); an old binary .ppt is not read
LOADERS.update(SHEET_LOADERS)  # .csv, .tsv, .xlsx, .xlsm (ingest/sheets.py); an old binary .xls is not read
# The version of what a type's loader makes of a file, raised when that changes for files already indexed: their
# records keep the version they were read with, and a file read with an older one is read again at the next ingest
# (as if changed). Word 2: list items keep their bullet. WebVTT and SubRip 2: chunks keep their line maps (citations
# narrow to the cues quoted). Plain text 2 (.txt, no extension): an e-mail thread's messages are sections. A type not
# named here is at version 1. PDF 2: no running headers or footers, ligatures spelled out, a page that ends
# mid-sentence runs on into the next. PDF 3, Word 3, web pages and e-mail 2: tables as rows, each data row naming
# its columns; Word 3 also: tracked changes accepted, content controls, text boxes, footnotes, list numbers.
# Plain text 3: a title block in capitals is the file's section (ingest/plain_headings.py), tables ruled off with
# dashes are rows (ingest/text_tables.py). Web pages and e-mail 3: a
# page without <main> or <article> keeps its headings, tables read by briefbot (ingest/html_tables.py). E-mail 4: an
# 8-bit body read in its own charset ("£" was lost). Markdown 2: tables' data rows name their columns (a chunk that
# starts inside a long table kept rows of bare cells). Plain text 4, e-mail 6: aligned fields ("RMA number:    RMA-2026-
# 11872", three or more) are a form's rows; e-mail bodies' dash-ruled tables are rows too (ingest/text_tables.py).
# Plain text 5, e-mail 7: a header of three or more columns over one unbroken rule of dashes is a table too. Web pages
# 4, e-mail 8: a page whose main text came out under half its main region's words is read again (ingest/formats.py).
# Plain text 6, e-mail 9: three or more short "Label: value" lines in a row are a form's rows, aligned or not. Web
# pages 5 (e-mail 9 too): an element's class or id drops it only when it names furniture (ingest/formats.py).
# Plain text 7, e-mail 10: aligned fields a blank line apart, in one column, are one form. Word 4, PDF 4, slides 2: a
# table of label and value pairs ("Patient | Mr Raymond Kellett | NHS number | 943 476 5919") is a form (text/tables.py).
READERS: dict[str, int] = {".docx": 4, ".vtt": 2, ".srt": 2, ".txt": 7, "": 7, ".pdf": 4, ".html": 5, ".htm": 5, ".eml": 10,
                           ".md": 2, ".markdown": 2, ".pptx": 2}


def reader_version(path: Path | str) -> int:
    """The version of the loader that reads ``path`` (by its type): see READERS."""
    return READERS.get(Path(path).suffix.lower(), 1)


# How messages name the types read (LOADERS less the second spelling of .md and .html).
READABLE = ", ".join(t for t in LOADERS if t not in (".markdown", ".htm"))


_SNIFF_BYTES = 8192
# Bytes that do not occur in text (tab, newline, form feed, carriage return and ESC aside).
_NOT_TEXT = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_like_text(path: Path) -> bool:
    """Whether a file without an extension is clearly text (README, LICENSE, notes): its first
    8 KiB hold no NUL and almost no other control bytes. Empty and unreadable files are not."""
    try:
        if not path.is_file():  # a fifo would block the read
            return False
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        return False
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte order mark
        return True
    if b"\x00" in head:
        return False
    return sum(head.count(b) for b in _NOT_TEXT) <= len(head) // 100


def supported(path: Path) -> bool:
    """A file briefbot reads: a known extension, or none and text inside."""
    suffix = path.suffix.lower()
    return suffix in LOADERS or (not suffix and looks_like_text(path))


def type_of(path: Path) -> str:
    """How a file of a type briefbot does not read is counted in the report: by extension."""
    return path.suffix.lower() or "(no extension)"


def load_document(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file with the loader for its extension (plain text without one); raises LoadError naming the file."""
    loader = LOADERS.get(path.suffix.lower()) or (load_text if not path.suffix else None)
    if loader is None:
        raise LoadError(f"{path}: unsupported file type {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise os_error(path, exc) from None
    if size > max_bytes:
        raise LoadError(too_big(path, size, max_bytes))
    return loader(path, source)


@dataclass(frozen=True)
class FoundFile:
    path: Path  # absolute
    source: str  # as shown to users
    size: int
    mtime_ns: int


def canonical(path: Path) -> Path:
    """An absolute path without ``.`` or ``..`` (symlinks kept: a link inside the corpus keeps its name)."""
    return Path(os.path.abspath(path))


def source_name(path: Path, root: Path) -> str:
    """The path users see: relative to the index root when inside it, absolute otherwise; one name
    per file however it was typed (``../x/a.txt`` and ``/home/me/x/a.txt`` are the same file)."""
    path, root = canonical(path), canonical(root)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


Skip = Callable[[Path, str], None]  # (path, reason): a file left out, reported to the user
Other = Callable[[Path], None]  # a file of a type briefbot does not read, counted in the report


def discover(
    paths: Iterable[Path],
    root: Path,
    exclude: Iterable[Path] = (),
    *,
    follow_symlinks: bool = False,
    on_skip: Skip | None = None,
    on_other: Other | None = None,
) -> Iterator[FoundFile]:
    """Supported files under ``paths``, recursively, skipping hidden folders and the index itself.

    Symlinks are followed only while they stay inside the folder being walked, unless
    ``follow_symlinks``; loops and broken links are reported through ``on_skip``, never raised.
    Files of other types go to ``on_other``, so the user hears how many were passed over.
    """
    excluded = {p.resolve() for p in exclude}
    seen: set[Path] = set()
    skip: Skip = on_skip or (lambda path, reason: None)
    other: Other = on_other or (lambda path: None)
    for start in paths:
        start = canonical(start)
        if start.is_file():
            candidates: Iterable[Path] = [start]
        elif start.is_dir():
            candidates = _walk(start, excluded, follow_symlinks, skip, other)
        elif start.is_symlink():
            skip(start, _bad_link_reason(start))
            continue
        else:
            raise LoadError(f"{start}: no such file or folder")
        for path in candidates:
            if path in seen:
                continue
            if start.is_file() and not supported(path):
                other(path)
                continue
            seen.add(path)
            try:
                st = path.stat()
            except OSError as exc:
                skip(path, str(os_error(path, exc)).removeprefix(f"{path}: "))
                continue
            yield FoundFile(path, source_name(path, root), st.st_size, st.st_mtime_ns)


def _bad_link_reason(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        return "symlink loop" if exc.errno == errno.ELOOP else "broken symlink"
    return "cannot read"


def _walk(top: Path, excluded: set[Path], follow: bool, skip: Skip, other: Other) -> Iterator[Path]:
    top_real = top.resolve()
    ancestors: set[Path] = set()  # real paths of the folders being walked: a link to one is a loop

    def walk(folder: Path, real: Path) -> Iterator[Path]:
        ancestors.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skip(folder, str(os_error(folder, exc)).removeprefix(f"{folder}: "))
            ancestors.discard(real)
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if not is_dir and not supported(path):
                if entry.is_file():  # sockets, fifos and broken links are no documents of any type
                    other(path)
                continue
            target = path
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # RuntimeError: a loop, on Python < 3.13
                    skip(path, _bad_link_reason(path))
                    continue
                if not follow and not target.is_relative_to(top_real):
                    skip(path, f"symlink to {target}, outside {top}: pass --follow-symlinks to include it")
                    continue
            if not is_dir:
                yield path
                continue
            child = target if entry.is_symlink() else path.resolve()
            if child in excluded:
                continue
            if child in ancestors:
                skip(path, "symlink loop")
                continue
            yield from walk(path, child)
        ancestors.discard(real)

    yield from walk(top, top_real)
