"""Names spelled another way find the document's spelling through BM25 (index/spelling.py)."""

from __future__ import annotations

from briefbot.index.lexical import LexicalIndex, tokenize
from briefbot.index.spelling import Spelling, distance

DOCS = {
    "prophet.txt#0:a": "Mohammed founded the community at Medina after leaving Mecca.",
    "composer.txt#0:b": "Pyotr Chaikovsky wrote the ballet Swan Lake for the Bolshoi Theatre.",
    "meeting.txt#0:c": "Ms. Stephania Giannini met the delegation during Digital Learning Week.",
    "harbour.txt#0:d": "The harbour master closed the east channel after the storm.",
}


def test_distance_lets_a_stem_lose_its_ending() -> None:
    assert distance("tchaikovski", "chaikovski") == 1
    assert distance("muhammad", "moham") == 1  # "mohammed" is stemmed to "moham"
    assert distance("gianini", "giannini") == 1
    assert distance("harbour", "channel") > 2


def test_close_words_only_for_long_enough_words() -> None:
    spelling = Spelling(sorted({t for text in DOCS.values() for t in tokenize(text)}))
    assert spelling.close("muhammad") == ["moham"]
    assert spelling.close("tchaikovski") == ["chaikovski"]
    assert spelling.close("gianini") == ["giannini"]
    assert spelling.close("meca") == []  # under five letters: too many neighbours
    assert spelling.close("zzzzzzz") == []


def test_bm25_finds_the_document_spelling() -> None:
    ids, texts = list(DOCS), list(DOCS.values())
    lex = LexicalIndex.build(ids, texts)
    for query, source in (
        ("Where did Muhammad found the community?", "prophet.txt#0:a"),
        ("Which ballet did Tchaikovsky write?", "composer.txt#0:b"),
        ("Whom did Stefania Gianini meet?", "meeting.txt#0:c"),
    ):
        top = lex.top(query, 1)
        assert top and top[0][0] == source, query
    # A word the index has is scored as it is: close spellings are looked up only for words it lacks.
    assert lex.close_terms(["harbour"]) == ["harbour"]  # (it would match itself)
    assert list(lex.scores("harbour channel")) == list(lex.model.get_scores(["harbour", "channel"]))
    exact = lex.scores("Chaikovsky")
    close = lex.scores("Tchaikovsky")
    n = ids.index("composer.txt#0:b")
    assert 0 < close[n] < exact[n]  # a close spelling counts, a little below the document's own


def reference_distance(a: str, b: str, free: int = 3) -> int:
    """The full table, as first written: the plain edit distance with up to ``free`` letters free at either end."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb)))
        rows.append(row)
    ends = [rows[len(a)][j] for j in range(max(0, len(b) - free), len(b) + 1)]
    ends += [rows[i][len(b)] for i in range(max(0, len(a) - free), len(a))]
    return min(ends)


def test_distance_and_its_early_stop_agree_with_the_full_table() -> None:
    import random

    rng = random.Random(11)
    for _ in range(5000):
        a = "".join(rng.choice("aeimnorst") for _ in range(rng.randint(0, 11)))
        b = "".join(rng.choice("aeimnorst") for _ in range(rng.randint(0, 11)))
        d = reference_distance(a, b)
        assert distance(a, b) == d, (a, b)
        for limit in (0, 1, 2, 3):
            got = distance(a, b, limit=limit)
            assert got == d if d <= limit else got > limit, (a, b, limit)
