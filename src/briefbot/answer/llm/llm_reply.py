"""Tidying what a (small) model writes into the form briefbot promises: plain cited sentences.

Small local models add titles, bold, lists, "Sources:" blocks and "Passages [1], [2]" lines, put
markers after the full stop, and decline in their own words. These functions undo that before
citations are checked, so what is verified and shown is the model's claims and nothing else.
"""

from __future__ import annotations

import re

from briefbot.text.sentences import sentence_spans

# The exact phrase prompts/answer.md asks for when the passages do not say; the code also
# recognises the usual paraphrases a small model produces instead.
DECLINE_PHRASE = "I don't know."
DECLINE_TEXT = "The documents do not answer this question."  # what is shown, as the offline answerer says
_DECLINE_START = re.compile(
    r"^\W*(i\s+(don'?t|do\s+not|cannot|can'?t)\s+(know|answer|find|tell)|"
    r"(the\s+)?(provided\s+|given\s+)?(passages?|documents?|context|text)\s+(do|does)\s+not\s+"
    r"(contain|mention|say|answer|provide|include|specify|state|give)|"
    r"there\s+is\s+no\s+(information|mention)|no\s+information\b|not\s+(mentioned|stated|specified)\s+in\s+the|"
    r"unknown\b|n/?a\b)",
    re.IGNORECASE,
)
_MARKER = r"\[\d+(?:\s*[,;]\s*\d+)*\]"
_MARKERS = re.compile(rf"(?:\s*{_MARKER})+")
_ONE_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# "[Passage 2]", "(passage 2)", "(Source 3)", "【2】" -> "[2]"
_WORDY_MARKER = re.compile(r"[\[(](?:passages?|sources?|ref\.?)\s*(\d+(?:\s*(?:,|and|&)\s*\d+)*)[\])]|【(\d+)】", re.IGNORECASE)
# a marker written after the full stop: "in 1901. [1] It" -> "in 1901 [1]. It"
_MARKER_AFTER_STOP = re.compile(rf"([.!?])((?:[ \t]*{_MARKER})+)(?=\s|$)")
_SOURCES_HEAD = re.compile(
    rf"^\W*(sources?|references?|citations?|passages?|cited\s+passages?)(\s+(used|cited))?\s*[:\-–]?\s*((?:{_MARKER}|\d+)[\s,;.and&]*)*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*([-*+•]|\d+[.)]|\[\d+\])\s*")
