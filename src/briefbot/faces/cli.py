"""The `briefbot` command: parses flags, calls the API, renders. No retrieval or generation logic here."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefbot.faces.chat_command import chat
from briefbot.faces.command_support import (
    answer_command,
    handle_errors,
    indexing,
    make_bot,
    refresh,
    set_debug,
    show_progress,
)
from briefbot.faces.options import (
    Generation,
    JsonOpt,
    KOpt,
    NoRefreshOpt,
    NoVerifyOpt,
    Where,
    with_groups,
)

app = typer.Typer(
    name="briefbot",
    help="Ask questions of your own documents; get answers and briefings with checkable citations.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain click help: rendering it with rich imports ~170 ms of modules, over `--help`'s budget.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

@app.callback()
def main_callback(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
) -> None:
    set_debug(debug or os.environ.get("BRIEFBOT_DEBUG", "") not in ("", "0"))


@app.command()
@handle_errors
@with_groups
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders [default: the configured corpus, ./corpus].", show_default=False)] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Drop the index and build it again.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero when any file is skipped.")] = False,
    follow_symlinks: Annotated[Optional[bool], typer.Option("--follow-symlinks", help="Follow symlinks that lead outside the corpus folder.", show_default=False)] = None,
    where: Where = Where(),
    as_json: JsonOpt = False,
) -> None:
    """Index .txt, .md, .pdf, .docx, .pptx, .csv, .xlsx, .html, .vtt, .srt and .eml files: new ones are added, changed ones replaced, deleted ones removed."""
    from briefbot.faces.render import clean_name, ingest_summary, print_json

    bot = make_bot(**where, follow_symlinks=follow_symlinks)
    with indexing(), show_progress("indexing") as progress:
        report = bot.ingest(paths or None, rebuild=rebuild, progress=progress)
    for source, reason in report.skipped:
        typer.echo(f"briefbot: skipped {clean_name(source)}: {clean_name(reason)}", err=True)
    if not (report.added or report.changed or report.removed or report.unchanged or report.skipped):
        places = ", ".join(clean_name(str(p)) for p in (paths or bot.settings.corpus))
        from briefbot.ingest.loading import READABLE

        typer.echo(f"briefbot: found 0 files to index in {places} (briefbot reads {READABLE})", err=True)
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(ingest_summary(report))
    if strict and report.skipped:
        raise typer.Exit(1)


@app.command()
@handle_errors
@with_groups
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: KOpt = None,
    where: Where = Where(),
    no_refresh: NoRefreshOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Show the passages that best match QUERY, with source:lines and scores."""
    from briefbot.faces.render import console, passage_dict, print_json, render_search

    bot = make_bot(**where, k=k)
    if not no_refresh:
        refresh(bot)
    passages = bot.search(query)
    if as_json:
        print_json({"query": query, "passages": [passage_dict(p) for p in passages]})
    else:
        render_search(passages, console())


@app.command()
@handle_errors
@with_groups
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    k: KOpt = None,
    generation: Generation = Generation(),
    where: Where = Where(),
    no_refresh: NoRefreshOpt = False,
    no_verify: NoVerifyOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Answer QUESTION from your documents, every sentence cited [n], with a Sources list."""
    bot = make_bot(**where, **generation, k=k, verify=False if no_verify else None)
    answer_command(lambda b, on_token: b.ask(question, on_token=on_token), bot, as_json, no_refresh)


@app.command()
@handle_errors
@with_groups
def brief(
    about: Annotated[Optional[str], typer.Option("--about", help="Summarise only what is about this topic.", show_default=False)] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Summarise only this file.", show_default=False)] = None,
    words: Annotated[Optional[int], typer.Option("--words", help="Word limit, 20 to 1000 [default: 120].", show_default=False)] = None,
    generation: Generation = Generation(),
    where: Where = Where(),
    no_refresh: NoRefreshOpt = False,
    no_verify: NoVerifyOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a one-paragraph executive briefing of the corpus, a topic, or one file, with citations."""
    bot = make_bot(**where, **generation, brief_words=words, verify=False if no_verify else None)
    answer_command(lambda b, on_token: b.brief(about=about, source=source, on_token=on_token), bot, as_json, no_refresh)


