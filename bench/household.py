"""Eight pieces of personal and household paperwork that ordinary people keep, half their questions unanswerable: a
blind round (4 Dec).

    python bench/household.py [--out household]    # 8 documents, 40 questions, 40 unanswerable

bench/household/ holds a gas and electricity bill with an account summary, the Direct Debit, meter readings (actual
and estimated), unit rates and standing charges in tables, VAT, a Tariff Information Label, exit fees and how to
complain (two-page PDF printed by Chromium from bench/household_sources/energy-bill-nov-2026.html), a current account
statement export for October 2026 with card payments, direct debits, standing orders, salary, transfers, a refund and
an overdraft fee (CSV: Date, Description, Type, Money out, Money in, Balance; built by
bench/household_sources/build_csv.py), a car owner's service and MOT history with pipe tables of services, MOT results
and advisories, tyre notes, the cambelt note and next due dates (Markdown), a Year 7 pupil's end-of-year school report
with attendance, a table of attainment and effort grades, per-subject comments, tutor's and headteacher's comments and
targets (Word, heading styles, a table and a header with the school name; built by
bench/household_sources/build_docx.py), a gym chain's membership terms and conditions with a price table, minimum
term, freezing, cancellation, guest passes, opening hours and under-16 rules, with navigation, a cookie banner and a
footer (HTML), a monthly payslip with aligned columns of payments, deductions and year-to-date figures (plain text), a
vet practice's e-mail with a dog's vaccinations, flea and worming treatments, weight history, next appointment,
opening hours and emergency number (.eml, multipart/alternative with text and HTML parts; built by
bench/household_sources/build_eml.py) and a person's own informal notes for a house move with dates, the removal
quote, a done/not-done list of who to tell, moving-day meter readings, utility accounts, the solicitor, keys and a
to-do list (plain text). A helper wrote them and the questions in bench/household_questions.py on 4 Dec 2026, blind to
briefbot (it never ran it nor read its code or README), with as many unanswerable questions as answerable ones, on each
document's topic; bench/household_verify.py checks every phrase is in its file's visible text (for the PDF, its HTML
source and the text pypdf extracts; for the Word file, the paragraphs of its document.xml; for the CSV, a whole cell).
The first run, at the code before this round's changes, is the held-out figure. Same measures as bench/workplace.py.
"""

from __future__ import annotations

from pathlib import Path

from household_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "household"


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "household", "household paperwork with unanswerable questions", __doc__)


if __name__ == "__main__":
    main()
