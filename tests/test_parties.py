"""A lease read as its reader reads it: "the Tenant" is the company the parties' lines name (answer/shape/parties.py), the
schedule's "| Item | Term |" rows are fields (text/tables.as_form), and "10.2" opening a clause is no number."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.extract.offers import type_match
from briefbot.answer.shape.amounts import number_span
from briefbot.answer.shape.parties import defined_parties
from briefbot.answer.shape.quotes import table_rows
from briefbot.text.numbered import clause_number_end

from .test_briefing import bot_for

LEASE = """# Lease of Unit 7, Cobbler's Yard, Ashcombe

**Date of this Lease:** 14 February 2025
**Landlord:** Halvergate Estates Limited (company number 08841273), whose registered office is at 3 Orchard Chambers
**Tenant:** Brindle & Fox Ceramics Ltd (company number 13390562), whose registered office is at 22 Kiln Lane

## 2. Grant and Term

2.1 The Landlord lets the Premises to the Tenant for the Term set out in the Schedule.

## 9. Assignment

9.1 The Tenant may assign the whole of the Premises with the Landlord's prior written consent.

## 10. Tenant's Break Option

10.1 The Tenant may end this Lease on the Break Date stated in the Schedule by giving the Landlord not less than six months' written notice.

10.2 The break will only take effect if, on the Break Date, the Tenant has paid all Rent then due and has given up occupation of the Premises.

## Schedule

| Item | Term |
|---|---|
| Rent | £14,400 per annum (exclusive of VAT) |
| Review Date | 1 March 2028 |
| Break Date | 28 February 2028 |
"""


def test_the_parties_a_contract_defines_by_label_or_in_brackets() -> None:
    parties = defined_parties([LEASE])
    assert parties["tenant"][:2] == ("Tenant", "Brindle & Fox Ceramics Ltd")
    assert parties["landlord"][1] == "Halvergate Estates Limited"
    recital = ("This agreement is made between:\n(1) Corvane Systems Limited, a company incorporated in England and Wales with "
               "company number 09481726 (the “Supplier”); and (2) Thornbury & Vale Building Society, a building society "
               "incorporated under the Building Societies Act 1986 (the “Customer”).\nThe Supplier shall provide the Services.")
    found = defined_parties([recital])
    assert found["supplier"][1] == "Corvane Systems Limited"
    assert found["custom"][1] == "Thornbury & Vale Building Society"
    assert defined_parties(["Date: 14 February 2025\nThe meeting was held on that date."]) == {}  # no "the Date": no party


def test_a_schedule_with_a_generic_first_column_is_a_form() -> None:
    rows = [text for _, _, text in table_rows(LEASE[LEASE.index("| Item"):])]
    assert rows == ["Rent: £14,400 per annum (exclusive of VAT)", "Review Date: 1 March 2028", "Break Date: 28 February 2028"]
    named = "| Name | Role |\n|---|---|\n| Dr Leila Haddad | Project Lead |\n"
    assert [text for _, _, text in table_rows(named)] == ["Name: Dr Leila Haddad; Role: Project Lead"]  # real columns stay


def test_a_clause_number_is_no_number_the_sentence_offers() -> None:
    clause = "10.2 The break will only take effect if the Tenant has paid all Rent then due."
    assert clause_number_end(clause) == len("10.2 ")
    assert clause_number_end("2024 was a good year.") == 0 and clause_number_end("3 people came.") == 0
    assert type_match("number", clause, set()) == 0.0
    assert number_span("How much notice is needed?", clause, set(), [], False) is None


def test_a_question_naming_the_tenant_is_answered_from_the_clauses_and_the_schedule(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tenancy-agreement.md").write_text(LEASE, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("How much notice does Brindle & Fox have to give to use the break option?")
    assert answer.answered and answer.text.startswith("10.1 The Tenant may end this Lease") and answer.short_answer == "six months"
    answer = bot.ask("When is the rent review date?")
    assert answer.answered and answer.text.startswith("Review Date: 1 March 2028") and answer.short_answer == "1 March 2028"
