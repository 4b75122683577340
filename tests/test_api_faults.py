"""Model API faults, for the openai generator and openai embeddings, against a misbehaving local server.

Each fault must give one line naming the cause and what to do, a non-zero exit and no traceback
(``--debug`` shows it), and the API key never appears in output, errors or the index.
"""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.errors import ModelError
from briefbot.ingest.pipeline import ingest
from briefbot.settings import load_settings

from .conftest import run_cli
from .fake_openai import (
    FakeOpenAI,
    context_length_exceeded,
    cut_stream,
    delay,
    empty_body,
    empty_choices,
    http_error,
    invalid_api_key,
    malformed_json,
    rate_limited,
    reply,
    server_error,
    service_unavailable,
)

KEY = "sk-proj-SECRETkey0123456789abcdefXYZ"
DOC = (
    "The harbour opened in 1901 after four years of work. It handled grain and timber.\n\n"
    "A ferry to the island leaves at noon every day except Sunday.\n"
)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """A project with a small local (MiniLM) index, built once for the generator tests."""
    project = tmp_path_factory.mktemp("faults")
    (project / "corpus").mkdir()
    (project / "corpus" / "harbour.txt").write_text(DOC, encoding="utf-8")
    ingest(load_settings(index=project / ".briefbot", corpus=[project / "corpus"]), embedder=embedder)
    return project


@pytest.fixture
def srv() -> Iterator[FakeOpenAI]:
    with FakeOpenAI("The harbour opened in 1901 [1].") as s:
        yield s


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def api_env(base_url: str, **extra: str) -> dict[str, str]:
    return {"OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": KEY, "BRIEFBOT_TIMEOUT": "5", **extra}


