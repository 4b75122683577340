"""Answers shaped by the question: the shortest phrase that answers, inside the quoted sentence.

A "when" question is answered by the date in the sentence, "how many" by its number, "who" by the
name nearest the question's own words, "what does IIOE stand for" by the words before "(IIOE)",
"what is X's role" by the item after X in a list of people and titles. The phrase is always a
verbatim piece of a quoted sentence; the sentence is still shown, so a reader sees the context.
Yes/no questions are answered "Yes" or "No" only when the quoted sentences say so (see polar.py).
"""

from __future__ import annotations

import re

from briefbot.answer.extract.name_choice import (
    after_verb as _after_verb,
    agent as _agent,
    AGENT_Q as _AGENT_Q,
    anchors as _anchors,
    modifiers as _modifiers,
    NAME as _NAME,
    named_by_the_question as _named_by_the_question,
    named_work_by as _named_work_by,
    nearest,
    plus as _plus,
    subject as _subject,
    unasked,
    words as _words,
)
from briefbot.answer.extract.question_kind import asks_measure, question_type
from briefbot.answer.extract.speakers import label_of
from briefbot.answer.shape.amounts import MONEY_Q, SUM_Q, asks_sum, counts_what_is_asked, number_span
from briefbot.answer.shape.definitions import acronym_answer, expand_acronym
from briefbot.answer.shape.roles import asked_names, list_answer, same_name
from briefbot.answer.shape.table_answers import row_answer, row_pairs
from briefbot.index.lexical import STOPWORDS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+\d{{3,4}}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{3,4}}|{_MONTH}\s+{_DAY}\b|{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w)|"
    rf"{_MONTH},?\s+\d{{3,4}}|(?:(?:early|mid|late)[\s-]+)?\d{{1,2}}(?:st|nd|rd|th)[\s-]+century|"
    r"(?:spring|summer|autumn|fall|winter)\s+of\s+\d{4}|\d{3,4}s|\d{4}(?:\s*(?:BC|AD|BCE|CE))?|FY\s?\d{2}(?:\d{2})?)\b"
)
# Times that are no calendar date, read only when a sentence has none: "3.5 billion years ago", "at 5 pm",
# "in March", "during the Second World War", "since the Sui and Tang dynasties", "in 911".
_PERIOD = r"(?:[Ww]ars?|[Ee]ra|[Pp]eriod|[Dd]ynast(?:y|ies)|[Aa]ge|[Ee]poch|[Rr]eign|[Rr]evolution|[Ee]mpire|time)"
_ERA_PHRASE = r"(?:the\s+)?(?:(?:early|late|mid)-?\s*)?(?!Present\b)[A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
_TIMES = [re.compile(p) for p in (
    r"\b((?:\d[\d,.]*\s*[–-]\s*)?\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+years?\s+ago)\b",
    r"\b((?:\d[\d,.]*\s*[–-]\s*)?\d[\d,.]*(?:\s*(?:BP|BCE|BC|CE|AD)\b|(?=\s*\(BP\b)))",
    r"\b((?:AD|BC)\s+\d{1,4})\b",
    r"\b((?:\d{1,2}(?::\d\d)?\s*(?:to|[–-])\s*)?\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))(?!\w)",
    rf"\b(?i:in|by|since|until|from|during|early|late)\s+({_MONTH})(?!\w)",
    rf"\b(?i:during)\s+({_ERA_PHRASE}(?:\s+{_PERIOD})?)",
    rf"\b(?i:since|until|after|before)\s+((?=[^.,;]*?\b{_PERIOD}\b){_ERA_PHRASE}(?:\s+{_PERIOD})?)",
    r"\b(?i:in|since|from|until|by)\s+(\d{3})(?=[\s,.;)]|$)(?!\s*(?:%|BC|BP|CE|AD)|\s+(?!as\b|and\b|by\b|when\b|the\b|to\b|with\b|after\b)[a-z])",
)]


