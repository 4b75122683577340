"""Eight more workplace documents, half their questions unanswerable: does briefbot decline what they do not say?

    python bench/ondocs.py [--out ondocs]      # under a minute: 8 documents, 40 questions, 40 unanswerable

bench/ondocs/ holds a commercial lease, an onboarding guide, a sales memo, a product recall notice (HTML), school
governors' minutes, an IT FAQ, a grant report and a request for proposals (HTML). A helper wrote them and the
questions in bench/ondocs_questions.py on 2 Dec, blind to briefbot (it never ran it nor read its code), with as many
unanswerable questions as answerable ones: on the document's topic, as a reader would ask them (a figure for a year it
does not give, a person in a role it does not name, a company it never names, a reason it does not state);
bench/ondocs_verify.py checks every phrase is in its file's visible text. The first run is the held-out figure
(README, "Declining"). Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from ondocs_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "ondocs"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "ondocs", "documents with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
