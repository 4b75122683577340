"""Conversations: follow-up questions rewritten into standalone ones, then answered as `ask` does.

With an LLM configured the rewrite is the model's (prompts/condense.md); without one, a follow-up
that leans on what came before ("and who presented?") gets what the previous turn was about added:
the names and noun phrases of the previous question and answer (the person, for "she"), which is
what the retriever and the extractive answerer need to find the same material again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from briefbot.schema import Answer, Usage

if TYPE_CHECKING:
    from briefbot.answer.llm.openai_chat import OnToken
    from briefbot.settings import Settings


class Asker(Protocol):
    """What a conversation needs of a knowledge base (``briefbot.Briefbot`` is one): its settings and ``ask``."""

    settings: Settings

    def ask(self, question: str, k: int | None = None, on_token: OnToken | None = None) -> Answer: ...

HISTORY_TURNS = 4  # turns shown to the LLM when rewriting
MAX_CARRIED_TERMS = 6  # so terms carried from turn to turn do not drown the follow-up's own words
_WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]", re.UNICODE)
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each else ever few for from
    further had has have having how i if in into is it its itself just let me more most much must my
    no nor not now of off on once only or other our out over own please same shall she should so some
    such tell than that the their them then there these they this those through to too under until up
    very was we were what whats when where which while who whom whose why will with would you your
    he him his her hers its it's one ones anything something someone anyone give show say said list
    explain describe mean means happen happened""".split()
)
# Words that make a question lean on the one before it.
_ANAPHORA = frozenset(
    "it its it's they them their theirs he him his she her hers this that these those there then such same one ones".split()
)
_FOLLOW_UP_START = re.compile(r"^\s*(and|but|also|so|then|or|what about|how about|and what|what else)\b", re.IGNORECASE)


def key_terms(question: str) -> list[str]:
    """The content words of a question, in order, without repeats."""
    seen: set[str] = set()
    out: list[str] = []
    for word in _WORD.findall(question):
        low = word.lower()
        if low in STOPWORDS or low in seen or len(low) < 2 and not word.isdigit():
            continue
        seen.add(low)
        out.append(word)
    return out


def is_follow_up(question: str) -> bool:
    """Does this question lean on the previous one (a pronoun, "and ...", or almost no content words)?"""
    words = [w.lower() for w in _WORD.findall(question)]
    return bool(_FOLLOW_UP_START.match(question)) or any(w in _ANAPHORA for w in words) or len(key_terms(question)) <= 1


