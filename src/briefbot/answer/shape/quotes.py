"""What may be quoted from a passage, and where a quote sits in it.

An answer quotes whole sentences of the source, verbatim. Headings, title lines, table rows and
list markup are the document's structure, not its statements: they are never quoted. A quote is
found back in its passage (whitespace-insensitively) so a citation can name the lines of the
quoted sentences and the heading they sit under, instead of the whole chunk.
"""

from __future__ import annotations

import re
from collections import Counter

from briefbot.text import tables
from briefbot.text.numbered import numbered_headings
from briefbot.text.sentences import Span, split_sentences

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HEADING_LINE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_NUMBERED_CONTEXT = re.compile(r"\d{1,2}\.\s")
_RULE = re.compile(r"^\s*(?:[-=*_~`]{3,}.*|\|.*|[-=]+)\s*$")  # setext underline, thematic break, fence, table row
UNDERLINE = re.compile(r"[ \t]*(?:-{3,}|={3,})[ \t]*(?:\n|$)")  # the line under a heading in plain text or Markdown
_BULLET = re.compile(r"[ \t]*(?:[-*+]|\d+[.)]|>|\[\d{4}\])[ \t]+")  # list markers; a patent's paragraph number [0035]
_TITLE_DASH = re.compile(r" [—–|] ")
_END = re.compile(r"[.!?…:;。！？][\"'”’)\]」』]*$|[.!?…](?:\*\*|__|[*_])$")  # (a bold "**Not carried.**" ends too)
# A document's own reference in brackets ("Sun et al. [1]", "[2, 5]"): written as an answer's citation marker is.
_DOCUMENT_REFERENCE = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
SHOWN_REFERENCE = re.compile(r"\s*\[ref \d+(?:\s*[,;]\s*\d+)*\]")  # how a quote shows one


_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*(?=[{_CJK}])")
_BREAK = re.compile(r"[ \t]*\n\s*")


def one_line(text: str) -> str:
    """Text as one line: a hard-wrapped line break read as a space (none between Chinese or Japanese characters)."""
    return _BREAK.sub(" ", _CJK_BREAK.sub("", text))


def shown(quote: str) -> str:
    """A quote as an answer shows it: in one line (a file's hard-wrapped lines, a transcript's cues, read as the
    sentence they are; no space where Chinese or Japanese text was wrapped), and the document's bracketed references
    as "[ref 1]", so they are not read (by the reader, or the citation check) as the answer's markers citing passage 1;
    Markdown emphasis as the words it marks."""
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), one_line(quote))  # "are **not** affected": "are not affected"
    return _DOCUMENT_REFERENCE.sub(lambda m: f"[ref {m.group(1)}]", text)


# Markdown emphasis around words ("**not**", "__all__", "*Merrow & Vance LLP*"); a lone "*" (a footnote's mark) stays.
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


def _is_title(line: str) -> bool:
    """A short line without closing punctuation, mostly capitalised: a document or section title."""
    words = line.split()
    # (a title line joined by dashes may run longer: "30-Pint Portable Dehumidifier — Owner's Manual — Models DH-30 ...")
    if not words or len(words) > (16 if _TITLE_DASH.search(line) else 10) or _END.search(line.strip()):
        return False
    capital = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capital * 2 >= len(words) or len(words) <= 2


def _is_label(line: str) -> bool:
    """A point too short to state anything: a slide's agenda item or a subtitle ("Recommendation", "Finance team")."""
    return len(line.split()) < 4 and _is_title(line) and not re.search(r"\d", line)


def _is_headline(piece: str) -> bool:
    """A short capitalised line with no closing punctuation: a title however its other words are capitalised."""
    line = piece.strip()
    return "\n" not in line and line[:1].isupper() and len(line.split()) <= 12 and not _END.search(line)


def _last_heading(text: str, start: int, end: int) -> bool:
    """A text's last paragraph that reads as a heading, the text below it cut off ("...release.\n\nRevised go-live
    date": a plain-text chunk ends where the next section starts): short, after a blank line, no figure or colon."""
    piece = text[start:end].strip()
    return (len(piece.split()) <= 6 and text[:start].rstrip(" \t").endswith("\n\n") and not text[end:].strip()
            and not re.search(r"[\d:;,]", piece))


