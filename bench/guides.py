"""Eight reference guides and instruction documents that ordinary users keep, half their questions unanswerable: a blind
round (4 Dec).

    python bench/guides.py [--out guides]    # 8 documents, 40 questions, 40 unanswerable

bench/guides/ holds an invoicing HTTP API's reference with its Python client, per-endpoint sections, fenced code blocks,
pipe tables of parameters, rate limits and error codes, and a changelog (Markdown), a file-sync tool's man page with
indented option descriptions, environment variables, files, exit statuses and examples (plain text), an antihistamine's
patient information leaflet with a dosage table by age and side effects grouped by frequency (PDF printed by Chromium
from bench/guides_sources/patient-leaflet.html), a home insurance policy wording with definitions, buildings and
contents cover, a table of excesses and limits, exclusions, claims, cancellation and complaints (Word, heading styles,
numbered and bulleted lists, a header and footer; built by bench/guides_sources/build_docx.py), a food blog's page of
three recipes with navigation, cookie banner, ingredient lists, numbered methods, oven temperatures in °C/°F/gas mark
and a comments section (HTML), an airline's booking confirmation with flights, baggage allowance and fare rules
(.eml, multipart/alternative with text and HTML parts; built by bench/guides_sources/build_eml.py), a university module
handbook with a weekly schedule, weighted assessments, late penalties and extension rules (Markdown) and a board game's
rule book with components, turn structure, special cards, scoring, tie-breaks, a two-player variant and a FAQ (plain
text). A helper wrote them and the questions in bench/guides_questions.py on 4 Dec 2026, blind to briefbot (it never
ran it nor read its code or README), with as many unanswerable questions as answerable ones, on each document's topic;
bench/guides_verify.py checks every phrase is in its file's visible text (for the PDF, its HTML source; for the Word
file, the paragraphs of its document.xml). The first run, at the code before this round's changes, is the held-out
figure. Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from guides_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "guides"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "guides", "reference guides and instructions with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
