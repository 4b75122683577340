"""Bringing the index up to date with the files: add new, replace changed, remove deleted, skip unchanged."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from briefbot.errors import LoadError
from briefbot.index import lexical
from briefbot.index.embed_cache import PRUNE_RATIO, EmbeddingCache, embed_missing
from briefbot.index.embedding import Embedder, make_embedder, warm_in_background
from briefbot.index.readonly import check_can_write
from briefbot.index.store import Index
from briefbot.ingest import changes, manifest
from briefbot.ingest.chunking import chunk_document
from briefbot.ingest.loading import (
    FoundFile,
    load_document,
    os_error,
    reader_version,
)
from briefbot.ingest.locking import ingest_lock
from briefbot.ingest.skips import remember_skips
from briefbot.schema import Chunk, Document, FileRecord, IngestReport
from briefbot.settings import Settings

# (files done, files to process, current source); ``done`` is fractional while a file is worked on
Progress = Callable[[float, int, str], None]
# Chunks embedded and written together: few store round trips, bounded memory, and (since the
# embedder sorts each call by length) batches with little padding. The variable exists so the
# crash-safety test can make many small groups (a kill then lands between writes, too); it is
# read when an ingest starts, not at import (the tests run commands in forks of one process).
GROUP_CHUNKS = 512


def _group_chunks() -> int:
    return int(os.environ.get("BRIEFBOT_TEST_GROUP_CHUNKS") or GROUP_CHUNKS)


# Within one file, the share of the progress bar's step for it that reading and chunking take (the
# rest is embedding): a big file moves the bar while it is worked on.
EMBED_FROM = 0.3
Step = Callable[[float], None]  # how far through the current file (0..1)
READ_ATTEMPTS = 3  # a file still changing after this many reads is skipped until the next ingest


class _Opening:
    """The index opened on another thread: importing chromadb takes ~0.6 s, which the files'
    reading, chunking and embedding (onnxruntime releases the GIL) can overlap."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self._index: Index | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, args=(settings, embedder), name="briefbot-open", daemon=True)
        self._thread.start()

    def _open(self, settings: Settings, embedder: Embedder) -> None:
        try:
            self._index = Index.open(settings, embedder.name, embedder.dim, create=True)
        except BaseException as exc:  # noqa: BLE001 - re-raised on the ingest's own thread by get()
            self._error = exc

    def __enter__(self) -> _Opening:
        return self

    def __exit__(self, *exc: object) -> None:
        self._thread.join()  # whatever it did: an error of its own surfaces through get()

    def get(self) -> Index:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._index is not None
        return self._index


def _step(progress: Progress, done: int, total: int, source: str) -> Step:
    """Progress within the file ``done`` (of ``total``), reported as a fractional number of files."""
    return lambda fraction: progress(done + min(max(fraction, 0.0), 0.99), total, source)


def _scaled(step: Step | None, share: float) -> Step | None:
    return None if step is None else (lambda fraction: step(share * fraction))


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_ino, b.st_size, b.st_mtime_ns)


def skip_reason(exc: LoadError, f: FoundFile) -> str:
    """The reason alone: loaders name the file by path or by source, and the skip line names it once."""
    message = str(exc)
    for name in (str(f.path), f.source):
        message = message.removeprefix(f"{name}: ")
    return message


def read_consistent(f: FoundFile, max_bytes: int, known: str | None = None) -> tuple[Document, os.stat_result, str]:
    """Load a file and hash it, making sure it did not change in between (else read it again).

    The stat returned is the one the text and hash belong to, so the next ingest's cheap
    size/mtime check compares against what was really indexed. ``known``, the hash ``plan`` took of
    the file as discovered, is used instead of hashing again while the file's size and mtime still
    match the discovery.
    """
    for _ in range(READ_ATTEMPTS):
        try:
            before = f.path.stat()
            doc = load_document(f.path, f.source, max_bytes)
            as_discovered = (before.st_size, before.st_mtime_ns) == (f.size, f.mtime_ns)
            sha = known if known is not None and as_discovered else changes.file_sha256(f.path)
            after = f.path.stat()
        except OSError as exc:
            raise os_error(f.path, exc) from None
        if _same_file(before, after):
            return doc, after, sha
    raise LoadError(f"{f.path}: kept changing while being read: run ingest again once it is saved")


