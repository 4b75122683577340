"""The question sets of bench/quality.py, each as a folder of files for briefbot to index and a list of Items.

An Item's ``gold`` lists what must be retrieved: SQuAD a paragraph's character span inside its article's
file (a chunk overlapping it and holding an answer counts), multi-hop and corpus/ questions whole files.
``half`` is 0 or 1: SQuAD by article number (even / odd), the others by question number; constants are
fitted on half 0 and reported on both.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import multihop_corpus
import squad_corpus
from common import DATA_ROOT, REPO

from briefbot.eval import contains_any
from briefbot.schema import Passage

SQUAD2 = DATA_ROOT / "squad-v2.0-dev" / "dev-v2.0.json"
CORPUS_QUESTIONS = Path(__file__).resolve().parent / "corpus_questions.jsonl"


@dataclass(frozen=True)
class Gold:
    source: str
    start: int | None = None  # a span inside the file; None = the whole file
    end: int | None = None


@dataclass(frozen=True)
class Item:
    qid: str
    question: str
    answers: tuple[str, ...]  # empty: unanswerable (SQuAD 2.0)
    gold: tuple[Gold, ...]
    half: int
    kind: str = ""


def is_hit(p: Passage, g: Gold, answers: tuple[str, ...]) -> bool:
    c = p.chunk
    if c.source != g.source:
        return False
    if g.start is None or g.end is None:
        return True
    return c.start_char < g.end and c.end_char > g.start and contains_any(c.text, answers)


@dataclass(frozen=True)
class QuestionSet:
    name: str
    folder: Path  # holds corpus/ and the index .briefbot/
    items: list[Item]
    multihop: bool = False
    declining: bool = False


def squad_v1(work: Path) -> QuestionSet:
    folder = work / "squad"
    qs = squad_corpus.write_corpus(folder)
    order = {src: n for n, src in enumerate(dict.fromkeys(q.source for q in qs))}
    items = [
        Item(q.qid, q.question, q.answers, (Gold(q.source, q.start, q.end),), order[q.source] % 2)
        for q in qs
    ]
    return QuestionSet("SQuAD v1.1", folder, items)


def squad_v2(work: Path) -> QuestionSet:
    """SQuAD 2.0 dev against the same index: all its paragraphs are SQuAD v1.1 paragraphs."""
    folder = work / "squad"
    qs = squad_corpus.write_corpus(folder)
    spans = {}
    corpus = folder / "corpus"
    for q in qs:
        spans.setdefault(q.source, (corpus / q.source.split("/", 1)[1]).read_text(encoding="utf-8"))
    where: dict[str, Gold] = {}
    for src, text in spans.items():
        pos = 0
        for para in text.split("\n\n"):
            where[para.strip()] = Gold(src, pos, pos + len(para.strip()))
            pos += len(para) + 2
    items = []
    for n, art in enumerate(json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]):
        for para in art["paragraphs"]:
            gold = where.get(" ".join(para["context"].split()))
            for qa in para["qas"]:
                answers = tuple(dict.fromkeys(a["text"].strip() for a in qa["answers"] if a["text"].strip()))
                if qa.get("is_impossible") or not answers or gold is None:
                    items.append(Item(qa["id"], qa["question"].strip(), (), (), n % 2))
                else:
                    items.append(Item(qa["id"], qa["question"].strip(), answers, (gold,), n % 2))
    return QuestionSet("SQuAD 2.0", folder, items, declining=True)


def multihop(name: str, work: Path) -> QuestionSet:
    folder = work / name
    qs = multihop_corpus.write_corpus(name, folder)
    items = [
        Item(q.qid, q.question, q.answers, tuple(Gold(s) for s in dict.fromkeys(q.supporting)), n % 2, q.kind)
        for n, q in enumerate(qs)
    ]
    return QuestionSet(multihop_corpus.SETS[name], folder, items, multihop=True)


def corpus_questions(work: Path) -> QuestionSet:
    """Hand-written questions on the project's corpus/ (bench/corpus_questions.jsonl); the files copied as they are."""
    folder = work / "corpus-questions"
    dest = folder / "corpus"
    for path in (REPO / "corpus").rglob("*"):
        if path.is_file():
            target = dest / path.relative_to(REPO / "corpus")
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_bytes() != path.read_bytes():
                shutil.copyfile(path, target)
    items = []
    for n, line in enumerate(CORPUS_QUESTIONS.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            row = json.loads(line)
            gold = tuple(Gold(f"corpus/{s}") for s in row.get("sources", []))
            items.append(Item(f"corpus-{n}", row["question"], tuple(row.get("answers", [])), gold, n % 2))
    return QuestionSet("corpus/", folder, items, declining=True)


def llm_corpus_questions(work: Path) -> QuestionSet:
    """bench/llm.py's 19 questions on corpus/ (its offline column), against the index of ``corpus_questions``."""
    from llm import CORPUS_QUESTIONS

    qs = corpus_questions(work)
    items = [
        Item(f"corpus-llm-{n}", q, tuple(answers or ()), (Gold("corpus/unesco-ichei-giannini-meeting.txt"),) if answers else (), n % 2)
        for n, (q, answers) in enumerate(CORPUS_QUESTIONS)
    ]
    return QuestionSet("corpus/ (bench/llm.py)", qs.folder, items, declining=True)


def all_sets(work: Path) -> list[QuestionSet]:
    return [
        squad_v1(work),
        squad_v2(work),
        multihop("hotpotqa", work),
        multihop("2wikimultihopqa", work),
        multihop("musique", work),
        corpus_questions(work),
    ]
