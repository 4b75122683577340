"""Which cell of a quoted table row answers: "How many FTE employees did the group have at the end of 2023?" quotes
"Year ended 31 December: Headcount (FTE); 2021: 1,842; 2022: 1,967; 2023: 2,104; ..." and means the cell under
"2023", not the first number of the row.

A row is quoted with its column names (answer/shape/quotes.py); the column the question names by a word of its own
("2023", "DH-30") holds the answer. Without one, the kind of thing asked for picks the cell: a person's name for
"who", a date for "when", a figure for "how much / how many".
"""

from __future__ import annotations

import re

from briefbot.index.lexical import STOPWORDS, tokenize

LABEL_WORDS = 8  # a column's name is short ("Resolution target"); "The Amazon rainforest (Portuguese: ..." is prose
_PAIR = re.compile(r"^([^:;]{1,60}): (.+)$")
_TOKEN = re.compile(r"\w[\w\-./]*")
_PERSON = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Cllr|Sir)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}$")
_DATED = re.compile(r"\b(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d|[A-Z][a-z]+\s+\d{4}|Q[1-4]\s+\d{4})\b")
_FIGURE = re.compile(r"\d")
_CURRENCY = re.compile(r"[$€£¥]|\b(?:USD|EUR|GBP|AUD|CHF)\b")


def row_pairs(sentence: str) -> list[tuple[str, str]] | None:
    """A quoted table row's (column, cell) pairs; None for a sentence that is no row (two pairs at least)."""
    pairs: list[tuple[str, str]] = []
    for part in sentence.split("; "):
        m = _PAIR.match(part)
        if m and m.group(1).count("(") == m.group(1).count(")") and len(m.group(1).split()) <= LABEL_WORDS:
            pairs.append((m.group(1), m.group(2)))
        elif pairs:
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + "; " + part)  # a cell with a semicolon of its own
        elif ":" not in part and len(part.split()) <= LABEL_WORDS:
            pairs.append(("", part))  # a first column without a name ("Revenue; 2021: 301.2; ...")
        else:
            return None
    return pairs if sum(1 for col, _ in pairs if col) >= 2 else None


def _tokens(text: str) -> set[str]:
    return {t.lower().rstrip(".") for t in _TOKEN.findall(text)} - STOPWORDS


# A column's short name and the question's words for it: "Max" is asked for as "maximum", "highest", "at most".
# ("most", "least" and "mean" are left out: "the most common", "What does E07 mean?" name no column.)
_SAME_AS = {"max": "maximum", "maximal": "maximum", "highest": "maximum", "largest": "maximum", "greatest": "maximum",
            "peak": "maximum", "upper": "maximum", "min": "minimum", "minimal": "minimum", "lowest": "minimum",
            "smallest": "minimum", "fewest": "minimum", "typ": "typical", "typically": "typical", "nominal": "typical",
            "avg": "average", "qty": "quantity", "temp": "temperature"}


def _stems(text: str) -> set[str]:
    """The words' stems ("actually" names the column "Actual (GBP)"); codes and figures are matched as written."""
    words = [_SAME_AS.get(w.lower(), w) for w in re.findall(r"[A-Za-z]+", text)]
    return {t for t in tokenize(" ".join(w for w in words if len(w) > 3))}


def row_answer(question: str, sentence: str, kind: str, money: bool = False) -> str | None:
    """The cell of a quoted row that answers ``question`` (``kind`` as question_kind.question_type gives it), or
    None when the sentence is no row or no cell stands out."""
    pairs = row_pairs(sentence)
    if pairs is None:
        return None
    asked = _tokens(question)
    asked_stems = _stems(question)
    open_cells = [(k, col, cell) for k, (col, cell) in enumerate(pairs) if not _tokens(cell) <= asked]
    named = [(len(_tokens(col) & asked) + len(_stems(col) & asked_stems), -k, cell) for k, col, cell in open_cells
             if k > 0 and (_tokens(col) & asked or _stems(col) & asked_stems)]
    if named:
        return max(named)[2]  # the column the question names: "... at the end of 2023?" -> the cell under 2023
    wanted = {"who": _PERSON, "when": _DATED, "number": _CURRENCY if money else _FIGURE}.get(kind)
    if wanted is None:
        return None
    fits = [cell for _, _, cell in open_cells if wanted.search(cell.strip())]
    return fits[0] if fits else None
