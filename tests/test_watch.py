"""`briefbot watch`: files created, edited, renamed and deleted while it runs; `sources --json` after each settles."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

from .conftest import run_cli
from .index_check import consistency_errors, read_index
from .serve_process import Running
from .test_server import write_filler

SEED = "corpus/unesco-ichei-giannini-meeting.txt"


def indexed(root: Path) -> dict[str, int]:
    result = run_cli("sources", "--json", cwd=root)
    assert result.returncode == 0, result.stderr
    return {f["path"]: f["chunks"] for f in json.loads(result.stdout)["files"]}


def test_watch_follows_creates_edits_renames_and_deletes(project: Path) -> None:
    corpus = project / "corpus"
    watcher = Running("watch", "corpus", cwd=project)
    try:
        watcher.wait_line(r"^\S+ 0 changes: 1 added", stream="stdout")  # the start brings the index up to date
        assert indexed(project) == {SEED: indexed(project)[SEED]}

        # a new file, and editors' scratch files beside it that are never indexed
        (corpus / "notes.md").write_text("# Notes\n\nThe budget review is on Friday.\n", encoding="utf-8")
        (corpus / ".notes.md.swp").write_bytes(b"b0VIM 9.0 scratch")
        (corpus / "notes.md~").write_text("old backup", encoding="utf-8")
        (corpus / "~$report.docx").write_bytes(b"lock")
        watcher.settle(lambda: set(indexed(project)) == {SEED, "corpus/notes.md"})

        # an edit that makes it several chunks long
        long = "\n\n".join(f"Section {i}. " + "The budget review covers travel and staffing costs. " * 30 for i in range(6))
        (corpus / "notes.md").write_text("# Notes\n\n" + long, encoding="utf-8")
        watcher.settle(lambda: indexed(project).get("corpus/notes.md", 0) > 1)

        # a rename
        os.rename(corpus / "notes.md", corpus / "renamed.md")
        watcher.settle(lambda: set(indexed(project)) == {SEED, "corpus/renamed.md"})

        # files that appear and vanish mid-write, and a new folder with a file in it
        for i in range(15):
            flicker = corpus / f"flicker-{i}.txt"
            with flicker.open("w", encoding="utf-8") as f:
                f.write("half a sentence that never")
                f.flush()
                time.sleep(0.01)
            flicker.unlink()
        (corpus / "sub").mkdir()
        (corpus / "sub" / "deep.txt").write_text("A file in a new folder about harbour signals.\n", encoding="utf-8")
        watcher.settle(lambda: set(indexed(project)) == {SEED, "corpus/renamed.md", "corpus/sub/deep.txt"})

        # deletions: a file and a whole folder
        (corpus / "renamed.md").unlink()
        shutil.rmtree(corpus / "sub")
        watcher.settle(lambda: set(indexed(project)) == {SEED})
        assert watcher.proc.poll() is None, watcher.stderr
    finally:
        watcher.stop()
    assert all("Traceback" not in line for line in watcher.stderr), watcher.stderr


def test_ctrl_c_during_a_batch_leaves_a_whole_index(project: Path) -> None:
    watcher = Running("watch", "corpus", cwd=project)
    try:
        watcher.wait_line(r"^\S+ 0 changes: 1 added", stream="stdout")
        write_filler(project / "corpus" / "filler", 40)
        time.sleep(1.5)  # the batch has most likely started (a later Ctrl-C is as valid a test)
        code = watcher.interrupt(timeout=180)
    finally:
        watcher.stop()
    assert code == 0, watcher.stderr
    assert any("stopped watching" in line for line in watcher.stderr), watcher.stderr
    state = read_index(project / ".briefbot", "minilm-l6-v2-int8", 384)
    assert consistency_errors(state) == []
    sources = {s for s, *_ in state.chunks}
    assert SEED in sources and all(s.startswith("corpus/") for s in sources)
    if any("finishing the batch" in line for line in watcher.stderr):  # Ctrl-C came during the batch
        assert len(state.records) == 41 and re.search(r"changes?: 40 added", watcher.stdout[-1]), watcher.stdout


def test_watch_reports_a_missing_path(tmp_path: Path) -> None:
    result = run_cli("watch", "no-such-folder", cwd=tmp_path, timeout=60)
    assert result.returncode == 2 and "no-such-folder" in result.stderr and "Traceback" not in result.stderr


def test_change_filter_skips_scratch_files_hidden_folders_and_the_index(tmp_path: Path) -> None:
    from briefbot.faces.watcher import ChangeFilter

    root = tmp_path / ".hidden-parent" / "docs"  # a hidden folder above the watched one does not matter
    (root / "folder").mkdir(parents=True)
    keep = ChangeFilter(tmp_path / ".hidden-parent" / ".briefbot", [root])
    for name in ["notes.md", "a.txt", "report.PDF", "page.html", "folder", "gone-folder"]:
        assert keep(None, str(root / name)), name
    for name in [".notes.md.swp", "notes.md~", "~$report.docx", ".#notes.md", "#notes.md#", "4913",
                 "x.tmp", "big.pdf.part", "image.png", ".git/config", "sub/.cache/a.txt"]:
        assert not keep(None, str(root / name)), name
    assert not keep(None, str(tmp_path / ".hidden-parent" / ".briefbot" / "chroma" / "data.bin"))
