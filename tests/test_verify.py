"""The support checker (answer/verify/verify.py) and how cite.py applies it to a draft: real MiniLM, real passages."""

from __future__ import annotations

import pytest

from briefbot.answer.verify.cite import (
    NOT_ANSWERED,
    NOT_ANSWERED_REASON,
    NOTHING_SUPPORTED,
    check_citations,
    is_lead_in,
    points_only,
    sentences,
)
from briefbot.answer.verify.verify import Verifier, dates, names, numbers
from briefbot.errors import ConfigError
from briefbot.schema import Chunk, Draft, Passage
from briefbot.settings import load_settings

from .conftest import SEED

MEETING = SEED.read_text(encoding="utf-8").split("\n")[0]  # the first paragraph: date, people, roles
HARBOUR = (
    "The harbour of Port Elena opened in 1901 after eleven years of work. It cost 1,250,000 pounds, "
    "paid by the town council. Dr. Ana Ruiz, the chief engineer, designed its two breakwaters."
)
OTHER = "The lighthouse was automated in 1987. Its keeper, Tom Hale, moved to the mainland the same year."


@pytest.fixture(scope="module")
def verifier(embedder) -> Verifier:
    return Verifier(embedder)


def check(verifier: Verifier, sentence: str, *texts: str):
    return verifier.check(sentence, list(texts), list(range(1, len(texts) + 1)))


def test_number_formats_are_one_value() -> None:
    assert set(numbers("1,000 or 1000 or a thousand")) == {"1000"}
    assert set(numbers("2.5 million")) == set(numbers("2,500,000")) == {"2500000"}
    assert set(numbers("September 6th, 2023")) == set(numbers("6 September 2023")) == {"6", "2023"}
    assert set(numbers("three breakwaters")) == {"3"} and numbers("one of them") == {}
    assert dates("on 6 Sept. 2023, a Monday") == {"september", "monday"}


def test_names_leave_out_titles_months_and_the_first_word() -> None:
    assert names("Ms. Stephania Giannini met LI Ming and J. Smith of UNESCO-ICHEI in Paris in September.") == [
        "Stephania", "Giannini", "LI", "Ming", "J", "Smith", "UNESCO", "ICHEI", "Paris",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "On September 6th, 2023, during UNESCO Digital Learning Week, the delegation of UNESCO-ICHEI had a meeting "
            "with Ms. Stephania Giannini, Assistant Director-General for Education at UNESCO, and her colleagues from "
            "the higher education sector."
        ),  # a verbatim quote
        "The delegation met Stephania Giannini on 6 September 2023.",  # date written the other way round
        "Giannini appreciated the rapid expansion of the IIOE global network.",  # surname alone
        "S. Giannini highly appreciated the role of UNESCO-ICHEI in the transformation of higher education.",  # initial
        "Li Ming, director of UNESCO-ICHEI, attended the meeting with Ms. Giannini.",  # "LI Ming" in the text
    ],
)
def test_supported_variants_of_the_meeting(verifier: Verifier, sentence: str) -> None:
    verdict = check(verifier, sentence, MEETING)
    assert verdict.supported, verdict.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour opened in 1901 after 11 years of work.",
        "It cost 1.25 million pounds, paid by the town council.",
        "Ana Ruiz designed the harbour's two breakwaters.",
        "Dr. Ruiz was the chief engineer of the harbour.",
    ],
)
def test_supported_paraphrases_with_number_and_name_variants(verifier: Verifier, sentence: str) -> None:
    verdict = check(verifier, sentence, HARBOUR)
    assert verdict.supported, verdict.reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The harbour of Port Elena opened in 1904 after eleven years of work.", "number 1904 not in [1]"),
        ("It cost 1,350,000 pounds, paid by the town council.", "number 1,350,000 not in [1]"),
        ("The harbour opened in 1901 after twelve years of work.", "number twelve not in [1]"),
        ("The delegation met Stephania Giannini on 6 October 2023.", "date October not in [1]"),
        ("Dr. Maria Lopez, the chief engineer, designed its two breakwaters.", "name Maria not in [1]"),
        ("The capital of Peru is Lima.", "name Peru not in [1]"),
    ],
)
def test_swapped_numbers_dates_and_names_are_unsupported(verifier: Verifier, sentence: str, reason: str) -> None:
    passage = MEETING if "Giannini" in sentence or "Peru" in sentence else HARBOUR
    verdict = check(verifier, sentence, passage)
    assert not verdict.supported and verdict.reason == reason


