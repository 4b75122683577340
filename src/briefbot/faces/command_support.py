"""What every command shares: one-line errors instead of tracebacks, the bot from settings, progress on a
terminal, the refresh before a question, and the stream-then-render tail of ask, brief and chat."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])

_debug = False
_phase = ""  # "indexing" while an ingest or a refresh runs: what an interruption message may say


@contextlib.contextmanager
def indexing() -> Iterator[None]:
    """Mark the ingest (or refresh) phase; left as it was on an interruption, so its handler sees it."""
    global _phase
    before, _phase = _phase, "indexing"
    try:
        yield
    except KeyboardInterrupt:
        raise  # the phase stays "indexing" for handle_errors to read
    except BaseException:
        _phase = before
        raise
    _phase = before


def _fail(message: str, code: int) -> None:
    from briefbot.faces.render import clean_name

    typer.echo(f"briefbot: error: {clean_name(message)}", err=True)
    raise typer.Exit(code)


def handle_errors(fn: F) -> F:
    """Known errors become one line on stderr and a non-zero exit; --debug shows the traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from briefbot.errors import BriefbotError

        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except BriefbotError as exc:
            if _debug:
                raise
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            # Only an interrupted ingest (or refresh) has something to reassure about.
            kept = "; what was already indexed is kept" if _phase == "indexing" else ""
            typer.echo(f"briefbot: interrupted{kept}", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError as exc:
            from briefbot.faces.pipes import reader_gone, stdout_closed

            if not stdout_closed():
                _fail(f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)", 1)
            reader_gone()
        except Exception as exc:  # noqa: BLE001 - last resort: never a bare traceback
            if _debug:
                raise
            _fail(f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)", 1)

    return wrapper  # type: ignore[return-value]


def make_bot(**overrides: Any) -> Any:
    from briefbot.api import Briefbot
    from briefbot.settings import load_settings

    config = overrides.pop("config", None)
    return Briefbot(load_settings(config, **overrides))


def show_progress(label: str) -> contextlib.AbstractContextManager[Callable[[float, int, str], None] | None]:
    """A progress bar on stderr when it is a terminal, only once there is work to show (faces/terminal.py)."""
    from briefbot.faces.terminal import progress_bar

    return progress_bar(label)


def refresh(bot: Any) -> None:
    from briefbot.errors import IndexBusyError, IndexReadOnlyError
    from briefbot.faces.render import clean_name, ingest_summary

    try:
        with indexing(), show_progress("indexing") as progress:
            report = bot.refresh(progress)
    except IndexReadOnlyError as exc:
        typer.echo(f"briefbot: note: {clean_name(str(exc))}", err=True)
        return
    except IndexBusyError as exc:
        # ask/search do not wait for the lock, so the ingest's advice (wait, raise the timeout) does not fit.
        typer.echo(f"briefbot: {clean_name(exc.busy)}; using the files indexed so far", err=True)
        return
    if report is not None:
        typer.echo(f"index updated: {ingest_summary(report)}", err=True)


def answer_command(run: Callable[[Any, Any], Any], bot: Any, as_json: bool, no_refresh: bool) -> None:
    """Shared tail of ask and brief: refresh, stream on a terminal, then render the checked answer."""
    from briefbot.faces.render import console, print_json, render_answer

    if not no_refresh:
        refresh(bot)
    out = console()
    settings = bot.settings
    live = not as_json and sys.stdout.isatty()
    stream = not as_json and settings.generator_name == "openai" and (
        settings.stream == "on" or (settings.stream == "auto" and live)
    )
    if stream:
        from briefbot.faces.terminal import StreamDisplay

        with StreamDisplay(out, settings.model, terminal=live) as display:
            answer = run(bot, display)
    else:
        answer = run(bot, None)
    if as_json:
        print_json(answer.to_dict())
    else:
        render_answer(answer, out)




def set_debug(on: bool) -> None:
    """--debug (or BRIEFBOT_DEBUG): tracebacks instead of one-line errors."""
    global _debug
    _debug = on
