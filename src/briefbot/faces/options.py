"""Command-line options that several commands share, declared once.

A command names a group as one parameter (``where: Where = Where()``; the default is never used); ``@with_groups`` puts the group's
options into the command's signature in that place, for typer to read, and hands the command
their values as one dict, ready to pass to ``load_settings``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])

IndexOpt = Annotated[Optional[Path], typer.Option("--index", help="Index folder [default: ./.briefbot; env BRIEFBOT_INDEX].", show_default=False)]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Config file [default: ./briefbot.toml if present].", show_default=False)]
EmbedderOpt = Annotated[Optional[str], typer.Option("--embedder", help="'minilm' (local, default) or 'openai:MODEL'.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
KOpt = Annotated[Optional[int], typer.Option("-k", "--top-k", help="Passages to retrieve, 1 to 100 [default: 5].", show_default=False)]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="LLM for the openai generator [default: gpt-4o-mini].", show_default=False)]
GeneratorOpt = Annotated[Optional[str], typer.Option("--generator", help="auto (openai when OPENAI_API_KEY or OPENAI_BASE_URL is set), extractive, or openai.", show_default=False, autocompletion=lambda: ["auto", "extractive", "openai"])]
PromptsOpt = Annotated[Optional[Path], typer.Option("--prompts", help="Folder with any of answer.md, brief.md, brief_map.md and brief_reduce.md (a brief of long material: its parts, then their merge), and condense.md (chat's follow-up rewrite), overriding the built-in templates; missing ones fall back to them.", show_default=False)]
NoRefreshOpt = Annotated[bool, typer.Option("--no-refresh", help="Do not bring the index up to date with the corpus first.")]
NoVerifyOpt = Annotated[bool, typer.Option("--no-verify", help="Show the answer unchecked; still report the sentences its citations do not support [env BRIEFBOT_VERIFY=0].")]
ChromaOpt = Annotated[Optional[str], typer.Option("--chroma-url", help="Use a chroma server (http://HOST:PORT) instead of the local index.", show_default=False)]


class Where(dict):  # type: ignore[type-arg]
    """Which index, configured how: --index, --config, --embedder, --chroma-url."""

    options = {"index": IndexOpt, "config": ConfigOpt, "embedder": EmbedderOpt, "chroma_url": ChromaOpt}


class Generation(dict):  # type: ignore[type-arg]
    """Which generator answers, with which templates: --model, --generator, --prompts."""

    options = {"model": ModelOpt, "generator": GeneratorOpt, "prompts": PromptsOpt}


GROUPS = (Where, Generation)


def with_groups(fn: F) -> F:
    """Expand each group parameter of ``fn`` into its options (see the module docstring)."""
    hints = {name: hint for name, hint in inspect.get_annotations(fn, eval_str=True).items()}
    groups = {name: hint for name, hint in hints.items() if hint in GROUPS}
    params: list[inspect.Parameter] = []
    for p in inspect.signature(fn, eval_str=True).parameters.values():
        if p.name in groups:
            params += [
                inspect.Parameter(opt, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=ann)
                for opt, ann in groups[p.name].options.items()
            ]
        else:
            params.append(p)

    @functools.wraps(fn)
    def wrapper(**kwargs: Any) -> Any:
        for name, group in groups.items():
            kwargs[name] = group({opt: kwargs.pop(opt) for opt in group.options})
        return fn(**kwargs)

    wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper  # type: ignore[return-value]