def test_a_sentence_against_an_unrelated_passage_is_unsupported(verifier: Verifier) -> None:
    claim = "The keeper moved to the mainland in the year the lighthouse was automated."
    verdict = check(verifier, claim, HARBOUR)
    assert not verdict.supported and verdict.reason.startswith("low similarity")
    assert check(verifier, claim, OTHER).supported
    assert check(verifier, "The keeper moved to the mainland.", HARBOUR, OTHER).supported  # any cited passage may hold it
    assert verifier.check("The harbour opened in 1901.", []).reason == "cites no passage"


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # what Qwen2.5-Coder-1.5B answered to "Who is the chief of the IIOE?": every word is in the passage
        ("The chief of the IIOE is Prof. JIN Li, Chair Professor and Acting Dean of School of Business [1].",
         "'chief' is said of XUE Feng, not of JIN Li, in [1]"),
        ("The deputy chief of the IIOE is XUE Feng [1].", "'deputy' is said of SU Rui, not of XUE Feng, in [1]"),
        ("BI Xiaohan is a professor of neurobiology [1].", "'Professor' is said of HOU Sheng Tao, not of BI Xiaohan, in [1]"),
    ],
)
def test_a_role_the_list_gives_someone_else_is_unsupported(verifier: Verifier, sentence: str, reason: str) -> None:
    verdict = check(verifier, sentence, MEETING)
    assert not verdict.supported and verdict.reason == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The chief of the IIOE is Mr. XUE Feng [1].",
        "XUE Feng is chief of the IIOE [1].",
        "SU Rui is deputy chief of IIOE [1].",
        "HOU Sheng Tao is a professor of neurobiology [1].",
        "LI Ming is the director of UNESCO-ICHEI [1].",
        "LI Ming, director of UNESCO-ICHEI, and XUE Feng, chief of IIOE, took part in the meeting [1].",  # two people
    ],
)
def test_a_listed_persons_own_role_is_supported(verifier: Verifier, sentence: str) -> None:
    assert check(verifier, sentence, MEETING).supported


# --- the rules for sentences that cite nothing or only point at passages -----------------------------


@pytest.mark.parametrize(
    ("text", "lead_in"),
    [
        ("Here is what the documents say:", True),
        ("According to the passages, here is a summary.", True),
        ("Based on the provided context, the key points are:", True),
        ("The documents describe the meeting as follows:", True),
        ("The capital of Peru is Lima.", False),  # a claim
        ("In 2023 the following happened:", False),  # a number is a claim
        ("The meeting in Paris covered three topics:", False),  # a name, a number
        ("Giannini met the delegation.", False),
        ("Here is what the documents say about the meeting between the two organisations and their plans for the next decade:", False),
    ],
)
def test_lead_in_rule(text: str, lead_in: bool) -> None:
    assert is_lead_in(text) is lead_in


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ("This can be found in passage [1].", True),
        ("Passages [1], [2], [3], [4]", True),
        ("See [2].", True),
        ("[3]", True),
        ("More details are given in the sources above [1][2].", True),
        ("The passages describe the meeting [1].", False),
        ("The harbour opened in 1901 [1].", False),
    ],
)
def test_pointer_only_rule(text: str, pointer: bool) -> None:
    (s,) = sentences(text)
    assert points_only(s) is pointer


def test_markers_after_the_full_stop_and_closing_a_run_belong_to_the_sentences() -> None:
    got = sentences("The capital of Peru is Lima. [1] It opened in 1901. It cost a lot [2].\n\nNew paragraph.")
    assert [(s.text, s.cited) for s in got] == [
        ("The capital of Peru is Lima.", [1]),
        ("It opened in 1901.", [2]),
        ("It cost a lot.", [2]),
        ("New paragraph.", []),
    ]
    assert got[1].inherited and not got[2].inherited


# --- check_citations: what is shown, what is reported --------------------------------------------------


def passages(*texts: str) -> list[Passage]:
    return [
        Passage(Chunk(f"doc{i}.txt", 0, t, 1, 3, 0, len(t), 10, f"h{i}"), score=1 - i / 10)
        for i, t in enumerate(texts, 1)
    ]


