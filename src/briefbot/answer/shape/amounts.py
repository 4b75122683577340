"""Numbers that answer: counts, sums of money, measures in their unit, shares, ranges (shaping.py's number questions).

"How many jobs ...?" is answered by the number followed by what it counts, "How much did Intel spend?" by a sum of
money, "What is the average width of the Rhine?" by a length with its unit ("400 m"), "What percentage ...?" by a share;
a count, a sum or a measure is seldom a year, and a range ("between 28% and 80%", "1˜2 hours") is kept whole.
"""

from __future__ import annotations

import re

from briefbot.answer.extract.name_choice import nearest, unasked
from briefbot.answer.extract.question_kind import asks_measure
from briefbot.index.lexical import STOPWORDS, tokenize
from briefbot.text.numbered import clause_number_end

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|trillion|dozen|half)"
)
# Written onto the number ("$11.1bn", "£600m", "5km"): part of the amount, not to be cut off.
_UNIT = r"(?:bn|mn|tn|m|k|km|kg|cm|mm|ft|lb|mph|st|nd|rd|th)"
_CURRENCY = r"(?:euros?|dollars?|pounds?|yen|yuan|rupees?|francs?|pesos?)"
_CODE = r"\b(?:USD|GBP|EUR|CHF|JPY|CAD|AUD|CNY|INR|SEK|NOK|DKK|PLN)\s"  # "GBP 10,800", "EUR 74 million"
_NUMBER = re.compile(
    # a sign, a fraction ("3/4"), a range ("30–75", "1˜2"), a unit written on, a percentage
    rf"(?:(?:[$£€]|{_CODE})\s?)?(?:(?<!\S)[−-](?=\d))?\b(?:\d/\d{{1,2}}\b|\d[\d,.]*(?:[–~˜-]\d[\d,.]*)?(?<=\d))"
    rf"(?:{_UNIT}\b)?(?:\s*(?:%|percent|per cent))?"
    rf"(?:\s+(?:million|billion|trillion|thousand|hundred))?(?:\s+{_CURRENCY}\b)?"
    # ("one-off", "one-time", "two-way": a kind of thing, not an amount; "six-time winner" counts)
    rf"|\b(?!one-time\b){_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*\b(?!-(?:off|way|sided|stop|liners?|size|piece|shot)\b)",
    re.IGNORECASE,
)

# A rate after a number: "per month", "per vehicle per month", "a year" ("per cent" is a percentage).
_RATE = re.compile(r"(?:\s+per\s+(?!cent\b|the\b)[a-z]+|\s+(?:a|an|each)\s+(?:year|month|week|day|hour|night|person|head)\b)+")
HOW_MANY = re.compile(r"\bhow many\b")  # a count: never a bare year ("How many people will work there?" is not "2026")
_DURATION_Q = re.compile(r"\bhow long\b(?!\s+(?:is|was|are|were)\s+(?:the|a|an|its|their)\b)", re.IGNORECASE)  # not "how long is the river"
# A sum of money required (the numbers filtered), for questions with a money verb; _MONEY below only prefers one.
MONEY_Q = re.compile(r"\bhow much\b(?!\s+(?:more|less|longer|time|land|water|oil|energy|power|space|weight|data)\b)"
                      r".*\b(?:spen[dt]|cost|pa(?:y|id)|price[ds]?|worth|earn|raise[ds]?|invest|fund|charge[ds]?|sell|sold|"
                      r"receive[ds]?|award|owe[ds]?|budget|revenue|profit|fine[ds]?|compensation|money|cash)", re.IGNORECASE)
# "What were Chalone's revenues in 2003?": a "what" question asking for a sum of money (answered by one, not typed "number")
SUM_Q = re.compile(r"^what (?:was|were|is|are|will be)\b.*\b(?:revenues?|turnover|profits?|earnings|income|costs?|price|"
                    r"budget|salary|fees?|debts?)\b", re.IGNORECASE)


