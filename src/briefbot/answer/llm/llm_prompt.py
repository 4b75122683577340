"""Passages as an LLM's prompt data: fenced so their text cannot pass for instructions, counted in tokens,
and fitted into the prompt budget (``settings.context_tokens``); and the hooks a streaming display offers."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from briefbot.answer.llm.prompts import Template
from briefbot.schema import Passage
from briefbot.text.tokens import encoding_for_model

OnToken = Callable[[str], None]
_FENCE_TAG = re.compile(r"<\s*/?\s*passage", re.IGNORECASE)  # in any spelling, it could close the fence
# A patent's paragraph number ("[0035] For example, ...") looks like a citation marker to a model that copies it: the
# reply would cite passage 35. Shown without it (a quote is checked against the passage whitespace-insensitively).
_PARAGRAPH_NUMBER = re.compile(r"^\[\d{4}\][ \t]+", re.MULTILINE)
# So does a paper's reference to its literature ("Sun et al. [4]"), and "[ref 4]" would be read as one too
# (llm_reply.py takes "(ref 4)" for a model's way of citing passage 4): shown without them.
_DOCUMENT_REFERENCE = re.compile(r"[ \t]*\[\d+(?:\s*[,;]\s*\d+)*\]")


def fence(n: int, passage: Passage) -> str:
    """One passage as labelled data; its text cannot close the fence early."""
    c = passage.chunk
    body = _DOCUMENT_REFERENCE.sub("", _PARAGRAPH_NUMBER.sub("", _FENCE_TAG.sub(lambda m: "&lt;" + m.group()[1:], c.text)))
    where = f' page="{c.page}"' if c.page is not None else ""
    where += f' section="{escape(c.context)}"' if c.context else ""
    return f'<passage n="{n}" source="{escape(c.source)}"{where} lines="{c.start_line}-{c.end_line}">\n{body}\n</passage>'


def count_tokens(model: str, text: str) -> int:
    return len(encoding_for_model(model).encode(text, disallowed_special=()))


def template_tokens(template: Template, model: str, **values: object) -> int:
    """What a prompt costs before its data (passages or notes) is filled in."""
    system, user = template.render(**values)
    return count_tokens(model, system + user)


def fit_passages(template: Template, passages: list[Passage], budget: int, model: str, **values: object) -> list[Passage]:
    """The best-ranked passages whose prompt fits in ``budget`` tokens (at least one)."""
    used = template_tokens(template, model, passages="", **values)
    kept: list[Passage] = []
    for p in passages:
        cost = count_tokens(model, fence(len(kept) + 1, p)) + 2
        if kept and used + cost > budget:
            break
        kept.append(p)
        used += cost
    return kept


def signal(on_token: OnToken | None, name: str, *args: object) -> None:
    """Tell a streaming display that the request was sent (``waiting``), that an uncited brief is asked again
    (``reset``), or that another call of a multi-call brief begins (``stage``, with a short note)."""
    fn = getattr(on_token, name, None)
    if callable(fn):
        fn(*args)