def ingest(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    lock_timeout: float | None = None,
    use_cache: bool = True,
) -> IngestReport:
    """Index ``paths`` (default: the configured corpus) incrementally and report what changed.

    Holds the index's writer lock throughout; waits ``lock_timeout`` seconds (default: the setting)
    for another ingest to finish, then raises IndexBusyError naming it. ``use_cache=False`` ignores
    the embedding cache (every new chunk is embedded; benchmarks use it).
    """
    started = time.perf_counter()
    paths = list(paths) if paths else list(settings.corpus)
    embedder = embedder or make_embedder(settings)
    found: list[FoundFile] | None = None
    discovery_skips: list[tuple[str, str]] = []
    others: dict[str, int] = {}  # files of unknown type, by extension: counted, not indexed
    if not rebuild and not settings.chroma_url:
        # Fast path: when a stat of every file matches the snapshot, there is nothing to do and
        # chromadb is never imported (see manifest.py).
        root = changes.index_root(settings)
        found = changes.discover_files(settings, paths, discovery_skips, others)
        scopes = changes.scopes_of(paths)
        total = manifest.up_to_date(settings.index, embedder.name, found, lambda s: changes.leaves(s, root, scopes))
        if total is not None and not discovery_skips and (settings.index / "chroma").exists():
            return IngestReport(
                unchanged=len(found), other_types=others, total_chunks=total, seconds=time.perf_counter() - started
            )
    if not settings.chroma_url:
        check_can_write(settings.index)  # a read-only index is named as such, before anything is written
    timeout = settings.lock_timeout if lock_timeout is None else lock_timeout
    asked = time.perf_counter()
    with ingest_lock(settings.index, timeout):
        if time.perf_counter() - asked > 0.5:
            found = None  # waited for another ingest: look at the files again (skips are reported then)
        report = _ingest_locked(settings, paths, rebuild, embedder, progress, use_cache, found, others)
        if found is not None:
            report.skipped[:0] = discovery_skips
    report.seconds = time.perf_counter() - started
    return report


