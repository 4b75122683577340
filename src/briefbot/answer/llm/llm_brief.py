"""An LLM brief: one call when the material fits the prompt budget, else map-reduce with citations carried through.

MAP: the material, in the order the offline plan gives it (a file's chunks in file order), is packed into parts
that each fit ``context_tokens``; each part is summarised in a few cited sentences (prompts/brief_map.md), its
passages numbered from 1. Every marker is renumbered to the whole material's numbering, and a sentence left
with no valid marker is dropped. At most ``brief_map_calls`` parts: when more would be needed, passages are
taken evenly across the material (the first and the last always), so its beginning, middle and end are read.
REDUCE: the parts' sentences, in order and with their markers, are merged into one paragraph
(prompts/brief_reduce.md). The final text then goes through what a one-call brief's does: flattened, cut to
the word budget, asked again once when it cites nothing, else marked so the offline brief stands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefbot.answer.llm.llm_prompt import (
    OnToken,
    count_tokens,
    fence,
    fit_passages,
    signal,
    template_tokens,
)
from briefbot.answer.llm.llm_reply import (
    cut_to_words,
    flatten_brief,
    has_valid_citation,
    is_decline,
    max_tokens_for_words,
)
from briefbot.answer.llm.prompts import Template, load_template_or_default
from briefbot.schema import Draft, Passage, Usage
from briefbot.text.counts import plural
from briefbot.text.sentences import sentence_spans

Messages = list[dict[str, str]]
# One chat completion: (messages, max_tokens, on_token) -> (reply, usage (estimated if unreported), hit max_tokens)
Complete = Callable[[Messages, int, OnToken | None], tuple[str, Usage, bool]]

MAP_DECLINE = "Nothing to summarise."  # the exact reply prompts/brief_map.md asks for when a part says nothing
MIN_PART_WORDS = 30  # each part's summary gets twice the brief's words shared among the parts, at least this
_MAP_DECLINE = re.compile(r"^\W*nothing\s+to\s+summari[sz]e\b", re.IGNORECASE)
_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_NOTES_TAG = re.compile(r"<\s*/?\s*notes", re.IGNORECASE)  # a note's text cannot close the notes' fence


@dataclass
class BriefCalls:
    """What a brief needs from the generator: its completion call, the model (to count tokens) and the limits."""

    complete: Complete
    model: str
    context_tokens: int
    max_parts: int
    prompts: Path | None = None


def write_brief(
    calls: BriefCalls, passages: list[Passage], words: int, about: str | None, template: Template,
    on_token: OnToken | None = None,
) -> tuple[Draft, list[Passage]]:
    """One cited paragraph within ``words`` and the passages its markers number (those the model read)."""
    about_text = f" about {about}" if about else ""
    fitted = fit_passages(template, passages, calls.context_tokens, calls.model, words=words, about=about_text)
    if len(fitted) == len(passages):
        return _one_call(calls, passages, words, about_text, template, on_token)
    if calls.max_parts == 1:  # one call only: passages taken evenly across the material, not just its head
        room = calls.context_tokens - template_tokens(template, calls.model, passages="", words=words, about=about_text)
        chosen = [passages[i] for i in plan_parts(_costs(calls.model, passages), room, 1)[0]]
        draft, read = _one_call(calls, chosen, words, about_text, template, on_token)
        if not draft.fallback:
            draft.notes.append(
                f"the material did not fit one prompt (context_tokens {calls.context_tokens}): "
                f"{len(read)} of its {len(passages)} passages were read, taken evenly across it"
            )
        return draft, read
    return _map_reduce(calls, passages, words, about_text, on_token)


def plan_parts(costs: list[int], room: int, max_parts: int) -> list[list[int]]:
    """Material indexes in consecutive parts of at most ``room`` tokens (a passage too big alone is a part
    of its own); no more than ``max_parts``: then passages are taken evenly across the material."""
    n = len(costs)
    # A part holds no more passages than the cheapest ones fill its room: a whole long file (thousands of
    # chunks) starts from that bound, not from every count down from n (quadratic).
    fit, used = 0, 0
    for cost in sorted(costs):
        if used + cost > room:
            break
        fit, used = fit + 1, used + cost
    for keep in range(min(n, max_parts * max(1, fit)), 0, -1):
        chosen = evenly(n, keep)
        parts = pack([costs[i] for i in chosen], room)
        if len(parts) <= max_parts:
            return [[chosen[j] for j in part] for part in parts]
    return [[0]] if n else []


def evenly(n: int, keep: int) -> list[int]:
    """``keep`` of ``n`` positions spread evenly, the first and the last included."""
    if keep >= n:
        return list(range(n))
    if keep <= 1:
        return [0]
    return sorted({int(i * (n - 1) / (keep - 1) + 0.5) for i in range(keep)})


def pack(costs: list[int], room: int) -> list[list[int]]:
    """Consecutive indexes grouped greedily so each group's costs add up to at most ``room`` (at least one each)."""
    parts: list[list[int]] = []
    used = 0
    for i, cost in enumerate(costs):
        if parts and used + cost <= room:
            parts[-1].append(i)
            used += cost
        else:
            parts.append([i])
            used = cost
    return parts


