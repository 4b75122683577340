"""Does the chosen sentence answer the question, or only talk about its topic? Signals of a missing relation.

SQuAD 2.0's unanswerable questions are written against a passage that names their entities; what the
passage lacks is the relation: a negation, an antonym, a swapped role, another number. These signals look
at the question's words one by one against the sentence that would be quoted: which of them it lacks,
how close in meaning (MiniLM's contextual token vectors) its nearest word is, whether the question's
numbers and negations are there, and whether the kind of thing asked for is in the sentence.
"""

from __future__ import annotations

import re

import numpy as np

from briefbot.index.lexical import STOPWORDS, tokenize

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NEGATION = re.compile(r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without|n't|cannot|fail(?:ed|s)?\s+to)\b|n't\b", re.IGNORECASE)
_NUM = re.compile(r"\b\d+(?:[,.]\d+)*")
# Question words that are seldom the relation asked about (kept out of the per-word alignment).
_QUESTION_WORDS = frozenset(["name", "named", "called", "type", "kind", "many", "much", "long", "year", "years", "time", "first", "one"])
_PAIRS = (
    ("first", "last"), ("largest", "smallest"), ("biggest", "smallest"), ("most", "least"), ("highest", "lowest"),
    ("longest", "shortest"), ("best", "worst"), ("earliest", "latest"), ("oldest", "newest"), ("oldest", "youngest"),
    ("begin", "end"), ("start", "end"), ("started", "ended"), ("began", "ended"), ("increase", "decrease"),
    ("increased", "decreased"), ("won", "lost"), ("win", "lose"), ("before", "after"), ("north", "south"),
    ("east", "west"), ("major", "minor"), ("maximum", "minimum"), ("more", "less"), ("higher", "lower"),
    ("larger", "smaller"), ("early", "late"), ("earlier", "later"), ("inside", "outside"), ("above", "below"),
    ("open", "closed"), ("opened", "closed"), ("accept", "reject"), ("accepted", "rejected"), ("allowed", "banned"),
    ("legal", "illegal"), ("public", "private"), ("rich", "poor"), ("strong", "weak"), ("common", "rare"),
    ("upper", "lower"), ("modern", "ancient"), ("success", "failure"), ("successful", "unsuccessful"),
    ("tallest", "shortest"), ("heaviest", "lightest"), ("fastest", "slowest"), ("hottest", "coldest"),
    ("warmest", "coldest"), ("deepest", "shallowest"), ("richest", "poorest"), ("northern", "southern"),
    ("eastern", "western"), ("majority", "minority"), ("inner", "outer"), ("rose", "fell"), ("rise", "fall"),
    ("gained", "lost"), ("import", "export"), ("imported", "exported"), ("imports", "exports"), ("bought", "sold"),
    ("buy", "sell"), ("lowest", "highest"), ("least", "most"), ("fewest", "most"), ("minimum", "maximum"),
)
ANTONYMS: dict[str, set[str]] = {}
for _a, _b in _PAIRS:
    ANTONYMS.setdefault(_a, set()).add(_b)
    ANTONYMS.setdefault(_b, set()).add(_a)


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


def lexical_signals(question: str, sentence: str, passage: str, topic: str = "") -> dict[str, float]:
    """Word-level checks of ``sentence`` (the one to be quoted) against ``question``: no model needed.

    ``topic`` (the document's name and headings) counts as said: "it" in a sentence is often the title's thing.
    """
    qwords = [w for w in content_words(question) if w not in _QUESTION_WORDS]
    swords = set(content_words(sentence))
    sstems = set(tokenize(sentence + " " + topic))
    pstems = set(tokenize(passage))
    qstems = [tokenize(w)[0] if tokenize(w) else w for w in qwords]
    missing_sentence = [w for w, s in zip(qwords, qstems) if s not in sstems]
    missing_passage = [w for w, s in zip(qwords, qstems) if s not in pstems]
    qnums = set(_NUM.findall(question))
    snums = set(_NUM.findall(sentence + " " + topic))  # ("release 4.2" asked, "## Release 4.2 status" above)
    qneg = bool(_NEGATION.search(question))
    sneg = bool(_NEGATION.search(sentence))
    antonym = any(w not in swords and ANTONYMS.get(w, set()) & swords for w in qwords)
    return {
        "sentence_missing": len(missing_sentence) / max(len(qwords), 1),
        "sentence_missing_n": float(len(missing_sentence)),
        "passage_missing_n": float(len(missing_passage)),
        "number_mismatch": float(bool(qnums - snums) and bool(snums - qnums)),
        "number_missing": float(bool(qnums - set(_NUM.findall(passage + " " + topic)))),  # "2025" of annual-report-2025
        "negation_mismatch": float(qneg and not sneg),
        "antonym": float(antonym),
    }


def topic_of(source: str, context: str | None) -> str:
    """A passage's document name and headings ("corpus/Skerry_Lighthouse.md", "Guide > Keepers") as words."""
    name = re.split(r"[/\\]", source)[-1].rsplit(".", 1)[0]
    return re.sub(r"[_-]+", " ", name) + " " + (context or "")


def _words_with_vectors(text: str, hidden: np.ndarray, offsets: list[tuple[int, int]]) -> tuple[list[str], np.ndarray]:
    words, rows = [], []
    for m in _WORD.finditer(text):
        toks = [t for t, (s, e) in enumerate(offsets) if m.start() <= s < e <= m.end()]
        if toks:
            words.append(m.group().lower())
            rows.append(hidden[toks].mean(axis=0))
    if not rows:
        return [], np.zeros((0, hidden.shape[1]), dtype=np.float32)
    vecs = np.array(rows, dtype=np.float32)
    vecs /= np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9, None)
    return words, vecs