def test_unsupported_sentences_removed_and_reported(verifier: Verifier) -> None:
    draft = Draft(
        "Here is what the documents say: the harbour opened in 1901 after eleven years of work [2]. "
        "The capital of Peru is Lima [2]. The lighthouse was automated in 1987 [9]. "
        "The town council paid for it. This can be found in passage [2].\n\nSources:\n- [2] doc2.txt\n- [1] doc1.txt",
        answered=True,
        model="m",
    )
    answer = check_citations("q", draft, passages(OTHER, HARBOUR), verifier)
    assert answer.answered and answer.verified
    assert answer.text == "Here is what the documents say: the harbour opened in 1901 after eleven years of work [1]."
    assert [c.source for c in answer.citations] == ["doc2.txt"]  # only passages backing a kept sentence
    assert [(u.sentence, u.cited, u.reason) for u in answer.unsupported] == [
        ("The capital of Peru is Lima.", [2], "name Peru not in [2]"),
        ("The lighthouse was automated in 1987.", [9], "cites [9], but only 2 passages were given"),
        ("The town council paid for it.", [], "cites no passage"),
    ]
    assert answer.invalid_citations == [9]
    assert answer.raw_text == draft.text
    assert answer.to_dict()["unsupported"][0] == {"sentence": "The capital of Peru is Lima.", "cited": [2], "reason": "name Peru not in [2]"}


def test_without_removal_the_raw_answer_is_shown_and_still_checked(verifier: Verifier) -> None:
    draft = Draft("The harbour opened in 1901 [2]. The capital of Peru is Lima [1].", answered=True, model="m")
    answer = check_citations("q", draft, passages(OTHER, HARBOUR), verifier, remove=False)
    assert answer.text == "The harbour opened in 1901 [1]. The capital of Peru is Lima [2]."
    assert not answer.verified and [u.reason for u in answer.unsupported] == ["name Peru not in [1]"]


def test_a_supported_answer_to_a_question_found_unanswerable_is_declined_and_reported(verifier: Verifier) -> None:
    # what bench/llm.py scores for a reply the model wrote (api.ask no longer asks the model in this case)
    draft = Draft("The harbour opened in 1901 [2].", answered=True, model="m")
    answer = check_citations("q", draft, passages(OTHER, HARBOUR), verifier, answerable=False)
    assert answer.text.startswith(NOT_ANSWERED.split(";")[0]) and not answer.answered and answer.citations == []
    assert [(u.sentence, u.reason) for u in answer.unsupported] == [("The harbour opened in 1901.", NOT_ANSWERED_REASON)]
    shown = check_citations("q", draft, passages(OTHER, HARBOUR), verifier, remove=False, answerable=False)
    assert shown.answered and shown.text == "The harbour opened in 1901 [1]."
    assert [u.reason for u in shown.unsupported] == [NOT_ANSWERED_REASON]


def test_nothing_supported_becomes_a_decline(verifier: Verifier) -> None:
    draft = Draft("The capital of Peru is Lima. [1]", answered=True, model="m")
    answer = check_citations("What is the capital of Peru?", draft, passages(MEETING), verifier)
    assert not answer.answered and answer.text == NOTHING_SUPPORTED and "Lima" not in answer.text
    assert answer.citations == [] and len(answer.passages) == 1  # the nearest passages are shown instead
    assert answer.to_dict()["answered"] is False


def test_extractive_style_answer_is_kept_whole(verifier: Verifier) -> None:
    quote = MEETING.split(". Mr. LI")[0] + "."
    draft = Draft(f"{quote} UNESCO-ICHEI introduced its ongoing programmes and future prospects and listened to "
                  "the guidance and constructive comments from Ms. Giannini. [1]", answered=True, model="extractive")
    answer = check_citations("q", draft, passages(MEETING), verifier)
    assert answer.unsupported == [] and answer.text == draft.text
    declined = check_citations("q", Draft("The documents do not answer this question.", False, "extractive"), passages(MEETING), verifier)
    assert declined.unsupported == [] and not declined.answered  # a decline is not checked


def test_verify_setting_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().verify is True
    monkeypatch.setenv("BRIEFBOT_VERIFY", "0")
    assert load_settings().verify is False
    monkeypatch.setenv("BRIEFBOT_VERIFY", "maybe")
    with pytest.raises(ConfigError, match="BRIEFBOT_VERIFY.*verify"):
        load_settings()


