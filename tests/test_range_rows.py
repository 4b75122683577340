"""A table row named by a band that holds the question's number (answer/shape/range_rows.py)."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.shape.range_rows import bands

from .test_briefing import bot_for

DOSES = """# Rhinazol 10 mg tablets: patient leaflet

## 3. How to take Rhinazol

Swallow the tablet whole with a glass of water.

| Age | Dose | How often |
|---|---|---|
| Adults and adolescents aged 12 years and over | 10 mg (one tablet) | Once a day |
| Children aged 6 to 11 years | 5 mg (half a tablet) | Twice a day |
| Children under 6 years | Not recommended | |

Patients with kidney problems: adults with moderate kidney problems should take 5 mg once a day.
"""


def test_bands_of_a_cell() -> None:
    assert bands("Children aged 6 to 11 years") == [(6.0, 11.0, "year")]
    assert bands("Children aged 6–11 years") == [(6.0, 11.0, "year")]
    assert bands("Adults and adolescents aged 12 years and over") == [(12.0, float("inf"), "year")]
    (low, high, unit), = bands("Children under 6 years")
    assert low == float("-inf") and 5.99 < high < 6 and unit == "year"  # ("under 6": 6 is not in it)
    assert bands("Parcels up to 2 kg") == [(float("-inf"), 2.0, "kg")]
    assert bands("Day Rider") == []


def test_the_row_whose_band_holds_the_questions_number(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rhinazol-leaflet.md").write_text(DOSES, encoding="utf-8")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("how much rhinazol can my 8 year old have")
    assert answer.answered and answer.text.startswith("Age: Children aged 6 to 11 years; Dose: 5 mg (half a tablet)")
    assert answer.short_answer.startswith("Dose: 5 mg (half a tablet)") and answer.citations[0].start_line == 10
    answer = bot.ask("What dose of Rhinazol should a 15-year-old take?")
    assert answer.answered and "Dose: 10 mg (one tablet)" in answer.text
    answer = bot.ask("how much rhinazol can my 3 year old have")
    assert answer.answered and "Age: Children under 6 years; Dose: Not recommended" in answer.text
    # a number in no band of the unit asked (months), or a topic the file is not about: no row
    assert "Children aged 6 to 11" not in bot.ask("how much rhinazol can my 8 month old have").text
    assert "Children aged 6 to 11" not in bot.ask("how much calpol can my 8 year old have").text
