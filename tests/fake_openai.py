"""A scriptable, OpenAI-compatible HTTP server for tests (standard library only).

Start it on loopback, point the real ``openai`` client at it, and script how it
behaves::

    with FakeOpenAI() as srv:
        srv.reply("hello world", usage=(12, 2))          # default reply
        srv.push(rate_limited(retry_after_ms=10))          # one-shot behaviours,
        srv.push(context_length_exceeded())                # consumed in order
        client = openai.OpenAI(base_url=srv.base_url, api_key="sk-test")
        ...
        assert srv.requests[-1].json["messages"][0]["content"] == "..."

Endpoints: ``POST /v1/chat/completions`` (plain and ``stream: true`` SSE),
``POST /v1/embeddings``, ``GET /v1/models`` and ``GET /v1/models/{id}``.

Queued behaviours are consumed one per POST request (chat completions and
embeddings; optionally restricted to one endpoint with ``push(...,
endpoint="chat" | "embeddings")``).  When the queue is empty the default
reply is used.

Request headers (including ``Authorization``) are recorded so tests can assert
the key is sent, but secrets are masked in every ``repr`` and are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import socket
import struct
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional, Union

__all__ = [
    "FakeOpenAI",
    "RecordedRequest",
    "Reply",
    "HTTPError",
    "Delay",
    "RawBody",
    "CutStream",
    "EmptyChoices",
    "reply",
    "http_error",
    "rate_limited",
    "invalid_api_key",
    "context_length_exceeded",
    "server_error",
    "service_unavailable",
    "delay",
    "empty_body",
    "malformed_json",
    "cut_stream",
    "slow_stream",
    "empty_choices",
    "fake_embedding",
]

TextSource = Union[str, Callable[[dict], str]]
Usage = tuple  # (prompt_tokens, completion_tokens)

_SECRET_HEADERS = {"authorization", "api-key", "x-api-key", "openai-api-key"}


# --------------------------------------------------------------------------- #
# Recorded requests
# --------------------------------------------------------------------------- #


class Headers(dict):
    """Case-insensitive header dict (keys stored lower-case).

    ``repr``/``str`` mask secret values such as ``Authorization``.
    """

    def __init__(self, items=()):
        super().__init__()
        for key, value in items:
            super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key, default=None):
        return super().get(key.lower(), default)

    def __repr__(self):
        shown = {k: ("***" if k in _SECRET_HEADERS else v) for k, v in self.items()}
        return f"Headers({shown!r})"

    __str__ = __repr__


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: Headers = field(repr=False)
    json: Any = None  # parsed JSON body (None if absent / not JSON)
    body: bytes = field(default=b"", repr=False)  # raw body

    @property
    def authorization(self) -> Optional[str]:
        return self.headers.get("authorization")

    @property
    def api_key(self) -> Optional[str]:
        """The bearer token sent, or None."""
        auth = self.authorization
        if auth and auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return None

    @property
    def messages(self) -> list:
        """Chat messages sent (empty list for non-chat requests)."""
        if isinstance(self.json, dict):
            return list(self.json.get("messages") or [])
        return []

    @property
    def prompt_text(self) -> str:
        """All message contents joined with newlines (handy for ``in`` checks)."""
        return "\n".join(_content_text(m.get("content")) for m in self.messages if isinstance(m, dict))


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts
        return "\n".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return "" if content is None else str(content)


# --------------------------------------------------------------------------- #
# Behaviours
# --------------------------------------------------------------------------- #


@dataclass
class Reply:
    """A normal successful reply.

    ``text`` may be a string or ``callable(request_json) -> str``; ``None``
    means "use the server default".  ``usage`` is ``(prompt, completion)``
    tokens; ``None`` means an approximate word count.
    """

    text: Optional[TextSource] = None
    usage: Optional[Usage] = None
    finish_reason: str = "stop"
    # Like a slow local server: stream headers at once, then wait ``first_delay`` seconds before the
    # first word (sending ": ping" comments every ``ping`` seconds meanwhile, as sse-starlette does)
    # and ``chunk_delay`` between words.  ``send_usage=False``: no usage, as llama.cpp's server.
    first_delay: float = 0.0
    chunk_delay: float = 0.0
    ping: Optional[float] = None
    hold: float = 0.0  # seconds to wait after the last word before finishing the stream
    send_usage: Optional[bool] = None  # None: the server's ``send_usage``


@dataclass
class HTTPError:
    """An HTTP error with an OpenAI-style JSON body."""

    status: int
    message: str = "error"
    type: Optional[str] = "invalid_request_error"
    code: Optional[str] = None
    param: Optional[str] = None
    headers: dict = field(default_factory=dict)


@dataclass
class Delay:
    """Sleep ``seconds`` before handling; then do ``then`` (default reply if None)."""

    seconds: float
    then: Any = None


@dataclass
class RawBody:
    """Send ``body`` verbatim with the given status / content type."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/json"
    headers: dict = field(default_factory=dict)


