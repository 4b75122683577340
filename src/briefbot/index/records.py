"""File records: one row per indexed file (size, mtime, hash, chunk count, status), to skip unchanged files.

A record is written "pending" before a file's chunks change and "ok" after, so readers and the
next ingest can tell a file whose write was interrupted (see ``Index.replace_files``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefbot.index.chroma import guarded
from briefbot.schema import FileRecord

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

_UNIT = [1.0]  # file records carry no meaningful vector; chromadb requires one


class FileRecords:
    """The records collection; every call goes through the same retry-then-"damaged" guard as the chunks."""

    def __init__(self, files: Collection, location: str = "") -> None:
        self.files = files
        self.location = location

    @guarded
    def file_records(self) -> dict[str, FileRecord]:
        """Records of files whose write completed ("ok"); an interrupted file counts as not indexed."""
        got = self.files.get(include=["metadatas"])  # type: ignore[list-item]
        out: dict[str, FileRecord] = {}
        for meta in got["metadatas"] or []:
            if meta.get("status") != "ok":
                continue
            out[str(meta["source"])] = FileRecord(
                source=str(meta["source"]),
                size=int(meta["size"]),  # type: ignore[arg-type]
                mtime_ns=int(meta["mtime_ns"]),  # type: ignore[arg-type]
                sha256=str(meta["sha256"]),
                chunks=int(meta["chunks"]),  # type: ignore[arg-type]
                indexed_at=str(meta["indexed_at"]),
                reader=int(meta.get("reader", 1)),  # type: ignore[arg-type]  # (a record from before versions: 1)
            )
        return out

    @guarded
    def pending_sources(self) -> list[str]:
        got = self.files.get(where={"status": "pending"}, include=["metadatas"])  # type: ignore[list-item]
        return [str(m["source"]) for m in got["metadatas"] or []]

    @guarded
    def put(self, records: Sequence[FileRecord], status: str) -> None:
        if not records:
            return
        self.files.upsert(
            ids=[r.source for r in records],
            embeddings=[_UNIT] * len(records),
            metadatas=[
                {
                    "source": r.source,
                    "size": r.size,
                    "mtime_ns": str(r.mtime_ns),
                    "sha256": r.sha256,
                    "chunks": r.chunks,
                    "indexed_at": r.indexed_at,
                    "reader": r.reader,
                    "status": status,
                }
                for r in records
            ],
        )

    @guarded
    def mark_pending(self, sources: Sequence[str]) -> None:
        """Mark existing records pending (before their files' chunks are deleted)."""
        got = self.files.get(ids=list(sources), include=["metadatas"])  # type: ignore[list-item]
        marked = [{**m, "status": "pending"} for m in got["metadatas"] or []]
        if marked:
            self.files.upsert(ids=got["ids"], embeddings=[_UNIT] * len(marked), metadatas=marked)  # type: ignore[arg-type]

    @guarded
    def delete(self, sources: Sequence[str]) -> None:
        self.files.delete(ids=list(sources))
