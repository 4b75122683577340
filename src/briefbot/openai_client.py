"""The openai client, built from settings, and its failures turned into one-line ``ModelError``s."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from briefbot.errors import ModelError

if TYPE_CHECKING:
    import openai

    from briefbot.settings import Settings

T = TypeVar("T")
_MALFORMED_HINT = "try again; if it persists, check the server at OPENAI_BASE_URL"
_KEYLIKE = re.compile(r"\b(sk|rk|pk)-[A-Za-z0-9_\-*]{6,}")


def redact(text: str, key: str | None = None) -> str:
    """Remove API keys, the configured one and anything shaped like one, from a message."""
    if key:
        text = text.replace(key, "***")
    return _KEYLIKE.sub("***", text)


def make_client(settings: Settings) -> openai.OpenAI:
    import openai

    key = settings.openai_api_key
    base = settings.openai_base_url
    if not key and not base:
        raise ModelError(
            "no API key: set OPENAI_API_KEY (and OPENAI_BASE_URL for a local server), "
            "or use --generator extractive"
        )
    return openai.OpenAI(
        api_key=key or "not-needed",  # local OpenAI-compatible servers usually ignore the key
        base_url=base,
        max_retries=settings.max_retries,
        timeout=settings.timeout,
    )


def _describe(exc: Exception, what: str, settings_key: str | None) -> str:
    import openai

    def body_message(e: Any) -> str:
        body = getattr(e, "body", None)
        if isinstance(body, dict):
            err = body.get("error", body)
            if isinstance(err, dict) and err.get("message"):
                return str(err["message"])
        return str(getattr(e, "message", "") or e)

    if isinstance(exc, openai.AuthenticationError):
        return f"{what}: the API rejected the key (401): check OPENAI_API_KEY"
    if isinstance(exc, openai.PermissionDeniedError):
        return f"{what}: permission denied (403): the key may not have access to this model"
    if isinstance(exc, openai.RateLimitError):
        code = getattr(exc, "code", None)
        if code == "insufficient_quota":
            return f"{what}: quota exceeded (429): check your plan and billing"
        return f"{what}: rate limited (429) even after retries: wait a minute and try again"
    if isinstance(exc, openai.APITimeoutError):
        return f"{what}: the server did not answer in time: try again or raise BRIEFBOT_TIMEOUT"
    if isinstance(exc, openai.APIConnectionError):
        return f"{what}: cannot connect to the API server: check OPENAI_BASE_URL and that the server is running"
    if isinstance(exc, openai.BadRequestError):
        code = getattr(exc, "code", None)
        msg = body_message(exc)
        if code == "context_length_exceeded" or "context length" in msg.lower() or "maximum context" in msg.lower():
            return f"{what}: the prompt is longer than the model's context window: lower -k or BRIEFBOT_CONTEXT_TOKENS"
        return f"{what}: the API refused the request (400): {msg}"
    if isinstance(exc, openai.NotFoundError):
        return f"{what}: not found (404): check the model name and OPENAI_BASE_URL"
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status >= 500:
            return f"{what}: the API server failed ({status}) even after retries: try again later"
        return f"{what}: the API returned {status}: {body_message(exc)}"
    if isinstance(exc, openai.APIResponseValidationError):
        return f"{what}: the server sent a malformed reply: {_MALFORMED_HINT}"
    if isinstance(exc, (ValueError, KeyError, TypeError, AttributeError)):
        return f"{what}: the server sent a malformed reply ({type(exc).__name__}): {_MALFORMED_HINT}"
    if isinstance(exc, openai.OpenAIError):
        return f"{what}: {exc}"
    raise exc


def call_with_errors(fn: Callable[[], T], what: str, key: str | None = None) -> T:
    """Run an API call; any failure becomes a ModelError with a message that names cause and remedy."""
    import os

    try:
        return fn()
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - _describe re-raises what it does not know
        message = _describe(exc, what, key)
        raise ModelError(redact(message, key or os.environ.get("OPENAI_API_KEY"))) from exc