_SUM_ASKED = re.compile(r"^what(?:'s|’s|\s+(?:is|was|are|were|will be))\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
                        r"(?:(?!(?:of|in|for|from|to|by|with|that|between)\s)[\w'’-]+\s+){0,2}?"
                        r"(?:price|cost|fee|salary|budget|revenue|turnover|profit|income)s?"
                        r"(?=\s+(?:of|for|in|on|at|to|per|paid|charged|that|from|by|when|this|last|next)\b|\s*[?.!]?\s*$)",
                        re.IGNORECASE)


def asks_sum(question: str) -> bool:
    """Whether a question asks for a sum of money ("How much will it cost ...?", "What is the list price of ...?"; not
    "What is one reason ... the oil income?")."""
    return bool(MONEY_Q.search(question) or _SUM_ASKED.match(question))


_MONEY_SPAN = re.compile(rf"[$£€¥]|{_CODE}|\b{_CURRENCY}\b|\d(?:bn|m|k)\b|\b(?:million|billion|trillion)\b", re.IGNORECASE)
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
_RANGE = re.compile(
    rf"\bbetween\s+(?:{_NUMBER.pattern})\s+and\s+(?:{_NUMBER.pattern})"
    rf"|\bfrom\s+(?:{_NUMBER.pattern})\s+to\s+(?:(?:over|about|around|nearly|almost|more than)\s+)?(?:{_NUMBER.pattern})"
    # "costs £1,100 to £1,600": two sums in a row (not "by £5 to £20", a change and where it ended)
    rf"|(?<!\bby\s)[$£€]\s?(?:{_NUMBER.pattern})\s*(?:to|-|–)\s*[$£€]\s?(?:{_NUMBER.pattern})",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"\bhow\s+many\s+(?:more\s+|other\s+|different\s+)?([a-z]+)", re.IGNORECASE)
_DURATION_AFTER = re.compile(rf"\s*-?\s*{_TIME_UNIT}\b", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"\s?(?:st|nd|rd|th)\b")  # "65 th Infantry" (a superscript flattened): a rank, not an amount
# A sum of money preferred (a bonus in _number_fit), for looser money questions ("how much did ...").
_MONEY = re.compile(r"\bhow much (?:money|did|does|do|was|is|were)\b|\b(?:cost|price|paid|pay|worth|spent|dollars?)\b", re.IGNORECASE)
_PHYSICAL = re.compile(r"\b(?:temperature|pressure|length|width|height|depth|altitude|distance|weight|speed|velocity|"
                       r"frequency|voltage|dose|dosage)s?\b", re.IGNORECASE)  # measured in a unit (not a score, a rate)
# A change asked for ("By how much did ...?", "How much did enrollment increase?"): the amount after "by". The verb in
# lower case: "How much does the Tollbeck Growth plan cost?" names a plan.
CHANGE_Q = re.compile(r"\bby how much\b|\bhow much\b.*\b(?-i:increas|decreas|ris|rose|fell|fall|drop|grow|grew|reduc|cut"
                       r"|gain|los[te]|climb|declin|shr[ia]nk|expand|improv)\w*", re.IGNORECASE)
_BY_AMOUNT = re.compile(r"\bby\s+(?:(?:about|nearly|almost|around|some|roughly|over|more than|less than|up to|just)\s+)?$",
                        re.IGNORECASE)
# "25 of the 40 engineers", "3 out of 10": the part is what was done (signed, passed); the whole is asked for by
# "in total", "in all", "overall".
PART_BONUS = 20.0  # chosen on the even half of SQuAD v1.1 between 20 and 50 (README, Short answers)
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|our\s+|his\s+|her\s+)?(?:about\s+|some\s+)?\d")
_WHOLE_Q = re.compile(r"\b(?:total|in all|overall|altogether|all together)\b", re.IGNORECASE)
# A share asked for, or a measure usually given as one ("What clean accuracy ...?", "What Vaccenic acid content ...?")
_PERCENT = re.compile(r"\b(?:percent|percentage|per cent|proportion|accuracy|content|concentration)\b|%", re.IGNORECASE)


