"""A passage read as the re-ranker reads it (each sentence's stemmed words), made once at ingest.

The re-ranker (answer/retrieve/rerank.py) asks of each passage which of its sentences hold each question word
and which word pairs it has. Reading a passage for that (sentence split, words, stems) cost ~0.1 ms,
and a search re-ranks 20 passages, most of them new to a fresh process. So ingest keeps each chunk's
reading in the local copy (index/passages.py) as one short string, a line of stems per sentence; a
search turns it back into a :class:`Reading` for a fifth of that, with the same result as reading
the text (tests/test_reading.py). The copy stores :data:`FORMAT` with its readings: readings made by
other tokenization code are not used (and are made again by the next sync).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from briefbot.index.words import tokenize_spans
from briefbot.text.sentences import sentence_spans

# Raise when what a reading holds changes; the stems of a sample text are part of the format too,
# so a change of tokenization or sentence splitting that alters them retires stored readings by itself.
VERSION = 1
_SAMPLE = (
    "The Time Warner profits rose 76% to $1.13bn (£600m). Didn't they? Mr. O'Neill said: \"No!\"\n"
    "Café owners' meetings, running and ran; 東京の会議は長い。 Über naïve résumés... e.g. 3.5 a_b. They sued."
)


@lru_cache(maxsize=1)
def format_tag() -> str:
    """The stored readings' format: :data:`VERSION` and a hash of the sample text's reading."""
    return f"{VERSION}-{hashlib.sha256(stored_form(_SAMPLE).encode('utf-8')).hexdigest()[:12]}"


class Reading:
    """Each sentence's stems, and all of them in order, each as one string padded with spaces (" a b c "):
    a word is in a sentence when " word " is in its line, and the passage has the word pair "a b" when
    " a b " is in ``joined`` (stems hold no whitespace). Those tests, on the few words of a question,
    cost less than a table of every word's sentences and a set of every word pair, made for passages
    most questions see once."""

    __slots__ = ("_where", "_words", "joined", "lines")

    def __init__(self, lines: list[str], joined: str) -> None:
        self.lines, self.joined = lines, joined
        self._where: dict[str, int] | None = None
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The passage's stems, made when first asked for (a passage comes back query after query)."""
        if self._words is None:
            self._words = frozenset(self.joined.split())
        return self._words

    @property
    def sentences(self) -> int:
        return len(self.lines)

    @property
    def where(self) -> dict[str, int]:
        """Every stem with the sentences it is in (a bit mask), made when first asked for."""
        if self._where is None:
            where: dict[str, int] = {}
            get = where.get
            bit = 1
            for line in self.lines:
                for w in line.split():
                    where[w] = get(w, 0) | bit
                bit <<= 1
            self._where = where
        return self._where


def stored_form(text: str) -> str:
    """What the copy stores of ``text``: its sentences' stems, a line each (stems hold no whitespace)."""
    return "\n".join(" ".join(words) for words in tokenize_spans(text, sentence_spans(text)))


def _of_lines(lines: list[list[str]]) -> Reading:
    return Reading([f" {' '.join(words)} " for words in lines], f" {' '.join(w for words in lines for w in words)} ")


def from_stored(stored: str) -> Reading:
    """The reading of a text from its :func:`stored_form`.

    (A text of no sentence and one of a sentence without words both store ""; they read alike: no word
    in any sentence.)"""
    if not stored:
        return Reading([], "  ")
    return Reading([f" {line} " for line in stored.split("\n")], f" {' '.join(stored.split())} ")


_STORED: dict[str, str] = {}  # text -> its stored form, handed over by the copy's reader until first asked for
_STORED_KEPT = 8192
_MEMO: dict[str, Reading] = {}  # text -> its reading: the same passages come back query after query
_MEMO_KEPT = 4096


def remember(text: str, stored: str) -> None:
    """Keep a text's stored reading (read with it from the copy) for :func:`of`, which decodes it when asked."""
    if len(_STORED) >= _STORED_KEPT:
        _STORED.clear()
    _STORED[text] = stored


def known(text: str) -> bool:
    """Whether :func:`of` holds, or was handed, the reading of ``text`` (no need to fetch a stored one)."""
    return text in _MEMO or text in _STORED


def of(text: str) -> Reading:
    """The reading of ``text``: remembered, or from its stored form when the copy handed one over, else read now."""
    got = _MEMO.get(text)
    if got is None:
        stored = _STORED.pop(text, None)
        got = from_stored(stored) if stored is not None else read(text)
        if len(_MEMO) >= _MEMO_KEPT:
            try:  # the oldest one out
                del _MEMO[next(iter(_MEMO))]
            except (StopIteration, RuntimeError, KeyError):  # (another thread's search changed it meanwhile)
                pass
        _MEMO[text] = got
    return got


def read(text: str) -> Reading:
    """The reading of ``text``, read now."""
    return _of_lines(tokenize_spans(text, sentence_spans(text)))


def forget() -> None:
    """Drop every remembered and handed-over reading."""
    _MEMO.clear()
    _STORED.clear()
