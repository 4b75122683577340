"""A plain-text report's title in capitals is its section (ingest/plain_headings.py), and its tables ruled off with
dashes are rows naming their columns (ingest/text_tables.py)."""

from __future__ import annotations

from pathlib import Path

from briefbot.ingest.plain_headings import plain_sections
from briefbot.ingest.text_tables import text_tables

from .test_briefing import bot_for

REPORT = """THE ASHGROVE FOUNDATION
FINAL GRANT REPORT

Organisation:      Dunmore Community Trust
Project title:     Riverside Growing Together

1. PROJECT SUMMARY

Riverside Growing Together turned a derelict plot beside the River Dun into a shared community garden.

3. SPEND AGAINST BUDGET

We spent GBP 24,350 of the GBP 25,000 awarded. The total underspend is GBP 650.

  Budget line                   Budget (GBP)   Actual (GBP)
  --------------------------    ------------   ------------
  Materials (timber, soil)             7,200          6,380
  Tools and equipment                  4,000          4,120
  --------------------------    ------------   ------------
  Total                               11,200         10,500

NOTES

1. The garden opened in May.
"""


def test_a_title_block_in_capitals_is_the_files_section() -> None:
    assert plain_sections(REPORT) == ((0, "THE ASHGROVE FOUNDATION — FINAL GRANT REPORT"),)
    assert plain_sections("\n\nMEMO\nTo: all staff\n") == ((2, "MEMO"),)
    assert plain_sections("Just a line of text.\nAnd another one.\n") == ()
    assert plain_sections("NB. this is a note.\n\nIt has no headings.\n") == ()  # a full stop: no title
    assert plain_sections("A report\n\n1. SUMMARY\n\nText.\n") == ()  # headings further down are no sections
    assert plain_sections("1 INTRODUCTION\n\nDeep networks ...\n") == ()  # a numbered heading is no title
    assert plain_sections("FIELD OF THE INVENTION\nThe present invention relates to ...\n") == ()  # a first section


