"""Questions that ask for what a section lists: "What are the action items?", "What decisions were made?".

Meeting notes and reports keep such lists under a heading ("## Actions", "Next steps:", "**Decisions**"). No
one sentence answers; the items under the heading the question names do. The question names the heading by its
words ("action items" -> "Actions": stems, with "item", "point" and the like left out); the items are the heading's
bullet or numbered lines, each quoted as written, in order. Only lists: a heading over prose is left to the
sentence answerer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbot.answer.shape.quotes import UNDERLINE
from briefbot.index.lexical import tokenize
from briefbot.schema import Passage
from briefbot.text.sentences import HANGING_INDENT, sentence_spans

MAX_ITEMS = 12  # a longer list is cut (the citation still opens at the heading's first item)
LIST_WORDS = 120  # items longer than this in all are quoted by their first sentence each

# "What are the action items?", "Which were the next steps from the board meeting?", "List the open risks."
_ASK = re.compile(
    r"^\s*(?:(?:what|which)\s+(?:are|were)\s+(?:the\s+|our\s+|all\s+(?:the\s+)?)?"
    r"|(?:please\s+)?(?:list|show(?:\s+me)?|give\s+me|name)\s+(?:all\s+)?(?:the\s+|our\s+)?)"
    r"(?P<topic>[^?.!]{1,60}?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
# "What risks does the status report list?", "Which next steps did the minutes name?"
_ASK_LISTED = re.compile(
    r"^\s*(?:what|which)\s+(?P<topic>[^?.!]{1,40}?)\s+(?:does|do|did)\s+(?:the\s+|this\s+|our\s+)?[^?.!]{1,40}?\s+"
    r"(?:list|mention|name|identify|include|give|set\s+out|record|note)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
# "What decisions were made?", "What action items were agreed at the meeting?"
_ASK_DONE = re.compile(
    r"^\s*(?:what|which)\s+(?P<topic>[^?.!]{1,40}?)\s+(?:were|have\s+been|had\s+been)\s+(?:made|agreed(?:\s+on)?|taken"
    r"|assigned|decided|reached|identified|raised|listed|set|planned|noted)\b[^?.!]*[?.!]?\s*$",
    re.IGNORECASE,
)
# What the question says of where ("... from the board meeting", "... in the March minutes"): not the heading's words.
_SCOPE = re.compile(r"\s+(?:from|in|of|at|for|on|during|after)\s+(?:the|this|that|last|our|today's|yesterday's)\b.*$",
                    re.IGNORECASE)
# Words that say "a list of" rather than what is listed.
_LISTING = frozenset(tokenize("item items point points list lists key main open agreed new all"))
_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+(?P<md>.+?)\s*#*\s*$|\*\*(?P<bold>[^*]{1,60})\*\*:?\s*$|(?P<colon>[^\s:][^:]{0,50}):\s*$)")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+(?P<item>\S.*?)\s*$")


@dataclass
class Listed:
    """The items of a section that a question asks for, by the passage each is quoted from (a list the chunking cut
    goes on in the file's next chunk, when it was retrieved too)."""

    groups: list[tuple[int, list[str]]]  # (index into the passages, items as written, list markers left out)


def asked_topic(question: str) -> set[str] | None:
    """The stems of what the question asks to be listed ("action items" -> {"action"}), or None."""
    m = _ASK_DONE.match(question) or _ASK_LISTED.match(question) or _ASK.match(question)
    if m is None:
        return None
    topic = _SCOPE.sub("", m.group("topic"))
    if len(topic.split()) > 4:
        return None  # a question, not a heading's name ("what were the reasons the launch moved")
    stems = set(tokenize(topic)) - _LISTING
    return stems or None


def _heading(line: str) -> str | None:
    m = _HEADING.match(line)
    if m is None:
        return None
    text = m.group("md") or m.group("bold") or m.group("colon")
    return text.strip() if text and len(text.split()) <= 8 else None


def _items_under(text: str, topic: set[str] | None, context: str | None) -> tuple[list[str], bool]:
    """The list items under the first heading of ``text`` (or the chunk's own heading) whose words hold the topic,
    and whether the list runs on to the text's end. With no topic: the items the text opens with (the rest of a list
    the chunk before began), skipping the end of an item cut in two."""
    lines = text.split("\n")
    # A chunk that starts inside a section: its heading is the context's last part.
    current = (context or "").split(" > ")[-1] if context else None
    matched = topic is None or (current is not None and topic <= set(tokenize(current)))
    items: list[str] = []
    for k, line in enumerate(lines):
        if UNDERLINE.match(line):
            continue  # (the line under a heading: read with it)
        underlined = k + 1 < len(lines) and UNDERLINE.match(lines[k + 1]) and line.strip()
        heading = line.strip() if underlined else None if _ITEM.match(line) else _heading(line)
        if heading is not None:
            if items or topic is None:
                return items, False
            matched = topic <= set(tokenize(heading))
            continue
        if not matched:
            continue
        item = _ITEM.match(line)
        if item:
            items.append(item.group("item"))
        elif items and HANGING_INDENT.match(line):
            items[-1] += "\n" + line.strip()  # the item wrapped under itself
        elif line.strip() and (items or topic is None and not HANGING_INDENT.match(line)):
            return items, False  # prose after the list ends it
    return items, bool(items)


def listed_items(question: str, passages: list[Passage]) -> Listed | None:
    """The items listed under a heading the question names, from the best-ranked passage that has one (and the file's
    next chunk, when the list runs to this one's end and that chunk was retrieved too)."""
    topic = asked_topic(question)
    if topic is None:
        return None
    for n, p in enumerate(passages):
        items, runs_on = _items_under(p.chunk.text, topic, p.chunk.context)
        if not items:
            continue
        groups = [(n, items)]
        seen = {" ".join(t.split()) for t in items}
        at = p.chunk
        while runs_on and sum(len(g[1]) for g in groups) < MAX_ITEMS:
            nxt = next((k for k, q in enumerate(passages) if q.chunk.source == at.source and q.chunk.index == at.index + 1), None)
            if nxt is None:
                break
            more, runs_on = _items_under(passages[nxt].chunk.text, None, None)
            more = [t for t in more if " ".join(t.split()) not in seen]  # (chunks overlap)
            if more:
                groups.append((nxt, more))
                seen.update(" ".join(t.split()) for t in more)
            at = passages[nxt].chunk
        return Listed(_within_budget(groups))
    return None


def _within_budget(groups: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """At most MAX_ITEMS items; over LIST_WORDS words in all, each item by its first sentence ("R1 - Lab delay
    (High). If milestone 3 slips ...")."""
    out, left = [], MAX_ITEMS
    for n, items in groups:
        if left > 0:
            out.append((n, items[:left]))
            left -= len(items[:left])
    if sum(len(t.split()) for _, items in out for t in items) > LIST_WORDS:
        out = [(n, [t[a:b] for t in items for a, b in sentence_spans(t)[:1]]) for n, items in out]
    return out
