"""The search path's shortcuts give the same answers as the long way round."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.index.store import Index
from briefbot.ingest import manifest
from briefbot.ingest.pipeline import ingest
from briefbot.schema import FileRecord
from briefbot.settings import Settings

DOCS = {
    "harbour.txt": "The old harbour was rebuilt after the storm. Ships now unload grain and timber at the new quay.\n",
    "bridge.txt": "The committee chaired by Ms. Oyelaran reviewed the toll charges. It recommended halving them.\n",
    "school.txt": "The village school teaches forty pupils. Lessons in the afternoon are held outdoors in summer.\n",
}


@pytest.fixture
def bot(tmp_path: Path, embedder) -> Briefbot:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[corpus])
    ingest(settings, embedder=embedder)
    b = Briefbot(settings)
    b._embedder = embedder
    return b


def test_pending_files_are_read_from_the_snapshot_while_it_vouches(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = Index.pending_sources
    monkeypatch.setattr(Index, "pending_sources", lambda self: asked.append(1) or real(self))
    assert manifest.nothing_pending(bot.settings.index)
    assert [p.chunk.source for p in bot.search("Oyelaran toll charges", 1)] == ["docs/bridge.txt"]
    assert asked == []  # the snapshot vouched: chromadb was not asked

    # What an ingest does before its first write: the snapshot goes, then the file is marked pending.
    manifest.clear(bot.settings.index)
    bot.index().records.put([FileRecord("docs/bridge.txt", 1, 1, "x", 1, "now")], "pending")
    assert not manifest.nothing_pending(bot.settings.index)
    found = bot.search("Oyelaran toll charges", 3)
    assert asked and "docs/bridge.txt" not in {p.chunk.source for p in found}  # hidden while being written


def test_a_snapshot_that_no_longer_matches_the_database_does_not_vouch(bot: Briefbot) -> None:
    index_dir = bot.settings.index
    assert manifest.nothing_pending(index_dir)
    with (index_dir / manifest.DATABASE).open("ab") as f:  # the database changed behind the snapshot's back
        f.write(b"\0" * 4096)
    assert not manifest.nothing_pending(index_dir)


def reference_features(question: str, texts: list[str]):  # type: ignore[no-untyped-def]
    """The re-ranker's features computed the plain way, sentence by sentence (as before it was sped up)."""
    import itertools
    import math

    import numpy as np

    from briefbot.index.lexical import tokenize
    from briefbot.text.sentences import sentence_spans

    qwords = tokenize(question)
    unique = list(dict.fromkeys(qwords))
    out = np.zeros((len(texts), 3), dtype=np.float32)
    if not unique or not texts:
        return out
    tokens = [[tokenize(t[s:e]) for s, e in sentence_spans(t)] for t in texts]
    sentences = [[set(x) for x in per] for per in tokens]
    words = [set().union(*s) if s else set() for s in sentences]
    n = len(texts)
    idf = {w: math.log(1 + n / (1 + sum(1 for ws in words if w in ws))) for w in unique}
    total = sum(idf.values()) or 1.0
    pairs = set(itertools.pairwise(qwords))
    for j in range(n):
        out[j, 0] = sum(idf[w] for w in unique if w in words[j]) / total
        out[j, 1] = max((sum(idf[w] for w in unique if w in s) / total for s in sentences[j]), default=0.0)
        if pairs:
            flat = [w for sentence in tokens[j] for w in sentence]
            out[j, 2] = len(pairs & set(itertools.pairwise(flat))) / len(pairs)
    return out


