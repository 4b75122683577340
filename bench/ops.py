"""Eight operations documents, half their questions unanswerable: a third blind round (3 Dec).

    python bench/ops.py [--out ops]      # under a minute: 8 documents, 40 questions, 40 unanswerable

bench/ops/ holds an IT incident postmortem with a timeline table (Markdown), release notes for two versions
(Markdown), a plain-text service level agreement with numbered clauses, a product troubleshooting guide as a full web
page (HTML, nav bar, error-code table, footer), a plain-text offsite itinerary, a quarterly finance summary for a board
with a two-quarter table signed by the CFO (Markdown), a customer-support escalation e-mail thread with quoted replies
(.eml) and a WebVTT transcript of a warehouse safety briefing with four speakers. A helper wrote them and the questions
in bench/ops_questions.py on 3 Dec, blind to briefbot (it never ran it nor read its code or README), with as many
unanswerable questions as answerable ones, on each document's topic; bench/ops_verify.py checks every phrase is in its
file's visible text. The first run (bench/results/ops-first.json) is the held-out figure. Same measures as
bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from ops_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "ops"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "ops", "operations documents with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