def test_a_kept_sentence_keeps_the_marker_of_its_run_when_the_closing_sentence_goes(verifier: Verifier) -> None:
    draft = Draft("The harbour opened in 1901 after eleven years of work. The capital of Peru is Lima [1].", True, "m")
    answer = check_citations("q", draft, passages(HARBOUR), verifier)
    assert answer.text == "The harbour opened in 1901 after eleven years of work [1]."
    assert [u.sentence for u in answer.unsupported] == ["The capital of Peru is Lima."]


def test_every_kept_sentence_of_a_models_run_shows_its_marker(verifier: Verifier) -> None:
    # A model closes three sentences with one marker; the reader sees each claim cited where it stands
    # (a BBC brief from the real 1.5B model came back this way). An extractive quote of consecutive
    # sentences keeps its one closing marker (previous test).
    draft = Draft("The harbour of Port Elena opened in 1901. It cost 1,250,000 pounds, paid by the town council. "
                  "Dr. Ana Ruiz designed its two breakwaters [1].", True, "m")
    answer = check_citations("q", draft, passages(HARBOUR), verifier)
    assert answer.text == ("The harbour of Port Elena opened in 1901 [1]. It cost 1,250,000 pounds, paid by the town "
                           "council [1]. Dr. Ana Ruiz designed its two breakwaters [1].")
    assert answer.unsupported == []


class _Counting:
    """The real embedder, counting its calls: the checker's speed comes from calling it rarely."""

    def __init__(self, inner) -> None:
        self.inner, self.calls, self.dim = inner, 0, inner.dim

    def embed(self, texts):
        self.calls += 1
        return self.inner.embed(texts)


def test_the_model_is_asked_once_per_answer_and_never_when_a_rule_decides(embedder) -> None:
    counting = _Counting(embedder)
    v = Verifier(counting)  # type: ignore[arg-type]
    assert not v.check("The harbour cost 9,000 pounds.", [HARBOUR], [1]).supported  # a missing number decides
    assert not v.check("Quantum chromodynamics describes gluons.", [HARBOUR], [1]).supported  # too few words found
    assert counting.calls == 0
    draft = Draft(
        "The harbour of Port Elena took eleven years to build [1]. Its breakwaters were designed by Dr. Ana Ruiz [1]. "
        "The town council paid for the harbour [1]. Tom Hale kept the lighthouse [2].",
        answered=True,
        model="m",
    )
    answer = check_citations("q", draft, passages(HARBOUR, OTHER), v)
    assert counting.calls == 1  # every sentence and every cited passage in one batch
    assert answer.unsupported == [] and answer.text.count("[") == 4
    # and the verdicts are the ones the unbatched checker gives
    fresh = Verifier(embedder)
    for s, cited in (("The town council paid for the harbour.", HARBOUR), ("Tom Hale kept the lighthouse.", OTHER)):
        assert fresh.check(s, [cited], [1]).supported == v.check(s, [cited], [1]).supported


def test_an_answer_whose_first_claim_goes_is_declined_a_brief_is_not(verifier: Verifier) -> None:
    # a small model's answer to an unanswerable question: an invented answer, then a true sentence beside the point
    draft = Draft(
        "The harbour of Port Elena closed in 1955 [1]. Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1].",
        answered=True,
        model="m",
    )
    answer = check_citations("When did the harbour close?", draft, passages(HARBOUR), verifier, lead_decides=True)
    assert not answer.answered and answer.text.startswith("The answer's first claim is not supported")
    assert [u.reason for u in answer.unsupported] == ["number 1955 not in [1]"]
    assert answer.raw_text == draft.text and answer.short_answer is None
    brief = check_citations("brief", draft, passages(HARBOUR), verifier)  # a brief keeps what holds
    assert brief.answered and brief.text == "Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1]."
    # a lead-in that claims nothing is not the first claim
    lead_in = Draft("Here is what I found: the harbour opened in 1901 [1]. It closed in 1955 [1].", True, "m")
    kept = check_citations("q", lead_in, passages(HARBOUR), verifier, lead_decides=True)
    assert kept.answered and kept.text == "Here is what I found: the harbour opened in 1901 [1]."
    # a bare "Yes [1]." is not the claim: the sentence after it is, and it holds
    polar = Draft("Yes [1]. The harbour of Port Elena opened in 1901 [1].", True, "m")
    kept = check_citations("Did the harbour open in 1901?", polar, passages(HARBOUR), verifier, lead_decides=True)
    assert kept.answered and kept.text == "The harbour of Port Elena opened in 1901 [1]."
    unverified = check_citations("q", draft, passages(HARBOUR), verifier, remove=False, lead_decides=True)
    assert unverified.answered and unverified.text == draft.text  # --no-verify shows it all


