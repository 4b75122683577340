"""The server's door: token on every request, body size limit, Host check on loopback (pure ASGI).

The token is accepted as ``Authorization: Bearer TOKEN``, as the ``briefbot_token`` cookie, or as
``?token=TOKEN``; the last sets the cookie (HttpOnly, SameSite=Strict) so the page's own requests
carry it, and on ``/`` redirects to drop the token from the address bar.
"""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = dict[str, Any]
COOKIE = "briefbot_token"


class Guard:
    def __init__(self, app: Any, token: str | None, max_body: int, allowed_hosts: list[str] | None = None) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if self.allowed_hosts is not None and _hostname(headers.get("host", "")) not in self.allowed_hosts:
            await _reply(send, 421, {"error": "this server answers only to its loopback address (see --host)"})
            return
        query_token = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [None])[0]
        if self.token is not None:
            offered = [query_token, _bearer(headers.get("authorization", "")), _cookie(headers.get("cookie", ""))]
            if not any(t is not None and hmac.compare_digest(t.encode(), self.token.encode()) for t in offered):
                await _reply(send, 401, {"error": "missing or wrong token: send 'Authorization: Bearer TOKEN', or open /?token=TOKEN"})
                return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            length = headers.get("content-length")
            if length is None:
                await _reply(send, 411, {"error": "a request body needs a Content-Length header"})
                return
            if not length.isdigit() or int(length) > self.max_body:
                await _reply(send, 413, {"error": f"request body over the limit of {self.max_body} bytes"})
                return
            receive = _capped(receive, self.max_body)
        cookie = None
        if self.token is not None and query_token is not None:
            cookie = f"{COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/".encode("latin-1")
            if scope["path"] == "/" and scope["method"] == "GET":
                await _reply(send, 303, None, [(b"location", b"/"), (b"set-cookie", cookie)])
                return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if cookie is not None:
                    extra.append((b"set-cookie", cookie))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _hostname(host: str) -> str:
    host = host.lower()
    if host.startswith("["):  # [::1]:8000
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _bearer(value: str) -> str | None:
    scheme, _, credentials = value.partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else None


def _cookie(value: str) -> str | None:
    if not value:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(value)
    except Exception:  # noqa: BLE001 - a malformed cookie header is just no token
        return None
    return jar[COOKIE].value if COOKIE in jar else None


def _capped(receive: Any, limit: int) -> Any:
    """A body longer than its Content-Length said is cut off (the server reads no more than the limit)."""
    seen = 0

    async def wrapped() -> dict[str, Any]:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                return {"type": "http.disconnect"}
        return dict(message)

    return wrapped


async def _reply(send: Any, status: int, body: Any, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    data = b"" if body is None else (json.dumps(body, indent=2) + "\n").encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()), *(headers or [])]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": data})
