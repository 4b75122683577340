"""A table's cell looked up by the row and the column a question names (answer/shape/table_cells.py): real CSV files
indexed with the real model, answered and cited at the record; rows that are not named, or cells that do not hold what
is asked, are no answer."""

from __future__ import annotations

import pytest

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.shape.table_cells import cell_answer
from briefbot.api import Briefbot
from briefbot.text.tables import row_cells as cells

from .test_briefing import bot_for

STAFF = """Employee ID,First name,Last name,Job title,Department,Office,Email,Mobile,Line manager,Start date,Status,Notes
FM0012,Graham,Pettifer,"Director, Structures",Structures,"Leeds, Wellington Place",graham.pettifer@example.com,07700 900112,,2008-09-01,Active,
FM0147,Joanna,Whitlock,Associate Engineer,Structures,"Leeds, Wellington Place",joanna.whitlock@example.com,07700 900418,Graham Pettifer,2016-03-14,Active,Chartered (IStructE); fire engineering lead
FM0233,Ravi,Sandhu,"Engineer, Structures",Structures,"Leeds, Wellington Place",ravi.sandhu@example.com,07700 900563,Joanna Whitlock,2021-09-06,Active,
FM0240,Megan,Aldous,"Senior Engineer, Structures",Structures,"London, Southwark Street",megan.aldous@example.com,07700 900274,Graham Pettifer,2019-01-07,Active,
FM0213,Harriet,Doyle,CAD Technician,Structures,"London, Southwark Street",harriet.doyle@example.com,07700 900777,Megan Aldous,2020-01-27,Leaver,Last day 31 December 2026
"""
CLAIMS = """Claim ID;Submitted;Employee;Cost centre;Category;Merchant;Description;Amount EUR;Status;Approver;Comment
EXP-2026-0388;02.10.2026;Sanne Visser;CC-220 Marketing;Hotel;Hotel Carlton Lyon;3 nights, client workshops;412,80;Paid;Maarten de Groot;
EXP-2026-0402;06.10.2026;Jonas Eriksen;CC-310 Sales Nordics;Hotel;Scandic Continental;2 nights, Stockholm customer visits;213,15;Paid;Katrin Hofmann;Rate 1 EUR = 11,4944 SEK
EXP-2026-0409;07.10.2026;Fleur Bakker;CC-120 Finance;Training;Nyenrode;IFRS 17 refresher course;695,00;Approved;Maarten de Groot;
EXP-2026-0417;09.10.2026;Pieter Jansen;CC-410 Sales DACH;Rail;Deutsche Bahn;ICE Amsterdam-Munich return, 1st class;289,90;Approved;Katrin Hofmann;1st class allowed for journeys over 4 hours
EXP-2026-0418;09.10.2026;Pieter Jansen;CC-410 Sales DACH;Meals;Augustiner;Dinner with a buyer (2 people);96,40;Approved;Katrin Hofmann;
EXP-2026-0452;20.10.2026;Jonas Eriksen;CC-310 Sales Nordics;Taxi;Taxi Centrale;Taxi Schiphol to office, no trains;78,50;Rejected;Katrin Hofmann;No receipt attached
EXP-2026-0484;30.10.2026;Sanne Visser;CC-220 Marketing;Hotel;Novotel Brussels;1 night, expense claim review with the Brussels team;151,00;Submitted;Maarten de Groot;
"""
BUDGET = """Cost line,Budget owner,Annual budget,Q3 actual,Q4 actual
Events & trade shows,Sunil Bhattacharya,"£95,000","£48,250","£11,900"
Paid search,Owen Makepeace,"£180,000","£49,100","£52,300"
Print & outdoor,Harriet Oyelaran,"£65,000","£12,000","£20,400"
"""
NOTES = """No.,Note
1,Television spend falls in Q2 and Q4 only.
2,Events: the Q3 figure covers the Fine Food Fair at Olympia (stand, build and staffing).
"""


@pytest.fixture(scope="module")
def table_bot(tmp_path_factory: pytest.TempPathFactory, embedder) -> Briefbot:
    root = tmp_path_factory.mktemp("cells")
    (root / "corpus").mkdir()
    for name, text in (("staff.csv", STAFF), ("claims.csv", CLAIMS), ("budget.csv", BUDGET), ("notes.csv", NOTES)):
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    return bot_for(root, embedder)


