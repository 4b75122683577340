from briefbot.text.sentences import paragraphs, sentence_spans, split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_titles_and_initials_do_not_end_sentences() -> None:
    t = "Mr. LI Ming met Prof. JIN Li and Dr. J. Smith. They talked. Ms.SU Rui left."
    assert texts(t) == ["Mr. LI Ming met Prof. JIN Li and Dr. J. Smith.", "They talked.", "Ms.SU Rui left."]
    patent = "It claims priority from U.S. Ser. No. 61/819,547 filed May 4, 2013. See U.S. Pat. No. 4,039,299 and Eq. 3."
    assert texts(patent) == [
        "It claims priority from U.S. Ser. No. 61/819,547 filed May 4, 2013.", "See U.S. Pat. No. 4,039,299 and Eq. 3."
    ]


def test_sentence_spans_map_back_exactly() -> None:
    t = "  One here!  Two there?\nThree (with e.g. an aside) ends.  "
    for s, e in sentence_spans(t):
        assert t[s:e] == t[s:e].strip() and t[s:e]


def test_wrapped_lines_join_but_complete_lines_split() -> None:
    t = "A sentence that is\nwrapped over lines.\nNext line stands alone.\n\n# Heading\n- item one\n- item two"
    paras = [t[s:e] for s, e in paragraphs(t)]
    assert paras[0] == "A sentence that is\nwrapped over lines."
    assert "Next line stands alone." in paras
    assert "# Heading" in paras and "- item one" in paras


def test_paragraph_numbers_increase() -> None:
    spans = split_sentences("One. Two.\n\nThree.")
    assert [s.paragraph for s in spans] == [0, 0, 1]


def test_a_speakers_turn_starts_a_new_paragraph_after_an_unfinished_line() -> None:
    # Spoken turns trail off without punctuation; quoting one must not glue the next speaker's turn to it.
    t = ("Marketing: But can we really afford it 'cause it looks like a main cost\n"
         "Project Manager: Mm-hmm .\nPhD A: Three hundred overlapping speech {disfmarker}\n"
         "Grad A: Can you mail that out ?\nA wrapped line that goes on\nto finish here: with a colon.")
    paras = [t[s:e] for s, e in paragraphs(t)]
    assert paras[:4] == [
        "Marketing: But can we really afford it 'cause it looks like a main cost", "Project Manager: Mm-hmm .",
        "PhD A: Three hundred overlapping speech {disfmarker}", "Grad A: Can you mail that out ?",
    ]
    assert paras[4] == "A wrapped line that goes on\nto finish here: with a colon."  # not a speaker label


def test_a_chat_exports_message_lines_are_turns() -> None:
    """bench/userbriefs2: "[09:04] Sam Whitlock: morning, coffee first then I'm useful" ran on into the next message,
    and a brief quoted both as one sentence."""
    from briefbot.answer.extract.speakers import label_of

    t = ("[09:04] Sam Whitlock: morning, coffee first then I'm useful\n"
         "[09:05] Maya Chen: Okay, main thing for today: we need to decide whether v4.2 goes out on Thursday.\n"
         "[2026-11-30 09:16] Maya Chen: Decision: v4.2 ships on Thursday.\n")
    paras = [t[s:e] for s, e in paragraphs(t)]
    assert paras == ["[09:04] Sam Whitlock: morning, coffee first then I'm useful",
                     "[09:05] Maya Chen: Okay, main thing for today: we need to decide whether v4.2 goes out on Thursday.",
                     "[2026-11-30 09:16] Maya Chen: Decision: v4.2 ships on Thursday."]
    assert [label_of(p) for p in paras] == ["Sam Whitlock", "Maya Chen", "Maya Chen"]
    assert label_of("[see note 4] The plan was: go.") is None


def test_the_sentence_end_pattern_matches_its_plain_form() -> None:
    """The pattern is written to start with one character class (so the regex engine skips between
    marks); it must find exactly what the plain form finds."""
    import random
    import re

    from briefbot.text.sentences import _SENT_END

    plain = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s|$)|[。！？]++[」』”’）)]*+")
    rng = random.Random(3)
    alphabet = ["a", "B", " ", "\n", ".", "!", "?", "…", "。", "！", "？", "」", "』", "”", "’", "）", ")", "]", "\"", "'", "e.g", "Mr"]
    cases = ["Mr. Smith left... Then? Yes!\" he said.) Fine.", "中文。下一句！好」。x", "a.. b", "…", "", "end."]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in cases:
        assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_a_lone_capital_ends_a_sentence_when_a_sentence_opens_after_it() -> None:
    t = "Bake at 180° C. The cakes rise. Take vitamin C. It helps. Dr. J. A. Smith and Harry S. Truman met."
    assert texts(t) == ["Bake at 180° C.", "The cakes rise.", "Take vitamin C.", "It helps.",
                        "Dr. J. A. Smith and Harry S. Truman met."]


def test_a_list_items_hanging_indent_goes_on_with_the_item() -> None:
    """Minutes and e-mails wrap a list item under itself ("4. The dividend was deferred until\\n   the accounts are
    signed."): the item's sentence runs on (it was cut at "until"); a title-like item does not run into the text below."""
    from briefbot.text.sentences import split_sentences

    t = ("4. The proposed dividend was deferred until\n   the audited accounts are signed.\n"
         "5. The board met twice.\n   - a nested item\n")
    assert [t[s.start : s.end] for s in split_sentences(t)] == [
        "4.", "The proposed dividend was deferred until\n   the audited accounts are signed.", "5.", "The board met twice.",
        "- a nested item",
    ]
    t = "1. Field of the Invention \n     The present invention relates to log rollers."
    assert [t[s.start : s.end] for s in split_sentences(t)][-1] == "The present invention relates to log rollers."
