"""PDF documents as office workers keep them: does the answer hold what the document says, on the page cited?

    python bench/pdfs.py [--out pdfs]      # half a minute: 6 PDFs, 48 questions, 8 unanswerable

bench/pdfs/ holds six PDFs printed by Chromium from HTML (the sources are in bench/pdf_sources/): an annual report
with a five-year table, an IT security policy with numbered sections and a table of contents, a two-column research
brief, planning committee minutes with votes, a dehumidifier manual with specifications and troubleshooting tables,
and a grant proposal with budget and milestone tables. Three carry Chromium's own header and footer on every page
(print time, title, file URL, "1/3"), three their own running header and footer lines; some sentences run across
a page break. A helper wrote them and the questions in bench/pdf_questions.py on 2 Dec, blind to briefbot (it never
ran it nor read its code); each answerable question names the page its answer is on. The first run is the held-out
figure (README, "PDF documents"). Asked as bench/workplace.py asks, plus: of the answers that hold the phrase, how
many cite the page it is on.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "pdfs"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "pdfs", "PDF documents", __doc__)


if __name__ == "__main__":
    main()