def assert_one_line_error(out, *needles: str, code: int = 1) -> str:
    assert out.returncode == code, (out.returncode, out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("briefbot: error: ")
    assert "Traceback" not in out.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert KEY not in out.stdout + out.stderr
    return lines[0]


# --- the generator, through the CLI ----------------------------------------------------------

GENERATOR_FAULTS = [
    ("401", [invalid_api_key()], {}, ["rejected the key (401)", "OPENAI_API_KEY"]),
    ("429", [rate_limited(retry_after_ms=10)] * 4, {}, ["rate limited (429) even after retries", "try again"]),
    # a read timeout is not retried (the server would still be busy with the first request)
    ("timeout", [delay(3.0)], {"BRIEFBOT_TIMEOUT": "0.5", "BRIEFBOT_MAX_RETRIES": "1"}, ["did not answer in time", "gave up after 0.", "not retried", "BRIEFBOT_TIMEOUT"]),
    ("500", [server_error(500)] * 2, {"BRIEFBOT_MAX_RETRIES": "1"}, ["server failed (500) even after retries", "try again later"]),
    ("503", [service_unavailable()] * 2, {"BRIEFBOT_MAX_RETRIES": "1"}, ["server failed (503)"]),
    ("empty body", [empty_body()], {}, ["malformed reply", "try again"]),
    ("malformed json", [malformed_json()], {}, ["malformed reply", "try again"]),
    ("empty choices", [empty_choices()], {}, ["no answer in it"]),
    ("empty text", [reply("   ")], {}, ["empty reply"]),
    ("context length", [context_length_exceeded()], {}, ["longer than the model's context window", "lower -k"]),
    ("404 model", [http_error(404, "The model does not exist", code="model_not_found")], {}, ["not found (404)", "model name"]),
]


def settings_from(env: dict[str, str], monkeypatch: pytest.MonkeyPatch, **overrides):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return load_settings(**overrides)


@pytest.mark.parametrize(("name", "behaviours", "env", "needles"), GENERATOR_FAULTS, ids=[f[0] for f in GENERATOR_FAULTS])
def test_generator_fault_is_one_clear_line(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder, name, behaviours, env, needles) -> None:
    srv.push(*behaviours, endpoint="chat")
    settings = settings_from(api_env(srv.base_url, **env), monkeypatch, index=indexed / ".briefbot", generator="openai")
    bot = Briefbot(settings)
    bot._embedder = embedder
    with pytest.raises(ModelError) as err:
        bot.ask("When did the harbour open?")
    message = str(err.value)
    assert "\n" not in message and KEY not in message
    assert message.startswith("model gpt-4o-mini: ")
    for needle in needles:
        assert needle in message
    assert srv.pending == 0  # every scripted reply was used: retries happened where they should
    assert all(r.api_key == KEY for r in srv.requests)  # the key was sent, only to the server


CLI_FAULTS = [GENERATOR_FAULTS[0], GENERATOR_FAULTS[1], GENERATOR_FAULTS[6], GENERATOR_FAULTS[9]]


@pytest.mark.parametrize(("name", "behaviours", "env", "needles"), CLI_FAULTS, ids=[f[0] for f in CLI_FAULTS])
def test_cli_generator_fault_is_one_line_and_exit_1(indexed: Path, srv: FakeOpenAI, name, behaviours, env, needles) -> None:
    srv.push(*behaviours, endpoint="chat")
    out = run_cli("ask", "When did the harbour open?", "--no-refresh", "--generator", "openai",
                  cwd=indexed, env=api_env(srv.base_url, **env))
    assert_one_line_error(out, "model gpt-4o-mini: ", *needles)


def test_429_retries_honour_retry_after_then_succeed(indexed: Path, srv: FakeOpenAI) -> None:
    srv.push(rate_limited(retry_after_ms=50), rate_limited(retry_after=1, retry_after_ms=None), endpoint="chat")
    out = run_cli("ask", "When did the harbour open?", "--no-refresh", "--generator", "openai",
                  cwd=indexed, env=api_env(srv.base_url))
    assert out.returncode == 0, out.stderr
    assert "1901" in out.stdout
    assert len(srv.requests_to("/chat/completions")) == 3


def test_429_waits_as_long_as_retry_after_says(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    srv.push(rate_limited(retry_after=1.5, retry_after_ms=None), endpoint="chat")
    bot = Briefbot(settings_from(api_env(srv.base_url), monkeypatch, index=indexed / ".briefbot", generator="openai"))
    bot._embedder = embedder
    started = time.monotonic()
    answer = bot.ask("When did the harbour open?")
    assert time.monotonic() - started >= 1.5  # the server's Retry-After, not the client's 0.5 s backoff
    assert "1901" in answer.text and len(srv.requests_to("/chat/completions")) == 2


def test_no_key_and_connection_refused(indexed: Path) -> None:
    out = run_cli("ask", "When did the harbour open?", "--no-refresh", "--generator", "openai", cwd=indexed)
    assert_one_line_error(out, "no API key", "OPENAI_API_KEY", "--generator extractive")
    out = run_cli("ask", "When did the harbour open?", "--no-refresh", "--generator", "openai",
                  cwd=indexed, env=api_env(closed_port_url(), BRIEFBOT_MAX_RETRIES="0"))
    assert_one_line_error(out, "cannot connect to the API server", "OPENAI_BASE_URL")


def test_debug_shows_the_traceback(indexed: Path, srv: FakeOpenAI) -> None:
    srv.push(invalid_api_key(), endpoint="chat")
    out = run_cli("--debug", "ask", "When did the harbour open?", "--no-refresh", "--generator", "openai",
                  cwd=indexed, env=api_env(srv.base_url))
    assert out.returncode != 0
    assert "Traceback" in out.stderr and "ModelError" in out.stderr and "AuthenticationError" in out.stderr
    assert KEY not in out.stdout + out.stderr


# --- streaming (what a terminal user gets) ----------------------------------------------------


def streaming_ask(project: Path, base_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    bot = Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"],
                                 generator="openai", max_retries=0, timeout=5))
    tokens: list[str] = []
    answer = bot.ask("When did the harbour open?", on_token=tokens.append)
    return answer.text, tokens


@pytest.mark.parametrize("clean_eof", [False, True])
def test_stream_cut_midway_is_reported(indexed: Path, srv: FakeOpenAI, monkeypatch, embedder, clean_eof: bool) -> None:
    srv.push(cut_stream(after_chunks=2, text="The harbour opened in 1901 after a long build [1].", clean_eof=clean_eof))
    with pytest.raises(ModelError) as err:
        streaming_ask(indexed, srv.base_url, monkeypatch)
    message = str(err.value)
    assert "\n" not in message and KEY not in message
    assert "cut off" in message and "try again" in message


def test_stream_with_no_choices_is_reported(indexed: Path, srv: FakeOpenAI, monkeypatch) -> None:
    srv.push(empty_choices())
    with pytest.raises(ModelError, match="cut off|empty reply|no answer in it"):
        streaming_ask(indexed, srv.base_url, monkeypatch)


def test_stream_that_finishes_works(indexed: Path, srv: FakeOpenAI, monkeypatch) -> None:
    text, tokens = streaming_ask(indexed, srv.base_url, monkeypatch)
    assert text == "The harbour opened in 1901 [1]." and "".join(tokens) == text


# --- embeddings --------------------------------------------------------------------------------

EMBEDDING_FAULTS = [
    ("401", [invalid_api_key()], {}, ["rejected the key (401)"]),
    ("429", [rate_limited(retry_after_ms=10)] * 4, {}, ["rate limited (429) even after retries"]),
    ("timeout", [delay(3.0)] * 2, {"BRIEFBOT_TIMEOUT": "0.5", "BRIEFBOT_MAX_RETRIES": "1"}, ["did not answer in time"]),
    ("502", [server_error(502)] * 2, {"BRIEFBOT_MAX_RETRIES": "1"}, ["server failed (502)"]),
    ("malformed json", [malformed_json()], {}, ["malformed reply"]),
    ("no vectors", [empty_choices()], {}, ["malformed reply", "try again"]),
    ("context length", [context_length_exceeded()], {}, ["longer than the model's context window"]),
]


@pytest.mark.parametrize(("name", "behaviours", "env", "needles"), EMBEDDING_FAULTS, ids=[f[0] for f in EMBEDDING_FAULTS])
def test_embedding_fault_during_ingest_is_one_clear_line(tmp_path: Path, srv: FakeOpenAI, monkeypatch, name, behaviours, env, needles) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "harbour.txt").write_text(DOC, encoding="utf-8")
    srv.push(*behaviours, endpoint="embeddings")
    settings = settings_from(api_env(srv.base_url, **env), monkeypatch, index=tmp_path / ".briefbot",
                             corpus=[tmp_path / "corpus"], embedder="openai:text-embedding-3-small")
    with pytest.raises(ModelError) as err:
        ingest(settings)
    message = str(err.value)
    assert "\n" not in message and KEY not in message
    assert message.startswith("embedding with text-embedding-3-small: ")
    for needle in needles:
        assert needle in message
    assert srv.pending == 0


