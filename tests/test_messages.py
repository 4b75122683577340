"""What each command says: quiet into a closed pipe, messages that fit the command, hints on an empty corpus."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from .conftest import CORPUS, briefbot_exe, run_cli, sigint_as_at_a_terminal


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus, indexed once for the module."""
    root = tmp_path_factory.mktemp("messages")
    shutil.copytree(CORPUS, root / "corpus")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def env_without_briefbot(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    env.update(extra)
    return env


def run_into_closed_pipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`briefbot ARGS | head -0`, made deterministic: the reader has gone before the first write."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [*briefbot_exe(), *args], cwd=cwd, env=env_without_briefbot(), stdout=write_end,
            stderr=subprocess.PIPE, text=True, timeout=300, check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ["config"],
        ["config", "--json"],
        ["sources"],
        ["search", "Giannini", "--no-refresh"],
        ["search", "Giannini", "--no-refresh", "--json"],
        ["ask", "Who attended the Giannini meeting?", "--no-refresh"],
        ["ask", "Who attended the Giannini meeting?", "--no-refresh", "--json"],
        ["--help"],
    ],
)
def test_output_into_a_closed_pipe_ends_quietly(indexed: Path, args: list[str]) -> None:
    r = run_into_closed_pipe(*args, cwd=indexed)
    assert r.stderr == "" and r.returncode == 0, r.stderr


def test_ask_json_on_a_decline_carries_the_nearest_passages_the_terminal_shows(indexed: Path) -> None:
    question = "What is the boiling point of liquid nitrogen?"
    r = run_cli("ask", question, "--no-refresh", "--json", cwd=indexed)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["answered"] is False and data["citations"] == []
    nearest = data["nearest_passages"]
    assert 1 <= len(nearest) <= 3
    assert all(p["source"].startswith("corpus/") and p["text"] and isinstance(p["score"], float) for p in nearest)
    shown = run_cli("ask", question, "--no-refresh", cwd=indexed).stdout
    assert "Nearest passages" in shown
    listed = shown.split("Nearest passages", 1)[1]
    assert [f"{p['source']}:{p['start_line']}-{p['end_line']}" for p in nearest] == [
        line.split()[1] for line in listed.strip().splitlines()
    ]


def test_ask_json_on_an_answer_has_no_nearest_passages(indexed: Path) -> None:
    r = run_cli("ask", "Who attended the Giannini meeting?", "--no-refresh", "--json", cwd=indexed)
    data = json.loads(r.stdout)
    assert data["answered"] is True and data["nearest_passages"] == []


def copy_project(indexed: Path, dest: Path) -> Path:
    """A copy of the indexed project (sources are named relative to it, so the copy works as it is)."""
    shutil.copytree(indexed, dest)
    return dest


def test_ask_while_another_process_ingests_does_not_advise_waiting(indexed: Path, tmp_path: Path) -> None:
    from briefbot.ingest.locking import ingest_lock

    project = copy_project(indexed, tmp_path / "p")
    (project / "corpus" / "new.txt").write_text("The harbour reopened in May.\n", encoding="utf-8")  # needs a refresh
    with ingest_lock(project / ".briefbot", 0):  # another ingest holds the writer lock
        r = run_cli("ask", "Who attended the Giannini meeting?", cwd=project)
    assert r.returncode == 0, r.stderr
    assert "is being updated by pid" in r.stderr and "using the files indexed so far" in r.stderr
    assert "wait for it to finish" not in r.stderr and "BRIEFBOT_LOCK_TIMEOUT" not in r.stderr


