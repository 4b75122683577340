"""Checking briefbot on your own questions: source recall, answer containment, citation precision.

A question file is JSON Lines; each line has ``question`` and optionally ``answers`` (acceptable
answer strings) and ``sources`` (file names that should be retrieved). All questions are answered
by one Briefbot, so the embedder and the BM25 index are loaded once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefbot.errors import ConfigError
from briefbot.schema import Answer, Passage

if TYPE_CHECKING:
    from briefbot.api import Briefbot

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class EvalQuestion:
    question: str
    answers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a question file; a bad line is reported as FILE:LINE and the reason."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    out: list[EvalQuestion] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("question"), str) or not row["question"].strip():
            raise ConfigError(f"{path}:{n}: each line needs a non-empty \"question\" string")
        lists = {}
        for key in ("answers", "sources"):
            value = row.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}:{n}: \"{key}\" must be a list of strings")
            lists[key] = tuple(v for v in value if v.strip())
        out.append(EvalQuestion(row["question"].strip(), lists["answers"], lists["sources"]))
    if not out:
        raise ConfigError(f"{path}: no questions in the file")
    return out


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive form for checking that an answer string is contained."""
    return " ".join(text.lower().split())


def contains_any(text: str, answers: tuple[str, ...]) -> bool:
    t = normalise(text)
    return any(normalise(a) in t for a in answers)


def source_matches(source: str, expected: str) -> bool:
    """An expected file name matches a source by whole path or by its trailing path parts."""
    source, expected = source.replace("\\", "/"), expected.replace("\\", "/").lstrip("./")
    return source == expected or source.endswith("/" + expected)


@dataclass
class QuestionResult:
    question: EvalQuestion
    answer: Answer
    retrieved: list[Passage]
    source_rank: int | None  # 1-based rank of the first passage from an expected source
    contains_answer: bool | None  # None when the question lists no answers
    cited_with_answer: int  # cited passages holding an accepted answer
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question.question,
            "answers": list(self.question.answers),
            "sources": list(self.question.sources),
            "retrieved": [
                {
                    "rank": r,
                    "source": p.chunk.source,
                    "start_line": p.chunk.start_line,
                    "end_line": p.chunk.end_line,
                    "score": round(p.score, 4),
                    "dense_score": None if p.dense_score is None else round(p.dense_score, 4),
                    "lexical_score": None if p.lexical_score is None else round(p.lexical_score, 4),
                }
                for r, p in enumerate(self.retrieved, 1)
            ],
            "answer": self.answer.text,
            "answered": self.answer.answered,
            "citations": [
                {"n": c.n, "source": c.source, "start_line": c.start_line, "end_line": c.end_line}
                for c in self.answer.citations
            ],
            "source_rank": self.source_rank,
            "contains_answer": self.contains_answer,
            "failures": self.failures,
        }


@dataclass
class EvalReport:
    k: int
    results: list[QuestionResult]

    def metrics(self) -> dict[str, Any]:
        with_sources = [r for r in self.results if r.question.sources]
        with_answers = [r for r in self.results if r.question.answers]
        cited = [r for r in with_answers if r.answer.answered]
        n_cited = sum(len(r.answer.citations) for r in cited)

        def share(count: int, total: int) -> float | None:
            return round(count / total, 4) if total else None

        return {
            "questions": len(self.results),
            "k": self.k,
            "with_sources": len(with_sources),
            "recall@1": share(sum(1 for r in with_sources if r.source_rank == 1), len(with_sources)),
            f"recall@{self.k}": share(sum(1 for r in with_sources if r.source_rank), len(with_sources)),
            "mrr": round(sum(1 / r.source_rank for r in with_sources if r.source_rank) / len(with_sources), 4)
            if with_sources
            else None,
            "with_answers": len(with_answers),
            "answer_containment": share(sum(1 for r in with_answers if r.contains_answer), len(with_answers)),
            "citation_precision": share(sum(r.cited_with_answer for r in cited), n_cited),
            "abstention_rate": share(sum(1 for r in self.results if not r.answer.answered), len(self.results)),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics(), "questions": [r.to_dict() for r in self.results]}


def judge(question: EvalQuestion, answer: Answer, retrieved: list[Passage]) -> QuestionResult:
    """Score one answered question against what the question file expects."""
    rank = None
    if question.sources:
        rank = next(
            (r for r, p in enumerate(retrieved, 1) if any(source_matches(p.chunk.source, s) for s in question.sources)),
            None,
        )
    contains = None
    cited_ok = 0
    failures = []
    if question.sources and rank is None:
        failures.append("no expected source retrieved")
    if question.answers:
        contains = answer.answered and contains_any(answer.text, question.answers)
        cited_ok = sum(1 for c in answer.citations if contains_any(c.text, question.answers))
        if not answer.answered:
            failures.append("declined to answer")
        elif not contains:
            failures.append("answer does not contain an accepted answer")
        if answer.answered and cited_ok < len(answer.citations):
            failures.append(f"{len(answer.citations) - cited_ok} of {len(answer.citations)} cited passages lack the answer")
    return QuestionResult(question, answer, retrieved, rank, contains, cited_ok, failures)


def evaluate(bot: Briefbot, questions: list[EvalQuestion], progress: Progress | None = None) -> EvalReport:
    """Ask every question with the bot's settings and score the answers."""
    k = bot.settings.k
    results = []
    for i, q in enumerate(questions):
        if progress:
            progress(i, len(questions), q.question)
        answer = bot.ask(q.question, k)
        results.append(judge(q, answer, answer.passages))
    if progress:
        progress(len(questions), len(questions), "")
    return EvalReport(k, results)