def _number_fit(question: str, sentence: str, spans: list[tuple[int, int]], qterms: set[str]) -> dict[int, float]:
    """Preference among numbers: followed by what the question counts ("108 ... television stations"),
    a sum of money for "how much money", a percentage for "what percentage"."""
    prefixes = {t[:4] for t in qterms if len(t) >= 4}
    physical = asks_measure(question) and bool(_PHYSICAL.search(question))
    change = bool(CHANGE_Q.search(question))
    part = not _WHOLE_Q.search(question)
    fit: dict[int, float] = {}
    for s, e in spans:
        text = sentence[s:e]
        # what the number counts follows it in the same clause ("2004, the airline made ..." counts nothing)
        after = re.findall(r"[^\W\d_]+", re.split(r"[,;:()]", sentence[e : e + 40], maxsplit=1)[0])[:3]
        score = 0.0
        if any(set(tokenize(w)) & qterms or w.lower()[:4] in prefixes for w in after):
            score += 40.0
            # ... and more of the question's words in that clause, more so ("31% of residents who ... expect to own an
            # EV by 2028, but only 11% of Castleview's ...": "What percentage of Castleview residents expect ...?")
            # (up to the next number: "1835 with a dinner for 2000 guests" counts the guests for 2000)
            clause = re.split(r"[,;:()]|\s(?:but|while|whereas|although)\s|\d", sentence[e : e + 80], maxsplit=1)[0]
            said = {t for w in re.findall(r"[^\W_]+", clause) for t in tokenize(w)}
            score += 8.0 * max(0, len(said & qterms) - 1)
        if _MONEY.search(question) and (text[:1] in "$£€" or re.match(_CODE, text) or re.search(rf"\b{_CURRENCY}$", text, re.IGNORECASE)):
            score += 40.0
        if _PERCENT.search(question) and ("%" in text or "percent" in text or "per cent" in text):
            score += 40.0
        if any(asks.search(question) and unit.match(sentence, e) for asks, unit in _MEASURES):
            score += 40.0
        if physical and _MEASURE_UNIT.match(sentence, e):  # "What pressure ...?": "600 psi", not "2-10 micrometer"
            score += 40.0
        if part and text.lower() != "one" and _PART_OF.match(sentence, e):  # ("one of the 11 megaregions": an idiom)
            score += PART_BONUS
        if change and _BY_AMOUNT.search(sentence, 0, s):  # "By how much did X cut the FLOPs?": "by nearly 81.4%"
            score += 80.0  # over what merely follows with the question's words ("77.23 on CIFAR-10")
        fit[s] = score
    return fit


def counts_what_is_asked(question: str, sentence: str, qterms: set[str]) -> bool:
    """Whether a number of the sentence fits the question (followed by what it counts, money, a percentage)."""
    spans = unasked(sentence, [m.span() for m in _NUMBER.finditer(sentence)], qterms)
    return any(v > 0 for v in _number_fit(question, sentence, spans, qterms).values())


# A number that points at a part of the document or a source ("Table 6", "FIG. 8", "Eq. 3", "(Bai et al., 2018)") is no
# amount: "How long does ET-RR take?" was answered "6" from "Table 6 demonstrates ...".
_REFERENCE = re.compile(
    r"(?:\b(?:Tables?|Figures?|Figs?\.|FIGS?\.|Sections?|Sec\.|Eqs?\.|Equations?|Examples?|EXAMPLES?|Chapters?"
    r"|Appendix|Claims?|Steps?|Algorithms?|Theorems?|Lemmas?|Corollary|Proposition|Definition)"
    r"|\bet al\.,?\s*\(?|\(\s*(?=\d{4}[a-z]?\)))\s*$"
)


