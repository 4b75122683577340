"""Eight spreadsheets, CSV exports and slide decks from a shared reports folder, half their questions unanswerable: a
sixth blind round (4 Dec).

    python bench/decks.py [--out decks]    # 8 documents, 40 questions, 40 unanswerable

bench/decks/ holds a marketing department's 2025 budget against quarterly actuals with a title block above the table
and a second sheet of notes and assumptions (.xlsx), an ERP migration project's milestone tracker and risk register
with owners, RAG status, Excel dates and long comment cells, plus a key sheet (.xlsx), a sales and KPI workbook with a
summary sheet, revenue by region and quarter, monthly KPIs with date, currency and percent formats and a hidden draft
compensation sheet (.xlsx), a staff directory exported from an HR system with quoted commas and one multi-line cell
(comma-separated CSV), an expense-claims export from a European tool with decimal commas (semicolon-separated CSV),
a customer-success quarterly business review with two-level bullets, a metrics table, speaker notes and a hidden
backup slide (.pptx), a warehouse system project kickoff deck with scope, a timeline table and next steps (.pptx) and a
new-starter induction deck with policies, a contacts table and presenter notes (.pptx). A helper wrote them with
bench/decks_make.py and the questions in bench/decks_questions.py on 4 Dec 2026, blind to briefbot (it never ran it
nor read its code or README), with as many unanswerable questions as answerable ones, on each document's topic;
bench/decks_verify.py checks every phrase is in its file's visible text (cells as Excel displays them, visible sheets
and slides only, speaker notes included). The first run, at the code before this round's changes, is the held-out
figure. Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from decks_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "decks"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "decks", "spreadsheets and slide decks with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
