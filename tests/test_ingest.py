"""Incremental ingest against a real chromadb and the real embedding model."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from briefbot.api import Briefbot
from briefbot.errors import EmbedderMismatchError
from briefbot.ingest.pipeline import ingest
from briefbot.settings import load_settings
from briefbot.index.store import Index
from briefbot.ingest.changes import needs_refresh
from briefbot.settings import Settings


class CountingEmbedder:
    """The real embedder, counting how many texts it is asked to embed."""

    def __init__(self, inner, name: str | None = None) -> None:
        self.inner = inner
        self.name = name or inner.name
        self.calls = 0

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return self.inner.embed(texts)


def chunk_state(settings) -> dict[str, list[str]]:
    idx = Index.open(settings, "minilm-l6-v2-int8", 384, create=False)
    chunks, _ = idx.get_chunks()
    out: dict[str, list[str]] = {}
    for c in chunks:
        out.setdefault(c.source, []).append(c.text)
    return out


def test_incremental_ingest(project: Path, embedder) -> None:
    (project / "corpus" / "notes.md").write_text("# Notes\n\nThe budget review is on Friday.\n", encoding="utf-8")
    settings = load_settings()
    counter = CountingEmbedder(embedder)

    first = ingest(settings, embedder=counter)
    assert sorted(first.added) == ["corpus/notes.md", "corpus/unesco-ichei-giannini-meeting.txt"]
    assert counter.calls == first.embedded == first.total_chunks > 0

    # unchanged corpus: zero embeddings, nothing written
    counter.calls = 0
    again = ingest(settings, embedder=counter)
    assert counter.calls == 0 and again.embedded == 0 and again.chunks == 0
    assert again.unchanged == 2 and not again.changed_anything

    # touched but identical: still no embedding
    os.utime(project / "corpus" / "notes.md", ns=(1, 1))
    assert ingest(settings, embedder=counter).embedded == 0 and counter.calls == 0

    # changed file: its old chunks are replaced, only new text is embedded
    (project / "corpus" / "notes.md").write_text("# Notes\n\nThe budget review moved to Monday.\n", encoding="utf-8")
    changed = ingest(settings, embedder=counter)
    assert changed.changed == ["corpus/notes.md"]
    assert 0 < counter.calls <= 2
    state = chunk_state(settings)
    assert any("Monday" in t for t in state["corpus/notes.md"])
    assert not any("Friday" in t for t in state["corpus/notes.md"])

    # deleted file: its chunks are removed
    (project / "corpus" / "notes.md").unlink()
    removed = ingest(settings, embedder=counter)
    assert removed.removed == ["corpus/notes.md"]
    assert set(chunk_state(settings)) == {"corpus/unesco-ichei-giannini-meeting.txt"}
    assert Briefbot(settings).sources()["files"][0]["path"] == "corpus/unesco-ichei-giannini-meeting.txt"


def test_embedder_mismatch_is_a_clear_error(project: Path, embedder) -> None:
    settings = load_settings()
    ingest(settings, embedder=embedder)
    other = CountingEmbedder(embedder, name="some-other-model")
    with pytest.raises(EmbedderMismatchError) as err:
        ingest(settings, embedder=other)
    message = str(err.value)
    assert "minilm-l6-v2-int8" in message and "some-other-model" in message
    assert "briefbot ingest --rebuild" in message
    # --rebuild switches the index over to the new embedder
    rebuilt = ingest(settings, embedder=other, rebuild=True)
    assert rebuilt.added and other.calls == rebuilt.embedded


def test_a_changed_file_is_hashed_once(project: Path, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    """plan() hashes a file whose size/mtime changed; reading it for indexing reuses that hash."""
    from briefbot.ingest import changes

    notes = project / "corpus" / "notes.txt"
    notes.write_text("The budget review is on Friday.\n", encoding="utf-8")
    settings = load_settings()
    ingest(settings, embedder=embedder)
    notes.write_text("The budget review moved to Monday.\n", encoding="utf-8")
    hashed: list[str] = []
    real = changes.file_sha256
    monkeypatch.setattr(changes, "file_sha256", lambda path: hashed.append(path.name) or real(path))
    report = ingest(settings, embedder=embedder)
    assert report.changed == ["corpus/notes.txt"]
    assert hashed == ["notes.txt"]
    # the record holds the new content's hash, so the next ingest sees the file as unchanged
    import hashlib

    record = Briefbot(settings).index().file_records()["corpus/notes.txt"]
    assert record.sha256 == hashlib.sha256(notes.read_bytes()).hexdigest()
    assert ingest(settings, embedder=embedder).unchanged == 2
def test_embedder_mismatch_suggests_the_embedder_by_its_setting_name(project: Path, embedder) -> None:
    """The suggested flag is the one help and README name (`--embedder minilm`), and it works."""
    settings = load_settings()
    ingest(settings, embedder=embedder)
    with pytest.raises(EmbedderMismatchError) as err:
        ingest(settings, embedder=CountingEmbedder(embedder, name="some-other-model"))
    message = str(err.value)
    assert message.endswith("or pass --embedder minilm"), message
    from briefbot.index.embedding import make_embedder

    assert make_embedder(load_settings(embedder="minilm")).name == embedder.name  # the suggestion opens this index


def test_a_file_read_by_an_older_version_of_its_loader_is_read_again_once(tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A loader that now reads a type better (ingest/loading.py READERS) reaches files indexed before: their records
    keep the version they were read with, and the next ingest reads them again, once; other types are left alone."""
    from briefbot.index.store import Index
    from briefbot.ingest import loading, manifest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The harbour opened in 1901.\n", encoding="utf-8")
    (docs / "b.md").write_text("# Notes\n\nThe pier was rebuilt in 1950.\n", encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[docs])
    ingest(settings, embedder=embedder)
    monkeypatch.setitem(loading.READERS, ".md", 7)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    assert needs_refresh(settings, index)
    report = ingest(settings, embedder=embedder)
    assert report.changed == ["docs/b.md"] and not report.added and report.unchanged == 1
    records = Index.open(settings, embedder.name, embedder.dim, create=False).file_records()
    assert records["docs/b.md"].reader == 7 and records["docs/a.txt"].reader == loading.reader_version("a.txt")
    assert manifest.records(settings.index, embedder.name)["docs/b.md"].reader == 7  # the snapshot keeps it too
    report = ingest(settings, embedder=embedder)
    assert not report.changed and report.unchanged == 2
    assert not needs_refresh(settings, Index.open(settings, embedder.name, embedder.dim, create=False))
