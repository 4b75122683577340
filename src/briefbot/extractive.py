"""The built-in generator: quotes the retrieved sentences that best answer, verbatim, with citations.

It needs no LLM. Sentences are scored by similarity to the question (same embedder as retrieval)
plus overlap with the question's rarer words; below a threshold it declines rather than guesses.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .embedding import Embedder
from .schema import Draft, Passage
from .sentences import sentence_spans

NAME = "extractive"
DECLINE = "The documents do not answer this question."
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    this that these those it its he she they them his her their we you i me my our your who whom
    whose what which when where why how do does did done has have had having not no so than then
    there here about into over under after before between during up down out off again further
    once all any both each few more most other some such only own same too very can will just
    should would could may might must shall also""".split()
)


@dataclass
class Selection:
    text: str  # chosen sentences, each followed by its [n] marker
    confidence: float  # best question-sentence similarity; the answer is declined below min_score


@dataclass
class Candidate:
    text: str
    passage: int  # 0-based index into the passages list
    position: int  # character offset in the passage, to keep document order


TITLES = frozenset("mr ms mrs miss dr prof sir dame lord lady president minister director chief".split())
_PERSON = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame|Lord|Lady|President|Minister|Director|Chief)\.?\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
)
_PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][\w'-]+(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'-]+)+")
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|billion|dozen)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[0-9]{3}|20[0-9]{2})\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|century|decade)\b",
    re.IGNORECASE,
)


def question_type(question: str) -> str:
    """The kind of thing the question asks for, from its wh-word: who, when, where, number, or other."""
    q = question.lower()
    if re.search(r"\bhow (many|much|long|old|far|big|large|often)\b|\bwhat (percentage|number|amount)\b", q):
        return "number"
    for kind in ("who", "whom", "whose", "when", "where"):
        if re.search(rf"\b{kind}\b", q):
            return {"whom": "who", "whose": "who"}.get(kind, kind)
    if re.search(r"\bwhat (year|date|day|month|time)\b", q):
        return "when"
    return "other"


def type_match(kind: str, sentence: str, question_words: set[str]) -> float:
    """How well a sentence offers the kind of answer asked for, counting only things the question lacks."""

    def new(mentions: list[str]) -> list[str]:
        out = []
        for m in mentions:
            words = set(content_words(m)) - TITLES
            if words and not words <= question_words:
                out.append(m)
        return out

    if kind == "who":
        persons = new(_PERSON.findall(sentence))
        others = [m for m in new(_PROPER.findall(sentence)) if not any(m in p or p in m for p in persons)]
        return min(1.0, (len(persons) + 0.5 * len(others)) / 3)
    if kind == "when":
        return min(1.0, float(len(new(_DATE.findall(sentence)))))
    if kind == "where":
        return min(1.0, float(len(new(_PROPER.findall(sentence)))))
    if kind == "number":
        return min(1.0, float(len(new(_NUMBER.findall(sentence)))))
    return 0.0


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def _candidates(passages: list[Passage]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for i, p in enumerate(passages):
        text = p.chunk.text
        for s, e in sentence_spans(text):
            sentence = text[s:e]
            key = " ".join(_WORD.findall(sentence.lower()))
            if len(key) < 3 or key in seen:
                continue  # repeated sentences (copied paragraphs, chunk overlap) are quoted once
            seen.add(key)
            out.append(Candidate(sentence, i, s))
    return out


def _overlap(question_words: list[str], sentence: str, idf: dict[str, float]) -> float:
    words = set(content_words(sentence))
    total = sum(idf[w] for w in set(question_words)) or 1.0
    return sum(idf[w] for w in set(question_words) if w in words) / total


class ExtractiveGenerator:
    name = NAME

    def __init__(self, embedder: Embedder, min_score: float = 0.3, max_sentences: int = 3, max_words: int = 160) -> None:
        self.embedder = embedder
        self.min_score = min_score
        self.max_sentences = max_sentences
        self.max_words = max_words

    def answer(self, question: str, passages: list[Passage]) -> Draft:
        sel = self.select(question, passages)
        if sel is None or sel.confidence < self.min_score:
            return Draft(DECLINE, answered=False, model=NAME)
        return Draft(sel.text, answered=True, model=NAME)

    def select(self, question: str, passages: list[Passage]) -> Selection | None:
        """The best sentences with [n] markers, and how confident the choice is (before abstaining)."""
        cands = _candidates(passages)
        if not cands:
            return None
        vecs = self.embedder.embed([question] + [c.text for c in cands])
        sims = vecs[1:] @ vecs[0]
        qwords = content_words(question)
        # Rarer question words count for more: idf over the candidate sentences.
        n = len(cands)
        df = {w: sum(1 for c in cands if w in set(content_words(c.text))) for w in set(qwords)}
        idf = {w: math.log(1 + n / (1 + df[w])) for w in df}
        kind = question_type(question)
        qset = set(qwords)
        scores = np.array(
            [
                0.5 * float(sims[i])
                + 0.2 * _overlap(qwords, c.text, idf)
                + (0.3 * type_match(kind, c.text, qset) if kind != "other" else 0.1 * float(sims[i]))
                - 0.01 * c.passage
                for i, c in enumerate(cands)
            ]
        )
        best = int(np.argmax(scores))
        order = [int(i) for i in np.argsort(-scores)]
        chosen: list[int] = []
        words = 0
        for i in order:
            if scores[i] < scores[best] - 0.12 or len(chosen) >= self.max_sentences:
                break
            w = len(cands[i].text.split())
            if chosen and words + w > self.max_words:
                continue
            chosen.append(i)
            words += w
        chosen.sort(key=lambda i: (cands[i].passage, cands[i].position))
        text = " ".join(f"{cands[i].text} [{cands[i].passage + 1}]" for i in chosen)
        return Selection(text=text, confidence=float(sims.max()))

    def brief(self, passages: list[Passage], words: int, vectors: np.ndarray | None = None) -> Draft:
        """Central, non-redundant sentences in document order, up to ``words`` words."""
        cands = _candidates(passages)
        if not cands:
            return Draft("There is nothing indexed to summarise.", answered=False, model=NAME)
        vecs = self.embedder.embed([c.text for c in cands])
        centroid = vecs.mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        central = vecs @ centroid
        chosen: list[int] = []
        used = 0
        remaining = set(range(len(cands)))
        while remaining:
            def mmr(i: int) -> float:
                redundancy = max((float(vecs[i] @ vecs[j]) for j in chosen), default=0.0)
                return 0.7 * float(central[i]) - 0.3 * redundancy

            i = max(remaining, key=mmr)
            remaining.discard(i)
            w = len(cands[i].text.split())
            if used + w > words:
                continue  # too long for what is left: a shorter sentence may still fit
            chosen.append(i)
            used += w
            if used >= words - 8:
                break
        if not chosen:
            return Draft("There is nothing short enough to summarise.", answered=False, model=NAME)
        chosen.sort(key=lambda i: (passages[cands[i].passage].chunk.source, passages[cands[i].passage].chunk.start_char + cands[i].position))
        text = " ".join(f"{cands[i].text} [{cands[i].passage + 1}]" for i in chosen)
        return Draft(text, answered=True, model=NAME)
