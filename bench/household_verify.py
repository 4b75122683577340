"""Check bench/household_questions.py against bench/household/ as bench/guides_verify.py checks its round: every file
named exists, every phrase appears verbatim in the visible text of its file, and every unanswerable question is tied
to a file that exists. Visible text is read as bench/guides_verify.py reads it (PDF: the HTML it was printed from,
bench/household_sources/NAME.html, tags stripped; Word: the paragraphs of word/document.xml; e-mail: the decoded
text/plain body; HTML: tags stripped, entities unescaped; whitespace collapsed on both sides), plus:

- CSV: the cells, each row's cells joined by spaces, one row a line; and since rows are read cell by cell, every
  phrase must also be the whole text of one cell;
- PDF: every phrase must also be in the text pypdf extracts from the PDF itself (whitespace collapsed);
- e-mail: every phrase must also be in the text/html part (tags stripped), when there is one.

    python bench/household_verify.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "household"
SOURCES = HERE / "household_sources"
sys.path.insert(0, str(HERE))

from guides_verify import docx_text, html_part_problems  # noqa: E402
from household_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402
from ondocs_verify import collapse, phrase_problems, report  # noqa: E402
from ondocs_verify import visible_text as ondocs_visible_text  # noqa: E402
from releases_verify import unanswerable_problems  # noqa: E402
from releases_verify import visible_text as releases_visible_text  # noqa: E402


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def csv_text(path: Path) -> str:
    return "\n".join(collapse(" ".join(row)) for row in csv_rows(path))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return collapse(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def visible_text(path: Path, sources: Path = SOURCES) -> str:
    """A file's visible text; a printed PDF's is its HTML source's, in ``sources``."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        source = sources / (path.stem + ".html")
        return ondocs_visible_text(source) if source.is_file() else ""
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".csv":
        return csv_text(path)
    return releases_visible_text(path)


def pdf_phrase_problems(name: str, path: Path, mine: list, sources: Path) -> list[str]:
    """A printed PDF's checks: its HTML source is there, and every phrase is in the text pypdf extracts from it."""
    problems = [] if (sources / (path.stem + ".html")).is_file() else [f"missing HTML source for {name}"]
    extracted = pdf_text(path)
    for question, phrases in mine:
        for phrase in phrases:
            if collapse(phrase) not in extracted:
                problems.append(f"{name}: phrase not in the pypdf text {phrase!r} (question {question!r})")
    return problems


def check(docs: Path, questions: list, unanswerable: list[str], unanswerable_file: dict[str, str]) -> int:
    problems, texts = phrase_problems(docs, questions, visible_text)
    for name in sorted({q[0] for q in questions}):
        path = docs / name
        if not path.is_file():
            continue
        mine = [(question, phrases) for fname, question, phrases, _short in questions if fname == name]
        if name.endswith(".pdf"):
            problems += pdf_phrase_problems(name, path, mine, SOURCES)
        if name.endswith(".csv"):
            cells = {collapse(cell) for row in csv_rows(path) for cell in row}
            for question, phrases in mine:
                for phrase in phrases:
                    if collapse(phrase) not in cells:
                        problems.append(f"{name}: phrase is not a whole cell {phrase!r} (question {question!r})")
        if name.endswith(".eml"):
            problems += html_part_problems(name, path, mine)
    problems += unanswerable_problems(docs, unanswerable, unanswerable_file)
    return report(questions, unanswerable, texts, problems)


if __name__ == "__main__":
    sys.exit(check(DOCS, QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE))
