"""What a terminal shows while briefbot works: a progress bar only when there is work, and a streamed reply.

A streamed reply is wrapped like the final render (rich's Live crops lines otherwise), only its last
screenful is kept live, and it is erased when done: the verified answer printed after it is what stays.
While the model has not sent its first token, a spinner shows how long it has been waiting.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

ProgressFn = Callable[[float, int, str], None]
SEPARATOR = "── verified answer ──"


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[ProgressFn | None]:
    """A progress bar on stderr when it is a terminal, shown from the first update that has work to count."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from briefbot.faces.render import clean_name, console

    bar: Progress | None = None
    task: Any = None

    def update(done: float, total: int, source: str) -> None:
        nonlocal bar, task
        if bar is None:
            if total <= 0 or done >= total:
                return  # nothing to do (or already done): no bar flashes up
            bar = Progress(
                TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                TextColumn("{task.description}"), transient=True, console=console(stderr=True),
            )
            bar.start()
            task = bar.add_task("", total=total)
        bar.update(task, completed=done, total=total, description=clean_name(source)[-40:])

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


class _LiveReply:
    """The renderable a Live display redraws: spinner and elapsed time, then the reply so far, wrapped."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.parts: list[str] = []
        self.note = ""
        self.since = time.monotonic()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.spinner import Spinner
        from rich.text import Text

        from briefbot.faces.render import clean

        waited = time.monotonic() - self.since
        if not self.parts:
            label = f"{self.note}waiting for {self.model}… {waited:.0f} s"
            yield Spinner("dots", text=Text(clean(label), style="dim"))
            return
        text = Text(clean("".join(self.parts)))
        lines = text.wrap(console, max(10, options.max_width), overflow="fold")
        room = max(3, (options.height or console.height) - 2)
        if self.note:
            yield Text(self.note.strip(), style="dim")
            room -= 1
        yield from list(lines)[-room:]


class StreamDisplay:
    """``on_token`` for a terminal (Live, erased at the end) or a pipe (tokens written as they come)."""

    def __init__(self, out: Console, model: str, terminal: bool) -> None:
        self.out = out
        self.terminal = terminal
        self.reply = _LiveReply(model)
        self._live: Any = None
        self.streamed = False

    def __enter__(self) -> Self:
        if self.terminal:
            from rich.live import Live

            self._live = Live(self.reply, console=self.out, transient=True, refresh_per_second=8,
                              vertical_overflow="crop")
            self._live.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live is not None:
            self._live.stop()
        elif self.streamed:
            sys.stdout.write(f"\n\n{SEPARATOR}\n")
            sys.stdout.flush()

    def __call__(self, token: str) -> None:
        self.reply.parts.append(token)
        if self._live is not None:
            self._live.refresh()
        else:
            from briefbot.faces.render import clean

            self.streamed = True
            sys.stdout.write(clean(token))
            sys.stdout.flush()

    def waiting(self) -> None:
        """The request was sent: the spinner counts from now."""
        self.reply.since = time.monotonic()

    def stage(self, note: str) -> None:
        """Another call of a multi-call brief begins (a part of long material, the merge): a fresh reply under a note."""
        self.reply.parts.clear()
        self.reply.note = f"({note}) "
        if self._live is None:
            sys.stdout.write(("\n\n" if self.streamed else "") + f"({note})\n")
            sys.stdout.flush()
            self.streamed = True

    def reset(self) -> None:
        """The generator asks again (an uncited brief): what was streamed is not the answer."""
        self.reply.parts.clear()
        self.reply.note = "(the reply cited no passage: asking again) "
        if self._live is None and self.streamed:
            sys.stdout.write(f"\n{self.reply.note.strip()}\n")
            sys.stdout.flush()
