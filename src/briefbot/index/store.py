"""The index: chunks and their vectors in chromadb; file records (records.py) and client/retries (chroma.py) beside it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from briefbot.errors import BriefbotError, EmbedderMismatchError, IndexError_
from briefbot.index.chroma import damaged, forget_client, guarded, make_client
from briefbot.index.records import FileRecords
from briefbot.schema import Chunk, FileRecord, source_of_chunk_id

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from briefbot.settings import Settings

CHUNKS = "briefbot_chunks"
FILES = "briefbot_files"
SCHEMA_VERSION = 1
# chromadb's default ef_search of 10 misses near neighbours; 100 finds them at ~1.5 ms.
HNSW = {"space": "cosine", "ef_search": 100, "ef_construction": 200}


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
        # chromadb metadata cannot hold None: page and section are present only when known
        **({"page": chunk.page} if chunk.page is not None else {}),
        **({"context": chunk.context} if chunk.context else {}),
        **({"lines": chunk.line_map} if chunk.line_map else {}),
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
        page=int(meta["page"]) if meta.get("page") is not None else None,
        context=str(meta["context"]) if meta.get("context") else None,
        line_map=str(meta["lines"]) if meta.get("lines") else None,
    )


class Index:
    """Chunks with vectors, and file records, in two chromadb collections."""

    def __init__(self, client: ClientAPI, chunks: Collection, files: Collection, location: str = "") -> None:
        self.client = client
        self.chunks = chunks
        self.records = FileRecords(files, location)
        self.location = location

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
        location = str(settings.chroma_url or settings.index)
        try:
            client = make_client(settings)
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
        except BriefbotError:
            raise
        except Exception as exc:  # noqa: BLE001
            if not settings.chroma_url:
                forget_client(settings)
            if not create and "does not exist" in str(exc).lower():
                raise IndexError_(f"no index at {settings.index}: run `briefbot ingest` first") from None
            raise damaged(location, exc) from exc
        index = cls(client, chunks, files, location)
        if index.embedder != embedder or index.dim != dim:
            from briefbot.index.embedding import setting_value

            raise EmbedderMismatchError(
                f"index at {settings.index} was built with embedder {index.embedder} (dim {index.dim}), "
                f"not {embedder} (dim {dim}): rebuild it with `briefbot ingest --rebuild`, "
                f"or pass --embedder {setting_value(str(index.embedder))}"
            )
        return index

    @staticmethod
    def drop(settings: Settings) -> None:
        """Delete both collections, for ``ingest --rebuild``; a local index too damaged to open is removed.

        File records go first: chunks left by an interrupted drop have no record, and the next
        ingest's ``remove_orphans`` deletes them.
        """
        folder = settings.index / "chroma"
        if not settings.chroma_url and not folder.exists():
            return
        try:
            client = make_client(settings)
            names = {getattr(c, "name", c) for c in client.list_collections()}
        except Exception:  # noqa: BLE001 - unreadable: start again from nothing
            if settings.chroma_url:
                raise
            import shutil

            forget_client(settings)
            shutil.rmtree(folder)
            return
        for name in (FILES, CHUNKS):
            if name in names:
                client.delete_collection(name)

    # --- file records (kept in their own collection: see records.py) --------------------------

    def file_records(self) -> dict[str, FileRecord]:
        return self.records.file_records()

    def pending_sources(self) -> list[str]:
        return self.records.pending_sources()

    # --- writing ------------------------------------------------------------------------------

    @guarded
    def existing_vectors(self, sources: Iterable[str]) -> dict[str, np.ndarray]:
        """Vectors already stored for these sources, by chunk hash, so unchanged chunks are not re-embedded."""
        sources = list(sources)
        if not sources:
            return {}
        got = self.chunks.get(where={"source": {"$in": sources}}, include=["metadatas", "embeddings"])  # type: ignore[list-item]
        metas = got["metadatas"] or []
        vecs = got["embeddings"] if got["embeddings"] is not None else []
        return {str(m["hash"]): np.asarray(v, dtype=np.float32) for m, v in zip(metas, vecs)}

    @guarded
    def replace_files(
        self, records: Sequence[FileRecord], chunks: Sequence[Chunk], vectors: np.ndarray
    ) -> None:
        """Swap in new chunks for these files in an order a crash at any point can be recovered from.

        The records go in as "pending" first; the next ingest redoes any file still pending, and
        deleting by source before adding removes whatever an interrupted run left behind.
        """
        self.records.put(records, "pending")
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
        self.records.put(records, "ok")

    @guarded
    def delete_chunks(self, sources: Sequence[str]) -> None:
        for b in range(0, len(sources), 500):
            self.chunks.delete(where={"source": {"$in": list(sources[b : b + 500])}})

    @guarded
    def remove_files(self, sources: Sequence[str]) -> None:
        """Remove files' chunks, then their records; marked pending first so readers skip them meanwhile."""
        if not sources:
            return
        self.records.mark_pending(sources)
        self.delete_chunks(sources)
        self.records.delete(sources)

    @guarded
    def remove_orphans(self, records: dict[str, FileRecord] | None = None) -> int:
        """Delete chunks whose file has no record (left by an interrupted rebuild); returns how many.

        Cheap when the index is consistent: the chunk count then equals the records' total.
        ``records`` may be passed by a caller that has just read them.
        """
        records = self.file_records() if records is None else records
        pending = set(self.pending_sources())
        if not pending and sum(r.chunks for r in records.values()) == self.count():
            return 0
        got = self.chunks.get(include=["metadatas"])  # type: ignore[list-item]
        keep = set(records) | pending
        orphans = [i for i, m in zip(got["ids"], got["metadatas"] or []) if m.get("source") not in keep]
        for b in range(0, len(orphans), 500):
            self.chunks.delete(ids=orphans[b : b + 500])
        return len(orphans)

    def _visible(self, where: dict[str, Any] | None, pending: Sequence[str] | None = None) -> dict[str, Any] | None:
        """``where`` narrowed to files whose write is complete: readers never see a half-written file."""
        pending = list(self.pending_sources() if pending is None else pending)
        if not pending:
            return where
        clause: dict[str, Any] = {"source": {"$nin": pending}}
        return clause if not where else {"$and": [where, clause]}

    # --- reading ------------------------------------------------------------------------------

    @guarded
    def count(self) -> int:
        return self.chunks.count()

    @guarded
    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[Chunk, float]]:
        """Nearest chunks by cosine similarity, best first."""
        res = self.chunks.query(
            query_embeddings=[vector.astype(np.float32)],
            n_results=n,  # chromadb returns fewer when the index holds fewer
            where=self._visible(where),
            include=["documents", "metadatas", "distances"],  # type: ignore[list-item]
        )
        docs = (res["documents"] or [[]])[0]
        metas = (res["metadatas"] or [[]])[0]
        dists = (res["distances"] or [[]])[0]
        return [(chunk_from_record(d, m), 1.0 - float(dist)) for d, m, dist in zip(docs, metas, dists)]

    @guarded
    def query_ids(
        self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None, pending: Sequence[str] | None = None
    ) -> list[str]:
        """Ids of the nearest chunks, best first: for a caller that fetches the chunks by id anyway."""
        pending = list(self.pending_sources() if pending is None else pending)
        visible = self._visible(where, pending)
        try:
            res = self.chunks.query(
                query_embeddings=[vector.astype(np.float32)],
                n_results=n,
                where=visible,
                include=[],  # type: ignore[list-item]
            )
            return list(res["ids"][0]) if res["ids"] else []
        except Exception:  # noqa: BLE001
            if visible is None or (where and (set(where) != {"source"} or not isinstance(where["source"], str))):
                raise
        # While another process writes, chromadb's metadata filter can name chunks its vector index
        # does not hold yet ("Error finding id"). Search the vectors unfiltered, then filter here.
        res = self.chunks.query(
            query_embeddings=[vector.astype(np.float32)], n_results=4 * n, include=[]  # type: ignore[list-item]
        )
        skip = set(pending)
        wanted = (where or {}).get("source")
        sources = ((i, source_of_chunk_id(i)) for i in (res["ids"][0] if res["ids"] else []))
        return [i for i, src in sources if src not in skip and (wanted is None or src == wanted)][:n]

    @guarded
    def chunk_ids(self) -> list[str]:
        """Every chunk id, cheaply (no documents), to check the lexical index is in step."""
        return list(self.chunks.get(include=[])["ids"])  # type: ignore[arg-type]

    @guarded
    def chunk_texts(self) -> tuple[list[str], list[str]]:
        """Every chunk id with its text, to (re)build the lexical index from the source of truth."""
        got = self.chunks.get(include=["documents"])  # type: ignore[list-item]
        return list(got["ids"]), list(got["documents"] or [])

    @guarded
    def texts_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The text of each chunk in ``ids`` that is still in the index (for an incremental BM25 update)."""
        out: dict[str, str] = {}
        for b in range(0, len(ids), 1000):  # bounded batches: chromadb's memory grows with each read
            got = self.chunks.get(ids=list(ids[b : b + 1000]), include=["documents"])  # type: ignore[list-item]
            out.update(zip(got["ids"], got["documents"] or []))
        return out

    @guarded
    def get_by_ids(
        self, ids: Sequence[str], pending: Sequence[str] | None = None
    ) -> dict[str, tuple[Chunk, np.ndarray | None]]:
        """Chunks with their vectors by id; ids no longer in the index are left out."""
        if not ids:
            return {}
        # Files being written are invisible to readers; their ids (named "source#n:hash") are left
        # out before asking chromadb, whose vectors for them may not be readable yet.
        skip = set(self.pending_sources() if pending is None else pending)
        ids = [i for i in ids if source_of_chunk_id(i) not in skip]
        if not ids:
            return {}
        try:
            got = self.chunks.get(ids=list(ids), include=["documents", "metadatas", "embeddings"])  # type: ignore[list-item]
            vecs: Sequence[Any] = got["embeddings"] if got["embeddings"] is not None else []
        except Exception:  # noqa: BLE001
            # While another process ingests, chromadb may not serve its newest vectors yet
            # ("Error finding id"); read the rows without them and let the caller re-embed those.
            got = self.chunks.get(ids=list(ids), include=["documents", "metadatas"])  # type: ignore[list-item]
            vecs = [None] * len(got["ids"])
        return {
            i: (chunk_from_record(d, m), None if v is None else np.asarray(v, dtype=np.float32))
            for i, d, m, v in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], vecs)
            if m["source"] not in skip
        }

    def iter_vectors(self, batch: int = 2000) -> Iterator[tuple[list[str], np.ndarray]]:
        """Chunk ids with their vectors, a batch at a time (no texts): a whole-corpus pass in bounded memory."""
        where = self._visible(None)
        offset = 0
        while ids_vectors := self._vectors_page(where, batch, offset):
            yield ids_vectors
            offset += len(ids_vectors[0])

    @guarded
    def _vectors_page(self, where: dict[str, Any] | None, batch: int, offset: int) -> tuple[list[str], np.ndarray] | None:
        got = self.chunks.get(where=where, limit=batch, offset=offset, include=["embeddings"])  # type: ignore[list-item]
        ids = list(got["ids"])
        return (ids, np.asarray(got["embeddings"], dtype=np.float32)) if ids else None

    @guarded
    def get_chunks(
        self, where: dict[str, Any] | None = None, with_vectors: bool = False
    ) -> tuple[list[Chunk], np.ndarray | None]:
        include = ["documents", "metadatas"] + (["embeddings"] if with_vectors else [])
        got = self.chunks.get(where=self._visible(where), include=include)  # type: ignore[arg-type]
        chunks = [chunk_from_record(d, m) for d, m in zip(got["documents"] or [], got["metadatas"] or [])]
        order = sorted(range(len(chunks)), key=lambda i: (chunks[i].source, chunks[i].index))
        chunks = [chunks[i] for i in order]
        vecs = None
        if with_vectors:
            raw = got["embeddings"] if got["embeddings"] is not None else []
            vecs = np.asarray(raw, dtype=np.float32)[order] if len(raw) else np.zeros((0, self.dim or 0), np.float32)
        return chunks, vecs
