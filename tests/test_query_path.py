"""The search path's shortcuts give the same answers as the long way round."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.index.store import Index
from briefbot.ingest import manifest
from briefbot.ingest.pipeline import ingest
from briefbot.schema import FileRecord
from briefbot.settings import Settings

DOCS = {
    "harbour.txt": "The old harbour was rebuilt after the storm. Ships now unload grain and timber at the new quay.\n",
    "bridge.txt": "The committee chaired by Ms. Oyelaran reviewed the toll charges. It recommended halving them.\n",
    "school.txt": "The village school teaches forty pupils. Lessons in the afternoon are held outdoors in summer.\n",
}


@pytest.fixture
def bot(tmp_path: Path, embedder) -> Briefbot:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[corpus])
    ingest(settings, embedder=embedder)
    b = Briefbot(settings)
    b._embedder = embedder
    return b


def test_pending_files_are_read_from_the_snapshot_while_it_vouches(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = Index.pending_sources
    monkeypatch.setattr(Index, "pending_sources", lambda self: asked.append(1) or real(self))
    assert manifest.nothing_pending(bot.settings.index)
    assert [p.chunk.source for p in bot.search("Oyelaran toll charges", 1)] == ["docs/bridge.txt"]
    assert asked == []  # the snapshot vouched: chromadb was not asked

    # What an ingest does before its first write: the snapshot goes, then the file is marked pending.
    manifest.clear(bot.settings.index)
    bot.index()._put_records([FileRecord("docs/bridge.txt", 1, 1, "x", 1, "now")], "pending")
    assert not manifest.nothing_pending(bot.settings.index)
    found = bot.search("Oyelaran toll charges", 3)
    assert asked and "docs/bridge.txt" not in {p.chunk.source for p in found}  # hidden while being written


def test_a_snapshot_that_no_longer_matches_the_database_does_not_vouch(bot: Briefbot) -> None:
    index_dir = bot.settings.index
    assert manifest.nothing_pending(index_dir)
    with (index_dir / manifest.DATABASE).open("ab") as f:  # the database changed behind the snapshot's back
        f.write(b"\0" * 4096)
    assert not manifest.nothing_pending(index_dir)