def _ingest_locked(
    settings: Settings,
    paths: list[Path],
    rebuild: bool,
    embedder: Embedder,
    progress: Progress | None,
    use_cache: bool,
    found: list[FoundFile] | None = None,
    others: dict[str, int] | None = None,
) -> IngestReport:
    warm_in_background(embedder)  # there is work to do: load the model while the index opens
    # While the snapshot stands, the index is exactly as the last complete ingest left it: its
    # records are those, nothing is pending and no chunk is orphaned (no need to ask chromadb), so
    # the files are read, chunked and embedded while chromadb starts on another thread, and the
    # snapshot is removed just before the first write.
    vouched = None if rebuild or settings.chroma_url else manifest.records(settings.index, embedder.name)
    # A context: on the way out of a failed ingest (Ctrl-C, errors) it waits for the thread, so
    # chromadb is never left half-imported at exit.
    with _Opening(settings, embedder) if vouched is not None else contextlib.nullcontext() as opening:
        opened: Index | None = None
        if vouched is None:
            if rebuild:
                manifest.clear(settings.index)
                Index.drop(settings)  # the embedding cache is kept: a rebuild re-uses its vectors
            opened = Index.open(settings, embedder.name, embedder.dim, create=True)
            manifest.clear(settings.index)  # from here on the index may change
            records = opened.file_records()
            opened.remove_orphans(records)
            pending = set(opened.pending_sources())
        else:
            records, pending = vouched, set()
        known = set(records) | pending
        cache = EmbeddingCache.for_index(settings.index, embedder.name, embedder.dim) if use_cache else None
        report = IngestReport(other_types=others if others is not None else {})
        hashes: dict[str, str] = {}
        todo, gone, report.unchanged, touched = changes.plan(
            settings, paths, records, pending, report.skipped, found=found, hashes=hashes,
            others=report.other_types if found is None else None,
        )
        max_bytes = int(settings.max_file_mb * 2**20)

        def writable() -> Index:
            """The open index, made ready for writing on first use: snapshot removed, records of touched
            files updated and files that are gone removed."""
            nonlocal opened
            if opened is None:
                assert opening is not None
                opened = opening.get()
                manifest.clear(settings.index)  # from here on the index may change
            if touched:
                opened.records.put(touched, "ok")
                records.update((r.source, r) for r in touched)  # ``records`` stays what the index holds
                touched.clear()
            if gone:
                opened.remove_files(gone)
                report.removed.extend(gone)
                for source in gone:
                    records.pop(source, None)
                gone.clear()
            return opened

        if opened is not None:
            writable()  # nothing overlaps: write the small updates now, as they come

        group_records: list[FileRecord] = []
        group_chunks: list[Chunk] = []
        per_group = _group_chunks()

        def flush(step: Step | None = None) -> None:
            if not group_records:
                return
            texts = {c.content_hash: c.embed_text for c in group_chunks}  # identical text is embedded once
            # Only a changed file can have vectors in the index already; the store is asked for them
            # only when the cache lacks some (an index built before the cache), never per chunk.
            # (Not while chromadb is still starting: then the cache alone counts, see _Opening.)
            replaced = [r.source for r in group_records if r.source in known]
            store = opened
            in_store = functools.cache(lambda: store.existing_vectors(replaced)) if replaced and store else None
            # Embedded a group at a time, so a big file moves the progress bar (and an interrupted
            # ingest keeps, in the cache, what was embedded of it).
            hashes_left = list(texts)
            by_hash: dict[str, np.ndarray] = {}
            for b in range(0, len(hashes_left), per_group):
                part = {h: texts[h] for h in hashes_left[b : b + per_group]}
                got, embedded = embed_missing(embedder, cache, part, in_store)
                by_hash.update(got)
                report.embedded += embedded
                if step is not None:
                    step(EMBED_FROM + (1 - EMBED_FROM) * min(1.0, (b + per_group) / len(hashes_left)))
            vectors = np.zeros((len(group_chunks), embedder.dim), dtype=np.float32)
            for i, c in enumerate(group_chunks):
                vectors[i] = by_hash[c.content_hash]
            writable().replace_files(group_records, group_chunks, vectors)
            records.update((r.source, r) for r in group_records)
            report.chunks += len(group_chunks)
            group_records.clear()
            group_chunks.clear()

        unreadable: list[FoundFile] = []
        step: Step | None = None
        for done, f in enumerate(todo):
            if progress:
                progress(done, len(todo), f.source)
                step = _step(progress, done, len(todo), f.source)
            try:
                doc, st, sha = read_consistent(f, max_bytes, hashes.get(f.source))
            except LoadError as exc:
                report.skipped.append((f.source, skip_reason(exc, f)))
                unreadable.append(f)
                if f.source in known:
                    writable().remove_files([f.source])
                    report.removed.append(f.source)
                    records.pop(f.source, None)
                continue
            chunks = chunk_document(doc, settings.chunk_tokens, settings.chunk_overlap, done=_scaled(step, EMBED_FROM))
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            group_records.append(FileRecord(f.source, st.st_size, st.st_mtime_ns, sha, len(chunks), now, reader_version(f.path)))
            group_chunks.extend(chunks)
            (report.changed if f.source in known else report.added).append(f.source)
            if len(group_chunks) >= per_group:
                flush(step)
        flush(step)
        remember_skips(settings, unreadable)
        if progress:
            progress(len(todo), len(todo), "")
        # The BM25 index follows chromadb's chunk set (rebuilt only when that changed); a crash before
        # this line leaves it stale, which the next search detects by fingerprint and repairs. Its ids
        # are every chunk chromadb holds (we hold the writer lock), so they give the total too.
        index = writable()  # touched records and removals are written even when nothing was (re)indexed
        live_ids = lexical.sync(index, lexical.folder(settings), model=False, records=records).ids
        report.total_chunks = len(live_ids)
        if cache is not None:
            # Vectors no chunk uses any more (changed or deleted text) are dropped on --rebuild and
            # whenever they outnumber the live ones: the cache stays within ~2x what the index holds.
            if rebuild or cache.entries() > PRUNE_RATIO * max(report.total_chunks, 1):
                cache.prune(chunk_id.rsplit(":", 1)[-1] for chunk_id in live_ids)
            cache.close()
        if not settings.chroma_url and not index.pending_sources():
            # ``records`` followed every write above, so the index is read again only if they disagree.
            if sum(r.chunks for r in records.values()) != report.total_chunks:
                records = index.file_records()
            manifest.write(settings.index, embedder.name, records, report.total_chunks)
        return report
