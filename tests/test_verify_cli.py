"""Verification end to end: the installed CLI against the fake OpenAI server scripted to misbehave, text and --json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import citing, run_cli
from .fake_openai import FakeOpenAI

GROUNDED = "The delegation of UNESCO-ICHEI had a meeting with Ms. Stephania Giannini [{}]."


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from .conftest import CORPUS

    root = tmp_path_factory.mktemp("verify")
    shutil.copytree(CORPUS, root / "corpus")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def ask(root: Path, srv: FakeOpenAI, question: str, *flags: str) -> tuple[str, dict]:
    """The text output and the --json output of one question."""
    env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-verify"}
    text = run_cli("ask", question, "--no-refresh", *flags, cwd=root, env=env)
    assert text.returncode == 0, text.stderr
    data = run_cli("ask", question, "--no-refresh", "--json", *flags, cwd=root, env=env)
    assert data.returncode == 0, data.stderr
    return text.stdout, json.loads(data.stdout)


def test_world_knowledge_to_a_question_the_passages_do_not_answer_is_declined_without_asking(indexed: Path) -> None:
    # No sentence of the passages says anything about Peru: the offline reading declines the question, and
    # with verification on the model's answer would be declined whatever it said, so it is not asked at all.
    with FakeOpenAI("The capital of Peru is Lima. [1]") as srv:
        out, data = ask(indexed, srv, "What is the capital of Peru?")
        assert srv.requests_to("/chat/completions") == []
        raw_out, raw = ask(indexed, srv, "What is the capital of Peru?", "--no-verify")
        assert len(srv.requests_to("/chat/completions")) == 2
    assert "Lima" not in out and "Nearest passages" in out
    assert out.startswith("The documents do not answer this question: no sentence of the passages found says what it"
                          " asks, so the model was not asked (--no-verify asks it anyway)")
    assert data["answered"] is False and data["citations"] == [] and data["unsupported"] == []
    assert data["usage"] is None and data["verified"] is False
    # --no-verify asks, shows the raw answer, and reports what the checker finds
    assert raw_out.startswith("The capital of Peru is Lima [1].")
    assert "1 unsupported sentence shown unchecked (--no-verify)" in raw_out
    assert raw["answered"] is True and raw["verified"] is False
    assert raw["unsupported"] == [{"sentence": "The capital of Peru is Lima.", "cited": [1], "reason": "name Peru not in [1]"}]
    # raw_text is the reply as tidied by the LLM path: the marker moved before the full stop
    assert raw["raw_text"] == "The capital of Peru is Lima [1]."


def test_world_knowledge_with_an_irrelevant_citation_is_removed(indexed: Path) -> None:
    # an answerable question, answered from world knowledge with an in-range citation: the checker removes it
    with FakeOpenAI("The capital of Peru is Lima. [1]") as srv:
        out, data = ask(indexed, srv, "Who did the UNESCO-ICHEI delegation meet?")
    assert "Lima" not in out
    assert "Nearest passages" in out and "1 unsupported sentence removed (--no-verify to show them)" in out
    assert data["answered"] is False and data["citations"] == [] and "Lima" not in data["answer"]
    assert data["unsupported"] == [{"sentence": "The capital of Peru is Lima.", "cited": [1], "reason": "name Peru not in [1]"}]
    assert data["verified"] is True


def test_swapped_number_is_removed(indexed: Path) -> None:
    reply = citing(GROUNDED + " The meeting took place on September 7th, 2023 [{}].", "Stephania Giannini", "September 6th")
    with FakeOpenAI(reply) as srv:
        out, data = ask(indexed, srv, "When did the delegation meet Giannini?")
    assert out.startswith(GROUNDED.format(1) + "\n") and "7th" not in out
    assert "1 unsupported sentence removed" in out
    assert data["answer"] == GROUNDED.format(1) and data["answered"] is True
    (u,) = data["unsupported"]
    assert u["sentence"] == "The meeting took place on September 7th, 2023." and u["reason"].startswith("number 7th not in [")


def test_an_invented_answer_followed_by_true_context_is_declined(indexed: Path) -> None:
    # what the real 1.5B model did on unanswerable SQuAD 2.0 questions: an invented answer, then a supported aside
    reply = citing("UNESCO gave the IIOE 3 million dollars in 2022 [{}]. " + GROUNDED, "Stephania Giannini", "Stephania Giannini")
    with FakeOpenAI(reply) as srv:  # (asked of a question the passages' reading finds answered, so the model is
        # asked: "How much funding did UNESCO give the IIOE?" is declined before it, no sum of money being quoted)
        out, data = ask(indexed, srv, "Who did the UNESCO-ICHEI delegation meet at Digital Learning Week?")
    assert "million" not in out and "Nearest passages" in out
    assert out.startswith("The answer's first claim is not supported by the passages it cites")
    assert data["answered"] is False and data["citations"] == [] and data["short_answer"] is None
    assert [u["sentence"] for u in data["unsupported"]] == ["UNESCO gave the IIOE 3 million dollars in 2022."]


def test_a_supported_answer_to_a_question_the_passages_do_not_answer_is_declined(indexed: Path) -> None:
    # SQuAD 2.0's unanswerable questions with the real 1.5B model: on-topic passages, and a reply built from one
    # of their sentences that its citation backs word for word. No sentence of the passages says who founded
    # UNESCO-ICHEI, so the offline reading declines the question and the model is not asked.
    reply = citing("UNESCO-ICHEI was founded by Mr. LI Ming, its director [{}].", "director of UNESCO-ICHEI")
    question = "Who founded UNESCO-ICHEI in 2016?"
    with FakeOpenAI(reply) as srv:
        out, data = ask(indexed, srv, question)
        raw_out, raw = ask(indexed, srv, question, "--no-verify")
    assert out.startswith("The documents do not answer this question: no sentence of the passages found says what it asks")
    assert "LI Ming, its director" not in out and "Nearest passages" in out
    assert data["answered"] is False and data["citations"] == [] and data["short_answer"] is None
    assert data["unsupported"] == []  # the model was not asked: its answer would have been declined
    # the same reply, checked sentence by sentence, is supported: only the question's reading declines it
    assert raw["answered"] is True and raw["answer"].startswith("UNESCO-ICHEI was founded by Mr. LI Ming, its director [")
    assert [u["reason"] for u in raw["unsupported"]] == ["no sentence of the passages found answers the question"]
    assert raw_out.startswith("UNESCO-ICHEI was founded by Mr. LI Ming") and "1 unsupported sentence shown unchecked" in raw_out


def test_the_question_reading_keeps_a_supported_answer_to_an_answerable_question(indexed: Path) -> None:
    reply = citing("The delegation met Stephania Giannini on September 6th, 2023 [{}].", "September 6th")
    with FakeOpenAI(reply) as srv:
        out, data = ask(indexed, srv, "When did the delegation meet Stephania Giannini?")
    assert data["answered"] is True and data["unsupported"] == [] and "September 6th, 2023 [1]" in out


def test_a_role_the_passage_gives_someone_else_is_removed(indexed: Path) -> None:
    # the real 1.5B model's answer on corpus/: JIN Li is in the cited list, "chief of IIOE" is XUE Feng's role
    reply = citing("The chief of the IIOE is Prof. JIN Li, Chair Professor and Acting Dean of School of Business [{}].",
                   "Acting Dean")
    with FakeOpenAI(reply) as srv:
        out, data = ask(indexed, srv, "Who is the chief of the IIOE?")
    assert "JIN Li" not in out.split("Nearest passages")[0] and "1 unsupported sentence removed" in out
    assert data["answered"] is False and data["citations"] == []
    (u,) = data["unsupported"]
    assert u["reason"].startswith("'chief' is said of XUE Feng, not of JIN Li, in [")


def test_out_of_range_citation_makes_the_sentence_unsupported(indexed: Path) -> None:
    with FakeOpenAI(citing(GROUNDED + " The budget was doubled [9].", "Stephania Giannini")) as srv:
        out, data = ask(indexed, srv, "Who met Giannini?")
    assert "doubled" not in out and "(dropped citations to passages that were not given: [9])" in out
    assert data["answer"] == GROUNDED.format(1) and data["invalid_citations"] == [9]
    (u,) = data["unsupported"]
    assert (u["sentence"], u["cited"]) == ("The budget was doubled.", [9])
    assert re.fullmatch(r"cites \[9\], but only [1-5] passages were given", u["reason"])


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nSources:\n- [1] unesco-ichei-giannini-meeting.txt\n- [2] unesco-ichei-giannini-meeting.txt",
        "\n\nPassages [1], [2], [3], [4]",
        " This can be found in passage [2].",
    ],
)
def test_sources_lists_and_pointer_lines_are_dropped(indexed: Path, tail: str) -> None:
    with FakeOpenAI(citing(GROUNDED + tail, "Stephania Giannini")) as srv:
        out, data = ask(indexed, srv, "Who met Giannini?")
    answer, _, sources = out.partition("\nSources\n")
    assert answer.strip() == GROUNDED.format(1)
    assert len([ln for ln in sources.splitlines() if ln.startswith("[")]) == 1  # only the passage backing it
    assert data["answer"] == GROUNDED.format(1) and len(data["citations"]) == 1
    # the LLM path removes such trailers before the check (answer/llm/llm_reply.py): they never reach raw_text
    assert data["unsupported"] == [] and data["raw_text"] in {GROUNDED.format(n) for n in range(1, 6)}  # as the model cited


def test_brief_drops_an_invented_sentence(indexed: Path) -> None:
    reply = citing(GROUNDED + " The meeting was funded by the World Bank [{}].", "Stephania Giannini", "Stephania Giannini")
    env = {"OPENAI_BASE_URL": "", "OPENAI_API_KEY": "sk-test-verify"}
    with FakeOpenAI(reply) as srv:
        env["OPENAI_BASE_URL"] = srv.base_url
        out = run_cli("brief", "--no-refresh", cwd=indexed, env=env)
        data = json.loads(run_cli("brief", "--no-refresh", "--json", cwd=indexed, env=env).stdout)
    assert out.returncode == 0, out.stderr
    assert "World Bank" not in out.stdout.partition("\nSources\n")[0] and "1 unsupported sentence removed" in out.stdout
    assert data["answered"] is True and data["answer"] == GROUNDED.format(1)
    assert data["unsupported"][0]["reason"].startswith("name World not in [")


def test_a_brief_whose_every_sentence_is_unsupported_falls_back_to_the_offline_brief(indexed: Path) -> None:
    # cited, so no repair is asked for, but nothing it cites backs it (the real 1.5B model's merge step did this)
    reply = "The IIOE was founded on Mars in 1850 [1]. It has nine billion members [2]."
    env = {"OPENAI_BASE_URL": "", "OPENAI_API_KEY": "sk-test-verify"}
    with FakeOpenAI(reply) as srv:
        env["OPENAI_BASE_URL"] = srv.base_url
        out = run_cli("brief", "--no-refresh", cwd=indexed, env=env)
        data = json.loads(run_cli("brief", "--no-refresh", "--json", cwd=indexed, env=env).stdout)
        offline = json.loads(run_cli("brief", "--no-refresh", "--json", cwd=indexed, env={"OPENAI_API_KEY": ""}).stdout)
    assert out.returncode == 0, out.stderr
    assert "Mars" not in out.stdout and "no sentence its citations support: this is the offline extractive brief" in out.stdout
    assert data["answered"] is True and data["answer"] == offline["answer"] and data["citations"]
    assert [u["sentence"] for u in data["unsupported"]] == ["The IIOE was founded on Mars in 1850.", "It has nine billion members."]
