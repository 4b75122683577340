"""A table's cell asked for by its row and its column: "Who approved expense claim EXP-2026-0417?" is the Approver
cell of the row that holds EXP-2026-0417; "how much did we spend on events in Q3" the "Q3 actual" cell of the row
"Cost line: Events & trade shows".

Spreadsheets, CSV exports and slide tables are read as rows "Column: cell; Column: cell; ..." (ingest/sheets). The
sentence choice weighs such a row like a sentence: a row that shares many words with the question but not the one
asked for wins, or a long row scores too low to be quoted at all. A lookup needs two things the question names:
- the column, by its header: every word of it but a generic one (date, name, number) a word of the question,
  stemmed, an agent noun read as its verb ("Approver" as "approved", "Owner" as "owns"), or the one header of the
  row holding a number the question gives ("Q3" names "Q3 actual"); its cell offering the kind of thing asked for
  (a person for "who", a date for "when") and not already said by the question;
- the row, by a word of its other cells that the question holds and no other row with such a column holds
  ("Events", "Midwest", "EXP-2026-0417"), in a column whose values do not repeat among a table's rows (a status or a
  RAG colour names no row, in any table of the passages), a number only as part of a code, and every number of the question somewhere in the row ("Q1 2026" is no
  question about a 2025 budget's row), and the word after a possessive in the row ("Harriet Doyle's replacement"),
  naming more of it than that word ("Kestrel's share price" is not the row "Dividend per share") unless the asked cell
  holds it ("joanna whitlock's mobile").
A header's qualifier in brackets need not be named ("Child (5–18)" is asked as "child").
Not for "why" or "how" (a manner): a cell says what, who, how much or when.
Of several rows, the one holding the most such words, then the one whose first cell the question names most fully
("Day Rider" over "Group Day Rider" and "Weekly Rider"; a first cell named whole names its row even when its words stand
in other rows too); a tie is no answer.
"""

from __future__ import annotations

import re

from briefbot.answer.extract.asked_kind import lacks_asked
from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.extract.offers import content_words, type_match
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.forms import GENERIC, LABEL_WORDS, covered, who_of
from briefbot.index.lexical import tokenize
from briefbot.text.tables import row_cells

# What a question asks of someone: "Harriet Doyle's replacement" is not Harriet Doyle's row's start date; the row must
# hold the word ("joanna whitlock's mobile": the Mobile column).
_OWNED = re.compile(r"\w['’]s\s+([^\W\d_]+)")
# A cell says what or who, how much or when, not why or how something came about.
_NOT_A_LOOKUP = re.compile(r"\W*(?:why|how(?!\s+(?:many|much|long|old|far|big|large|often|tall|heavy)\b))\b", re.IGNORECASE)
# A code naming a row: "EXP-2026-0417", "R01", "FM0251" (only such a cell's digits name a row: "29" of "25-29 May" does not)
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*$")
_QUALIFIER = re.compile(r"\([^)]*\)")  # a header's qualifier in brackets: "Price (USD)", "Child (5–18)"
MIN_CELLS = 3  # a lookup table has a key, the asked column and more ("Label: value" alone is a form: forms.py)


def _asked_columns(question: str, row: list[tuple[str, str]], asked: set[str], numbered: set[str]) -> list[int]:
    """The cells (indices) whose header the question names and whose value offers what it asks."""
    kind = question_type(question)
    said = set(content_words(question))
    by_number = [j for j, (h, _) in enumerate(row) if numbered & set(tokenize(h))]
    out = []
    for j, (header, value) in enumerate(row):
        words = [w for w in tokenize(_QUALIFIER.sub(" ", header)) if w not in GENERIC]  # "Child (5-18)": "child"
        if not words or len(header.split()) > LABEL_WORDS:
            continue
        if not (all(covered(w, asked) for w in words) or by_number == [j]):
            continue
        if not value or set(tokenize(value)) <= asked:
            continue  # empty, or what the question already says ("Office: Leeds" for "... the Leeds office?")
        if kind != "other" and not type_match(kind, f"{header}: {value}", said) or lacks_asked(question, [f"{header}: {value}"]):
            continue  # ("How long does it take to charge the Kestrel Plus?": "Battery: 720 Wh" is no time)
        out.append(j)
    return out


def _categories(rows: list[list[tuple[str, str]]]) -> set[str]:
    """The headers whose values repeat among one table's rows: a status, a RAG colour, a department. Such a value
    does not name a row, in that table or another with the same header ("What score makes a risk red?" is not about
    the one red risk); a key ("Region: Southeast") may stand in two tables but once in each."""
    seen: dict[tuple[tuple[str, ...], str], set[str]] = {}
    out = set()
    for row in rows:
        table = tuple(h for h, _ in row)
        for header, value in row:
            values = seen.setdefault((table, header), set())
            if value in values:
                out.add(header.lower())
            values.add(value)
    return out


def _key_named(text: str, asked: set[str]) -> float:
    """The share of the row's first cell's words the question holds: "Day Rider" all of them for "how much is a child
    day rider", "Group Day Rider" two of three."""
    key = set(tokenize(row_cells(text)[0][1]))
    return len(key & asked) / len(key) if key else 0.0


def cell_answer(question: str, cands: list[Candidate]) -> tuple[int, str] | None:
    """The candidate (index) that is the table row the question looks up, and the asked cell's value; None when no
    row, or no single row, is named with a column the question asks for."""
    if _NOT_A_LOOKUP.match(question):
        return None
    asked = set(tokenize(question))
    numbered = {w for w in asked if any(ch.isdigit() for ch in w)}
    owned = {w for m in _OWNED.findall(question) for w in tokenize(m)[:1]}
    rows = {i: row_cells(c.text) if c.row else [] for i, c in enumerate(cands)}
    kinds = _categories(list(rows.values()))
    found: list[tuple[int, int, set[str]]] = []  # (candidate, asked cell, question words in its other cells)
    for i, c in enumerate(cands):
        row = rows[i]
        if len(row) < MIN_CELLS or not numbered <= set(tokenize(c.text)):
            continue
        columns = _asked_columns(question, row, asked, numbered)
        if not columns or not owned <= set(tokenize(c.text)):
            continue  # (owned: "Harriet Doyle's replacement" is not in her row)
        headers = {w for h, _ in row for w in tokenize(h)}
        named = {w for j, (h, v) in enumerate(row) if j not in columns and h.lower() not in kinds
                 for w in tokenize(v) if not w.isdigit() or _CODE.match(v)} & asked - headers
        if named - owned or owned & set(tokenize(" ".join(row[columns[0]]))):  # (named by more than "share" of
            found.append((i, columns[0], named))  # "Kestrel's share price", unless the asked cell holds it)
    if not found:
        return None
    df: dict[str, int] = {}
    for _, _, named in found:
        for w in named:
            df[w] = df.get(w, 0) + 1
    scored = sorted((((sum(df[w] == 1 for w in named), _key_named(cands[i].text, asked)), i, j) for i, j, named in found),
                    reverse=True)
    top = scored[0][0]
    if top[0] <= 0 and top[1] < 1 or len(scored) > 1 and scored[1][0] == top:
        return None  # no row holds a word only it has nor is named by its whole first cell, or two as much
    _, best, column = scored[0]
    value = row_cells(cands[best].text)[column][1]
    return best, who_of(value) if question_type(question) == "who" else value
