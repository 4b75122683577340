"""Finding and reading documents: turns files on disk into ``Document`` records with line offsets."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError
from .schema import Document

MAX_BYTES = 64 * 1024 * 1024  # larger files are skipped with a message, not loaded into memory


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 first (with or without BOM); otherwise detect the encoding, refusing binary data."""
    if not data:
        return ""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192] and data[:8192].count(b"\x00") > len(data[:8192]) // 10:
        raise LoadError(f"{path}: binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(f"{path}: binary file or unknown text encoding")
    return str(best)


def read_text_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{path}: file is {size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except LoadError:
        raise
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except FileNotFoundError:
        raise LoadError(f"{path}: file disappeared while reading") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = _decode(path, data)
    # Normalise line endings so line numbers agree with what editors show; drop NULs.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


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


def load_document(path: Path, source: str) -> Document:
    """Read one file with the loader for its extension; raises LoadError naming the file."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(f"{path}: unsupported file type {path.suffix or '(none)'}")
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


def discover(paths: Iterable[Path], root: Path, exclude: Iterable[Path] = ()) -> Iterator[FoundFile]:
    """Supported files under ``paths``, recursively, skipping hidden folders and the index itself."""
    excluded = {p.resolve() for p in exclude}
    seen: set[Path] = set()
    for start in paths:
        start = start.absolute()
        if start.is_file():
            candidates: Iterable[Path] = [start]
        elif start.is_dir():
            candidates = _walk(start, excluded)
        else:
            raise LoadError(f"{start}: no such file or folder")
        for path in candidates:
            if path in seen or not supported(path):
                continue
            seen.add(path)
            try:
                st = path.stat()
            except OSError:
                continue
            yield FoundFile(path, source_name(path, root), st.st_size, st.st_mtime_ns)


def _walk(top: Path, excluded: set[Path]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (here / d).resolve() not in excluded
        )
        for name in sorted(filenames):
            if not name.startswith("."):
                yield here / name
