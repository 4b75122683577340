"""Yes/no questions about a decision: "Was the proposal to move the bus shelter approved?" read from minutes.

Minutes record a decision in their own words: an agenda item's heading ("8. Bus shelter, Station Brae"), what was
proposed ("RESOLVED that ...", "The motion to relocate the shelter ..."), and how the vote went ("The motion was
carried 7-2.", "... fell, 3 votes in favour and 6 against."). The question names the item in a reader's words and asks
with its own verb ("approved", "agree to"), so polar.py, which needs every word of the question in one sentence,
declines it. Here a sentence that records an outcome answers when the item it sits in (the sentences before it back to
the item's heading) holds most of what the question says of the item, every name included: "Yes" for carried,
approved, agreed, resolved; "No" for fell, defeated, rejected, "not carried". The outcome is quoted with the sentence
before it when the outcome itself does not say what was decided.
"""

from __future__ import annotations

import re

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.shape.polar import content_terms
from briefbot.index.lexical import tokenize
from briefbot.schema import Passage

_ASKS_DECISION = re.compile(
    r"^\s*(?:was|were|is|are|has|have|had|did|do|does)\b.*\b(?:approv\w*|pass(?:ed)?|carried|agree[ds]?|adopt\w*|"
    r"accept\w*|reject\w*|refused?|turned\s+down|vote[ds]?|endorse[ds]?|go\s+ahead|back(?:ed)?|support(?:ed)?)\b",
    re.IGNORECASE,
)
# An outcome recorded as a decision (a motion, a vote, a resolution), not any "agreed" ("The insurer had agreed ...").
_RECORDED = re.compile(r"\b(?:motion|proposal|resolution|recommendation|vote[ds]?|unanimously|in\s+favour|in\s+favor|"
                       r"\d+\s+against|RESOLVED|[Rr]esolved)\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\b")  # ("played against": none)
# The question asks whether it was turned down: a "carried" answers "No".
_ASKS_AGAINST = re.compile(r"\b(?:reject\w*|refused?|turned\s+down|defeated|fell|voted\s+(?:down|against))\b", re.IGNORECASE)
# What a resolution may decide against its item: a "RESOLVED" to object is no "Yes" to "Was it approved?".
_OPPOSING = re.compile(r"\b(?:object\w*|oppos\w*|refus\w*|reject\w*|defer\w*|withdr\w*|declin\w*)\b", re.IGNORECASE)
_YES = re.compile(r"\b(?:(?i:carried|approved|agreed|adopted|passed|accepted|endorsed)|RESOLVED|[Rr]esolved\s+(?:that|to))\b")
_NO = re.compile(
    r"\b(?:fell|defeated|rejected|lost|refused|withdrawn|(?:not|n't)\s+(?:be\s+)?(?:carried|approved|agreed|adopted|"
    r"passed|accepted))\b", re.IGNORECASE  # ("**Not carried.**", "**Carried.**": _YES's words in any case too)
)
# An agenda item's heading in the text: "8. Bus shelter, Station Brae", "## 8. Bus shelter".
_ITEM = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?\d{1,2}[.)][ \t]+[A-Z][^\n]{0,80}$", re.MULTILINE)
# Words of the question that ask about the decision, not about what was decided.
_ASKING = frozenset(tokenize(
    "approve approved pass passed carry carried agree agreed adopt adopted accept accepted reject rejected refuse "
    "refused turn turned down vote voted endorse endorsed go ahead back backed support supported decide decided "
    "committee council board members meeting cabinet panel trustees directors shareholders councillors town"
))
_SAME = [frozenset(tokenize(words)) for words in (
    "proposal proposed motion resolution recommendation", "move moving relocate relocation relocating",
)]
ITEM_SHARE = 0.6  # of what the question says of the item, the share its sentences must hold
WINDOW = 4  # sentences before the outcome read as its item when its heading is not in the passage


def _terms(text: str) -> set[str]:
    terms = content_terms(text)
    for group in _SAME:
        if terms & group:
            terms |= group
    return terms


def _names(question: str) -> set[str]:
    words = re.findall(r"\b[A-Z][\w'-]+", question)[1:]  # not the question's first word
    return {t for w in words for t in tokenize(w)} - _ASKING


def decision_answer(question: str, cands: list[Candidate], passages: list[Passage]) -> tuple[str, list[int]] | None:
    """("Yes" or "No", the candidates to quote) when a recorded outcome settles the question, else None."""
    if not _ASKS_DECISION.match(question):
        return None
    asked = content_terms(question) - _ASKING
    names = _names(question)
    if len(asked) < 2:
        return None
    for i, c in enumerate(cands):
        no, yes = _NO.search(c.text), _YES.search(c.text)
        if not (no or yes) or not (_RECORDED.search(c.text) or c.previous and _RECORDED.search(c.previous[0])):
            continue  # (an outcome of its own, "**Not carried.**", is recorded by the vote line before it)
        text = passages[c.passage].chunk.text
        heads = [m.start() for m in _ITEM.finditer(text, 0, c.position)]
        before = [j for j, d in enumerate(cands) if d.passage == c.passage and d.position < c.position]
        # The item: back to its heading in the passage, else the WINDOW sentences before and the passage's section.
        start = heads[-1] if heads else min([cands[j].position for j in before[-WINDOW:]] + [c.position])
        heading = "" if heads else passages[c.passage].chunk.context or ""  # the item began before the passage
        item = _terms(text[start : c.position + len(c.text)] + " " + heading)
        if len(asked & item) < ITEM_SHARE * len(asked) or not names <= item:
            continue
        which = [i]
        if before and not (content_terms(c.text) & asked - _SAME[0]):  # "The motion was carried 7-2.": with what was
            # resolved, the nearest of the three sentences before it that says so ("Motion: That ...", then the vote line)
            said = [j for j in before[-3:] if cands[j].position >= start and content_terms(cands[j].text) & asked - _SAME[0]]
            which = sorted({said[-1] if said else before[-1], before[-1], i})
        decided = " ".join(cands[j].text for j in which)
        if yes and not no and _OPPOSING.search(decided) and not _OPPOSING.search(question):
            continue  # "RESOLVED that the Town Council objects to the application": not "Was it approved?"
        return ("No" if bool(no) != bool(_ASKS_AGAINST.search(question)) else "Yes"), which
    return None
