"""Who holds a post, and a listed person's role: answers read off a list of people with their titles.

Meeting notes and press releases name people with their posts in one long sentence ("Mr. LI Ming, Chair Professor of
..., director of UNESCO-ICHEI, Prof. JIN Li, ..."), and letters sign off with a name over a post. "Who is the CFO of
Meridale Foods?" is answered by the item whose role says it (the initials spelled out), only from a list whose passage
or file names the company; "What is Professor Hugh Lamb's role?" by the role after the name. Such a sentence is far in
meaning from the question (a long list), so these answers need not pass the extractive answerer's threshold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefbot.answer.extract.name_choice import similar as _similar, words as _words
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.definitions import acronym_answer
from briefbot.answer.shape.quotes import SIGN_NAME
from briefbot.index.lexical import STOPWORDS, tokenize
from briefbot.schema import Passage
from briefbot.text.posts import DEPARTMENTS, POST_INITIALS, spelled_out

_ROLE_Q = re.compile(r"\b(?:role|title|position|job|post|occupation|profession|rank)\b|^\s*who\s+(?:is|was)\s+(?-i:[A-Z])", re.IGNORECASE)
# "Who is the CFO of Meridale Foods?", "Who is the deputy chief of the IIOE?": a post, answered from a list of people.
_WHO_POST = re.compile(
    r"^\s*who\s+(?:chairs|heads|leads|manages)\b|"  # "Who chairs the trustees?"
    r"^\s*who(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+|their\s+|its\s+)?(?:[\w&'’.-]+\s+){0,3}?"
    r"(?:ceo|cfo|coo|cto|cio|cmo|chief|head|director|officer|chair\w*|president|secretary|manager|treasurer|deputy|dean"
    r"|principal|provost|chancellor|rector|governor|clerk|controller|coordinator|superintendent)\b",
    re.IGNORECASE)
# The post a "Who is the ... of X?" question names: "CFO", "deputy chief", "Acting Dean", "Who chairs ...?"; after a
# possessive, the words after it ("Who is Greyfield's finance director?").
_POST_PHRASE = re.compile(r"\s*who\s+(chairs|heads|leads|manages)\b|\s*who(?:'s|’s|\s+(?:is|was|are|were))\s+"
                          r"(?:the\s+|their\s+|its\s+|(?:[A-Z][\w&.-]*\s+|&\s+)*[\w&.-]+(?:'s|’s)\s+)?(.+?)"
                          r"(?:\s+(?:of|at|for|in|on|to|with|from)\b|\s*\?|$)", re.IGNORECASE)
# A signature read as one statement (quotes.signatures): "Margaret Osei, Chair of Trustees"
_SIGNED = re.compile(rf"({SIGN_NAME}), ([^,.;:]+)")
# A question's capitalised words that are the post, not what holds it ("Chief Financial Officer of Meridale Foods")
_POST_WORD = re.compile(r"(?i:ceo|cfo|coo|cto|cio|cmo|chief|head|director|officer|chair\w*|president|secretary|manager|"
                        r"treasurer|deputy|executive|financial|operating|technology|information|marketing|company|vice|"
                        r"senior|acting|general|managing|assistant)")
# Where a listed person's role ends: the next person, ", and", or the sentence's verb ("... participated")
_ITEM_END = re.compile(
    r",?\s+(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame)\b\.?|,\s+(?:and\s+)?Professor\s+(?=[A-Z][a-z])|,\s+and\s+|;"
    r"|\s+(?:participated|attended|took part|joined|met|were|was|is|are)\b"
)
_PERSON = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Sir|Dame)\b\.?\s*([A-Z][\w'’-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’-]*)*)"
)


def _post_needed(question: str) -> set[str]:
    """The terms a role must hold to be the post a question asks for (empty when it names none)."""
    post = _POST_PHRASE.match(question)
    phrase = (post.group(1) or post.group(2)) if post else ""
    of = re.match(r"\s+of\s+(?:the\s+)?(\w+)", question[post.end(2):]) if post and post.group(2) else None
    if of and of.group(1).lower() in DEPARTMENTS:
        phrase += " " + of.group(1)  # "head of sales": the department is the post's
    return {t for t in tokenize(spelled_out(phrase)) if t not in POST_INITIALS}


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


def same_name(asked: list[str], name: str) -> bool:
    """The question names this person, maybe spelled or split differently ("Hou Shengtao", "HOU Sheng Tao")."""
    words = [w.lower() for w in name.split()]
    joined = "".join(words)
    hits = sum(1 for a in asked if any(_similar(a, w) for w in words) or (len(a) >= 5 and a.lower() in joined))
    return hits >= min(2, len(words), len(asked)) and hits > 0


_TITLE_WORDS = frozenset("Mr Ms Mrs Miss Dr Prof Sir Dame Lord Lady".split())


def asked_names(question: str) -> list[str]:
    """The names a question gives (capitalised words after its first, titles aside), without a possessive's "'s"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", question)
    return [
        w.removesuffix("'s").removesuffix("’s") for i, w in enumerate(words)
        if i > 0 and w[0].isupper() and w.lower() not in STOPWORDS and w.rstrip(".") not in _TITLE_WORDS
    ]


