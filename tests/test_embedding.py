"""Embedders: the local MiniLM model and OpenAI-compatible embeddings over HTTP."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from briefbot.api import Briefbot
from briefbot.index.embedding import MiniLMEmbedder, OpenAIEmbedder, make_embedder
from briefbot.errors import ConfigError, EmbedderMismatchError
from briefbot.settings import load_settings

from .fake_openai import FakeOpenAI, fake_embedding


def test_minilm_vectors_are_normalised_and_batch_independent(embedder: MiniLMEmbedder) -> None:
    short = "Who attended the Giannini meeting?"
    long = "The delegation presented the network's results. " * 40
    alone = embedder.embed([short])
    together = embedder.embed([long, short, "UNESCO-ICHEI"])
    assert together.shape == (3, 384) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # padding to the longest text in a batch does not change a short text's vector
    assert np.allclose(alone[0], together[1], atol=1e-4)
    assert embedder.embed([]).shape == (0, 384)


def test_minilm_reads_past_128_word_pieces(embedder: MiniLMEmbedder) -> None:
    """The shipped tokenizer.json truncates at 128; the model's real limit is 256."""
    head = "The committee discussed the annual budget for schools. " * 14  # ~140 word pieces
    a = embedder.embed([head + "Tail about volcanoes erupting in Iceland and lava flows."])[0]
    b = embedder.embed([head + "Tail about football transfers and a championship final."])[0]
    assert float(a @ b) < 0.999  # the tails beyond piece 128 still count


def test_semantic_neighbours(embedder: MiniLMEmbedder) -> None:
    q, good, bad = embedder.embed(["Who attended the meeting?", "The meeting was attended by the director.", "Bananas are yellow."])
    assert float(q @ good) > float(q @ bad) + 0.2


def test_unknown_embedder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown embedder"):
        make_embedder(load_settings(embedder="word2vec"))


def test_openai_embeddings_end_to_end(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeOpenAI(embedding_dim=16) as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        settings = load_settings(embedder="openai:text-embedding-3-small", generator="extractive")
        emb = make_embedder(settings)
        assert isinstance(emb, OpenAIEmbedder) and emb.dim == 16
        vec = emb.embed(["hello"])[0]
        expected = np.asarray(fake_embedding("hello", 16), dtype=np.float32)
        assert np.allclose(vec, expected / np.linalg.norm(expected), atol=1e-5)

        bot = Briefbot(settings)
        report = bot.ingest()
        assert report.embedded == report.total_chunks > 0
        calls = srv.requests_to("/embeddings")
        assert all(r.json["model"] == "text-embedding-3-small" for r in calls)
        assert bot.sources()["embedder"] == "openai:text-embedding-3-small"
        assert bot.sources()["dim"] == 16
        assert bot.search("Giannini", k=2)

        # the same index opened with the local model is refused, not mixed
        with pytest.raises(EmbedderMismatchError, match="openai:text-embedding-3-small"):
            Briefbot(load_settings()).search("Giannini")