def test_a_sentence_citing_the_wrong_passage_is_re_cited_to_the_one_that_supports_it(verifier: Verifier) -> None:
    # what the real 1.5B model did on 9 of the 14 right answers verification removed: the right claim, the wrong number
    draft = Draft(
        "Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1]. The capital of Peru is Lima [1].",
        answered=True,
        model="m",
    )
    answer = check_citations("Who designed the breakwaters?", draft, passages(OTHER, HARBOUR), verifier, lead_decides=True)
    assert answer.answered and answer.text == "Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1]."
    assert [c.source for c in answer.citations] == ["doc2.txt"]  # the harbour passage, which says it
    assert [u.sentence for u in answer.unsupported] == ["The capital of Peru is Lima."]  # supported by none: removed
    assert answer.notes == ["1 sentence cited a passage that does not support it; the citation now points to the given passage that does"]
    raw = check_citations("q", draft, passages(OTHER, HARBOUR), verifier, remove=False)
    assert raw.text.startswith("Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1].") and raw.notes == []


def test_a_re_cited_sentence_that_closed_a_run_leaves_the_run_its_own_marker(verifier: Verifier) -> None:
    draft = Draft("The lighthouse was automated in 1987. Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1].", True, "m")
    answer = check_citations("q", draft, passages(OTHER, HARBOUR), verifier, lead_decides=True)
    assert answer.text == (
        "The lighthouse was automated in 1987 [1]. Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [2]."
    )
    assert [c.source for c in answer.citations] == ["doc1.txt", "doc2.txt"] and answer.unsupported == []


def test_a_sentence_of_a_run_citing_the_wrong_passage_is_re_cited_too(verifier: Verifier) -> None:
    # the real 1.5B model quoted the right passage's sentence, then closed the run with the wrong numbers: the
    # quoted sentence is re-cited to the passage that says it, the run's last sentence keeps its own marker
    draft = Draft("Dr. Ana Ruiz, the chief engineer, designed its two breakwaters. The lighthouse was automated in 1987 [1].",
                  True, "m")
    answer = check_citations("Who designed the breakwaters?", draft, passages(OTHER, HARBOUR), verifier, lead_decides=True)
    assert answer.answered and answer.unsupported == []
    assert answer.text == (
        "Dr. Ana Ruiz, the chief engineer, designed its two breakwaters [1]. The lighthouse was automated in 1987 [2]."
    )
    assert [c.source for c in answer.citations] == ["doc2.txt", "doc1.txt"]


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("The movement began in the US in the 1950s.", "The American civil rights movement began in the 1950s."),
        ("About 13 per cent of British pupils attend such schools.", "About 13 per cent of pupils in the UK attend such schools."),
        ("The treaty was signed by the USSR.", "The treaty was signed by the Soviet Union."),
    ],
)
def test_a_country_named_another_way_is_found(verifier: Verifier, sentence: str, passage: str) -> None:
    verdict = verifier.check(sentence, [passage], [1])
    assert verdict.supported, verdict.reason


def test_a_country_variant_does_not_stand_for_another_country(verifier: Verifier) -> None:
    verdict = verifier.check("The movement began in the UK in the 1950s.", ["The American civil rights movement began in the 1950s."], [1])
    assert not verdict.supported and verdict.reason == "name UK not in [1]"


def test_a_markdown_tables_row_as_answers_quote_it_is_quoted(verifier: Verifier) -> None:
    # the offline answer to "how many people did the charity help in 2024/25?" was removed as unsupported
    table = ("## Key figures\n\n| | 2024/25 | 2023/24 |\n|---|---|---|\n| Total income | £6,842,000 | £6,115,000 |\n"
             "| People supported | 3,214 | 2,870 |\n| Active volunteers | 412 | 365 |\n")
    verdict = check(verifier, "People supported; 2024/25: 3,214; 2023/24: 2,870 [1]", table)
    assert verdict.supported and verdict.reason == "quoted"
    wrong = check(verifier, "People supported; 2024/25: 3,412; 2023/24: 2,870 [1]", table)
    assert not wrong.supported and wrong.reason == "number 3,412 not in [1]"
