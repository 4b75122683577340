"""The openai generator: the real `openai` client speaking HTTP to a local OpenAI-compatible server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.settings import load_settings

from .conftest import citing, run_cli
from .fake_openai import FakeOpenAI, rate_limited


GROUNDED = "The delegation of UNESCO-ICHEI had a meeting with Ms. Stephania Giannini [{}]."


@pytest.fixture
def server():
    with FakeOpenAI(citing(GROUNDED, "Stephania Giannini"), usage=(321, 9)) as srv:
        yield srv


@pytest.fixture
def bot(project: Path, embedder, server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> Briefbot:
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret-key-123456")
    notes = "\n\n".join(
        f"Item {i}: the {topic} review found {i} open questions for the delegation." for i, topic in
        enumerate(["budget", "travel", "staffing", "network", "training", "partners"], 1)
    )
    (project / "corpus" / "notes.md").write_text(notes, encoding="utf-8")
    b = Briefbot(load_settings(max_retries=2, chunk_tokens=40, chunk_overlap=5))
    b._embedder = embedder  # reuse the loaded model
    b.ingest()
    return b


def test_plain_reply_with_usage_and_fenced_prompt(bot: Briefbot, server: FakeOpenAI) -> None:
    answer = bot.ask("Who attended the Giannini meeting?")
    assert bot.settings.generator_name == "openai"
    assert answer.answered and answer.model == "gpt-4o-mini"
    assert answer.text == GROUNDED.format(1)
    assert answer.unsupported == [] and answer.raw_text == answer.text and answer.verified
    assert answer.usage is not None and (answer.usage.prompt_tokens, answer.usage.completion_tokens) == (321, 9)
    assert len(answer.citations) == 1 and answer.citations[0].source == "corpus/unesco-ichei-giannini-meeting.txt"
    req = server.last_request
    assert req.json["model"] == "gpt-4o-mini" and req.api_key == "sk-test-secret-key-123456"
    system, user = req.messages[0]["content"], req.messages[1]["content"]
    assert "only the numbered passages" in system  # the template from prompts/answer.md
    assert user.count("<passage n=") == len(answer.passages) and "</passage>" in user
    assert user.rstrip().endswith("Question: Who attended the Giannini meeting?\nAnswer:")


def test_streamed_reply(bot: Briefbot, server: FakeOpenAI) -> None:
    server.reply(citing("Ms. Giannini emphasized the importance of UNESCO-ICHEI's work [{}]. "
                        "The delegation of UNESCO-ICHEI had a meeting with Ms. Stephania Giannini [{}].",
                        "emphasized the importance", "Stephania Giannini"), usage=(50, 14))
    tokens: list[str] = []
    answer = bot.ask("Who attended the Giannini meeting?", on_token=tokens.append)
    assert len(tokens) > 3 and "".join(tokens).rstrip().endswith("].")
    assert server.last_request.json["stream"] is True
    assert answer.usage is not None and answer.usage.completion_tokens == 14
    # renumbered in order of first use, whichever passages retrieval ranked first
    assert answer.text == ("Ms. Giannini emphasized the importance of UNESCO-ICHEI's work [1]. "
                           "The delegation of UNESCO-ICHEI had a meeting with Ms. Stephania Giannini [2].")
    assert "emphasized the importance" in " ".join(answer.citations[0].text.split())


def test_429_then_success(bot: Briefbot, server: FakeOpenAI) -> None:
    server.push(rate_limited(retry_after_ms=10), endpoint="chat")
    answer = bot.ask("Who attended the Giannini meeting?")
    assert answer.answered and answer.citations
    assert len(server.requests_to("/chat/completions")) == 2


def test_marker_to_a_passage_not_given_makes_its_sentence_unsupported(bot: Briefbot, server: FakeOpenAI) -> None:
    server.reply(GROUNDED.format(1) + " The budget was doubled [9].")
    answer = bot.ask("Who attended the Giannini meeting?", k=5)
    assert len(answer.passages) == 5
    assert answer.invalid_citations == [9]
    assert answer.text == GROUNDED.format(1) and "doubled" not in answer.text
    assert [(u.sentence, u.cited) for u in answer.unsupported] == [("The budget was doubled.", [9])]
    assert answer.unsupported[0].reason == "cites [9], but only 5 passages were given"
    assert answer.raw_text.endswith("doubled [9].")
    assert [c.n for c in answer.citations] == [1]


def test_declines_when_model_does_not_know(bot: Briefbot, server: FakeOpenAI) -> None:
    server.reply("I don't know.")
    answer = bot.ask("What is the boiling point of mercury?")
    assert answer.answered is False and answer.citations == []


def test_brief_with_llm(bot: Briefbot, server: FakeOpenAI) -> None:
    server.reply(citing(GROUNDED + " Ms. Giannini appreciated the rapid expansion of the IIOE global network [{}].",
                        "Stephania Giannini", "rapid expansion of IIOE global network"))
    answer = bot.brief(words=80)
    assert answer.answered and len(answer.citations) == 2
    assert "at most 80 words" in server.last_request.messages[0]["content"]


def test_cli_against_the_server(project: Path, server: FakeOpenAI) -> None:
    env = {"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-test-secret-key-123456"}
    result = run_cli("ask", "Who attended the Giannini meeting?", "--model", "local-model", cwd=project, env=env)
    assert result.returncode == 0, result.stderr
    assert GROUNDED.format(1) in result.stdout
    assert "local-model: 321 tokens in, 9 out" in result.stdout
    assert "sk-test-secret" not in result.stdout + result.stderr
    data = json.loads(run_cli("ask", "Who attended the Giannini meeting?", "--json", "--no-refresh", cwd=project, env=env).stdout)
    usage = data["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"]) == (321, 9, 330)
    # gpt-4o-mini list price: $0.15 per million tokens in, $0.60 out
    assert usage["cost_usd"] == pytest.approx(321 * 0.15e-6 + 9 * 0.60e-6, rel=0.05)
