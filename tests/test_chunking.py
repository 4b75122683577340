from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbot.ingest.chunking import chunk_document, content_hash
from briefbot.schema import Document
from briefbot.text.tokens import count_tokens

from .conftest import SEED


def check_invariants(doc: Document, max_tokens: int, overlap: int) -> None:
    chunks = chunk_document(doc, max_tokens, overlap)
    if not doc.text.strip():
        assert chunks == []
        return
    covered_to = 0
    for i, c in enumerate(chunks):
        assert c.index == i
        # spans map back to the exact text, and line numbers to the lines holding it
        assert doc.text[c.start_char : c.end_char] == c.text
        assert c.start_line == doc.text.count("\n", 0, c.start_char) + 1
        assert c.end_line == doc.text.count("\n", 0, c.end_char - 1) + 1
        assert c.content_hash == content_hash(c.text)
        assert c.tokens == count_tokens(c.text)
        assert c.tokens <= max_tokens
        # in order, no gaps in non-whitespace text, overlap bounded
        assert c.start_char <= covered_to or not doc.text[covered_to : c.start_char].strip()
        if i:
            assert c.start_char > chunks[i - 1].start_char
        covered_to = max(covered_to, c.end_char)
    assert not doc.text[covered_to:].strip()


def test_seed_file_chunks() -> None:
    doc = Document.from_text("seed.txt", SEED.read_text(encoding="utf-8"))
    chunks = chunk_document(doc, 200, 30)
    assert len(chunks) >= 4
    check_invariants(doc, 200, 30)
    # the list of attendees stays together with the sentence that introduces the meeting
    assert "Stephania Giannini" in chunks[0].text and "SU Rui" in chunks[0].text
    assert chunks[0].start_line == 1 and chunks[-1].end_line == 6


def test_overlap_repeats_trailing_sentences() -> None:
    sentences = [f"Sentence number {i} talks about topic {i} at some length here." for i in range(60)]
    doc = Document.from_text("a.txt", " ".join(sentences))
    chunks = chunk_document(doc, 60, 20)
    assert len(chunks) > 3
    for a, b in zip(chunks, chunks[1:]):
        assert b.start_char < a.end_char, "consecutive chunks share overlap"
        shared = doc.text[b.start_char : a.end_char]
        assert count_tokens(shared) <= 20 + 2


def test_long_sentence_without_spaces_is_cut() -> None:
    doc = Document.from_text("long.txt", "x" * 5000 + "\nend.")
    check_invariants(doc, 100, 10)
    assert all(c.tokens <= 100 for c in chunk_document(doc, 100, 10))


def test_empty_and_blank_documents_have_no_chunks() -> None:
    assert chunk_document(Document.from_text("e.txt", ""), 200, 30) == []
    assert chunk_document(Document.from_text("b.txt", " \n\n \t\n"), 200, 30) == []


words = st.sampled_from(["alpha", "Beta", "gamma.", "Mr.", "x", "—", "日本語", "é", "?", "!", "\n", "\n\n", "  ", "42", "U.S.", "e.g.", "#", "- "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, max_size=400), st.integers(min_value=8, max_value=120))
def test_property_chunks_cover_text_in_order(parts: list[str], max_tokens: int) -> None:
    doc = Document.from_text("p.txt", " ".join(parts))
    check_invariants(doc, max_tokens, max_tokens // 4)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000), st.integers(min_value=5, max_value=80))
def test_property_arbitrary_unicode(text: str, max_tokens: int) -> None:
    text = text.replace("\r", "")
    check_invariants(Document.from_text("u.txt", text), max_tokens, max_tokens // 3)
