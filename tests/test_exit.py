"""The CLI ends without Python's teardown: exit codes, buffered output and atexit handlers survive it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import atexit, sys, threading, time
from briefbot.faces.cli import _exit
atexit.register(lambda: open(sys.argv[1], "w").write("atexit ran"))
if sys.argv[3] == "thread":  # a non-daemon thread still working: the normal exit waits for it
    threading.Thread(target=lambda: (time.sleep(0.3), open(sys.argv[1] + ".thread", "w").write("done"))).start()
sys.stdout.write("x" * 100000)  # more than one buffer, not flushed yet
sys.stderr.write("half a line")
_exit(eval(sys.argv[2]))
"""


@pytest.mark.parametrize(
    ("code", "status", "message"),
    [("0", 0, ""), ("None", 0, ""), ("2", 2, ""), ("130", 130, ""), ("'briefbot: error: bad'", 1, "briefbot: error: bad")],
)
@pytest.mark.parametrize("mode", ["fast", "thread", "slow"])
def test_exit_keeps_status_output_and_atexit(tmp_path: Path, code: str, status: int, message: str, mode: str) -> None:
    marker = tmp_path / "marker"
    env = {**os.environ, **({"BRIEFBOT_SLOW_EXIT": "1"} if mode == "slow" else {})}
    res = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(marker), code, mode], capture_output=True, text=True, env=env, timeout=60
    )
    assert res.returncode == status, res.stderr
    assert res.stdout == "x" * 100000
    assert res.stderr.startswith("half a line") and message in res.stderr
    assert marker.read_text() == "atexit ran"
    if mode == "thread":
        assert Path(f"{marker}.thread").read_text() == "done"


def test_cli_exit_codes_and_piped_output(project: Path) -> None:
    from .conftest import run_cli

    assert run_cli("ingest", cwd=project).returncode == 0
    ok = run_cli("sources", "--json", cwd=project)
    assert ok.returncode == 0 and ok.stdout.strip().startswith("{") and ok.stdout.strip().endswith("}")
    usage = run_cli("ask", cwd=project)
    assert usage.returncode == 2 and "Missing argument" in usage.stderr
    missing = run_cli("search", "x", "--no-refresh", "--index", str(project / "nowhere"), cwd=project)
    assert missing.returncode == 1 and "no index" in missing.stderr
