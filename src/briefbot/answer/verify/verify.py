"""Support checking: does a sentence say only what the passages it cites say?

Offline and fast. A sentence is unsupported when a number, a date (month or weekday) or a name in it
is missing from its cited passages, when it gives a listed person another's role (attribution.py), or when its stemmed content words and its meaning (MiniLM cosine
with the closest sentence of those passages) together score below a threshold. The weight and the
threshold are fitted in bench/verify.py on SQuAD pairs (even-indexed articles) and reported on the
other half; the name, number and date rules are measured there too.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from briefbot.answer.shape.quotes import signatures, table_rows
from briefbot.answer.verify.attribution import misattributed
from briefbot.index.embedding import Embedder, remembered
from briefbot.index.lexical import STOPWORDS, tokenize
from briefbot.text.sentences import sentence_spans

# Fitted by bench/verify.py (fit half: even article index of SQuAD v1.1 dev); see README-verify.md.
# score = (1 - SIMILARITY_WEIGHT) * share of the sentence's content words found in the cited passages
#       + SIMILARITY_WEIGHT * cosine with the closest sentence of those passages
SIMILARITY_WEIGHT = 0.5
THRESHOLD = 0.65  # a sentence scoring below this is unsupported
VECTOR_CACHE = 20_000  # sentence vectors remembered across questions

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MARKER = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")
# Words about the documents themselves ("according to the passages"): they claim nothing.
META_WORDS = frozenset(
    tokenize(
        "passage passages document documents source sources text texts according based provided "
        "context given cited citation citations mention mentioned mentions state states stated say says"
    )
)
TITLES = frozenset(["mr", "ms", "mrs", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "st"])
MONTHS = {
    m: m
    for m in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
}
MONTHS.update({m[:3]: m for m in list(MONTHS) if m != "may"})
MONTHS["sept"] = "september"
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "_", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
    if w != "_"  # "one" is left out: mostly a pronoun ("one of the ...")
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
NUMBER_WORDS.update({"hundred": 100, "thousand": 1000, "dozen": 12})
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:st|nd|rd|th|s)?\b(?:\s*(thousand|million|billion|trillion|bn)\b)?"
    r"|\b(" + "|".join(NUMBER_WORDS) + r")\b(?:\s*(thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_NAME = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


@dataclass(frozen=True)
class Verdict:
    """Whether a sentence is supported by what it cites, and why not."""

    supported: bool
    reason: str  # "quoted", "supported", "number 1994 not in [1]", "low similarity 0.31 ..."
    similarity: float | None = None
    coverage: float | None = None


@dataclass(frozen=True)
class Features:
    """What the decision looks at; bench/verify.py fits the weights on these."""

    quoted: bool
    coverage: float  # share of content words found
    similarity: float  # best cosine with one sentence of the cited passages
    missing_words: tuple[str, ...]
    missing_numbers: tuple[str, ...]
    missing_dates: tuple[str, ...]
    missing_names: tuple[str, ...]
    misattributed: str = ""  # "'chief' is said of XUE Feng" (attribution.py)


def strip_markers(text: str) -> str:
    return re.sub(r"[ \t]+([.,;:!?])", r"\1", _MARKER.sub("", text)).strip()


def _fold(text: str) -> str:
    """Lower case without accents, so "Maiziere" is found where a passage writes "Maizière"."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _flat(text: str) -> str:
    return " ".join(_WORD.findall(_fold(text)))


def _number_value(digits: str | None, word: str | None, scale: str | None) -> str:
    value = float(digits.replace(",", "")) if digits else float(NUMBER_WORDS[word.lower()])  # type: ignore[union-attr]
    if scale:
        value *= SCALES[scale.lower()]
    return str(int(value)) if value.is_integer() else f"{value:g}"


def numbers(text: str) -> dict[str, str]:
    """Numbers as values ("1,000", "1000" and "a thousand" alike; "6th" is 6), each with how it was written."""
    out: dict[str, str] = {}
    for m in _NUMBER.finditer(text):
        digits, dscale, word, wscale = m.groups()
        out.setdefault(_number_value(digits, word, dscale or wscale), m.group(0).strip())
    return out


def _number_values(text: str) -> set[str]:
    vals = set(numbers(text))
    for m in _NUMBER.finditer(text):  # the bare figure of a scaled number too ("2.5" of "2.5 million")
        if m.group(1):
            vals.add(_number_value(m.group(1), None, None))
    return vals


