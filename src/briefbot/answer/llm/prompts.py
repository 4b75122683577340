"""Prompt templates: files with named {placeholders}, shipped in the package and overridable by folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefbot.errors import ConfigError

USER_MARKER = "<!-- user -->"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Template:
    name: str
    system: str
    user: str

    def render(self, **values: object) -> tuple[str, str]:
        """Fill the named placeholders; unknown braces in the template are left as they are."""

        def fill(text: str) -> str:
            return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)

        return fill(self.system).strip(), fill(self.user).strip()


def default_dir() -> Path:
    """The templates inside the installed package, or the checkout's prompts/ in an editable install."""
    packaged = Path(__file__).parents[2] / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "prompts"


def load_template(name: str, folder: Path | None = None) -> Template:
    """The template ``name`` from ``folder`` (--prompts), else the built-in one.

    A folder may override only some templates (say answer.md): the others fall back to the
    built-in ones. A folder that does not exist is an error (most likely a typo).
    """
    if folder is not None and not folder.is_dir():
        raise ConfigError(f"{folder}: prompts folder not found (it may hold answer.md, brief.md, brief_map.md, brief_reduce.md and condense.md)")
    path = folder / f"{name}.md" if folder is not None else default_dir() / f"{name}.md"
    if folder is not None and not path.exists():
        path = default_dir() / f"{name}.md"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read prompt template ({exc.strerror or exc})") from None
    if USER_MARKER not in raw:
        raise ConfigError(f"{path}: prompt template lacks the '{USER_MARKER}' line between system and user parts")
    system, user = raw.split(USER_MARKER, 1)
    return Template(name, system, user)


def load_template_or_default(name: str, folder: Path | None = None) -> Template:
    """The folder's template when it has one, else the built-in: a folder made for some prompts only still works."""
    if folder is not None and not (folder / f"{name}.md").exists():
        folder = None
    return load_template(name, folder)
