"""Eight documents whose facts sit in tables (Markdown, HTML, Word, CSV, Excel, aligned plain text), half their
questions unanswerable: a seventh blind round (4 Dec).

    python bench/tables.py [--out tables]    # 8 documents, 40 questions, 40 unanswerable

bench/tables/ holds what an office worker's shared folder might: a Sunday football league's final 2024-25 table with
a top-scorers table and notes on promotion, relegation and a points deduction (Markdown); a Chester physiotherapy
clinic's price list, opening hours and cancellation policy (an HTML page with a nav bar and footer); a bus route's
weekday and Saturday timetables (stops as rows, departures as columns), fares and a service-change notice (HTML); a
community foundation's grant awards, declined applications and panel commentary (Word); a three-laptop specification
comparison with a recommendation (Word); an IT asset register of 26 devices (a CSV export with quoted commas and
empty cells); a two-day conference schedule with a rooms sheet, times held as real time values shown "hh:mm"
(Excel); and a tennis and squash club's membership fees as an aligned fixed-width text table with prose on joining
fees, discounts and payment dates (plain text). A helper blind to briefbot wrote the documents (bench/tables_make.py
re-creates them) and the questions (bench/tables_questions.py) on 4 Dec 2026: five answerable and five unanswerable
questions per document, typed as users would, the unanswerable ones on neighbouring rows, columns, years and details
that the tables lack. bench/tables_verify.py checks every phrase is in its file's visible text. The first run is the
held-out figure.
"""

from __future__ import annotations

from pathlib import Path

from tables_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "tables"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "tables", "documents with tables, with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