def test_cli_embedding_fault_is_one_line_and_exit_1(tmp_path: Path, srv: FakeOpenAI) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "harbour.txt").write_text(DOC, encoding="utf-8")
    srv.push(invalid_api_key(), endpoint="embeddings")
    out = run_cli("ingest", "--embedder", "openai:text-embedding-3-small", cwd=tmp_path, env=api_env(srv.base_url))
    assert_one_line_error(out, "embedding with text-embedding-3-small: ", "rejected the key (401)")
    out = run_cli("ingest", "--embedder", "openai:text-embedding-3-small", cwd=tmp_path)
    assert_one_line_error(out, "no API key")


def test_embedding_faults_in_the_middle_keep_what_was_written(tmp_path: Path, srv: FakeOpenAI) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"doc{n}.txt").write_text(f"Document {n} is about the harbour, part {n}.\n", encoding="utf-8")
    env = api_env(srv.base_url, BRIEFBOT_TEST_GROUP_CHUNKS="1", BRIEFBOT_MAX_RETRIES="0")
    # probe + three files' groups succeed, then the server fails.
    srv.push(reply(), reply(), reply(), reply(), server_error(500), endpoint="embeddings")
    out = run_cli("ingest", "--embedder", "openai:text-embedding-3-small", cwd=tmp_path, env=env)
    assert_one_line_error(out, "server failed (500)")
    out = run_cli("ingest", "--embedder", "openai:text-embedding-3-small", cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert "3 added" in out.stdout and "3 unchanged" in out.stdout
    # The key never reaches the index.
    for path in (tmp_path / ".briefbot").rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
    shutil.rmtree(tmp_path / ".briefbot")