def dates(text: str) -> set[str]:
    """Months (full or abbreviated) and weekdays, normalised; days and years are numbers."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in MONTHS and (w != "may" or re.search(r"\bMay\b", text)):
            out.add(MONTHS[w])
        elif w in WEEKDAYS:
            out.add(w)
    return out


def names(text: str) -> list[str]:
    """Capitalised words that are not sentence-initial common words, titles, months or stopwords."""
    out: list[str] = []
    for i, m in enumerate(_NAME.finditer(text)):
        before = text[: m.start()].rstrip()
        opens = i == 0 or before.endswith((":", ";", "(", '"', "“", "–", "—"))  # starts a clause
        word = m.group(0).rstrip(".'’-")
        if not word or not word[0].isupper():
            continue
        for part in re.split(r"['’-]", word):
            part = part.rstrip(".")
            low = part.lower()
            if not part or not part[0].isupper() or low in ("s", "t") or low in STOPWORDS or low in TITLES:
                continue
            if low in MONTHS or low in WEEKDAYS or low in NUMBER_WORDS:
                continue
            if opens and not any(c.isupper() for c in part[1:]):
                continue  # the first word is capitalised anyway
            out.append(part)
    return out


class _PassageIndex:
    """One cited-passage set, read once: words, stems, numbers, dates."""

    def __init__(self, texts: Sequence[str]) -> None:
        joined = "\n".join(texts)
        self.flat = _flat(joined)
        # a table's row as answers quote it: its cells with their columns ("People supported; 2024/25: 3,214")
        self.rows = {_flat(row) for text in texts if "|" in text for _, _, row in table_rows(text)}
        self.rows |= {_flat(signed) for text in texts for _, _, signed in signatures(text)}  # "Margaret Osei, Chair ..."
        self.words = set(self.flat.split())
        self.stems = set(tokenize(_fold(joined)))
        self.numbers = _number_values(joined)
        self.dates = dates(joined)
        self.initials = {w[0] for w in self.words}


# Names written several ways for one country or body: "US" where the passage says "American", "British" for
# "UK". A sentence's name (one word, folded) is found when the passages have any form of its group.
_VARIANT_GROUPS = (
    ("us", "u s", "usa", "u s a", "america", "american", "americans", "united states"),
    ("uk", "u k", "britain", "british", "united kingdom"),
    ("eu", "e u", "european union"),
    ("un", "u n", "united nations"),
    ("ussr", "soviet", "soviets", "soviet union"),
)
_VARIANTS = {form: group for group in _VARIANT_GROUPS for form in group}


def _name_found(name: str, p: _PassageIndex) -> bool:
    """Case aside, as a word of the passages ("U.S." as "u s"), an initial of one, by its stem ("Americans"),
    or as another form of the same country or body (_VARIANT_GROUPS)."""
    words = _WORD.findall(_fold(name))
    if len(words) == 1 and len(words[0]) == 1:  # an initial: "J. Smith"
        return words[0] in p.initials
    if all(w in p.words for w in words):
        return True
    group = _VARIANTS.get(" ".join(words))
    if group and any(f" {form} " in f" {p.flat} " for form in group):
        return True
    stems = tokenize(_fold(name))
    return bool(stems) and all(s in p.stems for s in stems)


@functools.lru_cache(maxsize=64)
def _passage_index(passages: tuple[str, ...]) -> _PassageIndex:
    """An answer's sentences cite the same few passages: read each set once."""
    return _PassageIndex(passages)


def features(sentence: str, passages: Sequence[str], similarity: float) -> Features:
    """Everything but the similarity, which needs the embedder (see Verifier)."""
    sentence = strip_markers(sentence)
    p = _passage_index(tuple(passages))
    flat = _flat(sentence)
    quoted = len(flat) >= 3 and (flat in p.flat or flat in p.rows)
    words = [
        w for w in dict.fromkeys(tokenize(_fold(sentence)))
        if len(w) > 1 and w not in META_WORDS and not any(c.isdigit() for c in w)
    ]
    missing = tuple(w for w in words if w not in p.stems)
    coverage = 1.0 - len(missing) / len(words) if words else 1.0
    miss_num = tuple(written for value, written in numbers(sentence).items() if value not in p.numbers)
    miss_date = tuple(sorted(d for d in dates(sentence) if d not in p.dates))
    miss_name = tuple(dict.fromkeys(n for n in names(sentence) if not _name_found(n, p)))
    other = None if quoted else misattributed(sentence, passages)
    said = f"'{other.word}' is said of {other.said_of}, not of {other.named}," if other else ""
    return Features(quoted, coverage, similarity, missing, miss_num, miss_date, miss_name, said)


