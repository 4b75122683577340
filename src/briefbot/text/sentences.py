"""Splitting text into paragraphs and sentences as character spans, so every piece maps back to the source."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a period without ending a sentence ("Mr. LI Ming", "Prof. JIN Li"; a patent's "U.S. Pat. No.
# 4,039,299" and "Ser. No. 61/819,547", a statute's "Sec. 5", a paper's "Eq. 3").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr mt ft vs etc e.g i.e cf al inc ltd co corp no nos fig figs
    gen col lt sgt capt cmdr adm gov sen rep rev hon pres jan feb mar apr jun jul aug sep sept
    oct nov dec approx dept est min max op vol p pp ed eds u.s u.k u.n a.m p.m
    ser pat pats appl sec secs para paras eq eqs ref refs""".split()
)

_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_BLOCK_START = re.compile(r"[ \t]*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)")
# A list item's next line indented under it (a hanging indent: "1. The budget was approved, subject to\n   the
# scenario ..."), or starting in lower case (a PDF's wrapped item has no indent): the item goes on; a line that
# starts another item or block does not.
HANGING_INDENT = re.compile(r"(?:[ \t]{2,}|\t)(?=\S)")
# Possessive runs that start only at the first mark of a run: a long run of dots not followed by
# a space is rejected once, not once per starting position (which made splitting quadratic).
# A Chinese or Japanese full stop ends a sentence with no space after it.
# Written to start with one character class, which lets the regex engine skip to the next mark instead
# of trying every position (4x faster; the same matches as the plain form
# r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s|$)|[。！？]++[」』”’）)]*+", tests/test_sentences.py).
_SENT_END = re.compile(
    r"[.!?…。！？](?:(?<=[.!?…])(?<![.!?…][.!?…])[.!?…]*+[\"'”’)\]]*+(?=\s|$)|(?<=[。！？])[。！？]*+[」』”’）)]*+)"
)
# A speaker's turn in a transcript ("Project Manager: ...", "PhD A: ...") starts a new paragraph even when
# the line before it trails off without punctuation, as spoken turns often do.
# A chat export's message opens with its time ("[09:14] Maya Chen: ..."): the turn's label follows it.
STAMP = r"(?:\[\d{1,4}[-/:.]\d{1,2}(?:[-/:. ]\d{1,2}){0,4}\][ \t]*)?"
_TURN_START = re.compile(rf"[ \t]*{STAMP}[A-Z][\w'.-]*(?:[ \t]+[A-Z0-9][\w'.-]*){{0,3}}:[ \t]")
# Words that open a sentence and never follow a person's initial: after "180° C." or "vitamin C." they mean the
# letter ended the sentence ("J. Smith", "J. R. R. Tolkien" and "Harry S. Truman" go on with a name).
_OPENER = re.compile(
    r"\s+(?:The|This|These|That|Those|It|Its|They|There|Then|We|He|She|In|On|At|But|However|If|When|After"
    r"|Before|For|As|Our|Their|His|Her|Each|All|Some|Both|Such|Once|While|Although)\b"
)
WRAP_WIDTH = 160  # lines wrapped at a page's or an editor's width are no longer than this
SHORT_LINE = 0.7  # of the block's long lines (its 90th percentile): a shorter line was ended by its writer
_CAPITAL_START = re.compile(r"[ \t]*[A-Z0-9\u00C0-\u00DE€£$]")
_JOINING = frozenset("the a an of and or to in on at for with by from as than that which who whose is are was were be "
                     "has have had not no nor but its their his her our your my this these those into onto via per".split())
_LINE_ENDS = frozenset('.!?:"”|。！？」')  # a line ending in one of these is complete


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    paragraph: int  # paragraph number, so chunking can prefer paragraph boundaries


def _mid_sentence(line: str) -> bool:
    """Whether a line stops inside a sentence: its last word lower case or a number, or a comma or dash after it (a
    title-like item, "1. Field of the Invention", does not run on into the paragraph under it)."""
    words = line.split()
    return bool(words) and (words[-1][:1].islower() or words[-1][:1].isdigit() or line[-1] in ",;(-–—&")


