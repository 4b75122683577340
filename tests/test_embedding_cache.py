"""The embedding cache: identical text is embedded once, across files, re-ingests and --rebuild."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from briefbot.index.embed_cache import FILENAME, EmbeddingCache
from briefbot.ingest.pipeline import ingest
from briefbot.settings import Settings

PARA = (
    "The harbour authority approved a new breakwater on Tuesday after three years of debate. "
    "Fishermen said the winter storms had already cost them two boats and most of a season. "
)


class CountingEmbedder:
    """Wraps the real embedder and records every text it is asked to embed."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.name = inner.name
        self.texts: list[str] = []

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts)


def _write(folder: Path, name: str, paragraphs: int, topic: str) -> Path:
    path = folder / name
    body = "\n\n".join(f"{topic} note {i}. {PARA * 2}" for i in range(paragraphs))
    path.write_text(body + "\n", encoding="utf-8")
    return path


@pytest.fixture
def kb(tmp_path: Path) -> tuple[Settings, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", 3, "Harbour")
    (docs / "b.txt").write_text((docs / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")  # a copy
    _write(docs, "c.md", 2, "Lighthouse")
    return Settings(index=tmp_path / ".briefbot", corpus=[docs]), docs


def _index_hashes(settings: Settings, embedder) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from briefbot.index.store import Index

    chunks, _ = Index.open(settings, embedder.name, embedder.dim, create=False).get_chunks()
    return {c.content_hash: c.text for c in chunks}


def test_identical_text_across_files_is_embedded_once(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = kb
    counting = CountingEmbedder(embedder)
    report = ingest(settings, embedder=counting)
    unique = _index_hashes(settings, embedder)
    assert report.total_chunks > len(unique)  # b.txt repeats a.txt, so some chunks are shared
    assert sorted(counting.texts) == sorted(unique.values())  # each distinct text embedded exactly once
    assert report.embedded == len(unique)
    assert (settings.index / FILENAME).is_file()


def test_rebuild_reuses_cached_vectors(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = kb
    first = ingest(settings, embedder=CountingEmbedder(embedder))
    counting = CountingEmbedder(embedder)
    report = ingest(settings, rebuild=True, embedder=counting)
    assert counting.texts == []
    assert report.embedded == 0
    assert report.total_chunks == first.total_chunks
    assert sorted(report.added) == sorted(first.added)
    # The re-used vectors are the real ones: a query still finds the right file first.
    from briefbot.answer.retrieve.retrieval import Retriever
    from briefbot.index.store import Index

    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    top = Retriever(index, embedder).search("lighthouse note", 3)[0]
    assert top.chunk.source.endswith("c.md")


def test_changed_file_embeds_only_its_new_chunks(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=CountingEmbedder(embedder))
    before = _index_hashes(settings, embedder)
    with (docs / "c.md").open("a", encoding="utf-8") as f:
        f.write("\nA brand new closing paragraph about the keeper's cottage and its red roof.\n")
    counting = CountingEmbedder(embedder)
    report = ingest(settings, embedder=counting)
    after = _index_hashes(settings, embedder)
    new = {h: t for h, t in after.items() if h not in before}
    assert report.changed == ["docs/c.md"]
    assert new and sorted(counting.texts) == sorted(new.values())


def test_without_the_cache_everything_new_is_embedded(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = kb
    ingest(settings, embedder=CountingEmbedder(embedder))
    counting = CountingEmbedder(embedder)
    report = ingest(settings, rebuild=True, embedder=counting, use_cache=False)
    assert report.embedded == len(counting.texts) > 0


def test_interrupted_ingest_keeps_its_embeddings(kb, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Killed after embedding but before the store write: the next run does not embed again."""
    from briefbot.index.store import Index

    settings, _ = kb

    def interrupted(self, records, chunks, vectors) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(Index, "replace_files", interrupted)
    first = CountingEmbedder(embedder)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, embedder=first)
    monkeypatch.undo()
    assert first.texts
    again = CountingEmbedder(embedder)
    report = ingest(settings, embedder=again)
    assert len(report.added) == 3
    assert not set(first.texts) & set(again.texts)
    assert sorted(set(first.texts) | set(again.texts)) == sorted(_index_hashes(settings, embedder).values())


def test_cache_keeps_embedders_apart(tmp_path: Path) -> None:
    a = EmbeddingCache(tmp_path / FILENAME, "model-a", 4)
    a.put_many({"h1": np.array([1, 0, 0, 0], dtype=np.float32)})
    b = EmbeddingCache(tmp_path / FILENAME, "model-b", 4)
    assert b.get_many(["h1"]) == {}
    b.put_many({"h1": np.array([0, 1, 0, 0], dtype=np.float32)})
    assert a.get_many(["h1", "nope"])["h1"].tolist() == [1, 0, 0, 0]
    assert len(a) == 1 and len(b) == 1
    wrong_dim = EmbeddingCache(tmp_path / FILENAME, "model-a", 8)
    assert wrong_dim.get_many(["h1"]) == {}  # a vector of another size is never returned


def _cached_hashes(settings: Settings) -> set[str]:
    import sqlite3

    db = sqlite3.connect(settings.index / FILENAME)
    try:
        return {h for (h,) in db.execute("SELECT hash FROM vectors")}
    finally:
        db.close()


def test_rebuild_prunes_vectors_no_chunk_uses(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    _write(docs, "c.md", 2, "Windmill")  # c.md's old vectors are now unused
    ingest(settings, embedder=embedder)
    live = set(_index_hashes(settings, embedder))
    assert live < _cached_hashes(settings)  # stale ones kept so far (fewer than twice the live ones)
    counting = CountingEmbedder(embedder)
    ingest(settings, rebuild=True, embedder=counting)
    assert counting.texts == []  # the rebuild still used the cache ...
    assert _cached_hashes(settings) == live  # ... and then dropped what no chunk uses


def test_cache_is_pruned_once_it_holds_twice_the_live_vectors(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    sizes = []
    for version in range(8):  # each edit leaves c.md's previous vectors unused
        _write(docs, "c.md", 2, f"Windmill v{version}")
        report = ingest(settings, embedder=embedder)
        sizes.append(len(_cached_hashes(settings)))
        assert sizes[-1] <= 2 * report.total_chunks, sizes
    assert min(sizes[1:]) < max(sizes), f"never pruned: {sizes}"
    assert _cached_hashes(settings) >= set(_index_hashes(settings, embedder))  # what is live is always kept


def test_sources_shows_the_cache_size(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    from briefbot.api import Briefbot

    settings, _ = kb
    ingest(settings, embedder=embedder)
    info = Briefbot(settings).sources()["embedding_cache"]
    assert info["vectors"] == len(_cached_hashes(settings)) > 0
    assert info["bytes"] == (settings.index / FILENAME).stat().st_size