def renumber(sentence: str, offset: int, size: int) -> tuple[str, bool]:
    """A part's sentence with its markers in the whole material's numbering (a part's [n] is passage
    ``offset + n``); markers outside the part's 1..``size`` removed. Also says whether a valid one is left."""
    valid = False

    def sub(m: re.Match[str]) -> str:
        nonlocal valid
        good = [offset + int(x) for x in re.split(r"\s*[,;]\s*", m.group(1)) if 1 <= int(x) <= size]
        valid = valid or bool(good)
        return "".join(f"[{g}]" for g in dict.fromkeys(good))

    out = re.sub(r"\]\s+\[", "][", re.sub(r"[ \t]{2,}", " ", _MARKER.sub(sub, sentence)))
    return re.sub(r"\s+([.!?,;:])", r"\1", out).strip(), valid


def part_sentences(reply: str, offset: int, size: int, words: int, cut: bool) -> list[str]:
    """A part's summary as sentences citing the whole material's passages; a sentence citing none of the
    part's passages is dropped (it is not grounded in what the model read)."""
    if _part_declines(reply):
        return []
    text = cut_to_words(flatten_brief(reply), words, truncated=cut)
    kept = []
    for start, end in sentence_spans(text):
        sentence, valid = renumber(text[start:end], offset, size)
        if valid:
            kept.append(sentence)
    return kept


def _part_declines(reply: str) -> bool:
    return bool(_MAP_DECLINE.match(reply)) or is_decline(reply)


def notes_block(notes: list[list[str]], room: int, model: str) -> str:
    """The parts' sentences, in order, fenced as data for the merge, within ``room`` tokens: each part's
    first sentence always, then each part's next in turn while they fit (no part crowds out the others)."""
    lines = [[f"- {_NOTES_TAG.sub(lambda m: '&lt;' + m.group()[1:], s)}" for s in part] for part in notes]
    heads = [f"Part {k + 1} of {len(notes)}:" for k in range(len(notes))]
    taken = [min(1, len(part)) for part in lines]
    used = sum(count_tokens(model, heads[k] + "\n" + part[0]) + 2 for k, part in enumerate(lines) if part)
    for depth in range(1, max((len(part) for part in lines), default=0)):
        for k, part in enumerate(lines):
            if taken[k] == depth and depth < len(part):
                cost = count_tokens(model, part[depth]) + 1
                if used + cost <= room:
                    taken[k] += 1
                    used += cost
    blocks = [heads[k] + "\n" + "\n".join(part[: taken[k]]) for k, part in enumerate(lines) if taken[k]]
    return "<notes>\n" + "\n\n".join(blocks) + "\n</notes>"


def _messages(system: str, user: str) -> Messages:
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _costs(model: str, passages: list[Passage]) -> list[int]:
    return [count_tokens(model, fence(99, p)) + 2 for p in passages]


def _one_call(
    calls: BriefCalls, passages: list[Passage], words: int, about_text: str, template: Template, on_token: OnToken | None
) -> tuple[Draft, list[Passage]]:
    blocks = "\n\n".join(fence(i + 1, p) for i, p in enumerate(passages))
    system, user = template.render(passages=blocks, words=words, about=about_text)
    draft, _ = _final(calls, _messages(system, user), words, len(passages), on_token)
    return draft, passages


