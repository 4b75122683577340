"""Hybrid retrieval: dense and BM25 fused by normalised scores; near-duplicates collapsed before the generator."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from .conftest import run_cli

from briefbot.index import lexical
from briefbot.ingest.pipeline import ingest
from briefbot.answer.retrieve.retrieval import Retriever, collapse_duplicates, fuse, minmax
from briefbot.schema import Chunk, Passage
from briefbot.settings import Settings, load_settings
from briefbot.index.store import Index

DOCS = {
    "harbour.txt": "The old harbour was rebuilt after the storm. Ships now unload grain and timber at the new quay.\n",
    "bridge.txt": "The committee chaired by Ms. Oyelaran reviewed the toll charges. It recommended halving them.\n",
    "vineyard.txt": "Volcanic soil makes the island's vineyards productive. Grapes are picked late in autumn.\n",
    "school.txt": "The village school teaches forty pupils. Lessons in the afternoon are held outdoors in summer.\n",
}
TEXT = "The quick survey counted ninety herons nesting along the river bank in the spring of that year."


def _chunk(source: str, text: str, index: int = 0) -> Chunk:
    return Chunk(source, index, text, 1, 1, 0, len(text), 10, f"{source}{index}".ljust(64, "0"))


@pytest.fixture
def kb(tmp_path: Path, embedder) -> tuple[Settings, Index]:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[corpus])
    ingest(settings, embedder=embedder)
    return settings, Index.open(settings, embedder.name, embedder.dim, create=False)


def _retriever(kb: tuple[Settings, Index], embedder, weight: float) -> Retriever:
    settings, index = kb
    return Retriever(index, embedder, weight, lexical.folder(settings))


def test_minmax_and_fuse_blend_normalised_scores() -> None:
    assert minmax(np.array([2.0, 4.0, 3.0])).tolist() == [0.0, 1.0, 0.5]
    assert minmax(np.array([5.0, 5.0])).tolist() == [1.0, 1.0]
    dense = np.array([0.9, 0.5, 0.7])  # first is best by cosine
    bm25 = np.array([0.0, 12.0, 10.0])  # second is best by keywords
    assert int(np.argmax(fuse(dense, bm25, 0.0))) == 0
    assert int(np.argmax(fuse(dense, bm25, 1.0))) == 1
    assert int(np.argmax(fuse(dense, bm25, 0.5))) == 2  # good on both beats best on one


def test_hybrid_finds_a_rare_name_and_a_paraphrase(kb, embedder) -> None:
    hybrid = _retriever(kb, embedder, 0.5)
    top = hybrid.search("Oyelaran", 2)
    assert top[0].chunk.source == "docs/bridge.txt"
    assert top[0].lexical_score and top[0].lexical_score > 0 and top[0].dense_score is not None
    # No word in common with the document (at most a close spelling, volcano/volcanic): the dense
    # side finds it, and the blend keeps it.
    para = hybrid.search("wine growing on a volcano", 1)
    assert para[0].chunk.source == "docs/vineyard.txt"
    assert para[0].dense_score is not None and para[0].dense_score > (para[0].lexical_score or 0.0)


def test_weight_zero_is_dense_only_and_one_is_bm25_only(kb, embedder) -> None:
    dense = _retriever(kb, embedder, 0.0).search("Oyelaran committee", 4)
    assert all(p.lexical_score is None for p in dense)
    assert all(p.score == p.dense_score for p in dense)
    bm25 = _retriever(kb, embedder, 1.0).search("Oyelaran committee", 4)
    assert [p.chunk.source for p in bm25] == ["docs/bridge.txt"]  # only chunks with a query word
    assert all(p.dense_score is None for p in bm25)


def test_source_filter_applies_to_both_rankings(kb, embedder) -> None:
    hits = _retriever(kb, embedder, 0.5).search("Oyelaran toll", 3, source="docs/school.txt")
    assert hits and all(p.chunk.source == "docs/school.txt" for p in hits)


def test_copied_file_is_collapsed_so_k_passages_say_k_things(kb, embedder) -> None:
    settings, _ = kb
    corpus = settings.corpus[0]
    (corpus / "bridge-copy.txt").write_text(DOCS["bridge.txt"], encoding="utf-8")
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    passages = Retriever(index, embedder, 0.5, lexical.folder(settings)).search("Oyelaran toll charges", 3)
    sources = [p.chunk.source for p in passages]
    assert len({p.chunk.text for p in passages}) == len(passages)
    assert sum(s in ("docs/bridge.txt", "docs/bridge-copy.txt") for s in sources) == 1


def test_collapse_keeps_the_more_complete_passage_at_the_better_rank() -> None:
    short = Passage(_chunk("a.txt", TEXT), 0.9)
    longer = Passage(_chunk("b.txt", TEXT + " Most nests were in tall alders near the ford, and a few in reeds by the weir below the mill."), 0.6)
    other = Passage(_chunk("c.txt", "Tolls on the bridge were halved after the committee's review."), 0.5)
    kept = collapse_duplicates([short, longer, other])
    assert [p.chunk.source for p in kept] == ["b.txt", "c.txt"]
    assert kept[0].score == 0.9
    assert len(collapse_duplicates([short, longer, other], limit=1)) == 1


def test_collapse_drops_reworded_copies_by_embedding(embedder) -> None:
    texts = [
        "The committee recommended that the bridge tolls be halved.",
        "The committee recommended that the tolls on the bridge be halved.",  # few shared trigrams
        "Herons nest along the river bank in spring.",
    ]
    vecs = list(embedder.embed(texts))
    passages = [Passage(_chunk(f"{i}.txt", t), 1.0 - i / 10) for i, t in enumerate(texts)]
    assert len(collapse_duplicates(passages)) == 3  # word overlap alone does not see it
    kept = collapse_duplicates(passages, vectors=vecs)
    assert [p.chunk.source for p in kept] == ["0.txt", "2.txt"]


def test_lexical_weight_is_a_validated_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings().lexical_weight == 0.5
    monkeypatch.setenv("BRIEFBOT_LEXICAL_WEIGHT", "0.3")
    assert load_settings().lexical_weight == 0.3
    with pytest.raises(Exception, match="lexical_weight"):
        load_settings(lexical_weight=1.5)


def test_search_cli_shows_both_scores(project: Path) -> None:
    res = run_cli("search", "IIOE", "--json", "-k", "3", cwd=project)
    assert res.returncode == 0, res.stderr
    passages = json.loads(res.stdout)["passages"]
    assert passages and all("IIOE" in p["text"] for p in passages)
    assert all(p["lexical_score"] > 0 and p["dense_score"] is not None for p in passages)


def test_empty_index_gives_no_passages(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "blank.txt").write_text("\n", encoding="utf-8")
    settings = Settings(index=tmp_path / ".briefbot", corpus=[corpus])
    ingest(settings, embedder=embedder)
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    for weight in (0.0, 0.5, 1.0):
        assert Retriever(index, embedder, weight, lexical.folder(settings)).search("anything", 3) == []


def reference_collapse(passages: list[Passage], threshold: float, vectors: list[np.ndarray], limit: int) -> list[Passage]:
    """Collapsing as first written: one pass over the whole list, one product per pair of vectors."""
    from briefbot.answer.retrieve.collapse import NEAR_DUPLICATE_COSINE, _shingles

    kept: list[Passage] = []
    kept_shingles: list[frozenset] = []
    kept_vectors: list[np.ndarray] = []
    for n, p in enumerate(passages):
        if len(kept) >= limit:
            break
        vec = vectors[n]
        if any(float(vec @ v) >= NEAR_DUPLICATE_COSINE for v in kept_vectors):
            continue
        sh = _shingles(p.chunk.text)
        if not sh or any(len(sh & other) / len(sh) >= threshold for other in kept_shingles):
            continue
        for i, other in enumerate(kept_shingles):
            if other and len(other & sh) / len(other) >= threshold:
                p.score = max(p.score, kept[i].score)
                kept[i], kept_shingles[i], kept_vectors[i] = p, sh, vec
                break
        else:
            kept.append(p)
            kept_shingles.append(sh)
            kept_vectors.append(vec)
    return kept


def test_collapse_fed_in_pieces_keeps_what_one_pass_keeps() -> None:
    """A ranking of copies, near-copies by vector (cosine right around the threshold too), and passages
    that contain one another: fed in pieces (as a search reading on does) or whole, the same passages
    are kept, with the same scores, as by the one-pass reference."""
    from briefbot.answer.retrieve.collapse import Collapse

    rng = np.random.default_rng(4)
    words = ["harbour", "grain", "timber", "storm", "quay", "toll", "charges", "committee", "school", "pupils", "ships", "rebuilt", "river"]
    for trial in range(60):
        texts, vecs = [], []
        for n in range(40):
            if texts and rng.random() < 0.3:  # a copy, a longer copy, or a shorter one of an earlier passage
                base = texts[int(rng.integers(len(texts)))]
                texts.append(rng.choice([base, base + " and more words here", " ".join(base.split()[:-3])]))
            else:
                texts.append(" ".join(rng.choice(words, int(rng.integers(2, 14)))))
            v = rng.normal(size=8).astype(np.float32)
            if vecs and rng.random() < 0.3:  # close to an earlier vector: cosine near 0.97
                v = vecs[int(rng.integers(len(vecs)))] + rng.normal(0, 0.17, 8).astype(np.float32)
            vecs.append(v / np.linalg.norm(v))
        def ranking(texts: list[str] = texts) -> list[Passage]:
            return [Passage(_chunk(f"d{n}.txt", t), 1.0 - n / 100) for n, t in enumerate(texts)]
        limit = int(rng.integers(1, 12))
        want = [(p.chunk.source, p.score) for p in reference_collapse(ranking(), 0.6, vecs, limit)]
        assert [(p.chunk.source, p.score) for p in collapse_duplicates(ranking(), vectors=vecs, limit=limit)] == want
        pieces, step = Collapse(limit=limit), int(rng.integers(1, 20))
        ps = ranking()
        for at in range(0, len(ps), step):
            pieces.feed(ps[at : at + step], vecs[at : at + step])
        assert [(p.chunk.source, p.score) for p in pieces.kept] == want, trial


def test_bm25_scores_of_many_ids_match_one_at_a_time(kb, embedder) -> None:
    settings, index = kb
    lex = lexical.sync(index, lexical.folder(settings))
    scores = lex.scores("harbour storm committee toll")
    ids = [*lex.ids, "gone.txt#0:0", lex.ids[0]]
    many = lex.scores_of(scores, ids)
    assert many.dtype == np.float32 and len(many) == len(ids)
    assert many.tolist() == [lex.score_of(scores, i) for i in ids]
    assert many[-2] == 0.0 and many.max() > 0
    assert lex.scores_of(np.zeros(0, np.float32), ids).tolist() == [0.0] * len(ids)


def test_collapse_drops_copies_by_the_hash_in_their_ids_unread_as_reading_them_would() -> None:
    """Copies of a kept passage, and chunks under a heading whose hashed "heading\\ntext" is a kept passage's
    text (their text then being its end after a line break, sometimes of one or two words): given their
    ids, the same passages are kept as by reading every one, and copies are not read."""
    from briefbot.answer.retrieve.collapse import Collapse
    from briefbot.ingest.chunking import content_hash

    rng = np.random.default_rng(9)
    words = ["harbour", "grain", "timber", "storm", "quay", "toll", "charges", "school", "pupils", "ships", "river"]
    unread = 0
    for trial in range(80):
        chunks: list[Chunk] = []
        for n in range(30):
            text, context = None, None
            if chunks and rng.random() < 0.5:
                base = chunks[int(rng.integers(len(chunks)))]
                lines = base.text.split("\n")
                if base.context is None and len(lines) > 1 and rng.random() < 0.5:  # "heading\ntext" = its text
                    cut = int(rng.integers(1, len(lines)))
                    context, text = "\n".join(lines[:cut]), "\n".join(lines[cut:])
                else:
                    text, context = base.text, base.context
            else:
                text = "\n".join(" ".join(rng.choice(words, int(rng.integers(1, 6)))) for _ in range(int(rng.integers(1, 4))))
                context = "Heading" if rng.random() < 0.2 else None
            digest = content_hash(f"{context}\n{text}") if context else content_hash(text)
            chunks.append(Chunk(f"d{n}.txt", 0, text, 1, 1, 0, len(text), 10, digest, context=context))
        vecs = [v / np.linalg.norm(v) for v in rng.normal(size=(30, 64)).astype(np.float32)]  # no near-copy by vector
        limit = int(rng.integers(1, 10))

        def ranking() -> list[Passage]:
            return [Passage(c, 1.0 - n / 100) for n, c in enumerate(chunks)]

        want = [(p.chunk.source, p.score) for p in reference_collapse(ranking(), 0.6, vecs, limit)]
        read: list[int] = []

        class Reading(list):  # type: ignore[type-arg]
            def __getitem__(self, n):  # type: ignore[no-untyped-def]
                read.append(n)
                return list.__getitem__(self, n)

        got = Collapse(limit=limit).feed(Reading(ranking()), vecs, [c.id for c in chunks])
        assert [(p.chunk.source, p.score) for p in got] == want, trial
        unread += len({n for n in range(30) if n not in read}) - (30 - max(read, default=0) - 1)
    assert unread > 0  # copies were collapsed by their ids alone
