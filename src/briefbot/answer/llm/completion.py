"""One chat completion from an OpenAI-compatible server, bounded in time the way a slow local server needs.

Three limits (settings): ``connect_timeout`` to open the connection, ``first_token_timeout`` until the
first word of the reply, ``timeout`` for the whole call, retries included. A read timeout is never
retried: the server is still working on the abandoned request and a retry would only queue behind
it. Only 429 and 5xx answers are retried (``max_retries``), honouring Retry-After, within the total.
Replies are always requested as a stream (llama-cpp-python's server stops work on an abandoned
streamed request, not on a plain one) and parsed here, not by the client library, so a garbage reply
is described, not named by the exception it caused. A server that ignores ``stream`` still works.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefbot.errors import ModelError
from briefbot.schema import Usage

if TYPE_CHECKING:
    import openai

    from briefbot.settings import Settings

OnToken = Callable[[str], None]
_HINT = "try again; if it persists, check the server at OPENAI_BASE_URL"


@dataclass
class Completion:
    text: str
    usage: Usage | None  # as the server reported it; None when it reported nothing
    finish_reason: str | None
    seconds: float
    first_token_seconds: float | None = None


def chat_client(settings: Settings) -> openai.OpenAI:
    """A client that never retries by itself: retries and time limits are decided in ``complete``."""
    import openai

    key, base = settings.openai_api_key, settings.openai_base_url
    if not key and not base:
        raise ModelError(
            "no API key: set OPENAI_API_KEY (and OPENAI_BASE_URL for a local server), or use --generator extractive"
        )
    return openai.OpenAI(
        api_key=key or "not-needed",  # local OpenAI-compatible servers usually ignore the key
        base_url=base,
        max_retries=0,
        timeout=openai.Timeout(settings.timeout, connect=settings.connect_timeout),
    )


class _Watchdog:
    """Cuts the connection when the first token or the whole reply is overdue (a read may never time out:
    servers send keep-alive comments while they think)."""

    def __init__(self, first_by: float | None, done_by: float) -> None:
        self.first_by, self.done_by = first_by, done_by
        self.got_token = False
        self.reason: str | None = None
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def watch(self, response: Any) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            self._sock = sock
            self._thread.start()

    def _due(self) -> tuple[float, str]:
        if self.first_by is not None and not self.got_token and self.first_by < self.done_by:
            return self.first_by, "first_token"
        return self.done_by, "total"

    def _run(self) -> None:
        while not self._stop.is_set():
            when, _ = self._due()
            if self._stop.wait(max(0.0, min(when - time.monotonic(), 0.5))):
                return
            if time.monotonic() >= self._due()[0]:
                self.reason = self._due()[1]
                try:
                    assert self._sock is not None
                    self._sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return

    def stop(self) -> None:
        self._stop.set()


def _retry_wait(exc: Exception, attempt: int) -> float | None:
    """Seconds to wait before retrying ``exc``, or None when it is not worth retrying."""
    import openai

    if not isinstance(exc, openai.APIStatusError):
        return None
    status = exc.status_code
    if status == 429 and getattr(exc, "code", None) == "insufficient_quota":
        return None
    if status not in (408, 409, 429) and status < 500:
        return None
    headers = exc.response.headers
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        if headers.get("retry-after"):
            return float(headers["retry-after"])
    except ValueError:
        pass
    return min(0.5 * 2**attempt, 8.0)


def _snippet(raw: str) -> str:
    flat = " ".join(raw.split())
    return repr(flat[:60] + ("…" if len(flat) > 60 else ""))


def _parse_json(raw: str, what: str, kind: str) -> Any:
    if not raw.strip():
        raise ModelError(f"{what}: the server sent a malformed reply: {kind} was empty: {_HINT}")
    try:
        return json.loads(raw)
    except ValueError:
        raise ModelError(f"{what}: the server sent a malformed reply: {kind} is not JSON (it begins {_snippet(raw)}): {_HINT}") from None


def _server_error(data: Any, what: str) -> None:
    if isinstance(data, dict) and "error" in data and not data.get("choices"):
        err = data["error"]
        message = err.get("message") if isinstance(err, dict) else err
        raise ModelError(f"{what}: the server reported an error: {str(message)[:200]}")


def _usage(data: dict[str, Any]) -> Usage | None:
    u = data.get("usage")
    if isinstance(u, dict) and isinstance(u.get("prompt_tokens"), int) and isinstance(u.get("completion_tokens"), int):
        return Usage(u["prompt_tokens"], u["completion_tokens"])
    return None


def parse_reply(raw: str, what: str) -> tuple[str, Usage | None, str | None]:
    """A whole (non-streamed) reply's text, usage and finish reason, or a ModelError saying what is wrong."""
    data = _parse_json(raw, what, "the reply")
    _server_error(data, what)
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        keys = ", ".join(list(data)[:5]) if isinstance(data, dict) else type(data).__name__
        raise ModelError(f"{what}: the server sent a malformed reply: it has no 'choices' list (it has {keys}): {_HINT}")
    if not data["choices"]:
        raise ModelError(f"{what}: the server sent a reply with no answer in it (an empty 'choices' list): {_HINT}")
    choice = data["choices"][0]
    message = choice.get("message") if isinstance(choice, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise ModelError(f"{what}: the server sent a malformed reply: its first choice has no message text: {_HINT}")
    return content, _usage(data), choice.get("finish_reason")


def complete(
    client: openai.OpenAI,
    settings: Settings,
    model: str,
    messages: list[dict[str, str]],
    max_tokens: int,
    on_token: OnToken | None = None,
) -> Completion:
    """Ask for one reply; streamed to ``on_token`` when given. Raises ModelError with cause and remedy."""
    import openai

    what = f"model {model}"
    started = time.monotonic()
    done_by = started + settings.timeout
    attempt = 0
    while True:
        try:
            return _once(client, settings, model, messages, max_tokens, on_token, started, done_by, what)
        except ModelError:
            raise
        except openai.APIStatusError as exc:
            wait = _retry_wait(exc, attempt)
            if wait is None or attempt >= settings.max_retries or time.monotonic() + wait >= done_by:
                raise
            attempt += 1
            time.sleep(wait)


def _once(
    client: openai.OpenAI, settings: Settings, model: str, messages: list[dict[str, str]], max_tokens: int,
    on_token: OnToken | None, started: float, done_by: float, what: str,
) -> Completion:
    import openai

    left = max(0.1, done_by - time.monotonic())
    # Always streamed, shown or not: the first-token limit then holds for --json too, and a server such
    # as llama-cpp-python stops generating when a streamed request is abandoned (not a plain one).
    first_by = min(started + settings.first_token_timeout, done_by)
    read = max(0.1, first_by - time.monotonic())
    dog = _Watchdog(first_by, done_by)
    try:
        raw = client.chat.completions.with_raw_response.create(
            model=model, messages=messages, temperature=0, max_tokens=max_tokens,  # type: ignore[arg-type]
            timeout=openai.Timeout(left, connect=min(settings.connect_timeout, left), read=read),
            stream=True, stream_options={"include_usage": True},
        )
    except openai.APITimeoutError:
        raise ModelError(_timeout_message(what, settings, started, True)) from None
    except openai.APIConnectionError as exc:
        raise ModelError(_connection_message(exc, what, settings)) from None
    response = raw.http_response
    dog.watch(response)
    try:
        if "text/event-stream" not in response.headers.get("content-type", ""):
            text, usage, finish = parse_reply(response.read().decode("utf-8", "replace"), what)
            if on_token is not None and text:
                on_token(text)  # a server that ignored stream=true: show the whole reply at once
            return Completion(text, usage, finish, time.monotonic() - started)
        return _read_stream(response, on_token or (lambda _t: None), dog, started, what)
    except ModelError:
        raise
    except Exception as exc:
        if dog.reason is not None:
            raise ModelError(_timeout_message(what, settings, started, dog.reason == "first_token")) from None
        if "Timeout" in type(exc).__name__:
            raise ModelError(_timeout_message(what, settings, started, not dog.got_token)) from None
        raise ModelError(
            f"{what}: the reply stream was cut off before it finished ({type(exc).__name__}): try again"
        ) from exc
    finally:
        dog.stop()
        response.close()


def _read_stream(response: Any, on_token: OnToken, dog: _Watchdog, started: float, what: str) -> Completion:
    parts: list[str] = []
    usage: Usage | None = None
    finish: str | None = None
    first: float | None = None
    done = saw_choice = False
    for line in response.iter_lines():
        if not line.startswith("data:"):
            continue  # blank separators, ": ping" comments, event names
        payload = line[5:].strip()
        if payload == "[DONE]":
            done = True
            break
        event = _parse_json(payload, what, "a stream event")
        _server_error(event, what)
        if not isinstance(event, dict):
            raise ModelError(f"{what}: the server sent a malformed reply: a stream event is not an object: {_HINT}")
        usage = _usage(event) or usage
        saw_choice = saw_choice or bool(event.get("choices"))
        for choice in event.get("choices") or []:
            delta = choice.get("delta") if isinstance(choice, dict) else None
            piece = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(piece, str) and piece:
                if first is None:
                    first = time.monotonic() - started
                    dog.got_token = True
                parts.append(piece)
                on_token(piece)
            if isinstance(choice, dict) and choice.get("finish_reason"):
                finish = choice["finish_reason"]
    if dog.reason is not None:
        raise OSError("cut by the watchdog")
    if not done and finish is None:
        raise ModelError(f"{what}: the reply stream was cut off before it finished: try again")
    if not saw_choice:
        raise ModelError(f"{what}: the server sent a reply with no answer in it (no 'choices' in the stream): {_HINT}")
    return Completion("".join(parts), usage, finish, time.monotonic() - started, first)


def _timeout_message(what: str, settings: Settings, started: float, first_token: bool) -> str:
    elapsed = time.monotonic() - started
    waited = f"{elapsed:.1f}" if elapsed < 10 else f"{elapsed:.0f}"
    if first_token and elapsed < settings.timeout - 0.5:
        return (
            f"{what}: no reply began within {waited} s (first_token_timeout {settings.first_token_timeout:g} s, "
            "BRIEFBOT_FIRST_TOKEN_TIMEOUT): the server is busy or slow for this prompt; raise it, or lower -k"
        )
    return (
        f"{what}: the server did not answer in time: gave up after {waited} s (timeout {settings.timeout:g} s, "
        "BRIEFBOT_TIMEOUT); not retried, since the server may still be working on it: try again or raise BRIEFBOT_TIMEOUT"
    )


def _connection_message(exc: Exception, what: str, settings: Settings) -> str:
    base = re.sub(r"//[^/@]*@", "//", settings.openai_base_url or "https://api.openai.com/v1")  # no user:password
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(cause).lower():
            return f"{what}: cannot connect to the API server at {base} (connection refused): is it running? check OPENAI_BASE_URL"
        if type(cause).__name__ == "ConnectTimeout":
            return (
                f"{what}: cannot connect to the API server at {base} within {settings.connect_timeout:g} s "
                "(BRIEFBOT_CONNECT_TIMEOUT): check OPENAI_BASE_URL and the network"
            )
        cause = cause.__cause__ or cause.__context__
    return f"{what}: cannot connect to the API server at {base}: check OPENAI_BASE_URL and that the server is running"
