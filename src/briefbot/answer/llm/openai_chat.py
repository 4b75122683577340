"""The LLM generator: chat completions from any OpenAI-compatible server, prompted from prompts/ files."""

from __future__ import annotations

import re

from briefbot.answer.llm.llm_prompt import OnToken, fence, fit_passages, signal
from briefbot.answer.llm.llm_reply import DECLINE_TEXT, clean_reply, cut_to_words, is_decline
from briefbot.answer.llm.prompts import Template
from briefbot.answer.pricing import estimate_cost
from briefbot.errors import ModelError
from briefbot.openai_client import call_with_errors
from briefbot.schema import Draft, Passage, Usage
from briefbot.settings import Settings
from briefbot.text.tokens import encoding_for_model

ASK_MAX_TOKENS = 320  # at most four sentences with markers; a reply past this is cut at a sentence
DECOMPOSE_MAX_TOKENS = 120  # four short sub-questions
REWRITE_MAX_TOKENS = 80


def estimate_usage(model: str, messages: list[dict[str, str]], reply: str) -> Usage:
    """Token counts by tiktoken when the server reports none (llama.cpp's does not): an estimate."""
    enc = encoding_for_model(model)
    prompt = sum(len(enc.encode(m["content"], disallowed_special=())) + 4 for m in messages) + 2
    completion = len(enc.encode(reply, disallowed_special=()))
    usage = Usage(prompt, completion, estimate_cost(model, prompt, completion))
    usage.estimated = True
    return usage


class OpenAIGenerator:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model = settings.model
        self.name = settings.model
        self._client = None

    def _usage(self, reported: Usage | None, messages: list[dict[str, str]], text: str) -> Usage:
        if reported is None:
            return estimate_usage(self.model, messages, text)
        return Usage(reported.prompt_tokens, reported.completion_tokens,
                     estimate_cost(self.model, reported.prompt_tokens, reported.completion_tokens))

    def _complete(
        self, messages: list[dict[str, str]], max_tokens: int, on_token: OnToken | None
    ) -> tuple[str, Usage, bool]:
        """The reply's text, its usage (estimated when the server reports none) and whether it hit max_tokens."""
        from briefbot.answer.llm.completion import chat_client, complete

        what = f"model {self.model}"
        if self._client is None:
            self._client = call_with_errors(lambda: chat_client(self.settings), what=what)
        client = self._client
        signal(on_token, "waiting")
        done = call_with_errors(
            lambda: complete(client, self.settings, self.model, messages, max_tokens, on_token),
            what=what, key=self.settings.openai_api_key,
        )
        if not done.text.strip():
            raise ModelError(f"{what}: the server sent an empty reply: try again or use another model")
        return done.text, self._usage(done.usage, messages, done.text), done.finish_reason == "length"

    @staticmethod
    def _messages(system: str, user: str) -> list[dict[str, str]]:
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def answer(self, question: str, passages: list[Passage], template: Template, on_token: OnToken | None = None) -> tuple[Draft, list[Passage]]:
        passages = fit_passages(template, passages, self.settings.context_tokens, self.model, question=question, max_sentences=4)
        blocks = "\n\n".join(fence(i + 1, p) for i, p in enumerate(passages))
        system, user = template.render(passages=blocks, question=question, max_sentences=4)
        text, usage, cut = self._complete(self._messages(system, user), ASK_MAX_TOKENS, on_token)
        text = clean_reply(text)
        if is_decline(text):
            return Draft(DECLINE_TEXT, answered=False, model=self.model, usage=usage), passages
        if cut:
            text = cut_to_words(text, 10_000, truncated=True)
        return Draft(text, answered=bool(text), model=self.model, usage=usage), passages

    def brief(self, passages: list[Passage], words: int, about: str | None, template: Template, on_token: OnToken | None = None) -> tuple[Draft, list[Passage]]:
        """One cited paragraph within ``words``: one call when the passages fit the prompt, else map-reduce
        (answer/llm/llm_brief.py); asked again once when uncited, else marked for the offline fallback."""
        from briefbot.answer.llm.llm_brief import BriefCalls, write_brief

        calls = BriefCalls(self._complete, self.model, self.settings.context_tokens, self.settings.brief_map_calls,
                           self.settings.prompts)
        return write_brief(calls, passages, words, about, template, on_token)

    def rewrite(self, history: str, question: str, template: Template) -> tuple[str, Usage | None]:
        """A follow-up question made standalone from the conversation so far (for `briefbot chat`)."""
        system, user = template.render(history=history, question=question)
        text, usage, _ = self._complete(self._messages(system, user), REWRITE_MAX_TOKENS, None)
        line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
        return line.strip('"“”') or question, usage

    def decompose(self, question: str, template: Template) -> tuple[list[str], Usage | None]:
        """Sub-questions a multi-hop question needs (prompts/decompose.md), each retrieved on its own."""
        system, user = template.render(question=question)
        text, usage, _ = self._complete(self._messages(system, user), DECOMPOSE_MAX_TOKENS, None)
        lines = [re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s*", "", ln).strip().strip('"\u201c\u201d') for ln in text.splitlines()]
        return [ln for ln in lines if len(ln.split()) >= 2][:4], usage
