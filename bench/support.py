"""Eight technical, customer-support and service documents, half their questions unanswerable: a fifth blind round
(4 Dec).

    python bench/support.py [--out support]    # 8 documents, 40 questions, 40 unanswerable

bench/support/ holds a job scheduler's release notes for four versions with Added/Changed/Fixed lists, known issues and
an upgrade note (Markdown), a humidity sensor's datasheet with a sixty-row specifications table, absolute maximum
ratings and ordering part numbers (Markdown), a coffee machine manual's troubleshooting chapter with error codes E01 to
E20, warnings and a reset procedure (plain text), a hosting service-level agreement with numbered clauses, quoted
defined terms and a fixed-width service credits table (plain text), a support ticket thread about a failed storage unit
with the earlier messages quoted below the latest reply (.eml), a one-day conference programme as a full web page
(HTML, schedule and ticket prices in tables), a post-incident review meeting with four speakers who correct each other
(WebVTT) and an appliance retailer's warranty and returns policy with a FAQ (Markdown). A helper wrote them and the
questions in bench/support_questions.py on 4 Dec 2026, blind to briefbot (it never ran it nor read its code or
README), with as many unanswerable questions as answerable ones, on each document's topic; bench/support_verify.py
checks every phrase is in its file's visible text. The first run, at the code before this round's changes, is the
held-out figure. Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from support_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "support"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "support", "support documents with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
