"""Prompt templates are files: shipped inside the installed package, overridable with --prompts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefbot.errors import ConfigError
from briefbot.answer.prompts import load_template

from .conftest import REPO


def test_wheel_ships_the_templates(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("briefbot-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("answer", "brief"):
        shipped = zipfile.ZipFile(wheel).read(f"briefbot/prompts/{name}.md").decode()
        assert shipped == (REPO / "prompts" / f"{name}.md").read_text(encoding="utf-8")
    assert "briefbot/py.typed" in names


def test_placeholders_filled_and_override_folder(tmp_path: Path) -> None:
    system, user = load_template("answer").render(question="Q?", passages="P", max_sentences=3)
    assert "at most 3 sentences" in system and "Question: Q?" in user and "{" not in system + user
    (tmp_path / "answer.md").write_text("Answer in French. {unknown}\n<!-- user -->\n{passages}\n{question}", encoding="utf-8")
    system, user = load_template("answer", tmp_path).render(question="Q?", passages="P")
    assert system == "Answer in French. {unknown}" and user == "P\nQ?"
    (tmp_path / "brief.md").write_text("no marker here", encoding="utf-8")
    with pytest.raises(ConfigError, match="brief.md"):
        load_template("brief", tmp_path)