def _final(
    calls: BriefCalls, messages: Messages, words: int, n_passages: int, on_token: OnToken | None,
    spent: Usage | None = None, made: int = 0,
) -> tuple[Draft, int]:
    """The paragraph; asked for once more with a repair message when it cites nothing, else marked for the
    offline fallback. Returns it with the number of calls made so far."""
    budget = max_tokens_for_words(words)
    reply, usage, cut = calls.complete(messages, budget, on_token)
    made += 1
    text = cut_to_words(flatten_brief(reply), words, truncated=cut)
    if not has_valid_citation(text, n_passages):
        reply, more, cut = _ask_again(calls, messages, reply, words, on_token)
        usage, made = usage + more, made + 1
        text = cut_to_words(flatten_brief(reply), words, truncated=cut)
    usage = usage if spent is None else spent + usage
    if not has_valid_citation(text, n_passages):
        draft = Draft(text, answered=False, model=calls.model, usage=usage)
        draft.fallback = "no valid citation, even when asked again"
        return draft, made
    return Draft(text, answered=True, model=calls.model, usage=usage), made


def _ask_again(
    calls: BriefCalls, messages: Messages, reply: str, words: int, on_token: OnToken | None
) -> tuple[str, Usage, bool]:
    """The model's uncited ``reply`` asked for once more, with the repair message (prompts/repair.md)."""
    _, repair = load_template_or_default("repair", calls.prompts).render(words=words)
    signal(on_token, "reset")
    more = [*messages, {"role": "assistant", "content": reply}, {"role": "user", "content": repair}]
    return calls.complete(more, max_tokens_for_words(words), on_token)


def _map_reduce(
    calls: BriefCalls, passages: list[Passage], words: int, about_text: str, on_token: OnToken | None
) -> tuple[Draft, list[Passage]]:
    map_template = load_template_or_default("brief_map", calls.prompts)
    overhead = template_tokens(map_template, calls.model, passages="", words=words, about=about_text, part=99, parts=99)
    parts = plan_parts(_costs(calls.model, passages), calls.context_tokens - overhead, calls.max_parts)
    read = [passages[i] for part in parts for i in part]  # the whole material's numbering: position here + 1
    part_words = max(MIN_PART_WORDS, min(words, math.ceil(2 * words / len(parts))))
    notes: list[list[str]] = []
    spent: Usage | None = None
    offset = repairs = 0
    for k, part in enumerate(parts):  # MAP
        signal(on_token, "stage", f"reading part {k + 1} of {len(parts)}")
        blocks = "\n\n".join(fence(j + 1, passages[i]) for j, i in enumerate(part))
        system, user = map_template.render(passages=blocks, words=part_words, about=about_text, part=k + 1, parts=len(parts))
        messages = _messages(system, user)
        reply, usage, cut = calls.complete(messages, max_tokens_for_words(part_words), on_token)
        kept = part_sentences(reply, offset, len(part), part_words, cut)
        if not kept and not _part_declines(reply):
            # A part summary citing none of its passages is asked for once more, as an uncited merge is: the
            # real 1.5B model left both parts of two topic briefs uncited, so the offline brief stood.
            reply, again, cut = _ask_again(calls, messages, reply, part_words, on_token)
            usage, repairs = usage + again, repairs + 1
            kept = part_sentences(reply, offset, len(part), part_words, cut)
        spent = usage if spent is None else spent + usage
        notes.append(kept)
        offset += len(part)
    made = len(parts) + repairs
    asked = f"{made} model calls" + (f": {len(parts)} parts and {plural(repairs, 'repair')}" if repairs else "")
    if not any(notes):
        draft = Draft("", answered=False, model=calls.model, usage=spent)
        draft.fallback = f"no cited sentence in any of its {len(parts)} parts' summaries ({asked})"
        return draft, read
    reduce_template = load_template_or_default("brief_reduce", calls.prompts)  # REDUCE
    room = calls.context_tokens - template_tokens(reduce_template, calls.model, notes="", words=words,
                                                  about=about_text, parts=len(parts))
    system, user = reduce_template.render(notes=notes_block(notes, room, calls.model), words=words,
                                          about=about_text, parts=len(parts))
    signal(on_token, "stage", f"merging the summaries of {len(parts)} parts")
    draft, made = _final(calls, _messages(system, user), words, len(read), on_token, spent, made)
    if draft.fallback:
        fixed = plural(repairs + 1, "repair") if repairs else "one repair"
        draft.fallback += f" ({made} model calls: {len(parts)} parts, the merge and {fixed})"
        return draft, read
    taken = f", {len(read)} of its {len(passages)} passages taken evenly across it" if len(read) < len(passages) else ""
    again = f", {plural(repairs, 'part')} asked again for citations" if repairs else ""
    draft.notes.append(
        f"the material did not fit one prompt (context_tokens {calls.context_tokens}): "
        f"read in {len(parts)} parts{taken}{again}, then merged: {made} model calls"
    )
    return draft, read
