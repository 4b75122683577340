"""The index: chunks and their vectors in chromadb, plus one record per source file to skip unchanged files."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import EmbedderMismatchError, IndexError_
from .schema import Chunk, FileRecord

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from .settings import Settings

CHUNKS = "briefbot_chunks"
FILES = "briefbot_files"
SCHEMA_VERSION = 1
# chromadb's default ef_search of 10 misses near neighbours; 100 finds them at ~1.5 ms.
HNSW = {"space": "cosine", "ef_search": 100, "ef_construction": 200}
_UNIT = [1.0]  # file records carry no meaningful vector; chromadb requires one


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    return {
        "source": chunk.source,
        "index": chunk.index,
        "start_line": chunk.start_line,
        "end_line": chunk.end_line,
        "start_char": chunk.start_char,
        "end_char": chunk.end_char,
        "tokens": chunk.tokens,
        "hash": chunk.content_hash,
    }


def chunk_from_record(text: str, meta: dict[str, Any]) -> Chunk:
    return Chunk(
        source=str(meta["source"]),
        index=int(meta["index"]),
        text=text,
        start_line=int(meta["start_line"]),
        end_line=int(meta["end_line"]),
        start_char=int(meta["start_char"]),
        end_char=int(meta["end_char"]),
        tokens=int(meta["tokens"]),
        content_hash=str(meta["hash"]),
    )


@contextlib.contextmanager
def _unchecked_overrides() -> Iterator[None]:
    """Import and start chromadb without the ``overrides`` package validating its methods.

    chromadb marks ~170 methods ``@override``; that decorator inspects bytecode and compares
    signatures at import time (a check for chromadb's developers), which is about a third of
    chromadb's start-up, paid by every `briefbot` command that opens the index. Here the decorator
    only marks the method, which is all ``EnforceOverrides`` needs; the original is put back after.
    """
    try:
        import overrides
    except ImportError:
        yield
        return
    saved = overrides.override, overrides.overrides

    def mark(method: Any = None, **_: Any) -> Any:
        if method is None:
            return mark
        method.__override__ = True
        return method

    overrides.override = overrides.overrides = mark  # type: ignore[assignment]
    try:
        yield
    finally:
        overrides.override, overrides.overrides = saved  # type: ignore[assignment]


def make_client(settings: Settings) -> ClientAPI:
    """The one place the chromadb client is chosen: embedded on disk, or a server by URL."""
    with _unchecked_overrides():
        return _make_client(settings)


def _make_client(settings: Settings) -> ClientAPI:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "localhost",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # noqa: BLE001 - chromadb raises several types here
            raise IndexError_(f"cannot reach the chroma server at {settings.chroma_url}: {exc}") from None
    return chromadb.PersistentClient(path=str(settings.index / "chroma"), settings=chroma_settings)


class Index:
    """Chunks with vectors, and file records, in two chromadb collections."""

    def __init__(self, client: ClientAPI, chunks: Collection, files: Collection) -> None:
        self.client = client
        self.chunks = chunks
        self.files = files

    @property
    def embedder(self) -> str | None:
        return (self.chunks.metadata or {}).get("embedder")

    @property
    def dim(self) -> int | None:
        dim = (self.chunks.metadata or {}).get("dim")
        return int(dim) if dim is not None else None

    @classmethod
    def open(cls, settings: Settings, embedder: str, dim: int, create: bool) -> Index:
        """Open the index built with ``embedder``; create it when asked; refuse a different embedder."""
        if not settings.chroma_url and not create and not (settings.index / "chroma").exists():
            raise IndexError_(
                f"no index at {settings.index}: run `briefbot ingest` first"
            )
        client = make_client(settings)
        try:
            meta = {"embedder": embedder, "dim": dim, "schema": SCHEMA_VERSION}
            if create:
                chunks = client.get_or_create_collection(
                    CHUNKS, metadata=meta, configuration={"hnsw": HNSW}, embedding_function=None  # type: ignore[arg-type,dict-item]
                )
                files = client.get_or_create_collection(
                    FILES, metadata={"schema": SCHEMA_VERSION}, embedding_function=None  # type: ignore[arg-type]
                )
            else:
                chunks = client.get_collection(CHUNKS, embedding_function=None)  # type: ignore[arg-type]
                files = client.get_collection(FILES, embedding_function=None)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            if not create and "does not exist" in str(exc).lower():
                raise IndexError_(f"no index at {settings.index}: run `briefbot ingest` first") from None
            raise IndexError_(
                f"index at {settings.index} cannot be opened ({type(exc).__name__}: {exc}); "
                "rebuild it with `briefbot ingest --rebuild`"
            ) from None
        index = cls(client, chunks, files)
        if index.embedder != embedder or index.dim != dim:
            raise EmbedderMismatchError(
                f"index at {settings.index} was built with embedder {index.embedder} (dim {index.dim}), "
                f"not {embedder} (dim {dim}): rebuild it with `briefbot ingest --rebuild`, "
                f"or pass --embedder {index.embedder}"
            )
        return index

    @staticmethod
    def drop(settings: Settings) -> None:
        """Delete both collections, for ``ingest --rebuild``."""
        if not settings.chroma_url and not (settings.index / "chroma").exists():
            return
        client = make_client(settings)
        for name in (CHUNKS, FILES):
            try:
                client.delete_collection(name)
            except Exception:  # noqa: BLE001 - absent is fine
                pass

    # --- file records -------------------------------------------------------------------------

    def file_records(self) -> dict[str, FileRecord]:
        got = self.files.get(include=["metadatas"])  # type: ignore[list-item]
        out: dict[str, FileRecord] = {}
        for meta in got["metadatas"] or []:
            if meta.get("status") != "ok":
                continue  # a file whose write was interrupted counts as not indexed
            out[str(meta["source"])] = FileRecord(
                source=str(meta["source"]),
                size=int(meta["size"]),  # type: ignore[arg-type]
                mtime_ns=int(meta["mtime_ns"]),  # type: ignore[arg-type]
                sha256=str(meta["sha256"]),
                chunks=int(meta["chunks"]),  # type: ignore[arg-type]
                indexed_at=str(meta["indexed_at"]),
            )
        return out

    def pending_sources(self) -> list[str]:
        got = self.files.get(where={"status": "pending"}, include=["metadatas"])  # type: ignore[list-item]
        return [str(m["source"]) for m in got["metadatas"] or []]

    def _put_records(self, records: Sequence[FileRecord], status: str) -> None:
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
                    "status": status,
                }
                for r in records
            ],
        )

    # --- writing ------------------------------------------------------------------------------

    def existing_vectors(self, sources: Iterable[str]) -> dict[str, np.ndarray]:
        """Vectors already stored for these sources, by chunk hash, so unchanged chunks are not re-embedded."""
        sources = list(sources)
        if not sources:
            return {}
        got = self.chunks.get(where={"source": {"$in": sources}}, include=["metadatas", "embeddings"])  # type: ignore[list-item]
        metas = got["metadatas"] or []
        vecs = got["embeddings"] if got["embeddings"] is not None else []
        return {str(m["hash"]): np.asarray(v, dtype=np.float32) for m, v in zip(metas, vecs)}

    def replace_files(
        self, records: Sequence[FileRecord], chunks: Sequence[Chunk], vectors: np.ndarray
    ) -> None:
        """Swap in new chunks for these files in an order a crash at any point can be recovered from.

        The records go in as "pending" first; the next ingest redoes any file still pending, and
        deleting by source before adding removes whatever an interrupted run left behind.
        """
        self._put_records(records, "pending")
        self.delete_chunks([r.source for r in records])
        batch = self.client.get_max_batch_size()
        for b in range(0, len(chunks), batch):
            part = chunks[b : b + batch]
            self.chunks.add(
                ids=[c.id for c in part],
                embeddings=vectors[b : b + batch],
                documents=[c.text for c in part],
                metadatas=[chunk_metadata(c) for c in part],  # type: ignore[misc]
            )
        self._put_records(records, "ok")

    def delete_chunks(self, sources: Sequence[str]) -> None:
        for b in range(0, len(sources), 500):
            self.chunks.delete(where={"source": {"$in": list(sources[b : b + 500])}})

    def remove_files(self, sources: Sequence[str]) -> None:
        if not sources:
            return
        self.delete_chunks(sources)
        self.files.delete(ids=list(sources))

    # --- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        return self.chunks.count()

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[Chunk, float]]:
        """Nearest chunks by cosine similarity, best first."""
        total = self.count()
        if total == 0:
            return []
        res = self.chunks.query(
            query_embeddings=[vector.astype(np.float32)],
            n_results=min(n, total),
            where=where,
            include=["documents", "metadatas", "distances"],  # type: ignore[list-item]
        )
        docs = (res["documents"] or [[]])[0]
        metas = (res["metadatas"] or [[]])[0]
        dists = (res["distances"] or [[]])[0]
        return [(chunk_from_record(d, m), 1.0 - float(dist)) for d, m, dist in zip(docs, metas, dists)]

    def get_chunks(
        self, where: dict[str, Any] | None = None, with_vectors: bool = False
    ) -> tuple[list[Chunk], np.ndarray | None]:
        include = ["documents", "metadatas"] + (["embeddings"] if with_vectors else [])
        got = self.chunks.get(where=where, include=include)  # type: ignore[arg-type]
        chunks = [chunk_from_record(d, m) for d, m in zip(got["documents"] or [], got["metadatas"] or [])]
        order = sorted(range(len(chunks)), key=lambda i: (chunks[i].source, chunks[i].index))
        chunks = [chunks[i] for i in order]
        vecs = None
        if with_vectors:
            raw = got["embeddings"] if got["embeddings"] is not None else []
            vecs = np.asarray(raw, dtype=np.float32)[order] if len(raw) else np.zeros((0, self.dim or 0), np.float32)
        return chunks, vecs
