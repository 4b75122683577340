"""Counts read as English, for every face and every message that states one."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """``1 chunk``, ``2 chunks``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
