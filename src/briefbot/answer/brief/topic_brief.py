"""A brief about a topic (`brief --about`): only the sentences really about it, the most relevant first, or a decline.

Relevance is measured as `ask` measures an answer's (half meaning, half the topic's rarer words), against a floor of
its own fitted on QMSum (bench/fit_topic.py).
"""

from __future__ import annotations

import math
import re

import numpy as np

from briefbot.answer.brief.brief_units import Unit, blocks_of, units_of, without_speaker
from briefbot.answer.brief.file_brief import FILLER, NAME, BriefPlan, arrange, compose, prose_vectors, select
from briefbot.answer.extract import speakers
from briefbot.answer.shape.definitions import long_forms, spelled_out
from briefbot.index.embedding import Embedder
from briefbot.index.lexical import tokenize
from briefbot.schema import Draft, Passage

NO_TOPIC = "The documents say nothing about this topic."
# A topic brief measures relevance as `ask` does (half meaning, half the topic's rarer words) but has its own
# floor, TOPIC_FLOOR x ask's min_score (0.32 at the default 0.45): a brief weighs sentences one by one, and
# spoken ones sit far from a written topic. Fitted on half A of the QMSum meetings (bench/fit_topic.py: their
# queries on their own meeting should be briefed, on another domain's meeting declined; half B held out).
# Below the floor everywhere it declines; it quotes sentences reaching KEEP_RATIO of the floor.
TOPIC_FLOOR = 0.71
KEEP_RATIO = 0.8
# A topic that names who spoke ("What did Grad F say about ...?", answer/extract/speakers.py): their turns score this much more
# relevance, and the label's words are no topic words (nor part of the topic's vector). None: the speaker is read as
# words. 0.2 is half A's best of 0.1 / 0.2 / 0.3 / 0.5 on the QMSum queries (bench/briefs.py; README, Briefs).
SPEAKER_BONUS: float | None = 0.2
TOPIC_NOISE = frozenset(
    [
        "summarize", "summarise", "summary", "discuss", "discussed", "discussion", "talk", "talked", "what",
        "did", "does", "do", "group", "meeting", "whole", "decide", "decided", "think", "thought", "opinion",
        "why", "how", "when", "who", "which", "about",
    ]
)


def topic_terms(about: str) -> list[str]:
    """The topic's own words, without the asking ("What did the group decide about ...")."""
    kept = " ".join(w for w in re.findall(r"[\w'-]+", about) if w.lower() not in TOPIC_NOISE)
    return tokenize(kept) or tokenize(about)


def relevance(units: list[Unit], vecs: np.ndarray, about: str, embedder: Embedder) -> np.ndarray:
    """Per unit: half cosine to the topic, half the share of the topic's rarer words (read with its antecedent),
    plus SPEAKER_BONUS for the turns of a speaker the topic names."""
    who = speakers.named(about, {u.speaker for u in units if u.speaker}) if SPEAKER_BONUS is not None else set()
    qvec = embedder.embed([speakers.unnamed(about, who) if who else about])[0]
    qwords = set(topic_terms(about))
    if who:  # "What did Grad F say about X?": X is the topic, Grad F who said it
        qwords = (qwords - speakers.label_terms(who)) or qwords
    # An acronym the material defines stands for its long form ("USFA" for "United States Fire Administration").
    forms = long_forms([u.text for u in units])
    unit_terms = [set(spelled_out(tokenize(without_speaker(u.text)), forms)) for u in units]
    n = len(units)
    idf = {w: math.log(1 + n / (1 + sum(1 for t in unit_terms if w in t))) for w in qwords}
    total = sum(idf.values()) or 1.0
    out = np.full(n, -np.inf, dtype=np.float32)
    for i, u in enumerate(units):
        if not u.prose:
            continue
        have = unit_terms[i] | (unit_terms[u.prev] if u.leans and u.prev is not None else set())
        overlap = sum(idf[w] for w in qwords if w in have) / total
        out[i] = 0.5 * float(vecs[i] @ qvec) + 0.5 * overlap
        if u.speaker in who:
            out[i] += SPEAKER_BONUS or 0.0
    return out


def brief_topic(passages: list[Passage], embedder: Embedder, words: int, about: str, min_score: float) -> BriefPlan:
    """Only what is really about the topic; declines (with the nearest passages) when nothing is."""
    units = units_of(passages)
    vecs = prose_vectors(embedder, units, said=False)
    rel = relevance(units, vecs, about, embedder)
    floor = TOPIC_FLOOR * min_score
    if not units or float(rel.max(initial=-np.inf)) < floor:
        return BriefPlan(Draft(NO_TOPIC, answered=False, model=NAME), passages)
    keep = [i for i, u in enumerate(units) if u.prose and rel[i] >= KEEP_RATIO * floor]
    # Ranked by relevance (less hesitations), so the brief leads with what is most about the topic (on half A of the
    # QMSum queries adding 0.3/0.6/1.0 x centrality among the kept sentences scored ROUGE-1 .221/.221/.218 against .225).
    score = np.full(len(units), -np.inf, dtype=np.float32)
    for i in keep:
        score[i] = float(rel[i]) - FILLER * units[i].filler
    for i, u in enumerate(units):  # an antecedent that is off the topic itself may still be brought along
        if u.leans and i in keep and u.prev is not None and score[u.prev] == -np.inf:
            score[u.prev] = score[i]
    blocks = [b for b in blocks_of(units) if b[-1] in set(keep)]
    chosen = select(units, vecs, score, words, blocks=blocks)
    if not chosen:
        return BriefPlan(Draft(NO_TOPIC, answered=False, model=NAME), passages)
    text = compose(units, arrange(units, chosen))
    cited = sorted({units[u].passage for u in chosen})
    kept_passages = sorted({units[i].passage for i in keep})
    return BriefPlan(
        Draft(text, answered=True, model=NAME), passages, material=[passages[i] for i in kept_passages or cited]
    )