@app.command("eval")
@handle_errors
@with_groups
def evaluate(
    file: Annotated[Path, typer.Argument(help="JSON Lines: {\"question\": ..., \"answers\": [...], \"sources\": [...]} per line.")],
    k: KOpt = None,
    failures: Annotated[int, typer.Option("--failures", min=0, help="Failed questions to list.")] = 20,
    generation: Generation = Generation(),
    where: Where = Where(),
    no_refresh: NoRefreshOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Ask every question in FILE; report source recall@k, answer containment, citation precision, abstentions."""
    from briefbot.eval import evaluate as run_eval
    from briefbot.eval import load_questions
    from briefbot.faces.render import console, print_json, render_eval

    questions = load_questions(file)
    bot = make_bot(**where, **generation, k=k)
    if not no_refresh:
        refresh(bot)
    with show_progress("asking") as progress:
        report = run_eval(bot, questions, progress)
    if as_json:
        print_json(report.to_dict())
    else:
        render_eval(report, console(), failures)


app.command("chat")(handle_errors(chat))  # faces/chat_command.py


@app.command()
@handle_errors
@with_groups
def sources(
    where: Where = Where(),
    as_json: JsonOpt = False,
) -> None:
    """List what is indexed (files, chunks, when) and which embedder built the index."""
    from briefbot.faces.render import clean_name, plural, print_json

    info = make_bot(**where).sources()
    if as_json:
        print_json(info)
        return
    files, chunks = plural(len(info["files"]), "file"), plural(info["chunks"], "chunk")
    typer.echo(f"index {clean_name(info['index'])}: {files}, {chunks}, embedder {info['embedder']} (dim {info['dim']})")
    for f in info["files"]:
        typer.echo(f"  {clean_name(f['path'])}  {plural(f['chunks'], 'chunk')}  indexed {f['indexed_at']}")
    cache = info.get("embedding_cache")
    if cache:
        typer.echo(f"embedding cache: {cache['vectors']} vectors, {cache['bytes'] / 2**20:.1f} MB")


@app.command("config")
@handle_errors
@with_groups
def show_config(
    where: Where = Where(),
    k: KOpt = None,
    generation: Generation = Generation(),
    as_json: JsonOpt = False,
) -> None:
    """Print the effective settings and where each came from (default, file, env, flag)."""
    from briefbot.faces.render import print_json
    from briefbot.settings import load_settings

    config = where.pop("config")
    settings = load_settings(config, **where, **generation, k=k)
    values = settings.public_dict()
    if as_json:
        print_json({name: {"value": v, "origin": settings.origins[name]} for name, v in values.items()})
        return
    width = max(len(name) for name in [*values, "generator in use"])
    for name, v in values.items():
        typer.echo(f"{name.ljust(width)}  {v!s:<30}  ({settings.origins[name]})")
    typer.echo(f"{'generator in use'.ljust(width)}  {settings.generator_name}")


def _register_long_running() -> None:
    """serve, watch and mcp live in serve_commands.py (their heavy imports load only when they run)."""
    from briefbot.faces import serve_commands

    for fn in (serve_commands.serve, serve_commands.watch, serve_commands.mcp):
        app.command(fn.__name__)(handle_errors(fn))


_register_long_running()


def main() -> None:
    code: object = 0
    try:
        app()
    except SystemExit as exc:  # how typer ends every command
        code = exc.code
        if type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):  # click met EPIPE (help into a closed pipe)
            code = 0
    except KeyboardInterrupt:  # before or after a command's own handler
        sys.stderr.write("briefbot: interrupted\n")
        code = 130
    except BrokenPipeError:  # output outside a command (help text) into a closed pipe
        from briefbot.faces.pipes import reader_gone

        try:
            reader_gone()
        except typer.Exit:
            code = 0
    _exit(code)


def _exit(code: object) -> None:
    """End the process without Python's interpreter teardown, as mypy does.

    Freeing the ~900 modules chromadb imports takes ~0.3 s at exit and writes nothing (checked:
    chromadb's files do not change after its last call returns). By now every command has
    returned, its output is flushed here and atexit handlers run. Falls back to a normal exit while
    a non-daemon thread still runs, or when ``BRIEFBOT_SLOW_EXIT`` is set (profilers, coverage).
    """
    import threading

    if os.environ.get("BRIEFBOT_SLOW_EXIT") or any(
        t is not threading.main_thread() and t.is_alive() and not t.daemon for t in threading.enumerate()
    ):
        raise SystemExit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # SystemExit("message"): Python prints it and exits 1
        sys.stderr.write(f"{code}\n")
        status = 1
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass
    os._exit(status)


if __name__ == "__main__":
    main()
