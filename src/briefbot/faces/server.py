"""`briefbot serve`: the HTTP API and the web page, a thin face on the shared Briefbot (faces/service.py).

Every JSON body is exactly what the matching ``--json`` command prints (render.json_text). Answers
stream as server-sent events when asked (``Accept: text/event-stream``): ``token`` events while an
LLM writes, then one ``answer`` event with the checked answer (or an ``error`` event).
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from briefbot.errors import BriefbotError, ConfigError, IndexBusyError, IndexError_, ModelError
from briefbot.faces.guard import Guard
from briefbot.faces.render import json_text
from briefbot.faces.service import OnToken, Service

WEB = Path(__file__).parent / "web"
MAX_QUESTION = 2000  # characters in a question, topic or search query
MAX_BODY = 64 * 1024  # bytes in a request body
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=MAX_QUESTION, description="The question.")
    k: int | None = Field(None, ge=1, le=100, description="Passages to retrieve [default: the setting, 5].")


class BriefRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    about: str | None = Field(None, max_length=MAX_QUESTION, description="Summarise only what is about this topic.")
    source: str | None = Field(None, max_length=4096, description="Summarise only this file (as `sources` lists it).")
    words: int | None = Field(None, ge=20, le=1000, description="Word limit [default: 120].")


class JSONText(Response):
    """The CLI's ``--json`` text, byte for byte."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json_text(content).encode("utf-8")


def status_of(exc: BriefbotError) -> int:
    if isinstance(exc, ConfigError):
        return 400
    if isinstance(exc, (IndexError_, IndexBusyError)):
        return 503
    if isinstance(exc, ModelError):
        return 502
    return 422  # a document or input briefbot could not use (LoadError and the like)


def sse(event: str, text: str) -> str:
    """One server-sent event; a multi-line payload becomes several ``data:`` lines (joined by newlines)."""
    return f"event: {event}\n" + "".join(f"data: {line}\n" for line in text.rstrip("\n").split("\n")) + "\n"


def stream(run: Callable[[OnToken | None], dict[str, Any]]) -> Iterator[str]:
    """Run the answer on a thread; yield its tokens as they come, then the checked answer."""
    events: queue.Queue[tuple[str, str]] = queue.Queue()

    def work() -> None:
        try:
            events.put(("answer", json_text(run(lambda t: events.put(("token", json.dumps(t, ensure_ascii=False)))))))
        except BriefbotError as exc:
            events.put(("error", json.dumps({"error": str(exc)}, ensure_ascii=False)))
        except Exception as exc:  # noqa: BLE001 - the stream says so instead of ending silently
            events.put(("error", json.dumps({"error": f"unexpected {type(exc).__name__}: {exc}"})))

    threading.Thread(target=work, name="briefbot-answer", daemon=True).start()
    while True:
        event, data = events.get()
        yield sse(event, data)
        if event != "token":
            return


def answer_response(request: Request, run: Callable[[OnToken | None], dict[str, Any]]) -> Response:
    if "text/event-stream" in request.headers.get("accept", ""):
        return StreamingResponse(
            stream(run), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        )
    return JSONText(run(None))


def create_app(
    service: Service,
    *,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    on_startup: Callable[[], None] | None = None,
    on_shutdown: Callable[[], None] | None = None,
) -> FastAPI:
    """The ASGI app. ``allowed_hosts`` (for a loopback bind) refuses other Host headers (DNS rebinding)."""
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        if on_startup:
            on_startup()
        yield
        if on_shutdown:
            on_shutdown()

    app = FastAPI(
        title="briefbot",
        summary="Ask questions of your documents; answers and briefings with checkable citations.",
        version=_version(),
        docs_url=None,  # Swagger UI loads from a CDN; /docs below is an offline rendering instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(Guard, token=token, max_body=MAX_BODY, allowed_hosts=allowed_hosts)

    @app.exception_handler(BriefbotError)
    async def briefbot_error(_: Request, exc: BriefbotError) -> Response:
        return JSONText({"error": str(exc)}, status_code=status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> Response:
        """One message naming each bad field, in the same {"error": ...} shape as every other error."""
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors()]
        return JSONText({"error": "; ".join(problems)}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> Response:
        return JSONText({"error": f"unexpected {type(exc).__name__}: {exc}"}, status_code=500)

    @app.post("/ask", summary="Answer a question, every sentence cited (as `briefbot ask --json`)")
    def ask(body: AskRequest, request: Request) -> Response:
        return answer_response(request, lambda on_token: service.ask(body.question, body.k, on_token))

    @app.post("/brief", summary="One-paragraph briefing of the corpus, a topic or a file (as `briefbot brief --json`)")
    def brief(body: BriefRequest, request: Request) -> Response:
        return answer_response(request, lambda on_token: service.brief(body.about, body.source, body.words, on_token))

    @app.get("/search", summary="Best-matching passages with scores (as `briefbot search --json`)")
    def search(
        q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION, description="What to look for.")],
        k: Annotated[int | None, Query(ge=1, le=100, description="Passages [default: 5].")] = None,
        source: Annotated[str | None, Query(max_length=4096, description="Only this file.")] = None,
    ) -> Response:
        return JSONText(service.search(q, k, source))

    @app.get("/sources", summary="What is indexed (as `briefbot sources --json`)")
    def sources() -> Response:
        return JSONText(service.sources())

    @app.get("/healthz", summary="Liveness, and whether the index is being updated")
    def healthz() -> Response:
        return JSONText(service.health())

    @app.get("/", include_in_schema=False)
    def page() -> Response:
        return FileResponse(WEB / "index.html", headers={"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        from briefbot.faces.apidocs import render_docs

        return HTMLResponse(render_docs(app.openapi()), headers={"Content-Security-Policy": PAGE_CSP})

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefbot")
    except PackageNotFoundError:
        return "0"
