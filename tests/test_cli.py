"""End to end: the installed `briefbot` command in a subprocess, on the example corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import run_cli

SEED_SOURCE = "corpus/unesco-ichei-giannini-meeting.txt"
ATTENDEES = ["LI Ming", "JIN Li", "HOU Sheng Tao", "BI Xiaohan", "XUE Feng", "SU Rui", "Stephania Giannini"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project for the module: `ask` on a fresh folder indexes the corpus by itself."""
    import shutil

    from .conftest import CORPUS

    root = tmp_path_factory.mktemp("e2e")
    shutil.copytree(CORPUS, root / "corpus")
    return root


def test_ask_giannini_answers_with_all_attendees_and_line_citations(workdir: Path) -> None:
    result = run_cli("ask", "Who attended the Giannini meeting?", cwd=workdir)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    answer, _, sources = out.partition("\nSources\n")
    for name in ATTENDEES:
        assert name.replace(" ", "") in answer.replace(" ", ""), name
    # every sentence carries a citation, and every citation resolves to a Sources line
    sentences = [s for s in re.split(r"(?<=\])\s+", answer.strip()) if s]
    assert sentences and all(re.search(r"\[\d+\]$", s) for s in sentences)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", answer)}
    listed = dict(re.findall(r"^\[(\d+)\] (\S+)", sources, re.MULTILINE))
    assert cited == {int(n) for n in listed}
    assert all(re.fullmatch(re.escape(SEED_SOURCE) + r":\d+-\d+", v) for v in listed.values())
    assert "index updated: 1 added" in result.stderr  # the fresh folder was indexed by `ask` itself


def test_ask_json(workdir: Path) -> None:
    result = run_cli("ask", "Who attended the Giannini meeting?", "--json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"question", "answer", "answered", "citations", "model", "usage", "invalid_citations"}
    assert data["answered"] is True and data["model"] == "extractive" and data["invalid_citations"] == []
    assert data["citations"] and all(c["source"] == SEED_SOURCE for c in data["citations"])
    seed_lines = (workdir / SEED_SOURCE).read_text(encoding="utf-8").split("\n")
    for c in data["citations"]:
        assert set(c) >= {"n", "source", "start_line", "end_line", "text", "score"}
        assert c.get("page") is None  # a text file has no pages
        # the cited text really is on the cited lines
        assert c["text"] in "\n".join(seed_lines[c["start_line"] - 1 : c["end_line"]])


def test_off_corpus_question_is_declined(workdir: Path) -> None:
    result = run_cli("ask", "What is the boiling point of mercury in kelvin?", "--json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["answered"] is False and data["citations"] == []
    plain = run_cli("ask", "What is the boiling point of mercury in kelvin?", cwd=workdir)
    assert "do not answer" in plain.stdout and "Nearest passages" in plain.stdout


def test_brief_is_one_cited_paragraph(workdir: Path) -> None:
    result = run_cli("brief", cwd=workdir)
    assert result.returncode == 0, result.stderr
    paragraph, _, sources = result.stdout.partition("\nSources\n")
    paragraph = paragraph.strip()
    assert "\n" not in paragraph
    assert len(paragraph.split()) <= 120 + 20  # the word limit, plus [n] markers
    assert re.search(r"\[\d+\]", paragraph) and SEED_SOURCE in sources
    about = json.loads(run_cli("brief", "--about", "IIOE network", "--words", "60", "--json", cwd=workdir).stdout)
    assert about["answered"] and about["citations"]
    assert len(re.sub(r"\[\d+\]", "", about["answer"]).split()) <= 60


def test_search_and_sources(workdir: Path) -> None:
    result = run_cli("search", "Giannini", "-k", "2", "--json", cwd=workdir)
    passages = json.loads(result.stdout)["passages"]
    assert len(passages) == 2 and all("Giannini" in p["text"] for p in passages)
    data = json.loads(run_cli("sources", "--json", cwd=workdir).stdout)
    assert data["embedder"] == "minilm-l6-v2-int8"
    assert [f["path"] for f in data["files"]] == [SEED_SOURCE] and data["files"][0]["chunks"] >= 4


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = run_cli("ask", "anything", "--no-refresh", cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "briefbot ingest" in result.stderr
    missing = run_cli("ingest", "no-such-folder", cwd=tmp_path)
    assert missing.returncode != 0 and "no-such-folder" in missing.stderr and "Traceback" not in missing.stderr


def test_help_lists_commands(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path)
    for command in ("ingest", "search", "ask", "brief", "sources"):
        assert command in result.stdout
    assert "--json" in run_cli("ask", "--help", cwd=tmp_path).stdout
