"""Answers shaped by the question: the shortest phrase that answers, inside the quoted sentence.

A "when" question is answered by the date in the sentence, "how many" by its number, "who" by the
name nearest the question's own words, "what does IIOE stand for" by the words before "(IIOE)",
"what is X's role" by the item after X in a list of people and titles. The phrase is always a
verbatim piece of a quoted sentence; the sentence is still shown, so a reader sees the context.
Yes/no questions are answered "Yes" or "No" only when the quoted sentences say so (see polar.py).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from briefbot.index.lexical import STOPWORDS, tokenize

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+\d{{3,4}}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{3,4}}|{_MONTH}\s+{_DAY}\b|"
    rf"{_MONTH},?\s+\d{{3,4}}|(?:(?:early|mid|late)[\s-]+)?\d{{1,2}}(?:st|nd|rd|th)[\s-]+century|"
    r"(?:spring|summer|autumn|fall|winter)\s+of\s+\d{4}|\d{3,4}s|\d{4}(?:\s*(?:BC|AD|BCE|CE))?)\b"
)
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|trillion|dozen|half)"
)
_NUMBER = re.compile(
    rf"(?:[$£€]\s?)?\b\d[\d,.]*(?:\s*(?:%|percent|per cent))?(?:\s+(?:million|billion|trillion|thousand|hundred))?"
    rf"|\b{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*\b",
    re.IGNORECASE,
)
_CONNECT = r"(?:of|de|da|di|del|der|van|von|du|la|le|bin|ibn|al)"
_NAME = re.compile(rf"\b[A-Z][\w'’-]*(?:\s+(?:{_CONNECT}\s+)?[A-Z][\w'’.-]*)*(?<![.])")
_TITLE_WORD = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\b\.?\s*")
_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\b")
_WHERE_PREP = re.compile(r"\b(?:in|at|on|near|from|to|into|across|outside|inside|off|of)\s+(?:the\s+)?$", re.IGNORECASE)
_ROLE_Q = re.compile(r"\b(?:role|title|position|job|post|occupation|profession|rank)\b|^\s*who\s+(?:is|was)\s+[A-Z]", re.IGNORECASE)
_STANDS = re.compile(
    r"\bstands?\s+for\b|\bfull\s+(?:name|form)\b|\bshort\s+for\b|\babbreviat|\bacronym\b|\bexpansion\b", re.IGNORECASE
)
_ITEM_END = re.compile(
    r",?\s+(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame)\b\.?|,\s+and\s+|;|\s+(?:participated|attended|took part|joined|met|were|was|is|are)\b"
)
_PLACE_PHRASE = re.compile(
    r"\b(?:in|at|on|near|inside|outside|under|beside|behind|off|beneath|above)\s+((?:the|a|an|its|their)\s+[\w'’ -]+?)"
    r"(?=\s*[,.;:!?()]|\s+(?:for|when|with|and|after|before|by|since|which|who|that|where|until|while|to|from)\b|\s*$)"
)
_UNIT_QUESTION = re.compile(r"\bhow\s+(?:long|old|far|much|big|large|tall|high|deep|often)\b", re.IGNORECASE)
_COMMON_START = frozenset("the a an in on at by for after before during while when this that these those its his her their it".split())


def _words(text: str) -> set[str]:
    return set(tokenize(text))


def _similar(a: str, b: str) -> bool:
    """Two spellings of one name ("Mohammed", "Muhammad"): close enough letter by letter."""
    a, b = a.lower(), b.lower()
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.75)


def _anchors(sentence: str, question_terms: set[str]) -> list[int]:
    """Character offsets of the sentence's words that the question also has."""
    return [m.start() for m in re.finditer(r"[^\W_]+", sentence) if set(tokenize(m.group())) & question_terms]


def _nearest(cands: list[tuple[int, int]], anchors: list[int], bonus: dict[int, float] | None = None) -> tuple[int, int] | None:
    """The candidate span closest to the question's words in the sentence (ties: the earlier one)."""
    if not cands:
        return None
    if not anchors:
        return cands[0]

    def distance(span: tuple[int, int]) -> float:
        d = min(abs(a - span[0]) if a < span[0] else abs(a - span[1]) for a in anchors)
        return d - (bonus or {}).get(span[0], 0.0)

    return min(cands, key=distance)


def _new(sentence: str, spans: list[tuple[int, int]], question_terms: set[str]) -> list[tuple[int, int]]:
    """Spans that say something the question does not (an answer is not the question's own words)."""
    out = []
    for s, e in spans:
        words = _words(sentence[s:e])
        if words and not words <= question_terms:
            out.append((s, e))
        elif not words and sentence[s:e].strip():  # a bare number such as "3"
            if sentence[s:e].strip().lower() not in question_terms:
                out.append((s, e))
    return out


