"""Reading an index that cannot be written (a read-only mount, a shared or another user's folder).

chromadb opens its SQLite database read-write and writes to it on start, so a read-only index
would fail as if it were damaged. Such an index is read through a private copy instead, made once
per version of the index under the user's cache folder (or a temporary folder) and never written
back: the index itself is only ever read. Ingest refuses such a folder up front, saying why.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from briefbot.errors import IndexReadOnlyError

COPIES = "read-only-copies"  # under the cache folder: one copy per index, replaced when the index changes


def writable(folder: Path) -> bool:
    """Whether ``folder`` and the files in it can be written by this process (no test file is made)."""
    if not os.access(folder, os.W_OK):
        return False
    database = folder / "chroma.sqlite3"
    return not database.exists() or os.access(database, os.W_OK)


def why_not_writable(folder: Path) -> str:
    """``on a read-only file system`` or ``not writable by you``: what the user can act on."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "is on a read-only file system"
    except OSError:
        pass
    return "is not writable by you"


def read_only(index: Path) -> str | None:
    """Why an existing index folder cannot be updated (``is on a read-only file system``), or None."""
    folder = index.absolute()
    blocked = [p for p in (folder, folder / "chroma") if p.exists() and not writable(p)]
    return why_not_writable(blocked[0]) if blocked else None


def check_can_write(index: Path) -> None:
    """Raise IndexReadOnlyError before an ingest writes anything to an index it cannot write."""
    folder = index.absolute()
    if folder.exists():
        why = read_only(index)
        if why:
            raise IndexReadOnlyError(
                f"index folder {index} {why}: ingest cannot update it "
                "(ask, search, sources and brief still read it as it is)"
            )
        return
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not os.access(parent, os.W_OK):
        raise IndexReadOnlyError(f"cannot create the index folder {index}: {parent} {why_not_writable(parent)}")


def _stamp(folder: Path) -> str:
    """A fingerprint of every file's name, size and mtime: a new one when the index is rewritten."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        st = path.stat()
        h.update(f"{path.relative_to(folder).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _cache_base() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "briefbot" / COPIES


def readable_copy(folder: Path) -> Path:
    """A private, writable copy of the read-only chroma ``folder``, re-used while the folder is unchanged."""
    folder = folder.absolute()
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    stamp = _stamp(folder)
    home = _cache_base() / key
    target = home / stamp
    if (target / "chroma.sqlite3").exists():
        return target
    try:
        home.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{stamp}.", dir=home))
        shutil.copytree(folder, scratch / "chroma")
        with contextlib.suppress(OSError):  # another process may have made the same copy meanwhile
            os.replace(scratch / "chroma", target)
        shutil.rmtree(scratch, ignore_errors=True)
    except OSError:
        pass
    if not (target / "chroma.sqlite3").exists():  # no writable cache: a copy for this process only
        scratch = Path(tempfile.mkdtemp(prefix="briefbot-index-"))
        atexit.register(shutil.rmtree, scratch, True)
        shutil.copytree(folder, scratch / "chroma")
        return scratch / "chroma"
    for old in home.iterdir():  # copies of earlier versions of this index
        if old.name != stamp and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return target
