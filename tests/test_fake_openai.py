"""Tests for the FakeOpenAI helper, driven by the real ``openai`` client over HTTP."""

from __future__ import annotations

import math
import time

import openai
import pytest

from .fake_openai import (
    FakeOpenAI,
    context_length_exceeded,
    cut_stream,
    delay,
    empty_body,
    empty_choices,
    fake_embedding,
    invalid_api_key,
    malformed_json,
    rate_limited,
    reply,
    server_error,
    service_unavailable,
)

MODEL = "gpt-4o-mini"
MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Summarise the news"}]


@pytest.fixture
def srv():
    with FakeOpenAI() as s:
        yield s


_BASE_CLIENT: openai.OpenAI | None = None


def client(srv: FakeOpenAI, max_retries: int = 0, timeout: float = 5.0) -> openai.OpenAI:
    """A real openai client for ``srv``.  Building ``openai.OpenAI`` costs ~45ms
    (TLS context), so one is built and cheaply re-pointed with ``with_options``."""
    global _BASE_CLIENT
    if _BASE_CLIENT is None:
        _BASE_CLIENT = openai.OpenAI(base_url=srv.base_url, api_key="sk-test", max_retries=0)
    return _BASE_CLIENT.with_options(base_url=srv.base_url, max_retries=max_retries, timeout=timeout)


def chat(c: openai.OpenAI, **kw):
    return c.chat.completions.create(model=MODEL, messages=MESSAGES, **kw)


def collect_stream(stream):
    parts, finish, usage, n = [], None, None, 0
    for chunk in stream:
        n += 1
        if chunk.usage is not None:
            usage = chunk.usage
        for ch in chunk.choices:
            if ch.delta.content:
                parts.append(ch.delta.content)
            if ch.finish_reason:
                finish = ch.finish_reason
    return parts, finish, usage, n


# --------------------------------------------------------------------------- #


def test_base_url_and_lifecycle():
    srv = FakeOpenAI()
    srv.start()
    try:
        assert srv.base_url.startswith("http://127.0.0.1:")
        assert srv.base_url.endswith("/v1")
        assert srv.port > 0
    finally:
        srv.stop()
    srv.stop()  # idempotent
    with pytest.raises(RuntimeError):
        _ = srv.base_url


def test_plain_completion_and_usage(srv):
    srv.reply("The news is good.", usage=(42, 5))
    c = openai.OpenAI(base_url=srv.base_url, api_key="sk-test", max_retries=0)
    resp = chat(c)
    assert resp.choices[0].message.content == "The news is good."
    assert resp.choices[0].finish_reason == "stop"
    assert resp.model == MODEL
    assert (resp.usage.prompt_tokens, resp.usage.completion_tokens, resp.usage.total_tokens) == (42, 5, 47)

    (req,) = srv.requests
    assert (req.method, req.path) == ("POST", "/v1/chat/completions")
    assert req.json["messages"] == MESSAGES
    assert "Summarise the news" in req.prompt_text
    assert req.headers["Authorization"] == "Bearer sk-test"
    assert req.api_key == "sk-test"


def test_api_key_never_in_repr(srv):
    chat(client(srv))
    req = srv.last_request
    assert "sk-test" not in repr(req)
    assert "sk-test" not in repr(req.headers)
    assert "sk-test" not in str(req.headers)


def test_default_usage_is_word_count(srv):
    srv.reply("one two three")
    resp = chat(client(srv))
    assert resp.usage.completion_tokens == 3
    assert resp.usage.prompt_tokens == len("Be brief. Summarise the news".split())


def test_callable_reply_depends_on_request(srv):
    srv.reply(lambda body: "echo: " + body["messages"][-1]["content"])
    assert chat(client(srv)).choices[0].message.content == "echo: Summarise the news"
    srv.push(reply(lambda body: body["model"].upper()))
    assert chat(client(srv)).choices[0].message.content == MODEL.upper()


def test_queue_consumed_in_order_then_default(srv):
    srv.reply("default")
    srv.push(reply("first"), reply("second"))
    assert srv.pending == 2
    c = client(srv)
    assert [chat(c).choices[0].message.content for _ in range(3)] == ["first", "second", "default"]
    assert srv.pending == 0


