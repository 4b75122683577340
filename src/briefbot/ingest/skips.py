"""Files the last ingest skipped (unreadable, too big): remembered so `ask` does not re-ingest for them."""

from __future__ import annotations

import json
from pathlib import Path

from briefbot.ingest.loading import FoundFile
from briefbot.settings import Settings

SKIPS_FILE = "skipped.json"  # files the last ingest skipped, so `ask` does not re-ingest for them


def skip_key(path: Path, settings: Settings) -> list[int] | None:
    """What must stay the same for a skipped file to be skipped again (ctime: chmod changes it)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, int(settings.max_file_mb * 2**20)]


def read_skips(settings: Settings) -> dict[str, list[int]]:
    try:
        data = json.loads((settings.index / SKIPS_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def remember_skips(settings: Settings, skipped: list[FoundFile]) -> None:
    keys = {f.source: skip_key(f.path, settings) for f in skipped}
    try:
        (settings.index / SKIPS_FILE).write_text(json.dumps(keys), encoding="utf-8")
    except OSError:
        pass  # only an optimisation for the next `ask`
