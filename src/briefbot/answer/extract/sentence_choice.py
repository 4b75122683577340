"""Which retrieved sentence answers: one linear score over every candidate sentence of every passage.

Choosing the passage first and then its best sentence loses questions whose answer sits in the second
passage, in a sentence that holds the question's words ("piranha are known to bite and injure humans")
while the first passage is closer in overall meaning. Each candidate is scored on what it says
(similarity, the question's rarer words and word pairs, the kind of thing asked for, words the question
lacks) next to what its passage says (the answerer's passage score, retrieval's preference) and what its
neighbours say (the question's words in the sentence before or after). Weights: a conditional logit
(which of a question's sentences holds the answer) fitted by bench/fit_answer.py on SQuAD v1.1 dev's
even-numbered articles; the README's Quality section reports both halves and the other sets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# Weights on the raw features below: `python bench/fit_answer.py --fit squad1-all` (L2 0.001 on standardised
# features) on the 5,460 questions of SQuAD v1.1 dev's even-numbered articles whose candidates include a sentence
# holding a gold answer and one not. First quoted sentence holds the answer: .771 -> .793 on that half, .809 -> .830
# on the odd-numbered articles (4,742 questions; `--accuracy squad1-all`).
WEIGHTS = {
    "passage_score": +3.8624,  # the answerer's passage score (extractive.PASSAGE_WEIGHTS) less the best passage's
    "home": +0.1681,  # 1 for the passage that score prefers
    "similarity": +3.2581,  # the sentence's cosine to the question
    "similarity_gap": -1.2643,  # ... less its passage's best sentence's
    "overlap": +1.8628,  # idf-weighted share of the question's words in the sentence (read with the one before
    # when it opens with "He"/"It"/...)
    "overlap_gap": +3.1031,  # ... less its passage's best sentence's
    "pairs": +0.6212,  # share of the question's adjacent word pairs in the sentence
    "type": +1.7233,  # the sentence offers the kind of thing asked for (who / when / where / how many), 0 for "what"
    "novel": +0.1224,  # share of the sentence's words the question lacks (an answer says something new)
    "neighbours": +0.3523,  # the question's words in the sentence before or after (same passage)
    "previous_overlap": -0.4059,  # ... in the sentence before (fitted below "neighbours": words it shares count less)
    "first": -0.2483,  # the passage's first sentence
    "context_similarity": +2.5017,  # cosine of the question to the sentence's vector summed with its neighbours'
    "length": +0.0784,  # log of the sentence's words
    "global_similarity_gap": +3.0347,  # cosine less the best sentence's over all passages
    "global_overlap_gap": +1.0315,  # overlap less the best over all passages
    "retrieval": +0.9163,  # retrieval's score, best passage = 1
}
FEATURES = tuple(WEIGHTS)


def feature_matrix(
    passage_of: Sequence[int],
    sims: np.ndarray,
    overlap: Sequence[float],
    pair_share: Sequence[float],
    type_fit: Sequence[float],
    novel: Sequence[float],
    lengths: Sequence[int],
    passage_scores: Sequence[float],
    retrieval: Sequence[float],
    context_sims: Sequence[float],
) -> np.ndarray:
    """One row of FEATURES per candidate sentence (candidates in passage order, then document order)."""
    n = len(passage_of)
    sim = np.asarray(sims, dtype=float)
    ov = np.asarray(overlap, dtype=float)
    pid = np.asarray(passage_of)
    best_sim = {j: sim[pid == j].max() for j in set(passage_of)}
    best_ov = {j: ov[pid == j].max() for j in set(passage_of)}
    top = max(passage_scores[j] for j in set(passage_of))
    home = max(set(passage_of), key=lambda j: (passage_scores[j], -j))
    neighbours, previous, first = np.zeros(n), np.zeros(n), np.zeros(n)
    for i in range(n):
        near = [ov[k] for k in (i - 1, i + 1) if 0 <= k < n and pid[k] == pid[i]]
        neighbours[i] = max(near, default=0.0)
        same = i > 0 and pid[i - 1] == pid[i]
        previous[i] = ov[i - 1] if same else 0.0
        first[i] = float(not same)
    cols = {
        "passage_score": [passage_scores[j] - top for j in passage_of],
        "home": [float(j == home) for j in passage_of],
        "similarity": sim,
        "similarity_gap": [sim[i] - best_sim[pid[i]] for i in range(n)],
        "overlap": ov,
        "overlap_gap": [ov[i] - best_ov[pid[i]] for i in range(n)],
        "pairs": pair_share,
        "type": type_fit,
        "novel": novel,
        "neighbours": neighbours,
        "previous_overlap": previous,
        "first": first,
        "context_similarity": context_sims,
        "length": [math.log1p(w) for w in lengths],
        "global_similarity_gap": sim - sim.max(),
        "global_overlap_gap": ov - ov.max(),
        "retrieval": [retrieval[j] for j in passage_of],
    }
    return np.column_stack([np.asarray(cols[f], dtype=float) for f in FEATURES])


def context_similarity(passage_of: Sequence[int], vectors: np.ndarray, question: np.ndarray) -> np.ndarray:
    """The question's cosine to each sentence read with its neighbours (their vectors summed, same passage)."""
    pid = np.asarray(passage_of)
    ctx = vectors.copy()
    same_prev = np.zeros(len(pid), dtype=bool)
    same_prev[1:] = pid[1:] == pid[:-1]
    ctx[1:][same_prev[1:]] += vectors[:-1][same_prev[1:]]
    ctx[:-1][same_prev[1:]] += vectors[1:][same_prev[1:]]
    ctx /= np.clip(np.linalg.norm(ctx, axis=1, keepdims=True), 1e-9, None)
    return ctx @ question


ASKED_BACK = 5.0  # taken off a sentence that is itself a question (set, not fitted): it answers nothing


def scores(features: np.ndarray, texts: Sequence[str] = ()) -> np.ndarray:
    """Each candidate's score: the highest is the sentence to quote. A sentence that asks ("Owen, the change went out
    when?", from a transcript) comes after every one that says something."""
    out = features @ np.array([WEIGHTS[f] for f in FEATURES])
    for i, text in enumerate(texts):
        if text.rstrip().rstrip("\"'”’)").endswith("?"):  # (not brief_units.is_question: "]" stays, so a Wikipedia
            # tag "[original research?]" closing a sentence makes no question of it)
            out[i] -= ASKED_BACK
    return out


def passage_probability(scores: np.ndarray, passage_of: Sequence[int], passage: int) -> float:
    """The conditional logit's probability that the answer sits in ``passage``: its sentences' share of exp(score)."""
    p = np.exp(scores - scores.max())
    return float(p[np.asarray(passage_of) == passage].sum() / p.sum())
