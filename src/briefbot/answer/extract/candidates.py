"""The sentences an extractive answer may quote: each with its passage, place and the sentence before it.

Shared by the answerer's own choice (extractive.py), yes/no questions (polar.py) and choices between two
named things (choice.py), so that all of them read a sentence with what it leans on ("He ..." needs the one before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbot.answer.extract.subject import title_words
from briefbot.answer.shape.polar import Evidence
from briefbot.answer.shape.quotes import as_point, quotable, section_at, shown, written_in_points
from briefbot.schema import Passage

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LEANING = re.compile(
    r"(?:he|she|it|they|his|her|its|their|this|these|those|such|also|however|but|moreover|"
    r"furthermore|additionally|in addition|as a result|therefore|thus)\b",
    re.IGNORECASE,
)

_LETTERS = re.compile(r"[^\W\d_]{2,}")  # a word between two sentences: a heading or title line skipped
_WHY = re.compile(r"\s*why\b", re.IGNORECASE)
_WHO = re.compile(r"\s*who\b", re.IGNORECASE)
# A person's name: two or three capitalised words (not opening the sentence), none of them a role's or a body's.
_PERSON_NAME = re.compile(r"(?<=[\w,;:][ \n])[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2}\b")
_NOT_A_NAME = frozenset(
    "officer chief board meeting general director manager committee council president chair annual group company "
    "department ministry university school office team executive financial operating controller secretary head "
    "management supervisory services service limited national international street road park house".split()
)
_POINTS_BACK = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b", re.IGNORECASE)
# Words that give a reason (or its consequence): a sentence holding one answers "why" itself.
_REASON = re.compile(
    r"\b(?:because|since|as|due|owing|thanks|so|order|reasons?|given|after|following|caused?|led|result|resulted|"
    r"means|meant|therefore|thus|if|unless|otherwise|risk|would|could)\b",
    re.IGNORECASE,
)
REASON_LEAD_WORDS = 12  # a lead this short that gives no reason names what is asked about, not why


@dataclass
class Candidate:
    text: str
    passage: int  # 0-based index into the passages list
    position: int  # character offset in the passage, to keep document order
    previous: tuple[str, int] | None = None  # the sentence before it in the same passage, and its offset
    row: bool = False  # a table row ("Column: cell; ..."): a record of its own, quoted alone
    point: bool = False  # a slide's line (quotes.written_in_points): "Vendor: Corvex Systems" is a field, like a row

    def said(self) -> str:
        """The sentence as read: with the one before when it leans on it ("Its first keeper ...")."""
        return (self.previous[0] + " " if self.previous and leans_on_previous(self.text) else "") + self.text


def candidates(passages: list[Passage]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for i, p in enumerate(passages):
        text = p.chunk.text
        previous: tuple[str, int] | None = None
        end = 0
        # No headings or title lines (a slide's lines are points: quotes.written_in_points); table rows as "Column: cell".
        points = written_in_points(p.chunk.source)
        for s, e, sentence in quotable(text, points):
            if _LETTERS.search(text[end:s]):
                previous = None  # a heading lies between ("EXAMPLE 2"): "This embodiment ..." does not lean across it
            row = text[s:e].lstrip().startswith("|")
            for at, part, field in [(s, sentence, False)] if row or not _DOTTED.search(sentence) else _dotted(sentence, s):
                key = " ".join(_WORD.findall(part.lower()))
                if len(key) >= 3 and key not in seen:
                    seen.add(key)  # repeated sentences (copied paragraphs, chunk overlap) are quoted once
                    point = points and not row or field
                    out.append(Candidate(as_point(part) if points and not row else part, i, at, previous, row, point))
            previous, end = (sentence, s), e
    return out


# Items set apart by middle dots, words on both sides: a page's "Jump to:" links, a byline, "API version: 2026-09-01 ·
# Python client: tollbeck 3.4.0 · Last updated: 18 November 2026". The line says nothing as a whole (it was quoted for
# "How much red lentils go in the stew?"); each item is read alone, a "Label: value" item as a form's field.
_DOT = re.compile(r"\s+[·•]\s+")
ITEM_WORDS = 8  # an item of this many words may say something; a shorter one that is no field is a link's or a title's text
_DOTTED = re.compile(r"[^\W\d_]{2,}\W*\s+[·•]\s+\W*[^\W\d_]|\S\s+[·•]\s+\S.*\S\s+[·•]\s+\S")  # (not "2 · 10")


def _dotted(sentence: str, start: int) -> list[tuple[int, str, bool]]:
    """The items of a line of middle-dotted items: (offset, text, a field)."""
    out: list[tuple[int, str, bool]] = []
    at = 0
    for piece in _DOT.split(sentence):
        offset = sentence.index(piece, at)
        at = offset + len(piece)
        part = piece.strip()
        plain = shown(part)  # ("**Last updated:** 18 November 2026", as read)
        field = bool(re.match(r"[^:]{1,40}: \S", plain))
        if field or len(_LETTERS.findall(part)) >= ITEM_WORDS:  # (a link's text, "Smoky squash & red lentil stew", is no answer)
            out.append((start + offset + piece.index(part), plain if field else part, field))
    return out


def _next(cands: list[Candidate], lead: int, text: str) -> int | None:
    """The candidate right after ``lead`` in its passage's paragraph, if any."""
    c = cands[lead]
    for j, d in enumerate(cands):
        if d.passage == c.passage and d.previous is not None and d.previous[1] == c.position:
            return j if "\n\n" not in text[c.position : d.position] else None
    return None


def reason_after(question: str, cands: list[Candidate], lead: int, text: str) -> int | None:
    """For "Why ...?", the sentence after a short lead that gives no reason, in the same paragraph: "A 48-month term
    worries me." names the worry; the reason is what follows ("Our vehicle leases renew in 2028 ...")."""
    c = cands[lead]
    if not _WHY.match(question) or _REASON.search(c.text) or len(c.text.split()) > REASON_LEAD_WORDS:
        return None
    return _next(cands, lead, text)


def person_after(question: str, cands: list[Candidate], lead: int, text: str) -> int | None:
    """For "Who ...?", the next sentence of the paragraph when the lead names nobody the question does not and that
    sentence names someone new and points back ("... Annelies Brouwer ... will step down" / "We are delighted that
    Tomasz Wierzbicki ... will succeed her")."""
    if not _WHO.match(question):
        return None
    asked = {w.lower() for w in _WORD.findall(question)}
    def new(sentence: str) -> list[str]:
        return [n for n in _PERSON_NAME.findall(sentence)
                if not {w.lower() for w in n.split()} & (asked | _NOT_A_NAME)]

    if new(cands[lead].text):
        return None
    j = _next(cands, lead, text)
    return j if j is not None and new(cands[j].text) and _POINTS_BACK.search(cands[j].text) else None


def leans_on_previous(sentence: str) -> bool:
    """A sentence that opens with a pronoun or connective ("He also ...") is cut off without the one before."""
    return bool(_LEANING.match(sentence))


def evidence(cands: list[Candidate], passages: list[Passage]) -> list[Evidence]:
    """Each candidate with what it leans on: the sentence before when it needs it, and the heading above."""
    return [
        Evidence(
            c.text,
            c.passage,
            " ".join([c.previous[0] if c.previous and leans_on_previous(c.text) else "",
                      section_at(passages[c.passage].chunk.text, c.position, passages[c.passage].chunk.context) or "",
                      title_words(passages[c.passage].chunk.source)]),  # what the file is about: "incident-postmortem"
        )
        for c in cands
    ]
