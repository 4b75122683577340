"""Splitting a document into token-limited chunks on paragraph and sentence boundaries, with overlap."""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections.abc import Callable
from dataclasses import replace

from briefbot.schema import Chunk, Document
from briefbot.text.sentences import Span, split_sentences
from briefbot.text.tokens import encoding


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _token_windows(text: str, start: int, end: int, max_tokens: int) -> list[Span]:
    """Cut one over-long sentence into pieces of at most ``max_tokens`` tokens, at token boundaries."""
    enc = encoding()
    piece = text[start:end]
    ids = enc.encode(piece, disallowed_special=())
    offsets = _token_offsets(ids)
    # Each window starts where the last ended and takes ``max_tokens`` tokens from there, less one
    # (it may start mid-token), so it re-encodes within the limit and _fit rarely has to search;
    # it ends at the last whitespace before that token boundary when there is one nearby.
    bounds = [0]
    while True:
        first = bisect.bisect_right(offsets, bounds[-1]) - 1  # the token the window starts in
        end = first + max(1, max_tokens - 1)  # one token spare: the window may start mid-token
        if end >= len(ids):
            break
        cut = max(offsets[end], bounds[-1] + 1)
        ws = piece.rfind(" ", bounds[-1] + 1, cut)
        bounds.append(ws + 1 if ws > bounds[-1] + (cut - bounds[-1]) // 2 else cut)
    bounds.append(len(piece))
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        for s, e in _fit(piece, a, b, max_tokens):
            if piece[s:e].strip():
                spans.append(Span(start + s, start + e, -1))
    return spans


def _token_offsets(ids: list[int]) -> list[int]:
    """The character offset where each token starts, as tiktoken's ``decode_with_offsets`` gives it
    (a token starting inside a character counts from that character), but counted with numpy:
    tiktoken's own loop is most of the time spent on a long unbroken text."""
    import numpy as np

    if not ids:
        return []
    parts = encoding().decode_tokens_bytes(ids)
    data = np.frombuffer(b"".join(parts), dtype=np.uint8)
    lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    lead = (data & 0xC0) != 0x80  # the first byte of a UTF-8 character
    chars_before = np.concatenate(([0], np.cumsum(lead)))
    mid_char = ~lead[np.minimum(starts, len(data) - 1)]
    return (chars_before[starts] - mid_char).clip(min=0).tolist()  # type: ignore[no-any-return]


def _fit(text: str, a: int, b: int, max_tokens: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` so each piece re-encodes to at most ``max_tokens`` (token boundaries can
    fall inside a character, so a window cut by token offsets may need one more split)."""
    enc = encoding()
    out = []
    while a < b:
        if len(enc.encode(text[a:b], disallowed_special=())) <= max_tokens:
            out.append((a, b))
            break
        lo, hi = a + 1, b  # largest end with the prefix fitting; one character always fits
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if len(enc.encode(text[a:mid], disallowed_special=())) <= max_tokens:
                lo = mid
            else:
                hi = mid - 1
        out.append((a, lo))
        a = lo
    return out


Done = Callable[[float], None]  # the fraction of a document chunked so far, for a progress bar
_REPORT_EVERY = 500  # sentences between two progress reports
CARRY_CHARS = 600  # how far into the next page a sentence interrupted by a page break is looked for


def _units(doc: Document, max_tokens: int, done: Done | None = None) -> list[tuple[Span, int]]:
    """Sentences with their token counts; sentences longer than a chunk are cut into windows."""
    enc = encoding()
    out: list[tuple[Span, int]] = []
    for number, span in enumerate(split_sentences(doc.text)):
        if done is not None and number % _REPORT_EVERY == _REPORT_EVERY - 1:
            done(span.start / len(doc.text))
        n = len(enc.encode(doc.text[span.start : span.end], disallowed_special=()))
        if n <= max_tokens:
            out.append((span, n))
            continue
        for piece in _token_windows(doc.text, span.start, span.end, max_tokens):
            text = doc.text[piece.start : piece.end]
            out.append((Span(piece.start, piece.end, span.paragraph), len(enc.encode(text, disallowed_special=()))))
    return out


def _line_map(doc: Document, a: int, text: str) -> str | None:
    """The file's line of each line of ``text`` (which starts at ``a``), when they are not in a row."""
    first, last = doc.line_of(a), doc.line_of(a + len(text) - 1)
    if last - first == text.count("\n", 0, len(text) - 1):
        return None
    starts = [0] + [i + 1 for i, ch in enumerate(text[:-1]) if ch == "\n"]
    return ",".join(str(doc.line_of(a + k)) for k in starts)


def chunk_document(doc: Document, max_tokens: int = 200, overlap: int = 30, done: Done | None = None) -> list[Chunk]:
    """Chunks covering ``doc`` in order; each is an exact slice of the text with its line range.

    Sentences are packed greedily up to ``max_tokens``; a chunk ends early at a paragraph boundary
    when it is already half full, and the next chunk repeats up to ``overlap`` tokens of trailing
    sentences from the previous one so an answer split across a boundary is still found whole.
    ``done`` hears how far through the text chunking is (a big file takes seconds).
    """
    if doc.page_starts or doc.sections:
        return _chunk_layout(doc, max_tokens, overlap, done)
    enc = encoding()
    units = _units(doc, max_tokens, done)
    # Tokens from each unit to the end of its paragraph, computed once (summing them at every
    # paragraph boundary made chunking quadratic in a file of one-line paragraphs).
    para_rest = [0] * len(units)
    for u in range(len(units) - 1, -1, -1):
        same = u + 1 < len(units) and units[u + 1][0].paragraph == units[u][0].paragraph
        para_rest[u] = units[u][1] + (para_rest[u + 1] if same else 0)
    chunks: list[Chunk] = []
    i = 0
    while i < len(units):
        j = i
        total = 0
        while j < len(units):
            n = units[j][1]
            if j > i and total + n + 1 > max_tokens:
                break
            new_para = j > i and units[j][0].paragraph != units[j - 1][0].paragraph
            if new_para and total >= max_tokens // 2 and total + para_rest[j] > max_tokens:
                break
            total += n + 1
            j += 1
        # Measure the real slice (whitespace between sentences counts too) and shrink if needed.
        while True:
            a, b = units[i][0].start, units[j - 1][0].end
            text = doc.text[a:b]
            tokens = len(enc.encode(text, disallowed_special=()))
            if tokens <= max_tokens or j - 1 == i:
                break
            j -= 1
        chunks.append(
            Chunk(
                source=doc.source,
                index=len(chunks),
                text=text,
                start_line=doc.line_of(a),
                end_line=doc.line_of(b - 1),
                line_map=_line_map(doc, a, text),
                start_char=a,
                end_char=b,
                tokens=tokens,
                content_hash=content_hash(text),
            )
        )
        if j >= len(units):
            break
        # Step back over trailing sentences that fit in the overlap, but always move forward.
        k = j
        carried = 0
        while k - 1 > i and carried + units[k - 1][1] <= overlap:
            carried += units[k - 1][1]
            k -= 1
        i = k
    return chunks


def _runs_to(text: str, page: int) -> int:
    """Where the sentence that a page break interrupts ends on the next page (at most a few lines on)."""
    for span in split_sentences(text[page : page + CARRY_CHARS]):
        return page + span.end
    return page


def _chunk_layout(doc: Document, max_tokens: int, overlap: int, done: Done | None = None) -> list[Chunk]:
    """Chunks of a paged or sectioned document: never across a page or from one message of an e-mail thread into the
    next (a section that starts at a From line), lines counted within the page, and each chunk labelled with the
    headings above it (which also go into its hash, as they are embedded)."""
    pages = doc.page_starts or (0,)
    messages = [at for at, _ in doc.sections if doc.text.startswith("From:", at)]
    bounds = sorted(set(pages).union(messages)) + [len(doc.text)]
    heads = [offset for offset, _ in doc.sections]
    # A sentence that runs over a page break (the page's text is followed by one newline, not two: ingest/pdf_pages.py)
    # is chunked whole with the page it starts on; the next page's chunks start after it, lines counted from its top.
    ends: dict[int, int] = {}
    for b, after in reversed(list(itertools.pairwise(bounds))):
        if 0 < b and doc.page_starts and doc.text[b - 2 : b] != "\n\n":
            end = _runs_to(doc.text, b)  # (a sentence that fills the next page too goes on to where it ends)
            ends[b] = end if end < after else ends.get(after, after)
    out: list[Chunk] = []
    for a, b in itertools.pairwise(bounds):
        number = bisect.bisect_right(pages, a)
        if done is not None and doc.text:
            done(a / len(doc.text))
        top, a, b = a, ends.get(a, a), ends.get(b, b)
        # Lines of this page that went with the sentence from the page before, and its running header's lines.
        shift = doc.text.count("\n", top, a) + (doc.page_shifts[number - 1] if doc.page_shifts and top == pages[number - 1] else 0)
        page_doc = Document.from_text(doc.source, doc.text[a:b])
        for c in chunk_document(page_doc, max_tokens, overlap):
            if shift:
                c = replace(c, start_line=c.start_line + shift, end_line=c.end_line + shift)
            start = a + c.start_char
            at = bisect.bisect_right(heads, start) - 1
            context = doc.sections[at][1] if at >= 0 and doc.sections[at][1] else None
            # Lines count within the page; without pages, through the document's own line table (an e-mail's text
            # leaves out header lines of the file, as a transcript's does).
            lines = {} if doc.page_starts else {
                "start_line": doc.line_of(start), "end_line": doc.line_of(a + c.end_char - 1),
                "line_map": _line_map(doc, start, c.text),
            }
            out.append(
                replace(
                    c,
                    index=len(out),
                    start_char=start,
                    end_char=a + c.end_char,
                    page=number if doc.page_starts else None,
                    context=context,
                    content_hash=content_hash(f"{context}\n{c.text}") if context else c.content_hash,
                    **lines,
                )
            )
    return out
