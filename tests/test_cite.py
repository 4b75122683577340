from briefbot.answer.verify.cite import check_citations
from briefbot.schema import Chunk, Draft, Passage


def passages(n: int) -> list[Passage]:
    return [
        Passage(Chunk(f"doc{i}.txt", 0, f"text {i}", i, i + 1, 0, 6, 2, f"h{i}"), score=1 - i / 10)
        for i in range(1, n + 1)
    ]


def test_markers_renumbered_by_first_use_and_unknown_dropped() -> None:
    draft = Draft("Alpha holds [3]. Beta too [1][9]. Gamma [3, 1] and [12].", answered=True, model="m")
    answer = check_citations("q", draft, passages(5))
    assert answer.text == "Alpha holds [1]. Beta too [2]. Gamma [1][2] and."
    assert [(c.n, c.source) for c in answer.citations] == [(1, "doc3.txt"), (2, "doc1.txt")]
    assert answer.invalid_citations == [9, 12]


def test_only_cited_passages_are_sources() -> None:
    answer = check_citations("q", Draft("Only this [2].", True, "m"), passages(4))
    assert [c.source for c in answer.citations] == ["doc2.txt"]
    assert answer.to_dict()["citations"][0] == {
        "n": 1, "source": "doc2.txt", "start_line": 2, "end_line": 3, "text": "text 2", "score": 0.8,
        "page": None, "location": "doc2.txt:2-3", "section": None,
    }
