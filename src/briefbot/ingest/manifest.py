"""A stat-only snapshot of the indexed files, so a re-ingest with nothing to do never starts chromadb.

Importing and opening chromadb takes about a second; comparing the size and mtime of every file
with this snapshot takes milliseconds. The snapshot (``<index>/files.json``) is written at the end
of an ingest that left nothing pending and removed before any ingest touches the index, so it is
either absent or exactly what the index holds. Only for the local index: a chroma server can be
changed by other clients.

The snapshot also keeps each file's full record (hash, chunk count), so an ingest that does have
work starts from it instead of reading every record back from chromadb and checking for orphans:
the snapshot exists only while the index is exactly as the last complete ingest left it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from briefbot.ingest.loading import FoundFile, reader_version
from briefbot.schema import FileRecord

FILENAME = "files.json"
VERSION = 3
DATABASE = Path("chroma") / "chroma.sqlite3"


def _database_stamp(index_dir: Path) -> int | None:
    """The size of chromadb's database: when it changed since the snapshot (truncated, replaced,
    written by another tool) the snapshot no longer vouches for the index and the full check runs.
    Not its mtime: chromadb touches the file on every query."""
    try:
        return (index_dir / DATABASE).stat().st_size
    except OSError:
        return None


_SQLITE_MAGIC = b"SQLite format 3\x00"


def database_looks_sound(index_dir: Path) -> bool:
    """A cheap probe of chromadb's database (its 100-byte header, no scan): the SQLite magic, a
    valid page size and schema format, and a file of whole pages. A file overwritten with other
    bytes of the same size passes the size stamp but not this."""
    path = index_dir / DATABASE
    try:
        with path.open("rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return False
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return False
    if header[21:24] != b"\x40\x20\x20" or int.from_bytes(header[44:48], "big") not in (1, 2, 3, 4):
        return False  # fixed payload fractions and schema format: only SQLite writes these
    return size % page == 0


def _path(index_dir: Path) -> Path:
    return index_dir / FILENAME


def clear(index_dir: Path) -> None:
    try:
        _path(index_dir).unlink()
    except FileNotFoundError:
        pass


def write(index_dir: Path, embedder: str, records: Mapping[str, FileRecord], total_chunks: int) -> None:
    data = {
        "version": VERSION,
        "embedder": embedder,
        "chunks": total_chunks,
        "database": _database_stamp(index_dir),
        "files": {s: [r.size, r.mtime_ns, r.sha256, r.chunks, r.indexed_at, r.reader] for s, r in records.items()},
    }
    tmp = _path(index_dir).with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, _path(index_dir))


def _read(index_dir: Path, embedder: str) -> dict[str, Any] | None:
    """The snapshot, if there is one for this embedder and chromadb's database still matches it."""
    try:
        data = json.loads(_path(index_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("embedder") != embedder:
        return None
    if data.get("database") is None or data["database"] != _database_stamp(index_dir):
        return None
    if not database_looks_sound(index_dir):
        return None  # the full path then opens the index and reports it damaged
    return data


def records(index_dir: Path, embedder: str) -> dict[str, FileRecord] | None:
    """Every file record as the last complete ingest left them, or None (then chromadb is asked)."""
    data = _read(index_dir, embedder)
    if data is None:
        return None
    try:
        return {  # (a snapshot written before reader versions has five fields: version 1)
            s: FileRecord(s, int(size), int(mtime), str(sha), int(chunks), str(at), int(reader[0]) if reader else 1)
            for s, (size, mtime, sha, chunks, at, *reader) in data["files"].items()
        }
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def up_to_date(
    index_dir: Path, embedder: str, found: Iterable[FoundFile], in_scope: Callable[[str], bool]
) -> int | None:
    """The index's chunk count when ``found`` matches the snapshot exactly (same files, sizes,
    mtimes, nothing under the scanned folders gone), else None: then the full check runs."""
    data = _read(index_dir, embedder)
    if data is None:
        return None
    files: dict[str, list[Any]] = data["files"]
    seen: set[str] = set()
    for f in found:
        rec = files.get(f.source)
        if rec is None or rec[0] != f.size or rec[1] != f.mtime_ns or (rec[5] if len(rec) > 5 else 1) != reader_version(f.path):
            return None
        seen.add(f.source)
    if any(s not in seen and in_scope(s) for s in files):
        return None  # a file was deleted
    return int(data["chunks"])


_vouched: dict[Path, tuple[int, int, int, int]] = {}  # index folder -> the stats last found to agree


def nothing_pending(index_dir: Path) -> bool:
    """Whether the snapshot vouches that no file's write is in progress or was left unfinished.

    A search asks this before every query instead of chromadb (~2 ms a query): the snapshot is
    removed before any ingest's first write and written only once nothing is pending. Costs two
    stats; the snapshot is read again only when it or the database changed.
    """
    try:
        snap = _path(index_dir).stat()
        db = (index_dir / DATABASE).stat()
    except OSError:
        return False
    key = (snap.st_ino, snap.st_mtime_ns, snap.st_size, db.st_size)
    if _vouched.get(index_dir) == key:
        return True
    try:
        data = json.loads(_path(index_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("database") != db.st_size:
        return False
    _vouched[index_dir] = key
    return True
