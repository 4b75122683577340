"""The multi-hop dev samples (HotpotQA, 2WikiMultihopQA, MuSiQue) as briefbot sees them: one text file per paragraph."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from common import DATA_ROOT

DATA = DATA_ROOT / "multihop-dev"
SETS = {"hotpotqa": "HotpotQA", "2wikimultihopqa": "2WikiMultihopQA", "musique": "MuSiQue"}


@dataclass(frozen=True)
class MultiHopQuestion:
    qid: str
    question: str
    answers: tuple[str, ...]
    supporting: tuple[str, ...]  # briefbot source names of the supporting paragraphs' files
    kind: str  # bridge, comparison, 2hop, ...


def source_of(pid: str) -> str:
    return f"corpus/{pid}.txt"


def write_corpus(name: str, folder: Path, data: Path = DATA) -> list[MultiHopQuestion]:
    """Write ``name``'s paragraphs under ``folder/corpus`` (title line, blank line, text; only when changed)."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    with (data / name / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            body = f"{row['title'].strip()}\n\n{' '.join(row['text'].split())}\n"
            path = corpus / f"{row['id']}.txt"
            if not path.exists() or path.read_text(encoding="utf-8") != body:
                path.write_text(body, encoding="utf-8")
    questions = []
    with (data / name / "questions.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            answers = [str(a) for a in row["answers"]] + [str(a) for a in row.get("answer_aliases", [])]
            kind = str(row.get("type") or f"{row.get('hops', '?')}hop")
            questions.append(MultiHopQuestion(
                row["id"], row["question"].strip(), tuple(dict.fromkeys(a for a in answers if a.strip())),
                tuple(source_of(p) for p in row["supporting"]), kind,
            ))
    return questions
