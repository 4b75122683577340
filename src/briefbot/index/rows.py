"""Chunk texts and fields in one file aligned with a BM25 build's ids, memory-mapped: a search's row reads.

A search reads the texts of the passages it re-ranks and of those it reads on past them (~30 rows at
100,000 chunks). From the local copy (index/passages.py) each is an SQLite row found by its id, ~8-10 us
with the file cached; here it is a slice at offsets the row's position gives (the BM25 index knows it).

The file is made from the copy, and used only while the copy holds what it was made from: its ``key``
is the copy's fingerprint and a digest of its table of file stamps (:func:`copy_key`). A chunk id names
its text, but an edit can move a chunk's lines and keep its id: the copy then reads the rows of the file
again and records the file's new stamp, so the key changes and this file is not used until the next
sync writes it again (:func:`refresh`). One file, replaced in one rename: a reader maps a whole one.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from briefbot.index import reading
from briefbot.schema import Chunk

FILENAME = "rows.bin"
_MAGIC = b"BBROWS1\n"
# text start and end, fields end, row end (its reading last), index, start line, end line, start char, end char, tokens, page (-1: none)
_COLS = 11


def copy_key(con: sqlite3.Connection) -> str | None:
    """What the copy's rows are made from: its fingerprint and a digest of its file stamps (None without a fingerprint)."""
    row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    if row is None:
        return None
    h = hashlib.sha256()
    try:
        for source, stamp in con.execute("SELECT source, stamp FROM sources ORDER BY source"):
            h.update(f"{source}\t{stamp}\n".encode("utf-8", "surrogatepass"))
    except sqlite3.Error:
        pass  # (a copy without the table: no stamps)
    return f"{row[0]}/{h.hexdigest()[:24]}"


class Rows:
    """The read side: the chunk at a build position, while :attr:`key` is the copy's key."""

    def __init__(self, key: str, table: np.ndarray, blob: mmap.mmap, base: int, readings: bool) -> None:
        self.key, self._table, self._blob, self._base = key, table, blob, base
        self.readings = readings  # the rows hold the re-ranker's readings in this code's format (index/reading.py)

    def __len__(self) -> int:
        return len(self._table)

    def chunk(self, chunk_id: str, position: int) -> Chunk:
        """The chunk ``chunk_id`` at ``position`` of the build (the caller's BM25 index maps one to the other)."""
        start, text_end, end, _, index, sl, el, sc, ec, tokens, page = self._table[position].tolist()
        base, blob = self._base, self._blob
        content_hash, _, context = blob[base + text_end : base + end].decode("utf-8", "surrogatepass").partition("\n")
        return Chunk(chunk_id.rsplit("#", 1)[0], index, blob[base + start : base + text_end].decode("utf-8", "surrogatepass"),
                     sl, el, sc, ec, tokens, content_hash, None if page < 0 else page, context or None)


    def reading(self, position: int) -> str:
        """The stored reading (index/reading.py) of the chunk at ``position``: only when :attr:`readings`."""
        start, end = self._table[position, 2:4].tolist()
        return self._blob[self._base + start : self._base + end].decode("utf-8", "surrogatepass")


def load(build: Path, count: int) -> Rows | None:
    """The build's rows, mapped into memory; None when missing, damaged or not of ``count`` chunks."""
    try:
        with open(build / FILENAME, "rb") as f:
            blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        if blob[: len(_MAGIC)] != _MAGIC:
            return None
        size = int.from_bytes(blob[len(_MAGIC) : len(_MAGIC) + 8], "little")
        at = len(_MAGIC) + 8
        head = json.loads(blob[at : at + size].decode("utf-8"))
        at += size
        at += -at % 8
        if head.get("count") != count or count <= 0:
            return None
        table = np.frombuffer(blob, dtype="<i8", count=count * _COLS, offset=at).reshape(count, _COLS)
        base = at + table.nbytes
        if int(table[-1, 3]) != len(blob) - base:
            return None
        return Rows(str(head["key"]), table, blob, base, head.get("reading") == reading.format_tag())
    except (ValueError, KeyError, TypeError):
        return None


def write(build: Path, ids: Sequence[str], copy: Path) -> Rows | None:
    """The rows of ``ids`` (in that order) from the copy at ``copy``, saved in ``build``; None when the copy
    lacks one of them or cannot be read (searches then read the copy)."""
    if not ids:
        return None
    try:
        con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    at = {i: n for n, i in enumerate(ids)}
    table = np.zeros((len(ids), _COLS), dtype="<i8")
    parts: list[bytes | None] = [None] * len(ids)
    try:
        with con:  # one read transaction: the key and the rows agree
            con.execute("BEGIN")
            key = copy_key(con)
            if key is None:
                return None
            tag = con.execute("SELECT value FROM meta WHERE key = 'reading'").fetchone()
            cursor = con.execute(
                "SELECT p.id, p.idx, p.text, p.start_line, p.end_line, p.start_char, p.end_char, p.tokens, p.hash, p.page,"
                " p.context, r.reading FROM passages p LEFT JOIN readings r ON r.id = p.id"
            )
            for i, index, text, sl, el, sc, ec, tokens, content_hash, page, context, stored in cursor:
                n = at.get(i)
                if n is None:
                    continue
                body = text.encode("utf-8", "surrogatepass")
                fields = f"{content_hash}\n{context or ''}".encode("utf-8", "surrogatepass")
                parts[n] = body + fields + (stored or "").encode("utf-8", "surrogatepass")
                table[n, 1:3] = (len(body), len(body) + len(fields))
                table[n, 4:] = (index, sl, el, sc, ec, tokens, -1 if page is None else page)
                if stored is None:
                    tag = None  # (a row without one: the readings are not used)
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        con.close()
    if any(p is None for p in parts):
        return None
    lengths = np.fromiter((len(p) for p in parts), np.int64, len(parts))  # type: ignore[arg-type]
    table[:, 3] = np.cumsum(lengths)
    table[:, 0] = table[:, 3] - lengths
    table[:, 1:3] += table[:, :1]
    head = json.dumps({"key": key, "count": len(ids), "reading": tag[0] if tag else None}).encode("utf-8")
    pre = _MAGIC + len(head).to_bytes(8, "little") + head
    pre += b"\0" * (-len(pre) % 8)
    tmp = build / f".tmp-{FILENAME}"
    try:
        with open(tmp, "wb") as f:
            f.write(pre)
            f.write(table.tobytes())
            f.writelines(parts)  # type: ignore[arg-type]
        os.replace(tmp, build / FILENAME)
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    return load(build, len(ids))


def refresh(build: Path | None, ids: Sequence[str], fingerprint: str, copy: Path, held: Rows | None = None) -> Rows | None:
    """The build's rows made again when they are missing or the copy's key moved on (a sync's last step);
    not while the copy holds another chunk set than the build's (``fingerprint``)."""
    if build is None or not os.access(build, os.W_OK) or not copy.is_file():
        return held
    try:
        con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True, timeout=30)
        try:
            key = copy_key(con)
        finally:
            con.close()
    except sqlite3.Error:
        return held
    if key is None or not key.startswith(f"{fingerprint}/"):
        return held
    current = held if held is not None and held.key == key else load(build, len(ids))
    if current is not None and current.key == key:
        return current
    return write(build, ids, copy)