@dataclass
class CutStream:
    """For ``stream: true``: send ``after_chunks`` content chunks, then drop the
    connection without ``[DONE]``.

    ``clean_eof=False`` (default, realistic): the response uses chunked
    transfer-encoding and the socket closes mid-body, i.e. an incomplete HTTP
    message.  ``clean_eof=True``: the body is close-delimited (no
    Content-Length / chunking), so closing is a *valid* end of the HTTP body
    and only the missing ``[DONE]`` / finish_reason reveals the truncation.

    For a non-streaming request the headers are sent with a Content-Length and
    the connection is closed after half the body.
    """

    after_chunks: int = 2
    text: Optional[TextSource] = None
    clean_eof: bool = False


@dataclass
class EmptyChoices:
    """A 200 reply whose ``choices`` list is empty (stream: no content chunks)."""

    usage: Optional[Usage] = (1, 0)


Behaviour = Union[Reply, HTTPError, Delay, RawBody, CutStream, EmptyChoices]


# Factory helpers --------------------------------------------------------------


def reply(text: Optional[TextSource] = None, usage: Optional[Usage] = None, finish_reason: str = "stop") -> Reply:
    return Reply(text=text, usage=usage, finish_reason=finish_reason)


def slow_stream(
    text: Optional[TextSource] = None, first_delay: float = 0.0, chunk_delay: float = 0.0,
    ping: Optional[float] = None, hold: float = 0.0,
) -> Reply:
    """A streamed reply that starts after ``first_delay`` s, sends a word every ``chunk_delay`` s, and
    finishes ``hold`` s after its last word."""
    return Reply(text=text, first_delay=first_delay, chunk_delay=chunk_delay, ping=ping, hold=hold)


def http_error(
    status: int,
    message: str = "error",
    type: Optional[str] = "invalid_request_error",
    code: Optional[str] = None,
    param: Optional[str] = None,
    headers: Optional[dict] = None,
) -> HTTPError:
    return HTTPError(status, message, type, code, param, dict(headers or {}))


def rate_limited(retry_after_ms: Optional[float] = 10, retry_after: Optional[float] = None, headers=None) -> HTTPError:
    """429. By default sends ``retry-after-ms: 10``; pass ``retry_after=0`` (and
    ``retry_after_ms=None``) to send ``Retry-After: 0`` instead.  Note the openai
    client ignores a zero retry-after and falls back to its own ~0.5s backoff."""
    h = {}
    if retry_after_ms is not None:
        h["retry-after-ms"] = _num(retry_after_ms)
    if retry_after is not None:
        h["Retry-After"] = _num(retry_after)
    h.update(headers or {})
    return HTTPError(
        429,
        "Rate limit reached for requests. Please try again in 10ms.",
        "requests",
        "rate_limit_exceeded",
        None,
        h,
    )


def invalid_api_key() -> HTTPError:
    # Real OpenAI echoes a masked key; we deliberately echo nothing.
    return HTTPError(
        401,
        "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
    )


