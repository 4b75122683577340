"""briefbot: ask questions of your own documents, with citations a reader can check.

The public API: ``Briefbot`` (api.py), its settings, and the typed records that flow between the
stages (schema.py). Everything is imported lazily, so `import briefbot` (and `briefbot --help`) stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from briefbot.api import Briefbot
    from briefbot.schema import Answer, Chunk, Citation, Document, FileRecord, IngestReport, Passage, Usage
    from briefbot.settings import Settings, load_settings

_SCHEMA = ("Answer", "Chunk", "Citation", "Document", "FileRecord", "IngestReport", "Passage", "Usage")


def __getattr__(name: str) -> Any:
    if name == "Briefbot":
        from briefbot.api import Briefbot

        return Briefbot
    if name in ("Settings", "load_settings"):
        from briefbot import settings

        return getattr(settings, name)
    if name in _SCHEMA:
        from briefbot import schema

        return getattr(schema, name)
    raise AttributeError(name)


__all__ = [
    "Briefbot", "Settings", "load_settings", "__version__",
    "Answer", "Chunk", "Citation", "Document", "FileRecord", "IngestReport", "Passage", "Usage",
]
