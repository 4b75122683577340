"""A local copy of each indexed chunk's text, metadata and vector, kept beside the BM25 index.

chromadb serves a read of twenty chunks by id in 2-4 ms, most of it per call rather than per row,
and a search needed such a read for the texts of the passages it re-ranks: with it, a search cost
about twice a plain vector store query (bench/query.py). This copy is an SQLite table read in a
fraction of that. Like the BM25 index it is derived from chromadb and disposable: the same sync
(lexical.sync) adds the rows of new chunk ids and removes the rows of ids gone, and it records the
fingerprint of the chunk set it holds. A reader uses it only while that fingerprint is the one of
the BM25 index it searches, and only for ids chromadb has just returned (the dense search, or the
vectors of BM25's finds), so a chunk deleted meanwhile is never served from here. A chunk id names
its content (``source#n:hash``), so a row cannot go stale while its id stays.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from briefbot.index import reading
from briefbot.schema import Chunk, FileRecord, source_of_chunk_id

if TYPE_CHECKING:
    from briefbot.index.store import Index

FILENAME = "passages.sqlite3"
BATCH = 1000  # rows read from chromadb per call while the copy is brought up to date (bounded memory)
MMAP_BYTES = 1 << 30  # of the copy mapped into memory by a reader (416 MB at 100,000 chunks)
MEMO = 4096  # rows a reader remembers (the re-ranker's memo of passages is as large)
_SCHEMA = (
    # A chunk's fields as columns (decoding JSON metadata cost more than the read), then its vector.
    (
        "CREATE TABLE IF NOT EXISTS passages (id TEXT PRIMARY KEY, source TEXT, idx INTEGER, text TEXT,"
        " start_line INTEGER, end_line INTEGER, start_char INTEGER, end_char INTEGER, tokens INTEGER, hash TEXT,"
        " page INTEGER, context TEXT, vector BLOB, lines TEXT)"
    ),
    # Each chunk's reading for the re-ranker (index/reading.py), apart: a reader of an older version selects
    # every column of ``passages``, and a copy made before readings were kept gains the table as it is.
    "CREATE TABLE IF NOT EXISTS readings (id TEXT PRIMARY KEY, reading TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources (source TEXT PRIMARY KEY, stamp TEXT NOT NULL)",  # file record when read
)
# A row's columns but its vector, as readers select them (``p``: the table).
_COLUMNS = ("p.id, p.source, p.idx, p.text, p.start_line, p.end_line, p.start_char, p.end_char, p.tokens, p.hash, p.page,"
            " p.context, p.lines")
# Every column a sync writes, in its order (``lines`` last: a copy made before it was kept gains it at the end).
_INSERT = ("INSERT OR REPLACE INTO passages (id, source, idx, text, start_line, end_line, start_char, end_char, tokens, hash,"
           " page, context, lines, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
NOTICE_ROWS = 5000  # adding readings to this many rows of an older copy (seconds) is announced on stderr


def fingerprint_of(path: Path) -> str | None:
    """The fingerprint of the chunk set the copy at ``path`` holds; None when there is no readable copy."""
    return _meta(path).get("fingerprint")


def _meta(path: Path) -> dict[str, str]:
    """The copy's meta table (fingerprint; ``reading``: the format of its readings, index/reading.py); {} when unreadable."""
    if not path.is_file():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return {str(k): str(v) for k, v in con.execute("SELECT key, value FROM meta").fetchall()}
        finally:
            con.close()
    except sqlite3.Error:
        return {}


