"""Bringing the index up to date with the files: add new, replace changed, remove deleted, skip unchanged."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from . import manifest
from .chunking import chunk_document
from .embed_cache import EmbeddingCache, embed_missing
from .embedding import Embedder, make_embedder, warm_in_background
from .errors import LoadError
from .loading import FoundFile, discover, load_document
from .schema import Chunk, FileRecord, IngestReport
from .settings import Settings
from .store import Index

Progress = Callable[[int, int, str], None]  # (files done, files to process, current source)
# Chunks embedded and written together: few store round trips, bounded memory, and (since the
# embedder sorts each call by length) batches with little padding.
GROUP_CHUNKS = 512


def index_root(settings: Settings) -> Path:
    """Sources are named relative to the folder holding the index (the project folder)."""
    return settings.index.absolute().parent


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _under(source: str, root: Path, scopes: Sequence[Path]) -> bool:
    path = Path(source) if Path(source).is_absolute() else root / source
    return any(path == s or s in path.parents for s in scopes)


def plan(
    settings: Settings,
    index: Index,
    paths: Sequence[Path],
    *,
    found: list[FoundFile] | None = None,
    records: dict[str, FileRecord] | None = None,
) -> tuple[list[FoundFile], list[str], int, dict[str, str]]:
    """Which files need (re)indexing, which records are gone, how many are unchanged.

    Size and mtime decide cheaply; only when they differ is the file hashed, so a touched but
    identical file costs one read and no embedding.
    """
    root = index_root(settings)
    # ``found`` and ``records`` may be passed in by a caller that already has them (saves a scan).
    if found is None:
        found = list(discover(paths, root, exclude=[settings.index]))
    if records is None:
        records = index.file_records()
    pending = set(index.pending_sources())
    todo: list[FoundFile] = []
    hashes: dict[str, str] = {}
    unchanged = 0
    touched: list[FileRecord] = []
    for f in found:
        rec = records.get(f.source)
        if rec is not None and f.source not in pending:
            if rec.size == f.size and rec.mtime_ns == f.mtime_ns:
                unchanged += 1
                continue
            try:
                sha = _file_sha256(f.path)
            except OSError:
                todo.append(f)
                continue
            if sha == rec.sha256:
                unchanged += 1
                touched.append(FileRecord(rec.source, f.size, f.mtime_ns, sha, rec.chunks, rec.indexed_at))
                continue
            hashes[f.source] = sha
        todo.append(f)
    index._put_records(touched, "ok")
    present = {f.source for f in found}
    scopes = [p.absolute() for p in paths]
    gone = sorted(
        s for s in set(records) | pending if s not in present and _under(s, root, scopes)
    )
    return todo, gone, unchanged, hashes


def ingest(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> IngestReport:
    """Index ``paths`` (default: the configured corpus) incrementally and report what changed.

    ``use_cache=False`` ignores the embedding cache (every new chunk is embedded; benchmarks use it).
    """
    started = time.perf_counter()
    paths = list(paths) if paths else list(settings.corpus)
    embedder = embedder or make_embedder(settings)
    found: list[FoundFile] | None = None
    if not rebuild and not settings.chroma_url:
        # Fast path: when a stat of every file matches the snapshot, there is nothing to do and
        # chromadb is never imported (see manifest.py).
        root = index_root(settings)
        found = list(discover(paths, root, exclude=[settings.index]))
        scopes = [p.absolute() for p in paths]
        total = manifest.up_to_date(settings.index, embedder.name, found, lambda s: _under(s, root, scopes))
        if total is not None and (settings.index / "chroma").exists():
            return IngestReport(unchanged=len(found), total_chunks=total, seconds=time.perf_counter() - started)
    warm_in_background(embedder)  # there is work to do: load the model while the index opens
    if rebuild:
        manifest.clear(settings.index)
        Index.drop(settings)  # the embedding cache is kept: a rebuild re-uses its vectors
    index = Index.open(settings, embedder.name, embedder.dim, create=True)
    manifest.clear(settings.index)  # from here on the index may change
    cache = EmbeddingCache.for_index(settings.index, embedder.name, embedder.dim) if use_cache else None
    report = IngestReport()
    records = index.file_records()
    known = set(records)
    todo, gone, report.unchanged, _ = plan(settings, index, paths, found=found, records=records)

    if gone:
        index.remove_files(gone)
        report.removed.extend(gone)

    group_records: list[FileRecord] = []
    group_chunks: list[Chunk] = []

    def flush() -> None:
        if not group_records:
            return
        texts = {c.content_hash: c.text for c in group_chunks}  # identical text is embedded once
        # Only a changed file can have vectors in the index already; the store is asked for them
        # only when the cache lacks some (an index built before the cache), never per chunk.
        replaced = [r.source for r in group_records if r.source in known]
        by_hash, embedded = embed_missing(
            embedder, cache, texts, (lambda: index.existing_vectors(replaced)) if replaced else None
        )
        report.embedded += embedded
        vectors = np.zeros((len(group_chunks), embedder.dim), dtype=np.float32)
        for i, c in enumerate(group_chunks):
            vectors[i] = by_hash[c.content_hash]
        index.replace_files(group_records, group_chunks, vectors)
        report.chunks += len(group_chunks)
        group_records.clear()
        group_chunks.clear()

    for done, f in enumerate(todo):
        if progress:
            progress(done, len(todo), f.source)
        try:
            sha = _file_sha256(f.path)
            doc = load_document(f.path, f.source)
        except (LoadError, OSError) as exc:
            reason = str(exc).split(": ", 1)[-1] if isinstance(exc, LoadError) else str(exc)
            report.skipped.append((f.source, reason))
            if f.source in known:
                index.remove_files([f.source])
                report.removed.append(f.source)
            continue
        chunks = chunk_document(doc, settings.chunk_tokens, settings.chunk_overlap)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        group_records.append(FileRecord(f.source, f.size, f.mtime_ns, sha, len(chunks), now))
        group_chunks.extend(chunks)
        (report.changed if f.source in known else report.added).append(f.source)
        if len(group_chunks) >= GROUP_CHUNKS:
            flush()
    flush()
    if progress:
        progress(len(todo), len(todo), "")
    report.total_chunks = index.count()
    if cache is not None:
        cache.close()
    if not settings.chroma_url and not index.pending_sources():
        manifest.write(settings.index, embedder.name, index.file_records(), report.total_chunks)
    report.seconds = time.perf_counter() - started
    return report


def needs_refresh(settings: Settings, index: Index) -> bool:
    """A cheap check (stat only) whether the configured corpus differs from what is indexed."""
    root = index_root(settings)
    try:
        found = list(discover(settings.corpus, root, exclude=[settings.index]))
    except LoadError:
        return False
    if not settings.chroma_url and index.embedder:
        scopes = [p.absolute() for p in settings.corpus]
        if manifest.up_to_date(settings.index, index.embedder, found, lambda s: _under(s, root, scopes)) is not None:
            return False  # the snapshot matches: no need to read every file record from chromadb
    records = index.file_records()
    if index.pending_sources():
        return True
    scopes = [p.absolute() for p in settings.corpus]
    if any(s not in {f.source for f in found} and _under(s, root, scopes) for s in records):
        return True
    for f in found:
        rec = records.get(f.source)
        if rec is None or rec.size != f.size or rec.mtime_ns != f.mtime_ns:
            return True
    return False