def test_streamed_completion_with_usage(srv):
    text = "Here is a short streamed briefing about today."
    srv.reply(text, usage=(10, 8))
    stream = chat(client(srv), stream=True, stream_options={"include_usage": True})
    parts, finish, usage, n = collect_stream(stream)
    assert "".join(parts) == text
    assert len(parts) >= 5  # really split into several chunks
    assert finish == "stop"
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (10, 8, 18)
    assert srv.last_request.json["stream"] is True


def test_stream_without_include_usage_has_no_usage(srv):
    srv.reply("a b c")
    parts, finish, usage, _ = collect_stream(chat(client(srv), stream=True))
    assert "".join(parts) == "a b c"
    assert finish == "stop"
    assert usage is None


def test_429_then_success_is_retried(srv):
    srv.reply("after retry")
    srv.push(rate_limited(retry_after_ms=10))
    t0 = time.monotonic()
    resp = chat(client(srv, max_retries=1))
    assert resp.choices[0].message.content == "after retry"
    assert len(srv.requests) == 2
    assert time.monotonic() - t0 < 0.4  # honoured retry-after-ms, not the 0.5s backoff
    assert srv.requests[1].headers["x-stainless-retry-count"] == "1"


def test_429_without_retries_raises_rate_limit_error(srv):
    srv.push(rate_limited(retry_after_ms=None, retry_after=0))
    with pytest.raises(openai.RateLimitError) as ei:
        chat(client(srv, max_retries=0))
    assert ei.value.status_code == 429
    assert ei.value.code == "rate_limit_exceeded"
    assert ei.value.response.headers["retry-after"] == "0"


def test_401_raises_authentication_error(srv):
    srv.push(invalid_api_key())
    with pytest.raises(openai.AuthenticationError) as ei:
        chat(client(srv, max_retries=2))
    assert ei.value.status_code == 401
    assert ei.value.code == "invalid_api_key"
    assert len(srv.requests) == 1  # 401 is not retried
    assert "sk-test" not in str(ei.value)


def test_require_api_key():
    with FakeOpenAI(require_api_key="sk-right") as s:
        with pytest.raises(openai.AuthenticationError):
            chat(client(s))
        ok = openai.OpenAI(base_url=s.base_url, api_key="sk-right", max_retries=0)
        assert chat(ok).choices[0].message.content


def test_context_length_exceeded_raises_bad_request(srv):
    srv.push(context_length_exceeded(max_tokens=8192, requested=9000))
    with pytest.raises(openai.BadRequestError) as ei:
        chat(client(srv, max_retries=2))
    err = ei.value
    assert err.status_code == 400
    assert err.code == "context_length_exceeded"
    assert err.param == "messages"
    assert err.type == "invalid_request_error"
    assert "maximum context length is 8192 tokens" in err.message
    assert err.body["code"] == "context_length_exceeded"
    assert len(srv.requests) == 1


@pytest.mark.parametrize("behaviour,status", [(server_error(), 500), (service_unavailable(), 503)])
def test_5xx_raises_internal_server_error(srv, behaviour, status):
    srv.push(behaviour)
    with pytest.raises(openai.InternalServerError) as ei:
        chat(client(srv, max_retries=0))
    assert ei.value.status_code == status


def test_503_then_success_with_retry(srv):
    srv.push(service_unavailable(headers={"retry-after-ms": "5"}))
    assert chat(client(srv, max_retries=1)).choices[0].message.content
    assert len(srv.requests) == 2


def test_delay_causes_client_timeout_then_retry_succeeds(srv):
    srv.reply("slow but fine")
    srv.push(delay(2.0))
    with pytest.raises(openai.APITimeoutError):
        chat(client(srv, max_retries=0, timeout=0.2))
    # Queue consumed: the next request is answered immediately.
    assert chat(client(srv, timeout=1)).choices[0].message.content == "slow but fine"


def test_delay_then_behaviour(srv):
    srv.push(delay(0.05, then=reply("late")))
    assert chat(client(srv)).choices[0].message.content == "late"


