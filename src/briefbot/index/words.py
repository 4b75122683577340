"""Words as BM25 and the re-ranker see them: lower-cased, stopwords dropped, Snowball-stemmed.

Split from lexical.py (the BM25 index itself). Most passages are plain ASCII: their words are cut by
one ``str.translate`` and ``split`` instead of a regular expression (the same words, 3x faster);
the re-ranker reads every new passage this way at query time.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import lru_cache

_WORD = re.compile(r"[^\W_]++", re.UNICODE)  # possessive: the same words, found a quarter faster
# For ASCII text: every character but a letter or digit becomes a space, then split() finds the same
# runs as _WORD (in ASCII, \w is exactly letters, digits and "_").
_ASCII_LETTERS_DIGITS = str.maketrans({c: " " for c in map(chr, range(128)) if c not in string.ascii_letters + string.digits})
_ASCII_WORD_CHARS = str.maketrans({c: " " for c in map(chr, range(128)) if c not in string.ascii_letters + string.digits + "_"})
# Stopwords are dropped from documents and queries alike; a stemmer folds "meetings" into "meeting".
STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "you", "i", "me", "my", "our", "your", "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "do", "does", "did", "done", "has", "have", "had", "having", "not", "no", "so", "than", "then", "there", "here", "about", "into", "over", "under", "after", "before", "between", "during", "up", "down", "out", "off", "again", "further", "once", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very", "can", "will", "just", "should", "would", "could", "may", "might", "must", "shall", "also"]
)


class _Snowball:
    """Snowball's English stems, with one of its slips mended: a short verb in -ue keeps its "e" bare but
    loses it inflected ("sue" -> "sue", "sued", "suing" -> "su"; "queue" / "queued"), so "Who did X sue?"
    missed "X sued ...". An inflected -ue word whose bare form stems to itself gets that stem; longer
    families already meet ("issue", "issued" -> "issu") and names ("Su", "Xu") are left alone."""

    def __init__(self) -> None:
        import Stemmer  # PyStemmer: Snowball stemmers, offline

        self._stem = Stemmer.Stemmer("english").stemWords

    def stemWords(self, words: Sequence[str]) -> list[str]:
        stems = self._stem(words)
        joined = "\0".join(words) + "\0"
        ends = [m.end() - 1 for m in _INFLECTED_UE.finditer(joined)]  # "continued", "values", "sued": one C scan
        if not ends:
            return stems
        found = {joined[joined.rfind("\0", 0, e) + 1 : e] for e in ends}
        mend = {w: m for w in found if (m := self._mended(w))}
        return [mend.get(w, s) for w, s in zip(words, stems)] if mend else stems  # the last: seldom

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance, kept for the process (_stemmer)
    def _mended(self, word: str) -> str | None:
        """The bare form's stem for an inflected -ue word whose stem lost the "e" ("sued" -> "sue"), else None."""
        stem = self._stem([word])[0]
        return stem + "e" if stem[-1:] == "u" and self._stem([stem + "e"])[0] == stem + "e" else None


_INFLECTED_UE = re.compile(r"u(?:ed|ing|es)\0")


@lru_cache(maxsize=1)
def _stemmer() -> _Snowball:
    return _Snowball()


# Chinese and Japanese are written without spaces between words: their characters are indexed in
# overlapping pairs ("長城是" -> "長城", "城是"), which finds two-character words without a dictionary.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a run of CJK characters (a lone character stands for itself)."""
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def tokenize(text: str) -> list[str]:
    """Lower-cased, stopword-free, stemmed word tokens; the same function for documents and queries."""
    if len(text) <= _SHORT:  # a search tokenizes its query four times (BM25, its top, the re-ranker, the hop check)
        return list(_tokenize_short(text))
    return _tokenize(text)


_SHORT = 300  # characters: a query, a title, a name (documents are longer and seldom tokenized twice)


@lru_cache(maxsize=4096)
def _tokenize_short(text: str) -> tuple[str, ...]:
    return tuple(_tokenize(text))


def _tokenize(text: str) -> list[str]:
    words = [w for w in words_of(text.lower()) if w not in STOPWORDS]
    if not words:
        return []
    if not _CJK.search(text):
        return _stemmer().stemWords(words)
    out: list[str] = []
    for w in words:
        pos = 0
        for m in _CJK.finditer(w):
            if m.start() > pos:
                out.extend(_stemmer().stemWords([w[pos : m.start()]]))
            out.extend(cjk_bigrams(m.group()))
            pos = m.end()
        if pos < len(w):
            out.extend(_stemmer().stemWords([w[pos:]]))
    return out


def tokenize_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """``tokenize`` of each span of ``text`` (its sentences, say), with one stemmer call for all."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing moved offsets (a few rare letters): span by span
        return [tokenize(text[s:e]) for s, e in spans]
    if lowered.isascii():
        mapped = lowered.translate(_ASCII_LETTERS_DIGITS)
        per = [[w for w in mapped[s:e].split() if w not in STOPWORDS] for s, e in spans]
    else:
        per = [[w for w in _WORD.findall(lowered, s, e) if w not in STOPWORDS] for s, e in spans]
    # A dict lookup per word is cheaper than the stemmer's own call per word (safe across threads:
    # this call's stems are its own dict, the shared one is only read and added to).
    got = {w: _STEMS.get(w) for words in per for w in words}
    new = [w for w, st in got.items() if st is None]
    if new:
        fresh = dict(zip(new, _stemmer().stemWords(new)))
        got.update(fresh)
        if len(_STEMS) > _STEMS_KEPT:
            _STEMS.clear()
        _STEMS.update(fresh)
    return [[got[w] for w in words] for words in per]  # type: ignore[misc]


_STEMS: dict[str, str] = {}  # word -> stem, for tokenize_spans (the re-ranker reads passages with it per query)
_STEMS_KEPT = 200_000


def words_of(lowered: str) -> list[str]:
    """The runs of letters and digits of lower-cased text (what ``[^\\W_]+`` finds)."""
    return lowered.translate(_ASCII_LETTERS_DIGITS).split() if lowered.isascii() else _WORD.findall(lowered)


_W = re.compile(r"\w++", re.UNICODE)


def word_chars_of(lowered: str) -> list[str]:
    """The runs of word characters of lower-cased text, "_" included (what ``\\w+`` finds)."""
    return lowered.translate(_ASCII_WORD_CHARS).split() if lowered.isascii() else _W.findall(lowered)
