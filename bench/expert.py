"""Expert documents with unanswerable questions: eight documents of the kind professionals keep, in bench/expert/,
written by a helper blind to briefbot on 4 Dec 2026 (sources and build scripts in bench/expert_sources/):

- consulting-agreement.docx: a consulting services agreement between Harrowgate Analytics Ltd and Meridale Foods plc
  (numbered clauses, a fee table, term and termination, IP, confidentiality, liability cap, governing law, signatures);
- discharge-summary.pdf: a cardiology discharge letter for Mr Raymond Kellett after an NSTEMI and a stent (medications
  table, follow-up, GP actions, warning signs), printed from HTML with headless Chromium;
- research-paper.md: a cluster randomised trial of sit-stand desks in call-centre staff (abstract, methods, results
  table with CIs and p-values, limitations, funding, references);
- tribunal-decision.txt: an employment tribunal reserved judgment, Whitcombe v Northgate Fulfilment Ltd (issues,
  numbered findings of fact, conclusions, remedy with sums);
- privacy-policy.html: Ledgerly Ltd's privacy notice web page with navigation, cookie banner and footer (lawful bases
  table, retention, processors, international transfers, rights, DPO contact);
- lab-notebook.txt: a postdoc's dated notebook entries expressing and purifying a kinase domain (quantities,
  temperatures, lot numbers, failed runs, to-dos, abbreviations);
- peer-review.eml: a journal editor's major-revision decision with two reviewers' numbered comments,
  multipart/alternative (text/plain and text/html);
- grant-call.html: a research council's Community Energy Innovation Fund Round 3 guidance page (eligibility, budget
  limits, deadlines with times and time zones, weighted assessment criteria table, how to apply, contact).

Five answerable and five unanswerable questions per document (bench/expert_questions.py), checked by
bench/expert_verify.py.
"""

from pathlib import Path

from expert_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "expert"

if __name__ == "__main__":
    run(DOCS, QUESTIONS, UNANSWERABLE, "expert", "expert documents with unanswerable questions", __doc__)