def _structural(line: str) -> bool:
    return bool(_HEADING.match(line) or _RULE.match(line))


# Formats written in points, not sentences (a slide's bullets and text boxes: "Churn rose to 4.1% from 3.2% in Q2"),
# whose titles ingest marks as headings ("## Q3 churn": ingest/slides.py): no other line of theirs is a title, and a brief
# may quote a point (answer/brief/brief_units.py).
POINT_FORMATS = (".pptx",)


def written_in_points(source: str) -> bool:
    return source.lower().endswith(POINT_FORMATS)


def point_spans(text: str) -> list[Span]:
    """The sentences of a text written in points: each line a paragraph of its own, however it ends (a slide's
    lines are its points, one per line: "Hiring freeze until January" does not run on into the next)."""
    out: list[Span] = []
    for span in split_sentences(text):
        start = span.start
        while start < span.end:
            nl = text.find("\n", start, span.end)
            end = span.end if nl == -1 else nl
            if text[start:end].strip():
                out.append(Span(start, end, len(out)))
            start = end + 1
    return out


def as_point(sentence: str) -> str:
    """A point quoted as a sentence: with its own closing punctuation, or a full stop ("Churn rose to 4.1% in Q3.")."""
    return sentence if _END.search(sentence.rstrip()) else sentence.rstrip() + "."


def quotable_spans(text: str, points: bool = False) -> list[tuple[int, int]]:
    """Sentences of ``text`` as (start, end) spans, without headings, title lines, table rows or bullets' markers.
    ``points``: the text is a slide's (POINT_FORMATS): its only titles are marked ones, so any other line is a point."""
    out: list[tuple[int, int]] = []
    spans = point_spans(text) if points else split_sentences(text)
    alone = {n for n, count in Counter(s.paragraph for s in spans).items() if count == 1}
    for span in spans:
        start, end = span.start, span.end
        # Leading lines that are structure, not statement ("# Title\nFirst sentence ...").
        while True:
            nl = text.find("\n", start, end)
            first = text[start:end] if nl == -1 else text[start:nl]
            # A title is a line of its own, or the rest of one after a sentence when it ends on a capitalised word and
            # has no longer word in lower case ("See Appendix D.3. 4 EXPERIMENTS\nBalanced ..." in a paper's text); not
            # a hard-wrapped sentence's first line ("... £11.4 million. The Common Equity Tier 1 (CET1) ratio\nclosed
            # the year at 15.8%", "... Laboratory. Data will be transmitted over a Long Range Wide Area\nNetwork").
            at_line_start = not text[text.rfind("\n", 0, start) + 1 : start].strip()
            titled = not points and _is_title(first) and (at_line_start or not any(w[:1].islower() and len(w) > 3 for w in first.split()))
            # ... and no title goes on in lower case on the next line ("Between January and May 2025 we surveyed
            # every\nregistered nurse ...", capitalised enough to pass for one, is a sentence's first line), unless
            # that line is a title's own wrapped end ("... Models DH-30 and DH-30P (with\nbuilt-in pump)"); an indented
            # line goes on too ("Cause:  ... no water. This\n             almost always means ...", a manual's layout)
            if titled and nl != -1 and text[nl + 1 : end].lstrip(" \t")[:1].islower():
                after = text.find("\n", nl + 1, end)
                titled = _is_title(text[nl + 1 : after if after != -1 else end])
            underlined = nl != -1 and UNDERLINE.match(text, nl + 1, end) is not None  # "What went well\n-----": a heading
            if _structural(first) or (nl != -1 and titled) or underlined:
                if nl == -1:
                    start = end
                    break
                start = nl + 1
                continue
            break
        row = text[text.rfind("\n", 0, start) + 1 : end]  # from the start of the line it starts on
        if "|" in row and any(line.lstrip().startswith("|") for line in row.split("\n")):
            continue  # a table row (or a sentence inside one of its cells): cells are not a sentence
        m = _BULLET.match(text, start, end)
        if m:
            start = m.end()
        elif not points and span.paragraph in alone and _is_headline(text[start:end]) and (
                span.paragraph < spans[-1].paragraph or _last_heading(text, start, end)):
            continue  # "Labour plans maternity pay rise": a headline in sentence case, a paragraph of its own above text
        while start < end and text[start].isspace():
            start += 1
        piece = text[start:end]
        if not piece.strip() or (_is_label(piece) if points else _is_title(piece) and "\n" not in piece and not _END.search(piece)):
            continue
        out.append((start, end))
    return out


