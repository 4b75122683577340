"""`--chroma-url`: a real `chroma run` server on a free loopback port, shared by two project folders."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import CORPUS, run_cli


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A chroma server (the `chroma` CLI shipped with the chromadb wheel), stopped after the tests."""
    exe = Path(sys.executable).parent / "chroma"  # the README's `chroma run`; in a venv made with
    # --system-site-packages the script sits beside the system's python instead: run its entry point here
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "import sys; from chromadb.cli.cli import app; sys.exit(app())"]
    data = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (data / "server.log").open("wb")
    proc = subprocess.Popen(
        [*cmd, "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.close()
            pytest.fail(f"chroma server did not start: {(data / 'server.log').read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _project(root: Path) -> Path:
    root.mkdir()
    shutil.copytree(CORPUS, root / "corpus")
    (root / "corpus" / "fog.md").write_text(
        "# Fog signals\n\nThe keeper sounds the horn every thirty seconds when visibility drops below one mile.\n",
        encoding="utf-8",
    )
    return root


def test_ingest_ask_and_share_through_a_chroma_server(chroma_server: str, tmp_path: Path) -> None:
    alice = _project(tmp_path / "alice")
    r = run_cli("ingest", "--chroma-url", chroma_server, "--json", cwd=alice)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert sorted(report["added"]) == ["corpus/fog.md", "corpus/unesco-ichei-giannini-meeting.txt"]
    # with a server the index lives there; locally only the writer lock may be kept
    assert not (alice / ".briefbot" / "chroma").exists(), "with a server no index is stored locally"

    r = run_cli("ask", "How often is the fog horn sounded?", "--chroma-url", chroma_server, "--json", cwd=alice)
    assert r.returncode == 0, r.stderr
    answer = json.loads(r.stdout)
    assert answer["answered"] and "thirty seconds" in answer["answer"]
    assert answer["citations"][0]["source"] == "corpus/fog.md"
    assert answer["citations"][0]["section"] == "Fog signals"

    # A teammate with the same folder layout points a config file at the same server:
    # the index is shared, so nothing is re-embedded and the same answers come back.
    bob = _project(tmp_path / "bob")
    (bob / "briefbot.toml").write_text(f'chroma_url = "{chroma_server}"\n', encoding="utf-8")
    r = run_cli("ingest", "--json", cwd=bob)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["added"] == [] and report["embedded"] == 0 and report["unchanged"] == 2

    r = run_cli("sources", "--json", cwd=bob)
    info = json.loads(r.stdout)
    assert info["index"] == chroma_server
    assert [f["path"] for f in info["files"]] == ["corpus/fog.md", "corpus/unesco-ichei-giannini-meeting.txt"]

    r = run_cli("ask", "Who is the Assistant Director-General for Education at UNESCO?", "--no-refresh", cwd=bob)
    assert r.returncode == 0, r.stderr
    assert "Giannini" in r.stdout and "corpus/unesco-ichei-giannini-meeting.txt:" in r.stdout

    r = run_cli("ingest", "--rebuild", "--json", cwd=bob)  # drops and rebuilds the collections on the server
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert len(report["added"]) == 2 and report["embedded"] == report["total_chunks"] > 0

    r = run_cli("config", cwd=bob)
    assert "chroma_url" in r.stdout and chroma_server in r.stdout and "(file briefbot.toml)" in r.stdout


def test_unreachable_server_is_one_line_error(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    url = f"http://127.0.0.1:{_free_port()}"
    r = run_cli("ask", "anything?", "--chroma-url", url, cwd=project)
    assert r.returncode == 1
    assert r.stderr.startswith(f"briefbot: error: cannot reach the chroma server at {url}")
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr
