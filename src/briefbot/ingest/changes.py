"""What changed between the files and the index: which files to (re)index, which left, whether any did.

Reads the file system and the index's records; writes nothing (the pipeline does: pipeline.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from briefbot.errors import LoadError
from briefbot.index.store import Index
from briefbot.ingest import manifest
from briefbot.ingest.loading import FoundFile, canonical, discover, reader_version, source_name, type_of
from briefbot.ingest.skips import read_skips, skip_key
from briefbot.schema import FileRecord
from briefbot.settings import Settings


def index_root(settings: Settings) -> Path:
    """Sources are named relative to the folder holding the index (the project folder)."""
    return canonical(settings.index).parent


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _record_path(source: str, root: Path) -> Path:
    return canonical(Path(source) if Path(source).is_absolute() else root / source)


def _under(source: str, root: Path, scopes: Sequence[Path]) -> bool:
    path = _record_path(source, root)
    return any(path == s or s in path.parents for s in scopes)


def scopes_of(paths: Sequence[Path]) -> list[Path]:
    return [canonical(p) for p in paths]


def leaves(source: str, root: Path, scopes: Sequence[Path]) -> bool:
    """Whether an indexed file that no scan found leaves the index: it was under a folder scanned
    now, or its file is gone (wherever it was: a file ingested by an explicit path outside the
    corpus too), or its name is not the canonical one (then the file comes back under that)."""
    if _under(source, root, scopes):
        return True
    path = _record_path(source, root)
    return source_name(path, root) != source or not path.exists()


def plan(
    settings: Settings,
    paths: Sequence[Path],
    records: dict[str, FileRecord],
    pending: set[str],
    skipped: list[tuple[str, str]] | None = None,
    *,
    found: list[FoundFile] | None = None,
    hashes: dict[str, str] | None = None,
    others: dict[str, int] | None = None,
) -> tuple[list[FoundFile], list[str], int, list[FileRecord]]:
    """Which files need (re)indexing, which records are gone, how many are unchanged, and the
    records of files touched but identical (same hash, new mtime: to be written back).

    Size and mtime decide cheaply; only when they differ is the file hashed, so a touched but
    identical file costs one read and no embedding. The hashes of changed files go into
    ``hashes`` (by source) so reading them does not hash them again. Reads no index and writes nothing.
    """
    root = index_root(settings)
    # ``found`` may be passed in by a caller that already has it (saves a scan).
    if found is None:
        found = discover_files(settings, paths, skipped, others)
    todo: list[FoundFile] = []
    unchanged = 0
    touched: list[FileRecord] = []
    for f in found:
        rec = records.get(f.source)
        if rec is not None and f.source not in pending and rec.reader == reader_version(f.path):
            if rec.size == f.size and rec.mtime_ns == f.mtime_ns:
                unchanged += 1
                continue
            try:
                sha = file_sha256(f.path)
            except OSError:
                todo.append(f)
                continue
            if sha == rec.sha256:
                unchanged += 1
                touched.append(FileRecord(rec.source, f.size, f.mtime_ns, sha, rec.chunks, rec.indexed_at, rec.reader))
                continue
            if hashes is not None:
                hashes[f.source] = sha
        todo.append(f)
    present = {f.source for f in found}
    scopes = scopes_of(paths)
    gone = sorted(s for s in set(records) | pending if s not in present and leaves(s, root, scopes))
    return todo, gone, unchanged, touched


def discover_files(
    settings: Settings,
    paths: Sequence[Path],
    skipped: list[tuple[str, str]] | None = None,
    others: dict[str, int] | None = None,
) -> list[FoundFile]:
    """The files to index under ``paths``; skips go to ``skipped``, files of unknown type are counted in ``others``."""
    root = index_root(settings)

    def on_skip(path: Path, reason: str) -> None:
        if skipped is not None:
            skipped.append((source_name(path, root), reason))

    def on_other(path: Path) -> None:
        if others is not None:
            others[type_of(path)] = others.get(type_of(path), 0) + 1

    if others is not None:
        others.clear()
    return list(
        discover(
            paths, root, exclude=[settings.index], follow_symlinks=settings.follow_symlinks,
            on_skip=on_skip, on_other=on_other,
        )
    )


def needs_refresh(settings: Settings, index: Index) -> bool:
    """A cheap check (stat only) whether the configured corpus differs from what is indexed."""
    root = index_root(settings)
    try:
        found = discover_files(settings, settings.corpus)
    except LoadError:
        return False
    scopes = scopes_of(settings.corpus)
    in_scope = lambda s: leaves(s, root, scopes)
    if not settings.chroma_url and index.embedder and manifest.up_to_date(settings.index, index.embedder, found, in_scope) is not None:
        return False  # the snapshot matches: no need to read every file record from chromadb
    records = index.file_records()
    if index.pending_sources():
        return True
    present = {f.source for f in found}
    if any(s not in present and leaves(s, root, scopes) for s in records):
        return True
    skips = read_skips(settings)
    for f in found:
        rec = records.get(f.source)
        if rec is None and f.source in skips and skips[f.source] == skip_key(f.path, settings):
            continue  # skipped last time and untouched since: reading it again would skip it again
        if rec is None or rec.size != f.size or rec.mtime_ns != f.mtime_ns or rec.reader != reader_version(f.path):
            return True
    return False
