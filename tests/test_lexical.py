"""The BM25 index stays in step with chromadb across add, change, delete, rebuild and interrupted writes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefbot.answer.retrieve.retrieval import Retriever
from briefbot.index import lexical, passages
from briefbot.index.store import Index
from briefbot.ingest.pipeline import ingest
from briefbot.schema import source_of_chunk_id
from briefbot.settings import Settings

ALPHA = "The Quintara harbour opened in 1871. Fishermen landed cod and herring there every morning.\n"
BETA = "Volcanic soil makes the island's vineyards productive. The grapes ripen late in autumn.\n"
GAMMA = "A committee led by Ms. Oyelaran reviewed the bridge tolls. Its report recommended lower fees.\n"


def small_kb(root: Path, *texts: tuple[str, str], **settings: int) -> Settings:
    """Settings over ``root/docs`` holding the given (file name, text) pairs."""
    corpus = root / "docs"
    corpus.mkdir()
    for name, text in texts:
        (corpus / name).write_text(text, encoding="utf-8")
    return Settings(index=root / ".briefbot", corpus=[corpus], **settings)


@pytest.fixture
def kb(tmp_path: Path) -> Settings:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (corpus / "beta.txt").write_text(BETA, encoding="utf-8")
    return Settings(index=tmp_path / ".briefbot", corpus=[corpus])


def _open(settings: Settings, embedder) -> Index:
    return Index.open(settings, embedder.name, embedder.dim, create=False)


def _saved(settings: Settings) -> lexical.LexicalIndex:
    saved = lexical.LexicalIndex.load(lexical.folder(settings))
    assert saved is not None
    return saved


def _in_step(settings: Settings, embedder) -> lexical.LexicalIndex:
    """The saved BM25 index covers exactly chromadb's chunks."""
    saved = _saved(settings)
    assert sorted(saved.ids) == sorted(_open(settings, embedder).chunk_ids())
    return saved


def _sources(hits: list[tuple[str, float]]) -> set[str]:
    return {source_of_chunk_id(i) for i, _ in hits}


def test_tokenize_stems_and_drops_stopwords() -> None:
    assert lexical.tokenize("The meetings of Giannini") == lexical.tokenize("meeting Giannini")
    assert lexical.tokenize("the of and") == []


