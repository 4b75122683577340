"""What a person at a terminal sees of the LLM path: a spinner while waiting, wrapped streaming, no stray bars."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.settings import load_settings

from .conftest import CORPUS, citing, run_cli
from .fake_openai import FakeOpenAI, slow_stream
from .pty_session import PtySession, text

QUESTION = "Who met Stephania Giannini?"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    project = tmp_path_factory.mktemp("llmterm")
    shutil.copytree(CORPUS, project / "corpus")
    bot = Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"]))
    bot._embedder = embedder
    bot.ingest()
    return project


def api(srv: FakeOpenAI, **extra: str) -> dict[str, str]:
    return {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-terminal", **extra}


def test_spinner_with_elapsed_time_until_the_first_token(indexed: Path) -> None:
    with FakeOpenAI() as srv:
        srv.push(slow_stream("Too late [1].", first_delay=120, ping=0.5), endpoint="chat")
        s = PtySession("ask", QUESTION, "--no-refresh", "--model", "local", cwd=indexed, env=api(srv))
        try:
            s.read_until(r"waiting for local… [1-9]\d* s")  # the count moved past 0: it is live
            assert s.proc.poll() is None
        finally:
            s.kill()


def test_streamed_text_wraps_at_the_terminal_width(indexed: Path) -> None:
    words = [f"word{i:02d}" for i in range(40)]  # 280 characters: four or five lines of 60 columns
    reply = " ".join(words) + " [1]."
    with FakeOpenAI() as srv:
        # every word sent, then the reply is held open: what shows now is the streamed display, not the final render
        srv.push(slow_stream(reply, hold=120), endpoint="chat")
        s = PtySession("ask", QUESTION, "--no-refresh", cwd=indexed, env=api(srv, COLUMNS="60"))
        try:
            s.read_until(r"word39")  # cropped at 60 columns, the last words would never show while streaming
            assert s.proc.poll() is None
        finally:
            s.kill()
    shown = text(s.output)
    assert all(w in shown for w in words)


def test_stream_on_when_piped_prints_the_verified_answer_below_a_separator(indexed: Path) -> None:
    grounded = "The delegation of UNESCO-ICHEI had a meeting with Ms. Stephania Giannini [{}]."
    unsupported = " The capital of Peru is Lima [{}]."
    reply = citing(grounded + unsupported + "\nPassages [1], [2]", "Stephania Giannini", "Stephania Giannini")
    with FakeOpenAI(reply) as srv:
        out = run_cli("ask", QUESTION, "--no-refresh", cwd=indexed, env=api(srv, BRIEFBOT_STREAM="on"))
    assert out.returncode == 0, out.stderr
    streamed, final = out.stdout.split("── verified answer ──\n")
    assert "Lima" in streamed and "Passages [1], [2]" in streamed  # the raw reply, as it came
    assert final.startswith(grounded.format(1) + "\n")  # what was verified
    assert "Lima" not in final and "Passages [1]" not in final and "1 unsupported sentence removed" in final


def test_no_progress_bar_when_nothing_needs_indexing(indexed: Path) -> None:
    s = PtySession("ask", QUESTION, "--generator", "extractive", cwd=indexed)
    try:
        assert s.finish(timeout=120) == 0
    finally:
        s.kill()
    shown = text(s.output)
    assert "Giannini" in shown and "indexing" not in shown


def test_chat_usage_sums_the_rewrite_and_the_answer_estimates(indexed: Path) -> None:
    def respond(body: dict) -> str:
        if "standalone question" in body["messages"][0]["content"]:
            return "Who presented the IIOE's achievements at the Giannini meeting?"
        return "Xue Feng presented them [1]."

    with FakeOpenAI() as srv:
        srv.reply(respond)
        srv.send_usage = False  # as llama.cpp's server: no usage at all
        s = PtySession("chat", "--no-refresh", "--model", "local", cwd=indexed, env=api(srv))
        try:
            s.read_until(r"> ")
            s.send("Who presented the IIOE's achievements?\n")
            s.read_until(r"estimated[^\n]*\n[\s\S]*> ")
            s.send("and what did they show?\n")
            s.read_until(r"searched:[\s\S]*estimated[^\n]*\n[\s\S]*> ")
            s.send(b"\x04")
            assert s.finish() == 0
        finally:
            s.kill()
    lines = re.findall(r"local: about (\d+) tokens in, about (\d+) out", text(s.output))
    assert len(lines) == 2, text(s.output)
    (first_in, first_out), (second_in, second_out) = [(int(a), int(b)) for a, b in lines]
    # the follow-up's line counts the rewrite call too: more than an answer alone
    assert second_in > first_in + 50 and second_out > first_out
