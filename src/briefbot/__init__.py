"""briefbot: ask questions of your own documents, with citations a reader can check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from briefbot.api import Briefbot
    from briefbot.settings import Settings, load_settings


def __getattr__(name: str) -> Any:
    # Lazy, so `import briefbot` (and `briefbot --help`) stays instant.
    if name == "Briefbot":
        from briefbot.api import Briefbot

        return Briefbot
    if name in ("Settings", "load_settings"):
        from briefbot import settings

        return getattr(settings, name)
    raise AttributeError(name)


__all__ = ["Briefbot", "Settings", "load_settings", "__version__"]
