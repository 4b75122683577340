"""Eight press releases, minutes and reports, half their questions unanswerable: does briefbot decline what they do not say?

    python bench/releases.py [--out releases]      # under a minute: 8 documents, 40 questions, 40 unanswerable

bench/releases/ holds a merger press release (Markdown), a product-launch press release as a full web page (HTML, with
nav bar, feature list and price table), company board minutes with a one-sentence attendance list, a project steering
group summary (plain text), a charity annual report extract with a two-year key-figures table, a WebVTT transcript of
an all-hands meeting with four speakers, a travel-and-expenses policy e-mail (.eml) and a market research brief with
defined acronyms. A helper wrote them and the questions in bench/releases_questions.py on 2 Dec (second round), blind
to briefbot (it never ran it nor read its code), with as many unanswerable questions as answerable ones: on the
document's topic, as a reader would ask them (a figure for a year it does not give, the holder of a role no one in it
holds, a reason it does not state, a date or name it does not give); bench/releases_verify.py checks every phrase is
in its file's visible text. The first run is the held-out figure. Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from releases_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "releases"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "releases", "press releases, minutes, reports with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
