"""`briefbot mcp`: started as a subprocess and called with the MCP SDK's own stdio client."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import anyio
import pytest

from .conftest import briefbot_exe, run_cli

QUESTION = "Who attended the Giannini meeting?"
SEED = "corpus/unesco-ichei-giannini-meeting.txt"


def cli_json(root: Path, *args: str) -> Any:
    result = run_cli(*args, "--json", "--no-refresh", cwd=root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


async def session_calls(root: Path) -> dict[str, Any]:
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    exe = briefbot_exe()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    params = StdioServerParameters(command=exe[0], args=[*exe[1:], "mcp"], cwd=str(root), env=env)
    out: dict[str, Any] = {}
    async with Client(params, read_timeout_seconds=180) as client:
        out["tools"] = {t.name: t for t in (await client.list_tools()).tools}
        out["ask"] = await client.call_tool("ask", {"question": QUESTION})
        out["search"] = await client.call_tool("search", {"query": "Giannini", "k": 2})
        out["brief"] = await client.call_tool("brief", {"about": "IIOE network", "words": 60})
        out["sources"] = await client.call_tool("sources", {})
        out["missing"] = await client.call_tool("brief", {"source": "nope.txt"})
        out["invalid"] = await client.call_tool("ask", {"question": "x" * 3000})
    return out


def test_mcp_tools_return_the_cli_json(project: Path, embedder: Any) -> None:
    assert run_cli("ingest", cwd=project).returncode == 0
    got = anyio.run(session_calls, project)
    tools = got["tools"]
    assert set(tools) == {"ask", "search", "brief", "sources"}
    ask_schema = tools["ask"].input_schema if hasattr(tools["ask"], "input_schema") else tools["ask"].inputSchema
    assert ask_schema["required"] == ["question"]
    assert ask_schema["properties"]["question"]["type"] == "string" and ask_schema["properties"]["question"]["maxLength"] == 2000

    def structured(result: Any) -> Any:
        assert not is_error(result), result
        data = getattr(result, "structured_content", None) or getattr(result, "structuredContent", None)
        text = json.loads(result.content[0].text)
        assert data == text  # the text block carries the same JSON, for clients that read only text
        return data

    ask = structured(got["ask"])
    assert ask == cli_json(project, "ask", QUESTION)
    assert ask["answered"] and "Stephania Giannini" in ask["answer"] and ask["citations"][0]["source"] == SEED
    # the rest against the service the HTTP server uses (test_server checks that against the CLI; a CLI
    # start per tool would cost seconds each on a loaded machine)
    from briefbot.api import Briefbot
    from briefbot.faces.service import Service

    bot = Briefbot()
    bot._embedder = embedder  # the session's loaded model
    service = Service(bot)
    assert structured(got["search"]) == service.search("Giannini", 2)
    assert structured(got["brief"]) == service.brief(about="IIOE network", words=60)
    assert structured(got["sources"]) == service.sources()
    assert is_error(got["missing"]) and "nope.txt" in got["missing"].content[0].text
    assert is_error(got["invalid"])


def is_error(result: Any) -> bool:
    return bool(getattr(result, "is_error", None) or getattr(result, "isError", None))


@pytest.mark.parametrize("args", [["mcp", "--help"]])
def test_mcp_help(project: Path, args: list[str]) -> None:
    result = run_cli(*args, cwd=project)
    assert result.returncode == 0 and "stdio" in result.stdout
