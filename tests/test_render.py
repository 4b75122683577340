"""Terminal rendering: markdown and colour on a TTY only, never with NO_COLOR, plain when piped; token and cost footer."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from .conftest import run_cli
from .fake_openai import FakeOpenAI
from .pty_session import COLOUR, PtySession, text
from rich.console import Console

from briefbot.answer.pricing import estimate_cost, price_of
from briefbot.faces.render import render_answer, usage_line
from briefbot.schema import Answer, Citation, Usage

MARKDOWN_ANSWER = "**Ingrid Solberg** kept the light for thirty years [1].\n\n- The lamp was automated in 1987 [2].\n- Evil \x1b[31mred\x1b[0m text."


def _answer(usage: Usage | None = None) -> Answer:
    return Answer(
        question="q",
        text=MARKDOWN_ANSWER,
        answered=True,
        citations=[
            Citation(1, "docs/report.pdf", 4, 6, "Ingrid Solberg kept the light.", 0.9, page=2),
            Citation(2, "docs/manual.md", 10, 12, "Automated in 1987.", 0.8, section="Manual > History"),
        ],
        model="gpt-4o-mini",
        usage=usage,
    )


def _render(console: Console, answer: Answer) -> str:
    render_answer(answer, console)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_terminal_gets_rendered_markdown_and_colour() -> None:
    out = _render(Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=100), _answer())
    assert COLOUR.search(out.encode())
    plain = text(out.encode())
    assert "**" not in plain and "Ingrid Solberg kept the light" in plain  # bold rendered, not shown as stars
    assert "• The lamp was automated in 1987 [2]." in plain
    assert "\x1b[31m" not in out and "\\x1b[31mred" in plain  # escapes from documents shown, never replayed
    assert "[1] docs/report.pdf p.2:4-6" in plain
    assert "[2] docs/manual.md:10-12  § Manual > History" in plain


def test_piped_output_is_the_text_as_written() -> None:
    out = _render(Console(file=io.StringIO(), force_terminal=False, width=100), _answer())
    assert "\x1b" not in out
    assert out.startswith("**Ingrid Solberg** kept the light for thirty years [1].\n\n- The lamp was automated")
    assert "[1] docs/report.pdf p.2:4-6" in out


def test_no_color_means_no_colour_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = _render(Console(file=io.StringIO(), force_terminal=True, width=100), _answer())
    assert not COLOUR.search(out.encode())
    assert "docs/report.pdf p.2:4-6" in text(out.encode())


def test_cost_for_known_models_only() -> None:
    assert price_of("gpt-4o-mini-2024-07-18") == price_of("gpt-4o-mini") == (0.15, 0.60)
    assert price_of("gpt-4o") == (2.50, 10.00)
    assert estimate_cost("gpt-4o", 1_000_000, 1_000_000) == pytest.approx(12.5)
    assert estimate_cost("llama3.1:8b", 1000, 100) is None
    assert usage_line("gpt-4o-mini", Usage(1000, 100, estimate_cost("gpt-4o-mini", 1000, 100))) == (
        "gpt-4o-mini: 1000 tokens in, 100 out, est. $0.000210"
    )
    assert usage_line("llama3.1:8b", Usage(1000, 100)) == "llama3.1:8b: 1000 tokens in, 100 out"
    total = Usage(10, 1, 0.5) + Usage(20, 2, 0.25)
    assert (total.prompt_tokens, total.completion_tokens, total.cost_usd) == (30, 3, 0.75)
    assert (Usage(1, 1, 0.5) + Usage(1, 1, None)).cost_usd is None


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from .conftest import CORPUS

    root = tmp_path_factory.mktemp("render")
    shutil.copytree(CORPUS, root / "corpus")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


QUESTION = "Who is the Assistant Director-General for Education at UNESCO?"


def test_tokens_and_cost_in_footer_and_json(indexed: Path) -> None:
    with FakeOpenAI() as srv:
        srv.reply("**Stephania Giannini** is the Assistant Director-General for Education [1].", usage=(1000, 100))
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-render"}
        r = run_cli("ask", QUESTION, "--model", "gpt-4o-mini", "--no-refresh", cwd=indexed, env=env)
        assert r.returncode == 0, r.stderr
        assert r.stdout.rstrip().endswith("gpt-4o-mini: 1000 tokens in, 100 out, est. $0.000210")
        assert r.stdout.startswith("**Stephania Giannini**")  # piped: markdown left as written
        assert "\x1b" not in r.stdout and "Sources" in r.stdout
        json_runs = {
            model: run_cli("ask", QUESTION, "--model", model, "--no-refresh", "--json", cwd=indexed, env=env)
            for model in ("gpt-4o-mini", "local-llama")
        }
    for model, cost in (("gpt-4o-mini", 0.00021), ("local-llama", None)):
        data = json.loads(json_runs[model].stdout)
        assert data["usage"] == {"prompt_tokens": 1000, "completion_tokens": 100, "total_tokens": 1100, "cost_usd": cost,
                                 "estimated": False}
        assert set(data) == {
            "question", "answer", "short_answer", "answered", "citations", "model", "usage", "invalid_citations",
            "nearest_passages", "verified", "unsupported", "raw_text", "notes",
        }
        assert data["short_answer"] is None  # an LLM's answer has no extracted phrase


def test_ask_in_a_terminal_is_coloured_unless_no_color(indexed: Path) -> None:
    for env, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
        s = PtySession("ask", QUESTION, "--no-refresh", "--generator", "extractive", cwd=indexed, env=env)
        try:
            assert s.finish(timeout=120) == 0
        finally:
            s.kill()
        assert "Giannini" in text(s.output) and "corpus/unesco-ichei-giannini-meeting.txt:" in text(s.output)
        assert bool(COLOUR.search(s.output)) is coloured, s.output[-500:]


def test_streamed_answer_in_a_terminal_renders_markdown_with_cost(indexed: Path) -> None:
    with FakeOpenAI() as srv:
        srv.reply("**Stephania Giannini** is the Assistant Director-General for Education [1].", usage=(1200, 30))
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-tty"}
        s = PtySession("ask", QUESTION, "--no-refresh", "--model", "gpt-4o", cwd=indexed, env=env)
        try:
            assert s.finish(timeout=120) == 0
        finally:
            s.kill()
        assert srv.requests_to("/chat/completions")[0].json.get("stream") is True  # streamed on a terminal
    shown = text(s.output)
    # The streamed draft is replaced by the final answer, its markdown rendered (no stars).
    final = shown.rsplit("**", 1)[-1]
    assert "\nStephania Giannini is the Assistant Director-General for Education [1]." in final
    assert "gpt-4o: 1200 tokens in, 30 out, est. $0.003300" in shown
    assert "corpus/unesco-ichei-giannini-meeting.txt:" in shown


def test_control_characters_in_file_names_are_escaped_everywhere(tmp_path: Path) -> None:
    """Issue 15.8: newline and tab in a name print as \\n and \\t (a citation never splits), like ESC as \\x1b."""
    docs = tmp_path / "corpus"
    docs.mkdir()
    (docs / "harbour\nnotes\t2024\x1b.txt").write_text(
        "The harbour pier is closed for repairs until the first of June.\n", encoding="utf-8"
    )
    (docs / "bad\nscan.pdf").write_bytes(b"")
    shown = "corpus/harbour\\nnotes\\t2024\\x1b.txt"
    r = run_cli("ingest", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == ["briefbot: skipped corpus/bad\\nscan.pdf: the file is empty"]
    listing = run_cli("sources", cwd=tmp_path).stdout.splitlines()
    assert any(line.startswith(f"  {shown}  1 chunk  indexed") for line in listing), listing
    hits = run_cli("search", "pier closed for repairs", "--no-refresh", cwd=tmp_path).stdout.splitlines()
    assert hits[0].startswith(f"[1] {shown}:1-1"), hits
    answer = run_cli("ask", "Until when is the harbour pier closed?", "--no-refresh", cwd=tmp_path).stdout
    assert f"[1] {shown}:1-1" in answer.splitlines()[answer.splitlines().index("Sources") + 1], answer
    missing = run_cli("ingest", "no\tsuch\nfolder", cwd=tmp_path)
    assert missing.returncode != 0 and len(missing.stderr.splitlines()) == 1 and "no\\tsuch\\nfolder" in missing.stderr
