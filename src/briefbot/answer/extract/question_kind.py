"""The kind of question: one that asks for a summary, or which kind of fact (who, when, where, a number).

Questions that ask for a summary ("Summarize the discussion about X", "What did the group decide about Y?"): one
quoted sentence answers "Who ...?" or "When ...?", but not "What did the Marketing think of the buttons?":
the answer is what several turns of a meeting said. The offline answerer gives such questions a topic brief
(the question is the topic) instead of its best sentence. The rule is narrow on purpose: on SQuAD and the
multi-hop sets it matches under 0.5% of questions, on QMSum's query-focused ones about three in four
(bench/briefs.py reports both). ``question_type`` says which kind of fact the others ask for, from the wh-word
that asks (the short answer and the sentence choice look for that kind).
"""

from __future__ import annotations

import re

_SUMMARISE = re.compile(
    r"^\s*(?:please\s+)?(?:summari[sz]e|describe|outline|give\s+(?:me\s+)?(?:an?\s+)?(?:overview|summary|recap))\b",
    re.IGNORECASE,
)
# "What did <someone> think/say/decide ... about <topic>": someone's view or the group's outcome.
_VIEW = re.compile(
    r"^\s*(?:what|how)\s+(?:did|does|do|would)\s+[^?]{1,80}?\b(?:think|say|discuss|talk|suggest|propose|comment|feel"
    r"|decide|agree|conclude|elaborate|respond|argue)\s+(?:about|of|on|over|towards?|regarding|when|with)\b",
    re.IGNORECASE,
)
# "What did they discuss?", "What did the group decide?", "What did Giannini say?": the same, its topic left open
# (past or future tense: "What does the word prime suggest?" asks for a meaning).
_VIEW_BARE = re.compile(
    r"^\s*(?:what|how)\s+(?:did|would|will)\s+[^?]{1,60}?\b(?:think|say|discuss|talk\s+about|propose|decide"
    r"|agree(?:\s+on)?|conclude|argue|recommend)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
# "What was the group's decision on ...", "What were their thoughts about ...", "What was the debate about ...".
_VIEW_NOUN = re.compile(
    r"^\s*(?:what|how)(?:'s|’s|\s+(?:was|were|is|are))\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+)?[^?]{0,40}?"
    r"\b(?:opinions?|views?|thoughts|decisions?|conclusions?|discussions?|debate|controversy|reactions?|stance"
    r"|feedback|consensus|arguments?)\s+(?:about|of|on|over|towards?|regarding|with)\b",
    re.IGNORECASE,
)
# "What was discussed in the meeting?", "What was decided about the budget?"
_PASSIVE = re.compile(
    r"^\s*what\s+(?:was|were|has\s+been|have\s+been)\s+(?:discussed|said|decided|agreed|concluded|proposed|suggested"
    r"|presented|covered|talked\s+about)\b",
    re.IGNORECASE,
)
# Words of a summary request that name no topic: "Summarize the meeting", "Give me an overview of the documents".
_GENERIC = frozenset(
    """summarize summarise summary describe outline give me us an a the overview recap of please what was were is are
    has have been discussed said decided agreed concluded proposed suggested presented covered talked about in at on
    during from for all everything it this these that those main key points findings brief briefly short quick
    meeting meetings discussion discussions document documents doc docs file files folder corpus text texts report
    reports notes minutes content contents did do does would will think say discuss talk propose decide agree
    conclude argue recommend they them we you he she people group team everyone participants""".split()
)


# "clause 4.4", "section 3", "paragraph 2(b)", "article 12", "§ 7.1": a numbered clause (answer/shape/clauses.py)
_CLAUSE = re.compile(r"(?:\b(?:clause|section|paragraph|para|article|item|rule|condition)\.?|§)\s*(\d{1,3}(?:\.\d{1,3})*)\b",
                     re.IGNORECASE)


# "What does E07 mean?", "error F3", "the E07 code": a manual's fault code names its entry as a number names a clause.
CODE = r"[A-Z]{1,2}\d{1,3}"  # a fault code's shape ("E07", "F3"; "DX-2" is a model, not a code)
_CODE = re.compile(rf"\b({CODE})\b")
_CODE_ASKED = re.compile(r"\b(?:error|errors|code|codes|fault|faults|alarm|warning|mean|means|meaning)\b", re.IGNORECASE)


def asked_clause(question: str) -> str | None:
    """The clause number a question names ("4.4"), or the fault code it asks about ("E07"); None otherwise."""
    m = _CLAUSE.search(question)
    if m:
        return m.group(1)
    codes = _CODE.findall(question)
    return codes[0] if len(codes) == 1 and _CODE_ASKED.search(question) else None


def asks_for_summary(question: str) -> bool:
    """Whether the question asks what was said or decided about something, rather than for one fact ("What does
    clause 8.1 say?" asks for that clause)."""
    return asked_clause(question) is None and any(p.match(question) for p in (_SUMMARISE, _VIEW, _VIEW_BARE, _VIEW_NOUN, _PASSIVE))


def names_a_topic(question: str) -> bool:
    """Whether a summary request names something to summarise ("... about the buttons"), not just "the meeting"."""
    return any(w not in _GENERIC for w in re.findall(r"[^\W_]+", question.lower()))


# A measure asked by its name: "What clean accuracy did ... reach?", "At what temperature is ...?", "What is the average
# salary in ...?", "What Vaccenic acid content was measured ...?" (a content, or a rate after "what is the", with a word
# before it: "What content was removed?" asks no measure).
_MODIFIERS = r"(?:(?!(?:the|a|an|to|of|in|for|with|and|does|did|do|is|was|are|were|has|had|happened)\s)[a-z0-9-]+\s+)"
_AFTER = (r"s?(?:\s+(?:of|is|was|are|were|did|does|do|has|had|for|at|in|can|will|would|should|must|required"
          r"|needed|reached|measured)\b|\s*\?*\s*$)")
_MEASURE = re.compile(
    r"\bwhat\s+(?:(?:is|was|are|were)\s+(?:the\s+)?)?" + _MODIFIERS + r"{0,3}?"
    r"(?:temperature|pressure|accuracy|speed|velocity|price|cost|fee|salary|budget|weight|length|width|height|depth"
    r"|altitude|distance|dose|dosage|concentration|frequency|voltage|score)" + _AFTER
    + r"|\bwhat\s+" + _MODIFIERS + r"{1,3}?content" + _AFTER
    + r"|\bwhat\s+(?:is|was|are|were)\s+the\s+" + _MODIFIERS + r"{0,3}?rate" + _AFTER
    + r"|^at what (?:temperature|pressure|speed|velocity|price|cost|age|depth|height|altitude|frequency|dose)\b"
)


def asks_measure(question: str) -> bool:
    """Whether the question names the measure it asks for ("What is the average width of the Rhine?"), which is
    answered with its unit."""
    return bool(_MEASURE.search(question.lower()))


def question_type(question: str) -> str:
    """The kind of thing the question asks for, from its wh-word: who, when, where, number, or other."""
    q = question.lower()
    if re.search(r"\bhow (many|much|long|old|far|big|large|often)\b|\bwhat (?:(?:is|was|are|were) )?(?:the )?"
                 r"(?:total |average |mean |median |approximate )?(percentage|number|amount|share|proportion)\b", q):
        return "number"
    if _MEASURE.search(q):
        return "number"
    # The first of the question's kind words decides ("When did the man who ...?" asks when); a "when" that is
    # not the question's own wh-word is a conjunction ("What happens when ...?" asks no time).
    for m in _KIND_WORD.finditer(q):
        kind = {"whom": "who", "whose": "who"}.get(m.group(1), m.group(1))
        if kind != "when" or _asks_when(q, m):
            return kind
    if re.search(r"\bwhat (?:fiscal |calendar |academic |financial |tax )?(year|date|day|month|time)\b", q):
        return "when"
    return "other"


_KIND_WORD = re.compile(r"\b(who|whom|whose|when|where)\b")
_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b")


def _asks_when(q: str, m: re.Match[str]) -> bool:
    """A "when" the question asks: its first wh-word before a verb or with no other after it ("When did ...", not
    "When the rock melts, what ..."), its last word ("... since when?"), or after a preposition ("since when")."""
    first = _WH_WORD.search(q)
    if first is not None and first.start() == m.start():
        return bool(_AUXILIARY.match(q, m.end())) or not _WH_WORD.search(q, m.end())
    return not re.search(r"\w", q[m.end() :]) or bool(re.search(r"\b(?:since|until|till|from|by)\s+$", q[: m.start()]))


_AUXILIARY = re.compile(r"\s+(?:is|are|was|were|did|do|does|will|would|had|has|have|can|could|should|shall|may|might|must)\b")
