"""Prompt templates are files: shipped inside the installed package, overridable with --prompts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefbot.errors import ConfigError
from briefbot.answer.llm.prompts import load_template

from .conftest import REPO


def test_wheel_ships_the_templates(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("briefbot-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("answer", "brief", "brief_map", "brief_reduce"):
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


def test_a_folder_overriding_some_templates_falls_back_for_the_others(tmp_path: Path) -> None:
    (tmp_path / "answer.md").write_text("Answer briefly.\n<!-- user -->\n{question}", encoding="utf-8")
    assert load_template("answer", tmp_path).system.strip() == "Answer briefly."
    for name in ("brief", "condense"):  # not in the folder: the built-in ones
        assert load_template(name, tmp_path) == load_template(name)
    with pytest.raises(ConfigError, match="prompts folder not found"):
        load_template("answer", tmp_path / "typo")


def test_brief_with_a_prompts_folder_lacking_brief_md_uses_the_built_in_one(tmp_path: Path) -> None:
    import shutil

    from .conftest import CORPUS, run_cli
    from .fake_openai import FakeOpenAI

    shutil.copytree(CORPUS, tmp_path / "corpus")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "answer.md").write_text("Answer in one line.\n<!-- user -->\n{passages}\n{question}", encoding="utf-8")
    with FakeOpenAI() as srv:
        srv.reply("The meeting was held with ICHEI [1].")
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-prompts"}
        r = run_cli("brief", "--prompts", "mine", cwd=tmp_path, env=env)
        assert r.returncode == 0, r.stderr
        sent = srv.requests_to("/chat/completions")[0].json["messages"][0]["content"]
    builtin = (Path(__file__).resolve().parents[1] / "prompts" / "brief.md").read_text(encoding="utf-8")
    assert sent.startswith(builtin.splitlines()[0])  # the built-in brief.md


def test_chat_help_names_condense_md(tmp_path: Path) -> None:
    from .conftest import run_cli

    assert "condense.md" in " ".join(run_cli("chat", "--help", cwd=tmp_path).stdout.split())


def test_a_patents_paragraph_numbers_are_not_shown_to_the_model() -> None:
    """A model copying "[0035]" from a passage would cite passage 35 (answer/verify/verify.py then drops the sentence)."""
    from briefbot.answer.llm.llm_prompt import fence
    from briefbot.schema import Chunk, Passage

    text = "[0034]    The meat is aged.\n[0035]    The bulb is kept at about 300° C. [see 12] as used before [4, 7]."
    shown = fence(2, Passage(Chunk("patent.txt", 0, text, 5, 6, 0, len(text), 30, "0" * 64), 1.0))
    assert "[0034]" not in shown and "[0035]" not in shown
    # Nor its references to its literature, which a copying model would turn into citations of passages 4 and 7.
    assert "\nThe meat is aged.\nThe bulb is kept at about 300° C. [see 12] as used before.\n" in shown
