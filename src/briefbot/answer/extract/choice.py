"""Choices between two named things: "Which film came out first, Blind Shaft or The Mask of Fu Manchu?".

The answer is one of the two names, read off what the sentences about each one say. For "first", "earlier",
"older", "later", "younger" it is the year (or date) each side's sentence gives, compared: a birth year when
"born" is asked, the second date of "(1848 - 1915)" when "died" is. Otherwise it is the side whose sentences
say what the question asks ("Which 2009 animated film is from Japan, Summer Wars or The Secret of Kells?":
the one whose sentence has "Japan") when only one side's do. Both sentences are quoted, each cited. When they
do not settle it (a side has no sentence, equal years, an amount such as "more species"), no choice is made
and the usual answer follows. A life's length and a height are the two measures read. "Are X and Y from the
same country?" (``same``) is answered "Yes" or "No" from each side's nationality word ("is an Australian
cricketer"). A film's director is reached through its "directed by NAME" sentence, on NAME's own passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefbot.answer.extract.chain import Place
from briefbot.answer.shape.polar import Evidence, content_terms
from briefbot.index.lexical import tokenize

_OR = re.compile(r"^(?P<head>.*?)(?:,|:)\s*(?P<a>[^,]+?),?\s+or\s+(?P<b>[^,?]+?)\s*\??\s*$", re.IGNORECASE)
_MORE = re.compile(
    r"^(?P<head>.*?\b(?:first|earlier|later|older|younger|longer|shorter|more|less|bigger|smaller|larger)\b),?\s+"
    r"(?P<a>.+?)\s+or\s+(?P<b>.+?)\??$",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"\b(?:first|earlier|earliest|older|oldest|sooner)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:later|latest|last|younger|youngest|newer|newest|(?:more|most)\s+recent(?:ly)?)\b", re.IGNORECASE)
# Two measures read off the sentences: a life's length ("Who lived longer?": the years between the dates of
# "(1828 - 1906)") and a height ("Which mountain is higher?": metres, or feet converted).
_LIFE = re.compile(r"\blived\s+(?:a\s+)?longer\b|\blonger\s+(?:life|lives)\b", re.IGNORECASE)
_HEIGHT_Q = re.compile(r"\b(?:higher|taller)\b", re.IGNORECASE)
_HEIGHT = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<u>m|metres|meters|ft|feet)\b", re.IGNORECASE)
_MEASURE = re.compile(  # a comparison of amounts: not settled by reading words
    r"\b(?:more|less|fewer|most|least|higher|lower|taller|shorter|longer|bigger|smaller|larger|greater|heavier|"
    r"deeper|wider|faster|slower)\b",
    re.IGNORECASE,
)
# "Which film has the director who died first, X or Y?": the dates asked are another's (the director's page, a
# chain away), not the film's own.
_ANOTHERS = re.compile(
    r"\b(?:whose|director|directors|composer|author|writer|creator|founder|father|mother|performer|singer|producer|"
    r"spouse|wife|husband)\b",
    re.IGNORECASE,
)
# The one such role that is read: "Which film has the director who died first?" follows each film's "directed by
# NAME" to NAME's own passage (a chain's second link, as answer/extract/chain.py does for answers) and compares its dates.
_BY_ROLE = {"director": "directed", "directors": "directed", "producer": "produced", "composer": "composed",
            "author": "written", "writer": "written", "creator": "created", "founder": "founded", "performer": "performed"}
_BY_NAME = r"\s+by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w.'’-]*){0,3})"
# "Are X and Y from the same country?", "Do both directors of films X and Y share the same nationality?": a yes or
# no from each side's nationality word in its defining sentence ("is an American film director").
_SAME = re.compile(
    r"^(?:are|were|is|was|do|does|did)\s+(?:both\s+)?(?:the\s+)?(?P<dir1>directors?\s+of\s+(?:films?\s+)?)?(?:films?\s+)?"
    r"(?P<x>.+?)\s+and\s+(?:directors?\s+of\s+(?:films?\s+)?)?(?P<y>.+?)\s+"
    r"(?:films?\s+)?(?:both\s+)?(?P<dir2>have\s+the\s+directors?\s+(?:that\s+)?)?"
    r"(?:share\s+the\s+same|(?:both\s+)?(?:from|located\s+in|of|in)\s+the\s+same|have\s+the\s+same)\s+(?:country|nationality)\b",
    re.IGNORECASE,
)
_NATIONALITY = re.compile(
    r"\b(?:is|was|are|were)\s+(?:an?|the)\s+(?:(?!(?:in|of|at|on|from|near|by|for|with)\b)(?:[a-z][\w-]*|\d[\w-]*)\s+){0,2}?"
    r"(?P<n>(?!Christian\b)[A-Z][a-z]+(?:an|ese|sh|ch|i))\b"
)
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # "Excalibur (Film)": the page's qualifier, not the name
_DIED = re.compile(r"\b(?:died|die|death|dead)\b", re.IGNORECASE)
_BORN = re.compile(r"\b(?:born|birth)\b", re.IGNORECASE)
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH = r"(?P<m>" + "|".join(_MONTHS) + r")"
_DATE = re.compile(
    rf"(?:\b(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>\d{{4}})\b)"
    rf"|(?:\b(?P<m2>{'|'.join(_MONTHS)})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b)"
    r"|(?:\b(?P<y3>1\d{3}|20\d{2})\b)",
    re.IGNORECASE,
)
_LIFESPAN = re.compile(r"\([^()]*?\d{4}[^()]*?[–—-][^()]*?\d{4}[^()]*?\)")


def options(question: str) -> tuple[str, str, str] | None:
    """(what is asked, one side, the other) for "X or Y?" questions, else None."""
    q = " ".join(question.split())
    for pattern in (_OR, _MORE):
        m = pattern.match(q)
        if m:
            head = m.group("head").strip()
            a, b = m.group("a").strip(" ?"), m.group("b").strip(" ?")
            if a and b and len(a.split()) <= 12 and len(b.split()) <= 12:
                return head, a, b
    return None


def _dates(text: str) -> list[tuple[int, int, int]]:
    """(year, month, day) of every date in ``text``, in order; month and day 0 when not given."""
    out = []
    for m in _DATE.finditer(text):
        if m.group("y"):
            out.append((int(m.group("y")), _MONTHS.index(m.group("m").lower()) + 1, int(m.group("d"))))
        elif m.group("y2"):
            out.append((int(m.group("y2")), _MONTHS.index(m.group("m2").lower()) + 1, int(m.group("d2"))))
        else:
            out.append((int(m.group("y3")), 0, 0))
    return out


def _about(name: str, evidence: list[Evidence], places: list[Place]) -> list[int]:
    """The sentences about ``name``, best first: in a passage about it (opening with it, or its file or heading
    named so), those naming it, then those whose context does, then its other sentences (a page may spell the name
    otherwise: "Alexander DeBrincat" on the page "Alex DeBrincat"); then, elsewhere, only those naming it ("he lost his
    seat to Daniel Agnew" on another man's page comes last, and that page's "He died in 1876" is not about him)."""
    terms = content_terms(name)
    if not terms:
        return []
    home = {i for i, place in enumerate(places) if place.about(set(tokenize(name)))}
    own = [i for i, ev in enumerate(evidence) if terms <= content_terms(ev.text)]
    near = [i for i, ev in enumerate(evidence) if i not in own and terms <= content_terms(ev.text) | content_terms(ev.context)]
    inside = [i for i in own + near if evidence[i].passage in home]
    inside += [i for i, ev in enumerate(evidence) if ev.passage in home and i not in inside]  # "Alexander DeBrincat"
    return inside + [i for i in own if i not in inside]  # elsewhere, "He died in 1876" may be another man


def _when(head: str, sentences: list[int], evidence: list[Evidence]) -> tuple[tuple[int, int, int], int] | None:
    """The date the question compares, from the first of ``sentences`` that gives it, and that sentence."""
    died, born = bool(_DIED.search(head)), bool(_BORN.search(head))
    for i in sentences:
        text = evidence[i].text
        span = _LIFESPAN.search(text)
        if died:
            dates = _dates(span.group()) if span else (_dates(text) if _DIED.search(text) else [])
            if len(dates) >= 1 and (span is None or len(dates) >= 2):
                return dates[-1], i
        elif born:
            dates = _dates(span.group()) if span else (_dates(text) if _BORN.search(text) else [])
            if dates:
                return dates[0], i
        else:
            dates = _dates(text)
            if dates:
                return dates[0], i
    return None


def _linked(role: str, sides: list[int], evidence: list[Evidence], places: list[Place]) -> tuple[int, list[int]] | None:
    """The side's sentence naming the person in ``role`` ("directed by Li Yang"), and the sentences of the passage
    about that person."""
    for i in sides:
        m = re.search(rf"\b(?:co-)?{_BY_ROLE[role]}(?:,?\s+(?:and\s+)?[a-z]+){{0,4}}?{_BY_NAME}", evidence[i].text)
        if m:
            name = set(tokenize(m.group("name")))
            home = {j for j, place in enumerate(places) if place.about(name)}
            person = [k for k, ev in enumerate(evidence) if ev.passage in home and ev.passage != evidence[i].passage]
            return (i, person) if person else None
    return None


def _life(text: str) -> float | None:
    """Years lived, from a sentence's "(birth - death)" dates."""
    span = _LIFESPAN.search(text)
    dates = _dates(span.group()) if span else []
    if len(dates) < 2:
        return None
    (y0, m0, d0), (y1, m1, d1) = dates[0], dates[-1]
    return y1 - y0 + ((m1 - m0) / 12 + (d1 - d0) / 365 if m0 and m1 else 0.0)


def _height(text: str) -> float | None:
    """The first height a sentence gives, in metres."""
    m = _HEIGHT.search(text)
    if not m:
        return None
    value = float(m.group("n").replace(",", ""))
    return value * 0.3048 if m.group("u").lower() in ("ft", "feet") else value


def _first(measure: Callable[[str], float | None], sentences: list[int], evidence: list[Evidence]) -> tuple[float, int] | None:
    """The measure from the first of ``sentences`` that gives it, and that sentence."""
    for i in sentences:
        value = measure(evidence[i].text)
        if value is not None:
            return value, i
    return None


def _earlier(x: tuple[int, int, int], y: tuple[int, int, int]) -> bool | None:
    """Whether x comes before y; None when they cannot be told apart (same year, a day missing)."""
    if x[0] != y[0]:
        return x[0] < y[0]
    if x[1] and y[1] and x[2] and y[2] and x[1:] != y[1:]:
        return x[1:] < y[1:]
    return None


def choose(question: str, evidence: list[Evidence], places: list[Place]) -> tuple[str, list[int]] | None:
    """(the side chosen, as the question writes it; the sentences that decide, chosen side's first), or None.

    For a director's dates, each side gives two sentences: the film's "directed by NAME" and NAME's dates."""
    found = options(question)
    if found is None:
        return None
    head, a, b = found
    sides = (a, b)
    about = [_about(a, evidence, places), _about(b, evidence, places)]
    earlier, later = bool(_EARLIER.search(head)), bool(_LATER.search(head))
    via: list[int] | None = None  # each side's sentence naming its director, when the director's dates decide
    others = [m.group().lower() for m in _ANOTHERS.finditer(head)]
    if others:  # the dates asked are the director's: read on the director's own passage, or not at all
        role = next((r for r in others if r in _BY_ROLE), "")
        if not role or earlier == later or any(r not in _BY_ROLE and r != "whose" for r in others):
            return None  # "the director whose wife ...": the wife's dates, another link away
        links = [_linked(role, about[0], evidence, places), _linked(role, about[1], evidence, places)]
        if links[0] is None or links[1] is None or set(links[0][1]) & set(links[1][1]):
            return None
        via = [links[0][0], links[1][0]]
        about = [links[0][1], links[1][1]]
    if not about[0] or not about[1] or set(about[0][:1]) == set(about[1][:1]):
        return None
    if earlier != later:
        when = [_when(head, about[0], evidence), _when(head, about[1], evidence)]
        if when[0] is None or when[1] is None or when[0][1] == when[1][1]:
            return None
        first = _earlier(when[0][0], when[1][0])
        if first is None:
            return None
        pick = 0 if first == earlier else 1
        if via is not None:  # the film's "directed by" sentence, then the director's dates, for each side
            return sides[pick], [via[pick], when[pick][1], via[1 - pick], when[1 - pick][1]]
        return sides[pick], [when[pick][1], when[1 - pick][1]]
    measure = _life if _LIFE.search(head) else _height if _HEIGHT_Q.search(head) else None
    if measure is not None and via is None:
        found_a, found_b = _first(measure, about[0], evidence), _first(measure, about[1], evidence)
        if found_a is None or found_b is None or found_a[1] == found_b[1] or found_a[0] == found_b[0]:
            return None
        pick = 0 if found_a[0] > found_b[0] else 1
        picked, other = (found_a, found_b) if pick == 0 else (found_b, found_a)
        return sides[pick], [picked[1], other[1]]
    if earlier or _MEASURE.search(head):
        return None
    # What is asked, said of a side: only by a sentence naming it ("Which currency rose, the dollar or the euro?"
    # is not settled by another sentence of the dollar's article that has "rising").
    asked = content_terms(head) - content_terms(a) - content_terms(b)
    best: list[tuple[int, int]] = []
    for side in (0, 1):
        naming = [i for i in about[side] if content_terms(sides[side]) <= content_terms(evidence[i].text)]
        if not naming:
            return None
        scored = [(len(asked & content_terms(evidence[i].text)), -n, i) for n, i in enumerate(naming)]
        top = max(scored)
        best.append((top[0], top[2]))
    if best[0][0] == best[1][0] or max(best[0][0], best[1][0]) == 0:
        return None
    pick = 0 if best[0][0] > best[1][0] else 1
    return sides[pick], [best[pick][1], best[1 - pick][1]]


def _nationality(sentences: list[int], evidence: list[Evidence]) -> tuple[str, int] | None:
    """The nationality word of the first of ``sentences`` that defines its subject ("is an American director")."""
    for i in sentences:
        m = _NATIONALITY.search(evidence[i].text)
        if m:
            return m.group("n"), i
    return None


def same(question: str, evidence: list[Evidence], places: list[Place]) -> tuple[str, list[int]] | None:
    """("Yes" or "No", the sentences that say so) for "Are X and Y from the same country?", or None.

    Each side's nationality word is read from its defining sentence (for "the directors of films X and Y", from
    each director's own passage, reached by the film's "directed by NAME"); equal words are "Yes", different ones
    "No". A side whose sentences give no such word (a lake "in Quebec, Canada") settles nothing."""
    m = _SAME.match(" ".join(question.split()))
    if m is None:
        return None
    sides = [_QUALIFIER.sub("", m.group(k)).strip() for k in ("x", "y")]
    about = [_about(side, evidence, places) for side in sides]
    via: list[int] = []
    if m.group("dir1") or m.group("dir2"):
        links = [_linked("director", about[0], evidence, places), _linked("director", about[1], evidence, places)]
        if links[0] is None or links[1] is None or set(links[0][1]) & set(links[1][1]):
            return None
        via = [links[0][0], links[1][0]]
        about = [links[0][1], links[1][1]]
    found = [_nationality(about[0], evidence), _nationality(about[1], evidence)]
    if found[0] is None or found[1] is None or found[0][1] == found[1][1]:
        return None
    verdict = "Yes" if found[0][0] == found[1][0] else "No"
    if via:
        return verdict, [via[0], found[0][1], via[1], found[1][1]]
    return verdict, [found[0][1], found[1][1]]
