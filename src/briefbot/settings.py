"""All of briefbot's settings in one typed object: defaults, then briefbot.toml, then environment, then flags."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from briefbot.errors import ConfigError

CONFIG_FILE = "briefbot.toml"


@dataclass
class Settings:
    """Every knob briefbot has. ``origins`` says where each value came from."""

    index: Path = Path(".briefbot")
    corpus: list[Path] = field(default_factory=lambda: [Path("corpus")])
    embedder: str = "minilm"
    generator: str = "auto"  # auto | extractive | openai
    model: str = "gpt-4o-mini"
    chunk_tokens: int = 200
    chunk_overlap: int = 30
    k: int = 5
    min_score: float = 0.45  # extractive answers abstain below this confidence (answer/extract/decline.py, fitted by bench/fit_decline.py)
    lexical_weight: float = 0.5  # BM25's share of the hybrid score (0 = dense only, 1 = BM25 only)
    verify: bool = True  # remove answer sentences their citations do not support (answer/verify/verify.py)
    rerank: bool = True  # re-order the hybrid ranking's head by where the question's words sit (rerank.py)
    multihop: bool = True  # a second hop for names the first passages hold and the question lacks (multihop.py)
    # With an LLM, also ask it for sub-questions of a long multi-hop question (prompts/decompose.md). Off: with the real
    # local 1.5B model it lowered all-supporting@5 on every multi-hop set (bench/decompose.py, README "Multi-hop").
    decompose: bool = False
    brief_words: int = 120
    context_tokens: int = 3000  # prompt budget for passages sent to an LLM
    # An LLM brief whose material does not fit one prompt is read in parts (one call each), then merged in one
    # more call: at most this many parts, taken evenly across the material when it needs more (answer/llm/llm_brief.py).
    brief_map_calls: int = 4
    max_retries: int = 3  # retries of a 429 or 5xx answer (never of a timeout), within ``timeout``
    timeout: float = 80.0  # seconds an LLM call may take in all, retries included
    connect_timeout: float = 5.0  # seconds to open the connection to the model server
    first_token_timeout: float = 60.0  # seconds until a streamed reply begins (prompt processing)
    stream: str = "auto"  # show an LLM reply as it is written: auto (on a terminal) | on | off
    batch_size: int = 16  # texts per embedding call: 16 was as fast as 32 here with ~460 MB less peak memory
    prompts: Path | None = None
    chroma_url: str | None = None
    follow_symlinks: bool = False  # follow symlinks that point outside the corpus folder
    max_file_mb: float = 20.0  # larger files are skipped with a warning
    lock_timeout: float = 10.0  # seconds an ingest waits for another one on the same index
    origins: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    # Secrets are read from the environment only and never printed or stored.
    @property
    def openai_api_key(self) -> str | None:
        return os.environ.get("OPENAI_API_KEY") or None

    @property
    def openai_base_url(self) -> str | None:
        return os.environ.get("OPENAI_BASE_URL") or None

    @property
    def generator_name(self) -> str:
        """The generator actually used: ``auto`` means openai when an API is configured."""
        if self.generator != "auto":
            return self.generator
        return "openai" if (self.openai_api_key or self.openai_base_url) else "extractive"

    def public_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "origins":
                continue
            value = getattr(self, f.name)
            if isinstance(value, Path):
                value = str(value)
            elif isinstance(value, list):
                value = [str(v) for v in value]
            out[f.name] = value
        return out


ENV_PREFIX = "BRIEFBOT_"
_FIELDS = {f.name: f for f in fields(Settings) if f.name != "origins"}
# The allowed range of each numeric setting, (lowest, highest) inclusive, None = unbounded. Checked
# in one place (_check) for every source: briefbot.toml, BRIEFBOT_* variables, flags and the API.
LIMITS: dict[str, tuple[float | None, float | None]] = {
    "k": (1, 100),
    "brief_words": (20, 1000),
    "min_score": (0.0, 1.0),
    "lexical_weight": (0.0, 1.0),
    "chunk_tokens": (16, 8192),
    "chunk_overlap": (0, None),
    "context_tokens": (100, None),
    "brief_map_calls": (1, 64),
    "max_retries": (0, 20),
    "timeout": (0.01, None),
    "connect_timeout": (0.01, None),
    "first_token_timeout": (0.01, None),
    "batch_size": (1, 1024),
    "max_file_mb": (0.001, None),
    "lock_timeout": (0.0, None),
}
# Flags whose name is not --<setting>, for messages naming what the user typed.
FLAG_NAMES = {"k": "-k/--top-k", "brief_words": "--words"}


def _coerce(name: str, raw: Any, origin: str) -> Any:
    """Turn a config/env/flag value into the field's type, or say clearly which is wrong."""
    default = getattr(Settings(), name)
    try:
        if name == "corpus":
            if isinstance(raw, str):
                raw = [p for p in raw.split(os.pathsep) if p]
            return [Path(p) for p in raw]
        if name in ("index", "prompts"):
            return Path(raw) if raw not in (None, "") else None
        if name == "chroma_url":
            return str(raw) if raw else None
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            word = str(raw).strip().lower()
            if word in ("1", "true", "yes", "on"):
                return True
            if word in ("0", "false", "no", "off"):
                return False
            raise ValueError("expected true or false")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{origin}: invalid value for {name!r}: {raw!r} ({exc})") from None