def update(
    folder: Path,
    index: Index,
    ids: Sequence[str],
    old_ids: Sequence[str],
    old_fingerprint: str | None,
    fingerprint: str,
    check_files: bool = False,
    texts_for: Collection[str] = (),
    records: Mapping[str, FileRecord] | None = None,
    vectors_read: dict[str, np.ndarray | None] | None = None,
) -> dict[str, str]:
    """Bring the copy in ``folder`` to the chunk set ``ids`` (fingerprint ``fingerprint``).

    Only the rows of ids not in ``old_ids`` are read from chromadb when the copy holds ``old_fingerprint``;
    otherwise every row is (an index built before the copy existed, or a copy left behind). With
    ``check_files`` (after an ingest) the rows of every file re-indexed since the copy was made are read
    again too: an edit can move a chunk's lines without changing its text, so its id stays the same.
    Returns the texts of the chunks read whose ids are in ``texts_for`` (the BM25 update needs them: one
    read serves both). A failure leaves the copy unused (readers then read chromadb) and returns {}.
    ``records`` are the file records when the caller holds them (an ingest does): chromadb is not asked.
    ``vectors_read`` receives the vectors of the same chunks (the BM25 build's array, index/vectors.py, needs them).
    """
    from briefbot.index.store import chunk_from_record

    path = folder / FILENAME
    meta = _meta(path)
    held, tag = meta.get("fingerprint"), reading.format_tag()
    readings_current = meta.get("reading") == tag
    lines_kept = meta.get("lines") == "kept"  # the copy has the column of line maps (a copy made before has not)
    if held == fingerprint and readings_current and lines_kept and not check_files:
        return {}
    incremental = held is not None and held in (old_fingerprint, fingerprint)
    known = set(old_ids if held == old_fingerprint else ids) if incremental else set()
    if check_files and records is None:
        records = index.file_records()
    stamps = {s: f"{r.sha256}:{r.mtime_ns}:{r.indexed_at}" for s, r in (records or {}).items()} if check_files else {}
    texts: dict[str, str] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=30)
        try:
            with con:
                for stmt in _SCHEMA:
                    con.execute(stmt)
                unmapped = set() if lines_kept else _without_line_maps(con)
                stored = dict(con.execute("SELECT source, stamp FROM sources").fetchall()) if incremental else {}
                redo = {s for s, stamp in stamps.items() if stored.get(s) != stamp}
                wanted = [i for i in ids if i not in known or source_of_chunk_id(i) in redo or i in unmapped]
                if held == fingerprint and readings_current and lines_kept and not wanted:
                    return {}
                con.execute("DELETE FROM meta WHERE key = 'fingerprint'")  # unusable until this commit ends
                if not incremental:
                    con.execute("DELETE FROM passages")
                    con.execute("DELETE FROM readings")
                    con.execute("DELETE FROM sources")
                gone = set(old_ids) - set(ids) if incremental else set()
                con.executemany("DELETE FROM passages WHERE id = ?", [(i,) for i in gone])
                con.executemany("DELETE FROM readings WHERE id = ?", [(i,) for i in gone])
                if incremental and not readings_current:
                    _add_readings(con, path)
                for rows in _read(index, wanted):
                    chunks = [(i, chunk_from_record(d, m), v) for i, d, m, v in rows]
                    con.executemany(
                        _INSERT,
                        [(i, *_fields(c), None if v is None else np.asarray(v, np.float32).tobytes()) for i, c, v in chunks],
                    )
                    con.executemany("INSERT OR REPLACE INTO readings VALUES (?, ?)", [(i, reading.stored_form(c.text)) for i, c, _ in chunks])
                    texts.update((i, d) for i, d, _, _ in rows if i in texts_for)
                    if vectors_read is not None:
                        vectors_read.update((i, None if v is None else np.asarray(v, np.float32)) for i, _, _, v in rows if i in texts_for)
                con.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?)", list(stamps.items()))
                con.execute("INSERT OR REPLACE INTO meta VALUES ('reading', ?)", (tag,))
                con.execute("INSERT OR REPLACE INTO meta VALUES ('lines', 'kept')")
                con.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        finally:
            con.close()
    except sqlite3.DatabaseError:  # not a database (any more): removed, so the next sync makes a new one
        path.unlink(missing_ok=True)
        return {}
    except Exception:  # noqa: BLE001 - the disk, or chromadb mid-write: the copy is only an optimisation
        return {}
    return texts


def _without_line_maps(con: sqlite3.Connection) -> set[str]:
    """Give a copy kept before line maps were the column, and name its rows that need one (their lines are not
    the file's lines in a row: more lines than line breaks), to be read again from chromadb."""
    if not any(row[1] == "lines" for row in con.execute("PRAGMA table_info(passages)")):
        con.execute("ALTER TABLE passages ADD COLUMN lines TEXT")
    rows = con.execute("SELECT id FROM passages WHERE lines IS NULL AND page IS NULL"
                       " AND end_line - start_line > length(text) - length(replace(text, char(10), ''))")
    return {i for (i,) in rows}


