"""Chinese and Japanese: character pairs in the keyword index, sentences ended by 。！？, answers cited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from .conftest import run_cli

from briefbot.index.lexical import LexicalIndex, tokenize
from briefbot.text.sentences import sentence_spans

WALL = """長城

長城是中國古代的軍事防禦工程。它始建於春秋戰國時期，秦始皇統一中國後將各段城牆連接起來。
明代重修的長城大部分至今仍然保存。長城全長約兩萬一千公里。
"""
PALACE = """故宮

故宮位於北京中軸線的中心，是明清兩代的皇家宮殿。故宮於一四零六年開始建設。
"""
HARBOUR = "The harbour master closed the east channel after the storm. The wall of the harbour is made of granite.\n"


def test_cjk_text_is_indexed_as_character_pairs() -> None:
    assert tokenize("長城是中國") == ["長城", "城是", "是中", "中國"]
    assert tokenize("長") == ["長"]
    assert tokenize("Great Wall 長城 walls") == ["great", "wall", "長城", "wall"]  # English still stemmed
    assert tokenize("東京タワー") == ["東京", "京タ", "タワ", "ワー"]
    lex = LexicalIndex.build(["wall.txt#0:a", "palace.txt#0:b"], [WALL, PALACE])
    scores = lex.scores("長城")
    assert scores[0] > 0 and scores[1] == 0


def test_sentences_end_at_chinese_and_japanese_stops() -> None:
    text = "長城是中國古代的軍事防禦工程。它始建於春秋戰國時期！你知道嗎？東京タワーは1958年に完成した。"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "長城是中國古代的軍事防禦工程。", "它始建於春秋戰國時期！", "你知道嗎？", "東京タワーは1958年に完成した。"
    ]
    mixed = "「長城はどこですか？」と彼は聞いた。 Then he left."
    assert [mixed[s:e] for s, e in sentence_spans(mixed)][-1] == "Then he left."


@pytest.fixture(scope="module")
def china(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("china")
    (root / "corpus").mkdir()
    (root / "corpus" / "wall.txt").write_text(WALL, encoding="utf-8")
    (root / "corpus" / "palace.txt").write_text(PALACE, encoding="utf-8")
    (root / "corpus" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def test_search_finds_a_chinese_word(china: Path) -> None:
    r = run_cli("search", "長城", "--json", "--no-refresh", cwd=china)
    assert r.returncode == 0, r.stderr
    top = json.loads(r.stdout)["passages"][0]
    assert top["source"] == "corpus/wall.txt" and top["lexical_score"] > 0


def test_a_chinese_question_is_answered_and_cited(china: Path) -> None:
    r = run_cli("ask", "長城全長多少公里？", "--json", "--no-refresh", cwd=china)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["answered"]
    assert data["answer"].startswith("長城全長約兩萬一千公里。")  # the one sentence, cut at 。
    assert "明代" not in data["answer"]
    [c] = data["citations"]
    assert (c["source"], c["start_line"], c["end_line"]) == ("corpus/wall.txt", 4, 4)
    r = run_cli("ask", "故宮於哪一年開始建設？", "--no-refresh", cwd=china)
    assert r.returncode == 0, r.stderr
    assert "故宮於一四零六年開始建設。" in r.stdout and "corpus/palace.txt:3-3" in r.stdout