def test_a_plain_text_reports_title_counts_as_said(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    outcomes = "".join(f"In {m} the garden held {n} workshops on {topic}, and {3 * n + 4} residents took part.\n"
                       for m, n, topic in zip(months, range(2, 12), ["composting", "seed saving", "pruning", "beekeeping",
                                                                    "cooking", "raised beds", "watering", "harvest",
                                                                    "preserving", "tool care"]))
    report = REPORT.replace("3. SPEND AGAINST BUDGET", "2. OUTCOMES AGAINST TARGETS\n\n" + outcomes * 3 + "\n3. SPEND AGAINST BUDGET")
    (corpus / "grant-final-report.txt").write_text(report, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("What was the total underspend on the Ashgrove grant?")
    assert answer.answered and "The total underspend is GBP 650." in answer.text
    assert answer.citations[0].section == "THE ASHGROVE FOUNDATION — FINAL GRANT REPORT"
    answer = bot.ask("How much was actually spent on tools and equipment?")
    assert answer.answered and "Tools and equipment" in answer.text and answer.short_answer == "4,120"


def test_a_table_ruled_off_with_dashes_is_rows_naming_their_columns() -> None:
    rows = text_tables(REPORT).split("\n")
    assert len(rows) == len(REPORT.split("\n"))  # one line stays one line: citations keep the file's lines
    assert rows[14:20] == [
        "  | Budget line | Budget (GBP) | Actual (GBP) |", "  |---|---|---|",
        "  | Budget line: Materials (timber, soil) | Budget (GBP): 7,200 | Actual (GBP): 6,380 |",
        "  | Budget line: Tools and equipment | Budget (GBP): 4,000 | Actual (GBP): 4,120 |", "  |---|---|---|",
        "  | Budget line: Total | Budget (GBP): 11,200 | Actual (GBP): 10,500 |"]
    prose = "Some words here\n---    ---\nnot a table at all because the line above is prose"
    assert text_tables(prose) == prose


FEES = """Category           Eligibility                   Annual fee   Monthly (DD)
------------------------------------------------------------------------
Junior             aged 8 to 17                   £160.00       £14.00
Family             2 adults + up to 3 juniors   £1,120.00       £98.00
Mini               under 8                         £85.00       annual only
------------------------------------------------------------------------

Item                                   Members      Notes
------------------------------------------------------------
Locker hire                            £25.00       per year
Replacement door fob                   £10.00
"""


def test_a_header_over_one_unbroken_rule_is_a_table_too() -> None:
    rows = text_tables(FEES).split("\n")
    assert len(rows) == len(FEES.split("\n"))
    assert rows[2] == "| Category: Junior | Eligibility: aged 8 to 17 | Annual fee: £160.00 | Monthly (DD): £14.00 |"
    # a figure right-aligned across its column's start is still its column's
    assert rows[3] == "| Category: Family | Eligibility: 2 adults + up to 3 juniors | Annual fee: £1,120.00 | Monthly (DD): £98.00 |"
    assert rows[5] == "|---|---|---|---|" and rows[1] == "|---|---|---|---|"
    assert rows[10] == "| Item: Replacement door fob | Members: £10.00 |  |"  # an empty last cell
    heading = "Minutes of the meeting\n----------------------------\nPresent: Ana, Ben"
    assert text_tables(heading) == heading  # one name over a rule is a heading, not a table


TICKET = """Hi Dana,

Thanks for your patience. The replacement is booked:

  RMA number:         RMA-2026-11872
  Replacement unit:   VaultBox 4, diskless chassis, same configuration
  Expected delivery:  by Wednesday 2 December 2026, by DHL Express
  Delivery address:   Pemberton Dental Group, 18 Larkspur Road,
                      Chelmsford CM1 4PT (as on the ticket)

Please keep the faulty unit's drives in place until the new chassis arrives.
"""


def test_aligned_fields_are_a_forms_rows() -> None:
    rows = text_tables(TICKET).split("\n")
    assert len(rows) == len(TICKET.split("\n"))  # one line stays one line
    assert rows[4:9] == [
        "  | RMA number: RMA-2026-11872 |",
        "  | Replacement unit: VaultBox 4, diskless chassis, same configuration |",
        "  | Expected delivery: by Wednesday 2 December 2026, by DHL Express |",
        "  | Delivery address: Pemberton Dental Group, 18 Larkspur Road, Chelmsford CM1 4PT (as on the ticket) |",
        "",  # the address's second line went on with its field
    ]
    two = "Owner:    Priya\nStatus:   open\n\nThe rest is prose."
    assert text_tables(two) == two  # two fields could be a coincidence
    unpadded = "Chair: Ana Ruiz\nVenue: Room 2\nMinutes: Tom Lee\n"  # short values: a form, though not aligned
    assert text_tables(unpadded) == "| Chair: Ana Ruiz |\n| Venue: Room 2 |\n| Minutes: Tom Lee |\n"
    notes = "Chair: Ana Ruiz\nNote: the venue moved to Room 3.\nMinutes: Tom Lee\n"
    assert text_tables(notes) == notes  # a sentence among them: lines of notes, left as written
    ragged = "Note:   the van is late\nAlso:  call Tom\nThen:     lunch\n"
    assert text_tables(ragged) == ragged  # values not in one column
    mail = "From:     Raj Patel\nTo:       Dana Okafor\nSent:     Monday\nSubject:  RMA\n"
    header = "Date: Tue, 12 May 2026 13:02:47 +0100\nMessage-ID: <2026@x.example>\nIn-Reply-To: <2025@x.example>\n"
    header += "MIME-Version: 1.0\n\nHi Farid,\n"
    assert text_tables(header) == header  # a quoted message's header block is the thread reader's, no form
    assert text_tables(mail) == mail  # e-mail header fields are the thread reader's
    # Fields in one column a blank line apart are one form: a judgment's heading, the case number below the parties.
    heading = "Claimant:    Ms Leanne Whitcombe\nRespondent:  Northgate Fulfilment Ltd\n\nCase Number: 2404417/2026\n\nREASONS\n"
    assert text_tables(heading) == ("| Claimant: Ms Leanne Whitcombe |\n| Respondent: Northgate Fulfilment Ltd |\n\n"
                                    "| Case Number: 2404417/2026 |\n\nREASONS\n")
    apart = "Owner:    Priya\nStatus:   open\n\n\n\nReview:   May\n"
    assert text_tables(apart) == apart  # three blank lines apart: two notes and another
    shifted = "Owner:    Priya\nStatus:   open\n\nReviewed by: May Chen\n"
    assert text_tables(shifted) == shifted  # another column: not the same form


def test_a_field_asked_for_is_answered_from_its_row(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ticket.txt").write_text(TICKET, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("whats the RMA number for Dana's vaultbox")
    assert answer.answered and answer.text.startswith("RMA number: RMA-2026-11872")
    assert (answer.citations[0].start_line, answer.citations[0].end_line) == (5, 5)
    answer = bot.ask("when is delivery of the replacement expected")
    assert answer.answered and "by Wednesday 2 December 2026" in answer.text


JUDGMENT = """EMPLOYMENT TRIBUNALS

Claimant:    Ms Leanne Whitcombe
Respondent:  Northgate Fulfilment Ltd

Heard at:    Manchester Employment Tribunal (in person)
On:          6, 7 and 8 October 2026

Case Number: 2404417/2026

                         RESERVED JUDGMENT

The unanimous judgment of the Tribunal is that the claim of unfair dismissal is well founded and succeeds. The
respondent is ordered to pay the claimant the total sum of £25,749.12.
"""


def test_a_field_a_blank_line_below_its_form_is_answered(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "judgment.txt").write_text(JUDGMENT, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("What's the case number for Whitcombe v Northgate Fulfilment?")
    assert answer.answered and answer.text.startswith("Case Number: 2404417/2026")
    assert answer.short_answer == "2404417/2026"
    assert (answer.citations[0].start_line, answer.citations[0].end_line) == (9, 9)