def _add_readings(con: sqlite3.Connection, path: Path) -> None:
    """Readings for every row of a copy kept before readings were (or made by other code): from the copy's
    own texts, no chromadb read. Once per copy; announced when it takes seconds."""
    (count,) = con.execute("SELECT COUNT(*) FROM passages").fetchone()
    if count >= NOTICE_ROWS:
        print(f"briefbot: adding word readings to the local copy of {count:,} passages ({path}), once ...",
              file=sys.stderr, flush=True)
    con.execute("DELETE FROM readings")
    last = -1
    while rows := con.execute("SELECT rowid, id, text FROM passages WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, BATCH)).fetchall():
        con.executemany("INSERT INTO readings VALUES (?, ?)", [(i, reading.stored_form(t)) for _, i, t in rows])
        last = rows[-1][0]


def _fields(c: Chunk) -> tuple[Any, ...]:
    """A chunk's fields in the table's (and the dataclass's) order."""
    return (c.source, c.index, c.text, c.start_line, c.end_line, c.start_char, c.end_char, c.tokens,
            c.content_hash, c.page, c.context, c.line_map)


def _read(index: Index, ids: Sequence[str]) -> Iterator[list[tuple[str, str, dict[str, Any], Any]]]:
    for b in range(0, len(ids), BATCH):
        got = index.chunks.get(ids=list(ids[b : b + BATCH]), include=["documents", "metadatas", "embeddings"])  # type: ignore[list-item]
        vecs = got["embeddings"] if got["embeddings"] is not None else [None] * len(got["ids"])
        yield list(zip(got["ids"], got["documents"] or [], got["metadatas"] or [], vecs))


class Passages:
    """The read side: chunks and vectors by id, for ids chromadb has just returned (see the module docstring).

    Rows read are remembered (the same passages come back query after query) for as long as the copy's
    file is unchanged: any write to it (a sync) forgets them all.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._path, self._current = str(path), str(path.parent / "CURRENT.json")  # stat()ed every search
        self._con: sqlite3.Connection | None = None
        self._checked: tuple[int, ...] | None = None  # CURRENT.json's and the copy's stats when in_step last looked
        self._in_step = False
        self.built: str | None = None  # the fingerprint of the latest BM25 build, when in_step last looked
        self._rows_key: str | None = None  # the copy's key for index/rows.py ("" none), when in_step last looked
        self._lock = threading.Lock()  # one connection, and the memo, for the search and its fetch thread
        self._chunks: dict[str, Chunk] = {}  # rows read (the chunk, and the vector where read)
        self._vecs: dict[str, np.ndarray | None] = {}
        self._memo_key: tuple[int, ...] | None = None
        self._readings = False  # the copy keeps readings the re-ranker can use (index/reading.py)

    def _connection(self) -> sqlite3.Connection | None:
        if self._con is None and self.path.is_file():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5, check_same_thread=False)
            try:  # pages read in place from the OS's cache, not copied by a read call each: a third off a search's reads
                self._con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            except sqlite3.Error:
                pass
        return self._con

    def in_step(self) -> bool:
        """Whether the copy holds the chunk set of the latest BM25 build (the last sync did not fail).

        Costs two stats, plus two small reads when the build or the copy changed."""
        try:
            st, own = os.stat(self._current), os.stat(self._path)
        except OSError:
            return False
        key = (st.st_ino, st.st_mtime_ns, st.st_size, own.st_ino, own.st_mtime_ns, own.st_size)
        if self._checked != key:
            try:
                built = json.loads(Path(self._current).read_text(encoding="utf-8")).get("fingerprint")
            except (OSError, ValueError):
                return False
            self._checked, self.built, self._rows_key = key, built, None
            self._in_step = built is not None and built == fingerprint_of(self.path)
        return self._in_step

    def rows_key(self) -> str | None:
        """The copy's key (index/rows.py) as :meth:`in_step` last saw the copy: read once per change of the copy."""
        if self._rows_key is None and self._checked is not None:
            from briefbot.index.rows import copy_key

            try:
                con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)
                try:
                    self._rows_key = copy_key(con) or ""
                finally:
                    con.close()
            except sqlite3.Error:
                self._rows_key = ""
        return self._rows_key or None

    def vectors(self, ids: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        """The stored vectors of those ``ids`` the copy has (no text is decoded); {} when it cannot be read."""
        with self._lock:
            _, vecs = self._remembered()
            for i, v in self._rows("id, vector", [i for i in ids if i not in vecs]):
                vecs[i] = None if v is None else np.frombuffer(v, dtype=np.float32)
            out = {i: v for i in ids if (v := vecs.get(i)) is not None and len(v) == dim}
        return out

    def get(
        self, ids: Sequence[str], dim: int, vectors: bool = True, readings: bool = True
    ) -> dict[str, tuple[Chunk, np.ndarray | None]]:
        """The rows of those ``ids`` the copy has; {} when it cannot be read. Without ``vectors`` a row's
        vector is None unless read before; ``readings`` hands the rows' readings to the re-ranker (index/reading.py)."""
        with self._lock:
            chunks, vecs = self._remembered()
            rest = [i for i in ids if i not in chunks or (vectors and i not in vecs)]
            for i, *fields in self._rows(_COLUMNS + (", p.vector" if vectors else ""), rest, " p", "p.id"):
                self._keep(i, fields, vectors)
            if readings:  # those of texts new to the re-ranker (copies share theirs), read apart: one small read
                self._hand_over([c for i in rest if (c := chunks.get(i)) is not None and not reading.known(c.text)])
            out: dict[str, tuple[Chunk, np.ndarray | None]] = {}
            for i in ids:
                chunk, vec = chunks.get(i), vecs.get(i)
                if chunk is not None:
                    out[i] = (chunk, vec if vec is None or len(vec) == dim else None)
        return out

    def hand_over_readings(self, chunks: Sequence[Chunk]) -> None:
        """Hand the stored readings of these chunks (read without them) to the re-ranker (index/reading.py),
        which then decodes them instead of reading the texts."""
        with self._lock:
            self._remembered()  # (whether the copy keeps readings is looked up again when its file changed)
            self._hand_over(chunks)

    def _hand_over(self, chunks: Sequence[Chunk]) -> None:
        if not chunks or not self._readings:
            return
        texts = {c.id: c.text for c in {c.text: c for c in chunks}.values()}  # one chunk per text (copies share it)
        for i, stored in self._rows("r.id, r.reading", list(texts), " r", "r.id", table="readings"):
            reading.remember(texts[i], stored)

    def _keep(self, i: str, fields: list[Any], with_vector: bool) -> None:
        if with_vector:
            v = fields.pop()
            self._vecs[i] = None if v is None else np.frombuffer(v, dtype=np.float32)
        self._chunks[i] = Chunk(*fields)

    def _remembered(self) -> tuple[dict[str, Chunk], dict[str, np.ndarray | None]]:
        """The rows (chunks, vectors) read so far, forgotten when the copy's file changed (or grew past MEMO rows)."""
        try:
            st = os.stat(self._path)
            key: tuple[int, ...] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            key = None
        if key != self._memo_key or key is None or len(self._chunks) + len(self._vecs) > 2 * MEMO:
            if key != self._memo_key:
                self._readings = self._has_readings()
            self._chunks, self._vecs, self._memo_key = {}, {}, key
        return self._chunks, self._vecs

    def _has_readings(self) -> bool:
        """Whether the copy keeps readings in this code's format (a copy made before, or by other code, does not)."""
        con = self._connection()
        if con is None:
            return False
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'reading'").fetchone()
        except sqlite3.Error:
            return False
        return row is not None and row[0] == reading.format_tag()

    def _rows(self, columns: str, ids: Sequence[str], join: str = "", key: str = "id", table: str = "passages") -> list[tuple[Any, ...]]:
        con = self._connection() if ids else None
        if con is None:
            return []
        try:
            sql = f"SELECT {columns} FROM {table}{join} WHERE {key} IN ({','.join('?' * len(ids))})"
            return con.execute(sql, list(ids)).fetchall()
        except sqlite3.Error:
            return []
