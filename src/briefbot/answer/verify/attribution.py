"""Roles said of someone else: a sentence that gives one listed person another person's role.

Meeting notes and press releases list people with their titles in one long sentence ("Prof. JIN Li, Chair
Professor and Acting Dean ..., Mr. XUE Feng, chief of IIOE ..."). A model asked "Who is the chief of the
IIOE?" answered "The chief of the IIOE is Prof. JIN Li [1]": every word is in the cited passage and the
meaning is close, so word coverage and similarity pass it. The passage gives "chief" to others only. A
sentence naming exactly one listed person is unsupported when one of its words occurs in the cited
passages only inside the roles of other listed people, never in that person's own role or anywhere else.
Only real lists count (two or more people with roles in one sentence), so a lone "Mr Brown, who ..." is
not read as a role.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefbot.answer.shape.roles import Item, list_items
from briefbot.index.lexical import tokenize
from briefbot.text.sentences import sentence_spans

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NOT_A_ROLE = re.compile(r"(?:who|which|whose|that|not|for|as|but|and|or|in|on|at|to|with|said|says)\b")


@dataclass(frozen=True)
class Misattribution:
    word: str  # the sentence's word, as written in the other person's role
    said_of: str  # the listed person whose role has it
    named: str  # the listed person the sentence names


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


@functools.lru_cache(maxsize=64)
def _listed(passages: tuple[str, ...]) -> tuple[Item, ...]:
    """The people the passages list with roles, two or more in one sentence."""
    out: list[Item] = []
    for text in passages:
        for a, b in sentence_spans(text):
            items = [i for i in list_items(text[a:b]) if i.role and not _NOT_A_ROLE.match(i.role)]
            if len(items) >= 2:
                out += items
    return tuple(out)


def misattributed(sentence: str, passages: Sequence[str]) -> Misattribution | None:
    """The first word the sentence says of its one listed person that the passages say only of others."""
    items = _listed(tuple(passages))
    if not items:
        return None
    said = _words(sentence)
    named = {i.name.lower(): i for i in items if _words(i.name) and _words(i.name) <= said}
    if len(named) != 1:
        return None
    person = next(iter(named.values()))
    key = person.name.lower()
    roles = {id(i): set(tokenize(i.role)) for i in items}  # (each role's stems, read once)
    own = {s for i in items if i.name.lower() == key for s in roles[id(i)]} | set(tokenize(person.name))
    others = [i for i in items if i.name.lower() != key]
    outside = "\n".join(passages)
    for item in others:
        outside = outside.replace(item.role, " ")
    elsewhere = set(tokenize(outside))
    stems = list(dict.fromkeys(tokenize(sentence)))
    for stem in stems:
        if len(stem) < 2 or stem in own or stem in elsewhere:
            continue
        holders = [i for i in others if stem in roles[id(i)]]
        if holders:  # name the one whose role the sentence echoes most ("chief of IIOE": XUE Feng, not BI Xiaohan)
            item = max(holders, key=lambda i: len(roles[id(i)] & set(stems)))
            word = next((w for w in _WORD.findall(item.role) if tokenize(w) == [stem]), stem)
            return Misattribution(word, item.name, person.name)
    return None
