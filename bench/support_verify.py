"""Check bench/support_questions.py against bench/support/ as bench/releases_verify.py checks its round: every file
named exists, every phrase appears verbatim in the visible text of its file (HTML: tags stripped, entities unescaped;
WebVTT: spoken lines only; e-mail: the decoded body; whitespace collapsed on both sides), and every unanswerable
question is tied to a file that exists.

    python bench/support_verify.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from support_questions import QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE  # noqa: E402
from releases_verify import check  # noqa: E402

if __name__ == "__main__":
    sys.exit(check(HERE / "support", QUESTIONS, UNANSWERABLE, UNANSWERABLE_FILE))
