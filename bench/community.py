"""Community and small-business documents with unanswerable questions: eight documents in bench/community/, written by
a helper blind to briefbot on 4 Dec 2026 (sources and build scripts in bench/community_sources/):

- job-advert.html: a river charity's vacancy page for a part-time volunteer coordinator (cookie banner, navigation and
  footer around it; salary band and part-time pay, closing date, interview dates, essential/desirable criteria table,
  hybrid rules, benefits, how to apply);
- offer-letter.docx: an engineering firm's offer of employment (key-terms table, pension contributions table,
  probation and notice, holiday, numbered conditions, signature table and acceptance slip);
- building-survey.pdf: a home buyer's survey of a terraced house (condition ratings table, damp readings, urgent
  items, repairs with cost ranges, matters for the conveyancer), printed from HTML with headless Chromium;
- design-rfc.md: a software team's RFC on two-tier caching for a search API (goals and non-goals, latency/cost table,
  rejected alternatives, dated rollout table, risks, open questions);
- club-agm-minutes.txt: a hockey club's annual general meeting (attendance, treasurer's figures, subscription votes
  with counts, officers elected, any other business);
- recall-notice.html: a kettle's product safety recall page (model and batch table, products not affected, the hazard,
  incidents, refund or replacement, helpline hours, FAQ);
- supplier-quote.eml: a kitchen supplier's quotation e-mail (line items, discount on equipment only, VAT, total, lead
  times, validity, deposit; the customer's message quoted below), multipart/alternative;
- course-syllabus.md: a university module handbook (key facts table, weekly schedule, assessment table, late
  penalties, reading list, office hours).

Five answerable and five unanswerable questions per document (bench/community_questions.py), checked by
bench/community_verify.py.
"""

from pathlib import Path

from community_questions import QUESTIONS, UNANSWERABLE
from workplace import run

DOCS = Path(__file__).resolve().parent / "community"

if __name__ == "__main__":
    run(DOCS, QUESTIONS, UNANSWERABLE, "community", "community documents with unanswerable questions", __doc__)
