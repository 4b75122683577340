"""Run the CLI in a fork of a Python that has already imported it: the same command, without the start-up.

Every `briefbot` process first spends ~3 s of CPU importing chromadb, bm25s/scipy, onnxruntime and
briefbot itself (measured on the 2-core CI machine); the suite starts a few hundred of them, which put it
over ten minutes. A server process (one per test worker) imports those modules once, makes no
model, client or thread, then forks a child per command. The child takes the caller's stdin/stdout/
stderr file descriptors, working folder, environment and argv, and runs the installed CLI's ``main``,
exactly what the console script runs; its exit status comes back over the socket.

What this cannot stand in for stays a real process (``conftest.run_cli(..., fresh=True)`` and the
tests that spawn their own): signals and Ctrl-C, start-up itself, a different PYTHON* environment.

Run as a script: ``python cli_fork.py SOCKET`` prints "ready" once it listens.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys


# What commands import; none of them makes a session, client or thread at import (a fork must not copy those).
PRELOAD = ("numpy", "chromadb", "chromadb.api.client", "briefbot.faces.cli", "briefbot.api", "briefbot.answer.extract.extractive")
OPTIONAL = ("bm25s", "onnxruntime", "tokenizers", "tiktoken")  # missing: the command reports it as a fresh one would


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    for name in OPTIONAL:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def _child(req: dict, fds: list[int]) -> None:
    """In the forked child: become the command the caller asked for, then end without returning."""
    status = 1
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os.setpgid(0, 0)  # its own group, as the caller kills it on a timeout
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.chdir(req["cwd"])
        os.environ.clear()
        os.environ.update(req["env"])
        sys.argv = req["argv"]
        from briefbot.faces.cli import main

        main()  # ends the process itself (os._exit) unless a thread still runs
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            sys.stderr.write(f"{exc.code}\n")
    except BaseException:  # noqa: BLE001 - report as Python would, then exit 1
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status)


def _monitor(conn: socket.socket, req: dict, fds: list[int]) -> None:
    """A forked watcher: forks the command, tells the caller its pid, then its exit status."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # (the server ignores it to reap watchers)
    status = 1
    try:
        pid = os.fork()
        if pid == 0:
            conn.close()
            _child(req, fds)
        for fd in fds:
            os.close(fd)
        conn.sendall(str(pid).encode())
        _, raw = os.waitpid(pid, 0)
        conn.sendall(str(os.waitstatus_to_exitcode(raw)).encode())
        status = 0
    except OSError:  # the caller gave up (a timeout): nothing more to tell
        pass
    finally:
        os._exit(status)


def serve(path: str) -> None:
    _preload()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    server.bind(path)
    server.listen(16)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # watchers are reaped as they end
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:  # one watcher per command, so commands can run side by side
        conn, _ = server.accept()
        msg, fds, _flags, _addr = socket.recv_fds(conn, 1 << 20, 3)
        if msg and len(fds) == 3 and os.fork() == 0:
            server.close()
            _monitor(conn, json.loads(msg), fds)
        for fd in fds:
            os.close(fd)
        conn.close()


if __name__ == "__main__":
    del sys.path[0]  # this tests/ folder: a real command's path holds no test modules
    serve(sys.argv[1])
