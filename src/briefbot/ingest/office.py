"""Why a file is no Office Open XML package (a workbook, a deck), before its library is asked: openpyxl's and
python-pptx's own messages name internals. Shared by ingest/sheets/workbook.py and ingest/slides.py."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: what an encrypted .xlsx / .pptx (or an old .xls / .ppt) is


@dataclass(frozen=True)
class Package:
    """How a type's messages name it: "Excel", "workbook", ".xlsx", ".xls", its main part."""

    app: str
    article: str  # "an Excel", "a PowerPoint"
    thing: str
    ext: str
    old: str
    part: str


def not_a_package(path: Path, size: int, kind: Package) -> str | None:
    """The reason ``path`` is no ``kind`` at all (empty, encrypted, not a zip, cut short, without its main part)."""
    if size == 0:
        return "the file is empty"
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if head == OLE:
        return f"the {kind.thing} is encrypted with a password (or an old {kind.old} saved as {kind.ext})"
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK\x03\x04"):
            return f"the {kind.app} file is damaged or cut short (its zip package has no end)"
        return f"not {kind.article} {kind.app} {kind.ext} file (not a zip package: an old {kind.old}, or another format renamed?)"
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return f"the {kind.app} file is damaged (its zip package cannot be read)"
    name = kind.part.rsplit("/", 1)[-1]
    if kind.part not in names and not any(n.endswith(name) for n in names):
        return f"not {kind.article} {kind.app} {kind.ext} file (a zip archive without the parts of a {kind.thing})"
    return None