def _names(sentence: str) -> list[tuple[int, int]]:
    out = []
    for m in _NAME.finditer(sentence):
        s, e = m.start(), m.end()
        first = sentence[s:e].split()[0].lower()
        if first in _COMMON_START and len(sentence[s:e].split()) > 1 and s == len(sentence) - len(sentence.lstrip()):
            s += len(sentence[s:e].split()[0]) + 1  # "The Panthers" at the start: "Panthers"
        if _TITLE_WORD.fullmatch(sentence[s:e] + " ") or sentence[s:e].lower() in _COMMON_START:
            continue
        out.append((s, e))
    return out


def expand_acronym(text: str, acronym: str) -> str | None:
    """The long form written before "(ACRO)" in ``text``: the capitalised words whose initials spell it."""
    m = re.search(rf"\(\s*{re.escape(acronym)}\s*\)", text)
    if not m:
        return None
    letters = [c.lower() for c in acronym if c.isupper()] or [c.lower() for c in acronym]
    words = list(re.finditer(r"[^\s(),]+", text[: m.start()]))
    need = len(letters)
    start = None
    for w in reversed(words):
        word = w.group()
        if word.lower() in {"of", "for", "and", "the", "on", "in", "de", "&", "to"}:
            continue
        if need and word[0].lower() == letters[need - 1]:
            need -= 1
            start = w.start()
            if need == 0:
                break
        else:
            return None
    return text[start : m.start()].strip() if need == 0 and start is not None else None


def _acronym_answer(question: str, sentences: list[str]) -> str | None:
    """For "what does IIOE stand for": the long form; for "what is the acronym of X": the short one."""
    if not _STANDS.search(question):
        return None
    for acro in _ACRONYM.findall(question):
        for sentence in sentences:
            long = expand_acronym(sentence, acro)
            if long:
                return long
    qterms = _words(question)
    for sentence in sentences:  # the question names the long form, the answer is the acronym after it
        for m in re.finditer(r"\(\s*([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\s*\)", sentence):
            long = expand_acronym(sentence, m.group(1))
            if long and _words(long) <= qterms:
                return m.group(1)
    return None


def _role_answer(question: str, sentences: list[str]) -> str | None:
    """For "what is X's title?": the words after X's name up to the next person in a list of people and roles."""
    if not _ROLE_Q.search(question):
        return None
    qnames = [w for w in re.findall(r"[^\W\d_][\w'’-]*", question) if w[0].isupper() and w.lower() not in STOPWORDS]
    qnames = [w for w in qnames[1:] if w.lower() not in {"what", "who", "which"}] if qnames and qnames[0].lower() in {"what", "who", "which"} else qnames
    if not qnames:
        return None
    for sentence in sentences:
        words = list(re.finditer(r"[^\W\d_][\w'’-]*", sentence))
        hits = [w for w in words if any(_similar(w.group(), q) for q in qnames)]
        if not hits:
            continue
        # The name's last word that the question has, then its appositive: ", Role, Role," until the next person.
        last = max(hits, key=lambda w: w.end()) if len(hits) <= len(qnames) else hits[len(qnames) - 1]
        rest = sentence[last.end() :]
        if not rest.lstrip().startswith(","):
            continue
        body = rest.lstrip()[1:]
        cut = _ITEM_END.search(body)
        role = body[: cut.start()] if cut else body
        role = role.strip().rstrip(".,;: ")
        if role and len(role.split()) <= 25:
            return role
    return None


def short_answer(question: str, sentences: list[str], kind: str) -> str | None:
    """The shortest verbatim phrase of ``sentences`` (best first) that answers ``question``, or None.

    ``kind`` is the question's type (extractive.question_type: who, when, where, number, other).
    """
    for special in (_acronym_answer, _role_answer):
        found = special(question, sentences)
        if found:
            return found
    qterms = _words(question)
    q = question.lower()
    for sentence in sentences:
        anchors = _anchors(sentence, qterms)
        span: tuple[int, int] | None = None
        if kind == "when":
            span = _nearest(_new(sentence, [m.span() for m in _DATE.finditer(sentence)], qterms), anchors)
        elif kind == "number":
            spans = [m.span() for m in _NUMBER.finditer(sentence)]
            if "how many" in q:  # a count is seldom a year
                spans = [s for s in spans if not re.fullmatch(r"1\d{3}|20\d{2}", sentence[s[0] : s[1]])] or spans
            span = _nearest(_new(sentence, spans, qterms), anchors)
            if span and _UNIT_QUESTION.search(question):
                unit = re.match(r"\s+([a-z]+)", sentence[span[1] :])
                if unit and unit.group(1) not in STOPWORDS:
                    span = (span[0], span[1] + unit.end())
        elif kind in ("who", "where"):
            names = _new(sentence, _names(sentence), qterms)
            bonus = {}
            if kind == "where":
                bonus = {s: 40.0 for s, _ in names if _WHERE_PREP.search(sentence[max(0, s - 12) : s])}
            span = _nearest(names, anchors, bonus)
            if span is None and kind == "where":  # "in the engine room": a place without a name
                span = _nearest(_new(sentence, [m.span(1) for m in _PLACE_PHRASE.finditer(sentence)], qterms), anchors)
        if span is not None:
            text = sentence[span[0] : span[1]].strip(" ,;:")
            if text and len(text) < len(sentence.strip()):
                return text
    return None
