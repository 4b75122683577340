"""The stat-only snapshot: a re-ingest with nothing to do never opens the index, and any change is seen."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefbot.ingest import manifest
from briefbot.errors import EmbedderMismatchError
from briefbot.ingest.changes import needs_refresh
from briefbot.ingest.pipeline import ingest
from briefbot.ingest.manifest import FILENAME
from briefbot.settings import Settings
from briefbot.index.store import Index

from .index_check import consistency_errors, read_index

TEXT = "The ferry to the island runs twice a day in winter and hourly in summer.\n\nTickets are sold on board.\n"


@pytest.fixture
def kb(tmp_path: Path) -> tuple[Settings, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ferry.txt").write_text(TEXT, encoding="utf-8")
    (docs / "bus.md").write_text(TEXT.replace("ferry", "bus").replace("island", "airport"), encoding="utf-8")
    return Settings(index=tmp_path / ".briefbot", corpus=[docs]), docs


def _no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the index was opened")

    monkeypatch.setattr(Index, "open", refuse)


def test_nothing_changed_does_not_open_the_index(kb, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    settings, _ = kb
    first = ingest(settings, embedder=embedder)
    assert (settings.index / FILENAME).is_file()
    _no_index(monkeypatch)
    report = ingest(settings, embedder=embedder)
    assert report.unchanged == 2 and not report.changed_anything
    assert report.total_chunks == first.total_chunks


def test_every_kind_of_change_takes_the_full_path(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    with (docs / "ferry.txt").open("a", encoding="utf-8") as f:
        f.write("\nThe last ferry leaves at nine.\n")
    assert ingest(settings, embedder=embedder).changed == ["docs/ferry.txt"]
    (docs / "bus.md").unlink()
    assert ingest(settings, embedder=embedder).removed == ["docs/bus.md"]
    (docs / "train.txt").write_text("Trains run every ten minutes.\n", encoding="utf-8")
    assert ingest(settings, embedder=embedder).added == ["docs/train.txt"]
    st = (docs / "train.txt").stat()
    os.utime(docs / "train.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touched, same text
    report = ingest(settings, embedder=embedder)
    assert report.unchanged == 2 and not report.changed_anything and report.embedded == 0
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    assert index.file_records()["docs/train.txt"].mtime_ns == st.st_mtime_ns + 5_000_000_000
    assert not needs_refresh(settings, index)


def test_a_file_changed_behind_the_snapshot_is_noticed_by_ask_refresh(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    assert not needs_refresh(settings, index)
    (docs / "ferry.txt").write_text(TEXT + "Dogs travel free.\n", encoding="utf-8")
    assert needs_refresh(settings, index)


def test_another_embedder_or_a_rebuild_ignores_the_snapshot(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = kb
    ingest(settings, embedder=embedder)

    class Other:
        name = "other-model"
        dim = 384

        def embed(self, texts):  # type: ignore[no-untyped-def]
            return embedder.embed(texts)

    with pytest.raises(EmbedderMismatchError):
        ingest(settings, embedder=Other())  # type: ignore[arg-type]
    report = ingest(settings, rebuild=True, embedder=embedder)
    assert sorted(report.added) == ["docs/bus.md", "docs/ferry.txt"]
    assert (settings.index / FILENAME).is_file()


def test_the_snapshot_keeps_every_file_record_as_chromadb_has_it(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    (docs / "train.txt").write_text("Trains run every ten minutes.\n", encoding="utf-8")
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    assert manifest.records(settings.index, embedder.name) == index.file_records()
    assert manifest.records(settings.index, "other-model") is None


def test_a_change_starts_from_the_snapshot_without_reading_records_back(kb, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    calls: list[str] = []
    real_records, real_orphans = Index.file_records, Index.remove_orphans
    monkeypatch.setattr(Index, "file_records", lambda self: calls.append("records") or real_records(self))
    monkeypatch.setattr(Index, "remove_orphans", lambda self, r=None: calls.append("orphans") or real_orphans(self, r))
    with (docs / "ferry.txt").open("a", encoding="utf-8") as f:
        f.write("\nThe last ferry leaves at nine.\n")
    report = ingest(settings, embedder=embedder)
    assert report.changed == ["docs/ferry.txt"] and report.unchanged == 1 and calls == []
    monkeypatch.undo()
    state = read_index(settings.index, embedder.name, embedder.dim)
    assert consistency_errors(state) == []
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    assert report.total_chunks == index.count()
    assert manifest.records(settings.index, embedder.name) == index.file_records()


@pytest.mark.parametrize("damage", ["missing", "garbled", "database"])
def test_without_a_standing_snapshot_the_records_come_from_chromadb(kb, embedder, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:  # type: ignore[no-untyped-def]
    settings, docs = kb
    ingest(settings, embedder=embedder)
    snapshot = settings.index / FILENAME
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    if damage == "missing":
        snapshot.unlink()
    elif damage == "garbled":
        data["files"] = {s: [1, 2] for s in data["files"]}  # a record cut short
        snapshot.write_text(json.dumps(data), encoding="utf-8")
    else:
        data["database"] += 4096  # chromadb's database is not the one the snapshot saw
        snapshot.write_text(json.dumps(data), encoding="utf-8")
    calls: list[str] = []
    real = Index.file_records
    monkeypatch.setattr(Index, "file_records", lambda self: calls.append("records") or real(self))
    (docs / "ferry.txt").write_text(TEXT + "Dogs travel free.\n", encoding="utf-8")
    report = ingest(settings, embedder=embedder)
    assert report.changed == ["docs/ferry.txt"] and "records" in calls
    assert consistency_errors(read_index(settings.index, embedder.name, embedder.dim)) == []


def test_an_index_that_fails_to_open_on_the_side_thread_fails_the_ingest_untouched(kb, embedder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from briefbot.errors import IndexError_

    settings, docs = kb
    ingest(settings, embedder=embedder)
    before = read_index(settings.index, embedder.name, embedder.dim)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise IndexError_("index at .briefbot is damaged or unreadable (test)")

    monkeypatch.setattr(Index, "open", broken)
    (docs / "ferry.txt").write_text(TEXT + "Dogs travel free.\n", encoding="utf-8")
    with pytest.raises(IndexError_, match="damaged or unreadable"):
        ingest(settings, embedder=embedder)
    monkeypatch.undo()
    after = read_index(settings.index, embedder.name, embedder.dim)
    assert after.content() == before.content() and not consistency_errors(after)
    assert (settings.index / FILENAME).is_file()  # nothing was written, so the snapshot still stands
    assert ingest(settings, embedder=embedder).changed == ["docs/ferry.txt"]


def test_a_database_overwritten_with_random_bytes_fails_ingest(kb, embedder) -> None:  # type: ignore[no-untyped-def]
    """Same size, other bytes: the size stamp still matches, the header probe does not (issue 15.3)."""
    from .conftest import run_cli

    settings, _ = kb
    project = settings.index.parent
    assert run_cli("ingest", "docs", cwd=project).returncode == 0
    database = settings.index / manifest.DATABASE
    assert manifest.database_looks_sound(settings.index)
    database.write_bytes(os.urandom(database.stat().st_size))
    result = run_cli("ingest", "docs", cwd=project)
    assert result.returncode != 0, result.stdout
    assert "damaged or unreadable" in result.stderr and "unchanged" not in result.stdout
    assert "Traceback" not in result.stderr


def test_the_database_probe_reads_only_the_header(tmp_path: Path) -> None:
    folder = tmp_path / manifest.DATABASE.parent
    folder.mkdir(parents=True)
    import sqlite3

    with sqlite3.connect(tmp_path / manifest.DATABASE) as db:
        db.execute("CREATE TABLE t (x)")
    assert manifest.database_looks_sound(tmp_path)
    data = bytearray((tmp_path / manifest.DATABASE).read_bytes())
    for damage in (slice(0, 16), slice(16, 18), slice(44, 48)):
        bad = bytearray(data)
        bad[damage] = b"\xff" * (damage.stop - damage.start)
        (tmp_path / manifest.DATABASE).write_bytes(bytes(bad))
        assert not manifest.database_looks_sound(tmp_path), damage
    (tmp_path / manifest.DATABASE).write_bytes(bytes(data[:-100]))  # not whole pages
    assert not manifest.database_looks_sound(tmp_path)
