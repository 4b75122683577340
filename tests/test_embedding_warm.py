"""Loading the local model on a background thread, so it overlaps chromadb's start-up."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from briefbot.index.embedding import MiniLMEmbedder, warm_in_background


def test_warm_loads_the_model_once_and_embeddings_are_unchanged(embedder) -> None:  # type: ignore[no-untyped-def]
    fresh = MiniLMEmbedder()
    warm_in_background(fresh)
    vec = fresh.embed(["The museum reopens in May."])  # waits for the background load, never loads twice
    for t in threading.enumerate():
        if t.name == "briefbot-warm":
            t.join(timeout=60)
    assert fresh._session is not None
    assert np.allclose(vec, embedder.embed(["The museum reopens in May."]), atol=1e-5)


def test_a_failed_warm_up_is_silent_and_embed_reports_it(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = MiniLMEmbedder()

    def fail() -> None:
        raise RuntimeError("model file missing")

    monkeypatch.setattr(broken, "_load", fail)
    broken.warm()  # no exception, no traceback
    with pytest.raises(RuntimeError, match="model file missing"):
        broken.embed(["x"])
