"""Shared fixtures: the real embedder (loaded once), project folders on disk, and the installed CLI."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "unesco-ichei-giannini-meeting.txt"


@pytest.fixture(autouse=True)
def _no_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests are offline and deterministic: no real API configuration leaks in."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    for var in list(os.environ):
        if var.startswith("BRIEFBOT_"):
            monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def embedder():
    from briefbot.index.embedding import MiniLMEmbedder

    return MiniLMEmbedder()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh project folder holding a copy of the example corpus, as the working directory."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sigint_as_at_a_terminal() -> None:
    """``preexec_fn`` for a child a test sends Ctrl-C (SIGINT): it handles it as at a terminal.

    A test run started in the background (`nohup`, `cmd &` in a script, some CI agents) ignores
    SIGINT; children inherit that, and Python then installs no KeyboardInterrupt handler, so every
    Ctrl-C test saw its signal ignored (the cause of the two that failed together).
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def briefbot_exe() -> list[str]:
    """The console script installed beside this interpreter (the venv's), else `python -m briefbot`."""
    exe = Path(sys.executable).parent / "briefbot"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefbot"]


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the installed `briefbot` command in a subprocess, as a user would."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    full_env.update(env or {})
    return subprocess.run(
        [*briefbot_exe(), *args], check=False, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout
    )


def citing(template: str, *phrases: str):
    """A fake-server reply citing, for each ``{}`` of ``template``, the prompt's passage that holds the phrase.

    Replies must be supported by what they cite (answer/verify.py), wherever retrieval ranks the passage.
    """
    import re

    def text(body: dict) -> str:
        user = body["messages"][-1]["content"]
        blocks = re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', user, re.DOTALL)
        found = [next((n for n, t in blocks if phrase in " ".join(t.split())), "1") for phrase in phrases]
        return template.format(*found)

    return text


def indexed_bot(root: Path, files: dict[str, str], embedder, **settings):
    """A ``Briefbot`` over ``root/corpus`` holding ``files`` (name -> text), ingested with the shared embedder."""
    from briefbot.api import Briefbot

    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    bot = Briefbot(index=root / ".briefbot", corpus=[corpus], **{"generator": "extractive", **settings})
    bot._embedder = embedder
    bot.ingest()
    return bot
