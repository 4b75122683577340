"""The typed records that flow between stages: load -> chunk -> embed -> store -> retrieve -> generate -> cite."""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """A loaded file: its text and where each line starts, so spans map back to line numbers."""

    source: str  # path as shown to users, relative to the index root when inside it
    text: str
    line_starts: tuple[int, ...]
    # Paged formats (PDF): where each page starts in ``text``; chunks then stay within a page.
    page_starts: tuple[int, ...] | None = None
    # Lines of each page's text layer left out above its text (a running header): line numbers count them.
    page_shifts: tuple[int, ...] | None = None
    # Headings (Markdown, Word, a web page's title): (offset, "Title > Section") from that offset on.
    sections: tuple[tuple[int, str], ...] = ()

    @classmethod
    def from_text(cls, source: str, text: str) -> Document:
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return cls(source=source, text=text, line_starts=tuple(starts))

    def line_of(self, offset: int) -> int:
        """1-based line number holding character ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)


@dataclass(frozen=True)
class Chunk:
    """A contiguous span of a document, small enough for the embedder's input window."""

    source: str
    index: int  # position of the chunk within its document
    text: str
    start_line: int
    end_line: int
    start_char: int
    end_char: int
    tokens: int
    content_hash: str
    page: int | None = None  # 1-based page for paged formats; start_line/end_line then count within it
    context: str | None = None  # the headings above the chunk, e.g. "Guide > Install"
    # The file's line of each of the chunk's lines ("7,8,10"), kept only where they are not the file's lines in a
    # row: a transcript's text leaves out its timing lines (ingest/transcripts.py). Citations narrow through it.
    line_map: str | None = None

    @property
    def id(self) -> str:
        return f"{self.source}#{self.index}:{self.content_hash[:16]}"  # parsed by source_of_chunk_id

    def file_line(self, offset: int) -> int:
        """The file's line holding character ``offset`` of the chunk's text."""
        k = self.text.count("\n", 0, offset)
        if self.line_map:
            lines = self.line_map.split(",")
            return int(lines[min(k, len(lines) - 1)])
        return self.start_line + k

    @property
    def source_lines(self) -> str:
        return location(self.source, self.start_line, self.end_line, self.page)

    @property
    def embed_text(self) -> str:
        """What is embedded: the section headings too, so a passage is found by its section's topic."""
        return f"{self.context}\n{self.text}" if self.context else self.text


def source_of_chunk_id(chunk_id: str) -> str:
    """The source file named in a chunk id (``source#index:hash``; a source may itself contain "#")."""
    return chunk_id.rsplit("#", 1)[0]


# What a paged format's page is called in a citation: a PDF's page, a slide deck's slide, a workbook's sheet (whose
# lines are its rows).
PAGE_NAMES = {".pptx": "slide ", ".xlsx": "sheet ", ".xlsm": "sheet "}


def location(source: str, start_line: int, end_line: int, page: int | None = None) -> str:
    """How a citation points into a file: ``notes.md:4-9``, ``report.pdf p.3:4-9`` for a page, ``deck.pptx slide
    2:1-4`` for a slide, ``budget.xlsx sheet 1:14-14`` for a workbook's sheet (rows 14 to 14)."""
    if page is not None:
        name = PAGE_NAMES.get(os.path.splitext(source)[1].lower(), "p.")
        return f"{source} {name}{page}:{start_line}-{end_line}"
    return f"{source}:{start_line}-{end_line}"


@dataclass
class Passage:
    """A retrieved chunk with the scores that ranked it."""

    chunk: Chunk
    score: float
    dense_score: float | None = None
    lexical_score: float | None = None

    @property
    def source_lines(self) -> str:
        return self.chunk.source_lines

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "source": c.source,
            "start_line": c.start_line,
            "end_line": c.end_line,
            "page": c.page,
            "location": c.source_lines,
            "section": c.context,
            "score": round(self.score, 4),
            "dense_score": None if self.dense_score is None else round(self.dense_score, 4),
            "lexical_score": None if self.lexical_score is None else round(self.lexical_score, 4),
            "text": c.text,
        }


NEAREST_PASSAGES = 3  # shown with a declined answer, so the reader sees what came closest