def alignment_signals(question: str, sentence: str, embedder: object, topic: str = "") -> dict[str, float]:
    """Each question content word's best match in ``sentence``: 1 for the same stem (or a word of ``topic``),
    else the cosine of the nearest word's contextual vector. The worst word and the mean are the signals."""
    token_states = getattr(embedder, "token_states", None)  # MiniLM's; other embedders do without
    if token_states is None:
        return {}
    q, s = token_states([question, sentence])
    return _aligned(_words_with_vectors(question, *q), sentence, _words_with_vectors(sentence, *s)[1], topic)


def _aligned(question_words: tuple[list[str], np.ndarray], sentence: str, sv: np.ndarray, topic: str) -> dict[str, float]:
    qw, qv = question_words
    sstems = set(tokenize(sentence + " " + topic))
    scores = []
    for w, v in zip(qw, qv):
        if w in STOPWORDS or w in _QUESTION_WORDS or len(w) < 2:
            continue
        stem = tokenize(w)
        if stem and stem[0] in sstems:
            scores.append(1.0)
        elif len(sv):
            scores.append(float((sv @ v).max()))
    if not scores:
        return {"align_min": 1.0, "align_mean": 1.0, "align_low": 0.0}
    return {
        "align_min": min(scores),
        "align_mean": sum(scores) / len(scores),
        "align_low": float(sum(1 for s in scores if s < 0.6)),
    }


def sentence_signals(question: str, sentences: list[str], passage: str, embedder: object, topic: str = "") -> dict[str, float]:
    """The lexical and alignment signals of the quoted sentence that best matches the question word by word:
    an answer quoting three sentences answers if one of them says what was asked."""
    token_states = getattr(embedder, "token_states", None)  # MiniLM's; other embedders do without
    states = token_states([question, *sentences]) if token_states is not None else None
    question_words = _words_with_vectors(question, *states[0]) if states else None
    best: dict[str, float] = {}
    for n, sentence in enumerate(sentences):
        found = lexical_signals(question, sentence, passage, topic)
        if states and question_words:
            found.update(_aligned(question_words, sentence, _words_with_vectors(sentence, *states[n + 1])[1], topic))
        key = (found.get("align_mean", 0.0), -found["sentence_missing"])
        if not best or key > (best.get("align_mean", 0.0), -best["sentence_missing"]):
            best = found
    return best
