"""A form's field asked for by its label: "Who owns this policy?" is the row "Policy owner: Priya Nandakumar, Head of
Information Security"; "When does the new expenses policy come into effect?" is "Effective from: 1 February 2027".
And a table row asked for by its code: "The display shows E2. What does that mean?" is the row whose first cell is
"E2".

Reports, policies and specifications open with a two-column form (version, owner, approved by, effective date,
next review); a question names the field, often in another form of the word ("owns" / "owner", "released" /
"Release date"), and the row's value is the answer. The sentence choice weighs a row like a sentence and picks
prose that shares more words ("A device owned by a User ..."). A form row answers when every word of its label but
a generic one (date, name, number) is a word of the question, stemmed, an agent noun read as its verb ("owner" as
"own"), and its value offers the kind of thing asked for; of several, the one whose label the question names most fully, then the first in
retrieval's order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.extract.offers import content_words, type_match
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.polar import is_polar
from briefbot.index.lexical import tokenize
from briefbot.schema import Passage
from briefbot.text.tables import row_cells

# A row's key that is a code: "E2", "P2", "M3", "R-07", "SPEC-0412" (a digit in it); a question naming it means that row.
_CODE = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z]{1,5}-?\d{1,4}[A-Z]?$")
_TOKEN = re.compile(r"[\w-]+")
GENERIC = frozenset(tokenize("date name number no time type details reference ref"))
# Generic words that say what kind of thing the value is, not which field: "Grant reference" answers a question that asks
# for a reference (or a number, an ID), not any question about the grant; a date or a name is asked as "when" / "who".
_IDENTIFIER = frozenset(tokenize("number no reference ref id code"))
_DATED = re.compile(r"\b(?:date|time|day)\b", re.IGNORECASE)
_WHEN_FIELD = re.compile(r"\b(?:dates?|times?|days?|period|deadline|due)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<=\w )[A-Z][\w-]+|(?<=\w )[a-z]+[A-Z]\w*")  # a capitalised word after the first: "Sanne", "Lyon"
LABEL_WORDS = 5  # a field's label is short ("Date of next review")


# Words a question uses for a field's label word: "What's the deadline?" asks for "Closing date", "how much will I be
# paid" for "Salary", "what's the fee" for "Cost" (stemmed; one group never stands for another's).
_KIN = tuple(frozenset(tokenize(words)) for words in (
    "deadline closing close due cutoff", "salary pay paid wage wages earn earnings", "cost price fee fees charge"))


# Words after a label's word that ask for something of it, not for another thing: "the hotel limit" is the "Hotels" field.
_OF_IT = frozenset(tokenize("limit rate cost price fee amount allowance cap maximum minimum max min total date time day "
                            "deadline number level"))
_COUNTED = re.compile(r"\bhow (?:many|long|often)\b", re.IGNORECASE)


def _modifiers(question: str) -> dict[str, set[str]]:
    """Each question word (stemmed) that stands before another content word, with the words it names: "interview" ->
    {"present"} in "What topic will the interview presentation be on?"."""
    out: dict[str, set[str]] = {}
    for a, b in itertools.pairwise(re.findall(r"[\w'-]+", question.lower())):
        if len(first := tokenize(a)) == 1 and (then := tokenize(b)):
            out.setdefault(first[0], set()).update(then)
    return out


def covered(word: str, asked: set[str], kin: bool = False) -> bool:
    """Whether the question names a label's word: the word, its verb for an agent noun ("owner" / "owns"), or (``kin``,
    a form's field) a word of its group above."""
    return (word in asked or (word.endswith(("er", "or")) and len(word) > 4 and word[:-2] in asked)
            or kin and any(word in group and group & asked for group in _KIN))