@dataclass
class Citation:
    """A passage an answer cites, numbered in order of first use."""

    n: int
    source: str
    start_line: int
    end_line: int
    text: str
    score: float
    page: int | None = None
    section: str | None = None
    quote_start: int = 0  # where in ``text`` the quoted sentences begin (a long line holds more than the quote)

    @property
    def location(self) -> str:
        return location(self.source, self.start_line, self.end_line, self.page)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "source": self.source,
            "start_line": self.start_line,
            "end_line": self.end_line,
            "page": self.page,
            "location": self.location,
            "section": self.section,
            "text": self.text,
            "score": round(self.score, 4),
        }


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None  # estimated from list prices; None when the model's price is unknown
    estimated: bool = False  # counted locally with tiktoken: the server reported no usage

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        cost = None if self.cost_usd is None or other.cost_usd is None else self.cost_usd + other.cost_usd
        return Usage(
            self.prompt_tokens + other.prompt_tokens, self.completion_tokens + other.completion_tokens, cost,
            self.estimated or other.estimated,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
            "cost_usd": None if self.cost_usd is None else round(self.cost_usd, 6),
            "estimated": self.estimated,
        }


@dataclass
class Draft:
    """What a generator returns: text whose [n] markers index the passages it was given (1-based)."""

    text: str
    answered: bool
    model: str
    usage: Usage | None = None
    short_answer: str | None = None  # the phrase that answers ("1987", "Yes"), inside the quoted text
    fallback: str | None = None  # why an LLM brief could not be used (the offline brief is shown instead)
    notes: list[str] = field(default_factory=list)  # for the reader, e.g. how many calls a long brief took


@dataclass
class Unsupported:
    """An answer sentence its citations do not back, removed from the answer shown (see answer/verify/verify.py).

    ``cited`` holds the marker numbers as the generator wrote them: positions in ``Answer.passages``.
    """

    sentence: str
    cited: list[int]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "cited": self.cited, "reason": self.reason}


@dataclass
class Answer:
    """A checked answer: every [n] in ``text`` resolves to ``citations``.

    ``raw_text`` is the generator's text before verification, its markers numbered as the generator
    wrote them (the n-th passage in ``passages``), like ``Unsupported.cited``. ``verified`` says
    whether unsupported sentences were removed from ``text`` (False with --no-verify).
    """

    question: str
    text: str
    answered: bool
    citations: list[Citation]
    model: str
    usage: Usage | None = None
    invalid_citations: list[int] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # what the generator saw, for "nearest passages"
    short_answer: str | None = None  # the shortest span that answers, shown before the cited sentences
    scope: str | None = None  # what a brief covers ("Covers 60 files; 4 main groups ..."), shown under it
    unsupported: list[Unsupported] = field(default_factory=list)
    raw_text: str = ""
    verified: bool = False
    notes: list[str] = field(default_factory=list)  # one line each for the reader (e.g. an LLM brief's fallback)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "short_answer": self.short_answer,
            "answered": self.answered,
            "citations": [c.to_dict() for c in self.citations],
            "model": self.model,
            "usage": self.usage.to_dict() if self.usage else None,
            "invalid_citations": self.invalid_citations,
            # A decline shows what came closest, as the terminal's "Nearest passages" does.
            "nearest_passages": [] if self.answered else [p.to_dict() for p in self.passages[:NEAREST_PASSAGES]],
            **({"scope": self.scope} if self.scope else {}),
            "verified": self.verified,
            "unsupported": [u.to_dict() for u in self.unsupported],
            "raw_text": self.raw_text,
            "notes": self.notes,
        }


@dataclass
class FileRecord:
    """What the index knows about one source file, to skip it when unchanged."""

    source: str
    size: int
    mtime_ns: int
    sha256: str
    chunks: int
    indexed_at: str  # ISO 8601, UTC
    reader: int = 1  # the version of the loader it was read with (ingest/loading.py READERS)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    # Files passed over because briefbot does not read their type, counted by extension.
    other_types: dict[str, int] = field(default_factory=dict)
    chunks: int = 0  # chunks written in this run
    embedded: int = 0  # embeddings computed in this run
    total_chunks: int = 0
    seconds: float = 0.0

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
            "not_indexed_unknown_type": dict(sorted(self.other_types.items())),
            "chunks": self.chunks,
            "embedded": self.embedded,
            "total_chunks": self.total_chunks,
            "seconds": round(self.seconds, 3),
        }
