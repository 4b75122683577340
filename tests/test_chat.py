"""`briefbot chat`: follow-ups rewritten into standalone questions, by carried-over terms or by the LLM."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from .conftest import briefbot_exe, run_cli
from .fake_openai import FakeOpenAI
from .pty_session import PtySession, text

from briefbot.answer.chat import carry_over, is_follow_up, key_terms, titled_person

LIGHTHOUSE = """# Skerry Lighthouse

The Skerry lighthouse stands on a granite rock off the north coast. Its lamp was automated in 1987.

The first person in charge of the lighthouse was Ingrid Solberg, who kept it for thirty years.
"""
BAKERY = """# Old Town Bakery

The Old Town Bakery opened on Market Street and still bakes rye bread every morning.

The first person in charge of the bakery was Tomas Berg, who ran it until 1950.
"""
FOLLOW_UP = "and who was the first person in charge?"


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two documents a follow-up alone cannot tell apart; indexed once for the module."""
    root = tmp_path_factory.mktemp("town")
    (root / "corpus").mkdir()
    (root / "corpus" / "lighthouse.md").write_text(LIGHTHOUSE, encoding="utf-8")
    (root / "corpus" / "bakery.md").write_text(BAKERY, encoding="utf-8")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def chat(root: Path, lines: list[str], *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    full_env.update(env or {})
    return subprocess.run(
        [*briefbot_exe(), "chat", "--no-refresh", *args],
        cwd=root, env=full_env, check=False, input="".join(line + "\n" for line in lines), capture_output=True, text=True, timeout=300,
    )


def test_key_terms_and_follow_up_detection() -> None:
    assert key_terms("When was the Skerry lighthouse automated?") == ["Skerry", "lighthouse", "automated"]
    assert is_follow_up("and who presented?")
    assert is_follow_up("What did she say about it?")
    assert is_follow_up("why?")
    assert not is_follow_up("Where did the Old Town Bakery open?")
    # Without the answer's text only the name is known; with it, the noun it names ("Skerry lighthouse").
    assert carry_over("When was the Skerry lighthouse automated?", FOLLOW_UP) == f"{FOLLOW_UP} (Skerry)"
    assert carry_over("When was the Skerry lighthouse automated?", FOLLOW_UP, "The Skerry lighthouse stands on a rock.") == (
        f"{FOLLOW_UP} (Skerry lighthouse)"
    )
    # No name in the previous question: its key terms are carried, as before.
    assert carry_over("when was the lamp automated?", FOLLOW_UP) == f"{FOLLOW_UP} (lamp automated)"
    # A new topic is left alone; terms the follow-up already has are not repeated.
    assert carry_over("When was the Skerry lighthouse automated?", "Where did the Old Town Bakery open?") == (
        "Where did the Old Town Bakery open?"
    )
    assert carry_over("Who runs the Skerry lighthouse?", "and when was the lighthouse built?") == (
        "and when was the lighthouse built? (Skerry)"
    )
    # A pronoun, and no person in the previous question: the first person of the answer whose title fits it.
    attendees = "Ms. Ana Ruiz, director of the lab, Mr. LI Ming and Dr. Kofi Mensah participated in the meeting."
    assert titled_person(attendees, "she") == "Ana Ruiz" and titled_person(attendees, "him") == "LI Ming"
    assert titled_person("Dr. Kofi Mensah and Ms. Ana Ruiz spoke.", "he") == "Kofi Mensah"  # Dr fits either
    assert titled_person(attendees, "they") is None and titled_person("Nobody had a title.", "she") is None
    assert carry_over("Who attended the meeting?", "what did she say?", attendees) == "what did she say? (Ana Ruiz)"


def test_a_bare_name_or_year_asks_the_previous_question_again_of_it() -> None:
    assert carry_over("Who coaches Ireland?", "and Italy?") == "Who coaches Italy?"
    assert carry_over("What did Marketing say about the price?", "and the Industrial Designer?") == (
        "What did Industrial Designer say about the price?"
    )
    assert carry_over("How much did Diageo earn in 2004?", "and in 2005?") == "How much did Diageo earn in 2005?"
    assert carry_over("What did Ms. Giannini say in Paris?", "and in Beijing?") == "What did Ms. Giannini say in Beijing?"
    # which name "Beijing" replaces is unclear, the same name again is no swap, a noun phrase is a topic: carried
    assert carry_over("What did Ms. Giannini say in Paris?", "and Beijing?") == "and Beijing? (Ms Giannini Paris)"
    assert carry_over("Who coaches Ireland?", "and Ireland?") == "and Ireland?"
    assert carry_over("When was the Skerry lighthouse automated?", "what about the backup horn?") == (
        "what about the backup horn? (Skerry)"
    )


def test_a_swapped_follow_up_is_answered_about_the_new_name(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "ireland.txt").write_text("Eddie O'Sullivan coaches Ireland, who beat Italy in Rome.\n")
    (tmp_path / "corpus" / "italy.txt").write_text("John Kirwan coaches Italy, whose young side lost in Rome.\n")
    assert run_cli("ingest", cwd=tmp_path).returncode == 0
    r = chat(tmp_path, ["Who coaches Ireland?", "and Italy?"], "--json")
    assert r.returncode == 0, r.stderr
    first, second = (json.loads(line) for line in r.stdout.splitlines())
    assert first["short_answer"] == "Eddie O'Sullivan"
    assert second["question"] == "Who coaches Italy?"  # was "and Italy? (Ireland)", answered about Ireland
    assert second["short_answer"] == "John Kirwan"


def test_same_follow_up_answered_from_each_conversation_without_llm(town: Path) -> None:
    r = chat(
        town,
        ["Where did the Old Town Bakery open?", FOLLOW_UP, "", "When was the Skerry lighthouse automated?", FOLLOW_UP],
        "--json",
    )
    assert r.returncode == 0, r.stderr
    turns = [json.loads(line) for line in r.stdout.splitlines()]
    assert [t["asked"] for t in turns] == [
        "Where did the Old Town Bakery open?", FOLLOW_UP, "When was the Skerry lighthouse automated?", FOLLOW_UP
    ]
    bakery, lighthouse = turns[1], turns[3]
    assert bakery["question"] == f"{FOLLOW_UP} (Old Town Bakery)"
    assert "Tomas Berg" in bakery["answer"] and "Ingrid" not in bakery["answer"]
    assert {c["source"] for c in bakery["citations"]} == {"corpus/bakery.md"}
    assert lighthouse["question"] == f"{FOLLOW_UP} (Skerry lighthouse)"
    assert "Ingrid Solberg" in lighthouse["answer"] and "Tomas" not in lighthouse["answer"]
    assert {c["source"] for c in lighthouse["citations"]} == {"corpus/lighthouse.md"}
    assert lighthouse["citations"][0]["section"] == "Skerry Lighthouse"


def test_chat_plain_output_when_piped(town: Path) -> None:
    r = chat(town, ["When was the Skerry lighthouse automated?", FOLLOW_UP])
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout  # piped: no colours, no prompt decoration
    assert "(searched: and who was the first person in charge? (Skerry lighthouse))" in r.stdout
    assert r.stdout.count("Sources") == 2
    assert "corpus/lighthouse.md:" in r.stdout


def test_llm_rewrites_follow_ups_and_counts_its_tokens(town: Path) -> None:
    def respond(body: dict) -> str:
        system = body["messages"][0]["content"]
        user = body["messages"][-1]["content"]
        if "standalone question" in system:
            assert "Where did the Old Town Bakery open?" in user  # the conversation so far is given
            return "Who was the first person in charge of the Old Town Bakery?"
        if "first person in charge of the Old Town Bakery" in user:
            return "Tomas Berg was the first person in charge of the bakery [1]."
        return "The Old Town Bakery opened on Market Street [1]."

    with FakeOpenAI() as srv:
        srv.reply(respond, usage=(1000, 100))
        r = chat(
            town,
            ["Where did the Old Town Bakery open?", FOLLOW_UP],
            "--json", "--model", "gpt-4o-mini",
            env={"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-chat"},
        )
        requests = srv.requests_to("/chat/completions")
    assert r.returncode == 0, r.stderr
    first, second = (json.loads(line) for line in r.stdout.splitlines())
    assert first["usage"] == {"prompt_tokens": 1000, "completion_tokens": 100, "total_tokens": 1100, "cost_usd": 0.00021,
                              "estimated": False}
    assert second["asked"] == FOLLOW_UP
    assert second["question"] == "Who was the first person in charge of the Old Town Bakery?"
    assert "Tomas Berg" in second["answer"] and second["citations"][0]["source"] == "corpus/bakery.md"
    # The rewrite's tokens count in the follow-up's usage: two calls of 1000 in, 100 out.
    assert second["usage"]["prompt_tokens"] == 2000 and second["usage"]["completion_tokens"] == 200
    assert second["usage"]["cost_usd"] == pytest.approx(0.00042)
    assert len(requests) == 3
    assert "Who was the first person in charge of the Old Town Bakery?" in requests[2].json["messages"][-1]["content"]


def test_model_error_does_not_end_the_session(town: Path) -> None:
    from .fake_openai import invalid_api_key

    with FakeOpenAI() as srv:
        srv.reply("The lamp was automated in 1987 [1].")
        srv.push(invalid_api_key())
        r = chat(
            town,
            ["When was the Skerry lighthouse automated?", "When was the Skerry lighthouse automated?"],
            env={"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-bad"},
        )
    assert r.returncode == 0
    assert r.stderr.count("briefbot: error:") == 1 and "401" in r.stderr
    assert "automated in 1987" in r.stdout


def test_chat_in_a_terminal_prompts_answers_and_exits_on_ctrl_d(town: Path) -> None:
    s = PtySession("chat", "--no-refresh", cwd=town)
    try:
        s.read_until(r"Ctrl-D to quit")
        s.read_until(r"> ")
        s.send("When was the Skerry lighthouse automated?\n")
        s.read_until(r"Sources[\s\S]*> ")
        s.send(FOLLOW_UP + "\n")
        s.read_until(r"Ingrid Solberg[\s\S]*Sources[\s\S]*> ")
        s.send(b"\x04")  # Ctrl-D at an empty prompt
        assert s.finish() == 0
    finally:
        s.kill()
    shown = text(s.output)
    assert "Its lamp was automated in 1987." in shown
    assert "corpus/lighthouse.md:" in shown
    assert b"\x1b[" in s.output  # a terminal gets colour


def test_chat_without_an_index_is_one_line_error(tmp_path: Path) -> None:
    r = run_cli("chat", "--no-refresh", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == (
        "briefbot: error: no index at .briefbot, and the documents folder corpus does not exist: "
        "index your documents with `briefbot ingest PATH`, or set `corpus` in briefbot.toml"
    )
    (tmp_path / "corpus").mkdir()  # documents to index, but not indexed yet
    r = run_cli("chat", "--no-refresh", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == "briefbot: error: no index at .briefbot: run `briefbot ingest` first"


def test_chat_in_a_terminal_with_the_llm_streams_and_shows_the_rewrite(town: Path) -> None:
    def respond(body: dict) -> str:
        if "standalone question" in body["messages"][0]["content"]:
            return "Who was the first person in charge of the Old Town Bakery?"
        if "Old Town Bakery?" in body["messages"][-1]["content"]:
            return "Tomas Berg was the first person in charge of the bakery [1]."
        return "The Old Town Bakery opened on Market Street [1]."

    with FakeOpenAI() as srv:
        srv.reply(respond, usage=(500, 20))
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-tty-chat"}
        s = PtySession("chat", "--no-refresh", "--model", "gpt-4o-mini", cwd=town, env=env)
        try:
            s.read_until(r"> ")
            s.send("Where did the Old Town Bakery open?\n")
            s.read_until(r"Market Street[\s\S]*Sources[\s\S]*> ")
            s.send(FOLLOW_UP + "\n")
            s.read_until(r"Tomas Berg[\s\S]*Sources[\s\S]*> ")
            s.send(b"\x04")
            assert s.finish() == 0
        finally:
            s.kill()
        calls = srv.requests_to("/chat/completions")
    shown = text(s.output)
    assert "(searched: Who was the first person in charge of the Old Town Bakery?)" in shown
    assert "corpus/bakery.md:" in shown
    # The follow-up's footer counts the rewrite and the answer: 1000 in, 40 out.
    assert "gpt-4o-mini: 1000 tokens in, 40 out, est. $0.000174" in shown
    answers = [c for c in calls if "standalone question" not in c.json["messages"][0]["content"]]
    assert len(calls) == 3 and all(c.json.get("stream") is True for c in answers)


def test_ctrl_c_cancels_an_answer_and_clears_a_line_without_ending_the_chat(town: Path) -> None:
    from .fake_openai import delay, reply

    with FakeOpenAI() as srv:
        srv.reply("The lamp was automated in 1987 [1].")
        srv.push(delay(30, then=reply("too late")))
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "sk-test-ctrl-c"}
        s = PtySession("chat", "--no-refresh", cwd=town, env=env)
        try:
            s.read_until(r"> ")
            s.send("When was the Skerry lighthouse automated?\n")
            deadline = time.monotonic() + 60
            while not srv.requests_to("/chat/completions") and time.monotonic() < deadline:
                time.sleep(0.1)  # the slow request is in flight
            s.send(b"\x03")
            s.read_until(r"\(cancelled\)[\s\S]*> ")
            time.sleep(0.5)
            s.send("half a line")
            time.sleep(0.5)
            s.send(b"\x03")  # clears the line: a fresh prompt, nothing asked
            s.read_until(r"\(cancelled\)[\s\S]*> [\s\S]*> ")
            s.send("When was the Skerry lighthouse automated?\n")
            s.read_until(r"automated in 1987 \[1\][\s\S]*Sources[\s\S]*> ")
            s.send(b"\x04")
            assert s.finish() == 0
        finally:
            s.kill()
        asked = [r.json["messages"][-1]["content"] for r in srv.requests_to("/chat/completions")]
    assert "too late" not in text(s.output)
    assert len(asked) == 2 and "half a line" not in asked[1]


HORN_LIGHTHOUSE = """# Skerry Lighthouse

The Skerry lighthouse stands on a granite rock off the north coast.
Its lamp was automated in 1987; the first keeper had lit it by hand.

## Backup horn

A backup horn is kept in the engine room and sounds in fog when the lamp cannot be seen.
"""
HORN_BAKERY = """# Old Town Bakery

The Old Town Bakery opened on Market Street. Its backup horn, on the delivery van, plays a tune on market days.
"""


@pytest.fixture(scope="module")
def harbour_town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The lighthouse with a backup horn, a bakery van with one too, and the Giannini meeting notes."""
    from .conftest import SEED

    root = tmp_path_factory.mktemp("harbour_town")
    (root / "corpus").mkdir()
    (root / "corpus" / "lighthouse.md").write_text(HORN_LIGHTHOUSE, encoding="utf-8")
    (root / "corpus" / "bakery.md").write_text(HORN_BAKERY, encoding="utf-8")
    (root / "corpus" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli("ingest", cwd=root)
    assert r.returncode == 0, r.stderr
    return root


def test_follow_ups_carry_what_the_previous_turn_was_about(harbour_town: Path) -> None:
    """Two two-turn scripts: the follow-up keeps the previous turn's subject, not its other words."""
    r = chat(
        harbour_town,
        [
            "When was the Skerry lighthouse's lamp automated?", "what about the backup horn?",
            "When did the UNESCO-ICHEI delegation meet Ms. Giannini?", "and what did she emphasize?",
            "", "Who attended the meeting?", "what did she emphasize?",
        ],
        "--json",
    )
    assert r.returncode == 0, r.stderr
    lamp, horn, meeting, emphasis, attended, emphasis2 = (json.loads(line) for line in r.stdout.splitlines())
    assert "1987" in lamp["answer"]
    # The lighthouse's horn (not the bakery van's), and not "first keeper lamp automated".
    assert horn["question"] == "what about the backup horn? (Skerry lighthouse)"
    assert horn["answer"].startswith("A backup horn is kept in the engine room")
    [c] = horn["citations"]
    assert (c["source"], c["start_line"], c["section"]) == ("corpus/lighthouse.md", 8, "Skerry Lighthouse > Backup horn")
    # "she" is Ms. Giannini: what she emphasized, not the list of who attended.
    assert meeting["short_answer"] == "September 6th, 2023"
    assert emphasis["question"] == "and what did she emphasize? (Giannini)"
    assert "emphasized" in emphasis["answer"] and "Giannini" in emphasis["answer"]
    assert "LI Ming" not in emphasis["answer"] and "participated in the meeting" not in emphasis["answer"]
    # The question names nobody, the answer lists people: "she" is the first woman it names (before: "(attended
    # meeting)" was carried and the follow-up was declined).
    assert "Giannini" in attended["answer"] and "participated in the meeting" in attended["answer"]
    assert emphasis2["question"] == "what did she emphasize? (Stephania Giannini)"
    assert emphasis2["answered"] and "emphasized" in emphasis2["answer"] and "Giannini" in emphasis2["answer"]
    assert "participated in the meeting" not in emphasis2["answer"]
