"""Check bench/community_questions.py against bench/community/ as bench/household_verify.py checks its round: every file
named exists, every phrase appears verbatim in the visible text of its file, and every unanswerable question is tied
to a file that exists. Visible text is read as bench/household_verify.py reads it (whitespace collapsed on both sides):

- PDF: the HTML it was printed from, bench/community_sources/NAME.html, tags stripped; and every phrase must also be in
  the text pypdf extracts from the PDF itself;
- Word: the w:t texts of word/document.xml joined per paragraph, as bench/guides_verify.py's docx_text reads them;
  its walk descends into w:tbl, so the paragraphs inside table cells (the key-terms and pension tables, the
  signature block) count too, each cell paragraph on its own;
- e-mail: the decoded text/plain body; and every phrase must also be in the text/html part (tags stripped);
- HTML: tags, scripts, styles and comments stripped, entities unescaped; Markdown and plain text as they are.

It also checks the round's shape: 5 questions and 5 unanswerable questions for each of the eight files, and prints
each file's visible word count (each is meant to run to 600-1500 words).

    cd bench && python community_verify.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "community"
SOURCES = HERE / "community_sources"
sys.path.insert(0, str(HERE))

from community_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402
from expert_verify import check as expert_check  # noqa: E402
from household_verify import visible_text as household_visible_text  # noqa: E402

FILES = ["job-advert.html", "offer-letter.docx", "building-survey.pdf", "design-rfc.md", "club-agm-minutes.txt",
         "recall-notice.html", "supplier-quote.eml", "course-syllabus.md"]


def visible_text(path: Path) -> str:
    return household_visible_text(path, SOURCES)


def word_counts(docs: Path) -> None:
    for name in FILES:
        path = docs / name
        words = [w for w in visible_text(path).split() if w != "\u00b6"] if path.is_file() else []
        print(f"  {name:<24} {len(words):>5} words")


def check(docs: Path, questions: list, unanswerable: list[str], unanswerable_file: dict[str, str]) -> int:
    word_counts(docs)
    return expert_check(docs, questions, unanswerable, unanswerable_file, FILES, SOURCES, visible_text)


if __name__ == "__main__":
    sys.exit(check(DOCS, QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE))