def test_cut_stream_chunked_raises_connection_error(srv):
    """Default cut: chunked body dropped mid-message -> the client raises
    APIConnectionError (cause: httpx RemoteProtocolError 'incomplete chunked
    read') while iterating, after yielding the chunks received so far."""
    srv.reply("one two three four five six seven")
    srv.push(cut_stream(after_chunks=2))
    stream = chat(client(srv), stream=True, stream_options={"include_usage": True})
    got = []
    with pytest.raises(openai.APIConnectionError):
        for chunk in stream:
            for ch in chunk.choices:
                if ch.delta.content:
                    got.append(ch.delta.content)
    assert "".join(got) == "one two "


def test_cut_stream_clean_eof_ends_silently(srv):
    """clean_eof cut: HTTP body legitimately ends; the client does NOT raise –
    iteration just stops with no finish_reason and no usage."""
    srv.reply("one two three four five six seven")
    srv.push(cut_stream(after_chunks=3, clean_eof=True))
    parts, finish, usage, _ = collect_stream(chat(client(srv), stream=True, stream_options={"include_usage": True}))
    assert "".join(parts) == "one two three "
    assert finish is None
    assert usage is None


def test_cut_non_streaming_raises_connection_error(srv):
    srv.push(cut_stream())
    with pytest.raises(openai.APIConnectionError):
        chat(client(srv))


@pytest.mark.parametrize("behaviour", [empty_body(), malformed_json()])
def test_bad_200_body_raises_json_error(srv, behaviour):
    # The openai client does not wrap this: a plain json.JSONDecodeError (ValueError) escapes.
    srv.push(behaviour)
    with pytest.raises(ValueError):
        chat(client(srv))


def test_empty_choices(srv):
    srv.push(empty_choices())
    resp = chat(client(srv))
    assert resp.choices == []
    srv.push(empty_choices(usage=(4, 0)))
    parts, finish, usage, _ = collect_stream(chat(client(srv), stream=True, stream_options={"include_usage": True}))
    assert parts == [] and finish is None and usage.prompt_tokens == 4


def test_embeddings_dimension_and_determinism(srv):
    srv.embedding_dim = 16
    c = client(srv)
    r1 = c.embeddings.create(model="text-embedding-3-small", input=["alpha", "beta"])
    r2 = c.embeddings.create(model="text-embedding-3-small", input="alpha")
    assert [d.index for d in r1.data] == [0, 1]
    v_alpha, v_beta = r1.data[0].embedding, r1.data[1].embedding
    assert len(v_alpha) == 16 and len(v_beta) == 16
    assert math.isclose(math.sqrt(sum(x * x for x in v_alpha)), 1.0, rel_tol=1e-5)
    assert r2.data[0].embedding == v_alpha  # deterministic
    assert v_alpha != v_beta
    assert r1.usage.prompt_tokens == 2
    # Client defaults to base64 (float32); explicit float gives the exact values.
    r3 = c.embeddings.create(model="m", input="alpha", encoding_format="float")
    assert r3.data[0].embedding == fake_embedding("alpha", 16)
    assert all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(v_alpha, r3.data[0].embedding))
    # `dimensions` request param overrides the server default.
    assert len(c.embeddings.create(model="m", input="x", dimensions=5).data[0].embedding) == 5
    assert srv.requests_to("/embeddings")[0].json["input"] == ["alpha", "beta"]


def test_endpoint_specific_queue(srv):
    srv.push(invalid_api_key(), endpoint="chat")
    c = client(srv)
    assert len(c.embeddings.create(model="m", input="x").data) == 1  # not consumed by embeddings
    with pytest.raises(openai.AuthenticationError):
        chat(c)


def test_models_list(srv):
    ids = [m.id for m in client(srv).models.list()]
    assert "gpt-4o-mini" in ids
    assert client(srv).models.retrieve("gpt-4o-mini").id == "gpt-4o-mini"
    with pytest.raises(openai.NotFoundError):
        client(srv).models.retrieve("nope")
    assert srv.last_request.method == "GET"


def test_stop_while_delayed_request_pending():
    s = FakeOpenAI().start()
    s.push(delay(30))
    c = client(s, timeout=0.2)
    with pytest.raises(openai.APITimeoutError):
        chat(c)
    t0 = time.monotonic()
    s.stop()
    assert time.monotonic() - t0 < 1.0
