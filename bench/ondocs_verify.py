"""Check bench/ondocs_questions.py against bench/ondocs/: every file named exists and every phrase
appears verbatim in the visible text of its file (HTML: tags stripped, entities unescaped;
whitespace collapsed on both sides).

    cd bench && python ondocs_verify.py
"""

from __future__ import annotations

import html
import re
import sys
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


def main() -> int:
    problems: list[str] = []
    texts: dict[str, str] = {}
    for name, question, phrases, _short in QUESTIONS:
        if name not in texts:
            path = DOCS / name
            if not path.is_file():
                problems.append(f"missing file: {name}")
                texts[name] = ""
                continue
            texts[name] = visible_text(path)
        if not texts[name]:
            continue
        if not phrases:
            problems.append(f"{name}: no phrases for {question!r}")
        for phrase in phrases:
            if collapse(phrase) not in texts[name]:
                problems.append(f"{name}: phrase not found {phrase!r} (question {question!r})")
    n_phrases = sum(len(p) for _, _, p, _ in QUESTIONS)
    print(f"{len(QUESTIONS)} questions, {n_phrases} phrases, {len(texts)} files, "
          f"{len(UNANSWERABLE)} unanswerable")
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        return 1
    print("All phrases found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
