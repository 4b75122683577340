"""index/words.py: the ASCII shortcut finds exactly the words the regular expressions find."""

from __future__ import annotations

import random
import re

from briefbot.index.words import tokenize, tokenize_spans, word_chars_of, words_of
from briefbot.text.sentences import sentence_spans


def test_ascii_shortcut_finds_what_the_regular_expressions_find() -> None:
    rng = random.Random(7)
    alphabet = list("aZ9_ .,;:-'\"()\t\n\x0b\x0c\x1c\x1f\x7f#£é中İ")
    texts = ["snake_case words_here and CamelCase", "Ünïcödé naïve café", "İstanbul's harbour", "中文。下一句", "___", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(4000)]
    for text in texts:
        lowered = text.lower()
        assert words_of(lowered) == re.findall(r"[^\W_]+", lowered), text
        assert word_chars_of(lowered) == re.findall(r"\w+", lowered), text


def test_sentences_tokenized_together_as_one_by_one() -> None:
    text = "The harbour's 3 ships unloaded grain. Meetings were held_daily! Ünïcödé names: Giannini met İzmir's mayor."
    for t in (text, text.encode("ascii", "ignore").decode()):
        spans = sentence_spans(t)
        assert tokenize_spans(t, spans) == [tokenize(t[s:e]) for s, e in spans]
        assert tokenize_spans(t, spans) == tokenize_spans(t, spans)  # (the second time from remembered stems)


def test_a_short_verb_in_ue_meets_its_inflections() -> None:
    """Snowball stems "sue" to "sue" but "sued" to "su": "Who did Parmalat sue?" never met "Bondi sued ..."."""
    assert tokenize("sue") == tokenize("sued") == tokenize("suing") == tokenize("sues")
    assert tokenize("queue queued glue glued") == tokenize("queues queue glues glue")
    assert tokenize("issue issued continued continue") == tokenize("issues issue continue continues")
    text = "Bondi sued Morgan Stanley. The firm will sue again."
    assert tokenize_spans(text, sentence_spans(text)) == [tokenize("Bondi sue Morgan Stanley"), tokenize("firm sue again")]


def test_short_texts_remembered_give_the_same_tokens_as_read_now() -> None:
    """A query is tokenized four times a search, so short texts' tokens are remembered: each call still gets a list
    of its own, and a text too long to remember gets the same tokens as read now."""
    from briefbot.index import words

    for text in ("Who reviewed the bridge tolls?", "長城是中國的 meetings", "x" * words._SHORT, "word " * words._SHORT):
        first = tokenize(text)
        assert first == words._tokenize(text)
        first.append("changed")  # a caller's list is its own
        assert tokenize(text) == words._tokenize(text)
    words._tokenize_short.cache_clear()
    tokenize("Who reviewed the bridge tolls?")
    tokenize("word " * words._SHORT)
    assert words._tokenize_short.cache_info().currsize == 1  # (the long one is not kept)


def test_a_noun_meets_its_verb_and_a_past_form_its_present() -> None:
    """Snowball keeps "production" ("product") from "produced" ("produc"), and "rose" from "rise": "How much did crop
    production rise?" missed "Ethiopia produced 14.27 million tonnes ..., 24% higher" and "profits rose"."""
    assert tokenize("production products product") == tokenize("produced produce producing")
    assert tokenize("consumption description conclusion decision") == tokenize("consumed describe concluded decided")
    assert tokenize("rose fell grew sold bought paid made took written") == tokenize(
        "rise falls grow sells buying pay make take wrote"
    )
    # words that are also other words are left alone; a name is folded the same way everywhere it is read
    assert tokenize("left found saw won thought born") == ["left", "found", "saw", "won", "thought", "born"]
    assert tokenize("Rose Kennedy") == tokenize("rose kennedy")
    text = "Ethiopia produced more crops. Profits rose. Production rose again and rose."
    assert tokenize_spans(text, sentence_spans(text)) == [
        tokenize("Ethiopia production more crop"), tokenize("profit rise"), tokenize("produce rise again rise")
    ]


def test_keyword_search_finds_the_past_form_of_the_asked_verb(tmp_path, embedder) -> None:
    """BM25 alone: "How much did Acme's profits rise?" ranks "Profits at Acme rose 20% ..." first. With "rose" apart
    from "rise", the shorter preview (which has "Acme" and "profits" too) ranked first."""
    from .conftest import indexed_bot

    files = {
        "results.txt": "Profits at Acme rose 20% to $5m in the year to March, the company said on Tuesday, helped by "
        "strong sales of its garden tools in Europe and America.\n",
        "preview.txt": "Acme profits: analysts watch the garden tools maker.\n",
    }
    bot = indexed_bot(tmp_path, files, embedder, lexical_weight=1.0, rerank=False, multihop=False)
    ranked = bot.search("How much did Acme's profits rise?")
    assert [p.chunk.source.rsplit("/", 1)[-1] for p in ranked] == ["results.txt", "preview.txt"]
    assert ranked[0].score > ranked[1].score
