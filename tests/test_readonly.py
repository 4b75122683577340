"""A read-only index (a read-only mount, a shared folder) is read, never written, never called damaged
(issue 15.2). The index is made truly read-only with a read-only bind mount in a private mount
namespace (chmod does not stop root), and the installed CLI runs inside it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import SEED, briefbot_exe

MOUNT_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def _tree(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    shutil.copy(SEED, tmp_path / "corpus" / SEED.name)
    return tmp_path


def _run(project: Path, *args: str, read_only: bool = True) -> subprocess.CompletedProcess[str]:
    return _mounted(project, [*briefbot_exe(), *args], read_only)


def _mounted(project: Path, argv: list[str], read_only: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    env["XDG_CACHE_HOME"] = str(project / "cache")  # where the private copy of the index goes
    prefix: list[str] = []
    if read_only:
        unshare = shutil.which("unshare")
        assert unshare, "unshare (util-linux) is needed to mount the index read-only"
        own = [] if os.geteuid() == 0 else ["-r"]  # unprivileged: a user namespace maps us to root
        prefix = [unshare, *own, "-m", "sh", "-c", MOUNT_READ_ONLY, str(project / ".briefbot")]
    return subprocess.run(
        [*prefix, *argv], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_reading_works_from_a_read_only_index_and_ingest_says_why_it_cannot(project: Path) -> None:
    assert _run(project, "ingest", read_only=False).returncode == 0
    before = _tree(project / ".briefbot")
    probe = _mounted(project, ["touch", ".briefbot/probe"])  # the mount really is read-only
    assert probe.returncode != 0 and "Read-only file system" in probe.stderr, probe.stderr

    sources = _run(project, "sources")
    assert sources.returncode == 0 and f"corpus/{SEED.name}" in sources.stdout, sources.stderr
    search = _run(project, "search", "Giannini", "--no-refresh")
    assert search.returncode == 0 and search.stdout.startswith("[1] corpus/"), search.stderr
    ask = _run(project, "ask", "When did the delegation meet Ms. Giannini?")
    assert ask.returncode == 0 and "[1]" in ask.stdout, ask.stderr
    assert ask.stderr == "", ask.stderr  # nothing changed: no note, no refresh attempted
    brief = _run(project, "brief", "--no-refresh")
    assert brief.returncode == 0 and "[1]" in brief.stdout, brief.stderr
    for r in (sources, search, ask, brief):
        assert "damaged" not in r.stderr and "rebuild" not in r.stderr

    # A changed corpus: reading goes on from the index as built, saying so; ingest refuses in one line.
    with (project / "corpus" / SEED.name).open("a", encoding="utf-8") as f:
        f.write("\nThe ferry to the island was cancelled.\n")
    ask = _run(project, "ask", "When did the delegation meet Ms. Giannini?")
    assert ask.returncode == 0 and "[1]" in ask.stdout, ask.stderr
    assert "read-only file system: answering from it as it was built" in ask.stderr
    ingest = _run(project, "ingest")
    assert ingest.returncode == 1
    assert ingest.stderr.strip() == (
        "briefbot: error: index folder .briefbot is on a read-only file system: ingest cannot update it "
        "(ask, search, sources and brief still read it as it is)"
    )
    rebuild = _run(project, "ingest", "--rebuild")
    assert rebuild.returncode == 1 and "read-only file system" in rebuild.stderr
    assert _tree(project / ".briefbot") == before  # not one byte of the index was written

    # Writable again, it is the same good index: nothing had to be rebuilt.
    again = _run(project, "ingest", read_only=False)
    assert again.returncode == 0 and "1 changed" in again.stdout, again.stderr
