"""The errors briefbot raises on purpose: each carries a one-line message a user can act on."""

from __future__ import annotations


class BriefbotError(Exception):
    """Base of every error briefbot reports to the user without a traceback."""

    exit_code = 1


class ConfigError(BriefbotError):
    """A setting, flag or config file is wrong."""

    exit_code = 2


class LoadError(BriefbotError):
    """A document could not be read; the message names the file and the reason."""


class IndexError_(BriefbotError):
    """The index is missing, damaged, or was built differently; says how to rebuild."""


class IndexReadOnlyError(IndexError_):
    """The index folder cannot be written (a read-only mount, another user's): reading still works."""


class EmbedderMismatchError(IndexError_):
    """The index was built with another embedder than the one configured."""


class IndexBusyError(BriefbotError):
    """Another ingest holds the index's writer lock; the message names the holder."""

    exit_code = 75  # EX_TEMPFAIL: try again later

    def __init__(self, message: str, busy: str | None = None) -> None:
        super().__init__(message)
        # Just the situation ("index at X is being updated by Y"), for a command that does not wait
        # and so words its own advice.
        self.busy = busy or message


class ModelError(BriefbotError):
    """A model API failed (auth, rate limit, timeout, bad reply); says what to do."""


__all__ = [
    "BriefbotError",
    "ConfigError",
    "LoadError",
    "IndexError_",
    "IndexReadOnlyError",
    "EmbedderMismatchError",
    "IndexBusyError",
    "ModelError",
]