def test_the_row_a_code_names_and_the_column_its_verb_names(table_bot: Briefbot) -> None:
    a = table_bot.ask("Who approved expense claim EXP-2026-0417?")
    assert a.answered and a.short_answer == "Katrin Hofmann"  # not the claimant, not another claim's approver
    assert a.text.startswith("Claim ID: EXP-2026-0417;") and a.citations[0].location == "corpus/claims.csv:5-5"


def test_a_quarter_names_its_column_and_a_cell_with_its_own_semicolon_is_one_cell(table_bot: Briefbot) -> None:
    a = table_bot.ask("how much did we spend on events in Q3")
    assert a.short_answer == "£48,250" and a.citations[0].location == "corpus/budget.csv:2-2"
    a = table_bot.ask("whats joanna whitlock's mobile")  # her row, not the row whose line manager she is
    assert a.short_answer == "07700 900418" and a.citations[0].location == "corpus/staff.csv:3-3"


def test_what_a_possessive_asks_must_be_the_cell(table_bot: Briefbot) -> None:
    a = table_bot.ask("When does Harriet Doyle's replacement start?")
    assert "2020" not in a.text and a.short_answer != "27 January 2020"  # her own start date answers nothing


def _row(text: str, passage: int = 0) -> Candidate:
    return Candidate(text, passage, 0, row=True)


RISKS = [
    _row("Risk ID: R01; Risk: Poor data quality delays the migration; Score: 16; Owner: Tomasz Nowicki; RAG: Red"),
    _row("Risk ID: R02; Risk: Super-users not released for testing; Score: 12; Owner: Gemma Fairclough; RAG: Amber"),
    _row("Risk ID: R03; Risk: Label printers chosen late; Score: 9; Owner: Tomasz Nowicki; RAG: Amber"),
]


def test_cells_of_a_row() -> None:
    assert cells("Notes: Chartered (IStructE); fire engineering lead; Status: Active") == [
        ("Notes", "Chartered (IStructE); fire engineering lead"), ("Status", "Active")]
    assert cells("The meeting ran late; nobody minded.") == []


def test_a_lookup_needs_a_named_row_and_a_named_column() -> None:
    assert cell_answer("Who owns the data quality risk?", RISKS) == (0, "Tomasz Nowicki")
    assert cell_answer("Who owns the risk?", RISKS) is None  # no row named
    assert cell_answer("Who is the data quality lead?", RISKS) is None  # no column named
    assert cell_answer("What score does a red risk get?", RISKS) is None  # a RAG colour names no row (Amber repeats)
    assert cell_answer("Why is the data quality risk scored 16?", RISKS) is None  # a cell says no reason


def test_numbers_and_what_is_asked_must_be_in_the_row() -> None:
    sales = [_row("Region: Midwest; Regional manager: Priyanka Joshi; Q3 2025: $498,200; Q4 2025: $640,100"),
             _row("Region: Southeast; Regional manager: Marcus Ellery; Q3 2025: $530,800; Q4 2025: $701,900")]
    assert cell_answer("What did the Southeast bring in in Q4 2025?", sales) == (1, "$701,900")
    assert cell_answer("Who manages the Southeast region?", sales) == (1, "Marcus Ellery")
    assert cell_answer("What did the Southeast bring in in Q1 2026?", sales) is None  # no such column
    bikes = [_row("Model: Kestrel Plus; Price (USD): $3,799; Battery: 720 Wh; Estimated range: Up to 65 miles")]
    assert cell_answer("How long does it take to fully charge the Kestrel Plus battery?", bikes) is None  # no time
    terms = [_row("Term: Summer; Starts: Monday 13 April 2026; Half term: 25-29 May 2026; Ends: Wednesday 22 July 2026")]
    assert cell_answer("What time does the lights switch-on start on 29 November?", terms) is None  # "29" is no code


def test_a_first_cell_named_whole_names_its_row_and_a_bracketed_qualifier_need_not_be_named() -> None:
    fares = [_row("Ticket: Single; Adult: £2.50; Child (5–18): £1.25; Valid on: One journey"),
             _row("Ticket: Day Rider; Adult: £5.20; Child (5–18): £2.70; Valid on: All routes"),
             _row("Ticket: Weekly Rider; Adult: £18.50; Child (5–18): £9.50; Valid on: 7 consecutive days"),
             _row("Ticket: Group Day Rider; Adult: £11.00; Child (5–18): £6.00; Valid on: All routes")]
    assert cell_answer("how much is a child day rider", fares) == (1, "£2.70")  # "day", "rider" stand in three rows
    assert cell_answer("how much is a child rider", fares) is None  # no first cell named whole: which rider?
