"""A table row named by a range holding the question's number: "how much rhinazol can my 8 year old have" is the row
"Age: Children aged 6 to 11 years; Dose: 5 mg (half a tablet); ...", though no word of it is the question's.

Dose tables by age, fees by age band, postage by weight, tax by income: the row's first cell gives a band ("6 to 11
years", "6–11 years", "under 6 years", "12 years and over") and the question a value inside it, with the same unit
("8 year old", "an 8-year-old"). The row is quoted whole: the question rarely names the column ("how much ... can she
have" asks the dose). Only when exactly one row's band holds the number, and the question's other words are in the row's
passage or file name (the band table is about what is asked).
"""

from __future__ import annotations

import re

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.extract.offers import content_words
from briefbot.answer.shape.table_cells import MIN_CELLS
from briefbot.index.lexical import tokenize
from briefbot.text.tables import row_cells

# The question's value and its unit: "8 year old", "an 8-year-old", "12 kg", "£30,000 a year" (the number's word).
_VALUE = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s*-?\s*([^\W\d_]+)")
_NUMBER = r"(\d+(?:\.\d+)?)"
# A band in a row's first cell: "6 to 11 years", "6–11 years", "between 6 and 11 years", "under 6 years", "12 years and
# over", "12+ years", "up to 2 kg". (low, high, unit); None for an open end.
_BETWEEN = re.compile(rf"(?:between\s+)?{_NUMBER}\s*(?:to|–|—|-|and)\s*{_NUMBER}\s*-?\s*([^\W\d_]+)", re.IGNORECASE)
_BELOW = re.compile(rf"\b(?:under|below|less than|up to|younger than)\s+{_NUMBER}\s*-?\s*([^\W\d_]+)", re.IGNORECASE)
_ABOVE = re.compile(rf"{_NUMBER}\s*-?\s*([^\W\d_]+)\s+(?:and|or)\s+(?:over|above|older|more|upwards)|{_NUMBER}\+\s*([^\W\d_]+)",
                    re.IGNORECASE)


_SAID_OF_A_VALUE = {"old", "aged", "age", "much", "many"}  # ("8 year old": the value's own words, not the topic's)


def _unit(word: str) -> str:
    stems = tokenize(word)
    return stems[0] if stems else word.lower()


def bands(text: str) -> list[tuple[float, float, str]]:
    """The bands a cell gives, as (low, high, unit stem); a band open at one end has an infinite end (an upper bound
    of "under" is exclusive: kept as just below it)."""
    out: list[tuple[float, float, str]] = []
    for m in _BETWEEN.finditer(text):
        out.append((float(m.group(1)), float(m.group(2)), _unit(m.group(3))))
    for m in _BELOW.finditer(text):
        high = float(m.group(1))
        out.append((float("-inf"), high if m.group(0).lower().startswith("up to") else high - 1e-9, _unit(m.group(2))))
    for m in _ABOVE.finditer(text):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        out.append((float(number), float("inf"), _unit(unit)))
    return out


def range_row(question: str, cands: list[Candidate], places: list[str]) -> tuple[int, str] | None:
    """The candidate (index) that is the one table row whose first cell's band holds the question's number, and the
    row's text as its short answer; None when no row, or more than one, does. ``places``: each passage's text and file
    name, which must hold the question's other content words."""
    values = [(float(m.group(1)), _unit(m.group(2))) for m in _VALUE.finditer(question)]
    if len(values) != 1:
        return None
    value, unit = values[0]
    found = []
    for i, c in enumerate(cands):
        row = row_cells(c.text) if c.row else []
        if len(row) < MIN_CELLS - 1:
            continue
        if any(low <= value <= high and u == unit for low, high, u in bands(row[0][1])):
            found.append(i)
    if len(found) != 1:
        return None
    i = found[0]
    numbers = {str(int(value)) if value.is_integer() else str(value), unit}
    others = [w for w in content_words(question) if w not in numbers | _SAID_OF_A_VALUE and not w.isdigit()]
    held = set(tokenize(places[cands[i].passage]))
    if not others or not all(set(tokenize(w)) <= held for w in others):
        return None
    return i, "; ".join(f"{h}: {v}" for h, v in row_cells(cands[i].text)[1:] if v)