# "How often ...?" is answered by a frequency: "every five years", "three times per day", "twice a week", "annually".
_PERIOD_WORD = (r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|session|term"
                r"|season)s?")
_FREQUENCY = re.compile(
    rf"\b(?:(?:once|twice|thrice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|each|every)\s+(?:\w+\s+)?{_PERIOD_WORD}"
    rf"|(?:every|each)\s+(?:other\s+)?(?:(?:\w+|\d+)\s+)?{_PERIOD_WORD}"
    r"|(?:half-)?(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|biennial(?:ly)?"
    r"|biannual(?:ly)?|triennial(?:ly)?|quadrennial(?:ly)?|twice|once))\b",
    re.IGNORECASE,
)


def number_span(
    question: str, sentence: str, qterms: set[str], anchors: list[int], sum_asked: bool
) -> tuple[int, int] | None:
    """The number of ``sentence`` that answers a number question, with its unit where the question asks a measure."""
    q = question.lower()
    if "how often" in q:
        found = nearest(unasked(sentence, [m.span() for m in _FREQUENCY.finditer(sentence)], qterms), anchors)
        if found:
            return found
    spans = [m.span() for m in _NUMBER.finditer(sentence, clause_number_end(sentence)) if not _REFERENCE.search(sentence, 0, m.start())]
    measure = asks_measure(question)
    if "how many" in q or "how much" in q or measure:  # a count, a sum or a measure is seldom a year
        years = [s for s in spans if re.fullmatch(r"1\d{3}|20\d{2}", sentence[s[0] : s[1]])]
        # (a count asked, only a year in the sentence: no answer, unless it counts something, "2000 guests")
        counts = [s for s in years if re.match(r"\s+[a-z]", sentence[s[1] :])]
        spans = [s for s in spans if s not in years] or (spans if not HOW_MANY.search(q) else counts)
        spans = [s for s in spans if not _ORDINAL_AFTER.match(sentence, s[1])]
    if sum_asked:  # "How much did Intel spend?" is a sum of money, not the "802.11" of a standard
        spans = [s for s in spans if _MONEY_SPAN.search(sentence[s[0] : s[1]])]
    if _DURATION_Q.search(question):  # "How long had the assets been frozen?": "for almost 20 years", not "$1bn"
        spans = [s for s in spans if _DURATION_AFTER.match(sentence, s[1])] or spans
    counted = _COUNTED.search(question)
    if counted and not re.fullmatch(_TIME_UNIT, counted.group(1), re.IGNORECASE):
        # "How many overlaps ...?" is not answered by "in twelve minutes": a duration counts time
        spans = [s for s in spans if not _DURATION_AFTER.match(sentence, s[1])] or spans
    span = nearest(unasked(sentence, spans, qterms), anchors, _number_fit(question, sentence, spans, qterms))
    if span:  # "between 28% and 80%", "from 50% to over 90%", "£1,100 to £1,600": the range, not one end of it
        span = next(((m.start(), m.end()) for m in _RANGE.finditer(sentence) if m.start() <= span[0] < m.end()), span)
    if span and (_UNIT_QUESTION.search(question) or measure):
        unit = (_MEASURE_UNIT if measure else _LOWER_WORD).match(sentence, span[1])
        money = _MONEY_SPAN.search(sentence[span[0] : span[1]])
        if "%" in sentence[span[0] : span[1]] or (money and (measure or re.match(_CODE, sentence[span[0] :]))):
            unit = None  # "18%" (not "18% higher"), "$12" (not "$12 globally"): the unit is written on
        if unit and unit.group(1) not in STOPWORDS and unit.group(1) != "per" and not _VERB_LIKE.search(unit.group(1)):
            span = (span[0], unit.end())
    rate = _RATE.match(sentence, span[1]) if span else None
    if span and rate:  # "£25 per month", "GBP 16.75 per vehicle per month": a rate is said with what it is per
        span = (span[0], rate.end())
    return span
