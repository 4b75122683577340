"""Eight civic and workplace documents, half their questions unanswerable: a fourth blind round (3 Dec, evening).

    python bench/civic.py [--out civic]      # under a minute: 8 documents, 40 questions, 40 unanswerable

bench/civic/ holds a town council's minutes with motions, votes and an action table (Markdown), a charity's final
grant report with capitalised section headings and a fixed-width budget table (plain text), a laboratory procedure
with numbered steps and a revision table (Markdown), a primary school's newsletter as a full web page (HTML, term dates
and uniform prices in tables), a podcast interview with three speakers (SubRip), a procurement e-mail about a tender
with the earlier invitation quoted below it (.eml), a staff handbook with hanging-indent numbered clauses (plain text)
and a product FAQ with a specifications table (Markdown). A helper wrote them and the questions in
bench/civic_questions.py on 3 Dec, blind to briefbot (it never ran it nor read its code or README), with as many
unanswerable questions as answerable ones, on each document's topic; bench/civic_verify.py checks every phrase is in
its file's visible text. The first run (bench/results/civic-first.json, at the code before this round's changes) is the
held-out figure. Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from civic_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "civic"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "civic", "civic documents with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
