"""One writer per index: a second ingest waits or refuses naming the holder; readers see whole files only."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from pathlib import Path

from briefbot.errors import IndexBusyError
from briefbot.ingest.pipeline import ingest
from briefbot.ingest.loading import load_document
from briefbot.ingest.locking import ingest_lock
from briefbot.schema import FileRecord
from briefbot.settings import load_settings
from briefbot.index.store import Index

from .conftest import briefbot_exe, run_cli

WORDS = "harbour grain timber ferry council budget river bridge school library museum railway".split()


def write_docs(corpus: Path, numbers: range) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(60)]
        text = f"Report {n} on the harbour works. " + " ".join(words).capitalize() + ".\n"
        (corpus / f"doc{n:03d}.txt").write_text(text, encoding="utf-8")


def test_second_ingest_refuses_naming_the_holder(tmp_path: Path, embedder) -> None:
    write_docs(tmp_path / "corpus", range(2))
    with ingest_lock(tmp_path / ".briefbot", timeout=0):
        out = run_cli("ingest", cwd=tmp_path, env={"BRIEFBOT_LOCK_TIMEOUT": "0"})
        assert out.returncode == 75
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in out.stderr
        assert lines[0].startswith("briefbot: error: index at .briefbot is being updated by ")
        assert f"pid {os.getpid()} on {socket.gethostname()}" in lines[0]

        settings = load_settings(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"], lock_timeout=0.2)
        started = time.monotonic()
        try:
            ingest(settings, embedder=embedder)
            raise AssertionError("ingest ran while the lock was held")
        except IndexBusyError as exc:
            assert f"pid {os.getpid()}" in str(exc)
        assert time.monotonic() - started >= 0.2  # it waited before refusing
    # Released: the lock file stays, the holder note goes, and ingest runs.
    assert not (tmp_path / ".briefbot" / "ingest.holder.json").exists()
    assert ingest(settings, embedder=embedder).added == ["corpus/doc000.txt", "corpus/doc001.txt"]


def test_second_ingest_waits_for_the_first_to_finish(tmp_path: Path, embedder) -> None:
    write_docs(tmp_path / "corpus", range(2))
    held = threading.Event()

    def hold_briefly() -> None:
        with ingest_lock(tmp_path / ".briefbot", timeout=0):
            held.set()
            time.sleep(1.5)

    t = threading.Thread(target=hold_briefly)
    t.start()
    held.wait(10)
    started = time.monotonic()
    settings = load_settings(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"], lock_timeout=30)
    report = ingest(settings, embedder=embedder)
    waited = time.monotonic() - started
    t.join()
    assert 1.0 <= waited < 30
    assert report.added == ["corpus/doc000.txt", "corpus/doc001.txt"]


def _start_slow_ingest(project: Path) -> subprocess.Popen[str]:
    """A real `briefbot ingest` writing one chunk per group (slow), returned once it holds the lock."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    proc = subprocess.Popen(
        [*briefbot_exe(), "ingest"], cwd=project, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**env, "BRIEFBOT_TEST_GROUP_CHUNKS": "1"},
    )
    holder = project / ".briefbot" / "ingest.holder.json"
    while not holder.exists() and proc.poll() is None:
        time.sleep(0.01)
    return proc


def test_two_real_ingests_collide_cleanly(tmp_path: Path) -> None:
    write_docs(tmp_path / "corpus", range(40))
    first = _start_slow_ingest(tmp_path)
    second = run_cli("ingest", cwd=tmp_path, env={"BRIEFBOT_LOCK_TIMEOUT": "0"})
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "40 added" in out
    assert second.returncode == 75, second.stderr
    assert f"pid {first.pid} on {socket.gethostname()} (briefbot ingest, since " in second.stderr


def test_readers_skip_files_whose_write_is_not_finished(tmp_path: Path, embedder) -> None:
    write_docs(tmp_path / "corpus", range(3))
    settings = load_settings(index=tmp_path / ".briefbot", corpus=[tmp_path / "corpus"])
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    # What a writer in the middle of replace_files has done so far: the record marked pending.
    doc = load_document(tmp_path / "corpus" / "doc001.txt", "corpus/doc001.txt")
    assert index.query(embedder.embed([doc.text])[0], n=1)[0][0].source == "corpus/doc001.txt"
    index.records.put([FileRecord("corpus/doc001.txt", 1, 1, "x", 1, "now")], "pending")
    query = embedder.embed([doc.text])[0]
    hits = index.query(query, n=10)
    assert hits and all(c.source != "corpus/doc001.txt" for c, _ in hits)
    listed, _ = index.get_chunks()
    assert {c.source for c in listed} == {"corpus/doc000.txt", "corpus/doc002.txt"}
    assert index.query(query, n=10, where={"source": "corpus/doc001.txt"}) == []


def test_ask_during_an_ingest_answers_from_whole_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_docs(corpus, range(5))
    assert run_cli("ingest", cwd=tmp_path).returncode == 0
    write_docs(corpus, range(5, 60))
    writer = _start_slow_ingest(tmp_path)
    answers = []
    busy = 0
    while writer.poll() is None and len(answers) < 2:
        out = run_cli("ask", "What does report 3 say about the harbour works?", "--generator", "extractive",
                      "--json", cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
        busy += "is being updated by pid" in out.stderr and "using the files indexed so far" in out.stderr
        answers.append(json.loads(out.stdout))
    writer.communicate(timeout=300)
    assert writer.returncode == 0
    assert busy >= 1, "no ask ran while the ingest held the lock"
    for answer in answers:
        for c in answer["citations"]:
            lines = (tmp_path / c["source"]).read_text(encoding="utf-8").splitlines()
            assert c["text"] in "\n".join(lines[c["start_line"] - 1 : c["end_line"]])
