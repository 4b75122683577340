"""SQuAD v1.1 dev as briefbot sees it: one text file per article, paragraphs separated by blank lines."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from common import DATA_ROOT

DATA = DATA_ROOT / "squad-v1.1-dev" / "dev-v1.1.json"


@dataclass(frozen=True)
class Question:
    qid: str
    question: str
    answers: tuple[str, ...]
    source: str  # briefbot source name of the article file
    start: int  # the gold paragraph's character span in that file
    end: int


def _safe(title: str) -> str:
    return re.sub(r"[^\w.-]+", "_", title)


def write_corpus(folder: Path, data: Path = DATA) -> list[Question]:
    """Write the articles under ``folder/corpus`` (only when changed) and return every question with its gold span."""
    articles = json.loads(data.read_text(encoding="utf-8"))["data"]
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    questions: list[Question] = []
    for art in articles:
        name = _safe(art["title"]) + ".txt"
        source = f"corpus/{name}"
        parts: list[str] = []
        pos = 0
        for para in art["paragraphs"]:
            # A few contexts hold single newlines; flatten them so a paragraph stays one block.
            text = " ".join(para["context"].split())
            start, end = pos, pos + len(text)
            parts.append(text)
            pos = end + 2
            for qa in para["qas"]:
                answers = tuple(dict.fromkeys(a["text"].strip() for a in qa["answers"] if a["text"].strip()))
                questions.append(Question(qa["id"], qa["question"].strip(), answers, source, start, end))
        body = "\n\n".join(parts) + "\n"
        path = corpus / name
        if not path.exists() or path.read_text(encoding="utf-8") != body:
            path.write_text(body, encoding="utf-8")
    return questions
