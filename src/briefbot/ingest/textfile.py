"""Plain text files: bytes to text (UTF-8, BOMs, detected code pages), binary files refused, read errors named.

The base every loader stands on: ``loading`` (which picks a loader) and ``formats`` (PDF, Word, HTML,
Markdown) both read through here, so neither needs the other for it.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path

from briefbot.errors import LoadError
from briefbot.schema import Document

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