def list_answer(question: str, sentences: list[str], kind: str) -> str | None:
    """In a sentence listing people and roles: "what is X's title" gives X's role, "who is the chief of Y"
    gives the person whose role fits (the item that matches, not the whole list)."""
    role_q = bool(_ROLE_Q.search(question))
    if not role_q and kind != "who":
        return None
    asked = asked_names(question)
    qterms = _words(spelled_out(question))  # "Who is the CFO?": the Chief Financial Officer
    needed = _post_needed(question)
    for sentence in sentences:
        items = list_items(sentence)
        if role_q and asked:
            for item in items:
                if item.role and same_name(asked, item.name):
                    return item.role
        if kind == "who" and len(items) >= 2:
            def fit(item: Item) -> float:
                """The best of the item's roles ("Chair Professor of ..., director of UNESCO-ICHEI"): the share of the
                question's words it holds, more when it starts with one, less for each word of its own."""
                if same_name(asked, item.name):
                    return 0.0
                best = 0.0
                for part in item.role.split(","):
                    role = [t for t in tokenize(part) if len(t) > 1]
                    if role and needed <= set(role):  # "Who is the deputy chief ...?": a role saying "deputy chief"
                        share = len(set(role) & qterms) / max(1, len(qterms))
                        best = max(best, share + 0.5 * (role[0] in qterms) - 0.01 * len(set(role) - qterms))
                return best

            best = max(items, key=fit)
            if fit(best) > 0.3:
                return best.name
    return None


def direct_answer(question: str, sentences: list[str], kind: str, contexts: list[str] | None = None) -> tuple[str, int] | None:
    """An acronym's long form or a listed person's role, wherever a sentence states it: (phrase, sentence index).

    These questions are answered from the sentence that defines the thing even when its meaning is
    far from the question's (a name spelled another way, a long list), so they need not pass the
    extractive answerer's threshold. A post asked for ("Who is the CFO of Meridale Foods?") is answered so only
    from a list whose passage or file names what the question names (``contexts``: each sentence's).
    """
    post = _WHO_POST.search(question)  # ("Who is Greyfield's finance director?" is one, not "Who is X?")
    names = [n.lower()[:5] for n in asked_names(question) if not _POST_WORD.fullmatch(n)] if post else []
    needed = _post_needed(question) if post else set()
    role_q = bool(_ROLE_Q.search(question)) and not post
    for i, sentence in enumerate(sentences):
        found = acronym_answer(question, [sentence])
        if found is None and post and contexts is not None:
            said = contexts[i].lower()
            if all(re.search(r"\b" + re.escape(n), said) for n in names):
                signed = _SIGNED.fullmatch(sentence.strip())
                if signed and needed and needed <= set(tokenize(signed.group(2))):
                    found = signed.group(1)  # "Who chairs the trustees?": "Margaret Osei, Chair of Trustees"
                else:
                    found = list_answer(question, [sentence], kind)
        if found is None and role_q:
            found = list_answer(question, [sentence], kind)
        if found:
            return found, i
    return None


def direct_answer_in(question: str, cands: Sequence[Any], passages: Sequence[Passage]) -> tuple[str, int] | None:
    """``direct_answer`` over candidate sentences (candidates.Candidate), each read with its passage and file."""
    chunks = [passages[c.passage].chunk for c in cands]
    return direct_answer(question, [c.text for c in cands], question_type(question),
                         [f"{ch.source} {ch.context or ''} {ch.text}" for ch in chunks])