def _short_line_width(text: str, start: int, end: int) -> float:
    """In a block of hard-wrapped lines (five at least, as a PDF's text layer gives a page), a line shorter than this
    is not wrapped: it ends where its writer ended it (a title, a table row, a list item whose bullet was not
    extracted: "Proposed dividend of €0.84 per share\nChair's Statement\nDear shareholders,"). Zero otherwise."""
    if text.count("\n", start, end) < 4:
        return 0.0
    widths = sorted(len(line.rstrip()) for line in text[start:end].split("\n"))
    wide = widths[len(widths) * 9 // 10 - 1]
    return SHORT_LINE * wide if wide <= WRAP_WIDTH else 0.0  # (a paragraph per line is no wrapped text)


def _mid_phrase(line: str) -> bool:
    """A line that stops where no title or item would: after a comma, a dash or a word that needs the next one."""
    words = line.split()
    return not words or line[-1] in ",;(-–—&/" or words[-1].lower() in _JOINING


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines, or by a single newline where the line is clearly complete."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    # Linear in the text: each physical line is looked at once (no slice to the block's end, no
    # re-reading of a long unbroken logical line), so a file of a million short lines splits in seconds.
    for b_start, b_end in blocks:
        line_start = b_start
        short = _short_line_width(text, b_start, b_end)
        head = _BLOCK_START.match(text, line_start, b_end)  # does the logical line start a block?
        last = ""  # last non-space character of the logical line so far
        prev = b_start
        for m in _LINE_BREAK.finditer(text, b_start, b_end):
            stripped = text[prev : m.start()].rstrip()
            if stripped:
                last = stripped[-1]
            prev = m.end()
            starts = _BLOCK_START.match(text, m.end(), b_end) or _TURN_START.match(text, m.end(), b_end)
            item_ends = head is not None and head.end() <= m.start() and not (
                HANGING_INDENT.match(text, m.end(), b_end) and _mid_sentence(stripped)
                or m.end() < b_end and text[m.end()].islower())  # "... Inflexible\nscheduling was cited" (a PDF's item)
            if last in _LINE_ENDS or starts or item_ends or (
                    len(stripped) < short and _CAPITAL_START.match(text, m.end(), b_end) and not _mid_phrase(stripped)):
                out.append((line_start, m.start()))
                line_start = m.end()
                head = _BLOCK_START.match(text, line_start, b_end)
                last = ""
        out.append((line_start, b_end))
    result = []
    for s, e in out:
        s, e = _trimmed(text, s, e)
        if e > s:
            result.append((s, e))
    return result


def _is_abbreviation(text: str, dot: int, start: int) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation or an initial."""
    j = dot
    while j > start and not text[j - 1].isspace() and text[j - 1] not in "(\"'“":
        j -= 1
    word = text[j:dot].lower()
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith", unless a sentence opens after it ("180° C. The")
        return _OPENER.match(text, dot + 1) is None
    if "." in word and all(len(p) <= 2 for p in word.split(".")):  # "U.S.", "e.g."
        return True
    return False


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as trimmed (start, end) character spans."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        first_dot = m.start()
        if text[first_dot] == "." and m.end() - first_dot == 1 and _is_abbreviation(text, first_dot, pos):
            continue
        nxt = text[m.end() : m.end() + 3].lstrip()
        if nxt and nxt[0].islower():  # "e.g. foo", "approx. five": not a new sentence
            continue
        s, e = _trimmed(text, pos, m.end())
        if e > s:
            spans.append((s, e))
        pos = m.end()
    s, e = _trimmed(text, pos, end)
    if e > s:
        spans.append((s, e))
    return spans


def split_sentences(text: str) -> list[Span]:
    """Every sentence of ``text`` with its paragraph number, in order."""
    out: list[Span] = []
    for p, (p_start, p_end) in enumerate(paragraphs(text)):
        for s, e in sentence_spans(text, p_start, p_end):
            out.append(Span(s, e, p))
    return out
