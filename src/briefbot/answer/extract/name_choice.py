"""Which name of a sentence a who / which-name question means: bonuses to the nearest-name rule of shaping.py.

A name is chosen by its distance to the question's own words in the sentence; these say which names count as
nearer: the object of the asked verb, the doer after "by", the person after the asked role or before "who <the
asked deed>", and which count as further (a name that describes the one after it).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from briefbot.index.lexical import STOPWORDS, tokenize

_CONNECT = r"(?:of|de|da|di|del|der|van|von|du|la|le|bin|ibn|al|for|and)"
_PREFIXED = r"(?:al|el|ad|ash|as|bin|ibn|abu|ben|bint|d')[-’']?[A-Z][\w'’-]*"  # "Mohammed Mustafa al-Jibouri"
# A name's first word: initials with a surname ("M. J. McKeage"), an initialism before a name ("U.S. Department"), a word.
_FIRST = r"(?:(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]*|(?:[A-Z]\.){2,}(?=\s+[A-Z])|[A-Z][\w'’-]*)"
# A name runs on over "&" ("Williams & Peng", "Procter & Gamble") and ends with its generation ("P. Albee, Jr.").
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.|(?<=\bJr|\bSr)\.|\s+(?:II|III|IV)\b)"
NAME = re.compile(rf"\b{_FIRST}(?:\s+(?:(?:{_CONNECT}|&)\s+)?[A-Z][\w'’.-]*|\s+{_PREFIXED})*(?<![.]){_SUFFIX}?")


def words(text: str) -> set[str]:
    """The stems of a text's words."""
    return set(tokenize(text))


def similar(a: str, b: str) -> bool:
    """Two spellings of one name ("Mohammed", "Muhammad"): close enough letter by letter."""
    a, b = a.lower(), b.lower()
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.75)


def anchors(sentence: str, question_terms: set[str]) -> list[int]:
    """Character offsets of the sentence's words that the question also has."""
    return [m.start() for m in re.finditer(r"[^\W_]+", sentence) if set(tokenize(m.group())) & question_terms]


