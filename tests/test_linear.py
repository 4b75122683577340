"""Reading and chunking a file take time linear in its size (issue 15.1: a file of a million short
lines hung ingest because sentence splitting and chunking were quadratic).

Each generated pattern is repeated to a 1x and an 8x file; the 8x file must cost about 8 times as
much, not 64. CPU time (``process_time``) and the best of three runs keep a loaded machine from
deciding the result, and the bound is generous: quadratic work shows as a ratio of 30-60.
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from briefbot.ingest.chunking import chunk_document
from briefbot.ingest.loading import load_document
from briefbot.text.tokens import encoding

BASE_CHARS = 30_000
RATIO_LIMIT = 18  # 8x input; linear work gives ~8-10
PIECES = [
    "word", "Word", " ", " ", "\n", "\n", "\n\n", ".", ". ", "...", "!", "?", ":", "- ", "# ", "1. ", "> ",
    "| ", "Mr.", "e.g.", "U.S.", '"', ")", "中文", "\t", "\x0c", "aaaaaaaaaaaaaaaa", "…", "”",
]


def _cost(path: Path) -> float:
    """Best of three: CPU seconds to load ``path`` and chunk it."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        chunk_document(load_document(path, path.name))
        best = min(best, time.process_time() - started)
    return best


def _check_linear(pattern: str, folder: Path) -> None:
    encoding()  # loaded once, outside the timing
    unit = pattern * max(1, 200 // max(1, len(pattern)))
    small, big = folder / "small.txt", folder / "big.txt"
    copies = BASE_CHARS // len(unit) + 1
    small.write_text(unit * copies, encoding="utf-8")
    big.write_text(unit * (8 * copies), encoding="utf-8")
    t1, t8 = _cost(small), _cost(big)
    assert t8 <= RATIO_LIMIT * t1 + 0.15, f"{pattern!r}: 1x {t1:.3f}s, 8x {t8:.3f}s (ratio {t8 / max(t1, 1e-9):.0f})"


@settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failing case is already small
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
@example("line of some words\n")  # the file: short lines without a full stop
@example("Line ends here.\n")  # ... and with one (each line then a paragraph)
@example("word ")  # one endless sentence, cut into token windows
def test_loading_and_chunking_are_linear(tmp_path: Path, pattern: str) -> None:
    _check_linear(pattern, tmp_path)


def test_progress_moves_within_one_big_file(project: Path, embedder, monkeypatch) -> None:
    """The bar moves while one file is chunked and embedded, not only between files."""
    from briefbot.ingest import pipeline
    from briefbot.settings import load_settings

    monkeypatch.setattr(pipeline, "GROUP_CHUNKS", 8)  # embedded 8 chunks at a time
    big = project / "big.txt"
    big.write_text("".join(f"Item {i} logged.\n" for i in range(1200)), encoding="utf-8")
    seen: list[float] = []
    report = pipeline.ingest(load_settings(), [big], embedder=embedder, progress=lambda done, total, _: seen.append(done))
    assert report.added == ["big.txt"] and report.chunks > 16
    within = [d for d in seen if 0 < d < 1]
    assert len(set(within)) >= 4, seen  # chunking and several embedding steps reported
    assert seen == sorted(seen) and seen[-1] == 1