def _flag(name: str) -> str:
    return FLAG_NAMES.get(name, f"--{name.replace('_', '-')}")


def _source(settings: Settings, name: str) -> str:
    """Where a value came from, as the user would look for it: the file, the variable or the flag."""
    origin = settings.origins.get(name, "")
    if origin == "flag":
        return _flag(name)
    if origin.startswith(("file ", "env ")):
        return origin.split(" ", 1)[1]
    return "settings" if origin != "default" else "default"


def check(settings: Settings) -> Settings:
    """The one validation of every setting, whatever set it (file, environment, flag, or the API).

    Raises ConfigError (exit 2) naming the file, variable or flag the bad value came from.
    """
    for name, (low, high) in LIMITS.items():
        value = getattr(settings, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if math.isnan(value) or (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                bound = f"at least {low}"
            elif low is None:
                bound = f"at most {high}"
            else:
                bound = f"between {low} and {high}"
            raise ConfigError(f"{_source(settings, name)}: {name} must be {bound}, not {value}")
    if settings.generator not in ("auto", "extractive", "openai"):
        raise ConfigError(
            f"{_source(settings, 'generator')}: generator must be auto, extractive or openai, not {settings.generator!r}"
        )
    if settings.stream not in ("auto", "on", "off"):
        raise ConfigError(f"{_source(settings, 'stream')}: stream must be auto, on or off, not {settings.stream!r}")
    if settings.chunk_overlap >= settings.chunk_tokens:
        where = " and ".join(dict.fromkeys([_source(settings, "chunk_overlap"), _source(settings, "chunk_tokens")]))
        raise ConfigError(f"{where}: chunk_overlap must be smaller than chunk_tokens")
    return settings


def _relative_to(folder: Path, value: Any) -> Any:
    """Paths written in a config file are relative to the file's folder, wherever briefbot runs."""
    if isinstance(value, Path):
        return value if value.is_absolute() else Path(os.path.normpath(folder / value))
    if isinstance(value, list):
        return [_relative_to(folder, v) for v in value]
    return value


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, a config file, ``BRIEFBOT_*`` variables, then non-None overrides."""
    settings = Settings()
    origins = {name: "default" for name in _FIELDS}

    path = config_file if config_file is not None else Path(CONFIG_FILE)
    if config_file is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config file ({exc})") from None
        data = data.get("briefbot", data)
        for key, raw in data.items():
            name = key.replace("-", "_")
            if name not in _FIELDS:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            setattr(settings, name, _relative_to(path.parent, _coerce(name, raw, str(path))))
            origins[name] = f"file {path}"

    for name in _FIELDS:
        env = ENV_PREFIX + name.upper()
        if env in os.environ and os.environ[env] != "":
            setattr(settings, name, _coerce(name, os.environ[env], env))
            origins[name] = f"env {env}"

    for name, raw in overrides.items():
        if raw is None:
            continue
        if name not in _FIELDS:
            raise ConfigError(f"unknown setting {name!r}")
        setattr(settings, name, _coerce(name, raw, _flag(name)))
        origins[name] = "flag"

    settings.origins = origins
    return check(settings)
