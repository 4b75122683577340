"""Answers shaped by the question: the shortest phrase that answers, inside the quoted sentence.

A "when" question is answered by the date in the sentence, "how many" by its number, "who" by the
name nearest the question's own words, "what does IIOE stand for" by the words before "(IIOE)",
"what is X's role" by the item after X in a list of people and titles. The phrase is always a
verbatim piece of a quoted sentence; the sentence is still shown, so a reader sees the context.
Yes/no questions are answered "Yes" or "No" only when the quoted sentences say so (see polar.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbot.answer.definitions import acronym_answer, expand_acronym
from briefbot.answer.name_choice import (
    after_verb as _after_verb,
    agent as _agent,
    AGENT_Q as _AGENT_Q,
    anchors as _anchors,
    modifiers as _modifiers,
    NAME as _NAME,
    named_by_the_question as _named_by_the_question,
    named_work_by as _named_work_by,
    plus as _plus,
    similar as _similar,
    subject as _subject,
    words as _words,
)
from briefbot.answer.question_kind import asks_measure
from briefbot.answer.speakers import label_of
from briefbot.index.lexical import STOPWORDS, tokenize

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


_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|trillion|dozen|half)"
)
# Written onto the number ("$11.1bn", "£600m", "5km"): part of the amount, not to be cut off.
_UNIT = r"(?:bn|mn|tn|m|k|km|kg|cm|mm|ft|lb|mph|st|nd|rd|th)"
_CURRENCY = r"(?:euros?|dollars?|pounds?|yen|yuan|rupees?|francs?|pesos?)"
_NUMBER = re.compile(
    rf"(?:[$£€]\s?)?(?:(?<!\S)[−-](?=\d))?\b(?:\d/\d{{1,2}}\b|\d[\d,.]*(?:[–~˜-]\d[\d,.]*)?(?<=\d))(?:{_UNIT}\b)?(?:\s*(?:%|percent|per cent))?"
    rf"(?:\s+(?:million|billion|trillion|thousand|hundred))?(?:\s+{_CURRENCY}\b)?"
    rf"|\b{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*\b",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\b\.?\s*")
_WHERE_PREP = re.compile(r"\b(?:in|at|on|near|from|to|into|across|outside|inside|off|of)\s+(?:the\s+)?$", re.IGNORECASE)
# Questions after a group of people ("Who attended ...?", "Who were the members ...?").
_GROUP_Q = re.compile(r"\b(?:attend\w*|participat\w*|present|members?|were|are|delegat\w*\s+included)\b", re.IGNORECASE)
_ROLE_Q = re.compile(r"\b(?:role|title|position|job|post|occupation|profession|rank)\b|^\s*who\s+(?:is|was)\s+(?-i:[A-Z])", re.IGNORECASE)
_ITEM_END = re.compile(
    r",?\s+(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame)\b\.?|,\s+and\s+|;|\s+(?:participated|attended|took part|joined|met|were|was|is|are)\b"
)
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
_DURATION_Q = re.compile(r"\bhow long\b(?!\s+(?:is|was|are|were)\s+(?:the|a|an|its|their)\b)", re.IGNORECASE)  # not "how long is the river"
# A sum of money required (the numbers filtered), for questions with a money verb; _MONEY below only prefers one.
_MONEY_Q = re.compile(r"\bhow much\b(?!\s+(?:more|less|longer|time|land|water|oil|energy|power|space|weight|data)\b)"
                      r".*\b(?:spen[dt]|cost|pa(?:y|id)|price[ds]?|worth|earn|raise[ds]?|invest|fund|charge[ds]?|sell|sold|"
                      r"receive[ds]?|award|owe[ds]?|budget|revenue|profit|fine[ds]?|compensation)", re.IGNORECASE)
# "What were Chalone's revenues in 2003?": a "what" question asking for a sum of money (answered by one, not typed "number")
_SUM_Q = re.compile(r"^what (?:was|were|is|are|will be)\b.*\b(?:revenues?|turnover|profits?|earnings|income|costs?|price|"
                    r"budget|salary|fees?|debts?)\b", re.IGNORECASE)
_MONEY_SPAN = re.compile(rf"[$£€¥]|\b{_CURRENCY}\b|\d(?:bn|m|k)\b|\b(?:million|billion|trillion)\b", re.IGNORECASE)
PLACE_WORDS = 6  # a place phrase ("in the engine room") longer than this has run on into the clause
_OWNED_PLACE = re.compile(
    r"\b(?:in|at|on|near|inside|outside|from|to)\s+((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w-]*(?:'s|’s)(?:\s+[a-z][\w-]*){1,3}?)"
    r"(?=\s*[,.;:!?()]|\s+(?:for|when|with|and|after|before|by|since|which|who|that|where|until|while|to|from|later|on|in|at|"
    r"this|next|last)\b|\s*$)"
)
_VERB_LIKE = re.compile(r"(?:ed|ing|ates|izes|ises|shows|demonstrates|suggests)$")  # "6 demonstrates": no unit
_UNIT_QUESTION = re.compile(r"\bhow\s+(?:long|old|far|much|big|large|tall|high|deep|often)\b", re.IGNORECASE)
_LOWER_WORD = re.compile(r"\s+([a-z]+)")
# A named measure's unit: "599 m", "90.20 K", "30 °C", "1110 AM", "16,000 rpm" (not "$12 globally", "31–0 halftime").
_MEASURE_UNIT = re.compile(
    r"\s*(°\s?[CFK]\b|(?:K|AM|FM|kPa|MPa|Pa|psi|rpm|Hz|kHz|MHz|GHz|V|W|kW|MW|mph|kph|km/h|knots|kelvins?|degrees|"
    r"(?:kilo|centi|milli)?(?:grams?|metres?|meters?|litres?|liters?)|tonnes?|tons?|pounds?|lbs?|ounces?|kg|g|mg|ml|l|"
    r"calories|kcal|acres?|hectares?|gallons?|miles?|km|m|cm|mm|nm|feet|foot|ft|inches|yards?|"
    r"seconds?|minutes?|min|hours?|h|days?|weeks?|months?|years?)(?![\w/]))"
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
_TIME_UNIT = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centuries|century|generations?)"
_LENGTH_UNIT = (
    r"(?:miles?|kilometres?|kilometers?|km|metres?|meters?|m|feet|foot|ft|inches?|in|yards?|cm|mm|nautical|light[- ]years?|storeys?|stories)"
)
# "How long ...?" is answered by a time or a length, "how old" by an age, "how far/tall/high/deep" by a length.
_MEASURES = [
    (re.compile(r"\bhow\s+long\b", re.IGNORECASE), re.compile(rf"\s*-?\s*(?:{_TIME_UNIT}|{_LENGTH_UNIT})\b", re.IGNORECASE)),
    (re.compile(r"\bhow\s+old\b", re.IGNORECASE), re.compile(rf"\s*-?\s*(?:{_TIME_UNIT}|old)\b", re.IGNORECASE)),
    (re.compile(r"\bhow\s+(?:far|tall|high|deep|wide)\b", re.IGNORECASE), re.compile(rf"\s*-?\s*{_LENGTH_UNIT}\b", re.IGNORECASE)),
]
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
_ONLINE_Q = re.compile(r"\b(?:available|download\w*|found|find|get|obtain\w*|hosted|published|released|online|website|site|code|data\w*|repositor\w*)\b", re.IGNORECASE)
_RANGE = re.compile(
    rf"\bbetween\s+(?:{_NUMBER.pattern})\s+and\s+(?:{_NUMBER.pattern})"
    rf"|\bfrom\s+(?:{_NUMBER.pattern})\s+to\s+(?:(?:over|about|around|nearly|almost|more than)\s+)?(?:{_NUMBER.pattern})",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"\bhow\s+many\s+(?:more\s+|other\s+|different\s+)?([a-z]+)", re.IGNORECASE)
_DURATION_AFTER = re.compile(rf"\s*-?\s*{_TIME_UNIT}\b", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"\s?(?:st|nd|rd|th)\b")  # "65 th Infantry" (a superscript flattened): a rank, not an amount
# A sum of money preferred (a bonus in _number_fit), for looser money questions ("how much did ...").
_MONEY = re.compile(r"\bhow much (?:money|did|does|do|was|is|were)\b|\b(?:cost|price|paid|pay|worth|spent|dollars?)\b", re.IGNORECASE)
_PHYSICAL = re.compile(r"\b(?:temperature|pressure|length|width|height|depth|altitude|distance|weight|speed|velocity|"
                       r"frequency|voltage|dose|dosage)s?\b", re.IGNORECASE)  # measured in a unit (not a score, a rate)
# A share asked for, or a measure usually given as one ("What clean accuracy ...?", "What Vaccenic acid content ...?")
_PERCENT = re.compile(r"\b(?:percent|percentage|per cent|proportion|accuracy|content|concentration)\b|%", re.IGNORECASE)


def _number_fit(question: str, sentence: str, spans: list[tuple[int, int]], qterms: set[str]) -> dict[int, float]:
    """Preference among numbers: followed by what the question counts ("108 ... television stations"),
    a sum of money for "how much money", a percentage for "what percentage"."""
    prefixes = {t[:4] for t in qterms if len(t) >= 4}
    physical = asks_measure(question) and bool(_PHYSICAL.search(question))
    fit: dict[int, float] = {}
    for s, e in spans:
        text = sentence[s:e]
        # what the number counts follows it in the same clause ("2004, the airline made ..." counts nothing)
        after = re.findall(r"[^\W\d_]+", re.split(r"[,;:()]", sentence[e : e + 40], maxsplit=1)[0])[:3]
        score = 0.0
        if any(set(tokenize(w)) & qterms or w.lower()[:4] in prefixes for w in after):
            score += 40.0
        if _MONEY.search(question) and (text[:1] in "$£€" or re.search(rf"\b{_CURRENCY}$", text, re.IGNORECASE)):
            score += 40.0
        if _PERCENT.search(question) and ("%" in text or "percent" in text or "per cent" in text):
            score += 40.0
        if any(asks.search(question) and unit.match(sentence, e) for asks, unit in _MEASURES):
            score += 40.0
        if physical and _MEASURE_UNIT.match(sentence, e):  # "What pressure ...?": "600 psi", not "2-10 micrometer" filters
            score += 40.0
        fit[s] = score
    return fit


def _counts_what_is_asked(question: str, sentence: str, qterms: set[str]) -> bool:
    """Whether a number of the sentence fits the question (followed by what it counts, money, a percentage)."""
    spans = _new(sentence, [m.span() for m in _NUMBER.finditer(sentence)], qterms)
    return any(v > 0 for v in _number_fit(question, sentence, spans, qterms).values())


def _nearest(cands: list[tuple[int, int]], anchors: list[int], bonus: dict[int, float] | None = None) -> tuple[int, int] | None:
    """The candidate span closest to the question's words in the sentence (ties: the earlier one)."""
    if not cands:
        return None
    if not anchors:
        return cands[0]

    def distance(span: tuple[int, int]) -> float:
        d = min(abs(a - span[0]) if a < span[0] else abs(a - span[1]) for a in anchors)
        return d - (bonus or {}).get(span[0], 0.0)

    return min(cands, key=distance)


