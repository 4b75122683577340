"""Output into a pipe whose reader has gone (`briefbot sources | head -1`): end quietly, as Unix tools do."""

from __future__ import annotations

import os
import sys

import typer


def stdout_closed() -> bool:
    """Whether nobody reads our output any more (`briefbot ... | head -1`): the pipe reports an error."""
    import select

    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(ev & (select.POLLERR | select.POLLHUP) for _, ev in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # no real file behind stdout
        return False


def reader_gone() -> None:
    """Stop quietly, as Unix tools do when the reader of their output has gone: no message, exit 0.

    What is still buffered is dropped (stdout now points at /dev/null, so the flush at exit cannot
    fail again).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    raise typer.Exit(0)
