"""Whether quoted sentences hold the kind of thing a question asks for at all, beyond what the question itself says.

A reader's unanswerable question is mostly on the topic of the documents: the sentence that matches it best is about
the same thing but cannot answer it. "When will the Fund announce its decision?" was answered by a sentence with no
time in it, "How many people will work at the Warsaw office?" by one whose only number is a year, "How much did the
EUR 10 vouchers cost in total?" by one whose only sum is the question's own, "Which company manufactures the
chargers?" by one naming no company, "Who is Thornbury & Vale's Head of IT?" by the Chief Operating Officer's
signature. The decline model (decline.py) scores how well a sentence matches; these rules say that it cannot answer,
whatever its score. Each is narrow on purpose: measured on SQuAD v1.1, the multi-hop sets and the benchmarks' own
documents, none costs a right answer there (README, "Declining": "Nothing of the kind asked for").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbot.answer.extract.candidates import Candidate
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.amounts import CHANGE_Q, asks_sum
from briefbot.index.lexical import STOPWORDS
from briefbot.schema import Passage
from briefbot.text.numbered import clause_number_end
from briefbot.text.posts import DEPARTMENTS
from briefbot.text.tables import row_cells

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
# Anything that can say when: a digit, a month or weekday, a season, a period, a relative time, an event clause
# ("after the war", "during his reign", "when it opened"). A sentence without any of these cannot answer "when".
_TIME = re.compile(
    r"\d|\b" + _MONTH + r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|fall"
    r"|winter|centur(?:y|ies)|decades?|years?|months?|weeks?|days?|hours?|minutes?|era|age|period|dynasty|reign|war"
    r"|today|tomorrow|yesterday|tonight|now|currently|soon|later|earlier|ago|once|after|before|during|until|till"
    r"|since|following|when|while|early|late|first|last|next|previous|recently|then|morning|afternoon|evening|night"
    r"|noon|midnight|christmas|easter|quarter|annually|weekly|daily|monthly|one|two|three|four|five|six|seven|eight"
    r"|beginning|start|outset|end|session|semester"
    r"|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand)\b",
    re.IGNORECASE,
)
_COUNT_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?"
                r"|thousands?|millions?|billions?|dozens?|several|few|many|no|none|both|single|twice|once|pair|half"
                r"|all|every|each|numerous|multiple|couple)")
_COUNT = re.compile(r"\d[\d,.]*|\b" + _COUNT_WORDS + r"\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[0-9]{3}|20[0-9]{2})s?")
# A number that counts nothing: a share ("6%"), a measure ("0.4-hectare", "2.5 km"), a time of day ("7:30 am"), a telephone
# number ("0161 555 0144"), a ratio ("randomised 1:1"), an extension, a room, a model, a clause.
_NOT_A_COUNT = re.compile(
    r"[\d,.]+\s*(?:%|percent\b|per cent\b)"
    r"|\d+\.\d+(?=-[a-z]|\s*(?:hectares?|acres?|km|kg|sq|litres?|liters?|metres?|meters?|miles?|tonnes?|tons?|hours?|days?"
    r"|weeks?|months?|years?)\b)"
    r"|\d{1,2}[:.]\d{2}\b|\b\d+:\d+\b|\d{1,2}\s*[ap]\.?m\b|0\d{2,4}[\s-]\d{3}[\s-]?\d{3,4}|\d+(?:st|nd|rd|th)\b"
    r"|\b(?:extension|ext\.?|room|model|version|release|clause|section|page|item|no\.)\s*\d+"
    r"|\bat all\b",  # "any charging at all"
    re.IGNORECASE,
)
_SUM_NOT_COUNT = re.compile(r"[$£€]\s?\d[\d,.]*(?:\s*(?:bn|m|k|million|billion)\b)?", re.IGNORECASE)
_CURRENCY_Q = re.compile(r"\b(?:dollars?|pounds?|euros?|yen|cents?|pence|francs?|rupees?)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"[$£€¥]\s?\d[\d,.]*(?:\s*(?:bn|m|k|million|billion))?|\b(?:USD|GBP|EUR|CHF|JPY|CAD|AUD)\s?\d[\d,.]*"
    r"|\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:euros?|dollars?|pounds?|yen|yuan|rupees?|francs?|pesos?)\b"
    r"|\d(?:bn|m|k)\b|\b(?:million|billion|trillion)\b|\b(?:free|no charge|no cost)\b|\b(?:costs?|pay|paid|for)\s+nothing\b"
    r"|\((?:[A-Z]{3}|[$£€¥])[^)]{0,12}\):\s*[+−-]?\d[\d,.]*",  # a table's cell under "Actual (GBP)": "Actual (GBP): 4,120"
    re.IGNORECASE,
)
# "When inequality is smaller, more waste is?", "Disobedience can occur when ... is deemed as?": a condition, not a
# time asked for. A time is asked by "When did ...?" or a "when" that opens the question.
_AUX = r"(?:did|does|do|is|was|were|are|will|would|can|could|has|have|had|should|must|may|might)\b"
_ASKS_WHEN = re.compile(r"^\W*(?:(?:and|so|but|then|exactly|about|since|until|till|by|from|roughly|approximately)\s+)?when\b"
                        r"|\bwhen\s+" + _AUX, re.IGNORECASE)
_CONDITION = re.compile(r"\W*when\s+(?!" + _AUX + r")[^,?]*,\s*\w", re.IGNORECASE)
# "How long is the contract?", "How long did the siege last?": a time or a length, or a span's end ("until March").
_HOW_LONG = re.compile(r"\bhow long\b(?!\s+ago\b)", re.IGNORECASE)
_UNITS = (r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|decades?"
          r"|centur(?:y|ies)|generations?|terms?|sessions?|seasons?|semesters?|quarters?|miles?|kilomet(?:re|er)s?|km"
          r"|met(?:re|er)s?|m|feet|foot|ft|inches|inch|in|yards?|cm|mm|nautical|light[- ]years?|storeys?|stories|laps?"
          r"|episodes?|pages?|words?|characters?)")
_LASTS = re.compile(rf"(?:\d[\d,.]*|\b{_COUNT_WORDS}|\b(?:a|an|several|few|many))[\s-]+(?:\w+[\s-]+)?{_UNITS}\b"
                    r"|\b(?:until|till|through|throughout|since|indefinitely|permanent(?:ly)?|lifetime|life|overnight|forever)\b"
                    r"|\b\d{1,2}[:.]\d{2}\b|\d\s*(?:h|s|min)\b"
                    r"|\bfrom\s+\S*\d{3,4}\S*\s+(?:to|until|till|through)\s+\S*\d|\bbetween\s+\S*\d{3,4}\s+and\s+\S*\d"
                    r"|\b\d{4}\s*[–-]\s*\d{2,4}\b"  # a span: "from 1299 to 1923", "1914–18"
                    r"|\b(?:in|for|within|over|into)\s+(?:the\s+)?(?:\w+(?:th|st|nd|rd)\s+)?"
                    r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centur(?:y|ies))\b",  # "in seconds",
                    re.IGNORECASE)  # "well into the nineteenth century"
_TAKES = re.compile(r"\bhow long\s+(?:does|do|did|will|would|should|can|could)\s+(?:it|they|this|that)\s+take\b", re.IGNORECASE)
_NOT_TIME = re.compile(r"[\d,.]+\s*(?:miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|ft|inches|inch|yards?|cm|mm|"
                       r"pages?|words?|characters?|laps?|storeys?|stories|episodes?|m)\b", re.IGNORECASE)
# "What salary will Tom be paid?", "What fee ...?": a sum asked for beyond amounts.asks_sum's forms.
_SUM = re.compile(r"^what\s+(?:salary|price|fee|wage|rent|budget)s?\b|\b(?:salary|wage)\b.*\bpaid\b"
                  r"|^what(?:'s|’s|\s+(?:is|was|will be))\s+the\s+(?:\w+\s+)?(?:rent|fee|salary|wage|price|deposit|premium)s?"
                  r"\s+(?:on|for|of)\b"
                  r"|^how much (?:is|are|was|were|will)\b.*\b(?:premium|rent|deposit|salary|wage|bonus|subscription|ticket"
                  r"|fare|admission|membership|parking|licen[cs]e)s?\b"
                  r"|^what did\b.*\b(?:pay(?:ing)?|spen(?:d|ding)|charg(?:e|ing))\b"
                  r"|^what(?:'s|’s|\s+(?:is|was|are|were|will be))\s[^?]*\bworth\b", re.IGNORECASE)  # "what is lot 2 worth"
# "How much is the report worth?": a share of the marks answers it ("Weight: 50%", "worth 20 marks"), as a sum would.
_WORTH = re.compile(r"\bworth\b", re.IGNORECASE)
_SHARE = re.compile(r"\d\s*%|\b\d+\s*(?:per ?cent|percent|marks?|points?|credits?)\b", re.IGNORECASE)
# "What is the nightly hotel limit ...?", "What's the maximum ...?": a figure asked for by name.
_LIMIT = re.compile(r"^what(?:'s|’s|\s+(?:is|was|are|were|will be))\s+(?:the\s+|its\s+|their\s+)?"
                    r"(?:(?!(?:of|in|for|from|to|by|with|that|happening|going)\s)[\w'’-]+\s+){0,3}?"
                    r"(?:limit|maximum|minimum|allowance|cap|ceiling|size)s?\b(?!\s+of\b)", re.IGNORECASE)
# "What mains voltage does it take?", "What temperature should the water be?": a physical quantity, so a figure.
# (Not "What does political pressure push ...?" nor "What includes pressure terms ...?": the quantity is asked.)
_QUANTITY_Q = re.compile(r"^\W*(?:what|which)\s+(?:(?:is|was|are|were|'s|’s)\s+the\s+)?(?:[\w'’-]+\s+){0,2}?"
                         r"(?:voltage|temperature|frequency|wattage|humidity)s?\s+(?:does|do|did|is|was|are|were|should|must"
                         r"|can|will|of|in|at|for|range)\b", re.IGNORECASE)
# "How heavy is it?", "How far is the depot?": a measure (on SQuAD v1.1 every such question's answer sentence holds a
# figure; not "how fast", answered "quickly", nor "how big a role").
_MEASURE_Q = re.compile(r"\bhow\s+(?:heavy|tall|high|wide|deep|far|thick|old|big|large)\b(?!\s+(?:a|an)\b)", re.IGNORECASE)
# "How much does Biscuit weigh now?": a weight, with its unit (on SQuAD v1.1 each such answer has one: "142 pounds").
_WEIGH_Q = re.compile(r"\bhow much\b[^?]*\bweigh(?:s|ed)?\b", re.IGNORECASE)
_WEIGHT = re.compile(r"\d[\d,.]*\s*(?:kg|kilo(?:gram)?s?|g|grams?|lbs?|pounds?|st|stone|tonnes?|tons?|oz|ounces?)\b",
                     re.IGNORECASE)
# "What's the deadline for tenders now?", "What was the date of Tesla's death?": a date (on SQuAD v1.1 each such
# question's answer holds a month), not just any number ("tender CHA/2025/031").
_DATE_Q = re.compile(r"^what(?:'s|’s|\s+(?:is|was|are|were|will be))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                     r"(?:deadline|due date|closing date|cut-?off(?: date)?|start date|end date|date)s?\b", re.IGNORECASE)
_DATE = re.compile(_MONTH + r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|noon|midnight|today|tomorrow"
                   r"|tonight|yesterday|spring|summer|autumn|winter|Christmas|Easter)\b|\b(?:1[0-9]{3}|20[0-9]{2})\b"
                   r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\b(?:next|this|last|end of)\s+"
                   r"(?:week|month|year|quarter|term)\b|\bQ[1-4]\b", re.IGNORECASE)
# "What time does the switch-on start?": a time of day ("Saturday 29 November" is none). Only for a start, an end, an
# opening or a closing: SQuAD v1.1's "What time did a river system develop?" is answered "Miocene".
_CLOCK_Q = re.compile(r"\bwhat time\s+(?:does|do|did|is|will|should|must|are|was|were)\b[^?]*\b(?:start|begin|open|close|finish"
                      r"|end|shut|arrive|leave|depart|kick|paged|called|rang|sent|posted|declared|reported|raised|alerted"
                      r"|detected|noticed|deployed|restarted|restored|resolved|fixed|updated)", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:[ap]\.?m\b|o'clock)|\b(?:noon|midday|midnight|morning|afternoon"
                    r"|evening|night|dawn|dusk|sunrise|sunset|lunchtime)\b"
                    r"|\b\d+\s*(?:minutes?|mins?|hours?|hrs?)\s+(?:before|after|prior to)\b", re.IGNORECASE)  # ("close 60
# minutes before departure": a time set by another, for "What time does bag drop close?")
# "Which day of the week ...?": a weekday (every such SQuAD v1.1 answer is one).
_WEEKDAY_Q = re.compile(r"\bday of the week\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|\b(?:weekdays?|weekends?|daily|every day)\b", re.IGNORECASE)
# "What interest rate is the trust paying?", "What is the mortality rate of ...?": a figure (not "What tax rate has a
# direct relationship with inequality?": "top tax rate").
_RATE_Q = re.compile(r"^(?:what|which)\s+(?:(?:is|was|are|were|'s|’s)\s+(?:the\s+|its\s+|their\s+)?)?(?:[\w'’-]+\s+)?"
                     r"(?:interest|exchange|tax|VAT|inflation|unemployment|mortality|birth|death|growth|failure|success"
                     r"|admission|acceptance|vacancy|response|error|turnover|pass|conversion|hourly|discount|commission)\s+"
                     r"rates?\s+(?:is|was|are|were|will|does|do|did|of|on|for|at|in)\b", re.IGNORECASE)
_RATE = re.compile(r"\d\s*(?:%|percent\b|per\s*cent\b|basis points\b|bps\b)|\d[^.;]{0,20}\bper\b|\b\d+\s+in\s+\d[\d,]*"
                   r"|\b(?:zero|nil|none)\b", re.IGNORECASE)  # a share, "£9 per hour", "3 in 1,000,000"
# "Which company ...?", "What two other funders ...?" (not "What was the bank's profit?": no company asked for)
_ORG = re.compile(r"^(?:which|what)\s+(?:(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\s)\w+\s+)"
                  r"{0,2}?(?:compan(?:y|ies)|firms?|banks?|suppliers?|contractors?|manufacturers?|vendors?|agenc(?:y|ies)"
                  r"|organi[sz]ations?|business(?:es)?|consultanc(?:y|ies)|insurers?"
                  r"|lenders?|brands?|competitors?|retailers?|funders?|providers?|sponsors?|donors?|investors?"
                  r"|distributors?|wholesalers?|operators?|publishers?)\b|^(?:which|what)\s+(?:customers?|clients?)\b",
                  re.IGNORECASE)
# "What is the name of X's new consultant?": a person's name asked for (not "the name of the process ...")
# "What is Declan Mbeki's direct phone number?" / "... e-mail address?": a number one can dial, an address one can write to.
_PHONE_Q = re.compile(r"\b(?:(?:tele)?phone|mobile|cell|fax|contact|direct(?:\s+dial)?)\s+(?:number|no\.?)"
                      r"(?:\s+(?:for|of|at|to\s+(?:call|ring))\b[^?]*)?\W*$"
                      r"|\bnumber\s+(?:do|should|can)\s+I\s+(?:call|ring|dial)\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{6,}\d")
_EMAIL_Q = re.compile(r"\be-?mail\s+address(?:\s+(?:for|of|at)\b[^?]*)?\W*$", re.IGNORECASE)  # the thing asked
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_NAME_Q = re.compile(r"^what(?:'s|’s|\s+(?:is|was|are|were|will be))\s+the\s+names?\s+of\s+(?:[\w'’-]+\s+){0,4}?"
                     r"(?:consultant|manager|director|chair\w*|officer|head|person|owner|founder|ceo|president|chief|leader"
                     r"|engineer|architect|designer|contact|adviser|advisor|lawyer|solicitor|representative|spokes\w*"
                     r"|accountant|auditor|coordinator|secretary|treasurer)s?\b", re.IGNORECASE)
# Capitals that name no company: a currency, a unit, a time of day.
_NO_NAME = frozenset("GBP USD EUR CHF JPY CAD AUD VAT AM PM FTE KG KM".split())
# A body's capitalised common noun, alone, names nobody: "The Chair reminded the Board ..."
_BODY = frozenset("board chair chairman committee council company group trust directors trustees partners executive "
                  "government department ministry panel secretariat management".split())
_MONTH_OR_DAY = re.compile(_MONTH + r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_NAME = re.compile(r"\b[A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*)*")
# Words that open a sentence capitalised without being a name.
_STARTERS = frozenset(
    "until unless in on at the this these those it its after before during while when if although though however but "
    "and for from with without by as since because there here such some many most all each every we they he she our "
    "their his her you your i a an no not only also then thus therefore meanwhile instead yet so under over between "
    "among within across following despite according".split()
)
_POST_Q = re.compile(r"^who(?:'s|’s|\s+(?:is|was|are|were|will be))\s+(?:the\s+)?"
                     r"(?:(?:[A-Z][\w&'’.-]*|&)(?:\s+[A-Z&][\w&'’.-]*)*(?:'s|’s|(?<=s)'|(?<=s)’)\s+)?"
                     r"(?:new\s+|current\s+|named\s+|present\s+)?([^?]+?)\s*\?$", re.IGNORECASE)
# A post named by its initials or its long name: "CEO" is "chief executive".
_SAME_POST = {"ceo": "chief executive", "cfo": "chief financial", "coo": "chief operating", "cto": "chief technology",
              "cio": "chief information", "chair": "chairman", "chairman": "chair", "chairwoman": "chair",
              "chairperson": "chair", "head": "headteacher", "headteacher": "head"}
# A post said by its verb: "Oursel led a force" names the leader.
_POST_VERB = {"leader": r"\b(?:led|leads|leading)\b", "director": r"\bdirect(?:s|ed|ing)\b",
              "manager": r"\bmanag(?:es|ed|ing)\b", "owner": r"\bown(?:s|ed)\b", "captain": r"\bcaptain(?:s|ed)\b"}
_POST = re.compile(r"(?:head|chief|officer|director|manager|president|chair|chairman|chairwoman|chairperson|secretary"
                   r"|minister|ceo|cfo|coo|cto|cio|lead|leader|coordinator|editor|governor|treasurer|clerk|sponsor"
                   r"|owner|controller|counsel|superintendent|principal|dean|commissioner|mayor|captain|coach|solicitor"
                   r"|lawyer|accountant|auditor|adviser|advisor|landlord|trustee|headteacher|headmaster|headmistress)s?",
                   re.IGNORECASE)


def lacks_asked(question: str, sentences: list[str]) -> str | None:
    """What the quoted sentences lack of the kind of thing asked for (a reason to decline), or None."""
    when = re.search(r"\bwhen\b", question, re.IGNORECASE)  # ("In what year ...?" asks a time without it)
    if question_type(question) == "when" and (not when or _ASKS_WHEN.search(question) and not _CONDITION.match(question)) and (
            not any(_TIME.search(_unasked_numbers(question, s)) for s in sentences)):
        return "no date or time"  # (the question's own numbers say no time: "When did the Lumora Rise 2 come out?")
    if _CLOCK_Q.search(question) and not any(_CLOCK.search(s) for s in sentences):
        return "no time of day"
    if _WEEKDAY_Q.search(question) and not any(_WEEKDAY.search(s) for s in sentences):
        return "no day of the week"
    if _RATE_Q.search(question) and not any(_RATE.search(s) for s in sentences):
        return "no rate"
    if re.search(r"\bhow many\b", question, re.IGNORECASE) and not _counts(question, sentences):
        return "no count"
    if _HOW_LONG.search(question) and not any(_LASTS.search(s) for s in sentences):  # "How long is the contract?"
        return "no duration or length"
    if _TAKES.search(question) and not any(_LASTS.search(_NOT_TIME.sub(" ", s)) for s in sentences):
        return "no duration"  # "How long does it take to charge?": "Up to 65 miles" is no time
    if (asks_sum(question) or _SUM.search(question)) and not _new(_MONEY, question, [_asked_sums(question, s) for s in sentences]) and not (
            CHANGE_Q.search(question) and _counts(question, sentences)) and not (  # "How much did the price rise?": "by 2%"
            _WORTH.search(question) and any(_SHARE.search(s) for s in sentences)):
        return "no sum of money"
    if _DATE_Q.search(question) and not _new(_DATE, question, sentences):
        return "no date"
    if _LIMIT.search(question) and not _figure(question, sentences):
        return "no figure"
    if _MEASURE_Q.search(question) and not _figure(question, sentences):  # "How heavy is the Rise 2?"
        return "no measure"
    if _WEIGH_Q.search(question) and not any(_WEIGHT.search(s) for s in sentences):
        return "no weight"
    if _QUANTITY_Q.search(question) and not _figure(question, sentences, words=False):  # "a few minutes" is no voltage
        return "no measure"
    if (_ORG.search(question) or _NAME_Q.search(question)) and not _names(question, sentences):
        return "no name"
    if re.match(r"\W*(?:what|which|where)\b", question, re.IGNORECASE) and (
            _PHONE_Q.search(question) and not any(_PHONE.search(s) for s in sentences)
            or _EMAIL_Q.search(question) and not any(_EMAIL.search(s) for s in sentences)):
        return "no phone number or address"
    post = _post(question)
    said = " ".join(sentences).lower()
    if post and not all(_names_post(w.lower(), said) for w in post):
        return "no such post"
    return None


def contact_after(question: str, cands: Sequence[Candidate], passages: Sequence[Passage], sentences: list[str]
                  ) -> tuple[str, str] | None:
    """For "What number can I call Rachel on?" when the quoted sentence names her but holds no number: its lines down
    to one holding a number, within four lines (a signature: name, post, employer, "Tel: ..."), cited, and the number
    or address; else None."""
    wanted = _PHONE if _PHONE_Q.search(question) else _EMAIL if _EMAIL_Q.search(question) else None
    c = next((c for c in cands if sentences[0] in (c.text, c.said())), None) if wanted and sentences else None
    if wanted is None or c is None:
        return None
    lines = passages[c.passage].chunk.text[c.position:].splitlines()[:5]  # (a signature's name and post: two lines)
    for k, line in enumerate(lines[1:], 1):
        if found := wanted.search(line):
            # the lines as they are written, so the citation narrows to them (cite.cite: a verbatim quote)
            quote = " ".join(ln.strip() for ln in lines[: k + 1] if ln.strip())
            return f"{quote} [{c.passage + 1}]", found.group(0).strip()
    return None


def _names_post(word: str, said: str) -> bool:
    """Whether the quoted text names a word of the post asked for, by its first letters or its other name."""
    return (bool(re.search(r"\b" + re.escape(word[:5]), said)) or (word in _SAME_POST and _SAME_POST[word] in said)
            or bool(word in _POST_VERB and re.search(_POST_VERB[word], said)))


def _unasked_numbers(question: str, sentence: str) -> str:
    """The sentence with the numbers the question names blanked ("Rise 2" says no time for "When did Rise 2 ...?")."""
    asked = set(re.findall(r"\d+", question))
    return re.sub(r"\d+", lambda m: " " if m.group(0) in asked else m.group(0), sentence) if asked else sentence


# Kinds of sum a table's column may hold: "How much does the cover cost?" is not answered by its "Excess: £100".
_SUM_KINDS = {
    "price": r"price|cost|fee|charge|premium|fare|rent|subscription",
    "excess": r"excess|deductible",
    "limit": r"limit|maximum|cap|sum insured",
    "deposit": r"deposit",
    "refund": r"refund",
    "fine": r"fine|penalty",
    "pay": r"salary|wage",  # (not "pay": "How much did I pay for the brake pads?" asks a price)
}
_SUM_KIND = {kind: re.compile(rf"\b(?:{words})s?\b", re.IGNORECASE) for kind, words in _SUM_KINDS.items()}


def _asked_sums(question: str, sentence: str) -> str:
    """A table row's text without its cells holding another kind of sum than the one asked: "Cover: Optional accidental
    damage; Excess: £100; Limit: ..." holds no price for "How much extra does the cover cost?". Prose, a row's cells
    under no kind of sum, and a question naming no kind (or several) are left as they are."""
    asked = [kind for kind, pattern in _SUM_KIND.items() if pattern.search(question)]
    row = row_cells(sentence) if len(asked) == 1 and "; " in sentence else []
    if len(row) < 2 or any(len(header) > 40 for header, _ in row):
        return sentence

    def other(header: str) -> bool:
        others = [p for kind, p in _SUM_KIND.items() if kind != asked[0]]
        return any(p.search(header) for p in others) and not _SUM_KIND[asked[0]].search(header)

    return "; ".join(f"{header}: {value}" for header, value in row if not other(header))


def _new(pattern: re.Pattern[str], question: str, sentences: list[str]) -> bool:
    """Whether the sentences hold a match the question does not (a sum the question quotes answers nothing)."""
    asked = {re.sub(r"\s+", "", m.group(0).lower()) for m in pattern.finditer(question)}
    return any(re.sub(r"\s+", "", m.group(0).lower()) not in asked for s in sentences for m in pattern.finditer(s))


def _counts(question: str, sentences: list[str]) -> bool:
    """Whether a sentence holds a number that can be a count: not the question's own, not a year, not a date's day."""
    asked = {m.group(0).lower() for m in _COUNT.finditer(question)}
    part = re.search(r"\bhow many of\b", question, re.IGNORECASE)  # "how many of the 400 ...?": "over 60 percent"
    for said in sentences:
        if part and re.search(r"\d\s*(?:%|percent\b|per cent\b)", said, re.IGNORECASE):
            return True
        s = _NOT_A_COUNT.sub(lambda m: " " * len(m.group()), said)  # (blanked: the offsets stay)
        if not _CURRENCY_Q.search(question):  # "a $189 value" counts no pre-orders ("How many dollars ...?" it does)
            s = _SUM_NOT_COUNT.sub(lambda m: " " * len(m.group()), s)
        for m in _COUNT.finditer(s, clause_number_end(s)):
            n = m.group(0).lower().rstrip(".,")
            if n in asked or (_YEAR.fullmatch(n) and not re.match(r"\s*times\b", s[m.end():])):  # "1013 times"
                continue
            if re.match(r"\s*" + _MONTH, s[m.end() : m.end() + 12], re.IGNORECASE) or re.search(
                    _MONTH + r"\s*$", s[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
                continue  # "3 February", "Feb 3"
            return True
    return False


def _figure(question: str, sentences: list[str], words: bool = True) -> bool:
    """Whether a sentence holds a number the question does not (``words``: or a count in words, "unlimited")."""
    asked = set(re.findall(r"\d[\d,.]*", question))
    return any(set(re.findall(r"\d[\d,.]*", s[clause_number_end(s) :])) - asked
               or words and re.search(r"\b(?:" + _COUNT_WORDS + r"|unlimited|no limit)\b", s, re.IGNORECASE) for s in sentences)


def _names(question: str, sentences: list[str]) -> bool:
    """Whether a sentence names something (a capitalised name or an acronym) the question does not."""
    asked = {re.sub(r"['’]s?$", "", w.lower()) for w in re.findall(r"[\w'’-]+", question)}  # ("Corvane's": Corvane)
    for s in sentences:
        for m in _NAME.finditer(s):
            first = m.group(0).split()[0]
            opens = m.start() == 0 or s[: m.start()].rstrip().endswith((".", ":", '"', "“"))
            if opens and " " not in m.group(0) and not first.isupper() and (
                    first.lower() in STOPWORDS or first.lower() in _STARTERS or _COUNT.fullmatch(first)):
                continue  # a capitalised first word
            said = {re.sub(r"['’]s?$", "", w.lower()) for w in re.findall(r"[\w'’-]+", m.group(0))
                    if w not in _NO_NAME and not _MONTH_OR_DAY.fullmatch(w) and w.lower() not in STOPWORDS}
            if said - asked and not said <= _BODY:
                return True
    return False


def _post(question: str) -> list[str]:
    """The post a "Who is X's Head of IT?" question names in capitals ("Head", "IT"), when one of its words is a
    post; empty for any other question ("Who is the hero who ...?")."""
    m = _POST_Q.search(question)
    if m is None or re.search(r"\bor\b", question):  # ("Who is the director of X, Y or Z?" is a choice)
        return []
    post: list[str] = []
    after_of = False
    for w in re.findall(r"[A-Za-z]+", m.group(1)):
        if w.lower() in ("of", "for", "and"):
            if post and post[0][0].isupper():
                after_of = True
                continue  # "Head of IT" is the post's name; "director of Hollywood film ..." names what it directs
            break
        if after_of and not (w.isupper() and len(w) <= 4 or w.lower() in DEPARTMENTS):
            break  # "Chief Financial Officer of Meridale Foods": the company, not the post
        if not post and w[0].islower() and not _POST.fullmatch(w) and w.lower() not in ("at", "in", "on", "the"):
            rest = re.findall(r"[A-Za-z]+", m.group(1))
            nxt = rest[rest.index(w) + 1] if rest.index(w) + 1 < len(rest) else ""
            if _POST.fullmatch(nxt) and nxt[0].islower():
                continue  # "Who is Corrie Logistics' legal adviser?": the post is the adviser
        if w.lower() in ("at", "in", "on", "the") or not (w[0].isupper() or not post and _POST.fullmatch(w)):
            break  # (a post in lower case: "Who is the head of IT at ...?", "who is the tenant's solicitor?")
        post.append(w)
    return post if any(_POST.fullmatch(w) for w in post) else []
