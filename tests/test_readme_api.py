"""The README's Python API example runs as written, on real files, without the CLI."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from .test_chat import BAKERY, LIGHTHOUSE
from .test_formats import MARKDOWN, report_pdf

README = Path(__file__).resolve().parents[1] / "README.md"


def python_api_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "README's Python API section has a python example"
    return match.group(1)


def test_readme_python_api_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    report_pdf(docs / "report.pdf")
    (docs / "manual.md").write_text(MARKDOWN, encoding="utf-8")
    (docs / "lighthouse.md").write_text(LIGHTHOUSE, encoding="utf-8")
    (docs / "bakery.md").write_text(BAKERY, encoding="utf-8")
    import briefbot.index.embedding

    # The same local model the example would load, shared with the other tests to save time.
    monkeypatch.setattr(briefbot.index.embedding, "MiniLMEmbedder", lambda *a, **k: embedder)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(  # noqa: S102 - running the documented example is the point
           python_api_example(), "README.md", "exec"), {})
    printed = out.getvalue()
    assert "automated in 1987" in printed
    assert "docs/report.pdf p.2:" in printed
    assert "Ingrid Solberg" in printed.splitlines()[-1]
