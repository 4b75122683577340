"""Check bench/ondocs_questions.py against bench/ondocs/: every file named exists and every phrase
appears verbatim in the visible text of its file (HTML: tags stripped, entities unescaped;
whitespace collapsed on both sides).

    cd bench && python ondocs_verify.py
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "ondocs"
sys.path.insert(0, str(HERE))

from ondocs_questions import QUESTIONS, UNANSWERABLE  # noqa: E402


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
        text = re.sub(r"(?s)<!--.*?-->", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return collapse(text)


def phrase_problems(docs: Path, questions: list, visible: Callable[[Path], str]) -> tuple[list[str], dict[str, str]]:
    """Every file a question names exists and holds each of its phrases in its visible text; the texts read."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    for name, question, phrases, _short in questions:
        if name not in texts:
            path = docs / name
            if not path.is_file():
                problems.append(f"missing file: {name}")
                texts[name] = ""
                continue
            texts[name] = visible(path)
        if not texts[name]:
            continue
        if not phrases:
            problems.append(f"{name}: no phrases for {question!r}")
        for phrase in phrases:
            if collapse(phrase) not in texts[name]:
                problems.append(f"{name}: phrase not found {phrase!r} (question {question!r})")
    return problems, texts


def report(questions: list, unanswerable: list, texts: dict[str, str], problems: list[str]) -> int:
    n_phrases = sum(len(p) for _, _, p, _ in questions)
    print(f"{len(questions)} questions, {n_phrases} phrases, {len(texts)} files, {len(unanswerable)} unanswerable")
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        return 1
    print("All phrases found.")
    return 0


def main() -> int:
    problems, texts = phrase_problems(DOCS, QUESTIONS, visible_text)
    return report(QUESTIONS, UNANSWERABLE, texts, problems)


if __name__ == "__main__":
    sys.exit(main())
