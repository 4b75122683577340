"""Keeping the index current while files change: debounced batches, each one incremental ingest.

Every batch re-runs the ordinary incremental ingest over the watched paths (a stat per unchanged
file), so renames, deletions and files that vanish mid-write need no special case: the ingest
compares the folder with the index and skips what it cannot read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefbot.errors import BriefbotError, ConfigError
from briefbot.faces.service import Service

QUIET_MS = 400  # a batch starts once nothing changed for this long...
MAX_WAIT_MS = 3000  # ...or this long after its first change, whichever comes first
RETRY_S = 5.0  # a batch that failed (index busy, say) is tried again after this long

# Editors' and downloaders' scratch files: never documents, often gone a moment later.
_SCRATCH_SUFFIXES = (".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".crdownload", ".bak", "~")
_SCRATCH_PREFIXES = (".", "~$", "#")


def is_scratch(path: Path) -> bool:
    """Hidden files, editor swap/backup/lock files, partial downloads, vim's write probe ``4913``."""
    name = path.name
    return name.startswith(_SCRATCH_PREFIXES) or name.endswith(_SCRATCH_SUFFIXES) or name == "4913"


class ChangeFilter:
    """Which file events can change the index: not the index's own files, not scratch files."""

    def __init__(self, index_dir: Path, roots: Sequence[Path] = ()) -> None:
        self.index_dir = index_dir.absolute()
        self.roots = [r.absolute() for r in roots]

    def __call__(self, change: Any, path: str) -> bool:
        from briefbot.ingest.loading import supported

        p = Path(path).absolute()
        if p == self.index_dir or self.index_dir in p.parents:
            return False
        root = next((r for r in self.roots if r in p.parents), None)
        inside = p.relative_to(root).parts[:-1] if root else ()
        if any(part.startswith(".") for part in inside) or is_scratch(p):  # hidden folders are not indexed
            return False
        # A folder (created, renamed or deleted: it may be gone already) or a document type we read.
        return supported(p) or not p.suffix or p.is_dir()


def check_paths(paths: Sequence[Path]) -> list[Path]:
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"{missing[0]}: no such file or folder to watch")
    return list(paths)


def run_batch(service: Service, paths: Sequence[Path], changes: int) -> str:
    """One incremental ingest of ``paths``; returns its one-line summary."""
    from briefbot.faces.render import clean, ingest_summary

    report = service.ingest(paths)
    assert report is not None
    line = f"{time.strftime('%H:%M:%S')} {changes} change{'s' if changes != 1 else ''}: {ingest_summary(report)}"
    for source, reason in report.skipped:
        line += f"\n  skipped {clean(source)}: {clean(reason)}"
    return line


def watch_loop(
    service: Service,
    paths: Sequence[Path],
    emit: Callable[[str], None],
    stop: threading.Event | None = None,
    run: Callable[[Callable[[], str]], str] | None = None,
) -> None:
    """Watch ``paths`` until ``stop`` is set (or Ctrl-C), ingesting each settled batch of changes.

    ``run`` executes a batch (the CLI runs it in a thread so Ctrl-C can let it finish); ``emit``
    receives one summary line per batch and one line per error, and the loop goes on after errors.
    """
    from watchfiles import watch

    run = run or (lambda batch: batch())
    index_dir = service.bot.settings.index
    pending = 0  # changes seen but not yet ingested (the last batch failed)

    def attempt(changes: int) -> int:
        try:
            emit(run(lambda: run_batch(service, paths, changes)))
            return 0
        except BriefbotError as exc:
            from briefbot.faces.render import clean

            emit(f"{time.strftime('%H:%M:%S')} briefbot: error: {clean(str(exc))} (retrying in {RETRY_S:.0f}s)")
            return changes

    pending = attempt(0)  # first bring the index up to date with what is there now
    for changes in watch(
        *paths,
        watch_filter=ChangeFilter(index_dir, paths),
        debounce=MAX_WAIT_MS,
        step=QUIET_MS,
        stop_event=stop,
        yield_on_timeout=True,
        rust_timeout=int(RETRY_S * 1000),
        raise_interrupt=True,
    ):
        if changes or pending:
            pending = attempt(pending + len(changes))


def run_letting_batch_finish(batch: Callable[[], str], notice: Callable[[str], None], emit: Callable[[str], None]) -> str:
    """Run ``batch`` in a thread; a first Ctrl-C waits for it to finish (index whole), a second stops at once.

    Stopping at once is still safe: files being written stay "pending" and the next ingest redoes them.
    """
    result: list[str] = []
    error: list[BaseException] = []
    done = threading.Event()  # not Thread.join: a join cut short by Ctrl-C can mark a running thread dead

    def target() -> None:
        try:
            result.append(batch())
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            error.append(exc)
        finally:
            done.set()

    threading.Thread(target=target, name="briefbot-watch-batch", daemon=True).start()
    interrupted = False
    while not done.is_set():
        try:
            done.wait(0.2)
        except KeyboardInterrupt:
            if interrupted:
                raise
            interrupted = True
            notice("briefbot: finishing the batch in progress, then stopping (Ctrl-C again to stop at once)")
    if error:
        raise error[0]
    if interrupted:
        if result:
            emit(result[0])
        raise KeyboardInterrupt
    return result[0]
