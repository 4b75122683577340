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