_NAME = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+|de[ \t]+)?[A-Z][\w'’-]*)*")
_TITLE = r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\b\.?\s*"
_PERSONAL = frozenset("he him his she her hers they them their".split())
# Titles that say whether "she" or "he" can mean the person (Dr and Prof say neither, so fit both).
_TITLES_OF = {
    "she": r"Ms|Mrs|Miss|Dame|Lady|Dr|Prof",
    "he": r"Mr|Sir|Lord|Dr|Prof",
}
_PRONOUN = {"she": "she", "her": "she", "hers": "she", "he": "he", "him": "he", "his": "he"}
_QUESTION_WORDS = frozenset("what who whom whose when where which why how is are was were do does did can could and".split())


def names(text: str) -> list[str]:
    """Capitalised names in ``text`` ("Skerry", "Old Town Bakery"), without a question's opening word."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        while words and words[0].lower() in _QUESTION_WORDS | STOPWORDS:
            words = words[1:]
        name = " ".join(w.removesuffix("'s").removesuffix("’s") for w in words)
        if name and name.lower() not in STOPWORDS and name not in out:
            out.append(name)
    return out


def entities(previous: str, answer_text: str = "", short_answer: str | None = None) -> tuple[list[str], list[str]]:
    """What the previous turn was about: (its names and noun phrases, the people among them).

    A name is extended by the word after it when the answer says them together ("Skerry" in the
    question, "the Skerry lighthouse" in the answer: "Skerry lighthouse"); a name the answer gives
    a title ("Ms. Giannini"), or a "who" question's short answer, is a person.
    """
    found: list[str] = []
    for name in names(previous):
        after = re.search(rf"\b{re.escape(name)}[ \t]+([a-z][\w-]+)", previous)
        if after and after.group(1) not in STOPWORDS and re.search(
            rf"\b{re.escape(name)}[ \t]+{re.escape(after.group(1))}\b", answer_text
        ):
            name = f"{name} {after.group(1)}"
        found.append(name)
    said = f"{previous} {answer_text}"
    people = [n for n in found if re.search(rf"{_TITLE}(?:\w+\s+)?{re.escape(n.split()[-1])}\b", said)]
    asked_who = re.match(r"\W*(?:and\s+)?(?:who|whom)\b", previous, re.IGNORECASE)
    if asked_who and short_answer and names(short_answer) and len(short_answer.split()) <= 5:
        people.insert(0, short_answer)
        found.insert(0, short_answer)
    return found, people


def titled_person(answer_text: str, pronoun: str) -> str | None:
    """The first person the answer names with a title that fits ``pronoun`` ("she": "Ms. Stephania Giannini").

    After "Who attended the meeting?" the answer lists people and the question names none: "what did she
    emphasize?" most likely means the first woman it names.
    """
    titles = _TITLES_OF.get(_PRONOUN.get(pronoun, ""), "")
    if not titles:
        return None
    m = re.search(rf"\b(?:{titles})\b\.?\s*((?:[A-Z][\w'’-]*[ \t]+){{0,2}}[A-Z][\w'’-]*)", answer_text)
    return m.group(1) if m else None


_SWAP = re.compile(r"^\s*(?:and|but|or|what about|how about)\s+(?P<rest>.+?)[\s?.!]*$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")
_CARRIED = re.compile(r"\s*\([^()]*\)\s*$")  # the terms a previous rewrite appended


def swapped(previous: str, question: str) -> str | None:
    """The previous question asked of another name or year: "What did Marketing say about the price?" then "and the
    Industrial Designer?" asks what the Industrial Designer said about the price; "Who coaches Ireland?" then "and
    Italy?" asks who coaches Italy; "... in 2004?" then "and in 2005?" asks it of 2005. None when the follow-up is
    not a bare name or year, or the previous question has none to replace."""
    m = _SWAP.match(question)
    if not m:
        return None
    previous = _CARRIED.sub("", previous).strip()
    rest = m.group("rest").strip()
    year = re.fullmatch(r"(?:(?:in|for|during|of)\s+)?(1[0-9]{3}|20[0-9]{2})", rest, re.IGNORECASE)
    if year:
        old = _YEAR.search(previous)
        return f"{previous[: old.start()]}{year.group(1)}{previous[old.end() :]}" if old else None
    prep = re.match(r"(in|at|from|for|to|by|with|on)\s+", rest, re.IGNORECASE)
    bare = re.sub(r"^the\s+", "", rest[prep.end() :] if prep else rest, flags=re.IGNORECASE)
    if names(bare) != [bare]:  # not a name alone ("the backup horn", "who presented")
        return None
    if re.search(rf"\b{re.escape(bare)}\b", previous, re.IGNORECASE):
        return None  # the same name again: a follow-up about it, not a swap
    olds = [n for n in names(previous) if not re.fullmatch(_TITLE, n + " ")]
    if prep:  # "and in Beijing?": the name after the same word ("... say in Paris?")
        olds = [n for n in olds if re.search(rf"\b{prep.group(1)}\s+(?:the\s+)?{re.escape(n)}\b", previous, re.IGNORECASE)]
    if len(olds) != 1:
        return None  # none to replace, or which one is unclear ("What did Ms. Giannini say in Paris?", "and Beijing?")
    at = re.search(rf"\b{re.escape(olds[0])}\b", previous)
    if at is None:
        return None
    return f"{previous[: at.start()]}{bare}{previous[at.end() :]}"


def carry_over(previous: str, question: str, answer_text: str = "", short_answer: str | None = None) -> str:
    """The follow-up with what the previous turn was about appended, when it leans on it.

    The previous turn's names (and noun phrases) are carried, not its other words: after "When was
    the Skerry lighthouse automated?", "what about the backup horn?" is about the lighthouse's horn,
    not about automation. A "she" or "he" carries only the person. With no name, key terms are carried.
    """
    if not previous or not is_follow_up(question):
        return question
    swap = swapped(previous, question)
    if swap:
        return swap
    have = {w.lower() for w in key_terms(question)}
    found, people = entities(previous, answer_text, short_answer)
    pronouns = [w.lower() for w in _WORD.findall(question) if w.lower() in _PERSONAL]
    if pronouns and not people:
        person = titled_person(answer_text, pronouns[0])
        people = [person] if person else []
    carried = people if pronouns and people else found
    words = [w for e in carried for w in e.split()]
    if not words:
        words = key_terms(previous)
    extra = list(dict.fromkeys(w for w in words if w.lower() not in have))[:MAX_CARRIED_TERMS]
    return f"{question} ({' '.join(extra)})" if extra else question


@dataclass
class Turn:
    question: str  # as typed
    standalone: str  # as searched and answered
    answer: Answer


class Conversation:
    """A session of questions against one Briefbot; history is kept in memory for the session only."""

    def __init__(self, bot: Asker) -> None:
        self.bot = bot
        self.turns: list[Turn] = []

    def standalone(self, question: str) -> tuple[str, Usage | None]:
        """The question made understandable without the conversation, and what rewriting it cost."""
        question = " ".join(question.split())
        if not self.turns:
            return question, None
        if self.bot.settings.generator_name == "openai":
            from briefbot.answer.llm.openai_chat import OpenAIGenerator
            from briefbot.answer.llm.prompts import load_template

            folder = self.bot.settings.prompts
            if folder is not None and not (folder / "condense.md").exists():
                folder = None  # a prompts folder made for answer/brief only: use the built-in rewrite prompt
            gen = OpenAIGenerator(self.bot.settings)
            return gen.rewrite(self._history(), question, load_template("condense", folder))
        from briefbot.answer.verify.cite import MARKER

        last = self.turns[-1]
        plain = MARKER.sub("", last.answer.text) if last.answer.answered else ""
        return carry_over(last.standalone, question, plain, last.answer.short_answer), None

    def _history(self) -> str:
        from briefbot.answer.verify.cite import MARKER

        lines = []
        for t in self.turns[-HISTORY_TURNS:]:
            reply = MARKER.sub("", t.answer.text).strip() if t.answer.answered else "(not found in the documents)"
            lines.append(f"User: {t.standalone}\nAssistant: {reply[:600]}")
        return "\n\n".join(lines)

    def ask(self, question: str, on_token: OnToken | None = None) -> Answer:
        """Answer a question in the context of the conversation; the rewrite's tokens count in the usage."""
        standalone, rewrite_usage = self.standalone(question)
        return self.answer(question, standalone, rewrite_usage, on_token)

    def answer(
        self, question: str, standalone: str, rewrite_usage: Usage | None = None, on_token: OnToken | None = None
    ) -> Answer:
        """Answer an already rewritten question and record the turn (``ask`` in two steps, for display)."""
        answer = self.bot.ask(standalone, on_token=on_token)
        if rewrite_usage is not None:
            answer.usage = rewrite_usage + answer.usage if answer.usage else rewrite_usage
        self.turns.append(Turn(question.strip(), standalone, answer))
        return answer
