"""`briefbot serve`: the HTTP API on a real server (httpx) and the page in real headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import CORPUS, REPO, run_cli
from .fake_openai import FakeOpenAI
from .serve_process import start_server, wait_until_indexed

SEED = "corpus/unesco-ichei-giannini-meeting.txt"
QUESTION = "Who attended the Giannini meeting?"
HOSTILE = (
    "# Launch notes\n\n"
    "The launch code word is <script>window.__pwned = 1</script> marmalade, said the <b>operator</b>.\n\n"
    'The backup site <img src=x onerror="window.__pwned = 2"> is in Tromsø.\n'
)
FILLER = 120  # files written during the concurrency test: an ingest long enough to ask during it
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """One server (with --watch) for the module, on the example corpus; later tests add files to it."""
    root = tmp_path_factory.mktemp("serve")
    shutil.copytree(CORPUS, root / "corpus")
    running, url = start_server("--watch", cwd=root)
    try:
        wait_until_indexed(url, files=1)
        yield url, root
    finally:
        running.stop()


def cli_json(root: Path, *args: str) -> str:
    result = run_cli(*args, "--json", cwd=root)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_replies_are_exactly_the_cli_json(site: tuple[str, Path]) -> None:
    url, root = site
    ask = httpx.post(f"{url}/ask", json={"question": QUESTION}, timeout=120)
    assert ask.status_code == 200 and ask.headers["content-type"].startswith("application/json")
    assert ask.text == cli_json(root, "ask", QUESTION, "--no-refresh")
    data = ask.json()
    assert data["answered"] and "Stephania Giannini" in data["answer"] and data["citations"][0]["source"] == SEED
    search = httpx.get(f"{url}/search", params={"q": "Giannini", "k": 2}, timeout=120)
    assert search.text == cli_json(root, "search", "Giannini", "-k", "2", "--no-refresh")
    brief = httpx.post(f"{url}/brief", json={"about": "IIOE network", "words": 60}, timeout=120)
    assert brief.text == cli_json(root, "brief", "--about", "IIOE network", "--words", "60", "--no-refresh")
    sources = httpx.get(f"{url}/sources", timeout=60)
    assert sources.text == cli_json(root, "sources")
    assert [f["path"] for f in sources.json()["files"]] == [SEED]


def read_events(response: httpx.Response) -> list[tuple[str, str]]:
    """Server-sent events as (event, data), multi-line data joined by newlines as the SSE spec says."""
    events, name, data = [], "message", []
    for line in response.iter_lines():
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            data.append(line[6:])
        elif not line and data:
            events.append((name, "\n".join(data)))
            name, data = "message", []
    return events


def test_answer_streams_as_server_sent_events_ending_with_the_answer(site: tuple[str, Path]) -> None:
    url, _ = site
    plain = httpx.post(f"{url}/ask", json={"question": QUESTION}, timeout=120).json()
    with httpx.stream("POST", f"{url}/ask", json={"question": QUESTION}, headers={"Accept": "text/event-stream"}, timeout=120) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = read_events(r)
    assert [e for e, _ in events] == ["answer"]  # the extractive answerer writes no tokens
    assert json.loads(events[-1][1]) == plain
    with httpx.stream("POST", f"{url}/brief", json={"source": "nope.txt"}, headers={"Accept": "text/event-stream"}, timeout=120) as r:
        events = read_events(r)
    assert events[-1][0] == "error" and "nope.txt" in json.loads(events[-1][1])["error"]


def test_bad_requests_are_refused_with_a_reason(site: tuple[str, Path]) -> None:
    url, _ = site
    too_long = httpx.post(f"{url}/ask", json={"question": "why " * 600}, timeout=30)
    assert too_long.status_code == 422 and "question: String should have at most 2000 characters" in too_long.json()["error"]
    assert httpx.post(f"{url}/ask", json={"question": ""}, timeout=30).status_code == 422
    assert httpx.post(f"{url}/ask", json={"question": "x", "extra": 1}, timeout=30).status_code == 422
    assert httpx.get(f"{url}/search", params={"q": "x", "k": 1000}, timeout=30).status_code == 422
    huge = httpx.post(f"{url}/ask", content=b"{" + b" " * 70_000 + b"}", headers={"content-type": "application/json"}, timeout=30)
    assert huge.status_code == 413 and "limit" in huge.json()["error"]
    missing = httpx.post(f"{url}/brief", json={"source": "nope.txt"}, timeout=60)
    assert missing.status_code == 400 and "nope.txt" in missing.json()["error"]
    # a chunked body (no Content-Length) is refused before it is read
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n")
        assert s.recv(200).startswith(b"HTTP/1.1 411")
    # a page on another site cannot reach the loopback server by re-pointing its own name at 127.0.0.1
    assert httpx.get(f"{url}/sources", headers={"Host": "attacker.example"}, timeout=30).status_code == 421


def test_docs_work_offline(site: tuple[str, Path]) -> None:
    url, _ = site
    docs = httpx.get(f"{url}/docs", timeout=30)
    assert docs.status_code == 200
    for path in ("POST /ask", "POST /brief", "GET /search", "GET /sources", "GET /healthz", "AskRequest", "/openapi.json"):
        assert path in docs.text
    assert "<script" not in docs.text and "https://" not in docs.text  # nothing loaded from elsewhere
    spec = httpx.get(f"{url}/openapi.json", timeout=30).json()
    assert spec["components"]["schemas"]["AskRequest"]["properties"]["question"]["maxLength"] == 2000


def test_page_answers_and_opens_the_cited_passage(site: tuple[str, Path], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    assert Path(CHROMIUM).exists(), "the page test drives the system's Chromium: apt-get install chromium (see .ci/run)"
    url, root = site
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # CSP off: the page must keep markup as text by itself, not because CSP blocks what slipped through
            page = browser.new_page(viewport={"width": 1100, "height": 640}, bypass_csp=True)
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{url}/")
            page.wait_for_selector("#files li")
            assert SEED in page.inner_text("#files")
            page.fill("#question", QUESTION)
            page.click("#ask")
            page.wait_for_selector("#answer a.cite", timeout=120_000)
            answer = page.inner_text("#answer")
            assert "Stephania Giannini" in answer and "[1]" in answer
            page.click("#answer a.cite >> nth=0")
            assert page.is_visible("#passage")
            assert page.inner_text("#passage-title") == f"[1] {SEED}:1-1"
            marked = page.inner_text("#passage-text mark")
            assert "Stephania Giannini" in marked and "LI Ming" in marked
            shot = tmp_path / "serve.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            if os.environ.get("SCREENSHOT_TO"):  # e.g. docs/serve.png for the README, made small
                from PIL import Image

                Image.open(shot).convert("RGB").quantize(colors=64).save(os.environ["SCREENSHOT_TO"], optimize=True)
            print(f"screenshot: {shot}")

            # a document's markup stays text: no script runs, no element is made from it
            (root / "corpus" / "launch.md").write_text(HOSTILE, encoding="utf-8")
            wait_until_indexed(url, files=2)  # the server's watcher picks it up
            page.fill("#question", "What is the launch code word?")
            page.click("#ask")
            expect(page.locator("#answer")).to_contain_text("marmalade", timeout=120_000)
            page.click("#answer a.cite >> nth=0")
            assert "<script>window.__pwned = 1</script>" in page.inner_text("#answer")
            assert "<script>" in page.inner_text("#passage-text")
            assert page.evaluate("window.__pwned") is None
            assert page.eval_on_selector_all("#result script, #result img, #result b, #passage img", "n => n.length") == 0

            page.fill("#topic", "IIOE network")
            page.click("#brief")
            expect(page.locator("#status")).to_contain_text("source", timeout=120_000)
            assert "IIOE" in page.inner_text("#answer")
            assert all(r.startswith(url) for r in requests)  # no CDN, nothing from elsewhere
        finally:
            browser.close()


def test_requests_are_served_while_an_ingest_runs(site: tuple[str, Path]) -> None:
    """Last of the tests on ``site``: it adds files. The page shows its note meanwhile, then the new list."""
    from playwright.sync_api import expect, sync_playwright

    url, root = site
    files = len(httpx.get(f"{url}/sources", timeout=60).json()["files"]) + FILLER
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{url}/")
            page.wait_for_selector("#files li")
            assert page.is_hidden("#updating")
            # written beside the corpus, then moved in with one rename: one batch, one long ingest
            write_filler(root / "filler", FILLER)
            (root / "filler").rename(root / "corpus" / "filler")
            page.wait_for_selector("#updating", state="visible", timeout=180_000)
            results = concurrent_requests(url)
            still_updating = httpx.get(f"{url}/healthz", timeout=30).json()["updating"]
            page.wait_for_selector("#updating", state="hidden", timeout=300_000)
            # (not wait_for_function: a string predicate is eval'd, which the page's CSP refuses once it has to poll)
            expect(page.locator("#files li")).to_have_count(files, timeout=60_000)
        finally:
            browser.close()
    assert {n: r.status_code for n, r in results.items()} == {n: 200 for n in results}
    assert still_updating, "the ingest ended before the requests did: they may have waited for it"
    answer = results["ask"].json()
    assert answer["answered"] and "Stephania Giannini" in answer["answer"]
    assert all(c["source"] == SEED for c in answer["citations"])
    wait_until_indexed(url, files=files)


def concurrent_requests(url: str) -> dict[str, httpx.Response]:
    """Three requests at once, each on its own thread."""
    results: dict[str, httpx.Response] = {}
    calls = [
        ("ask", "POST", "/ask", {"question": QUESTION}),
        ("search", "GET", "/search?q=Giannini", None),
        ("sources", "GET", "/sources", None),
    ]

    def call(name: str, method: str, path: str, body: dict | None) -> None:
        results[name] = httpx.request(method, f"{url}{path}", json=body, timeout=120)

    threads = [threading.Thread(target=call, args=c) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(results) == {c[0] for c in calls}
    return results


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI("Stephania Giannini met the delegation [1]. LI Ming attended [2].", usage=(50, 9)) as srv:
        yield srv


def test_token_required_on_every_request_and_llm_tokens_stream(project: Path, llm: FakeOpenAI) -> None:
    token = "t0ken-for-the-test-0123456789"
    # verification off: this test is about the token and the stream, and the fake reply's second
    # sentence is not supported by what it cites (tests/test_verify_cli.py covers that)
    env = {"BRIEFBOT_TOKEN": token, "OPENAI_BASE_URL": llm.base_url, "OPENAI_API_KEY": "sk-test-key-0000", "BRIEFBOT_VERIFY": "0"}
    running, url = start_server("--host", "0.0.0.0", cwd=project, env=env)
    try:
        assert any("warning" in line and "0.0.0.0" in line for line in running.stderr)
        auth = {"Authorization": f"Bearer {token}"}
        wait_until_indexed(url, files=1, headers=auth)
        for method, path in [("GET", "/"), ("GET", "/healthz"), ("GET", "/sources"), ("POST", "/ask"), ("GET", "/docs"), ("GET", "/static/app.js")]:
            r = httpx.request(method, f"{url}{path}", json={"question": QUESTION} if method == "POST" else None, timeout=30)
            assert r.status_code == 401, path
            wrong = httpx.request(method, f"{url}{path}", headers={"Authorization": "Bearer wrong-token-000000000"}, timeout=30)
            assert wrong.status_code == 401, path
        assert httpx.get(f"{url}/sources", headers=auth, timeout=30).status_code == 200
        # opening /?token=... sets a cookie the page's own requests carry, and drops the token from the URL
        with httpx.Client(base_url=url, timeout=60) as browser_like:
            first = browser_like.get(f"/?token={token}", follow_redirects=False)
            assert first.status_code == 303 and first.headers["location"] == "/"
            assert "HttpOnly" in first.headers["set-cookie"] and "SameSite=Strict" in first.headers["set-cookie"]
            assert browser_like.get("/").status_code == 200 and browser_like.get("/sources").status_code == 200
        with httpx.stream("POST", f"{url}/ask", json={"question": QUESTION}, headers={**auth, "Accept": "text/event-stream"}, timeout=120) as r:
            events = read_events(r)
        names = [e for e, _ in events]
        assert names[-1] == "answer" and names.count("token") > 3 and set(names[:-1]) == {"token"}
        streamed = "".join(json.loads(d) for e, d in events if e == "token")
        final = json.loads(events[-1][1])
        assert streamed == "Stephania Giannini met the delegation [1]. LI Ming attended [2]."
        assert final["model"] == "gpt-4o-mini" and final["answered"] and len(final["citations"]) == 2
    finally:
        running.stop()


def test_exposed_host_without_token_is_refused(tmp_path: Path) -> None:
    result = run_cli("serve", "--host", "0.0.0.0", cwd=tmp_path, timeout=60)
    assert result.returncode == 2 and "--token" in result.stderr and "Traceback" not in result.stderr
    weak = run_cli("serve", "--host", "0.0.0.0", "--token", "short", cwd=tmp_path, timeout=60)
    assert weak.returncode == 2 and "16-256" in weak.stderr


def write_filler(folder: Path, files: int, words: int = 350) -> None:
    """Plain documents for a long ingest: a fixed word list in a fixed order (no randomness)."""
    vocab = ("river harbour ledger copper lantern orchard meadow quarry signal beacon anchor timber "
             "granite furnace canvas saddle thimble walnut compass kettle").split()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        body = " ".join(vocab[(i * 7 + j * j) % len(vocab)] + ("." if j % 12 == 11 else "") for j in range(words))
        (folder / f"filler-{i:03d}.txt").write_text(f"Filler document {i}.\n\n{body}\n", encoding="utf-8")


def test_help_stays_light() -> None:
    """Other commands never import the web stack, the watcher or the MCP SDK."""
    code = (
        "import json, sys, briefbot.faces.cli as c\n"
        "heavy = ('fastapi', 'starlette', 'uvicorn', 'mcp', 'watchfiles', 'pydantic', 'chromadb', 'onnxruntime')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
        "print(json.dumps([cmd.name or '' for cmd in c.app.registered_commands]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout.split("\n")
    assert out[0] == "[]"
    assert {"serve", "watch", "mcp"} <= set(json.loads(out[1]))


def test_guard_reads_hosts_tokens_and_cookies() -> None:
    from briefbot.faces.guard import _bearer, _cookie, _hostname

    assert [_hostname(h) for h in ["127.0.0.1:8000", "LOCALHOST", "[::1]:80", "evil.example:1"]] == [
        "127.0.0.1", "localhost", "[::1]", "evil.example"]
    assert _bearer("Bearer abc") == "abc" and _bearer("Basic abc") is None
    assert _cookie("a=1; briefbot_token=xyz") == "xyz" and _cookie("a=1") is None and _cookie("") is None
