"""A long-lived thread for the retriever's reads done while the query is embedded (split from retrieval.py)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any


class Job:
    """A call handed to the retriever's worker thread; :meth:`result` waits for it."""

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn, self.args = fn, args
        self._done = threading.Event()
        self._result: Any = None
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            self._result = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 - re-raised by result() on the caller's thread
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> Any:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._result


class Worker:
    """One long-lived daemon thread per retriever for reads done while the query is embedded
    (chromadb and onnxruntime release the GIL): starting a thread per query cost milliseconds on a
    loaded machine."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Job] = queue.SimpleQueue()
        threading.Thread(target=self._loop, name="briefbot-fetch", daemon=True).start()

    def _loop(self) -> None:
        while True:
            self._jobs.get().run()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Job:
        job = Job(fn, args)
        self._jobs.put(job)
        return job
