"""One shared Briefbot for the long-running faces (server, watcher, MCP): one model, one ingest at a time.

Reads (ask, search, brief, sources) run concurrently with each other and with an ingest: the index
hides files whose records are still pending, so answers come from what is fully indexed.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefbot.api import Briefbot
from briefbot.schema import IngestReport

OnToken = Callable[[str], None]


class Service:
    """The API calls the faces make, returning the same dicts ``--json`` prints, plus ingest state."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self._ingest_lock = threading.Lock()  # one ingest at a time from this process
        self._state = threading.Lock()
        self._updating = 0
        self.last_report: IngestReport | None = None
        self.last_error: str | None = None
        self.last_ingest_at: float | None = None

    def warm(self) -> None:
        """Load the model now, once, before threads race to create it."""
        _ = self.bot.embedder

    # --- writing ------------------------------------------------------------------------------

    @property
    def updating(self) -> bool:
        with self._state:
            return self._updating > 0

    def ingest(self, paths: Sequence[Path] | None = None, refresh_only: bool = False) -> IngestReport | None:
        """Bring the index up to date (``refresh_only``: only when the corpus changed); errors are kept, then raised."""
        from briefbot.errors import BriefbotError

        with self._ingest_lock:
            with self._state:
                self._updating += 1
            try:
                report = self.bot.refresh() if refresh_only else self.bot.ingest(paths or None)
                self.last_error = None
                if report is not None and report.total_chunks:
                    with contextlib.suppress(BriefbotError):  # a reader reports it, if it persists
                        self.bot.retriever()  # the new BM25 index loaded once here, not by each request
                if report is not None:
                    self.last_report = report
                return report
            except BriefbotError as exc:
                self.last_error = str(exc)
                raise
            finally:
                self.last_ingest_at = time.time()
                with self._state:
                    self._updating -= 1

    def wait_idle(self) -> None:
        """Until no ingest runs (so the process can end with the index whole)."""
        with self._ingest_lock:
            pass

    # --- reading ------------------------------------------------------------------------------

    def search(self, query: str, k: int | None = None, source: str | None = None) -> dict[str, Any]:
        from briefbot.faces.render import passage_dict

        passages = self.bot.search(query, k, source=source)
        return {"query": query, "passages": [passage_dict(p) for p in passages]}

    def ask(self, question: str, k: int | None = None, on_token: OnToken | None = None) -> dict[str, Any]:
        return self.bot.ask(question, k, on_token=on_token).to_dict()

    def brief(
        self,
        about: str | None = None,
        source: str | None = None,
        words: int | None = None,
        on_token: OnToken | None = None,
    ) -> dict[str, Any]:
        return self.bot.brief(about=about or None, source=source or None, words=words, on_token=on_token).to_dict()

    def sources(self) -> dict[str, Any]:
        return self.bot.sources()

    def health(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "updating": self.updating,
            "last_ingest": None if self.last_report is None else self.last_report.to_dict(),
            "last_error": self.last_error,
        }
