"""Chunk texts, fields and readings in one file aligned with a BM25 build's ids: a search's row reads.

A search reads the texts of the passages it re-ranks and of those it reads on past them (~30 rows at
100,000 chunks). From the local copy (index/passages.py) each is an SQLite row found by its id, ~8-10 us
with the file cached; here it is one ``pread`` at the offset the row's position gives (the BM25 index
knows it), with the re-ranker's reading of it (index/reading.py) in the same read.

The file is made from the copy, and used only while the copy holds what it was made from: its ``key``
is the copy's fingerprint and a digest of its table of file stamps (:func:`copy_key`). A chunk id names
its text, but an edit can move a chunk's lines and keep its id: the copy then reads the rows of the file
again and records the file's new stamp, so the key changes and this file is not used until the next
sync writes it again (:func:`refresh`). One file, replaced in one rename: a reader holds a whole one open.

It also numbers the texts: rows holding the same text (copies of a file, repeated boilerplate) share a
number, so a search reads one of them for the re-ranker and the others only if a passage must be made of them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from briefbot.index import reading
from briefbot.schema import Chunk

FILENAME = "rows.bin"
_MAGIC = b"BBROWS4\n"  # (3: without line maps; 2: without the text numbers)
# After the offsets, each row's text number (int32: the position of a row with the same text and context), padded to 8 bytes.
# A row: the lengths of its text, of its other strings ("hash\nline map\ncontext") and of its reading, then its index, start
# line, end line, start char, end char, tokens and page (-1: none); then those three strings, UTF-8.
_HEAD = struct.Struct("<3i7q")
MEMO = 4096  # rows a reader remembers (as the copy's reader did)
_FIELDS = tuple(f.name for f in dataclasses.fields(Chunk))
_new = object.__new__


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
    """The read side: the chunk at a build position, while :attr:`key` is the copy's key.

    Rows are read with one ``pread`` each: a mapping of the file cost more, a page fault or two for each
    row first touched (~30 rows a search, nearly all new to the process at 100,000 chunks)."""

    def __init__(self, key: str, fd: int, offsets: np.ndarray, readings: bool, texts: np.ndarray) -> None:
        self.key, self._fd, self._offsets = key, fd, offsets
        self.texts = texts  # row -> its text's number: rows of one number hold the same text (and context)
        self.readings = readings  # the rows hold the re-ranker's readings in this code's format (index/reading.py)
        self._memo: dict[int, tuple[Chunk, str]] = {}  # rows read (the same passages come back query after query)

    def __del__(self) -> None:
        try:
            os.close(self._fd)
        except (OSError, AttributeError, TypeError):
            pass

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def chunk(self, chunk_id: str, position: int) -> tuple[Chunk, str]:
        """The chunk ``chunk_id`` at ``position`` of the build (the caller's BM25 index maps one to the other),
        and its stored reading (index/reading.py; meaningful only when :attr:`readings`)."""
        got = self._memo.get(position)  # (a position is always the same chunk: the file is never written in place)
        if got is not None:
            return got
        start, end = self._offsets[position : position + 2].tolist()
        row = os.pread(self._fd, end - start, start)
        text_len, fields_len, _, index, sl, el, sc, ec, tokens, page = _HEAD.unpack_from(row)
        at = _HEAD.size
        text = row[at : at + text_len].decode("utf-8", "surrogatepass")
        at += text_len
        content_hash, _, rest = row[at : at + fields_len].decode("utf-8", "surrogatepass").partition("\n")
        line_map, _, context = rest.partition("\n")
        stored = row[at + fields_len :].decode("utf-8", "surrogatepass")
        # (Chunk is a frozen dataclass: its __init__ sets each field through object.__setattr__, half a row's cost.)
        chunk = _new(Chunk)
        chunk.__dict__.update(zip(_FIELDS, (chunk_id.rsplit("#", 1)[0], index, text, sl, el, sc, ec, tokens, content_hash,
                                            None if page < 0 else page, context or None, line_map or None)))
        if len(self._memo) >= MEMO:
            self._memo.clear()
        self._memo[position] = (chunk, stored)
        return chunk, stored


def load(build: Path, count: int) -> Rows | None:
    """The build's rows (their offsets read, the file kept open); None when missing, damaged or not of ``count`` chunks."""
    try:
        fd = os.open(build / FILENAME, os.O_RDONLY)
    except OSError:
        return None
    try:
        size = os.fstat(fd).st_size
        pre = os.pread(fd, len(_MAGIC) + 8, 0)
        if count <= 0 or pre[: len(_MAGIC)] != _MAGIC or len(pre) < len(_MAGIC) + 8:
            raise ValueError
        length = int.from_bytes(pre[len(_MAGIC) :], "little")
        at = len(_MAGIC) + 8
        head = json.loads(os.pread(fd, length, at).decode("utf-8"))
        at += length
        at += -at % 8
        if head.get("count") != count:
            raise ValueError
        offsets = np.frombuffer(os.pread(fd, 8 * (count + 1), at), dtype="<i8")
        texts_at = at + 8 * (count + 1)
        texts = np.frombuffer(os.pread(fd, 4 * count, texts_at), dtype="<i4")
        if len(offsets) != count + 1 or int(offsets[0]) != texts_at + _texts_bytes(count) or int(offsets[-1]) != size:
            raise ValueError
        if np.any(np.diff(offsets) < _HEAD.size) or len(texts) != count or np.any(texts < 0) or np.any(texts >= count):
            raise ValueError
        return Rows(str(head["key"]), fd, offsets, head.get("reading") == reading.format_tag(), texts)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        os.close(fd)
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
    parts: list[bytes | None] = [None] * len(ids)
    texts = np.zeros(len(ids), dtype="<i4")
    numbers: dict[tuple[str, str | None], int] = {}  # (content hash, context) -> a row's position: the text is the hash's less the context
    try:
        with con:  # one read transaction: the key and the rows agree
            con.execute("BEGIN")
            key = copy_key(con)
            if key is None:
                return None
            tag = con.execute("SELECT value FROM meta WHERE key = 'reading'").fetchone()
            cursor = con.execute(
                "SELECT p.id, p.idx, p.text, p.start_line, p.end_line, p.start_char, p.end_char, p.tokens, p.hash, p.page,"
                " p.context, p.lines, r.reading FROM passages p LEFT JOIN readings r ON r.id = p.id"
            )
            for i, index, text, sl, el, sc, ec, tokens, content_hash, page, context, line_map, stored in cursor:
                n = at.get(i)
                if n is None:
                    continue
                body = text.encode("utf-8", "surrogatepass")
                fields = f"{content_hash}\n{line_map or ''}\n{context or ''}".encode("utf-8", "surrogatepass")
                kept = (stored or "").encode("utf-8", "surrogatepass")
                head = _HEAD.pack(len(body), len(fields), len(kept), index, sl, el, sc, ec, tokens, -1 if page is None else page)
                parts[n] = head + body + fields + kept
                texts[n] = numbers.setdefault((content_hash, context or None), n)
                if stored is None:
                    tag = None  # (a row without one: the readings are not used)
    except (sqlite3.Error, TypeError, ValueError, struct.error):
        return None
    finally:
        con.close()
    if any(p is None for p in parts):
        return None
    head = json.dumps({"key": key, "count": len(ids), "reading": tag[0] if tag else None}).encode("utf-8")
    pre = _MAGIC + len(head).to_bytes(8, "little") + head
    pre += b"\0" * (-len(pre) % 8)
    offsets = np.zeros(len(ids) + 1, dtype="<i8")
    np.cumsum([len(p) for p in parts], out=offsets[1:])  # type: ignore[arg-type]
    offsets += len(pre) + offsets.nbytes + _texts_bytes(len(ids))
    tmp = build / f".tmp-{FILENAME}"
    try:
        with open(tmp, "wb") as f:
            f.write(pre)
            f.write(offsets.tobytes())
            f.write(texts.tobytes().ljust(_texts_bytes(len(ids)), b"\0"))
            f.writelines(parts)  # type: ignore[arg-type]
        os.replace(tmp, build / FILENAME)
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    return load(build, len(ids))


def _texts_bytes(count: int) -> int:
    """Bytes the text numbers take in the file (int32 each, padded to 8)."""
    return 4 * count + (4 * count) % 8


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