_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _names_columns(first: list[str], following: str) -> bool:
    """Whether a table's first line in a text is its header: marked so (Markdown's ``|---|`` under it), or above rows
    that name their columns (written by ingest), or a form's short labels (two columns: text/tables.py). A chunk that
    starts inside a Markdown table starts with a data row, which is none of these."""
    marked = bool(_SEPARATOR_ROW.match(following))
    if len(first) == 2:
        return tables.is_header(first, marked)
    return marked or tables.is_labelled(tables.cells(following))


def table_rows(text: str) -> list[tuple[int, int, str]]:
    """Each data row of the tables in ``text`` as (start, end, "Header: cell; Header: cell"), or "Label: value" for
    a two-column form without a header (text/tables.py).

    A row is a statement only with its column names ("Carried by: Marta Kowalczyk"); the pipes are
    layout. The cells are kept as written.
    """
    out: list[tuple[int, int, str]] = []
    header: list[str] | None = None
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        if not line.lstrip().startswith("|"):
            header = None
            continue
        if _SEPARATOR_ROW.match(line):
            continue
        row = tables.cells(line)
        following = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].lstrip().startswith("|") else None
        alone = header is None and following is None and 0 < k < len(lines) - 1  # (at a passage's edge: a table cut off)
        if tables.is_labelled(row) or alone and tables.is_field(row):
            pairs = [c for c in row if c]  # a row read from a PDF or Word table names its columns itself (or a form's
            header = header if header is not None else []  # one field alone: "| Case Number: 2404417/2026 |")
        elif header is None and following is None:
            continue  # a table's first line alone (its header, the rows in the next chunk)
        elif header is None and _names_columns(row, following):
            header = row
            continue
        elif header:
            pairs = [c for c in tables.labelled(header, row) if c]
        else:
            header = []
            pairs = [f"{row[0].rstrip(':')}: {row[1]}"] if len(row) == 2 and all(row) else [c for c in row if c]
        if pairs:
            out.append((start, start + len(line), "; ".join(tables.as_form(pairs))))
    return out


# A signature's name: "Dr. Amara Nwosu", "Karen Whitfield" (answer/shape/roles.py reads the quoted statement with it)
SIGN_NAME = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){1,3}"
_SIGN_NAME = re.compile(rf"[*_]{{0,2}}({SIGN_NAME})[*_]{{0,2}}")
_SIGN_POST = re.compile(r"\b(?:Chair\w*|Director|Head|Manager|Officer|Chief|Secretary|President|Partner|Lead|Coordinator|"
                        r"Editor|Treasurer|Trustee|Founder|CEO|CFO|COO|CTO|Principal|Dean|Clerk|Governor|Administrator|"
                        r"Advis[eo]r|Consultant|Controller|Executive)s?\b")


def signatures(text: str) -> list[tuple[int, int, str]]:
    """A signature's name and post, two lines under a letter or a statement ("**Margaret Osei**\nChair of Trustees"), as
    one statement: "Margaret Osei, Chair of Trustees". The name line alone is a title line, never quoted."""
    out: list[tuple[int, int, str]] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for k in range(len(lines) - 1):
        name = _SIGN_NAME.fullmatch(lines[k].strip())
        post = lines[k + 1].strip().strip("*_ ")
        before = lines[k - 1].strip() if k else ""
        if (name is None or not post or len(post.split()) > 8 or _END.search(post) or not _SIGN_POST.search(post)
                or (before and not before.endswith((",", ".", "!", ":", "-", "—")))):
            continue  # (a name line opens a block: after a blank line or "Best wishes,")
        out.append((starts[k], starts[k + 1] + len(lines[k + 1]), f"{name.group(1)}, {post}"))
    return out


def quotable(text: str, points: bool = False) -> list[tuple[int, int, str]]:
    """What may be quoted from ``text``, in order: sentences (verbatim), table rows (cells with their column names) and
    signatures (a name and a post); ``points``: see quotable_spans."""
    signed = signatures(text)
    found = [(s, e, text[s:e]) for s, e in quotable_spans(text, points) if not any(a < e and s < b for a, b, _ in signed)]
    return sorted(found + table_rows(text) + signed)