# "Who did Parmalat sue?", "Which company did X buy?": the answer is what the verb acts on, so in the sentence it
# follows the verb ("Bondi sued Morgan Stanley"), unless the sentence is passive ("was sued by").
_OBJECT_Q = re.compile(
    r"^\s*(?:who|whom|(?:which|what)\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:did|does|do|will|would|has|have|had|can|could|should)\s+"
    r"(?P<rest>.+?)[\s?.!]*$",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those"])
_SUBJECT_START = _DETERMINERS | frozenset(["he", "she", "they", "it", "we", "you", "i"])
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
AFTER_VERB = 30.0  # characters of distance forgiven to a name after the asked verb


def after_verb(question: str, sentence: str, spans: list[tuple[int, int]]) -> dict[int, float]:
    """A bonus for names on the object's side of the question's verb (after it; before it in the passive)."""
    m = _OBJECT_Q.match(question)
    if not m:
        return {}
    # The subject follows the auxiliary ("did Carolina", "did the Parliament", "did he"; "Who did play-by-play?" and
    # "Who will carry the game?" ask for the subject); the verb is the first lower-case word after it.
    tokens = re.findall(r"[^\W\d_]+", m.group("rest"))
    if not tokens or not (tokens[0][0].isupper() or tokens[0].lower() in _SUBJECT_START):
        return {}
    i = 2 if tokens[0].lower() in _DETERMINERS else 1
    while i < len(tokens) and tokens[i][0].isupper():
        i += 1
    verb = tokenize(tokens[i]) if i < len(tokens) and tokens[i].lower() not in STOPWORDS else []
    if not verb:
        return {}
    at = anchors(sentence, set(verb))
    if not at:
        return {}
    v = at[0]
    passive = bool(_PASSIVE_BEFORE.search(sentence[max(0, v - 24) : v]))
    return {s: AFTER_VERB for s, _ in spans if (s > v) != passive}


# "Who is buying Allied Domecq?", "Who designed the bridge?": the question asks for the doer, which a sentence may
# name after "by" ("the target of a takeover by France's Pernod Ricard"). Not "Who was elected ...?" (passive: its
# answer is the subject) nor "Who is the chief ...?".
AGENT_Q = re.compile(
    r"^\s*who\s+(?:(?:is|are|was|were)\s+[a-z]+ing\b|(?:has|have|had)\s+[a-z]+|"
    r"(?:will|would|can|could|should|may|might|must)\s+(?!be\b)[a-z]+|"
    r"(?!(?:is|are|was|were|did|does|do|will|would|has|have|had|can|could|should|may|might|else)\b)[a-z]+\b)",
    re.IGNORECASE,
)


# "Which agency issues the poverty guidelines?", "What company makes the iPhone?": the doer too (not "Which
# agency is ...", "Which team did ... beat?").
_WHICH_DOER = re.compile(
    r"^\s*(?:which|what)\s+(?:[a-z]+\s+)?[a-z]+\s+(?!(?:is|are|was|were|did|does|do|will|would|has|have|had|can|could|"
    r"should|may|might|else)\b)[a-z]+(?:s|ed)\b",
    re.IGNORECASE,
)


def asks_doer(question: str) -> bool:
    """Whether the question asks who (or which agency, company ...) did something: the doer, maybe "by X"."""
    return bool(AGENT_Q.match(question) or _WHICH_DOER.match(question))


def named_work_by(question: str, sentences: list[str]) -> str | None:
    """The name written "by NAME" right after a work or thing the question names ("The History Boys by Alan Bennett")."""
    start = len(question) - len(question.lstrip())
    for m in NAME.finditer(question):
        if m.start() == start or " " not in m.group():  # the question's first word; a one-word name is too loose
            continue
        pattern = re.compile(rf"{re.escape(m.group())}['’]?\s*(?:\(\d{{4}}\)\s*)?,?\s+by\s+(?:the\s+)?({NAME.pattern})")
        for sentence in sentences:
            found = pattern.search(sentence)
            if found:
                return found.group(1)
    return None


_BY_BEFORE = re.compile(r"\bby\s+(?:[\w'’]+\s+){0,2}$")
AGENT = 30.0  # characters of distance forgiven to a name after "by" when the doer is asked


def agent(question: str, sentence: str, spans: list[tuple[int, int]]) -> dict[int, float]:
    """A bonus for names a sentence gives as the doer ("by X") when the question asks who did something."""
    if not asks_doer(question):
        return {}
    return {s: AGENT for s, _ in spans if _BY_BEFORE.search(sentence[max(0, s - 40) : s])}


SUBJECT = 30.0  # characters of distance forgiven to the name a sentence opens with, before its verb, when the doer is asked


def subject(question: str, sentence: str, spans: list[tuple[int, int]]) -> dict[int, float]:
    """A bonus for the name a sentence opens with, followed by its verb ("Kevin Morgan takes over from ... Hal
    Luscombe" for "Who replaces Hal Luscombe?"): the doer, when the question asks who did something."""
    if not asks_doer(question):
        return {}
    lead = len(sentence) - len(sentence.lstrip(" \"'“‘"))
    return {s: SUBJECT for s, e in spans if s == lead and re.match(r"\s+[a-z]+(?:s|ed)\b", sentence[e : e + 30])}


# "UK drinks and food firm Allied Domecq", "US giant Seagram", "turnaround expert Enrico Bondi": a name that
# describes the name after it (through a lower-case noun phrase ending in a word for a firm or a role) is not the one meant.
_DESCRIBES = re.compile(
    r"^(?:'s|’s)?\s+(?:[a-z][\w-]*\s+){0,4}(?:firm|company|group|giant|maker|bank|carrier|airline|brand|chain|"
    r"retailer|operator|rival|expert|chief|boss|executive|founder|player|star|actor|actress|singer|writer|author|"
    r"director|minister|leader|official|president|spokesman|spokeswoman|colleague|team-mate|teammate|compatriot)s?\s+(?=[A-Z])"
)
MODIFIER = 30.0  # characters of distance added to such a name


def modifiers(sentence: str, spans: list[tuple[int, int]]) -> dict[int, float]:
    return {s: -MODIFIER for s, e in spans if _DESCRIBES.match(sentence[e : e + 80])}


_RELATIVE_AFTER = re.compile(r"^,?\s+who\s+([^,.;]{0,60})")
_WORD_BEFORE = re.compile(r"([a-z][\w-]*)\s+$")
# The role written beside the name with a comma: "ambassador to the WTO, Carlo Trojan" / "John Houlihan, editor of ..."
# (a word for a person's role: an agent noun or a title, not "was sold to", "monks of", "richest man in")
_ROLE = (r"[a-z][\w-]*(?:or|er|ist|ant|ent|ian|chief|executive|secretary|minister|coach|boss|officer|head|chair|leader"
         r"|founder|owner|envoy|ambassador|spokesman|spokeswoman)")
_ROLE_BEFORE = re.compile(rf"(?P<role>{_ROLE})\s+(?:to|of|at|for|in)\s+(?:the\s+)?[\w.&'’ -]{{1,30}},\s+$")
_ROLE_AFTER = re.compile(
    rf"^,\s+(?:the\s+|a\s+|an\s+)?(?P<skip>(?:[a-z][\w-]*\s+){{0,2}}?)(?P<role>{_ROLE})\s+(?:of|at|for|to|in)\b"
)
ASKED_ROLE = 40.0  # characters of distance forgiven to a name after the asked role or before "who <the asked deed>"


def named_by_the_question(question: str, sentence: str, spans: list[tuple[int, int]]) -> dict[int, float]:
    """A bonus for a name the sentence ties to the question's words: after the role asked for ("the central bank's
    vice president Farhat ..." for "Who is the vice president ...?") or before a clause saying what it asks ("skipper
    Brian O'Driscoll, who set up tries for ..." for "Who set up the tries ...?")."""
    stems = {w for w in tokenize(question) if w not in STOPWORDS}

    def asked(word: str) -> bool:  # the role asked for, or the doer of the asked deed ("edits" -> "editor")
        role = tokenize(word)
        return bool(set(role) & stems) or any(r.startswith(q) for r in role for q in stems if len(q) >= 4)

    out: dict[int, float] = {}
    for s, e in spans:
        before = _WORD_BEFORE.search(sentence[max(0, s - 30) : s])
        if before and before.group(1).lower() not in STOPWORDS and set(tokenize(before.group(1))) & stems:
            out[s] = ASKED_ROLE
        beside = _ROLE_BEFORE.search(sentence[max(0, s - 60) : s]) or _ROLE_AFTER.match(sentence[e : e + 60])
        if beside and not set((beside.groupdict().get("skip") or "").split()) & STOPWORDS and asked(beside["role"]):
            out[s] = ASKED_ROLE  # (not "ABC Theatres, was sold to": the words skipped are no part of a role)
        after = _RELATIVE_AFTER.match(sentence[e : e + 80])
        if after and set(tokenize(after.group(1))) & stems:
            out[s] = ASKED_ROLE
    return out


def plus(*bonuses: dict[int, float]) -> dict[int, float]:
    """Each span's bonuses added up."""
    return {k: sum(b.get(k, 0.0) for b in bonuses) for k in set().union(*bonuses)}


NEAR = 30  # characters: a question word this close to a span counts as around it


def nearest(cands: list[tuple[int, int]], anchors: list[int], bonus: dict[int, float] | None = None) -> tuple[int, int] | None:
    """The candidate span closest to the question's words in the sentence (ties: the earlier one)."""
    if not cands:
        return None
    if not anchors:
        return cands[0]

    def distance(span: tuple[int, int]) -> tuple[float, int]:
        ds = [abs(a - span[0]) if a < span[0] else abs(a - span[1]) for a in anchors]
        # Ties go to the span with more of the question's words around it ("datasets MNIST ... dataset for
        # sentiment analysis IMDB": the question asks about sentiment analysis).
        return min(ds) - (bonus or {}).get(span[0], 0.0), -sum(d <= NEAR for d in ds)

    return min(cands, key=distance)


def unasked(sentence: str, spans: list[tuple[int, int]], question_terms: set[str]) -> list[tuple[int, int]]:
    """Spans that say something the question does not (an answer is not the question's own words)."""
    out = []
    for s, e in spans:
        found = words(sentence[s:e])
        if found and not found <= question_terms:
            out.append((s, e))
        elif not found and sentence[s:e].strip() and sentence[s:e].strip().lower() not in question_terms:
            out.append((s, e))  # a span without word characters (a currency sign and number)
    return out
