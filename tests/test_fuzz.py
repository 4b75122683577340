"""Property-based tests: loaders and the chunker on arbitrary bytes and unicode.

No exception escapes but briefbot's own LoadError, and every chunk's span maps back to the text.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefbot.ingest.chunking import chunk_document
from briefbot.errors import LoadError
from briefbot.ingest.loading import load_document
from briefbot.schema import Document
from briefbot.text.tokens import encoding

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ENCODINGS = ["utf-8", "utf-16", "latin-1", "cp1252", "shift_jis", "gb18030", "koi8-r"]


def load_bytes(data: bytes, suffix: str = ".txt") -> Document | LoadError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            return load_document(path, path.name)
        except LoadError as exc:
            assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
            return exc


def check_document(doc: Document) -> None:
    assert "\x00" not in doc.text and "\r" not in doc.text
    assert doc.line_starts[0] == 0
    assert all(doc.text[s - 1] == "\n" for s in doc.line_starts[1:])
    assert len(doc.line_starts) == doc.text.count("\n") + 1


def check_chunks(doc: Document, max_tokens: int, overlap: int) -> None:
    chunks = chunk_document(doc, max_tokens, overlap)
    enc = encoding()
    covered = [False] * len(doc.text)
    for i, c in enumerate(chunks):
        assert c.index == i and c.source == doc.source
        assert 0 <= c.start_char < c.end_char <= len(doc.text)
        assert doc.text[c.start_char : c.end_char] == c.text
        assert c.text.strip()
        assert c.start_line == doc.line_of(c.start_char)
        assert c.end_line == doc.line_of(c.end_char - 1)
        assert c.start_line <= c.end_line
        assert c.tokens == len(enc.encode(c.text, disallowed_special=()))
        if i:
            assert c.start_char >= chunks[i - 1].start_char
        for k in range(c.start_char, c.end_char):
            covered[k] = True
    # Every visible character of the document is in some chunk: nothing is silently dropped.
    lost = [k for k, ch in enumerate(doc.text) if not ch.isspace() and not covered[k]]
    assert not lost, (lost[:5], doc.text[lost[0] : lost[0] + 20])


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md"]))
@example(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), ".txt")
@example(b"\xff\xfe" + "hi\r\nthere".encode("utf-16-le"), ".md")
@example(b"\x00" * 50, ".txt")
def test_loading_arbitrary_bytes(data: bytes, suffix: str) -> None:
    result = load_bytes(data, suffix)
    if isinstance(result, Document):
        check_document(result)
        check_chunks(result, 60, 10)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(ENCODINGS))
def test_loading_encoded_text(text: str, codec: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
        codec = "utf-8"
    result = load_bytes(data)
    if isinstance(result, LoadError):
        return
    check_document(result)
    if codec == "utf-8":  # UTF-8 is never guessed: it comes back exactly, apart from normalised newlines
        expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        assert result.text == expected


@FUZZ
@given(
    st.text(st.characters(codec="utf-8"), max_size=3000)
    | st.lists(st.sampled_from(["word", " ", ".", "\n", "\n\n", "Mr.", "- ", "# ", "é", "日本", "\t", "!!", "…"]), max_size=600).map("".join),
    st.integers(min_value=8, max_value=120),
    st.integers(min_value=0, max_value=40),
)
@example("word " * 2000, 50, 10)
@example("x" * 5000, 20, 5)
def test_chunker_spans_map_back(text: str, max_tokens: int, overlap: int) -> None:
    overlap = min(overlap, max_tokens - 1)
    check_chunks(Document.from_text("fuzz.txt", text), max_tokens, overlap)