_TITLE_WORD = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\b\.?\s*")
_DATE_UNTIL = re.compile(rf"\s*(?:through|thru|to|until|till|–|-)\s*(?:{_DATE.pattern})")
_WHERE_PREP = re.compile(r"\b(?:in|at|on|near|from|to|into|across|outside|inside|off|of)\s+(?:the\s+)?$", re.IGNORECASE)
# Questions after a group of people ("Who attended ...?", "Who were the members ...?").
_GROUP_Q = re.compile(r"\b(?:attend\w*|participat\w*|present|members?|were|are|delegat\w*\s+included)\b", re.IGNORECASE)
_PLACE_PHRASE = re.compile(
    r"\b(?:in|at|on|near|inside|outside|under|beside|behind|off|beneath|above)\s+((?:the|a|an|its|their)\s+[\w'’ -]+?)"
    r"(?=\s*[,.;:!?()]|\s+(?:for|when|with|and|after|before|by|since|which|who|that|where|until|while|to|from)\b|\s*$)"
)
_DIGIT = re.compile(r"\d")  # "at the age of 84", "in the 1990s": an age or a time, not a place
# A name ending in one of these is a place ("at Long Road Sixth Form College", not "at the A-level course").
_PLACE_NOUN = re.compile(
    r"\b(?:College|University|School|Academy|Institute|Hospital|Church|Cathedral|Abbey|Palace|Castle|Park|Stadium|"
    r"Street|Road|Avenue|Square|Hall|House|Museum|Gallery|Library|Centre|Center|Airport|Station|Bridge|River|Lake|"
    r"Mountains?|Island|Bay|City|County|Province|State|Republic|Kingdom|Valley|Forest|Theatre|Theater|Arena)$"
)
PLACE_WORDS = 6  # a place phrase ("in the engine room") longer than this has run on into the clause
_OWNED_PLACE = re.compile(
    r"\b(?:in|at|on|near|inside|outside|from|to)\s+((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w-]*(?:'s|’s)(?:\s+[a-z][\w-]*){1,3}?)"
    r"(?=\s*[,.;:!?()]|\s+(?:for|when|with|and|after|before|by|since|which|who|that|where|until|while|to|from|later|on|in|at|"
    r"this|next|last)\b|\s*$)"
)
_COMMON_START = frozenset("the a an in on at by for after before during while when this that these those its his her their it".split())


