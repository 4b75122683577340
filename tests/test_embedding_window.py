"""MiniLM sees up to its real 256 word pieces (the shipped tokenizer.json says 128) and pads per batch."""

from __future__ import annotations

import numpy as np

from briefbot.index.embedding import MINILM_MAX_WORDPIECES


def test_words_after_the_128th_word_piece_change_the_vector(embedder) -> None:
    head = " ".join(f"harbour{i % 7} dredging survey" for i in range(50))  # ~150+ word pieces
    a = head + " The pier was finally rebuilt in granite."
    b = head + " Volcanic soil makes the vineyards productive."
    embedder.embed(["warm up"])
    assert len(embedder._tokenizer.encode(head).ids) > 128
    va, vb = embedder.embed([a, b])
    assert float(va @ vb) < 0.999  # a 128-piece window would make them identical


def test_truncates_at_256_word_pieces(embedder) -> None:
    embedder.embed(["warm up"])
    long_text = "river " * 1000
    assert len(embedder._tokenizer.encode(long_text).ids) == MINILM_MAX_WORDPIECES == 256
    assert np.isfinite(embedder.embed([long_text])).all()


def test_padding_per_batch_does_not_change_a_vector(embedder) -> None:
    short = "Herons nest by the river."
    alone = embedder.embed([short])[0]
    batched = embedder.embed([short, "word " * 300])[0]
    assert float(alone @ batched) > 0.9999