def form_answer(question: str, cands: list[Candidate], places: list[str] | None = None) -> tuple[int, str] | None:
    """The candidate (index) that is the form row the question asks for, and its value; None when there is none. Of
    several, the one whose label the question names most fully ("Product owner" over "Product name"), then the first.

    A slide's line "Vendor: Corvex Systems" is such a row too, when the question is no yes/no one and every name it
    gives is in the line's passage or file name (``places``, one per passage): "how much was Sanne's hotel in Lyon" is
    not asked of an induction deck's "Hotels: up to £140 a night"."""
    asked = set(tokenize(question))
    names = {w.lower() for w in _NAME.findall(question)}
    points = not is_polar(question)
    followed = _modifiers(question)
    counted = bool(_COUNTED.search(question))
    kind = question_type(question)
    said = set(content_words(question))
    found: list[tuple[int, int, int, int]] = []  # (label words named, -passage, -position, index): the best is the max
    for i, c in enumerate(cands):
        if not (c.row or c.point and points) or "; " in c.text or ": " not in c.text:
            continue  # a form's row (or a slide's line) is one "Label: value"
        if c.point and not (places and all(n in places[c.passage] for n in names)):
            continue
        label, value = c.text.split(": ", 1)
        value = value.rstrip(".") if c.point else value  # (a point is quoted with a full stop: "Vendor: Corvex.")
        words = [w for w in tokenize(label) if w not in GENERIC]
        if not words or len(label.split()) > LABEL_WORDS or not all(covered(w, asked, kin=True) for w in words):
            continue
        named = followed.get(words[0], set()) - set(tokenize(label)) - _OF_IT
        if len(words) == 1 and (named or words[0] not in asked and counted):
            continue  # "interview presentation" asks for another thing than "Interviews"; "how many weeks of sick pay" no salary
        if (ids := _IDENTIFIER & set(tokenize(label))) and not (ids | {"id", "code"}) & asked:
            continue  # "Grant reference: AF-2023-0417" is no answer to "What was the total underspend on the grant?"
        if _DATED.search(label) and kind != "when" and not _DATED.search(question):
            continue  # "Break Date: 28 February 2028" is no answer to "How much notice ... the break option?"
        if set(tokenize(value)) <= asked or (kind != "other" and not type_match(kind, c.text, said)):
            continue  # the value is what the question already says, or not the kind asked for
        found.append((len(words), -c.passage, -c.position, i))
    if not found:
        return None
    best = max(found)[3]
    value = cands[best].text.split(": ", 1)[1]
    value = value.rstrip(".") if cands[best].point else value
    return best, who_of(value) if kind == "who" else value


def who_of(value: str) -> str:
    """The name a field's value opens with, for "who": "Priya Nandakumar, Head of Information Security" -> the name."""
    person = value.split(",", 1)[0]
    return person if "," in value and sum(w[:1].isupper() for w in person.split()) >= 2 else value


def keyed_row(question: str, cands: list[Candidate]) -> int | None:
    """The table row whose first cell is a code the question names ("The display shows E2. What does that mean?" ->
    "Problem / code: E2; Possible cause: ...; What to do: ..."), the first in retrieval's order; None for none."""
    named = set(_TOKEN.findall(question))
    for i, c in enumerate(cands):
        if not c.row or "; " not in c.text:
            continue
        key = row[0][1] if (row := row_cells(c.text)) else ""
        if _CODE.match(key) and key in named:
            return i
    return None


def asked_row(question: str, cands: list[Candidate], holds: Callable[[str], bool]) -> int | None:
    """When the best sentence lacks the kind of thing asked: the one table row whose first cell the question names
    ("what did they actually end up spending on ingredients" -> "Budget line: Ingredients; Budget (£): 11,200; Actual
    (£): 12,850; ..."), holds the question's numbers ("Q2 FY26") and holds what is asked (``holds``); None when no
    row or several do. Rows only: any sentence found this way answered SQuAD 2.0's unanswerable questions as often as
    it answered right (README, "Civic documents")."""
    asked = set(tokenize(question))
    numbered = {w for w in asked if any(ch.isdigit() for ch in w)}  # "Q4 FY25": a column the row must have
    found = []
    for i, c in enumerate(cands):
        key = row[0][1] if c.row and "; " in c.text and (row := row_cells(c.text)) else ""
        words = set(tokenize(key))
        if words and words <= asked and numbered <= set(tokenize(c.text)) and holds(c.text):
            found.append(i)
    return found[0] if len(found) == 1 else None


def off_field(question: str, cands: list[Candidate], quoted: str) -> bool:
    """Whether ``quoted`` is a form's row ("Organisation: Dunmore Community Trust") about a field the question does not
    name: a field's value answers only a question about that field ("Who chairs the board of trustees at Dunmore
    Community Trust?" names the trust, not the organisation field)."""
    row = next((c for c in cands if c.row and c.text == quoted), None)
    if row is None or "; " in quoted or ": " not in quoted:
        return False
    label = quoted.split(": ", 1)[0]
    if len(label.split()) > LABEL_WORDS:
        return False
    asked = set(tokenize(question))
    if _WHEN_FIELD.search(label) and question_type(question) == "when":
        return False  # "Dates: Thursday 12 March - Friday 13 March 2026" answers when the offsite is
    return not any(covered(w, asked) for w in tokenize(label))


def places(passages: list[Passage]) -> list[str]:
    """Each passage's text and file name, lowercased: where a name the question gives may stand (form_answer)."""
    return [f"{p.chunk.source} {p.chunk.context or ''} {p.chunk.text}".lower().replace("-", " ") for p in passages]