def context_length_exceeded(max_tokens: int = 8192, requested: int = 12000) -> HTTPError:
    return HTTPError(
        400,
        f"This model's maximum context length is {max_tokens} tokens. However, your messages resulted in "
        f"{requested} tokens. Please reduce the length of the messages.",
        "invalid_request_error",
        "context_length_exceeded",
        "messages",
    )


def server_error(status: int = 500, headers=None) -> HTTPError:
    return HTTPError(
        status,
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
        None,
        None,
        dict(headers or {}),
    )


def service_unavailable(headers=None) -> HTTPError:
    return HTTPError(
        503,
        "The engine is currently overloaded, please try again later.",
        "server_error",
        None,
        None,
        dict(headers or {}),
    )


def delay(seconds: float, then: Optional[Behaviour] = None) -> Delay:
    return Delay(seconds, then)


def empty_body(status: int = 200) -> RawBody:
    return RawBody(b"", status)


def malformed_json(status: int = 200) -> RawBody:
    return RawBody(b'{"id": "chatcmpl-broken", "choices": [{"index": 0, "mess', status)


def cut_stream(after_chunks: int = 2, text: Optional[TextSource] = None, clean_eof: bool = False) -> CutStream:
    return CutStream(after_chunks, text, clean_eof)


def empty_choices(usage: Optional[Usage] = (1, 0)) -> EmptyChoices:
    return EmptyChoices(usage)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# --------------------------------------------------------------------------- #
# Helpers
# --------------------------------------------------------------------------- #


def fake_embedding(text: str, dim: int) -> list:
    """Deterministic, L2-normalised vector derived from sha256(text)."""
    values: list = []
    counter = 0
    seed = text.encode("utf-8")
    while len(values) < dim:
        digest = hashlib.sha256(seed + b"\x00" + counter.to_bytes(4, "big")).digest()
        for i in range(0, len(digest), 4):
            n = int.from_bytes(digest[i : i + 4], "big")
            values.append(n / 0xFFFFFFFF * 2.0 - 1.0)
        counter += 1
    values = values[:dim]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [v / norm for v in values]


def _count_tokens(text: str) -> int:
    return len(text.split())


def _split_words(text: str) -> list:
    """Split into word pieces keeping whitespace, so ''.join(parts) == text."""
    return re.findall(r"\S+\s*|\s+", text)


# --------------------------------------------------------------------------- #
# Server
# --------------------------------------------------------------------------- #


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: "FakeOpenAI"

    def handle_error(self, request, client_address):
        import sys

        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, socket.timeout)):
            return  # client hung up (keep-alive reset, timeout, ...): not interesting
        super().handle_error(request, client_address)


