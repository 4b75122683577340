"""ROUGE-1/2/L F1, stemmed: one implementation for every row of bench/briefs.py (no extra dependency).

Tokens as in Google's rouge-score: lower-cased, every run of letters and digits a token; stemmed with
the Snowball English (Porter2) stemmer that briefbot's BM25 already uses (PyStemmer), tokens of more
than three characters only. ROUGE-L is the longest common subsequence over the whole text (rougeL).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokens(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower())
    stem = _stemmer().stemWord
    return [stem(w) if len(w) > 3 else w for w in words]


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if overlap == 0 or candidate == 0 or reference == 0:
        return 0.0
    p, r = overlap / candidate, overlap / reference
    return 2 * p * r / (p + r)


def _ngrams(seq: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(seq[i : i + n]) for i in range(len(seq) - n + 1))


def _lcs(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """{"rouge1", "rouge2", "rougeL"}: F1 of the candidate against one reference."""
    c, r = tokens(candidate), tokens(reference)
    out = {}
    for n in (1, 2):
        cn, rn = _ngrams(c, n), _ngrams(r, n)
        out[f"rouge{n}"] = _f1(sum((cn & rn).values()), sum(cn.values()), sum(rn.values()))
    out["rougeL"] = _f1(_lcs(c, r), len(c), len(r))
    return out


if __name__ == "__main__":  # a check against values computed by hand
    s = rouge("the cats sat on the mat", "the cat sat on a mat")
    assert abs(s["rouge1"] - 5 / 6) < 1e-9 and abs(s["rouge2"] - 0.6) < 1e-9, s
    print(s)
