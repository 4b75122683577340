"""The LLM path as a small local model drives it, against the fake server: briefs, stray lines, budgets, time limits."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.errors import ModelError
from briefbot.settings import load_settings

from .conftest import run_cli
from .fake_openai import FakeOpenAI, RawBody, reply, slow_stream

KEY = "sk-test-llm-path-0123456789"
TITLED_BRIEF = (
    "**Executive Briefing: UNESCO-ICHEI and UNESCO**\n\n"
    "The delegation met Stephania Giannini during Digital Learning Week.\n\n"
    "She praised the IIOE network and its growth.\n\n"
    "Both sides discussed future cooperation."
)
CITED_BRIEF = "The delegation met Stephania Giannini during Digital Learning Week [1]. She praised the IIOE [2]."


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    import shutil

    from .conftest import CORPUS

    project = tmp_path_factory.mktemp("llmpath")
    shutil.copytree(CORPUS, project / "corpus")
    Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"]))._embedder = embedder
    bot = Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"]))
    bot._embedder = embedder
    bot.ingest()
    return project


@pytest.fixture
def srv():
    with FakeOpenAI("The delegation met Giannini [1].") as s:
        yield s


def make_bot(project: Path, srv_url: str, monkeypatch: pytest.MonkeyPatch, embedder, **overrides) -> Briefbot:
    monkeypatch.setenv("OPENAI_BASE_URL", srv_url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    bot = Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"], generator="openai", **overrides))
    bot._embedder = embedder
    return bot


def env(srv: FakeOpenAI, **extra: str) -> dict[str, str]:
    return {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": KEY, **extra}


# --- briefs -----------------------------------------------------------------------------------


def test_uncited_titled_brief_is_asked_again_and_repaired(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    srv.push(reply(TITLED_BRIEF), reply("**Briefing**\n\n" + CITED_BRIEF), endpoint="chat")
    answer = make_bot(indexed, srv.base_url, monkeypatch, embedder, verify=False).brief(words=60)
    calls = srv.requests_to("/chat/completions")
    assert len(calls) == 2
    repair = calls[1].json["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert repair[2]["content"] == TITLED_BRIEF and "did not cite" in repair[3]["content"]
    assert answer.answered and answer.notes == []
    assert answer.text == CITED_BRIEF.replace("[2]", "[2]")  # one plain paragraph, title gone
    assert len(answer.citations) == 2


def test_brief_uncited_twice_falls_back_to_the_offline_brief_with_a_note(indexed: Path, srv: FakeOpenAI) -> None:
    srv.reply(TITLED_BRIEF)
    out = run_cli("brief", "--no-refresh", "--words", "60", cwd=indexed, env=env(srv))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    notes = [ln for ln in lines if "offline extractive brief" in ln]
    assert len(notes) == 1 and "no valid citation" in notes[0]
    assert "Executive Briefing" not in out.stdout and "[1]" in lines[0]  # the extractive brief, cited
    data = json.loads(run_cli("brief", "--no-refresh", "--words", "60", "--json", cwd=indexed, env=env(srv)).stdout)
    assert data["citations"] and "[1]" in data["answer"] and len(data["notes"]) == 1
    assert len(srv.requests_to("/chat/completions")) == 4  # two per brief: the reply and one repair


def test_brief_sends_a_token_budget_and_is_cut_to_the_word_limit(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    long = " ".join(f"Sentence number {i} says the delegation met Giannini in Paris [1]." for i in range(30))
    srv.push(reply(long, finish_reason="length"), endpoint="chat")
    answer = make_bot(indexed, srv.base_url, monkeypatch, embedder, verify=False).brief(words=40)
    budget = srv.last_request.json["max_tokens"]
    assert 40 < budget < 200
    words = len(answer.text.replace(" [1]", "").split())
    assert 0 < words <= 40 and answer.text.endswith("[1].")


def test_ask_sends_max_tokens(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    make_bot(indexed, srv.base_url, monkeypatch, embedder).ask("Who met Giannini?")
    assert 100 <= srv.last_request.json["max_tokens"] <= 1000


# --- ask: stray lines and declines ----------------------------------------------------------


def test_appended_sources_list_and_passages_line_removed(indexed: Path, srv: FakeOpenAI) -> None:
    srv.reply("The delegation met Giannini [1].\n\nSources:\n- [1] corpus/unesco-ichei-giannini-meeting.txt\n- [2] other\nPassages [1], [2]")
    # (not a grounded sentence: verification, tested in test_verify_cli.py, is off here)
    out = run_cli("ask", "Who met Giannini?", "--no-refresh", "--no-verify", cwd=indexed, env=env(srv))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("The delegation met Giannini [1].\n\nSources\n")
    assert "Passages [1]" not in out.stdout and "- [1]" not in out.stdout and "[2]" not in out.stdout
    data = json.loads(run_cli("ask", "Who met Giannini?", "--no-refresh", "--no-verify", "--json", cwd=indexed, env=env(srv)).stdout)
    assert data["answer"] == "The delegation met Giannini [1]." and len(data["citations"]) == 1
    assert data["raw_text"] == "The delegation met Giannini [1]."  # tidied before it is checked


def test_a_paraphrased_decline_is_a_decline(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    # (a question the passages' reading finds answered, so the model is asked: "How much funding ...?" is declined
    # before, no sum of money being quoted anywhere)
    srv.reply("The passages do not mention who met Giannini.\nPassages [1], [2]")
    answer = make_bot(indexed, srv.base_url, monkeypatch, embedder).ask("Who met Giannini?")
    assert not answer.answered and answer.citations == []
    assert answer.text == "The documents do not answer this question."


# --- usage ------------------------------------------------------------------------------------


def test_no_usage_from_the_server_is_estimated_and_says_so(indexed: Path, srv: FakeOpenAI) -> None:
    srv.send_usage = False
    out = run_cli("ask", "Who met Giannini?", "--no-refresh", "--model", "local", cwd=indexed, env=env(srv))
    assert out.returncode == 0, out.stderr
    line = out.stdout.rstrip().splitlines()[-1]
    assert line.startswith("local: about ") and "estimated" in line
    prompt = int(line.split("about ")[1].split()[0])
    assert prompt > 300  # the template and five passages, counted with tiktoken
    data = json.loads(run_cli("ask", "Who met Giannini?", "--no-refresh", "--json", cwd=indexed, env=env(srv)).stdout)
    assert data["usage"]["estimated"] is True and data["usage"]["completion_tokens"] > 3


# --- time limits and bad replies --------------------------------------------------------------


def test_first_token_timeout_while_the_server_pings(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    srv.push(slow_stream("Too late [1].", first_delay=60, ping=0.2), endpoint="chat")
    bot = make_bot(indexed, srv.base_url, monkeypatch, embedder, first_token_timeout=1, timeout=50)
    started = time.monotonic()
    with pytest.raises(ModelError) as err:
        bot.ask("Who met Giannini?", on_token=lambda t: None)
    assert time.monotonic() - started < 40  # not the server's 60 s, nor the 50 s total
    message = str(err.value)
    assert "no reply began within" in message and "BRIEFBOT_FIRST_TOKEN_TIMEOUT" in message
    assert len(srv.requests_to("/chat/completions")) == 1  # not retried


def test_total_timeout_cuts_a_slow_stream(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    words = " ".join(["word"] * 200) + " [1]."
    srv.push(slow_stream(words, chunk_delay=0.3), endpoint="chat")
    bot = make_bot(indexed, srv.base_url, monkeypatch, embedder, first_token_timeout=20, timeout=3)
    got: list[str] = []
    started = time.monotonic()
    with pytest.raises(ModelError, match=r"gave up after \d"):
        bot.ask("Who met Giannini?", on_token=got.append)
    assert got and time.monotonic() - started < 40  # the stream would have taken 60 s
    assert len(srv.requests_to("/chat/completions")) == 1


def test_connection_refused_fails_at_once_with_a_clear_message(indexed: Path, monkeypatch, embedder) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    bot = make_bot(indexed, url, monkeypatch, embedder)
    bot.search("warm up")  # the embedder loaded: time only the model call
    started = time.monotonic()
    with pytest.raises(ModelError, match="connection refused") as err:
        bot.ask("Who met Giannini?")
    assert time.monotonic() - started < 5  # no retries with back-off
    assert url in str(err.value) and "OPENAI_BASE_URL" in str(err.value)


@pytest.mark.parametrize(("body", "needle"), [
    (b'{"id": "x", "object": "chat.completion"}', "has no 'choices' list (it has id, object)"),
    (b"<html>Bad gateway</html>", "is not JSON (it begins '<html>Bad gateway</html>')"),
    (b'{"choices": [{"index": 0, "message": {"role": "assistant"}}]}', "first choice has no message text"),
    (b'{"error": {"message": "model is loading"}}', "the server reported an error: model is loading"),
])
def test_a_garbage_reply_says_what_was_wrong(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder, body: bytes, needle: str) -> None:
    srv.push(RawBody(body), endpoint="chat")
    with pytest.raises(ModelError) as err:
        make_bot(indexed, srv.base_url, monkeypatch, embedder).ask("Who met Giannini?")
    assert needle in str(err.value) and "Error)" not in str(err.value)


def test_a_server_that_ignores_stream_still_answers(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    body = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Giannini met them [1]."}, "finish_reason": "stop"}]}
    srv.push(RawBody(json.dumps(body).encode()), endpoint="chat")
    got: list[str] = []
    answer = make_bot(indexed, srv.base_url, monkeypatch, embedder, verify=False).ask("Who met Giannini?", on_token=got.append)
    assert answer.text == "Giannini met them [1]." and got == ["Giannini met them [1]."]
    assert answer.usage is not None and answer.usage.estimated


@pytest.mark.parametrize(("name", "value"), [
    ("BRIEFBOT_TIMEOUT", "0"), ("BRIEFBOT_FIRST_TOKEN_TIMEOUT", "-1"), ("BRIEFBOT_CONNECT_TIMEOUT", "soon"),
    ("BRIEFBOT_STREAM", "always"),
])
def test_time_limit_settings_are_validated(indexed: Path, name: str, value: str) -> None:
    out = run_cli("ask", "Who met Giannini?", "--no-refresh", cwd=indexed, env={name: value})
    assert out.returncode == 2 and name in out.stderr and "Traceback" not in out.stderr


def test_default_worst_case_wait_is_under_90_seconds() -> None:
    s = load_settings()
    assert s.timeout < 90 and s.first_token_timeout <= s.timeout and s.connect_timeout <= s.timeout