class FakeOpenAI:
    """Local OpenAI-compatible server. See module docstring."""

    def __init__(
        self,
        default_text: TextSource = "Hello from FakeOpenAI.",
        *,
        usage: Optional[Usage] = None,
        embedding_dim: int = 8,
        models: tuple = ("gpt-4o-mini", "text-embedding-3-small"),
        require_api_key: Optional[str] = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.default_text: TextSource = default_text
        self.default_usage: Optional[Usage] = usage
        self.send_usage = True  # False: never report usage (llama.cpp's server sends none)
        self.embedding_dim = embedding_dim
        self.models = list(models)
        self.require_api_key = require_api_key
        self._host = host
        self._port = port
        self._lock = threading.Lock()
        self._queue: list = []  # [(behaviour, endpoint or None)]
        self._requests: list = []
        self._stopping = threading.Event()
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle ---------------------------------------------------------- #

    def start(self) -> "FakeOpenAI":
        if self._server is not None:
            return self
        self._stopping.clear()
        server = _Server((self._host, self._port), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()  # wake up any Delay
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "FakeOpenAI":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeOpenAI is not running")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}/v1"

    # -- scripting ---------------------------------------------------------- #

    def reply(self, text: TextSource, usage: Optional[Usage] = None) -> None:
        """Set the default reply (string or ``callable(request_json) -> str``)."""
        self.default_text = text
        self.default_usage = usage

    def push(self, *behaviours: Behaviour, endpoint: Optional[str] = None) -> None:
        """Queue one-shot behaviours (consumed in order, one per POST request).

        ``endpoint``: None = any POST; "chat" = /chat/completions only;
        "embeddings" = /embeddings only.
        """
        if endpoint not in (None, "chat", "embeddings"):
            raise ValueError("endpoint must be None, 'chat' or 'embeddings'")
        with self._lock:
            for b in behaviours:
                self._queue.append((b, endpoint))

    @property
    def pending(self) -> int:
        """Number of queued behaviours not yet consumed."""
        with self._lock:
            return len(self._queue)

    def clear(self) -> None:
        """Forget queued behaviours and recorded requests."""
        with self._lock:
            self._queue.clear()
            self._requests.clear()

    # -- inspection --------------------------------------------------------- #

    @property
    def requests(self) -> list:
        """Snapshot list of RecordedRequest, in arrival order."""
        with self._lock:
            return list(self._requests)

    def requests_to(self, suffix: str) -> list:
        """Requests whose path ends with ``suffix`` (e.g. "/chat/completions")."""
        return [r for r in self.requests if r.path.split("?")[0].endswith(suffix)]

    @property
    def last_request(self) -> Optional[RecordedRequest]:
        with self._lock:
            return self._requests[-1] if self._requests else None

    # -- internals ---------------------------------------------------------- #

    def _record(self, req: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(req)

    def _next_behaviour(self, endpoint: str) -> Optional[Behaviour]:
        with self._lock:
            for i, (b, ep) in enumerate(self._queue):
                if ep is None or ep == endpoint:
                    del self._queue[i]
                    return b
        return None

    def _resolve_text(self, text: Optional[TextSource], request_json: dict) -> str:
        source = self.default_text if text is None else text
        return str(source(request_json)) if callable(source) else str(source)

    def _usage(self, usage: Optional[Usage], request_json: dict, completion_text: str) -> dict:
        if usage is None:
            usage = self.default_usage
        if usage is None:
            prompt = "\n".join(
                _content_text(m.get("content")) for m in (request_json.get("messages") or []) if isinstance(m, dict)
            )
            usage = (_count_tokens(prompt), _count_tokens(completion_text))
        p, c = int(usage[0]), int(usage[1])
        return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self):
        super().setup()
        try:  # avoid Nagle/delayed-ACK stalls (~40ms) between header and body writes
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    # Silence default stderr logging (never print headers / keys).
    def log_message(self, format, *args):  # noqa: A002
        pass

    def log_error(self, format, *args):  # noqa: A002
        pass

    @property
    def fake(self) -> FakeOpenAI:
        return self.server.fake

    # -- HTTP verbs --------------------------------------------------------- #

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
        req = RecordedRequest(method, self.path, Headers(self.headers.items()), body, raw)
        self.fake._record(req)

        path = self.path.split("?", 1)[0].rstrip("/")
        try:
            if self.fake.require_api_key is not None and req.api_key != self.fake.require_api_key:
                self._send_behaviour(invalid_api_key(), {}, "chat")
                return
            if method == "POST" and path == "/v1/chat/completions":
                self._handle_post(body if isinstance(body, dict) else {}, "chat")
            elif method == "POST" and path == "/v1/embeddings":
                self._handle_post(body if isinstance(body, dict) else {}, "embeddings")
            elif method == "GET" and path == "/v1/models":
                self._send_json(200, {"object": "list", "data": [self._model(m) for m in self.fake.models]})
            elif method == "GET" and path.startswith("/v1/models/"):
                mid = path[len("/v1/models/") :]
                if mid in self.fake.models:
                    self._send_json(200, self._model(mid))
                else:
                    self._send_error(
                        http_error(404, f"The model '{mid}' does not exist", "invalid_request_error", "model_not_found")
                    )
            else:
                self._send_error(http_error(404, f"Unknown request URL: {method} {path}.", "invalid_request_error"))
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout):
            # Client went away (e.g. it timed out during a Delay). Nothing to do.
            self.close_connection = True

    @staticmethod
    def _model(mid: str) -> dict:
        return {"id": mid, "object": "model", "created": 1700000000, "owned_by": "fake-openai"}

    # -- behaviours --------------------------------------------------------- #

    def _handle_post(self, body: dict, endpoint: str) -> None:
        behaviour = self.fake._next_behaviour(endpoint)
        self._send_behaviour(behaviour, body, endpoint)

    def _send_behaviour(self, behaviour: Optional[Behaviour], body: dict, endpoint: str) -> None:
        while isinstance(behaviour, Delay):
            if self.fake._stopping.wait(behaviour.seconds):
                self.close_connection = True
                return
            behaviour = behaviour.then

        if behaviour is None:
            behaviour = Reply()

        if isinstance(behaviour, HTTPError):
            self._send_error(behaviour)
        elif isinstance(behaviour, RawBody):
            self._send_raw(behaviour)
        elif endpoint == "embeddings":
            # Reply / CutStream / EmptyChoices on embeddings: send normal embeddings
            # (EmptyChoices -> empty data list).
            self._send_embeddings(body, empty=isinstance(behaviour, EmptyChoices))
        elif isinstance(behaviour, EmptyChoices):
            self._send_empty_choices(body, behaviour)
        elif isinstance(behaviour, CutStream):
            self._send_chat(body, Reply(text=behaviour.text), cut=behaviour)
        elif isinstance(behaviour, Reply):
            self._send_chat(body, behaviour)
        else:
            raise TypeError(f"unknown behaviour {behaviour!r}")

    # -- low-level senders -------------------------------------------------- #

    def _send_json(self, status: int, obj: Any, headers: Optional[dict] = None) -> None:
        data = json.dumps(obj).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", "req_" + uuid.uuid4().hex[:24])
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _send_error(self, err: HTTPError) -> None:
        payload = {"error": {"message": err.message, "type": err.type, "param": err.param, "code": err.code}}
        self._send_json(err.status, payload, err.headers)

    def _send_raw(self, raw: RawBody) -> None:
        self.send_response(raw.status)
        self.send_header("Content-Type", raw.content_type)
        self.send_header("Content-Length", str(len(raw.body)))
        for k, v in raw.headers.items():
            self.send_header(k, str(v))
        self.end_headers()
        self.wfile.write(raw.body)
        self.wfile.flush()

    def _send_embeddings(self, body: dict, empty: bool = False) -> None:
        inp = body.get("input", "")
        if isinstance(inp, str):
            inputs = [inp]
        elif isinstance(inp, list) and inp and all(isinstance(x, int) for x in inp):
            inputs = [json.dumps(inp)]  # a single token array
        elif isinstance(inp, list):
            inputs = [x if isinstance(x, str) else json.dumps(x) for x in inp]
        else:
            inputs = [str(inp)]
        dim = body.get("dimensions") or self.fake.embedding_dim
        b64 = body.get("encoding_format") == "base64"
        data = []
        if not empty:
            for i, text in enumerate(inputs):
                vec = fake_embedding(text, int(dim))
                emb: Any = base64.b64encode(struct.pack(f"<{len(vec)}f", *vec)).decode("ascii") if b64 else vec
                data.append({"object": "embedding", "index": i, "embedding": emb})
        tokens = sum(_count_tokens(t) for t in inputs)
        self._send_json(
            200,
            {
                "object": "list",
                "data": data,
                "model": body.get("model", "text-embedding-3-small"),
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            },
        )

    def _send_empty_choices(self, body: dict, b: EmptyChoices) -> None:
        usage = self.fake._usage(b.usage, body, "")
        if body.get("stream"):
            self._start_stream()
            base = self._chunk_base(body)
            if (body.get("stream_options") or {}).get("include_usage"):
                self._sse({**base, "choices": [], "usage": usage})
            self._sse_raw(b"data: [DONE]\n\n")
            self._end_chunked()
            return
        self._send_json(
            200,
            {
                "id": "chatcmpl-" + uuid.uuid4().hex[:24],
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "gpt-4o-mini"),
                "choices": [],
                "usage": usage,
            },
        )

    def _send_chat(self, body: dict, r: Reply, cut: Optional[CutStream] = None) -> None:
        text = self.fake._resolve_text(r.text, body)
        usage = self.fake._usage(r.usage, body, text)
        model = body.get("model", "gpt-4o-mini")
        if body.get("stream"):
            self._stream_chat(body, text, usage, r.finish_reason, cut, r)
            return
        payload = {
            "id": "chatcmpl-" + uuid.uuid4().hex[:24],
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_fake",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text, "refusal": None},
                    "logprobs": None,
                    "finish_reason": r.finish_reason,
                }
            ],
            "usage": usage,
        }
        if not self._sends_usage(r):
            del payload["usage"]
        if cut is None:
            self._send_json(200, payload)
            return
        # Non-streaming cut: announce full length, send half, drop the connection.
        data = json.dumps(payload).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self._drop_connection()

    # -- streaming ---------------------------------------------------------- #

    def _chunk_base(self, body: dict) -> dict:
        return {
            "id": "chatcmpl-" + uuid.uuid4().hex[:24],
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": body.get("model", "gpt-4o-mini"),
            "system_fingerprint": "fp_fake",
        }

    def _start_stream(self, chunked: bool = True) -> None:
        self._chunked = chunked
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.flush()

    def _sse_raw(self, data: bytes) -> None:
        if self._chunked:
            self.wfile.write(f"{len(data):X}\r\n".encode("ascii") + data + b"\r\n")
        else:
            self.wfile.write(data)
        self.wfile.flush()

    def _sse(self, obj: dict) -> None:
        self._sse_raw(b"data: " + json.dumps(obj).encode("utf-8") + b"\n\n")

    def _end_chunked(self) -> None:
        if self._chunked:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    def _drop_connection(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _sends_usage(self, r: Reply) -> bool:
        return self.fake.send_usage if r.send_usage is None else r.send_usage

    def _wait(self, seconds: float, ping: Optional[float] = None) -> bool:
        """Sleep (pinging meanwhile when asked); False when the server is stopping."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.fake._stopping.wait(min(left, ping or left)):
                return False
            if ping and end - time.monotonic() > 0:
                self._sse_raw(b": ping\n\n")
        return True

    def _stream_chat(
        self, body: dict, text: str, usage: dict, finish_reason: str, cut: Optional[CutStream], r: Optional[Reply] = None
    ) -> None:
        r = r or Reply()
        include_usage = bool((body.get("stream_options") or {}).get("include_usage")) and self._sends_usage(r)
        self._start_stream(chunked=not (cut and cut.clean_eof))
        base = self._chunk_base(body)
        extra = {"usage": None} if include_usage else {}

        def choice(delta: dict, fr: Optional[str] = None) -> dict:
            return {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": fr}], **extra}

        self._sse(choice({"role": "assistant", "content": "", "refusal": None}))
        if r.first_delay and not self._wait(r.first_delay, r.ping):
            return
        sent = 0
        for piece in _split_words(text):
            if cut is not None and sent >= cut.after_chunks:
                self._drop_connection()
                return
            if sent and r.chunk_delay and not self._wait(r.chunk_delay):
                return
            self._sse(choice({"content": piece}))
            sent += 1
        if cut is not None:  # text shorter than after_chunks: still cut before finish
            self._drop_connection()
            return
        if r.hold and not self._wait(r.hold):
            return
        self._sse(choice({}, finish_reason))
        if include_usage:
            self._sse({**base, "choices": [], "usage": usage})
        self._sse_raw(b"data: [DONE]\n\n")
        self._end_chunked()
