"""Whether a sentence offers the kind of thing a question asks for: a person for "who", a date for "when", a place for
"where", a number for "how many", counting only what the question does not already say (a feature of the sentence
choice and of the decline model, and the test a chain's second link must pass)."""

from __future__ import annotations

import re

from briefbot.index.lexical import STOPWORDS
from briefbot.text.numbered import clause_number_end

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

TITLES = frozenset(["mr", "ms", "mrs", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "minister", "director", "chief"])
_PERSON = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame|Lord|Lady|President|Minister|Director|Chief)\.?\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
)
_PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][\w'-]+(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'-]+)+")
# (a ratio or a clock time, "randomised 1:1", "at 10:30", is no count)
_NUMBER = re.compile(r"(?<![\d:])\b\d[\d,.]*\b(?!:\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|billion|dozen)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[0-9]{3}|20[0-9]{2})\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|century|decade)\b",
    re.IGNORECASE,
)


def type_match(kind: str, sentence: str, question_words: set[str]) -> float:
    """How well a sentence offers the kind of answer asked for, counting only things the question lacks (not the
    number of the clause it opens with)."""
    sentence = sentence[clause_number_end(sentence) :]

    def new(mentions: list[str]) -> list[str]:
        out = []
        for m in mentions:
            words = set(content_words(m)) - TITLES
            if words and not words <= question_words:
                out.append(m)
        return out

    if kind == "who":
        persons = new(_PERSON.findall(sentence))
        others = [m for m in new(_PROPER.findall(sentence)) if not any(m in p or p in m for p in persons)]
        return min(1.0, (len(persons) + 0.5 * len(others)) / 3)
    if kind == "when":
        return min(1.0, float(len(new(_DATE.findall(sentence)))))
    if kind == "where":
        return min(1.0, float(len(new(_PROPER.findall(sentence)))))
    if kind == "number":
        return min(1.0, float(len(new(_NUMBER.findall(sentence)))))
    return 0.0


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
