"""`briefbot eval`: question files in, recall / containment / citation precision out, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli

from briefbot.eval import EvalQuestion, judge, load_questions, source_matches
from briefbot.schema import Answer, Chunk, Citation, Passage

QUESTIONS = [
    {
        "question": "Who attended the Giannini meeting?",
        "answers": ["Stephania Giannini"],
        "sources": ["unesco-ichei-giannini-meeting.txt"],
    },
    {"question": "What is the boiling point of liquid nitrogen in kelvin?", "answers": ["77 K"]},
    {"question": "Where did the UNESCO-ICHEI delegation meet Ms. Giannini?", "sources": ["elsewhere.txt"]},
]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_cli_reports_metrics_and_per_question_records(project: Path) -> None:
    assert run_cli("ingest", cwd=project).returncode == 0
    qfile = _write(project / "questions.jsonl", QUESTIONS)

    res = run_cli("eval", str(qfile), "--json", "--no-refresh", cwd=project)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    m = data["metrics"]
    assert m["questions"] == 3 and m["k"] == 5
    assert m["with_sources"] == 2 and m["with_answers"] == 2
    assert m["recall@1"] == 0.5 and m["recall@5"] == 0.5  # the second source is deliberately wrong
    assert m["answer_containment"] == 0.5  # Giannini answered; nitrogen declined
    assert m["citation_precision"] == 1.0
    assert 0 < m["abstention_rate"] < 1

    first, second, third = data["questions"]
    assert first["answered"] and "Stephania Giannini" in first["answer"]
    assert first["source_rank"] == 1 and first["contains_answer"] is True and first["failures"] == []
    assert first["citations"] and {"n", "source", "start_line", "end_line"} <= set(first["citations"][0])
    top = first["retrieved"][0]
    assert top["rank"] == 1 and top["source"] == "corpus/unesco-ichei-giannini-meeting.txt"
    assert {"start_line", "end_line", "score", "dense_score", "lexical_score"} <= set(top)
    assert len(first["retrieved"]) <= 5
    assert second["answered"] is False and second["contains_answer"] is False
    assert "declined to answer" in second["failures"]
    assert third["source_rank"] is None and "no expected source retrieved" in third["failures"]
    assert third["contains_answer"] is None

    text = run_cli("eval", str(qfile), "--no-refresh", "-k", "3", cwd=project)
    assert text.returncode == 0, text.stderr
    assert "recall@3 of sources" in text.stdout
    assert "Failures (2)" in text.stdout and "boiling point" in text.stdout


def test_eval_cli_bad_file_is_one_line_error(project: Path) -> None:
    bad = project / "bad.jsonl"
    bad.write_text('{"question": "fine?"}\n{not json\n', encoding="utf-8")
    res = run_cli("eval", str(bad), "--no-refresh", cwd=project)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "Traceback" not in res.stderr
    assert "bad.jsonl:2: not valid JSON" in res.stderr
    missing = run_cli("eval", "nope.jsonl", cwd=project)
    assert missing.returncode == 2 and "nope.jsonl: file not found" in missing.stderr


def test_load_questions_validates_fields(tmp_path: Path) -> None:
    ok = _write(tmp_path / "q.jsonl", [{"question": " Why? ", "answers": "because", "sources": ["a.txt"]}])
    assert load_questions(ok) == [EvalQuestion("Why?", ("because",), ("a.txt",))]
    bad = _write(tmp_path / "b.jsonl", [{"question": "Why?", "answers": [1]}])
    try:
        load_questions(bad)
    except Exception as exc:  # noqa: BLE001
        assert "b.jsonl:1" in str(exc) and "answers" in str(exc)
    else:
        raise AssertionError("a non-string answer was accepted")


def test_judge_counts_cited_passages_without_the_answer() -> None:
    def chunk(source: str, text: str) -> Chunk:
        return Chunk(source, 0, text, 1, 1, 0, len(text), 5, "h" * 64)

    passages = [Passage(chunk("docs/a.txt", "The bridge opened in 1932."), 1.0), Passage(chunk("docs/b.txt", "Tolls fell."), 0.5)]
    cites = [Citation(1, "docs/a.txt", 1, 1, passages[0].chunk.text, 1.0), Citation(2, "docs/b.txt", 1, 1, passages[1].chunk.text, 0.5)]
    answer = Answer("When?", "It opened in 1932 [1]. Tolls fell [2].", True, cites, "extractive")
    result = judge(EvalQuestion("When?", ("1932",), ("b.txt",)), answer, passages)
    assert result.source_rank == 2 and result.contains_answer is True and result.cited_with_answer == 1
    assert result.failures == ["1 of 2 cited passages lack the answer"]
    assert source_matches("docs/b.txt", "b.txt") and not source_matches("docs/ab.txt", "b.txt")
