"""Word documents as office workers keep them: does the answer hold what the document says?

    python bench/word.py [--out word]      # half a minute: 6 .docx files, 48 questions, 8 unanswerable

bench/docx/ holds six Word files built by bench/docx_sources/build.py to look like files saved by Word (runs split
mid-sentence, rsids, proofing marks, bookmarks): a services contract with auto-numbered clauses and a fee schedule,
a status report with merged table cells and a footnote, meeting minutes with tab-separated attendee lines and an
action table, an expenses policy under review with tracked changes and comments, a press release with a text box,
content controls, hyperlinks and fields, and a product specification with a key/value form and a spec table. A
helper wrote them and the questions in bench/docx_questions.py on 2 Dec, blind to briefbot (it never ran it nor read
its code); bench/docx_sources/verify.py checks that every phrase is in the visible text. The first run is the
held-out figure (README, "Word documents"). Asked as bench/workplace.py asks.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "docx"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "word", "Word documents", __doc__)


if __name__ == "__main__":
    main()
