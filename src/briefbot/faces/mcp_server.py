"""`briefbot mcp`: the Model Context Protocol server over stdio (official `mcp` SDK).

Tools ``ask``, ``search``, ``brief`` and ``sources`` return the same JSON as the ``--json`` commands,
so an assistant answers from the user's documents with briefbot's checked citations. stdout
carries the protocol only; anything briefbot reports goes to stderr.
"""

from __future__ import annotations

from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import Field

from briefbot.errors import BriefbotError
from briefbot.faces.service import Service

MAX_QUESTION = 2000

INSTRUCTIONS = (
    "briefbot answers questions from the user's own indexed documents. Every sentence of an answer "
    "cites passages as [n]; each citation gives the file, lines (or page) and the passage text. "
    "An answer with answered=false means the documents do not say: do not invent one."
)


def build_server(service: Service) -> MCPServer:
    server = MCPServer("briefbot", instructions=INSTRUCTIONS)

    async def call(fn: Any, *args: Any) -> dict[str, Any]:
        import anyio.to_thread

        try:
            return await anyio.to_thread.run_sync(fn, *args)
        except BriefbotError as exc:
            raise ToolError(str(exc)) from None

    @server.tool(description="Answer a question from the indexed documents; every sentence cited [n] with file and lines.")
    async def ask(
        question: Annotated[str, Field(min_length=1, max_length=MAX_QUESTION, description="The question.")],
        k: Annotated[int | None, Field(ge=1, le=100, description="Passages to retrieve (default 5).")] = None,
    ) -> dict[str, Any]:
        return await call(service.ask, question, k)

    @server.tool(description="The passages that best match a query, with file, lines, scores and text.")
    async def search(
        query: Annotated[str, Field(min_length=1, max_length=MAX_QUESTION, description="What to look for.")],
        k: Annotated[int | None, Field(ge=1, le=100, description="Passages to return (default 5).")] = None,
        source: Annotated[str | None, Field(max_length=4096, description="Only this file, as `sources` lists it.")] = None,
    ) -> dict[str, Any]:
        return await call(service.search, query, k, source)

    @server.tool(description="A one-paragraph briefing, with citations, of all documents, a topic, or one file.")
    async def brief(
        about: Annotated[str | None, Field(max_length=MAX_QUESTION, description="Only what is about this topic.")] = None,
        source: Annotated[str | None, Field(max_length=4096, description="Only this file, as `sources` lists it.")] = None,
        words: Annotated[int | None, Field(ge=20, le=1000, description="Word limit (default 120).")] = None,
    ) -> dict[str, Any]:
        return await call(service.brief, about, source, words)

    @server.tool(description="What is indexed: files with their passage counts and when they were indexed, and the embedder.")
    async def sources() -> dict[str, Any]:
        return await call(service.sources)

    return server


def run_stdio(service: Service) -> None:
    build_server(service).run("stdio")