def decide(f: Features, cites: str, weight: float = SIMILARITY_WEIGHT, threshold: float = THRESHOLD) -> Verdict:
    """The rule: quoted sentences hold; then numbers, dates, names; then the fitted score."""
    if f.quoted:
        return Verdict(True, "quoted", f.similarity, f.coverage)
    if f.missing_numbers:
        return Verdict(False, f"number {f.missing_numbers[0]} not in {cites}", f.similarity, f.coverage)
    if f.missing_dates:
        return Verdict(False, f"date {f.missing_dates[0].capitalize()} not in {cites}", f.similarity, f.coverage)
    if f.missing_names:
        return Verdict(False, f"name {f.missing_names[0]} not in {cites}", f.similarity, f.coverage)
    if f.misattributed:
        return Verdict(False, f"{f.misattributed} in {cites}", f.similarity, f.coverage)
    score = (1.0 - weight) * f.coverage + weight * f.similarity
    if score < threshold:
        return Verdict(
            False,
            f"low similarity {f.similarity:.2f}, {f.coverage:.0%} of its words in {cites}",
            f.similarity,
            f.coverage,
        )
    return Verdict(True, "supported", f.similarity, f.coverage)


def cite_label(cited: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in cited)


class Verifier:
    """Checks sentences against passages; keeps sentence vectors, as answers meet the same passages again."""

    def __init__(self, embedder: Embedder | None, weight: float = SIMILARITY_WEIGHT, threshold: float = THRESHOLD) -> None:
        self.embedder = embedder
        self.weight = weight
        self.threshold = threshold
        self._vectors: dict[str, np.ndarray] = {}

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        assert self.embedder is not None
        return remembered(self.embedder, self._vectors, texts, VECTOR_CACHE)

    def similarity(self, sentence: str, passages: Sequence[str]) -> float:
        """Cosine between the sentence and the closest sentence of the passages (0 without an embedder)."""
        if self.embedder is None:
            return 0.0
        sents = [t[s:e] for t in passages for s, e in sentence_spans(t)]
        if not sents:
            return 0.0
        vecs = self.vectors([strip_markers(sentence), *sents])
        return float(np.max(vecs[1:] @ vecs[0]))

    def features(self, sentence: str, passages: Sequence[str], complete: bool = False) -> Features:
        """The features; the similarity only where it can change the verdict, unless ``complete`` (fitting)."""
        f = features(sentence, passages, 0.0)
        if complete or self.needs_similarity(f):
            return replace(f, similarity=self.similarity(sentence, passages))
        return f

    def needs_similarity(self, f: Features) -> bool:
        """Whether the embedding can change the verdict: not for a verbatim quote, a missing number, date
        or name (each decides alone), or word coverage too low for even a perfect similarity to pass."""
        if f.quoted or f.missing_numbers or f.missing_dates or f.missing_names or f.misattributed:
            return False
        return (1.0 - self.weight) * f.coverage + self.weight * 1.0 >= self.threshold

    def prepare(self, claims: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Embed, in one batch, every sentence whose verdict needs the similarity and the sentences of the
        passages it cites (one model call instead of one per sentence); :meth:`check` finds them cached."""
        if self.embedder is None:
            return
        texts: list[str] = []
        for sentence, passages in claims:
            if passages and self.needs_similarity(features(sentence, passages, 0.0)):
                texts.append(strip_markers(sentence))
                texts += [t[a:b] for t in passages for a, b in sentence_spans(t)]
        if texts:
            self.vectors(texts)

    def check(self, sentence: str, passages: Sequence[str], cited: Sequence[int] = ()) -> Verdict:
        """Is ``sentence`` supported by ``passages`` (the texts it cites, numbered ``cited`` in reasons)?"""
        if not passages:
            return Verdict(False, "cites no passage")
        label = cite_label(cited) or "its passages"
        return decide(self.features(sentence, passages), label, self.weight, self.threshold)
