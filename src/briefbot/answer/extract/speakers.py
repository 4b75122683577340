"""Who said it: the speaker of a transcript's turn, and the speakers a question names.

"What did Grad F say about the proposal?" asks for Grad F's turns about the proposal. Read as plain words, the
question's "Grad F" matches every sentence that mentions a grad student and none of Grad F's own turns (their label is
not part of what was said), so a topic brief quoted "So first I wanna ask the Industrial Designer to tell what he did"
for "What did Industrial Designer say about the structure of the device?". Here the label is read as who spoke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefbot.index.words import tokenize
from briefbot.text.sentences import STAMP

# "Project Manager: ", "Huw Irranca-Davies AM: ", "PhD A: " opening a line (the turn's first sentence)
LABEL = re.compile(rf"^{STAMP}([A-Z][\w.'-]*(?: [A-Z0-9][\w.'-]*){{0,3}}):\s")  # each word capitalised: not "The plan was: ..."
# Words of a label that are no part of a name: titles and post-nominals ("Hon. Bill Morneau", "Kirsty Williams AM")
_TITLES = frozenset(
    ["am", "ms", "mp", "mla", "mep", "msp", "td", "hon", "right", "mr", "mrs", "miss", "dr", "prof", "sir", "dame",
     "lord", "lady", "the"]
)
_WORD = re.compile(r"[\w'-]+")


def label_of(sentence: str) -> str | None:
    """The speaker's label when a sentence opens a turn ("Grad F: I think ..." -> "Grad F")."""
    m = LABEL.match(sentence)
    return m.group(1) if m else None


def _name_words(label: str) -> list[str]:
    return [w for w in label.split() if w.lower().strip(".") not in _TITLES]


def named(question: str, labels: Iterable[str]) -> set[str]:
    """The labels a question names as who spoke.

    A label is named when the question has all its words, titles aside ("Kirsty Williams" for "Kirsty Williams AM";
    compared by stem, so "Industrial Design" names "Industrial Designer"; a one-word label such as "Marketing" only
    when capitalised, not the topic "marketing"); a person's surname written capitalised ("Bains" for "Hon. Navdeep
    Bains"); or, for labels of a role and a letter ("Grad F", "Professor C"), the letter alone ("What did C think?")
    or the role alone when one speaker has it ("What did the professor think?").
    """
    words = _WORD.findall(question)
    capitalised = {w.lower() for w in words[1:] if w[:1].isupper()}
    letters = {w for w in words[1:] if len(w) == 1 and w.isupper()}
    stems = set(tokenize(question))
    lowered = {w.lower() for w in words}
    labels = sorted(set(labels))
    roles: dict[str, list[str]] = {}
    for label in labels:
        parts = _name_words(label)
        if len(parts) == 2 and len(parts[1]) == 1 and parts[1].isupper():
            roles.setdefault(parts[0].lower(), []).append(label)
    out: set[str] = set()
    for label in labels:
        parts = _name_words(label)
        if not parts:
            continue
        own = set(tokenize(" ".join(parts)))
        if len(parts) == 1 and len(parts[0]) > 1:
            if parts[0].lower() in capitalised:
                out.add(label)
        elif own and own <= stems and not (len(parts) == 2 and len(parts[1]) == 1):
            out.add(label)
        elif len(parts) == 2 and len(parts[1]) == 1 and parts[1].isupper():  # "Grad F"
            if parts[1] in letters or (parts[0].lower() in lowered and len(roles.get(parts[0].lower(), [])) == 1):
                out.add(label)
        elif len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2 and parts[-1].lower() in capitalised:
            out.add(label)  # a surname
    return out


def label_terms(labels: Iterable[str]) -> set[str]:
    """The stems of the labels' words: who spoke, not what the question is about."""
    return {t for label in labels for t in tokenize(" ".join(_name_words(label)))}


def unnamed(question: str, labels: Iterable[str]) -> str:
    """The question without the named speakers' words ("What did Grad F say about X?" -> "What did say about X?")."""
    drop = label_terms(labels)
    letters = {p for label in labels for p in _name_words(label) if len(p) == 1}
    kept = [w for w in question.split() if w.strip("?.,!:;") not in letters and not set(tokenize(w)) & drop]
    return " ".join(kept)
