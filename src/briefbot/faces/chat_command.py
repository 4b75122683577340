"""`briefbot chat`: one question after another, follow-ups read in context (registered in cli.py)."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from briefbot.faces.command_support import answer_command, make_bot, refresh
from briefbot.faces.options import Generation, KOpt, NoRefreshOpt, NoVerifyOpt, Where, with_groups


@with_groups
def chat(
    k: KOpt = None,
    generation: Generation = Generation(),
    where: Where = Where(),
    no_refresh: NoRefreshOpt = False,
    no_verify: NoVerifyOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per answer (JSON Lines).")] = False,
) -> None:
    """Ask one question after another; follow-ups ("and who presented?") are read in context. Ctrl-D exits."""
    import json

    from rich.text import Text

    from briefbot.errors import BriefbotError, IndexError_
    from briefbot.faces.render import clean, clean_name, console

    bot = make_bot(**where, **generation, k=k, verify=False if no_verify else None)
    if not no_refresh:
        refresh(bot)
    bot.index()  # a missing index is reported now, not after the first question
    conversation = bot.conversation()
    interactive = sys.stdin.isatty()
    if interactive:
        import readline  # noqa: F401 - line editing and history for input()

        typer.echo("Ask a question about your documents; follow-ups are understood in context. Ctrl-D to quit.", err=True)
    out = console()
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            if interactive:
                typer.echo(err=True)
            return
        except KeyboardInterrupt:  # Ctrl-C clears the line, as in a shell
            typer.echo(err=True)
            continue
        if not line.strip():
            continue
        try:
            if as_json:
                answer = conversation.ask(line)
                sys.stdout.write(json.dumps({"asked": line.strip(), **answer.to_dict()}, ensure_ascii=False) + "\n")
                sys.stdout.flush()
                continue

            standalone, usage = conversation.standalone(line)
            if standalone != " ".join(line.split()):
                out.print(Text(f"(searched: {clean(standalone)})", style="dim"))

            def run(_b: Any, on_token: Any, line: str = line, standalone: str = standalone, usage: Any = usage) -> Any:
                return conversation.answer(line, standalone, usage, on_token)

            answer_command(run, bot, as_json=False, no_refresh=True)  # streams on a terminal, as ask does
            out.print()
        except IndexError_:
            raise
        except BriefbotError as exc:  # one bad turn (a model error, say) does not end the session
            typer.echo(f"briefbot: error: {clean_name(str(exc))}", err=True)
        except KeyboardInterrupt:  # Ctrl-C while answering cancels that answer only
            typer.echo("(cancelled)", err=True)