_WHICH_NAME = re.compile(
    r"\s*(?:which|what)\s+(?!is\b|was\b|are\b|were\b|does\b|do\b|did\b|has\b|have\b|had\b|can\b|could\b|would\b|will\b|kind\b|type\b|sort\b)"
    r"(?P<modifier>[a-z]+\s+)?(?P<noun>team|compan(?:y|ies)|cit(?:y|ies)|countr(?:y|ies)|state|group|organization|"
    r"organisation|universit(?:y|ies)|part(?:y|ies)|band|network|river|club|author|person|man|woman|king|queen|president|"
    r"leader|name|airline|newspaper|magazine|agenc(?:y|ies)|league|church|school|empire|nation|count(?:y|ies)|province|"
    r"region|island|ship|award|station|channel|studio|firm|corporation|museum|building|stadium|hospital|analyst)"
    r"(?P<plural>s?)\b",
    re.IGNORECASE,
)
# A paper's or a patent's "Which dataset / library / software ...?", also after a preposition ("On which GPU ...?"):
# answered by a product's or a resource's name ("PyTorch", "NVidia Titan X", "ConceptNet").
_WHICH_TOOL = re.compile(
    r"\s*(?:(?:on|in|with|from|by|using)\s+)?(?:which|what)\s+(?P<modifier>[a-z]+\s+)?"
    r"(?P<noun>dataset|library|framework|software|platform|toolkit|package|gpu|database|knowledge base)(?P<plural>s?)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
_ONLINE_Q = re.compile(r"\b(?:available|download\w*|found|find|get|obtain\w*|hosted|published|released|online|website|site|code|data\w*|repositor\w*)\b", re.IGNORECASE)


_ADJECTIVE = re.compile(r"(?:ish|ese|ian|can|ic)$|^(?:Swiss|French|Dutch|Greek|Thai|Czech|Welsh|Scots|Basque|Iraqi|Israeli|"
                        r"Pakistani|Saudi|Kuwaiti|Somali|Afghan|Filipino|Argentine|Nepali|Bangladeshi|Uzbek|Kazakh)$")
_HYPHEN_ADJECTIVE = re.compile(r"-(?:based|born|owned|led|made|backed|listed|style|bred|funded|run|controlled|registered)$")  # "Montreal-based"
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _names(sentence: str, possessives: bool = False) -> list[tuple[int, int]]:
    """Capitalised names, without a lone capitalised first word ("They", "As"), titles or month names; a name
    written as a possessive only when no other is there (or with ``possessives``)."""
    out = []
    lead = len(sentence) - len(sentence.lstrip())
    for m in _NAME.finditer(sentence):
        s, e = m.start(), m.end()
        if "\n" in sentence[s:e] and sentence[s : sentence.index("\n", s)].isupper():
            continue  # a heading in capitals run into the text below it ("MONOTONIC MULTIHEAD ATTENTION\nPrevious")
        words = sentence[s:e].split()
        if s == lead and words[0].lower() in _COMMON_START | STOPWORDS:
            if len(words) == 1:
                continue
            s += len(words[0]) + 1  # "The Panthers" at the start: "Panthers"
            words = words[1:]
        if s == lead and len(words) == 1 and sum(c.isupper() for c in words[0]) < 2:
            continue  # a sentence's first word is capitalised anyway: not evidence of a name (but "EPA", "McDonald" are)
        if _TITLE_WORD.fullmatch(sentence[s:e] + " ") or words[0].lower() in _CALENDAR or words[0].lower() in STOPWORDS:
            continue
        if sentence[max(0, s - 1) : s] == "(" or (len(words) == 1 and (_ADJECTIVE.search(words[0]) or _HYPHEN_ADJECTIVE.search(words[0]))):
            continue  # "(NASA)" repeats a name; "British", "Ecuadorian" describe one
        out.append((s, e))
    if possessives:
        return out
    possessive = [n for n in out if sentence[n[0] : n[1]].endswith(("'s", "’s", "s'"))]
    return [n for n in out if n not in possessive] or out  # "Kennedy's administrator": the administrator is the answer


_ROLE_WORD = re.compile(
    r"\b(?:Secretary|Minister|Director|Chairman|Chairwoman|Chair|Chief|President|Chancellor|Governor|Senator|Mayor|"
    r"Commissioner|Ambassador|Spokesman|Spokeswoman|Leader|Officer|Executive|Manager|Editor|Correspondent|Coach)\s+(?=[A-Z])"
)


_ORGANISATION = re.compile(r"compan(?:y|ies)|firm|corporation|agenc(?:y|ies)|organi[sz]ation|group|network|airline|studio",
                           re.IGNORECASE)
_ROLE_TITLE = re.compile(r"(?:Head|Director|Manager|Chief|Officer|President|Vice|Chair\w*|Secretary|Lead|Deputy)\b")


def _after_role(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """ "Gibraltar's Chief Minister Peter Caruana", "Industry Secretary Patricia Hewitt": the person after the role."""
    roles = list(_ROLE_WORD.finditer(sentence, span[0], span[1]))
    return (roles[-1].end(), span[1]) if roles and roles[-1].end() < span[1] else span


_ACRONYM_Q = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*s?\b")


def _not_spelled_out(question: str, sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that are not the long form of an acronym the question uses: "Who runs the NFIRS?" is not answered
    by "National Fire Incident Reporting System", which the sentence gives as NFIRS's name."""
    longs = [long for a in _ACRONYM_Q.findall(question) if (long := expand_acronym(sentence, a))]
    return [(s, e) for s, e in spans if not any(sentence[s:e].strip() in long for long in longs)]


def _which_name(question: str) -> re.Match[str] | None:
    """ "Which team ...", "What companies ...": the question asks for a name of this kind (not "Which theory states ...",
    a verb)."""
    m = _WHICH_NAME.match(question) or _WHICH_TOOL.match(question)
    return None if m and m.group("plural") and m.group("modifier") and m.group("noun") in ("state", "name") else m


def _asks_several(which: re.Match[str]) -> bool:
    """ "Which states ...?", "What countries ...?" (``_which_name``'s match): more than one name asked for."""
    noun = which.group("noun")  # "analysts Gartner" are one firm
    return bool(which.group("plural") or noun.endswith("ies")) and noun != "analyst"


_RUN_GAP = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")


def _name_run(sentence: str, span: tuple[int, int], names: list[tuple[int, int]]) -> tuple[int, int]:
    """``span`` widened to the names listed with it ("A, B, and C"): what a plural question asks for."""
    ordered = sorted(names)
    i = ordered.index(span) if span in ordered else -1
    if i < 0:
        return span
    lo = hi = i
    while lo > 0 and _RUN_GAP.fullmatch(sentence[ordered[lo - 1][1] : ordered[lo][0]]):
        lo -= 1
    while hi + 1 < len(ordered) and _RUN_GAP.fullmatch(sentence[ordered[hi][1] : ordered[hi + 1][0]]):
        hi += 1
    return (ordered[lo][0], ordered[hi][1])


_WHOSE = re.compile(r"\bwhose\b", re.IGNORECASE)
_POSSESSIVE_LEAD = re.compile(r"^[^\W\d_]+(?:'s|’s)\s+(?=[A-Z])")
_POSSESSIVE_END = re.compile(r"(?<=\w)(?:'s|’s|(?<=s)')$")


# A capitalised pronoun is no one's name ("On nights I'm the one signing off the checks": the speaker is, not "I'm").
_PRONOUN = re.compile(r"(?:I|We|You|He|She|They)(?:['’](?:m|ve|d|ll|re|s))?")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our)\b")  # a transcript turn that speaks of its speaker


# "Who runs Coding Club and what does it cost?", "Who has to get the quotes, and by when?": two questions in one.
_SECOND_Q = re.compile(r"^(?P<first>(?:who|what|when|where|which|how)\b[^?]*?\S),?\s+and\s+"
                       r"(?P<second>(?:(?:by|at|from|until|for|in|on)\s+)?(?:who|what|when|where|which|how)\b[^?]*)\??\s*$",
                       re.IGNORECASE)


def short_answer(question: str, sentences: list[str], kind: str) -> str | None:
    """The shortest verbatim phrase of ``sentences`` (best first) that answers ``question``, or None.

    ``kind`` is the question's type (question_kind.question_type: who, when, where, number, other). A question
    that asks two things ("Who runs Coding Club and what does it cost?") gets both answers ("Mr Osei, £2 per
    session"), or the one found.
    """
    two = _SECOND_Q.match(question.strip())
    if two:
        answers = [_short_answer(q + "?", sentences, question_type(q)) for q in (two["first"], two["second"])]
        found = [a for a in answers if a]
        if len(found) == 2 and (found[1] in found[0] or found[0] in found[1]):
            return max(found, key=len)
        return ", ".join(found) or None
    return _short_answer(question, sentences, kind)


def _short_answer(question: str, sentences: list[str], kind: str) -> str | None:
    found = acronym_answer(question, sentences)
    if found:
        return found
    qterms = _words(question)
    sum_asked = bool(MONEY_Q.search(question)) or (
        (kind == "other" or asks_measure(question)) and bool(SUM_Q.match(question)))
    kind = "number" if kind == "other" and sum_asked else kind
    if sentences and row_pairs(sentences[0]) is not None:  # a table row: the cell under the column asked about
        return row_answer(question, sentences[0], kind, asks_sum(question))
    which = _which_name(question) if kind == "other" else None  # "Which team ...": a name of that kind
    if kind == "who" and _AGENT_Q.match(question):
        found = _named_work_by(question, sentences)
        if found:  # "Who wrote The History Boys?" -> "The History Boys by Alan Bennett", in any quoted sentence
            return found
    if kind == "number" and len(sentences) > 1:
        # "How many jobs ...?": a later quoted sentence's "146,000 jobs" before the first one's "three years".
        sentences = sorted(sentences, key=lambda t: not counts_what_is_asked(question, t, qterms))
    for sentence in sentences:
        found = list_answer(question, [sentence], kind)
        if found:
            return found
        anchors = _anchors(sentence, qterms)
        span: tuple[int, int] | None = None
        if kind == "when":
            span = nearest(unasked(sentence, [m.span() for m in _DATE.finditer(sentence)], qterms), anchors)
            until = _DATE_UNTIL.match(sentence, span[1]) if span else None
            if span and until:  # "from December 24 through January 1": the span of dates
                span = (span[0], until.end())
            if span is None:
                span = nearest(unasked(sentence, [m.span(1) for t in _TIMES for m in t.finditer(sentence)], qterms), anchors)
        elif kind == "number":
            span = number_span(question, sentence, qterms, anchors, sum_asked)
        elif kind == "who":
            # The person the question names is not its answer ("Who attended the Giannini meeting?").
            asked = asked_names(question)
            label = label_of(sentence)
            if label and _FIRST_PERSON.search(sentence, len(label) + 1) and not same_name(asked, label):
                return label  # "User Interface: Uh I would like to keep the buttons few": who spoke is who did
            # a possessive name may be the person asked for ("Alan Bennett's experience"), and often is on SQuAD
            names = [_after_role(sentence, n) for n in _names(sentence, possessives=True)]
            names = [n for n in _not_spelled_out(question, sentence, unasked(sentence, names, qterms))
                     if not same_name(asked, sentence[n[0] : n[1]]) and not _PRONOUN.fullmatch(sentence[n[0] : n[1]])]
            if len(names) >= 3 and _GROUP_Q.search(question):
                return None  # a group asked for, many people named: the quoted sentence is the answer
            # A name after Mr. or Dr., or of two or more words, is more likely a person's.
            person = {s: 40.0 * bool(_TITLE_WORD.search(sentence[max(0, s - 6) : s])) + 15.0 * (" " in sentence[s:e]) for s, e in names}
            bonus = _plus(person, _after_verb(question, sentence, names), _agent(question, sentence, names), _modifiers(sentence, names),
                          _named_by_the_question(question, sentence, names), _subject(question, sentence, names))
            span = nearest(names, anchors, bonus)
        elif which is not None:
            # "Which team ...", "What company ...": a name the question does not have ("Former Defence Secretary
            # Michael Portillo" is the question's Michael Portillo).
            names = _not_spelled_out(question, sentence, unasked(sentence, [_after_role(sentence, n) for n in _names(sentence)], qterms))
            if _ORGANISATION.fullmatch(which.group("noun")):  # "Which company ...?": not "Director of Operations"
                names = [n for n in names if not _ROLE_TITLE.match(sentence, n[0])]
            span = nearest(names, anchors, _plus(_after_verb(question, sentence, names), _agent(question, sentence, names)))
            if span and _asks_several(which):  # "Which states ...?": "California, Colorado, and New Jersey"
                run = _name_run(sentence, span, names)
                span = run if run != span else None  # one name is not what was asked for
        elif kind == "where" and _ONLINE_Q.search(question) and (urls := [m.span() for m in _URL.finditer(sentence)]):
            span = nearest(urls, anchors)  # "Where is the code available?": the address
        elif kind == "where":
            # a person ("Mr Kennedy") is no place ("Lady Margaret Hall" is)
            names = [n for n in unasked(sentence, _names(sentence), qterms) if _PLACE_NOUN.search(sentence[n[0] : n[1]])
                     or not (_TITLE_WORD.match(sentence[n[0] : n[1]] + " ") or _TITLE_WORD.search(sentence[max(0, n[0] - 6) : n[0]]))]
            # A place follows in/at/from ...: a name there, or a phrase ("in the engine room").
            placed = [n for n in names if _WHERE_PREP.search(sentence[max(0, n[0] - 12) : n[0]])]
            # ... a phrase of a few words (a longer one ran on: "on the future of Gibraltar begin at ..."), or
            # someone's place ("at Jack Straw's country residence")
            phrases = unasked(sentence, [m.span(1) for m in _PLACE_PHRASE.finditer(sentence)
                                      if len(m.group(1).split()) <= PLACE_WORDS and not _DIGIT.search(m.group(1))], qterms)
            phrases += unasked(sentence, [m.span(1) for m in _OWNED_PLACE.finditer(sentence)], qterms)
            span = nearest(placed + [p for p in phrases if not any(p[0] <= n[0] < p[1] for n in placed)], anchors,
                            {n[0]: 30.0 for n in placed if _PLACE_NOUN.search(sentence[n[0] : n[1]])})
            if span is None:
                span = nearest(names, anchors)
        if span is not None:
            text = sentence[span[0] : span[1]].strip(" ,;:")
            if not _WHOSE.search(question):  # "no match for Kissinger's diplomacy": Kissinger is the answer
                text = _POSSESSIVE_END.sub("", text)
            if kind == "who":  # "France's Pernod Ricard": the firm, not its country
                text = _POSSESSIVE_LEAD.sub("", text)
            if text and len(text) < len(sentence.strip()):
                return text
    return None
