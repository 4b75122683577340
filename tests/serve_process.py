"""Running a long-lived `briefbot` command (serve, watch) in a subprocess, reading its output as it comes."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .conftest import briefbot_exe, sigint_as_at_a_terminal


class Running:
    """A `briefbot` subprocess whose stdout and stderr lines are collected by reader threads."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
        full_env.update(env or {})
        full_env["PYTHONUNBUFFERED"] = "1"
        self.proc = subprocess.Popen(
            [*briefbot_exe(), *args], cwd=cwd, env=full_env, text=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            # Ctrl-C as at a terminal even when this run ignores SIGINT (started with `cmd &` in a script): a child
            # inherits the ignore, and `watch` then never saw the test's Ctrl-C (a 180 s hang, twice, 1 Dec)
            preexec_fn=sigint_as_at_a_terminal,  # noqa: PLW1509 - one signal() call
        )
        self.out: queue.Queue[str] = queue.Queue()
        self.err: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []  # every line so far, in order
        self.stderr: list[str] = []
        self._readers = [
            threading.Thread(target=self._pump, args=(stream, q, seen), daemon=True)
            for stream, q, seen in ((self.proc.stdout, self.out, self.stdout), (self.proc.stderr, self.err, self.stderr))
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _pump(stream: object, q: queue.Queue[str], seen: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            seen.append(line.rstrip("\n"))
            q.put(line.rstrip("\n"))

    def _next(self, q: queue.Queue[str], seen: list[str], timeout: float) -> str | None:
        try:
            return q.get(timeout=timeout)
        except queue.Empty:
            return None

    def wait_line(self, pattern: str, timeout: float = 120, stream: str = "stderr") -> re.Match[str]:
        """The next line on ``stream`` matching ``pattern`` (a regex), or fail with what was printed."""
        q, seen = (self.err, self.stderr) if stream == "stderr" else (self.out, self.stdout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None and q.empty():
                time.sleep(0.2)  # let the reader threads drain
                if q.empty():
                    break
            line = self._next(q, seen, min(1.0, max(0.01, deadline - time.monotonic())))
            if line is not None and (m := re.search(pattern, line)):
                return m
        raise AssertionError(
            f"no line matching {pattern!r} within {timeout}s (exit {self.proc.poll()});\n"
            f"stdout: {self.stdout[-20:]}\nstderr: {self.stderr[-20:]}"
        )

    def settle(self, check: Callable[[], bool], timeout: float = 120, pattern: str = r"\d+ changes?: ") -> None:
        """Wait for batch summary lines on stdout until ``check()`` holds after one (event-based, no sleeps)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"state not reached within {timeout}s; stdout: {self.stdout[-10:]}; stderr: {self.stderr[-10:]}"
            self.wait_line(pattern, timeout=remaining, stream="stdout")
            if check():
                return

    def interrupt(self, timeout: float = 60) -> int:
        """Ctrl-C, as a terminal sends it; returns the exit code."""
        self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:  # say what it was doing, so a slow or stuck run can be told apart
            raise AssertionError(
                f"still running {timeout}s after Ctrl-C; stdout: {self.stdout[-10:]}; stderr: {self.stderr[-10:]}"
            ) from None
        for reader in self._readers:
            reader.join(timeout=10)
        return code

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_server(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120) -> tuple[Running, str]:
    """`briefbot serve --port 0 ...`; returns the process and its base URL once /healthz answers."""
    import httpx

    running = Running("serve", "--port", "0", *args, cwd=cwd, env=env)
    m = running.wait_line(r"serving (http://\S+?)/ ", timeout=timeout)
    url = m.group(1).replace("0.0.0.0", "127.0.0.1")
    headers = {"Authorization": f"Bearer {env['BRIEFBOT_TOKEN']}"} if env and "BRIEFBOT_TOKEN" in env else {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", headers=headers, timeout=10).status_code == 200:
                return running, url
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    running.stop()
    raise AssertionError(f"server at {url} did not answer /healthz; stderr: {running.stderr}")


def wait_until_indexed(url: str, files: int, headers: dict[str, str] | None = None, timeout: float = 180) -> dict:
    """Poll /healthz and /sources until no ingest runs and ``files`` files are indexed."""
    import httpx

    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        health = httpx.get(f"{url}/healthz", headers=headers, timeout=30).json()
        if not health["updating"]:
            r = httpx.get(f"{url}/sources", headers=headers, timeout=30)
            last = r.text
            if r.status_code == 200 and len(r.json()["files"]) == files:
                return r.json()
        time.sleep(0.3)
    raise AssertionError(f"index never held {files} files: {last}")
