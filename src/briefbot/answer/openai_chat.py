"""The LLM generator: chat completions from any OpenAI-compatible server, prompted from prompts/ files."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from briefbot.answer.pricing import estimate_cost
from briefbot.answer.prompts import Template
from briefbot.errors import ModelError
from briefbot.openai_client import call_with_errors, make_client
from briefbot.schema import Draft, Passage, Usage
from briefbot.settings import Settings
from briefbot.text.tokens import encoding_for_model

OnToken = Callable[[str], None]
_FENCE_TAG = re.compile(r"<\s*/?\s*passage", re.IGNORECASE)  # in any spelling, it could close the fence
_DECLINED = re.compile(r"^\s*(i don'?t know|i do not know)\b", re.IGNORECASE)


def fence(n: int, passage: Passage) -> str:
    """One passage as labelled data; its text cannot close the fence early."""
    c = passage.chunk
    body = _FENCE_TAG.sub(lambda m: "&lt;" + m.group()[1:], c.text)
    where = f' page="{c.page}"' if c.page is not None else ""
    where += f' section="{escape(c.context)}"' if c.context else ""
    return f'<passage n="{n}" source="{escape(c.source)}"{where} lines="{c.start_line}-{c.end_line}">\n{body}\n</passage>'


def fit_passages(template: Template, passages: list[Passage], budget: int, model: str, **values: object) -> list[Passage]:
    """The best-ranked passages whose prompt fits in ``budget`` tokens (at least one)."""
    enc = encoding_for_model(model)
    system, user = template.render(passages="", **values)
    used = len(enc.encode(system + user, disallowed_special=()))
    kept: list[Passage] = []
    for p in passages:
        cost = len(enc.encode(fence(len(kept) + 1, p), disallowed_special=())) + 2
        if kept and used + cost > budget:
            break
        kept.append(p)
        used += cost
    return kept


class OpenAIGenerator:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model = settings.model
        self.name = settings.model
        self._client = None

    def _usage(self, prompt_tokens: int, completion_tokens: int) -> Usage:
        return Usage(prompt_tokens, completion_tokens, estimate_cost(self.model, prompt_tokens, completion_tokens))

    def _complete(self, system: str, user: str, on_token: OnToken | None) -> tuple[str, Usage | None]:
        if self._client is None:
            self._client = make_client(self.settings)
        client = self._client
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        what = f"model {self.model}"

        def run() -> tuple[str, Usage | None]:
            if on_token is None:
                resp = client.chat.completions.create(model=self.model, messages=messages, temperature=0)  # type: ignore[arg-type]
                if not resp.choices or resp.choices[0].message is None:
                    raise ModelError(f"{what}: the server sent a reply with no answer in it")
                text = resp.choices[0].message.content or ""
                u = resp.usage
                return text, self._usage(u.prompt_tokens, u.completion_tokens) if u else None
            stream = client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=0,
                stream=True,
                stream_options={"include_usage": True},
            )
            parts: list[str] = []
            usage: Usage | None = None
            finished = False
            try:
                for event in stream:
                    if event.usage:
                        usage = self._usage(event.usage.prompt_tokens, event.usage.completion_tokens)
                    for choice in event.choices:
                        delta = choice.delta.content if choice.delta else None
                        if delta:
                            parts.append(delta)
                            on_token(delta)
                        if choice.finish_reason:
                            finished = True
            except Exception as exc:  # noqa: BLE001 - the connection broke after the reply began
                raise ModelError(
                    f"{what}: the reply stream was cut off before it finished ({type(exc).__name__}): try again"
                ) from exc
            if not finished:
                raise ModelError(f"{what}: the reply stream was cut off before it finished: try again")
            return "".join(parts), usage

        text, usage = call_with_errors(run, what=what)
        if not text.strip():
            raise ModelError(f"{what}: the server sent an empty reply: try again or use another model")
        return text, usage

    def answer(self, question: str, passages: list[Passage], template: Template, on_token: OnToken | None = None) -> tuple[Draft, list[Passage]]:
        passages = fit_passages(template, passages, self.settings.context_tokens, self.model, question=question, max_sentences=4)
        blocks = "\n\n".join(fence(i + 1, p) for i, p in enumerate(passages))
        system, user = template.render(passages=blocks, question=question, max_sentences=4)
        text, usage = self._complete(system, user, on_token)
        answered = not _DECLINED.match(text)
        return Draft(text.strip(), answered=answered, model=self.model, usage=usage), passages

    def brief(self, passages: list[Passage], words: int, about: str | None, template: Template, on_token: OnToken | None = None) -> tuple[Draft, list[Passage]]:
        about_text = f" about {about}" if about else ""
        passages = fit_passages(template, passages, self.settings.context_tokens, self.model, words=words, about=about_text)
        blocks = "\n\n".join(fence(i + 1, p) for i, p in enumerate(passages))
        system, user = template.render(passages=blocks, words=words, about=about_text)
        text, usage = self._complete(system, user, on_token)
        return Draft(text.strip(), answered=True, model=self.model, usage=usage), passages

    def rewrite(self, history: str, question: str, template: Template) -> tuple[str, Usage | None]:
        """A follow-up question made standalone from the conversation so far (for `briefbot chat`)."""
        system, user = template.render(history=history, question=question)
        text, usage = self._complete(system, user, None)
        line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
        return line.strip('"“”') or question, usage

    def decompose(self, question: str, template: Template) -> tuple[list[str], Usage | None]:
        """Sub-questions a multi-hop question needs (prompts/decompose.md), each retrieved on its own."""
        system, user = template.render(question=question)
        text, usage = self._complete(system, user, None)
        lines = [re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s*", "", ln).strip().strip('"\u201c\u201d') for ln in text.splitlines()]
        return [ln for ln in lines if len(ln.split()) >= 2][:4], usage
