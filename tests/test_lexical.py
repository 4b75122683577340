"""The BM25 index stays in step with chromadb across add, change, delete, rebuild and interrupted writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbot import lexical
from briefbot.ingest import ingest
from briefbot.retrieval import Retriever
from briefbot.settings import Settings
from briefbot.store import Index

ALPHA = "The Quintara harbour opened in 1871. Fishermen landed cod and herring there every morning.\n"
BETA = "Volcanic soil makes the island's vineyards productive. The grapes ripen late in autumn.\n"
GAMMA = "A committee led by Ms. Oyelaran reviewed the bridge tolls. Its report recommended lower fees.\n"


@pytest.fixture
def kb(tmp_path: Path) -> Settings:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (corpus / "beta.txt").write_text(BETA, encoding="utf-8")
    return Settings(index=tmp_path / ".briefbot", corpus=[corpus])


def _open(settings: Settings, embedder) -> Index:
    return Index.open(settings, embedder.name, embedder.dim, create=False)


def _saved(settings: Settings) -> lexical.LexicalIndex:
    saved = lexical.LexicalIndex.load(lexical.folder(settings))
    assert saved is not None
    return saved


def _in_step(settings: Settings, embedder) -> lexical.LexicalIndex:
    """The saved BM25 index covers exactly chromadb's chunks."""
    saved = _saved(settings)
    assert sorted(saved.ids) == sorted(_open(settings, embedder).chunk_ids())
    return saved


def _sources(hits: list[tuple[str, float]]) -> set[str]:
    return {lexical.source_of(i) for i, _ in hits}


def test_tokenize_stems_and_drops_stopwords() -> None:
    assert lexical.tokenize("The meetings of Giannini") == lexical.tokenize("meeting Giannini")
    assert lexical.tokenize("the of and") == []


def test_ingest_builds_bm25_that_finds_an_exact_name(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    hits = saved.top("Quintara", 5)
    assert _sources(hits) == {"docs/alpha.txt"}
    assert saved.top("zyzzyva", 5) == []
    # Through the hybrid retriever too: the rare name ranks its passage first.
    passages = Retriever(_open(kb, embedder), embedder, 0.5, lexical.folder(kb)).search("Quintara", 2)
    assert passages[0].chunk.source == "docs/alpha.txt"
    assert passages[0].lexical_score and passages[0].lexical_score > 0


def test_add_change_delete_keep_bm25_in_step(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    corpus = kb.corpus[0]

    (corpus / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert _sources(_in_step(kb, embedder).top("Oyelaran", 5)) == {"docs/gamma.txt"}

    (corpus / "alpha.txt").write_text(ALPHA.replace("Quintara", "Marlowe"), encoding="utf-8")
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert saved.top("Quintara", 5) == []
    assert _sources(saved.top("Marlowe", 5)) == {"docs/alpha.txt"}

    (corpus / "beta.txt").unlink()
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert saved.top("vineyards", 5) == []
    assert "docs/beta.txt" not in {lexical.source_of(i) for i in saved.ids}


def test_rebuild_keeps_bm25_in_step(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    (kb.corpus[0] / "beta.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, rebuild=True, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert saved.top("vineyards", 5) == []
    assert _sources(saved.top("Oyelaran", 5)) == {"docs/beta.txt"}


def test_unchanged_ingest_reuses_the_saved_build(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    before = json.loads((lexical.folder(kb) / lexical.CURRENT).read_text())
    ingest(kb, embedder=embedder)
    after = json.loads((lexical.folder(kb) / lexical.CURRENT).read_text())
    assert before == after


def test_crash_between_chromadb_and_bm25_writes_is_repaired_at_search(kb: Settings, embedder) -> None:
    """chromadb changed but the BM25 write never happened: search notices and rebuilds."""
    ingest(kb, embedder=embedder)
    index = _open(kb, embedder)
    index.remove_files(["docs/alpha.txt"])  # as if the process died right after this write
    assert "docs/alpha.txt" in {lexical.source_of(i) for i in _saved(kb).ids}  # stale on disk

    passages = Retriever(index, embedder, 0.5, lexical.folder(kb)).search("Quintara harbour", 5)
    assert all(p.chunk.source != "docs/alpha.txt" for p in passages)
    assert sorted(_saved(kb).ids) == sorted(index.chunk_ids())


def test_damaged_bm25_files_are_rebuilt(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    (lexical.folder(kb) / lexical.CURRENT).write_text("{not json", encoding="utf-8")
    assert lexical.LexicalIndex.load(lexical.folder(kb)) is None
    index = _open(kb, embedder)
    found = lexical.sync(index, lexical.folder(kb))
    assert _sources(found.top("Quintara", 5)) == {"docs/alpha.txt"}
    _in_step(kb, embedder)


def test_file_name_words_are_indexed_with_each_chunk(kb: Settings, embedder) -> None:
    (kb.corpus[0] / "Tolworth_viaduct-history.txt").write_text("Its arches are built of local brick.\n", encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert _sources(_saved(kb).top("Tolworth viaduct", 5)) == {"docs/Tolworth_viaduct-history.txt"}
    assert lexical.title_words("docs/Tolworth_viaduct-history.txt#0:ab") == "Tolworth viaduct history"
