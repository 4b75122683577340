"""The second link of a chain: when the quoted sentence leads to another document that holds the answer.

"Where was the author of Killing Pablo born?" is answered in two steps: "Killing Pablo ... is a book by Mark
Bowden" [1], then, in the document about Mark Bowden, "Born in St. Louis, Missouri, he ..." [2]. The answerer's
best sentence is usually the first link (it holds most of the question's words); the question's words it lacks
("born") are what the second link must hold. So, after the first link, a sentence is quoted from another file
that is about a name the first link gives (the name opens the passage or is most of its file name or heading),
holding some of the question's words the first link lacks and the kind of thing asked for (a date for "when").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefbot.answer.extract.subject import title_words
from briefbot.index.lexical import STOPWORDS, tokenize

# Fitted by bench/fit_chain.py on half 0 (the multi-hop samples' even-numbered questions, SQuAD v1.1's even-numbered
# articles; README "A chain's second link"): the largest multi-hop gain in containment plus citation precision, among
# settings that cost SQuAD v1.1 at most .005 of citation precision (a second link after a right answer adds a citation
# without the answer).
MIN_RESIDUAL = 0.1  # the question's words the first link lacks: at least this idf-weighted share of them all
MIN_COVER = 0.2  # the second link holds at least this idf-weighted share of the words the first link lacks
OPENING_WORDS = 3  # a passage is about a name that it opens with (its title line) ...
# ... or that is most of its file name or last heading (Place.about).

_WORDCAP = r"[A-Z](?:\.(?:[A-Z]\.)*|[\w'’-]*)"  # a word, an initial, or letters with full stops ("U.S.")
_NAME = re.compile(rf"\b{_WORDCAP}(?:[ \t]+(?:(?:of|the|de|del|da|la|le|von|van|du)[ \t]+)?{_WORDCAP})*")


# A relation a question names with one word and a sentence says with another: "place of birth" / "born in",
# "death" / "died", "spouse" / "married", "father" / "son of". Stems (Snowball) of the sentence's word -> the
# question's words it stands for; the index keeps them apart ("born" is a common word of its own).
_SAYS = {"born": ("birth",), "die": ("death",), "death": ("die",), "marri": ("spous", "wife", "husband"),
         "son": ("father", "mother", "parent"), "daughter": ("father", "mother", "parent")}


def said(text: str) -> set[str]:
    """A sentence's stems, with the question words its relation words stand for (``_SAYS``)."""
    stems = set(tokenize(text))
    return stems.union(*(_SAYS[w] for w in stems & _SAYS.keys()))


@dataclass
class Link:
    index: int  # the candidate sentence quoted as the second link
    cover: float  # its idf-weighted share of the question's words the first link lacks


@dataclass
class Place:
    """Where a candidate passage is: its text, file and heading (what it is about)."""

    text: str
    source: str
    context: str | None = None

    def about(self, name: set[str], opening: int | None = None) -> bool:
        """Whether the passage opens with the name, or its file name or last heading is mostly the name
        ("ada-kerrigan.txt" is about Ada Kerrigan; "the-gap-between-US-exports-and-imports.txt" is not about the US)."""
        opening = OPENING_WORDS if opening is None else opening
        if opening and name <= set(tokenize(" ".join(self.text.split()[:opening]))):
            return True
        heading = (self.context or "").split(">")[-1]
        for label in (title_words(self.source), heading):
            words = set(tokenize(label))
            if words and name <= words and 2 * len(name) >= len(words):
                return True
        return False


def names(text: str) -> list[set[str]]:
    """The stems of each name in a text: capitalised runs, and lone capitalised words not opening a sentence."""
    out = []
    for m in _NAME.finditer(text):
        name = m.group()
        words = tokenize(name)
        if not words or all(len(w) == 1 for w in words):  # initials alone ("U.S.", "J.") name nothing to look up
            continue
        if len(name.split()) == 1:
            before = text[: m.start()].rstrip()
            if not before or before.endswith((".", "!", "?", ":", '"')) or name.lower() in STOPWORDS:
                continue
        out.append(set(words))
    return out


def missing(qset: set[str], first: str) -> set[str]:
    """The question's stems the first link does not hold: what the second link must."""
    return qset - said(first)


def bridges(first: str, qset: set[str]) -> list[set[str]]:
    """The names of the first link that may lead on (a lone word the question has is no bridge)."""
    return [n for n in names(first) if not n <= qset or len(n) > 1]


def _share(words: set[str], have: set[str], idf: dict[str, float]) -> float:
    total = sum(idf.get(w, 1.0) for w in words) or 1.0
    return sum(idf.get(w, 1.0) for w in words if w in have) / total


def second_link(
    qwords: list[str],
    idf: dict[str, float],
    first: str,
    home: int,
    sentences: list[tuple[int, str]],
    places: list[Place],
    offers: Callable[[int], bool],
) -> Link | None:
    """The sentence to quote after ``first`` (quoted from passage ``home``), or None when it answers alone.

    ``qwords`` are the question's stems, ``idf`` their weights; ``sentences`` the candidates (passage index, text
    read with the sentence it leans on); ``offers(i)`` whether candidate i offers the kind of thing asked for.
    """
    qset = set(qwords)
    rest = missing(qset, first)
    if not rest or _share(qset, rest, idf) < MIN_RESIDUAL:
        return None
    links = bridges(first, qset)
    if not links:
        return None
    linked = {
        j for j, p in enumerate(places) if j != home and p.source != places[home].source and any(p.about(n) for n in links)
    }
    best: Link | None = None
    for i, (j, text) in enumerate(sentences):
        if j not in linked:
            continue
        cover = _share(rest, said(text), idf)
        if cover >= MIN_COVER and (best is None or cover > best.cover) and offers(i):
            best = Link(i, cover)
    return best
