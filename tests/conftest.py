"""Shared fixtures: the real embedder (loaded once), project folders on disk, and the installed CLI."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "unesco-ichei-giannini-meeting.txt"


@pytest.fixture(autouse=True)
def _no_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests are offline and deterministic: no real API configuration leaks in."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    for var in list(os.environ):
        if var.startswith("BRIEFBOT_"):
            monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def embedder():
    from briefbot.index.embedding import MiniLMEmbedder

    return MiniLMEmbedder()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh project folder holding a copy of the example corpus, as the working directory."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sigint_as_at_a_terminal() -> None:
    """``preexec_fn`` for a child a test sends Ctrl-C (SIGINT): it handles it as at a terminal.

    A test run started in the background (`nohup`, `cmd &` in a script, some CI agents) ignores
    SIGINT; children inherit that, and Python then installs no KeyboardInterrupt handler, so every
    Ctrl-C test saw its signal ignored (the cause of the two that failed together).
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def briefbot_exe() -> list[str]:
    """The console script installed beside this interpreter (the venv's), else `python -m briefbot`."""
    exe = Path(sys.executable).parent / "briefbot"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefbot"]


def _cli_env(env: dict[str, str] | None) -> dict[str, str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    full_env.update(env or {})
    return full_env


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300, fresh: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the installed `briefbot` command as a user would: its exit status, stdout and stderr.

    It runs in a fork of a process that has imported briefbot already (tests/cli_fork.py: the same
    ``main`` the console script calls, ~3 s of start-up less per command). ``fresh`` starts the console
    script itself, as does an environment that changes a PYTHON* variable (read at start-up only).
    """
    full_env = _cli_env(env)
    if fresh or any(k.startswith("PYTHON") and os.environ.get(k) != v for k, v in (env or {}).items()):
        return subprocess.run(
            [*briefbot_exe(), *args], check=False, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout
        )
    command = _forks().start([briefbot_exe()[0], *args], cwd=cwd, env=full_env)
    out, err = command.communicate(timeout=timeout)
    return subprocess.CompletedProcess(command.args, command.returncode, out, err)  # type: ignore[arg-type]


def start_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> ForkedCommand:
    """`briefbot ARGS` started in a fork (as ``run_cli``), running while the test goes on: poll, kill, communicate."""
    return _forks().start([briefbot_exe()[0], *args], cwd=cwd, env=_cli_env(env))


class _ForkServer:
    """This test worker's tests/cli_fork.py server, and the client side of one command."""

    def __init__(self) -> None:
        import atexit
        import tempfile

        self.folder = tempfile.mkdtemp(prefix="briefbot-forks-")
        self.path = os.path.join(self.folder, "socket")
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("cli_fork.py")), self.path],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=_cli_env(None), text=True,
        )
        atexit.register(self.close)
        ready = self.proc.stdout.readline() if self.proc.stdout else ""
        if ready.strip() != "ready":
            raise RuntimeError(f"tests/cli_fork.py did not start (exit {self.proc.poll()})")

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def start(self, argv: list[str], cwd: Path, env: dict[str, str]) -> ForkedCommand:
        import json
        import socket

        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        null = os.open(os.devnull, os.O_RDONLY)
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            conn.connect(self.path)
            request = {"argv": argv, "cwd": str(Path(cwd).absolute()), "env": env}
            socket.send_fds(conn, [json.dumps(request).encode()], [null, out_w, err_w])
            conn.settimeout(60)
            pid = int(conn.recv(64))
        except BaseException:
            conn.close()
            raise
        finally:
            for fd in (null, out_w, err_w):
                os.close(fd)
        return ForkedCommand(argv, conn, pid, out_r, err_r)


class ForkedCommand:
    """A command running in a fork (tests/cli_fork.py), used as a ``subprocess.Popen`` with text pipes is."""

    def __init__(self, argv: list[str], conn, pid: int, out_r: int, err_r: int) -> None:  # type: ignore[no-untyped-def]
        import threading

        self.args, self.pid, self.returncode = argv, pid, None
        self._conn = conn
        self._read: dict[int, bytes] = {}
        self._readers = [threading.Thread(target=self._drain, args=(fd,), daemon=True) for fd in (out_r, err_r)]
        self._fds = (out_r, err_r)
        for r in self._readers:
            r.start()

    def _drain(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as f:
            self._read[fd] = f.read()

    def _status(self, reply: bytes) -> int:
        self.returncode = int(reply) if reply else -signal.SIGKILL  # (the watcher itself was killed)
        self._conn.close()
        return self.returncode

    def poll(self) -> int | None:
        if self.returncode is None:
            self._conn.setblocking(False)
            try:
                self._status(self._conn.recv(64))
            except BlockingIOError:
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self._conn.settimeout(timeout)
            try:
                self._status(self._conn.recv(64))
            except TimeoutError:
                raise subprocess.TimeoutExpired(self.args, timeout or 0) from None
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        if self.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)  # its group: what it started goes too
            except ProcessLookupError:  # not yet its own group (it had just been forked): the child alone
                os.kill(self.pid, signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        import locale

        try:
            self.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self.wait(60)
            raise
        for r in self._readers:
            r.join(60)
        encoding = locale.getpreferredencoding(False)
        out, err = (self._read.get(fd, b"").decode(encoding).replace("\r\n", "\n").replace("\r", "\n") for fd in self._fds)
        return out, err


_FORKS: _ForkServer | None = None


def _forks() -> _ForkServer:
    global _FORKS
    if _FORKS is None or _FORKS.proc.poll() is not None:
        _FORKS = _ForkServer()
    return _FORKS


def citing(template: str, *phrases: str):
    """A fake-server reply citing, for each ``{}`` of ``template``, the prompt's passage that holds the phrase.

    Replies must be supported by what they cite (answer/verify/verify.py), wherever retrieval ranks the passage.
    """
    import re

    def text(body: dict) -> str:
        user = body["messages"][-1]["content"]
        blocks = re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', user, re.DOTALL)
        found = [next((n for n, t in blocks if phrase in " ".join(t.split())), "1") for phrase in phrases]
        return template.format(*found)

    return text


def indexed_bot(root: Path, files: dict[str, str], embedder, **settings):
    """A ``Briefbot`` over ``root/corpus`` holding ``files`` (name -> text), ingested with the shared embedder."""
    from briefbot.api import Briefbot

    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    bot = Briefbot(index=root / ".briefbot", corpus=[corpus], **{"generator": "extractive", **settings})
    bot._embedder = embedder
    bot.ingest()
    return bot
