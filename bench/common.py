"""Shared helpers of the benchmark scripts: the BBC corpus on disk, timing child processes, tables, JSON."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"  # gitignored: the corpus written out, indexes
RESULTS = BENCH / "results"
LOAD_AT_START = os.getloadavg()


def _data_root() -> Path:
    """The shared data folder: $BRIEFBOT_BENCH_DATA, else ../shared/data beside the checkout (or beside its parent,
    for a git worktree one level deeper)."""
    if os.environ.get("BRIEFBOT_BENCH_DATA"):
        return Path(os.environ["BRIEFBOT_BENCH_DATA"])
    for up in (REPO.parent, REPO.parent.parent):
        if (up / "shared" / "data").is_dir():
            return up / "shared" / "data"
    return REPO.parent / "shared" / "data"


DATA_ROOT = _data_root()
DATA = DATA_ROOT / "bbc-news-summary"


def write_bbc(dest: Path, limit: int | None = None) -> list[Path]:
    """Write the 2,225 BBC articles (or the first ``limit``) as one text file each (title, blank line, article)."""
    src = DATA / "bbc_news_summary.jsonl"
    if not src.is_file():
        sys.exit(f"bench: {src} not found (set BRIEFBOT_BENCH_DATA to the folder holding bbc-news-summary)")
    paths = []
    with src.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            path = dest / f"{row['id']}.txt"  # e.g. business/001.txt
            text = f"{row['title'].strip()}\n\n{row['article'].strip()}\n"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


def bbc_titles() -> list[str]:
    with (DATA / "bbc_news_summary.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line)["title"].strip() for line in f]


def briefbot_cmd() -> list[str]:
    """The `briefbot` script beside this interpreter (a venv's), else `python -m briefbot`."""
    exe = Path(sys.executable).parent / "briefbot"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefbot"]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    env.update(extra)
    return env


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def _normal_priority() -> None:
    """Measured children run at normal priority even when the benchmark itself runs under `nice`
    (so its index building can use only spare CPU on a shared machine); needs root to raise it."""
    try:
        if os.getpriority(os.PRIO_PROCESS, 0) > 0:
            os.setpriority(os.PRIO_PROCESS, 0, 0)
    except OSError:
        pass


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, check: bool = True) -> Run:
    """Run a child process to completion: its wall time and its own peak resident memory (wait4)."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            args, cwd=cwd, env=env or clean_env(), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            preexec_fn=_normal_priority,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read(), err.read())
    if check and proc.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed ({proc.returncode}):\n{result.stderr[-2000:]}")
    return result


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def percentile(xs: list[float], p: float) -> float:
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average_at_start": LOAD_AT_START,  # 1, 5, 15 minutes: other processes sharing the cores
    }


def print_table(title: str, rows: list[tuple[str, str, str, str]]) -> None:
    """rows: (figure, value, target, verdict)."""
    head = ("figure", "value", "target", "ok")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    print(f"\n{title}")
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")


def commit() -> str:
    """The checked-out commit, marked dirty when the working tree differs."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"
    return head + ("+dirty" if dirty else "")


COMMIT_AT_START = commit()  # the code measured, even if the tree changes while a long run goes on


def write_json(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "commit": COMMIT_AT_START, "machine": machine(), **data}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def ok(passed: bool) -> str:
    return "yes" if passed else "NO"


def finish(title: str, name: str, results: dict[str, Any], rows: list[tuple[str, str, str, str]]) -> None:
    """Print the table, keep it in the results with the load at the end, and write the JSON."""
    results["load_average_at_end"] = os.getloadavg()
    print_table(title, rows)
    results["table"] = [dict(zip(("figure", "value", "target", "ok"), r)) for r in rows]
    print(f"\nwrote {write_json(name, results)}")