def test_reranker_features_match_the_sentence_by_sentence_reference() -> None:
    import random

    import numpy as np

    from briefbot.answer.retrieve.rerank import features
    from briefbot.ingest.chunking import chunk_document
    from briefbot.schema import Document

    from .conftest import SEED

    texts = [c.text for c in chunk_document(Document.from_text("s.txt", SEED.read_text(encoding="utf-8")), 120, 20)]
    texts += list(DOCS.values()) + [
        "İstanbul's harbour. The İzmir quay opened in May; ships unload grain.",  # lower-casing moves offsets
        "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3. They discussed the U.S. toll charges... Then left!",
        "", "   ", "no sentence end here but harbour grain timber",
        "Quote: \"The storm came.\" (It did.) Ships [1] unload—grain… and timber?! Yes.",
    ]
    rng = random.Random(5)
    vocab = ["harbour", "grain", "timber", "storm", "quay", "toll", "charges", "committee", "school", "pupils",
             "ships", "rebuilt", "the", "of", "a"]
    for _ in range(40):
        texts.append(" ".join(
            " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 12))).capitalize() + rng.choice([".", "!", "?", ""])
            for _ in range(rng.randint(1, 6))
        ))
    questions = ["Who chaired the committee on toll charges?", "When was the harbour rebuilt after the storm?",
                 "Who attended the Giannini meeting?", "the of a", "İstanbul harbour quay", "grain timber ships"]
    for q in questions:
        for start in range(0, len(texts), 20):
            part = texts[start : start + 20]
            assert np.allclose(features(q, part), reference_features(q, part), atol=1e-6), (q, part)
        # Copies of texts (equal strings, other objects, as chunks of copied files are) in one ranking.
        part = rng.sample(texts, 8)
        part = [*part, *[(t + " ")[:-1] for t in rng.sample(part, 5)], *part[:2]]
        got = features(q, part)
        assert np.allclose(got, reference_features(q, part), atol=1e-6), (q, part)
        assert all(np.array_equal(got[n], got[part.index(t)]) for n, t in enumerate(part))


def test_reading_only_the_head_ranks_as_reading_every_candidate(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    """Texts and vectors of dense-only finds are fetched for the head only; the ranking is the same
    as with every candidate read, also when near-duplicates use up the head."""
    from briefbot.answer.retrieve.retrieval import Retriever
    from briefbot.index import lexical

    corpus = tmp_path / "docs"
    corpus.mkdir()
    topics = ["harbour", "bridge toll", "village school", "vineyard", "lighthouse keeper", "railway station"]
    for n in range(36):
        t = topics[n % len(topics)]
        (corpus / f"d{n:02d}.txt").write_text(f"Report {n} on the {t}. The {t} was discussed by the council in week {n}.\n", encoding="utf-8")
    for n in range(25):  # copies: near-duplicates the collapse removes
        (corpus / f"copy{n:02d}.txt").write_text("The harbour was rebuilt after the storm by the council.\n", encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[corpus])
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    retriever = Retriever(index, embedder, 0.5, lexical.folder(settings))
    read_on = texts_skipped = 0
    real_fill_vectors = retriever.fill_vectors
    reading_on: list[int] = []
    retriever.fill_vectors = lambda c, rows: (reading_on.append(len(rows)), real_fill_vectors(c, rows))[1]  # type: ignore[method-assign]
    for query in ["When was the harbour rebuilt?", "council report on the railway station", "vineyard week 3"]:
        for k in (1, 5, 12):
            cands = retriever.candidates(query, 50)
            reading_on.clear()
            lazy = retriever.rank(cands, k)
            read_on += bool(reading_on)  # duplicates ate the head
            # Reading on, copies are dropped by their vector: their texts are not read.
            texts_skipped += bool(reading_on) and sum(c is not None for c in cands.chunks) < max(reading_on)
            full = retriever.candidates(query, 50)
            retriever.fill(full, range(len(full.ids)))
            assert all(c is not None for c in full.chunks)
            eager = retriever.rank(full, k)
            assert [(p.chunk.id, round(p.score, 6)) for p in lazy] == [(p.chunk.id, round(p.score, 6)) for p in eager]
            assert lazy
    assert read_on, "no case read past the head: the duplicates did not exercise it"
    assert texts_skipped
