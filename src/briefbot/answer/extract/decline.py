"""When the extractive answerer should decline: does the chosen sentence answer the question, or only share its topic?

SQuAD 2.0's unanswerable questions come with a passage on their topic that names their entities: similarity
alone cannot tell them apart. What gives some away is a name or number the passage never mentions, or, in the
quoted sentence, a negation, a different number, an opposite word, a question word with no close counterpart
(answer/extract/alignment.py). ``score`` weighs these signals in a logistic model fitted by bench/fit_decline.py.
"""

from __future__ import annotations

import math
import re

from briefbot.index.lexical import STOPWORDS, tokenize

_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'-]*|\b\d[\d,.]*\b")

# A logistic model of "the chosen sentence answers the question", fitted by bench/fit_decline.py on SQuAD 2.0
# dev's even-numbered articles and reported on the odd-numbered ones (README, Declining). ``score`` is its
# probability with the bias shifted so that MIN_SCORE (settings.min_score's default) is the threshold that
# answers ANSWER_FLOOR of half 0's answerable questions. Some weights look backwards alone (more of the question's
# words missing from the passage raises it): they correct the others (relevance counts the same words) and held
# on the held-out half.
NEUTRAL = {"align_min": 1.0, "align_mean": 1.0}  # when the embedder has no token vectors (not MiniLM)
MIN_SCORE = 0.45  # settings.min_score's default
ANSWER_FLOOR = 0.94  # share of half 0's answerable questions still answered at MIN_SCORE
WEIGHTS = {  # on raw signal values (Selection.signals)
    "relevance": +4.9860,  # mean of the best sentence's cosine and its share of the question's rarer words
    "missing_names": -1.0000,  # share of the question's names and numbers absent from the passage
    "missing_terms": +1.5710,  # idf-weighted share of the question's words absent from the passage
    "type": +0.3480,  # the best sentence offers the kind of thing asked for (who/when/where/how many)
    "sentence_margin": -0.2374,  # best sentence's relevance less the passage's second best
    "passage_margin": -0.2585,  # the chosen passage's lead over the next one (answerer's passage score)
    "sentence_missing": +0.8156,  # share of the question's content words the quoted sentence lacks (alignment.py;
    # this and the next six are of the quoted sentence that matches the question best, word by word)
    "number_mismatch": -0.4460,  # a number of the question is not in the sentence, which has another
    "number_missing": -1.0000,  # a number of the question is nowhere in the passage
    "negation_mismatch": -2.6984,  # the question says not/never/no, the sentence does not
    "antonym": -2.3230,  # a question word the sentence lacks, whose opposite it has (largest / smallest)
    "align_min": +1.1373,  # the question word matched worst in the sentence (MiniLM token vectors; 1 = same stem)
    "align_mean": +0.9875,  # the mean match of the question's words
    "align_low": +0.1335,  # how many question words match under 0.6
    "scatter": -0.0211,  # the passage has more of the question's rarer words than its best sentence
    "short": +0.0525,  # a short answer of the kind asked for is found in the quoted sentences (shaping.py)
}
BIAS = -4.6362
FEATURES = tuple(WEIGHTS)
# Set rather than fitted (bench/fit_decline.py keeps them): on SQuAD 2.0 a name or number the passage lacks
# says little once the rest is known (its unanswerable questions reuse the passage's names), but a question
# about another thing than the documents hold is this (corpus/'s unanswerable questions; "the Fastnet
# Lighthouse" asked of a file about another one). At these values the held-out half loses nothing.
FIXED = {"missing_names": -1.0000, "number_missing": -1.0000}


def question_names(question: str) -> list[str]:
    """Capitalised words (not the first) and numbers in the question: the things it is about."""
    out = []
    for m in _NAME.finditer(question.strip()):
        word = m.group().rstrip(".,")
        if word.lower() not in STOPWORDS and tokenize(word):
            out.append(word)
    return list(dict.fromkeys(out))


def missing_names(question: str, passage: str) -> float:
    """Share of the question's names and numbers that the passage does not contain (0 when it names none)."""
    names = question_names(question)
    if not names:
        return 0.0
    have = set(tokenize(passage))
    return sum(1 for n in names if not set(tokenize(n)) <= have) / len(names)


def missing_terms(qwords: list[str], passage_terms: set[str], idf: dict[str, float]) -> float:
    total = sum(idf[w] for w in set(qwords)) or 1.0
    return sum(idf[w] for w in set(qwords) if w not in passage_terms) / total


def value(signals: dict[str, float], name: str) -> float:
    return float(signals.get(name, NEUTRAL.get(name, 0.0)))


def score(signals: dict[str, float]) -> float:
    """The confidence compared with ``min_score``: how likely the chosen sentence answers (0..1)."""
    z = BIAS + sum(w * value(signals, k) for k, w in WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