def _row_span(haystack: str, row: str) -> tuple[int, int] | None:
    """The line of a table whose cells hold every value of a quoted row ("Item: Ice axes; Quantity: 12")."""
    values = [part.split(": ", 1)[-1] for part in row.split("; ")]
    for s, e, _ in table_rows(haystack):
        cells = " | ".join(tables.cells(haystack[s:e]))
        if all(v in cells for v in values):
            return s, e
    return None


def find_verbatim(haystack: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``haystack`` with any run of whitespace standing for any other, and Markdown emphasis
    the quote was shown without ("are not affected" in "are **not** affected", shown)."""
    words = needle.split()
    if not words:
        return None
    pattern = r"[*_]{0,2}\s+[*_]{0,2}".join(re.escape(w) for w in words)
    m = re.compile(pattern).search(haystack, start)
    return (m.start(), m.end()) if m else None


def locate_quotes(passage_text: str, quoted: str) -> tuple[int, int] | None:
    """The character span of ``passage_text`` covering the quoted sentences, or None when it is not a quote.

    Each sentence of ``quoted`` must occur verbatim; a paraphrase (an LLM's answer) is not narrowed.
    """
    from briefbot.text.sentences import sentence_spans

    lo: int | None = None
    hi = 0
    pieces = [quoted[s:e] for s, e in sentence_spans(quoted)]
    for piece in pieces:
        found = (find_verbatim(passage_text, piece) or find_verbatim(passage_text, piece.replace("[ref ", "["))
                 or (_row_span(passage_text, piece) if ": " in piece or "; " in piece else None)  # (a row's cells)
                 or next(((a, b) for a, b, signed in signatures(passage_text) if signed == piece.strip()), None)
                 # a list item quoted with a full stop it was written without (answer/shape/sections.py)
                 or (find_verbatim(passage_text, piece.rstrip()[:-1]) if piece.rstrip().endswith(".") else None))
        if found is None:
            return None
        lo = found[0] if lo is None else min(lo, found[0])
        hi = max(hi, found[1])
    return None if lo is None else (lo, hi)


def section_at(passage_text: str, offset: int, context: str | None) -> str | None:
    """The heading path at ``offset``: the passage's own headings before it, over the chunk's context.

    The context's components are taken as levels 1, 2, ... (how Markdown nests); a heading inside the
    passage replaces the components at or below its level. When the context is a numbered document's heading
    ("7. Tree planting", a PDF's: ingest/pdf_pages.py), the passage's numbered headings count too ("8. Bus shelter"),
    one level below the context's components above the numbered one.
    """
    stack: list[tuple[int, str]] = [(i + 1, t) for i, t in enumerate(context.split(" > "))] if context else []
    found = [(m.start(), len(m.group(1)), m.group(2).strip()) for m in _HEADING_LINE.finditer(passage_text, 0, offset)
             if m.group(2).strip()]
    # ("Report > 2. Outcomes": numbered headings sit below the components above the first numbered one)
    below = next((k for k, part in enumerate(context.split(" > ")) if _NUMBERED_CONTEXT.match(part)), None) if context else None
    if below is not None:
        found += [(at, below + level, title) for at, level, title in numbered_headings(passage_text[:offset])]
    for _, level, title in sorted(found):
        if any(t == title for _, t in stack):
            continue  # the context's own heading (an "###" under a "#", numbered 2 in the context, 3 here)
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
    return " > ".join(t for _, t in stack) or None


def same_section(text: str, a: int, b: int) -> bool:
    """No heading between offsets ``a`` and ``b``: sentences under different headings are not quoted together."""
    lo, hi = min(a, b), max(a, b)
    return not any(_HEADING.match(line) for line in text[lo:hi].split("\n")[1:])


def join_items(items: list[str]) -> str:
    """A section's list items as quoted sentences: each ends with its own stop ("Li Wei: book the venue.")."""
    return join_sentences([t if t[-1:] in ".!?。！？" else t + "." for t in items])


def join_sentences(sentences: list[str]) -> str:
    """Quoted sentences in a row: a space between them, none after a Chinese or Japanese full stop."""
    out = ""
    for s in sentences:
        out += s if not out or out.endswith(("。", "！", "？", "」")) else " " + s
    return out