_CITATION_ONLY = re.compile(rf"^[\s,;.&()and]*(?:{_MARKER}[\s,;.&()and]*)+$", re.IGNORECASE)
_TRAILING_POINTER = re.compile(
    rf"\s*\(?\b(sources?|passages?|references?)\s*:?\s*(?:{_MARKER}|\d+)(?:[\s,;&]*(?:and\s*)?(?:{_MARKER}|\d+))*\)?\.?\s*$",
    re.IGNORECASE,
)
# a sentence that only points at passages: "This can be found in passage [1]."
_POINTER_SENTENCE = re.compile(
    r"^\W*(this|that|these|it|the\s+(answer|information|details?|above))?\s*(information\s+)?"
    r"(can\s+be|is|are|was)?\s*(found|mentioned|stated|given|described|listed|provided|available)?\s*"
    r"(in|see|refer\s+to|according\s+to|as\s+(stated|mentioned)\s+in)?\s*(the\s+)?(passages?|sources?)\b[\s\d,;and&.]*$",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?!\w)|`([^`\n]*)`")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")


def normalise_markers(text: str) -> str:
    """Citation markers in one spelling, ``[n]``, placed before the sentence's full stop."""
    text = _WORDY_MARKER.sub(lambda m: "[" + re.sub(r"\s*(?:,|and|&)\s*", ",", m.group(1) or m.group(2)) + "]", text)
    return _MARKER_AFTER_STOP.sub(lambda m: f"{m.group(2).rstrip()}{m.group(1)}", text)


def is_decline(text: str) -> bool:
    """Did the model say the passages do not answer (in the asked-for phrase or a usual paraphrase)?"""
    first = text.strip().split("\n", 1)[0]
    spans = sentence_spans(first)
    head = first[spans[0][0] : spans[0][1]] if spans else first
    if not _DECLINE_START.match(head):
        return False
    # "The passages do not say when, but it opened in 1901 [1]." still answers: a cited sentence after it
    rest = text.strip()[len(head):]
    return not _ONE_MARKER.search(rest) and not _ONE_MARKER.search(head)


def _is_sources_head(line: str) -> bool:
    return bool(_SOURCES_HEAD.match(re.sub(r"[*_#]", "", line).strip()))


def strip_trailers(text: str) -> str:
    """Remove what models append after the answer: "Sources:" blocks, "Passages [1], [2]", citation-only lines."""
    lines = text.rstrip().split("\n")
    # a "Sources:" heading and everything after it, when what follows is a list or empty
    for i in range(1, len(lines)):
        if _is_sources_head(lines[i]) and all(
            not ln.strip() or _LIST_ITEM.match(ln) or _CITATION_ONLY.match(ln) or _is_sources_head(ln)
            for ln in lines[i + 1 :]
        ):
            lines = lines[:i]
            break
    while len(lines) > 1 and (not lines[-1].strip() or _CITATION_ONLY.match(lines[-1])):
        lines.pop()
    text = "\n".join(lines).rstrip()
    previous = None
    while previous != text:  # "... [2]. Passages [1], [2], [3]." at the end of the last line
        previous = text
        cut = _TRAILING_POINTER.sub("", text)
        if cut.strip() and _SENTENCE_END.search(cut.rstrip()) or cut.rstrip().endswith("]"):
            text = cut.rstrip()
    return text


def drop_pointer_sentences(text: str) -> str:
    """Sentences that only point at passages ("This can be found in passage [1].") claim nothing: drop them."""
    out = []
    last = 0
    pieces: list[str] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        bare = _MARKERS.sub("", sentence).strip()
        pieces.append(text[last:start])
        last = end
        if bare and (_POINTER_SENTENCE.match(bare) or _CITATION_ONLY.match(sentence)) and len(bare.split()) <= 10:
            continue
        if not bare and _CITATION_ONLY.match(sentence):
            continue
        pieces.append(sentence)
    pieces.append(text[last:])
    out = "".join(pieces)
    return re.sub(r"[ \t]{2,}", " ", out).strip()


def clean_reply(text: str) -> str:
    """An ``ask`` reply: markers normalised, appended source lists and pointer-only sentences removed."""
    return drop_pointer_sentences(strip_trailers(normalise_markers(text.strip())))


def flatten_brief(text: str) -> str:
    """A brief as one plain paragraph: headings, titles, bullets and emphasis removed, paragraphs joined."""
    text = strip_trailers(normalise_markers(text.strip()))
    kept: list[str] = []
    for i, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped or _HEADING.match(line) or _BOLD_LINE.match(line):
            continue
        if stripped.endswith(":") and len(stripped.split()) <= 8:  # "Executive briefing:" / "Key points:"
            continue
        if i == 0 and not _ONE_MARKER.search(stripped) and not _SENTENCE_END.search(stripped) and len(stripped.split()) <= 12:
            continue  # a title line
        item = _LIST_ITEM.sub("", stripped) if _LIST_ITEM.match(stripped) and not stripped.startswith("[") else stripped
        item = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", item)
        item = re.sub(r"^(\*\*|__)|(\*\*|__)$", "", item).strip()
        if item and not _SENTENCE_END.search(_MARKERS.sub("", item).rstrip() or item):
            item += "."  # a list item or heading-less fragment becomes a sentence
        kept.append(item)
    return drop_pointer_sentences(normalise_markers(" ".join(kept)))


def cited_numbers(text: str) -> set[int]:
    return {int(n) for m in _ONE_MARKER.finditer(text) for n in re.split(r"\s*[,;]\s*", m.group(1))}


def has_valid_citation(text: str, passages: int) -> bool:
    """Does the text cite at least one of the ``passages`` it was given?"""
    return any(1 <= n <= passages for n in cited_numbers(text))


def word_count(text: str) -> int:
    return len(_MARKERS.sub("", text).split())


def cut_to_words(text: str, limit: int, truncated: bool = False) -> str:
    """Whole sentences within ``limit`` words (markers not counted); a sentence cut off by the token budget goes."""
    spans = sentence_spans(text)
    if truncated and spans:
        last = text[spans[-1][0] : spans[-1][1]]
        if len(spans) > 1 and not _SENTENCE_END.search(_MARKERS.sub("", last).rstrip()):
            spans = spans[:-1]
    kept: list[tuple[int, int]] = []
    used = 0
    for start, end in spans:
        n = word_count(text[start:end])
        if kept and used + n > limit:
            break
        kept.append((start, end))
        used += n
    if not kept:
        return text.strip()
    return text[kept[0][0] : kept[-1][1]].strip()


def max_tokens_for_words(words: int) -> int:
    """A reply budget for a brief of ``words`` words: ~1.35 tokens a word, citation markers, some slack."""
    return int(words * 1.6) + 60
