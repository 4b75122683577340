"""A clause the question names by its number is the one quoted: "What does clause 7.2 say?" (answer/shape/clauses.py)."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.extract.candidates import candidates
from briefbot.answer.extract.question_kind import asked_clause, asks_for_summary
from briefbot.answer.shape.clauses import clause_sentences, opens_clause

from .test_briefing import bot_for, chunk

CLAUSES = {
    "6.1": "The Supplier shall keep the Customer's data confidential and shall use it only to provide the Services.",
    "6.2": "The Supplier shall notify the Customer of any breach of the Customer's data within 24 hours.",
    "7.1": "Either party may end this Agreement by giving the other party 90 days' written notice.",
    "7.2": "The Customer may end this Agreement at once if the Supplier fails to remedy a material breach within 30 days.",
    "7.3": "On ending this Agreement the Supplier shall return the Customer's data within 14 days.",
    "8.1": "The Supplier's total liability in any year shall not exceed the Charges paid in that year.",
}


def test_the_clause_a_question_names() -> None:
    assert asked_clause("Under clause 4.4, what's the most the charges can go up by?") == "4.4"
    assert asked_clause("What does section 12 say?") == "12" and asked_clause("What does § 7.1 require?") == "7.1"
    assert asked_clause("How many clauses are there?") is None and asked_clause("What happened in 2024?") is None
    assert not asks_for_summary("What does clause 8.1 say about ending the agreement?")  # a clause, not a summary
    assert asks_for_summary("What did the board say about the budget?")
    text = "7. Termination\n7.1 Either party may end it.\n7.2 The Customer may end it at once.\n7.20 Not this one."
    assert opens_clause(text, "7.2") and not opens_clause(text, "7.3") and not opens_clause("See clause 7.2 above.", "7.2")
    passage = chunk(text)
    found = candidates([passage])  # "7.1 Either party may end it.", "7.2 The Customer ...", "7.20 Not this one."
    assert [c.text.split()[-1] for c in found] == ["it.", "once.", "one."]
    assert clause_sentences("What does clause 7.2 say?", found, [passage]) == [1]
    # Under a numbered heading: "7.2 Ending at once" then its sentences.
    headed = chunk("### 7.2 Ending at once\nThe Customer may end it.\nIt must say why.\n### 7.3 Data\nData is returned.")
    found = candidates([headed])
    assert [c.text for c in found] == ["The Customer may end it.", "It must say why.", "Data is returned."]
    assert clause_sentences("What does clause 7.2 say?", found, [headed]) == [0, 1]


def test_asked_by_number_the_clause_is_quoted_not_the_one_sharing_more_words(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = ["SERVICES AGREEMENT", "", "6. Data", *(f"{n} {t}" for n, t in CLAUSES.items() if n < "7"), "",
             "7. Ending this Agreement", *(f"{n} {t}" for n, t in CLAUSES.items() if "7" <= n < "8"), "",
             "8. Liability", f"8.1 {CLAUSES['8.1']}"]
    (corpus / "agreement.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    for number in ("7.2", "6.1", "8.1"):
        answer = bot.ask(f"What does clause {number} say about ending the agreement?")
        assert answer.answered and answer.text.startswith(f"{number} {CLAUSES[number]}"), (number, answer.text)
        assert f"{number} " not in answer.text[len(number) + 1:]  # no other clause quoted with it
        assert answer.citations[0].start_line == lines.index(f"{number} {CLAUSES[number]}") + 1


def test_a_fault_code_asked_about_is_its_entry_in_the_manual() -> None:
    assert asked_clause("what does E07 mean on the duetto") == "E07" and asked_clause("Error F3 on my boiler?") == "F3"
    assert asked_clause("What was revenue in Q2?") is None  # a quarter, not a code: no error, code or meaning asked
    text = ("E06  SERVICE DOOR OPEN\n     Cause:  The service door is open.\n     Remedy: Close the door firmly.\n\n"
            "E07  NO WATER FLOW\n     Cause:  Air has got into the water circuit.\n     Remedy: Fill the water tank.\n"
            "E08  DESCALING REQUIRED\n     Cause:  Limescale has built up.")
    passage = chunk(text)
    found = candidates([passage])
    assert [found[i].text.split()[-1] for i in clause_sentences("What does E07 mean?", found, [passage])] == ["circuit.", "tank."]
