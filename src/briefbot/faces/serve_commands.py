"""The long-running commands `serve`, `watch` and `mcp` (registered in cli.py).

Only typer is imported here at module level: the web stack, watchfiles and the MCP SDK load inside
the command that needs them, so `briefbot --help` and the other commands stay fast.
"""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from briefbot.faces.options import Generation, Where, with_groups

HostOpt = Annotated[str, typer.Option("--host", help="Address to listen on. Anything but loopback needs --token.")]
PortOpt = Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port, printed at start).")]
TokenOpt = Annotated[Optional[str], typer.Option("--token", envvar="BRIEFBOT_TOKEN", help="Require this token on every request (Authorization: Bearer TOKEN, or open /?token=TOKEN).", show_default=False)]
WatchOpt = Annotated[bool, typer.Option("--watch", help="Re-index the corpus as its files change (as `briefbot watch`).")]
NoRefreshOpt = Annotated[bool, typer.Option("--no-refresh", help="Do not bring the index up to date with the corpus at start.")]
PathsArg = Annotated[Optional[list[Path]], typer.Argument(help="Files or folders to watch [default: the configured corpus, ./corpus].", show_default=False)]

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9._~-]{16,256}")


def _service(**overrides: Any) -> Any:
    from briefbot.api import Briefbot
    from briefbot.faces.service import Service
    from briefbot.settings import load_settings

    config = overrides.pop("config", None)
    return Service(Briefbot(load_settings(config, **overrides)))


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None) -> None:
    """Refuse a network-facing server without a token, and a token that is weak or unsafe in a cookie."""
    from briefbot.errors import ConfigError

    if token is not None and not TOKEN_SHAPE.fullmatch(token):
        raise ConfigError(
            "--token must be 16-256 characters of letters, digits and . _ ~ - "
            "(try: python -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    if not is_loopback(host):
        if token is None:
            raise ConfigError(
                f"--host {host} lets other machines read your documents: pass --token (or set BRIEFBOT_TOKEN)"
            )
        _say(
            f"briefbot: warning: listening on {host}: anyone who can reach this machine and has the token can read "
            "the indexed documents; the connection is plain HTTP (put it behind HTTPS to leave this machine)"
        )


@with_groups
def serve(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    token: TokenOpt = None,
    watch: WatchOpt = False,
    no_refresh: NoRefreshOpt = False,
    where: Where = Where(),
    generation: Generation = Generation(),
) -> None:
    """Serve the HTTP API and a web page for asking questions (http://127.0.0.1:8000/; API docs at /docs)."""
    import socket

    from briefbot.errors import BriefbotError, ConfigError

    check_exposure(host, token)
    service = _service(**where, **generation)
    corpus = [p for p in service.bot.settings.corpus]
    if watch:
        from briefbot.faces.watcher import check_paths

        check_paths(corpus)
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.create_server((host.strip("[]"), port), family=family)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    service.warm()  # one model for every request, loaded before the first one
    stop = threading.Event()

    def background() -> None:
        try:
            if watch:
                from briefbot.faces.watcher import watch_loop

                watch_loop(service, corpus, _say, stop)
            elif not no_refresh:
                report = service.ingest(refresh_only=True)
                if report is not None:
                    from briefbot.faces.render import ingest_summary

                    _say(f"index updated: {ingest_summary(report)}")
        except BriefbotError as exc:
            _say(f"briefbot: {exc}; serving the files indexed so far")

    def start() -> None:
        threading.Thread(target=background, name="briefbot-index", daemon=True).start()

    import uvicorn

    from briefbot.faces.server import create_app

    allowed = ["127.0.0.1", "localhost", "[::1]", host.lower()] if is_loopback(host) else None
    app = create_app(service, token=token, allowed_hosts=allowed, on_startup=start, on_shutdown=stop.set)
    bound = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    _say(f"briefbot: serving http://{shown}:{bound}/ (API docs at /docs; Ctrl-C to stop)")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=3, lifespan="on"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn shuts down gracefully, then passes Ctrl-C on: the normal way to stop
        pass
    stop.set()
    if service.updating:
        _say("briefbot: finishing the index update in progress (Ctrl-C again to stop at once)")
        service.wait_idle()
    _say("briefbot: stopped")


@with_groups
def watch(
    paths: PathsArg = None,
    where: Where = Where(),
) -> None:
    """Keep the index current while files change: one incremental ingest per settled batch, one line each."""
    from briefbot.faces.watcher import check_paths, run_letting_batch_finish, watch_loop

    service = _service(**where)
    targets = check_paths(paths or service.bot.settings.corpus)

    def emit(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    _say(f"briefbot: watching {', '.join(str(p) for p in targets)} (Ctrl-C to stop)")
    try:
        watch_loop(service, targets, emit, run=lambda batch: run_letting_batch_finish(batch, _say, emit))
    except KeyboardInterrupt:
        _say("briefbot: stopped watching; the index is up to date with the last batch")


@with_groups
def mcp(
    no_refresh: NoRefreshOpt = False,
    where: Where = Where(),
    generation: Generation = Generation(),
) -> None:
    """Run an MCP server over stdio with tools ask, search, brief and sources (for AI assistants and editors)."""
    from briefbot.errors import BriefbotError
    from briefbot.faces.mcp_server import run_stdio

    service = _service(**where, **generation)

    def refresh() -> None:
        try:
            report = service.ingest(refresh_only=True)
            if report is not None:
                from briefbot.faces.render import ingest_summary

                _say(f"briefbot: index updated: {ingest_summary(report)}")
        except BriefbotError as exc:
            _say(f"briefbot: {exc}; answering from the files indexed so far")

    service.warm()
    if not no_refresh:
        threading.Thread(target=refresh, name="briefbot-index", daemon=True).start()
    run_stdio(service)
