"""Finding and reading documents: turns files on disk into ``Document`` records with line offsets."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError
from .schema import Document

MAX_BYTES = 20 * 1024 * 1024  # larger files are skipped with a message, not loaded into memory
# Control characters other than whitespace; a text with many of them is a binary file misnamed.
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
CP1252_TOLERANCE = 0.05  # how much more "chaos" (charset-normalizer's mess score) cp1252 may have
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_BINARY_CHARS.findall(sample)) > len(sample) // 10


def _detect(path: Path, data: bytes) -> str:
    """The encoding charset-normalizer finds; Windows-1252 wins a near tie, as it does in browsers.

    Short Western European texts fit several single-byte code pages almost equally well, and the
    detector's first pick (often a Baltic or DOS page) would garble their accented letters.
    """
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise LoadError(f"{path}: binary file or unknown text encoding")
    for match in results:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + CP1252_TOLERANCE:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 first (with or without BOM), then a BOM, then charset-normalizer; binary data is refused."""
    if not data:
        return ""
    text: str | None = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                try:
                    text = data[len(bom) :].decode(codec)
                except UnicodeDecodeError:
                    pass
                break
    if text is None:
        text = _detect(path, data)
    if _looks_binary(text):
        raise LoadError(f"{path}: binary file, not text")
    return text


def read_text_file(path: Path) -> str:
    """The file's text with line endings normalised and NULs dropped; raises LoadError naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise os_error(path, exc) from None
    text = _decode(path, data)
    # Normalise line endings so line numbers agree with what editors show; drop NULs.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def too_big(path: Path, size: int, limit: int) -> str:
    return f"{path}: file is {size / 2**20:.0f} MiB, over the {limit / 2**20:.0f} MiB limit (raise BRIEFBOT_MAX_FILE_MB)"


def os_error(path: Path, exc: OSError) -> LoadError:
    """An OSError while reading, as a one-line LoadError that names the file and the reason."""
    if isinstance(exc, PermissionError):
        return LoadError(f"{path}: permission denied")
    if isinstance(exc, FileNotFoundError):
        return LoadError(f"{path}: file disappeared while being read")
    if isinstance(exc, IsADirectoryError):
        return LoadError(f"{path}: is a folder, not a file")
    if exc.errno == errno.ELOOP:
        return LoadError(f"{path}: symlink loop")
    return LoadError(f"{path}: cannot read ({exc.strerror or exc})")


Loader = Callable[[Path, str], Document]


def load_plain(path: Path, source: str) -> Document:
    return Document.from_text(source, read_text_file(path))


LOADERS: dict[str, Loader] = {
    ".txt": load_plain,
    ".md": load_plain,
    ".markdown": load_plain,
}

from .formats import FORMAT_LOADERS  # noqa: E402 - PDF, Word, HTML, and Markdown with its headings

LOADERS.update(FORMAT_LOADERS)


def supported(path: Path) -> bool:
    return path.suffix.lower() in LOADERS


def load_document(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file with the loader for its extension; raises LoadError naming the file."""
    loader = LOADERS.get(path.suffix.lower())
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


def source_name(path: Path, root: Path) -> str:
    """The path users see: relative to the index root when inside it, absolute otherwise."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


Skip = Callable[[Path, str], None]  # (path, reason): a file left out, reported to the user


def discover(
    paths: Iterable[Path],
    root: Path,
    exclude: Iterable[Path] = (),
    *,
    follow_symlinks: bool = False,
    on_skip: Skip | None = None,
) -> Iterator[FoundFile]:
    """Supported files under ``paths``, recursively, skipping hidden folders and the index itself.

    Symlinks are followed only while they stay inside the folder being walked, unless
    ``follow_symlinks``; loops and broken links are reported through ``on_skip``, never raised.
    """
    excluded = {p.resolve() for p in exclude}
    seen: set[Path] = set()
    skip: Skip = on_skip or (lambda path, reason: None)
    for start in paths:
        start = start.absolute()
        if start.is_file():
            candidates: Iterable[Path] = [start]
        elif start.is_dir():
            candidates = _walk(start, excluded, follow_symlinks, skip)
        elif start.is_symlink():
            skip(start, _bad_link_reason(start))
            continue
        else:
            raise LoadError(f"{start}: no such file or folder")
        for path in candidates:
            if path in seen or not supported(path):
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


def _walk(top: Path, excluded: set[Path], follow: bool, skip: Skip) -> Iterator[Path]:
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