def test_ingest_builds_bm25_that_finds_an_exact_name(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    hits = saved.top("Quintara", 5)
    assert _sources(hits) == {"docs/alpha.txt"}
    assert saved.top("zyzzyva", 5) == []
    # Through the hybrid retriever too: the rare name ranks its passage first.
    passages = Retriever(_open(kb, embedder), embedder, 0.5, lexical.folder(kb)).search("Quintara", 2)
    assert passages[0].chunk.source == "docs/alpha.txt"
    assert passages[0].lexical_score and passages[0].lexical_score > 0


def test_add_change_delete_keep_bm25_in_step(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    corpus = kb.corpus[0]

    (corpus / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert _sources(_in_step(kb, embedder).top("Oyelaran", 5)) == {"docs/gamma.txt"}

    (corpus / "alpha.txt").write_text(ALPHA.replace("Quintara", "Marlowe"), encoding="utf-8")
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert saved.top("Quintara", 5) == []
    assert _sources(saved.top("Marlowe", 5)) == {"docs/alpha.txt"}

    (corpus / "beta.txt").unlink()
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert saved.top("vineyards", 5) == []
    assert "docs/beta.txt" not in {source_of_chunk_id(i) for i in saved.ids}


def test_rebuild_keeps_bm25_in_step(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    (kb.corpus[0] / "beta.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, rebuild=True, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert saved.top("vineyards", 5) == []
    assert _sources(saved.top("Oyelaran", 5)) == {"docs/beta.txt"}


def test_unchanged_ingest_reuses_the_saved_build(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    before = json.loads((lexical.folder(kb) / lexical.CURRENT).read_text())
    ingest(kb, embedder=embedder)
    after = json.loads((lexical.folder(kb) / lexical.CURRENT).read_text())
    assert before == after


def test_crash_between_chromadb_and_bm25_writes_is_repaired_at_search(kb: Settings, embedder) -> None:
    """chromadb changed but the BM25 write never happened: search notices and rebuilds."""
    ingest(kb, embedder=embedder)
    index = _open(kb, embedder)
    index.remove_files(["docs/alpha.txt"])  # as if the process died right after this write
    assert "docs/alpha.txt" in {source_of_chunk_id(i) for i in _saved(kb).ids}  # stale on disk

    passages = Retriever(index, embedder, 0.5, lexical.folder(kb)).search("Quintara harbour", 5)
    assert all(p.chunk.source != "docs/alpha.txt" for p in passages)
    assert sorted(_saved(kb).ids) == sorted(index.chunk_ids())


def test_damaged_bm25_files_are_rebuilt(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    (lexical.folder(kb) / lexical.CURRENT).write_text("{not json", encoding="utf-8")
    assert lexical.LexicalIndex.load(lexical.folder(kb)) is None
    index = _open(kb, embedder)
    found = lexical.sync(index, lexical.folder(kb))
    assert _sources(found.top("Quintara", 5)) == {"docs/alpha.txt"}
    _in_step(kb, embedder)


def test_file_name_words_are_indexed_with_each_chunk(kb: Settings, embedder) -> None:
    (kb.corpus[0] / "Tolworth_viaduct-history.txt").write_text("Its arches are built of local brick.\n", encoding="utf-8")
    ingest(kb, embedder=embedder)
    assert _sources(_saved(kb).top("Tolworth viaduct", 5)) == {"docs/Tolworth_viaduct-history.txt"}
    assert lexical.title_words("docs/Tolworth_viaduct-history.txt#0:ab") == "Tolworth viaduct history"


def _scores_by_id(saved: lexical.LexicalIndex, query: str) -> dict[str, float]:
    return {i: round(float(s), 5) for i, s in zip(saved.ids, saved.scores(query))}


QUERIES = ["Quintara harbour cod", "bridge tolls committee report", "vineyards autumn grapes", "morning"]


def test_vectorised_build_equals_bm25s_own_build() -> None:
    """Our numpy build of the BM25 matrix gives bm25s's scores exactly (same formula, same parameters)."""
    import bm25s

    texts = [ALPHA, BETA, GAMMA, ALPHA + GAMMA, "cod cod cod herring", "", "the of and"] * 3
    ids = [f"docs/f{n}.txt#0:{n:04x}" for n in range(len(texts))]
    ours = lexical.LexicalIndex.build(ids, texts)
    theirs = bm25s.BM25()
    theirs.index([lexical.chunk_tokens(i, t) for i, t in zip(ids, texts)], show_progress=False)
    for query in QUERIES + ["f3"]:
        words = [w for w in lexical.tokenize(query) if w in theirs.vocab_dict]
        expected = theirs.get_scores(words)
        assert expected.max() > 0
        assert ours.scores(query) == pytest.approx(expected, rel=1e-5, abs=1e-6)


def test_incremental_sync_reads_only_new_chunks_and_equals_a_fresh_build(
    kb: Settings, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(kb, embedder=embedder)
    corpus = kb.corpus[0]
    (corpus / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    (corpus / "alpha.txt").write_text(ALPHA.replace("Quintara", "Marlowe"), encoding="utf-8")
    (corpus / "beta.txt").unlink()

    read: list[str] = []
    real_texts_of = Index.texts_of

    def spy(self: Index, ids):  # records which chunk texts the sync asked chromadb for
        read.extend(ids)
        return real_texts_of(self, ids)

    real_read = passages._read

    def spy_copy(index: Index, ids):  # the local copy's read, whose texts the BM25 update uses
        read.extend(ids)
        return real_read(index, ids)

    def refuse(self: Index):
        raise AssertionError("a sync must not read every chunk's text")

    for n in range(4):  # unchanged chunks outnumber new ones from here on, so the sync re-uses tokens
        (corpus / f"extra{n}.txt").write_text(f"Note {n} about the lighthouse keeper.\n", encoding="utf-8")
    ingest(kb, embedder=embedder)
    (corpus / "gamma.txt").write_text(GAMMA + "Ferries were also discussed.\n", encoding="utf-8")
    monkeypatch.setattr(Index, "texts_of", spy)
    monkeypatch.setattr(passages, "_read", spy_copy)
    monkeypatch.setattr(Index, "chunk_texts", refuse)
    ingest(kb, embedder=embedder)
    monkeypatch.undo()

    saved = _in_step(kb, embedder)
    assert read and {source_of_chunk_id(i) for i in read} == {"docs/gamma.txt"}
    ids, texts = _open(kb, embedder).chunk_texts()
    fresh = lexical.LexicalIndex.build(ids, texts)
    for query in QUERIES + ["ferries", "lighthouse keeper"]:
        assert _scores_by_id(saved, query) == _scores_by_id(fresh, query)
    assert _sources(saved.top("ferries", 5)) == {"docs/gamma.txt"}


def test_damaged_token_files_fall_back_to_a_full_rebuild(kb: Settings, embedder) -> None:
    ingest(kb, embedder=embedder)
    build = _saved(kb).saved_in
    assert build is not None
    (build / "tokens.npy").write_bytes(b"not numpy")
    (kb.corpus[0] / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    ingest(kb, embedder=embedder)
    saved = _in_step(kb, embedder)
    assert _sources(saved.top("Oyelaran", 5)) == {"docs/gamma.txt"}
    assert _sources(saved.top("Quintara", 5)) == {"docs/alpha.txt"}


def test_ingest_writes_bm25s_files_bm25s_itself_would_write(kb: Settings, embedder, tmp_path: Path) -> None:
    """Ingest saves the BM25 matrix without importing bm25s; bm25s must read it as its own."""
    import bm25s

    ingest(kb, embedder=embedder)
    build = _saved(kb).saved_in
    assert build is not None
    ids, texts = _open(kb, embedder).chunk_texts()
    theirs = bm25s.BM25()
    theirs.index([lexical.chunk_tokens(i, t) for i, t in zip(ids, texts)], show_progress=False)
    theirs.save(str(tmp_path / "theirs"), show_progress=False)
    ours_params = json.loads((build / "params.index.json").read_text())
    theirs_params = json.loads((tmp_path / "theirs" / "params.index.json").read_text())
    assert ours_params == theirs_params
    ours_vocab = json.loads((build / "vocab.index.json").read_text())
    assert set(ours_vocab) == set(json.loads((tmp_path / "theirs" / "vocab.index.json").read_text()))
    loaded = bm25s.BM25.load(str(build), show_progress=False, verbosity=0)
    order = [ids.index(i) for i in _saved(kb).ids]
    for query in ["Quintara harbour cod", "vineyards autumn grapes", "morning"]:
        words = [w for w in lexical.tokenize(query) if w in theirs.vocab_dict]
        assert loaded.get_scores(words) == pytest.approx(theirs.get_scores(words)[order], rel=1e-5, abs=1e-6)


def test_best_positions_are_the_best_scores_first_positions_first_among_equal_ones() -> None:
    """index/topk.py against a sort of every positive score, on scores with many ties (copies of a text),
    with hints of every kind (a query word's chunks, a part of them, none)."""
    from briefbot.index.topk import best_positions

    rng = np.random.default_rng(5)
    for _ in range(3000):
        size = int(rng.integers(1, 400))
        scores = np.zeros(size, np.float32)
        hit = rng.random(size) < rng.random()
        scores[hit] = rng.integers(1, 6, int(hit.sum())).astype(np.float32) * 0.5
        if rng.random() < 0.5:
            scores[hit] += rng.random(int(hit.sum())).astype(np.float32)
        n = int(rng.integers(1, 60))
        hint = np.flatnonzero(scores >= rng.integers(1, 4) * 0.5) if rng.random() < 0.7 else None
        if hint is not None and rng.random() < 0.5:
            hint = hint[rng.random(len(hint)) < 0.7]
        positive = np.flatnonzero(scores > 0)
        expected = positive[np.lexsort((positive, -scores[positive]))][:n]
        assert np.array_equal(best_positions(scores, n, hint), expected)


def test_top_keeps_the_first_of_equal_copies(tmp_path: Path) -> None:
    texts = [f"Filler text number {n} about nothing much." for n in range(30)] + ["The Quintara harbour opened in 1871."] * 8
    ids = [f"docs/f{n:02d}.txt#0:{n:016x}" for n in range(len(texts))]
    built = lexical.LexicalIndex.build(ids, texts)
    top = built.top("Quintara harbour", 5)
    assert [i for i, _ in top] == ids[30:35] and len({s for _, s in top}) == 1
    assert [i for i, _ in built.top("Quintara harbour", 5, source="docs/f33.txt")] == [ids[33]]


def test_an_index_built_with_older_stems_is_rebuilt(kb: Settings, embedder) -> None:
    """A build saved under another FORMAT (stems changed since) is never read: its terms would miss the query's."""
    ingest(kb, embedder=embedder)
    where = lexical.folder(kb)
    meta = json.loads((where / "CURRENT.json").read_text())
    meta["format"] = lexical.FORMAT - 1
    (where / "CURRENT.json").write_text(json.dumps(meta))
    assert lexical.LexicalIndex.load(where) is None
    passages = Retriever(_open(kb, embedder), embedder, 0.5, where).search("Quintara", 2)  # a search rebuilds it
    assert passages[0].chunk.source == "docs/alpha.txt" and passages[0].lexical_score
    assert json.loads((where / "CURRENT.json").read_text())["format"] == lexical.FORMAT
    assert _sources(_in_step(kb, embedder).top("Quintara", 5)) == {"docs/alpha.txt"}
