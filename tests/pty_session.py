"""Drive the installed CLI through a pseudo-terminal, as a person at a terminal would."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import subprocess
import termios
import time
from pathlib import Path

from .conftest import briefbot_exe, sigint_as_at_a_terminal


class PtySession:
    """`briefbot ARGS` with stdin, stdout and stderr on one pseudo-terminal."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_", "NO_COLOR", "FORCE_COLOR"))}
        full_env.update({"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"})
        full_env.update(env or {})
        self.master, slave = pty.openpty()

        def controlling_terminal() -> None:  # so Ctrl-C on the terminal reaches the program as SIGINT
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
            sigint_as_at_a_terminal()  # even when this test run ignores SIGINT

        self.proc = subprocess.Popen(
            [*briefbot_exe(), *args], cwd=cwd, env=full_env, stdin=slave, stdout=slave, stderr=slave, close_fds=True,
            preexec_fn=controlling_terminal,  # noqa: PLW1509 - only setsid and ioctl, no locks taken
        )
        os.close(slave)
        self.output = b""

    def read_until(self, pattern: str | bytes, timeout: float = 120) -> bytes:
        """Everything read so far once ``pattern`` (a regex) appears in it; fails after ``timeout``."""
        regex = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        deadline = time.monotonic() + timeout
        while not regex.search(self.output):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; got:\n{self.output.decode(errors='replace')}")
            ready = self._readable(min(left, 0.5))
            if ready:
                try:
                    data = os.read(self.master, 65536)
                except OSError:  # the child closed the terminal
                    data = b""
                if not data:
                    if self.proc.poll() is not None:
                        raise AssertionError(f"process exited waiting for {pattern!r}; got:\n{self.output.decode(errors='replace')}")
                    time.sleep(0.05)
                self.output += data
        return self.output

    def _readable(self, seconds: float) -> bool:
        """poll(), not select(): select fails on a descriptor numbered 1024 or more, which a long test run reaches."""
        poller = select.poll()
        poller.register(self.master, select.POLLIN)
        return bool(poller.poll(seconds * 1000))

    def send(self, text: str | bytes) -> None:
        os.write(self.master, text.encode() if isinstance(text, str) else text)

    def finish(self, timeout: float = 60) -> int:
        """Wait for exit, collecting what is left of the output."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            ready = self._readable(0.2)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break
        try:
            code = self.proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        finally:
            os.close(self.master)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        try:
            os.close(self.master)  # the descriptor would otherwise stay open for the rest of the test run
        except OSError:
            pass


def text(raw: bytes) -> str:
    """Terminal output without escape sequences or carriage returns, for matching words."""
    plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", b"", raw)
    return plain.replace(b"\r", b"").decode(errors="replace")


COLOUR = re.compile(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m")