def ctrl_c_while_ask_waits_for_the_model(indexed: Path) -> tuple[int | None, str, str]:
    """`briefbot ask` with a model that is slow to answer, sent Ctrl-C once the request is in flight."""
    import time

    from .fake_openai import FakeOpenAI, delay, reply

    with FakeOpenAI() as srv:
        srv.push(delay(60, then=reply("too late")))
        env = env_without_briefbot(OPENAI_BASE_URL=srv.base_url, OPENAI_API_KEY="sk-test-ctrl-c")
        proc = subprocess.Popen(
            [*briefbot_exe(), "ask", "Who attended the Giannini meeting?", "--no-refresh"], cwd=indexed, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=sigint_as_at_a_terminal,  # noqa: PLW1509 - one signal() call
        )
        try:
            deadline = time.monotonic() + 120
            while not srv.requests_to("/chat/completions") and time.monotonic() < deadline:
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.1)  # until the request is in flight
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    return proc.returncode, out, err


def test_ctrl_c_while_ask_waits_for_the_model_says_only_interrupted(indexed: Path) -> None:
    code, out, err = ctrl_c_while_ask_waits_for_the_model(indexed)
    assert code == 130, (out, err)
    assert err.strip().splitlines()[-1] == "briefbot: interrupted", err
    assert "indexed" not in err and "Traceback" not in err


def test_ctrl_c_tests_hold_when_the_test_run_itself_ignores_sigint(indexed: Path) -> None:
    """A test run started in the background ignores SIGINT, and its children inherited that: the
    Ctrl-C tests (chat cancel, ingest interrupted mid-write) then failed together. Not any more."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as under `nohup pytest &`
    try:
        code, out, err = ctrl_c_while_ask_waits_for_the_model(indexed)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 130 and err.strip().splitlines()[-1] == "briefbot: interrupted", (code, out, err)


POINT_AT_DOCUMENTS = "index your documents with `briefbot ingest PATH`, or set `corpus` in briefbot.toml"


@pytest.mark.parametrize("args", [["ingest"], ["ask", "what is new?"], ["search", "news"], ["brief"], ["sources"]])
def test_a_fresh_folder_without_corpus_says_how_to_point_briefbot_at_documents(tmp_path: Path, args: list[str]) -> None:
    r = run_cli(*args, cwd=tmp_path)
    assert r.returncode == 1 and not r.stdout
    assert r.stderr.startswith("briefbot: error: ") and "the documents folder corpus does not exist" in r.stderr
    assert POINT_AT_DOCUMENTS in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_an_empty_corpus_says_0_files_then_nothing_is_indexed(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    r = run_cli("ingest", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "found 0 files to index in corpus" in r.stderr
    for args in (["ask", "what is new?"], ["search", "news"], ["brief"]):
        r = run_cli(*args, cwd=tmp_path)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert "do not answer" not in r.stdout and "No passages found" not in r.stdout
        assert r.stderr.startswith("briefbot: error: nothing is indexed yet: corpus holds no documents"), r.stderr
    (tmp_path / "corpus").rmdir()  # and once the folder is gone too, how to point briefbot at documents
    r = run_cli("ask", "what is new?", cwd=tmp_path)
    assert r.returncode == 1 and "nothing is indexed yet" in r.stderr and POINT_AT_DOCUMENTS in r.stderr


def test_sources_lists_the_embedding_cache_size(indexed: Path) -> None:
    r = run_cli("sources", cwd=indexed)
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip().splitlines()[-1]
    assert line.startswith("embedding cache: ") and " vectors, " in line and line.endswith(" MB")
    data = json.loads(run_cli("sources", "--json", cwd=indexed).stdout)
    assert data["embedding_cache"]["vectors"] > 0 and data["embedding_cache"]["bytes"] > 0


@pytest.mark.parametrize(("args", "what"), [(["search", "  "], "query"), (["ask", ""], "question")])
def test_an_empty_query_is_an_error_not_a_listing(indexed: Path, args: list[str], what: str) -> None:
    """`search ""` listed the first passages of the index (exit 0), where `ask ""` said the question is empty."""
    r = run_cli(*args, "--no-refresh", cwd=indexed)
    assert r.returncode == 2 and r.stdout == "", (r.returncode, r.stdout)
    assert r.stderr.strip() == f"briefbot: error: the {what} is empty"
