"""One canonical name per file, however its path was typed, and files that are gone leave the index
(issue 15.5), through the installed CLI on real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import SEED, run_cli

ARCTIC = "The Arctic research station at Ny-Alesund opened in 1968 and hosts eleven nations.\n"


def _sources(cwd: Path, env: dict[str, str] | None = None) -> list[str]:
    r = run_cli("sources", "--json", cwd=cwd, env=env)
    assert r.returncode == 0, r.stderr
    return [f["path"] for f in json.loads(r.stdout)["files"]]


def test_a_file_outside_the_project_has_one_name_and_leaves_when_deleted(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    (project / "corpus").mkdir(parents=True)
    (project / "sub").mkdir()
    shutil.copy(SEED, project / "corpus" / SEED.name)
    elsewhere = tmp_path / "uni" / "corpus"
    elsewhere.mkdir(parents=True)
    (elsewhere / "ar.txt").write_text(ARCTIC, encoding="utf-8")
    canonical = (elsewhere / "ar.txt").as_posix()

    assert run_cli("ingest", cwd=project).returncode == 0
    first = run_cli("ingest", "../uni/corpus/ar.txt", cwd=project)
    assert first.returncode == 0, first.stderr
    second = run_cli("ingest", canonical, cwd=project)
    assert second.returncode == 0 and "0 added" in second.stdout, second.stdout
    assert sorted(_sources(project)) == sorted([f"corpus/{SEED.name}", canonical])

    # From a subfolder, with the index named by a relative path, `../` names still resolve.
    env = {"BRIEFBOT_INDEX": "../.briefbot", "BRIEFBOT_CORPUS": "../corpus"}
    assert sorted(_sources(project / "sub", env)) == sorted([f"corpus/{SEED.name}", canonical])
    again = run_cli("ingest", "../../uni/corpus/ar.txt", cwd=project / "sub", env=env)
    assert again.returncode == 0 and "1 unchanged" in again.stdout, again.stdout + again.stderr
    brief = run_cli("brief", "--source", "../../uni/corpus/ar.txt", "--no-refresh", cwd=project / "sub", env=env)
    assert brief.returncode == 0 and "1968" in brief.stdout, brief.stdout + brief.stderr
    brief = run_cli("brief", "--source", f"../corpus/{SEED.name}", "--no-refresh", cwd=project / "sub", env=env)
    assert brief.returncode == 0, brief.stderr

    # Deleted outside the configured corpus: the next refresh takes it out before answering.
    (elsewhere / "ar.txt").unlink()
    r = run_cli("ask", "When did the Arctic research station open?", "--json", cwd=project)
    assert r.returncode == 0, r.stderr
    assert "1 removed" in r.stderr, r.stderr
    answer = json.loads(r.stdout)
    assert "ar.txt" not in json.dumps(answer) and "1968" not in answer["answer"], answer
    assert _sources(project) == [f"corpus/{SEED.name}"]
