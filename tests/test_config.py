"""Configuration: briefbot.toml or --config, environment, flags, `briefbot config` origins; shell completion."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from .conftest import run_cli

from briefbot.errors import ConfigError
from briefbot.settings import load_settings


def config_json(cwd: Path, *args: str, env: dict[str, str] | None = None) -> dict:
    r = run_cli("config", "--json", *args, cwd=cwd, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_defaults_file_env_and_flag_each_shown_with_origin(tmp_path: Path) -> None:
    cfg = config_json(tmp_path)
    assert cfg["k"] == {"value": 5, "origin": "default"}
    assert all(v["origin"] == "default" for v in cfg.values())

    (tmp_path / "briefbot.toml").write_text(
        '[briefbot]\nk = 7\nmodel = "gpt-4.1-mini"\ncorpus = ["docs", "notes"]\nchunk-tokens = 150\n', encoding="utf-8"
    )
    cfg = config_json(tmp_path, env={"BRIEFBOT_MODEL": "gpt-4o"})
    assert cfg["k"] == {"value": 7, "origin": "file briefbot.toml"}
    assert cfg["chunk_tokens"] == {"value": 150, "origin": "file briefbot.toml"}
    assert cfg["corpus"] == {"value": ["docs", "notes"], "origin": "file briefbot.toml"}
    assert cfg["model"] == {"value": "gpt-4o", "origin": "env BRIEFBOT_MODEL"}  # environment beats the file
    assert cfg["index"]["origin"] == "default"

    cfg = config_json(tmp_path, "-k", "11", "--model", "o3-mini", env={"BRIEFBOT_MODEL": "gpt-4o"})
    assert cfg["k"] == {"value": 11, "origin": "flag"}  # flags beat everything
    assert cfg["model"] == {"value": "o3-mini", "origin": "flag"}

    r = run_cli("config", "-k", "11", cwd=tmp_path, env={"BRIEFBOT_MODEL": "gpt-4o"})
    lines = {line.split()[0]: line for line in r.stdout.splitlines()}
    assert lines["k"].split() == ["k", "11", "(flag)"]
    assert lines["model"].split() == ["model", "gpt-4o", "(env", "BRIEFBOT_MODEL)"]
    assert lines["chunk_tokens"].split() == ["chunk_tokens", "150", "(file", "briefbot.toml)"]
    assert re.search(r"^generator in use +extractive$", r.stdout, re.MULTILINE)
    r = run_cli("config", cwd=tmp_path, env={"OPENAI_API_KEY": "sk-secret-never-printed"})
    assert re.search(r"^generator in use +openai$", r.stdout, re.MULTILINE) and "sk-secret" not in r.stdout


def test_config_option_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "shared.toml").write_text(
        'corpus = ["../docs"]\nindex = "../.index"\ngenerator = "extractive"\n', encoding="utf-8"
    )
    work = tmp_path / "somewhere" / "else"
    work.mkdir(parents=True)
    cfg = config_json(work, "--config", str(tmp_path / "team" / "shared.toml"))
    assert cfg["corpus"]["value"] == [str(tmp_path / "docs")]
    assert cfg["index"]["value"] == str(tmp_path / ".index")
    assert cfg["generator"]["origin"] == f"file {tmp_path / 'team' / 'shared.toml'}"


def test_config_file_settings_are_used_by_commands(project: Path) -> None:
    (project / "briefbot.toml").write_text('k = 1\nindex = "idx"\n', encoding="utf-8")
    r = run_cli("search", "Who is Stephania Giannini?", "--json", cwd=project)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["passages"]) == 1
    assert (project / "idx" / "chroma").is_dir() and not (project / ".briefbot").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("k = 'many'\n", "invalid value for 'k'"),
        ("colour = true\n", "unknown setting 'colour'"),
        ("k = [1\n", "cannot read config file"),
        ('generator = "gpt"\n', "generator must be auto, extractive or openai"),
    ],
)
def test_bad_config_file_is_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "briefbot.toml").write_text(content, encoding="utf-8")
    r = run_cli("config", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith("briefbot: error: ") and message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_missing_config_file_named(tmp_path: Path) -> None:
    r = run_cli("config", "--config", "nope.toml", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip() == "briefbot: error: nope.toml: config file not found"


def test_env_value_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BRIEFBOT_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="BRIEFBOT_TIMEOUT: invalid value for 'timeout'"):
        load_settings()


def test_shell_completion_script_and_completions(tmp_path: Path) -> None:
    env = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    r = run_cli("--show-completion", "bash", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "_BRIEFBOT_COMPLETE=complete_bash" in r.stdout and "complete -o default -F" in r.stdout
    r = run_cli("--show-completion", "zsh", cwd=tmp_path, env=env)
    assert "#compdef briefbot" in r.stdout

    def complete(words: str, cword: int) -> list[str]:
        r = run_cli(cwd=tmp_path, env={"_BRIEFBOT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    assert complete("briefbot ch", 1) == ["chat"]
    assert set(complete("briefbot ", 1)) >= {"ingest", "search", "ask", "brief", "chat", "sources", "config"}
    assert "--chroma-url" in complete("briefbot ask --chr", 2)
    assert complete("briefbot ask q --generator ", 4) == ["auto", "extractive", "openai"]


@pytest.mark.parametrize(
    ("command", "env", "toml", "message"),
    [
        ("ask", {"BRIEFBOT_K": "0"}, None, "BRIEFBOT_K: k must be between 1 and 100, not 0"),
        ("ask", {"BRIEFBOT_K": "-1"}, None, "BRIEFBOT_K: k must be between 1 and 100, not -1"),
        ("search", {"BRIEFBOT_K": "100000"}, None, "BRIEFBOT_K: k must be between 1 and 100, not 100000"),
        ("search", {}, "k = 0\n", "briefbot.toml: k must be between 1 and 100, not 0"),
        ("brief", {"BRIEFBOT_BRIEF_WORDS": "0"}, None, "BRIEFBOT_BRIEF_WORDS: brief_words must be between 20 and 1000, not 0"),
        ("ask", {"BRIEFBOT_MIN_SCORE": "-3"}, None, "BRIEFBOT_MIN_SCORE: min_score must be between 0.0 and 1.0, not -3.0"),
        ("config", {"BRIEFBOT_LEXICAL_WEIGHT": "nan"}, None, "BRIEFBOT_LEXICAL_WEIGHT: lexical_weight must be between"),
        ("config", {}, "chunk_tokens = 40\nchunk_overlap = 40\n", "briefbot.toml: chunk_overlap must be smaller than chunk_tokens"),
        ("config", {"BRIEFBOT_GENERATOR": "gpt"}, None, "BRIEFBOT_GENERATOR: generator must be auto, extractive or openai"),
    ],
)
def test_every_source_of_a_setting_is_checked_alike(
    tmp_path: Path, command: str, env: dict[str, str], toml: str | None, message: str
) -> None:
    """Environment and briefbot.toml values get the checks flags get: exit 2 naming the variable or file."""
    if toml is not None:
        (tmp_path / "briefbot.toml").write_text(toml, encoding="utf-8")
    args = {"ask": ["ask", "anything?"], "search": ["search", "anything"], "brief": ["brief"], "config": ["config"]}[command]
    r = run_cli(*args, cwd=tmp_path, env=env)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stderr.strip() == f"briefbot: error: {message}" or r.stderr.startswith(f"briefbot: error: {message}")
    assert len(r.stderr.strip().splitlines()) == 1 and not r.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["-k", "0"], "-k/--top-k: k must be between 1 and 100, not 0"),
    (["-k", "101"], "-k/--top-k: k must be between 1 and 100, not 101"),
])
def test_flags_go_through_the_same_check(tmp_path: Path, args: list[str], message: str) -> None:
    r = run_cli("config", *args, cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.strip() == f"briefbot: error: {message}"


def test_api_settings_are_checked_too(tmp_path: Path) -> None:
    from briefbot import Briefbot
    from briefbot.settings import Settings

    with pytest.raises(ConfigError, match="k must be between 1 and 100, not 0"):
        Briefbot(Settings(index=tmp_path / ".briefbot", k=0))
    assert load_settings(k=100).k == 100 and load_settings(k=1).k == 1  # the bounds themselves are allowed
