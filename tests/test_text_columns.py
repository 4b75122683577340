"""Plain-text columns with no header, a ruled table's wrapped cells and sums (ingest/text_tables.py), and a Markdown
table under an empty header (text/tables.py)."""

from __future__ import annotations

from pathlib import Path

from briefbot.ingest.text_tables import columns_as_rows
from briefbot.ingest.text_tables import text_tables
from briefbot.text.tables import label_rows

from .test_briefing import bot_for

MINUTES = """ASHDOWN PARK HOCKEY CLUB

MINUTES OF THE ANNUAL GENERAL MEETING
Held on Thursday 12 November 2026 at 7.30pm in the Clubhouse.

4. TREASURER'S REPORT
CB presented the accounts for the year ended 31 August 2026.

  INCOME                               2025-26
  Subscriptions                      £29,860
  Bar (net of VAT)                   £11,420
  -----------------------------------------
  Total income                       £41,280

  Surplus for year                    £2,313
  Reserves at 31 Aug 2026            £17,640

6. ELECTION OF OFFICERS
-----------------------------------------------------------------------
  President        Margaret Oduya        re-elected unopposed
  Chair            Tom Harcastle         re-elected unopposed
  Hon. Treasurer   Raj Mehta             elected unopposed (new; replaces C. Brierley)
  Fixtures Sec.    Dan Kowalczyk         elected by ballot: D. Kowalczyk 21, J. Arkwright 12
                                          (1 spoilt paper)
  Social Sec.      VACANT - committee to co-opt

Raj Mehta will shadow Colin Brierley until 31 December 2026.
"""


def test_figures_labelled_in_a_column_are_fields() -> None:
    lines = columns_as_rows(MINUTES).split("\n")
    assert len(lines) == len(MINUTES.split("\n"))  # one line stays one line
    assert lines[9] == "  | Subscriptions: £29,860 |"
    assert lines[12] == "  | Total income: £41,280 |"  # the line under the rule: the block's total
    assert lines[8] == "  INCOME                               2025-26"  # a year range is no sum
    assert lines[14:16] == ["  | Surplus for year: £2,313 |", "  | Reserves at 31 Aug 2026: £17,640 |"]
    lone = "Notes from the chair\n  Total income                       £41,280\nThe bar did well.\n"
    assert columns_as_rows(lone) == lone  # one figure line among prose: not a statement
    prose = "We raised £300 at the fair.  The raffle made  £120\nand the cake stall  £80 more.\n"
    assert columns_as_rows(prose) == prose  # figures not in one column


def test_words_starting_in_the_same_columns_are_a_tables_rows() -> None:
    lines = columns_as_rows(MINUTES).split("\n")
    assert lines[19] == "  | President | Margaret Oduya | re-elected unopposed |"
    assert lines[21] == "  | Hon. Treasurer | Raj Mehta | elected unopposed (new; replaces C. Brierley) |"
    assert lines[22].endswith("| elected by ballot: D. Kowalczyk 21, J. Arkwright 12 (1 spoilt paper) |")
    assert lines[23] == ""  # the wrapped line, joined to the row above
    assert lines[24] == "  | Social Sec. | VACANT - committee to co-opt |  |"
    assert lines[17] == "6. ELECTION OF OFFICERS"  # the heading above the rule is left as it is
    two = "  Chair     Tom Harcastle\n  Treasurer Raj Mehta\n"
    assert columns_as_rows(two) == two  # two lines could be a coincidence
    prose = ("The meeting opened at 7.30pm.  Apologies were read.\n"
             "The chair thanked the committee.  Then the treasurer spoke.\n"
             "The minutes were accepted.  Nothing else was raised.\n")
    assert columns_as_rows(prose) == prose  # sentences two spaces apart do not start in the same columns
    timeline = ("18:42  Error rate on /checkout/pay rises from 0.2% to 97%.\n"
                "19:05  Incident declared SEV-1. Nadia Kowalczyk takes the incident commander\n"
                "       role.\n"
                "19:20  Release 7.14.0 is rolled back.\n")
    assert columns_as_rows(timeline) == timeline  # entries that are sentences are read as sentences


QUOTE = """QUOTATION Q-26-4471

#  Item                                                 Qty        Unit   Line total
------------------------------------------------------------------------------------
1  Combi oven CO-610E, 6 x GN 1/1, electric, 3-phase      1   £4,850.00    £4,850.00
2  Undercounter glasswasher GW-40, 400 mm basket,         1   £1,295.00    £1,295.00
   drain pump
3  Stainless steel wall shelf, 1200 x 300 mm              4      £68.50      £274.00
------------------------------------------------------------------------------------
                                                               Subtotal    £6,419.00
                                                              VAT @ 20%    £1,283.80
                                                         TOTAL inc. VAT    £7,702.80

Prices are valid for 30 days.
"""


def test_a_ruled_tables_wrapped_cells_and_sums() -> None:
    lines = text_tables(QUOTE).split("\n")
    assert len(lines) == len(QUOTE.split("\n"))
    assert lines[5] == ("| #: 2 | Item: Undercounter glasswasher GW-40, 400 mm basket, drain pump | Qty: 1 | Unit: £1,295.00 "
                        "| Line total: £1,295.00 |")
    assert lines[6] == ""  # its words are in the row above
    assert lines[7].startswith("| #: 3 | Item: Stainless steel wall shelf")  # the rows after it are rows still
    assert lines[9:12] == ["| Subtotal: £6,419.00 |", "| VAT @ 20%: £1,283.80 |", "| TOTAL inc. VAT: £7,702.80 |"]
    assert lines[13] == "Prices are valid for 30 days."
    under_qty = " " * QUOTE.split("\n")[2].index("Qty") + "12"
    figures = QUOTE.replace("   drain pump", under_qty)
    assert text_tables(figures).split("\n")[6] == under_qty  # under a figure, a line is no wrapped cell: the table ends


def test_a_markdown_table_under_an_empty_header_is_a_form() -> None:
    text = "|  |  |\n|---|---|\n| Module code | ENV2043 |\n| Module convenor | Dr Helen Achterberg |\n"
    assert label_rows(text) == "|  |  |\n|---|---|\n| Module code: ENV2043 |\n| Module convenor: Dr Helen Achterberg |\n"
    named = "| Name | Role |\n|---|---|\n| Ana Ruiz | Chair |\n"
    assert label_rows(named) == "| Name | Role |\n|---|---|\n| Name: Ana Ruiz | Role: Chair |\n"


def test_sums_and_officers_are_answered_from_their_rows(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "quote.txt").write_text(QUOTE, encoding="utf-8")
    (corpus / "agm-minutes.txt").write_text(MINUTES, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("what's the total including VAT on the quotation?")
    assert answer.answered and answer.text.startswith("TOTAL inc. VAT: £7,702.80")
    assert (answer.citations[0].source.endswith("quote.txt"), answer.citations[0].start_line) == (True, 12)
    answer = bot.ask("Who was elected treasurer?")
    assert answer.answered and "Raj Mehta" in answer.text
    assert answer.citations[0].start_line == 22
