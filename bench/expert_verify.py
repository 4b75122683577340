"""Check bench/expert_questions.py against bench/expert/ as bench/household_verify.py checks its round: every file
named exists, every phrase appears verbatim in the visible text of its file, and every unanswerable question is tied
to a file that exists. Visible text is read as bench/household_verify.py reads it (whitespace collapsed on both sides):

- PDF: the HTML it was printed from, bench/expert_sources/NAME.html, tags stripped; and every phrase must also be in
  the text pypdf extracts from the PDF itself;
- Word: the w:t texts of word/document.xml joined per paragraph, as bench/guides_verify.py's docx_text reads them;
  its walk descends into w:tbl, so the paragraphs inside table cells (the fee table, the signature block) count
  too, each cell paragraph on its own;
- e-mail: the decoded text/plain body; and every phrase must also be in the text/html part (tags stripped);
- HTML: tags, scripts, styles and comments stripped, entities unescaped; Markdown and plain text as they are.

It also checks the round's shape: 5 questions and 5 unanswerable questions for each of the eight files.

    cd bench && python expert_verify.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "expert"
SOURCES = HERE / "expert_sources"
sys.path.insert(0, str(HERE))

from expert_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402
from guides_verify import html_part_problems  # noqa: E402
from household_verify import pdf_phrase_problems  # noqa: E402
from household_verify import visible_text as household_visible_text  # noqa: E402
from ondocs_verify import phrase_problems, report  # noqa: E402
from releases_verify import unanswerable_problems  # noqa: E402

FILES = ["consulting-agreement.docx", "discharge-summary.pdf", "research-paper.md", "tribunal-decision.txt",
         "privacy-policy.html", "lab-notebook.txt", "peer-review.eml", "grant-call.html"]


def visible_text(path: Path) -> str:
    return household_visible_text(path, SOURCES)


def shape_problems(questions: list, unanswerable_file: dict[str, str], files: list[str] = FILES) -> list[str]:
    """Five questions and five unanswerable ones on each of a round's ``files``, none elsewhere, none twice."""
    problems = []
    asked = Counter(q[0] for q in questions)
    unasked = Counter(unanswerable_file.values())
    for name in files:
        if asked[name] != 5:
            problems.append(f"{name}: {asked[name]} questions, not 5")
        if unasked[name] != 5:
            problems.append(f"{name}: {unasked[name]} unanswerable questions, not 5")
    for name in sorted(set(asked) - set(files)):
        problems.append(f"question on a file outside the round: {name}")
    if len({q[1] for q in questions}) != len(questions):
        problems.append("duplicate questions")
    return problems


def check(docs: Path, questions: list, unanswerable: list[str], unanswerable_file: dict[str, str], files: list[str] = FILES,
          sources: Path = SOURCES, visible: Callable[[Path], str] = visible_text) -> int:
    """Every phrase in its file's visible text (a printed PDF's and an e-mail's HTML part's too), the unanswerable
    questions unanswered, five and five a file: a round of PDFs, e-mails and other files (this one, bench/community)."""
    problems, texts = phrase_problems(docs, questions, visible)
    for name in sorted({q[0] for q in questions}):
        path = docs / name
        if not path.is_file():
            continue
        mine = [(question, phrases) for fname, question, phrases, _short in questions if fname == name]
        if name.endswith(".pdf"):
            problems += pdf_phrase_problems(name, path, mine, sources)
        if name.endswith(".eml"):
            problems += html_part_problems(name, path, mine)
    problems += unanswerable_problems(docs, unanswerable, unanswerable_file)
    problems += shape_problems(questions, unanswerable_file, files)
    return report(questions, unanswerable, texts, problems)


if __name__ == "__main__":
    sys.exit(check(DOCS, QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE))
