"""Check bench/releases_questions.py against bench/releases/: every file named exists and every phrase
appears verbatim in the visible text of its file (HTML: tags stripped, entities unescaped; WebVTT: header,
timings and voice tags dropped; e-mail: the decoded body only; whitespace collapsed on both sides), and
every unanswerable question is tied to a file that exists.

    python bench/releases_verify.py
"""

from __future__ import annotations

import email
import email.policy
import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "releases"
sys.path.insert(0, str(HERE))

from releases_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def vtt_text(text: str) -> str:
    lines = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    for block in blocks:
        rows = block.strip().split("\n")
        if not rows or not rows[0] or rows[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, r in enumerate(rows) if "-->" in r), None)
        if timing is None:
            continue
        for row in rows[timing + 1:]:
            lines.append(html.unescape(re.sub(r"<[^>]+>", "", row)))
    return "\n".join(lines)


def eml_text(path: Path) -> str:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


def visible_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".eml":
        return collapse(eml_text(path))
    text = path.read_text(encoding="utf-8")
    if suffix in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
        text = re.sub(r"(?s)<!--.*?-->", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    elif suffix == ".vtt":
        text = vtt_text(text)
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
    for question in UNANSWERABLE:
        name = UNANSWERABLE_FILE.get(question)
        if name is None:
            problems.append(f"unanswerable question without a file: {question!r}")
        elif not (DOCS / name).is_file():
            problems.append(f"missing file for unanswerable question: {name} ({question!r})")
    if len(set(UNANSWERABLE)) != len(UNANSWERABLE):
        problems.append("duplicate unanswerable questions")
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
