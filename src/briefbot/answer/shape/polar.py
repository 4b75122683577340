"""Yes/no questions: "Yes" or "No" only when quoted sentences say so, else no verdict (near_enough) or a decline.

"Was the lamp automated in 1987?" is "Yes" when a sentence holds every word of the question (the
subject's may come from the sentence before it or the heading above), "No" when that sentence
negates it or gives another number or date in its place; a sentence that hedges ("on the brink of",
"expected to") settles neither. "Are X and Y both film directors?" needs
a sentence for each side: "Yes" when both say it, "No" when one side's defining sentence ("Y is a
novelist") says something else; both sentences are cited either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbot.index.lexical import tokenize
from briefbot.schema import Passage

_POLAR = re.compile(
    r"^\s*(?:is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|may|might|must)\s+\w", re.IGNORECASE
)
_BOTH = re.compile(
    r"^\s*(?:are|were|is|was|do|did|does|have|had)\s+(?P<x>.+?)\s+and\s+(?P<y>.+?)\s+both\s+(?P<p>.+?)[\s?.!]*$",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|none)\b|n't\b", re.IGNORECASE)
# Words that make a sentence say "not quite" or "not yet": "on the brink of a recession" is no "Yes" to "in recession?".
_HEDGE = re.compile(
    r"\b(?:brink|verge|nearly|almost|narrowly|close\s+to|on\s+the\s+edge\s+of|threat(?:ened|ens)?\s+(?:of|to)|risk\s+of"
    r"|fears?\s+of|considering|plans?\s+to|planned|expected\s+to|likely|possibly|probably|perhaps|allegedly|reportedly)\b",
    re.IGNORECASE,
)
_DEFINING = re.compile(r"\b(?:is|was|are|were)\s+(?:an?|the)\s", re.IGNORECASE)
_VALUE = re.compile(r"\b\d[\d,.]*\b")


@dataclass
class Evidence:
    """A sentence that may be quoted, and what it leans on (the sentence before, the heading above)."""

    text: str
    passage: int  # 0-based passage index
    context: str = ""


def content_terms(text: str) -> set[str]:
    """Stemmed content words, without the "s" of a possessive ("lighthouse's")."""
    return {t for t in tokenize(text) if len(t) > 1 or t.isdigit()}


def is_polar(question: str) -> bool:
    """A question answered by yes or no ("Is ...?", "Did ...?"), not a choice ("Is X or Y older?")."""
    return bool(_POLAR.match(question)) and not re.search(r"\bor\b", question, re.IGNORECASE)


# Words of a question that weighs two things ("Are X and Y both ...?", "the same nationality", "older than"): one
# side's sentence does not answer it.
_TWO_SIDED = re.compile(
    r"\b(?:and|both|same|either|neither|than|more|less|fewer|older|younger|earlier|later|first|last)\b", re.IGNORECASE
)


def one_sided(question: str) -> bool:
    """A yes/no question about one thing ("Was any customer data lost?"). When no sentence settles it, the sentence
    that answers it is still quoted, without a verdict ("No customer data was lost or corrupted."): declining it
    hid the answer. A comparison is declined instead (quoting one side's biography answers nothing)."""
    return is_polar(question) and not _TWO_SIDED.search(question)


def near_enough(question: str, sentences: list[str], quoted: str, passages: list[Passage]) -> bool:
    """Whether quoted sentences hold all but at most two of a yes/no question's words (light verbs aside), the
    documents they come from (text and file names) hold those two, and the sentences put no other word where a missing
    one would be: "No customer data was lost or corrupted." for "Was any customer data lost in the October outage?"
    from the October outage's postmortem, but not from a postmortem naming no outage, nor "professor of harmony" for
    "Was he appointed professor of piano?" (declined, as a question the sentences do not settle). On the blind sets
    (README, "Yes/no questions without a verdict") the answers quoted for unanswerable questions and the wrong ones
    missed three words or more."""
    text = " ".join(sentences)
    missing = content_terms(question) - _LIGHT - content_terms(text)
    files = {passages[int(n) - 1].chunk.source for n in re.findall(r"\[(\d+)\]", quoted) if 0 < int(n) <= len(passages)}
    documents = " ".join(f"{p.chunk.source} {p.chunk.context or ''} {p.chunk.text}" for p in passages if p.chunk.source in files)
    if len(missing) > 2 or missing - content_terms(documents):
        return False
    words, said = _WORD.findall(question.lower()), " ".join(_WORD.findall(text.lower()))
    for k in range(2, len(words)):  # "professor of piano" where the sentence says "professor of harmony"
        if content_terms(words[k]) & missing and re.search(rf"\b{re.escape(words[k - 2])} {re.escape(words[k - 1])} \w", said):
            return False
    return True


_WORD = re.compile(r"[\w'-]+")


def _covers(terms: set[str], ev: Evidence) -> bool:
    return terms <= content_terms(ev.text) | content_terms(ev.context)


# Verbs that carry little of what a question asks ("Will subscribers see a price change?" is answered by "no price
# change for subscribers"): not required of the sentence.
# (and adverbs that say nothing of the fact: "Did Quickbasket ever refund me?" is settled by the refund's row)
_LIGHT = frozenset(tokenize("see get got make made take took go went come came give gave happen ever already actually really"))


def _single(question: str, evidence: list[Evidence]) -> tuple[str, list[int]] | None:
    qterms = content_terms(question) - _LIGHT
    if not qterms:
        return None
    values = set(_VALUE.findall(question))
    for i, ev in enumerate(evidence):
        if _covers(qterms, ev):
            if _HEDGE.search(ev.text) and not _HEDGE.search(question):
                continue  # it says "nearly" or "expected to": it does not settle the question
            negated = bool(_NEGATION.search(ev.text)) and not _NEGATION.search(question)
            return ("No" if negated else "Yes"), [i]
    for i, ev in enumerate(evidence):  # all but a number, and another number where it would be
        if values and _covers(qterms - values, ev) and not values & set(_VALUE.findall(ev.text)) and _VALUE.search(ev.text):
            return "No", [i]
    return None


def _side(name: str, predicate: set[str], evidence: list[Evidence]) -> tuple[bool, int] | None:
    """Whether the sentences about ``name`` say the predicate (True), say something else (False), or neither."""
    terms = content_terms(name)
    about = [i for i, ev in enumerate(evidence) if terms and terms <= content_terms(ev.text)]
    about += [i for i, ev in enumerate(evidence) if i not in about and terms and _covers(terms, ev)]
    for i in about:
        if predicate <= content_terms(evidence[i].text):
            return True, i
    for i in about:
        if _DEFINING.search(evidence[i].text):
            return False, i
    return None


def polar_answer(question: str, evidence: list[Evidence]) -> tuple[str, list[int]] | None:
    """("Yes" or "No", the evidence that says so), or None when the sentences do not settle it."""
    m = _BOTH.match(question)
    if m:
        predicate = content_terms(m.group("p"))
        x = _side(m.group("x"), predicate, evidence)
        y = _side(m.group("y"), predicate, evidence)
        if x is None or y is None or not predicate or x[1] == y[1]:
            return None
        return ("Yes" if x[0] and y[0] else "No"), [x[1], y[1]]
    return _single(question, evidence)
