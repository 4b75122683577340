"""One writer per index: an ingest holds a file lock; a second one waits, then refuses, naming the holder."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from briefbot.errors import IndexBusyError

LOCK_FILE = "ingest.lock"
HOLDER_FILE = "ingest.holder.json"  # who holds the lock, for the message a waiting process shows


def holder(folder: Path) -> str:
    """The process holding the lock on ``folder``, as a phrase, from the file it wrote."""
    try:
        info = json.loads((folder / HOLDER_FILE).read_text(encoding="utf-8"))
        return f"pid {int(info['pid'])} on {info['host']} ({info['command']}, since {info['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


@contextlib.contextmanager
def ingest_lock(folder: Path, timeout: float) -> Iterator[None]:
    """Hold the index's writer lock; raise IndexBusyError after ``timeout`` seconds of waiting.

    The kernel releases the lock when its holder dies, even by SIGKILL, so a crash never leaves
    the index locked.
    """
    from filelock import FileLock, Timeout

    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder / LOCK_FILE), thread_local=False)
    try:
        lock.acquire(timeout=max(timeout, 0))
    except Timeout:
        busy = f"index at {folder} is being updated by {holder(folder)}"
        raise IndexBusyError(f"{busy}: wait for it to finish (or raise BRIEFBOT_LOCK_TIMEOUT)", busy=busy) from None
    try:
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": " ".join(["briefbot", *sys.argv[1:2]]) if sys.argv else "briefbot",
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):
            (folder / HOLDER_FILE).write_text(json.dumps(info), encoding="utf-8")
        yield
    finally:
        with contextlib.suppress(OSError):
            (folder / HOLDER_FILE).unlink()
        lock.release()
