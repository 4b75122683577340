"""Conversations: follow-up questions rewritten into standalone ones, then answered as `ask` does.

With an LLM configured the rewrite is the model's (prompts/condense.md); without one, a follow-up
that leans on what came before ("and who presented?") gets the previous question's key terms added,
which is what the retriever and the extractive answerer need to find the same material again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from briefbot.schema import Answer, Usage

if TYPE_CHECKING:
    from briefbot.answer.openai_chat import OnToken
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


def carry_over(previous: str, question: str) -> str:
    """The follow-up with the previous question's key terms it lacks appended, when it leans on them."""
    if not previous or not is_follow_up(question):
        return question
    have = {w.lower() for w in key_terms(question)}
    extra = [w for w in key_terms(previous) if w.lower() not in have][:MAX_CARRIED_TERMS]
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
            from briefbot.answer.openai_chat import OpenAIGenerator
            from briefbot.answer.prompts import load_template

            folder = self.bot.settings.prompts
            if folder is not None and not (folder / "condense.md").exists():
                folder = None  # a prompts folder made for answer/brief only: use the built-in rewrite prompt
            gen = OpenAIGenerator(self.bot.settings)
            return gen.rewrite(self._history(), question, load_template("condense", folder))
        return carry_over(self.turns[-1].standalone, question), None

    def _history(self) -> str:
        from briefbot.answer.cite import MARKER

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
