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
        if ends:
            found = {joined[joined.rfind("\0", 0, e) + 1 : e] for e in ends}
            mend = {w: m for w in found if (m := self._mended(w))}
            if mend:  # seldom
                stems = [mend.get(w, s) for w, s in zip(words, stems)]
        return _family_stems(stems)

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance, kept for the process (_stemmer)
    def _mended(self, word: str) -> str | None:
        """The bare form's stem for an inflected -ue word whose stem lost the "e" ("sued" -> "sue"), else None."""
        stem = self._stem([word])[0]
        return stem + "e" if stem[-1:] == "u" and self._stem([stem + "e"])[0] == stem + "e" else None


_INFLECTED_UE = re.compile(r"u(?:ed|ing|es)\0")

# Snowball leaves two kinds of family apart, and news and reports use both all the time ("How much did crop
# production rise?" against "Ethiopia produced 14.27 million tonnes ..., 24% higher"; "profits rose"):
# - a noun in -tion/-sion whose verb ends otherwise: production / produce ("product" / "produc"), consumption /
#   consume, description / describe, conclusion / conclude, decision / decide. The noun's stem ending is
#   rewritten to the verb's; every word of the family meets ("product", "products" -> "produc").
# - irregular past forms (rose, fell, grew, sold, bought, paid, ...): their stems become the verb's. Forms that are
#   also common other words are left alone (left, found, saw, won, shot, fed, thought, born).
_NOUN_ENDINGS = (("duct", "duc"), ("umpt", "um"), ("script", "scrib"), ("clus", "clud"), ("cis", "cid"))
_IRREGULAR = {
    "arose": "arise", "arisen": "arise", "ate": "eat", "eaten": "eat", "became": "become", "began": "begin",
    "begun": "begin", "bought": "buy", "brought": "bring", "broke": "break", "broken": "break", "built": "build",
    "came": "come", "caught": "catch", "chose": "choose", "chosen": "choose", "dealt": "deal", "drew": "draw",
    "drawn": "draw", "drove": "drive", "driven": "drive", "fell": "fall", "fallen": "fall", "felt": "feel",
    "flew": "fly", "flown": "fly", "forgot": "forget", "forgotten": "forget", "fought": "fight", "froze": "freeze",
    "frozen": "freeze", "gave": "give", "given": "give", "grew": "grow", "grown": "grow", "held": "hold",
    "hid": "hide", "hidden": "hide", "kept": "keep", "knew": "know", "known": "know", "led": "lead",
    "lost": "lose", "made": "make", "meant": "mean", "met": "meet", "overcame": "overcome", "paid": "pay",
    "ran": "run", "rode": "ride", "ridden": "ride", "rose": "rise", "risen": "rise", "sank": "sink",
    "sunk": "sink", "sang": "sing", "sung": "sing", "sat": "sit", "sent": "send", "shook": "shake",
    "shaken": "shake", "sold": "sell", "sought": "seek", "spent": "spend", "spoke": "speak", "spoken": "speak",
    "stole": "steal", "stolen": "steal", "stood": "stand", "struck": "strike", "swam": "swim", "swore": "swear",
    "sworn": "swear", "taught": "teach", "took": "take", "taken": "take", "threw": "throw", "thrown": "throw",
    "told": "tell", "undertook": "undertake", "undertaken": "undertake", "withdrew": "withdraw",
    "withdrawn": "withdraw", "woke": "wake", "wore": "wear", "worn": "wear", "wrote": "write", "written": "write",
}


@lru_cache(maxsize=1)
def _family_table() -> dict[str, str]:
    """Irregular forms' stems -> their verb's stem (both as Snowball makes them)."""
    stem = _stemmer()._stem
    forms = list(_IRREGULAR)
    return dict(zip(stem(forms), stem([_IRREGULAR[f] for f in forms])))


@lru_cache(maxsize=1)
def _irregular_stems() -> frozenset[str]:
    return frozenset(_family_table())


@lru_cache(maxsize=4096)
def _family_stem(stem: str) -> str:
    table = _family_table()
    if stem in table:
        return table[stem]
    for end, verb in _NOUN_ENDINGS:
        if stem.endswith(end):
            return stem[: -len(end)] + verb
    return stem


def _family_stems(stems: list[str]) -> list[str]:
    """Stems with the families above joined. Found by a set and a few substring searches (C speed: a regular
    expression over the stems cost twice as much), then replaced in one pass."""
    mend = {w: _family_stem(w) for w in _irregular_stems().intersection(stems)}
    joined = "\0" + "\0".join(stems) + "\0"
    for end, _ in _NOUN_ENDINGS:
        key = end + "\0"
        at = joined.find(key)
        while at >= 0:
            stem = joined[joined.rfind("\0", 0, at) + 1 : at + len(end)]
            mend[stem] = _family_stem(stem)
            at = joined.find(key, at + len(key))
    return [mend.get(s, s) for s in stems] if mend else stems


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
