"""From a generator's draft to a checked answer: each sentence verified against what it cites, markers renumbered.

A citation names the lines of the sentences quoted from its passage (and the heading they sit
under) when the cited text is a verbatim quote; otherwise (a paraphrase) the passage's whole span.

Every sentence of a draft is one of: a claim citing passages (kept when answer/verify/verify.py finds them
supporting it), an uncited short lead-in that claims nothing ("Here is what the documents say:"),
or a sentence that only points at passages ("This can be found in passage [1].", "Sources: ...")
which is dropped. A claim citing a passage that was not given, or citing none, is unsupported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefbot.answer.extract.extractive import NAME as EXTRACTIVE
from briefbot.answer.shape.quotes import SHOWN_REFERENCE, locate_quotes, one_line, section_at
from briefbot.answer.verify.verify import Verifier, names, numbers
from briefbot.index.lexical import tokenize
from briefbot.schema import Answer, Citation, Draft, Passage, Unsupported
from briefbot.text.counts import plural
from briefbot.text.sentences import split_sentences

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
NOTHING_SUPPORTED = "No sentence of the answer is supported by the passages it cites; the nearest passages are below."
LEAD_UNSUPPORTED = (
    "The answer's first claim is not supported by the passages it cites (what followed it is context, not an"
    " answer); the nearest passages are below."
)
NOT_ANSWERED = (
    "The documents do not answer this question: no sentence of the passages found says what it asks, so the"
    " model's answer is not shown; the nearest passages are below."
)
NOT_ASKED = (
    "The documents do not answer this question: no sentence of the passages found says what it asks, so the"
    " model was not asked (--no-verify asks it anyway); the nearest passages are below."
)
NOT_ANSWERED_REASON = "no sentence of the passages found answers the question"
_LEADING_MARKERS = re.compile(r"(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+")
_MARKDOWN = re.compile(r"^[\s>#*_+-]*(?:\d+[.)]\s+)?|[*_`#]+")
# A line that opens a list of sources the model wrote itself: it and what follows are dropped.
_SOURCES_LIST = re.compile(
    r"^[ \t>#*_-]*(?:sources?|references?|citations?|passages? used|bibliography)[*_ \t]*:", re.IGNORECASE | re.MULTILINE
)
# Words of a sentence that only points at passages ("This can be found in passage [1].").
POINTER_WORDS = frozenset(
    tokenize(
        "passage passages source sources document documents reference references citation citations cite cited "
        "see found find can information refer refers detail details text given provided above below listed "
        "mentioned shown described also more further ref"
    )
)
# Words of an uncited lead-in that claims nothing ("According to the passages, here is a summary:").
LEAD_WORDS = POINTER_WORDS | frozenset(
    tokenize(
        "here what say says according based following follows summary summarise summarize answer question "
        "key points overview brief briefly main findings relevant context documents show shows indicate "
        "indicates let look"
    )
)
LEAD_MAX_WORDS = 15


@dataclass
class Sentence:
    """One sentence of a draft: where it is (markers included) and what it cites, as written."""

    start: int
    end: int
    text: str  # without markers or markdown
    cited: list[int] = field(default_factory=list)
    paragraph: int = 0
    inherited: bool = False  # cites through the marker that closes its run of sentences


def _numbers(group: str) -> list[int]:
    return [int(p) for p in re.split(r"\s*[,;]\s*", group)]


def sentences(text: str) -> list[Sentence]:
    """The draft's sentences; markers written after a sentence's full stop ("Lima. [1]") belong to it."""
    out: list[Sentence] = []
    for span in split_sentences(text):
        start, end = span.start, span.end
        lead = _LEADING_MARKERS.match(text, start, end)
        if lead and out:
            prev = out[-1]
            prev.end = lead.end()
            prev.cited += [n for m in MARKER.finditer(lead.group(0)) for n in _numbers(m.group(1))]
            start = lead.end()
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
        raw = text[start:end]
        cited = [n for m in MARKER.finditer(raw) for n in _numbers(m.group(1))]
        plain = _MARKDOWN.sub("", MARKER.sub("", SHOWN_REFERENCE.sub("", raw))).strip()
        out.append(Sentence(start, end, re.sub(r"[ \t]+([.,;:!?])", r"\1", plain), cited, span.paragraph))
    for s in out:
        s.cited = list(dict.fromkeys(s.cited))
    # "S1. S2. [1]": a marker closing a run of uncited sentences in a paragraph cites the run (the
    # extractive answerer writes one marker per passage quoted); each sentence is still checked.
    for i in range(len(out) - 2, -1, -1):
        s, nxt = out[i], out[i + 1]
        if not s.cited and nxt.cited and nxt.paragraph == s.paragraph and not is_lead_in(s.text) and not points_only(nxt):
            s.cited, s.inherited = list(nxt.cited), True
    return out


def _content(text: str) -> list[str]:
    return [w for w in tokenize(text) if not w.isdigit()]


def points_only(s: Sentence) -> bool:
    """A sentence that only points at passages, or a line of markers: it says nothing to check."""
    return all(w in POINTER_WORDS for w in _content(s.text))


def is_lead_in(text: str) -> bool:
    """An uncited sentence that claims nothing: short, no numbers or names, and lead-in words or a closing colon."""
    if MARKER.search(text) or len(text.split()) > LEAD_MAX_WORDS or numbers(text) or names(text):
        return False
    return text.rstrip().endswith(":") or all(w in LEAD_WORDS for w in _content(text))


def _edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each span replaced (mostly by nothing); emptied list items and runs of blank lines go too."""
    for start, end, new in sorted(edits, reverse=True):
        before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
        if new:
            before, after = text[:start], new + text[end:]
        joint = " " if before and after and not before[-1].isspace() and not after[0].isspace() and not new else ""
        text = before + joint + after
    lines = [ln.rstrip() for ln in text.split("\n") if not re.fullmatch(r"\s*(?:[-*+]|\d+[.)])\s*", ln) or not ln.strip()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass
class Checked:
    """The outcome of verifying a draft: what to show and what was taken out."""

    text: str
    unsupported: list[Unsupported]
    supported: int  # sentences kept because their citations back them
    lead_removed: bool = False  # the first sentence that claims something was removed
    recited: int = 0  # sentences kept with their citation moved to the given passage that supports them
    kept: list[Sentence] = field(default_factory=list)  # the claims kept (as written: markers as the draft had them)


def verify_draft(
    text: str, passages: list[Passage], verifier: Verifier, remove: bool = True, mark_runs: bool = True
) -> Checked:
    """Check each sentence of ``text`` against the passages it cites; with ``remove``, drop what fails.
    With ``mark_runs`` every kept sentence of a run closed by one marker shows that marker (a model's prose);
    without it only where the run's closing sentence went (a verbatim quote of consecutive sentences)."""
    edits: list[tuple[int, int, str]] = []
    block = next((m for m in _SOURCES_LIST.finditer(text) if text[: m.start()].strip()), None)
    body = text[: block.start()] if block else text
    if block:
        edits.append((block.start(), len(text), ""))
    unsupported: list[Unsupported] = []
    removed: set[int] = set()
    moved: set[int] = set()  # re-cited: their own markers replaced
    supported = 0
    found = sentences(body)
    verifier.prepare([
        (s.text, [passages[n - 1].chunk.embed_text for n in s.cited])
        for s in found
        if s.cited and all(1 <= n <= len(passages) for n in s.cited)
    ])
    for i, s in enumerate(found):
        if points_only(s):
            edits.append((s.start, s.end, ""))
            removed.add(i)
            continue
        bad = [n for n in s.cited if not 1 <= n <= len(passages)]
        if bad:
            reason = f"cites [{bad[0]}], but only {len(passages)} passages were given"
        elif not s.cited:
            if is_lead_in(s.text):
                continue
            reason = "cites no passage"
        else:
            verdict = verifier.check(s.text, [passages[n - 1].chunk.embed_text for n in s.cited], s.cited)
            if verdict.supported:
                supported += 1
                continue
            other = _supporting(s, passages, verifier)
            if other is not None:  # a small model often cites the wrong number: the claim holds, its marker moves
                edits.append((s.start, s.end, _recite(text[s.start : s.end], other)))
                moved.add(i)
                supported += 1
                continue
            reason = verdict.reason
        unsupported.append(Unsupported(s.text, s.cited, reason))
        edits.append((s.start, s.end, ""))
        removed.add(i)
    # A kept sentence of a run ("A. B. C [1].") shows the marker it was checked against: every claim is cited
    # where it stands, and still is when the run's closing sentence was removed or re-cited.
    for i, s in enumerate(found):
        donor = next((j for j in range(i + 1, len(found)) if not found[j].inherited), None)
        if s.inherited and i not in removed and i not in moved and (mark_runs or donor in removed or donor in moved):
            at = s.end - 1 if body[s.end - 1] in ".!?" else s.end
            edits.append((at, at, " " + "".join(f"[{n}]" for n in s.cited)))
    shown = _edit(text, edits) if remove else text
    lead = next(
        (i for i, s in enumerate(found) if not points_only(s) and not _bare_verdict(s.text) and (s.cited or not is_lead_in(s.text))),
        None,
    )
    kept = [s for i, s in enumerate(found) if s.cited and i not in removed]  # an uncited claim is never kept
    return Checked(shown, unsupported, supported, lead is not None and lead in removed, len(moved), kept)


def _supporting(s: Sentence, passages: list[Passage], verifier: Verifier) -> int | None:
    """The best-ranked given passage, other than those cited, that supports the sentence by the same rule."""
    for m in range(1, len(passages) + 1):
        if m not in s.cited and verifier.check(s.text, [passages[m - 1].chunk.embed_text], [m]).supported:
            return m
    return None


def _recite(span: str, n: int) -> str:
    """The sentence as written, its markers replaced by ``[n]`` (before its closing punctuation)."""
    body = MARKER.sub("", span).rstrip()
    return f"{body[:-1]} [{n}]{body[-1]}" if body and body[-1] in ".!?" else f"{body} [{n}]"


_VERDICT = re.compile(r"^\W*(?:yes|no|yeah|nope|correct|incorrect|true|false)\W*$", re.IGNORECASE)


def _bare_verdict(text: str) -> bool:
    """ "Yes." / "No [1]." alone: the claim is the sentence after it, which the first-claim rule then weighs."""
    return bool(_VERDICT.match(_LEADING_MARKERS.sub(" ", MARKER.sub(" ", text))))


def _quoted_segments(text: str, count: int) -> dict[int, list[str]]:
    """For each passage number (1-based), the pieces of text that end in a marker citing it."""
    out: dict[int, list[str]] = {}
    prev = 0
    for m in MARKER.finditer(text):
        segment = text[prev : m.start()].strip().lstrip(".,;:!?)]\" ")
        prev = m.end()
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            n = int(part)
            if 1 <= n <= count and segment:
                out.setdefault(n, []).append(segment)
    return out


def cite(n: int, passage: Passage, quoted: list[str]) -> Citation:
    """The citation of ``passage``, narrowed to the lines of ``quoted`` when they are verbatim quotes of it."""
    c = passage.chunk
    spans = [locate_quotes(c.text, q) for q in quoted]
    # Lines are narrowed by counting the chunk's line breaks, or through its line map where its lines are not the
    # file's lines in a row (a transcript's text skips the timing lines); a transcript indexed before line maps
    # were kept has none, and is cited whole.
    mapped = c.line_map is not None or c.end_line - c.start_line <= c.text.count("\n")
    if not spans or any(s is None for s in spans) or not mapped:
        return Citation(n, c.source, c.start_line, c.end_line, c.text, passage.score, c.page, c.context)
    lo = min(s[0] for s in spans if s)
    hi = max(s[1] for s in spans if s)
    line_lo = c.text.rfind("\n", 0, lo) + 1
    line_hi = c.text.find("\n", hi)
    line_hi = len(c.text) if line_hi == -1 else line_hi
    first, last = c.file_line(lo), c.file_line(hi)
    return Citation(
        n, c.source, first, min(max(first, last), c.end_line), c.text[line_lo:line_hi], passage.score, c.page,
        section_at(c.text, lo, c.context), _opening(c.text, lo) - line_lo,
    )


def _opening(text: str, at: int) -> int:
    """Where a quote found at ``at`` begins, with the quotation mark or bracket that opens it."""
    return at - 1 if at > 0 and text[at - 1] in "\"“‘'(" else at


def check_citations(
    question: str,
    draft: Draft,
    passages: list[Passage],
    verifier: Verifier | None = None,
    remove: bool = True,
    lead_decides: bool = False,
    answerable: bool = True,
) -> Answer:
    """Verify the draft's sentences (with a verifier), keep markers that point at a given passage, number by first use.

    An answered draft with no supported sentence left becomes a decline that shows the nearest passages;
    with ``lead_decides`` (answers, not briefs) so does one whose first claim was removed: a model states
    its answer first, and what it adds after an invented answer is supported context that answers nothing
    ("When did the age of Imperialism end?" -> an invented date, then a true sentence about an alliance).
    When the passages were found not to answer the question (``answerable`` false), every claim the checker kept
    is reported unsupported and, with ``remove``, the answer is declined: on-topic passages lacking the answer
    are where a model invents one that its citations back word for word.
    """
    text, answered, unsupported = draft.text, draft.answered, []
    notes: list[str] = []
    if verifier is not None and draft.answered:
        checked = verify_draft(draft.text, passages, verifier, remove, mark_runs=draft.model != EXTRACTIVE)
        text, unsupported = checked.text, checked.unsupported
        if not answerable:
            unsupported = unsupported + [Unsupported(s.text, s.cited, NOT_ANSWERED_REASON) for s in checked.kept]
        if remove and not checked.supported:
            text, answered = NOTHING_SUPPORTED, False
        elif remove and lead_decides and checked.lead_removed:
            text, answered = LEAD_UNSUPPORTED, False
        elif remove and not answerable:
            text, answered = NOT_ANSWERED, False
        elif remove and checked.recited:
            notes.append(f"{plural(checked.recited, 'sentence')} cited a passage that does"
                         " not support it; the citation now points to the given passage that does")
    text, citations = renumber(text, passages)
    if not text.strip() and draft.answered:
        text, answered = NOTHING_SUPPORTED, False
    return Answer(
        question=question,
        text=text,
        answered=answered,
        citations=citations,
        model=draft.model,
        usage=draft.usage,
        invalid_citations=_out_of_range(draft.text, len(passages)),
        passages=passages,
        unsupported=unsupported,
        raw_text=draft.text,
        short_answer=one_line(draft.short_answer) if answered and draft.short_answer else None,
        verified=verifier is not None and remove and draft.answered,
        notes=notes,
    )


def _out_of_range(text: str, n: int) -> list[int]:
    found: list[int] = []
    for m in MARKER.finditer(text):
        for k in _numbers(m.group(1)):
            if not 1 <= k <= n and k not in found:
                found.append(k)
    return found


def renumber(text: str, passages: list[Passage]) -> tuple[str, list[Citation]]:
    """Keep markers that point at a given passage, drop the rest (see _out_of_range), number by first use."""
    order: dict[int, int] = {}

    def replace(m: re.Match[str]) -> str:
        kept: list[int] = []
        for n in _numbers(m.group(1)):
            if 1 <= n <= len(passages):
                if n not in order:
                    order[n] = len(order) + 1
                if order[n] not in kept:
                    kept.append(order[n])
        if not kept:
            return ""
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())]
        return (" " if lead else "") + "".join(f"[{k}]" for k in kept)

    segments = _quoted_segments(text, len(passages))
    text = MARKER.sub(replace, text)
    # Only a space left between a marker and the punctuation after it is closed up: the quoted text
    # itself stays exactly as the source has it ("three years ago , only one").
    text = re.sub(r"(\])[ \t]+([.,;:!?])", r"\1\2", text).strip()
    citations = [
        cite(new, passages[old - 1], segments.get(old, []))
        for old, new in sorted(order.items(), key=lambda kv: kv[1])
    ]
    return text, citations