def _new(sentence: str, spans: list[tuple[int, int]], question_terms: set[str]) -> list[tuple[int, int]]:
    """Spans that say something the question does not (an answer is not the question's own words)."""
    out = []
    for s, e in spans:
        words = _words(sentence[s:e])
        if words and not words <= question_terms:
            out.append((s, e))
        elif not words and sentence[s:e].strip() and sentence[s:e].strip().lower() not in question_terms:
            out.append((s, e))  # a span without word characters (a currency sign and number)
    return out


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


_PERSON = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame)\b\.?\s*([A-Z][\w'’-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’-]*)*)"
)


@dataclass
class Item:
    """One person in a sentence listing people with their roles: "Mr. LI Ming, Chair Professor of ..."."""

    name: str
    role: str


def list_items(sentence: str) -> list[Item]:
    """The people a sentence names with a title (Mr., Prof., ...), each with the role written after the name."""
    found = list(_PERSON.finditer(sentence))
    items = []
    for n, m in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(sentence)
        body = sentence[m.end() : end]
        if not body.lstrip().startswith(","):
            items.append(Item(m.group(1), ""))
            continue
        body = body.lstrip()[1:]
        cut = _ITEM_END.search(body)
        items.append(Item(m.group(1), (body[: cut.start()] if cut else body).strip().rstrip(".,;: ")))
    return items


_ROLE_WORD = re.compile(
    r"\b(?:Secretary|Minister|Director|Chairman|Chairwoman|Chair|Chief|President|Chancellor|Governor|Senator|Mayor|"
    r"Commissioner|Ambassador|Spokesman|Spokeswoman|Leader|Officer|Executive|Manager|Editor|Correspondent|Coach)\s+(?=[A-Z])"
)


def _after_role(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """ "Gibraltar's Chief Minister Peter Caruana", "Industry Secretary Patricia Hewitt": the person after the role."""
    roles = list(_ROLE_WORD.finditer(sentence, span[0], span[1]))
    return (roles[-1].end(), span[1]) if roles and roles[-1].end() < span[1] else span


def _same_name(asked: list[str], name: str) -> bool:
    """The question names this person, maybe spelled or split differently ("Hou Shengtao", "HOU Sheng Tao")."""
    words = [w.lower() for w in name.split()]
    joined = "".join(words)
    hits = sum(1 for a in asked if any(_similar(a, w) for w in words) or (len(a) >= 5 and a.lower() in joined))
    return hits >= min(2, len(words), len(asked)) and hits > 0


def _asked_names(question: str) -> list[str]:
    words = re.findall(r"[^\W\d_][\w'’-]*", question)
    return [
        w.removesuffix("'s").removesuffix("’s") for i, w in enumerate(words)
        if i > 0 and w[0].isupper() and w.lower() not in STOPWORDS and w.rstrip(".") not in _TITLE_WORDS
    ]


_TITLE_WORDS = frozenset("Mr Ms Mrs Miss Dr Prof Sir Dame Lord Lady".split())
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


def _list_answer(question: str, sentences: list[str], kind: str) -> str | None:
    """In a sentence listing people and roles: "what is X's title" gives X's role, "who is the chief of Y"
    gives the person whose role fits (the item that matches, not the whole list)."""
    role_q = bool(_ROLE_Q.search(question))
    if not role_q and kind != "who":
        return None
    asked = _asked_names(question)
    qterms = _words(question)
    for sentence in sentences:
        items = list_items(sentence)
        if role_q and asked:
            for item in items:
                if item.role and _same_name(asked, item.name):
                    return item.role
        if kind == "who" and len(items) >= 2:
            def fit(item: Item) -> float:
                role = [t for t in tokenize(item.role) if len(t) > 1]
                if not role or _same_name(asked, item.name):
                    return 0.0
                share = len(set(role) & qterms) / max(1, len(qterms))
                return share + 0.5 * (role[0] in qterms) - 0.01 * len(set(role) - qterms)

            best = max(items, key=fit)
            if fit(best) > 0.3:
                return best.name
    return None


def direct_answer(question: str, sentences: list[str], kind: str) -> tuple[str, int] | None:
    """An acronym's long form or a listed person's role, wherever a sentence states it: (phrase, sentence index).

    These questions are answered from the sentence that defines the thing even when its meaning is
    far from the question's (a name spelled another way, a long list), so they need not pass the
    extractive answerer's threshold.
    """
    for i, sentence in enumerate(sentences):
        found = acronym_answer(question, [sentence])
        if found is None and _ROLE_Q.search(question):
            found = _list_answer(question, [sentence], kind)
        if found:
            return found, i
    return None


_WHOSE = re.compile(r"\bwhose\b", re.IGNORECASE)
_POSSESSIVE_LEAD = re.compile(r"^[^\W\d_]+(?:'s|’s)\s+(?=[A-Z])")
_POSSESSIVE_END = re.compile(r"(?<=\w)(?:'s|’s|(?<=s)')$")


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our)\b")  # a transcript turn that speaks of its speaker


def short_answer(question: str, sentences: list[str], kind: str) -> str | None:
    """The shortest verbatim phrase of ``sentences`` (best first) that answers ``question``, or None.

    ``kind`` is the question's type (question_kind.question_type: who, when, where, number, other).
    """
    found = acronym_answer(question, sentences)
    if found:
        return found
    qterms = _words(question)
    q = question.lower()
    sum_asked = bool(_MONEY_Q.search(question)) or ((kind == "other" or asks_measure(question)) and bool(_SUM_Q.match(question)))
    kind = "number" if kind == "other" and sum_asked else kind
    which = _which_name(question) if kind == "other" else None  # "Which team ...": a name of that kind
    if kind == "who" and _AGENT_Q.match(question):
        found = _named_work_by(question, sentences)
        if found:  # "Who wrote The History Boys?" -> "The History Boys by Alan Bennett", in any quoted sentence
            return found
    if kind == "number" and len(sentences) > 1:
        # "How many jobs ...?": a later quoted sentence's "146,000 jobs" before the first one's "three years".
        sentences = sorted(sentences, key=lambda t: not _counts_what_is_asked(question, t, qterms))
    for sentence in sentences:
        found = _list_answer(question, [sentence], kind)
        if found:
            return found
        anchors = _anchors(sentence, qterms)
        span: tuple[int, int] | None = None
        if kind == "when":
            span = _nearest(_new(sentence, [m.span() for m in _DATE.finditer(sentence)], qterms), anchors)
            if span is None:
                span = _nearest(_new(sentence, [m.span(1) for t in _TIMES for m in t.finditer(sentence)], qterms), anchors)
        elif kind == "number":
            spans = [m.span() for m in _NUMBER.finditer(sentence)]
            measure = asks_measure(question)
            if "how many" in q or "how much" in q or measure:  # a count, a sum or a measure is seldom a year
                spans = [s for s in spans if not re.fullmatch(r"1\d{3}|20\d{2}", sentence[s[0] : s[1]])] or spans
                spans = [s for s in spans if not _ORDINAL_AFTER.match(sentence, s[1])]
            if sum_asked:  # "How much did Intel spend?" is a sum of money, not the "802.11" of a standard
                spans = [s for s in spans if _MONEY_SPAN.search(sentence[s[0] : s[1]])]
            if _DURATION_Q.search(question):  # "How long had the assets been frozen?": "for almost 20 years", not "$1bn"
                spans = [s for s in spans if _DURATION_AFTER.match(sentence, s[1])] or spans
            counted = _COUNTED.search(question)
            if counted and not re.fullmatch(_TIME_UNIT, counted.group(1), re.IGNORECASE):
                # "How many overlaps ...?" is not answered by "in twelve minutes": a duration counts time
                spans = [s for s in spans if not _DURATION_AFTER.match(sentence, s[1])] or spans
            span = _nearest(_new(sentence, spans, qterms), anchors, _number_fit(question, sentence, spans, qterms))
            if span and (_UNIT_QUESTION.search(question) or measure):
                unit = (_MEASURE_UNIT if measure else _LOWER_WORD).match(sentence, span[1])
                if "%" in sentence[span[0] : span[1]] or (measure and _MONEY_SPAN.search(sentence[span[0] : span[1]])):
                    unit = None  # "18%" (not "18% higher"), "$12" (not "$12 globally"): the unit is written on
                if unit and unit.group(1) not in STOPWORDS and not _VERB_LIKE.search(unit.group(1)):
                    span = (span[0], unit.end())
            if span:  # "between 28% and 80%", "from 50% to over 90%": the range, not one end of it
                span = next(((m.start(), m.end()) for m in _RANGE.finditer(sentence) if m.start() <= span[0] < m.end()), span)
        elif kind == "who":
            # The person the question names is not its answer ("Who attended the Giannini meeting?").
            asked = _asked_names(question)
            label = label_of(sentence)
            if label and _FIRST_PERSON.search(sentence, len(label) + 1) and not _same_name(asked, label):
                return label  # "User Interface: Uh I would like to keep the buttons few": who spoke is who did
            # a possessive name may be the person asked for ("Alan Bennett's experience"), and often is on SQuAD
            names = [_after_role(sentence, n) for n in _names(sentence, possessives=True)]
            names = [n for n in _not_spelled_out(question, sentence, _new(sentence, names, qterms))
                     if not _same_name(asked, sentence[n[0] : n[1]])]
            if len(names) >= 3 and _GROUP_Q.search(question):
                return None  # a group asked for, many people named: the quoted sentence is the answer
            # A name after Mr. or Dr., or of two or more words, is more likely a person's.
            person = {s: 40.0 * bool(_TITLE_WORD.search(sentence[max(0, s - 6) : s])) + 15.0 * (" " in sentence[s:e]) for s, e in names}
            bonus = _plus(person, _after_verb(question, sentence, names), _agent(question, sentence, names), _modifiers(sentence, names),
                          _named_by_the_question(question, sentence, names), _subject(question, sentence, names))
            span = _nearest(names, anchors, bonus)
        elif which is not None:
            # "Which team ...", "What company ...": a name the question does not have ("Former Defence Secretary
            # Michael Portillo" is the question's Michael Portillo).
            names = _not_spelled_out(question, sentence, _new(sentence, [_after_role(sentence, n) for n in _names(sentence)], qterms))
            span = _nearest(names, anchors, _plus(_after_verb(question, sentence, names), _agent(question, sentence, names)))
            if span and _asks_several(which):  # "Which states ...?": "California, Colorado, and New Jersey"
                run = _name_run(sentence, span, names)
                span = run if run != span else None  # one name is not what was asked for
        elif kind == "where" and _ONLINE_Q.search(question) and (urls := [m.span() for m in _URL.finditer(sentence)]):
            span = _nearest(urls, anchors)  # "Where is the code available?": the address
        elif kind == "where":
            # a person ("Mr Kennedy") is no place ("Lady Margaret Hall" is)
            names = [n for n in _new(sentence, _names(sentence), qterms) if _PLACE_NOUN.search(sentence[n[0] : n[1]])
                     or not (_TITLE_WORD.match(sentence[n[0] : n[1]] + " ") or _TITLE_WORD.search(sentence[max(0, n[0] - 6) : n[0]]))]
            # A place follows in/at/from ...: a name there, or a phrase ("in the engine room").
            placed = [n for n in names if _WHERE_PREP.search(sentence[max(0, n[0] - 12) : n[0]])]
            # ... a phrase of a few words (a longer one ran on: "on the future of Gibraltar begin at ..."), or
            # someone's place ("at Jack Straw's country residence")
            phrases = _new(sentence, [m.span(1) for m in _PLACE_PHRASE.finditer(sentence)
                                      if len(m.group(1).split()) <= PLACE_WORDS and not _DIGIT.search(m.group(1))], qterms)
            phrases += _new(sentence, [m.span(1) for m in _OWNED_PLACE.finditer(sentence)], qterms)
            span = _nearest(placed + [p for p in phrases if not any(p[0] <= n[0] < p[1] for n in placed)], anchors,
                            {n[0]: 30.0 for n in placed if _PLACE_NOUN.search(sentence[n[0] : n[1]])})
            if span is None:
                span = _nearest(names, anchors)
        if span is not None:
            text = sentence[span[0] : span[1]].strip(" ,;:")
            if not _WHOSE.search(question):  # "no match for Kissinger's diplomacy": Kissinger is the answer
                text = _POSSESSIVE_END.sub("", text)
            if kind == "who":  # "France's Pernod Ricard": the firm, not its country
                text = _POSSESSIVE_LEAD.sub("", text)
            if text and len(text) < len(sentence.strip()):
                return text
    return None
