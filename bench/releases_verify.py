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

from ondocs_verify import collapse, phrase_problems, report, visible_text as ondocs_visible_text  # noqa: E402
from releases_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402


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
    """An e-mail's body and a transcript's spoken lines; other files as bench/ondocs_verify.py reads them."""
    suffix = path.suffix.lower()
    if suffix == ".eml":
        return collapse(eml_text(path))
    if suffix == ".vtt":
        return collapse(vtt_text(path.read_text(encoding="utf-8")))
    return ondocs_visible_text(path)


def unanswerable_problems(docs: Path, unanswerable: list[str], unanswerable_file: dict[str, str]) -> list[str]:
    """Each unanswerable question tied to a file that exists, none twice (shared by the later rounds' checks)."""
    problems = []
    for question in unanswerable:
        name = unanswerable_file.get(question)
        if name is None:
            problems.append(f"unanswerable question without a file: {question!r}")
        elif not (docs / name).is_file():
            problems.append(f"missing file for unanswerable question: {name} ({question!r})")
    if len(set(unanswerable)) != len(unanswerable):
        problems.append("duplicate unanswerable questions")
    return problems


def check(docs: Path, questions: list, unanswerable: list[str], unanswerable_file: dict[str, str]) -> int:
    """Every phrase in its file's visible text, every unanswerable question tied to a file that exists; the report."""
    problems, texts = phrase_problems(docs, questions, visible_text)
    problems += unanswerable_problems(docs, unanswerable, unanswerable_file)
    return report(questions, unanswerable, texts, problems)


def main() -> int:
    return check(DOCS, QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE)


if __name__ == "__main__":
    sys.exit(main())
