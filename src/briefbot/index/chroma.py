"""chromadb access: the one place a client is made, and the retry-then-"damaged" guard every call goes through.

Kept apart from what is stored (``store``, ``records``) so a change of client or of retry policy
is made here alone.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from briefbot.errors import BriefbotError, IndexError_

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from briefbot.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


READS = frozenset(
    {"query", "query_ids", "query_scores", "query_scores_many", "vectors_of", "chunks_of", "_vectors_page", "get_by_ids", "get_chunks", "chunk_ids", "chunk_texts", "texts_of", "file_records", "pending_sources", "count"}
)


def guarded(method: F) -> F:
    """Failures inside chromadb (a damaged or truncated index) become one IndexError_ saying how to rebuild."""

    # A read racing another process's ingest can fail transiently inside chromadb ("Error finding
    # id" while vectors are being persisted); reads are retried briefly before the index is called damaged.
    attempts = 5 if method.__name__ in READS else 1

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        for attempt in range(attempts):
            try:
                return method(self, *args, **kwargs)
            except BriefbotError:
                raise
            except Exception as exc:  # noqa: BLE001 - chromadb raises many types for a broken index
                if attempt + 1 < attempts:
                    time.sleep(0.05 * 2**attempt)
                    continue
                raise damaged(self.location, exc) from exc
        raise AssertionError("unreachable")

    return wrapper  # type: ignore[return-value]


def damaged(location: str, exc: Exception) -> IndexError_:
    detail = " ".join(str(exc).split())[:200]
    return IndexError_(
        f"index at {location} is damaged or unreadable ({type(exc).__name__}: {detail}); "
        "rebuild it with `briefbot ingest --rebuild`"
    )


def forget_client(settings: Settings) -> None:
    """Drop chromadb's cached client for a local index (after a failed start, or once deleted).

    Otherwise chromadb keeps a half-started client and hands it out again to the next open.
    """
    folder = str((settings.index / "chroma").absolute())
    paths = {folder, _opened_at.pop(folder, folder)}
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        for path in paths:
            SharedSystemClient._identifier_to_system.pop(path, None)
            SharedSystemClient._identifier_to_refcount.pop(path, None)
    except (ImportError, AttributeError):  # a chromadb without this cache
        pass


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
    with _CLIENT_LOCK, _unchecked_overrides():
        return _make_client(settings)


# chromadb's client cache is not safe to fill from two threads at once (a server's first requests
# racing its startup ingest broke it: KeyError / missing bindings); nor is the override patch above.
_CLIENT_LOCK = threading.Lock()


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
    return chromadb.PersistentClient(path=local_path(settings), settings=chroma_settings)


_opened_at: dict[str, str] = {}  # index folder -> where chromadb opened it (a copy when read-only)


def local_path(settings: Settings) -> str:
    """Where chromadb opens a local index: the folder itself, or a private copy of it when the
    folder cannot be written (chromadb writes on open; the index itself must stay untouched).

    Absolute: chromadb caches clients by path string, and a relative one would outlive a chdir.
    """
    from briefbot.index.readonly import readable_copy, writable

    folder = (settings.index / "chroma").absolute()
    path = folder if not folder.exists() or writable(folder) else readable_copy(folder)
    _opened_at[str(folder)] = str(path)
    return str(path)
