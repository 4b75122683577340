"""LLM briefs of material too long for one prompt: map (a cited summary per part) then reduce (one paragraph).

The real ``openai`` client against the fake server, scripted as a small model would behave: each part's
reply quotes a sentence of its first and of its last passage with the part's own numbering, the merge keeps
every note. An LLM brief of one file is given the whole file's chunks, in file order.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from briefbot.answer.llm.llm_brief import (
    evenly,
    notes_block,
    pack,
    part_sentences,
    plan_parts,
    renumber,
)
from briefbot.answer.llm.llm_prompt import count_tokens
from briefbot.api import Briefbot
from briefbot.settings import load_settings

from .conftest import REPO, run_cli
from .fake_openai import FakeOpenAI, reply, slow_stream
from .pty_session import PtySession

KEY = "sk-test-llm-brief-0123456789"
SOURCE = "corpus/meeting.txt"
MEMO = "corpus/memo.txt"
PARTS = [  # four stretches of a meeting, each on its own subject (a quote shows which stretch it came from)
    "Finance: The budget for the remote control casing is {n} euros, and the battery costs another {n} cents.",
    "Designer: The prototype of the remote control uses a rubber case with {n} buttons and a curved titanium shape.",
    "Marketing: The survey of {n} customers shows that young people want a trendy remote with voice control.",
    "Engineer: The factory in Taiwan can ship {n} thousand units by March if the chip supplier confirms the order.",
]
BRIEF_HEAD = (REPO / "prompts" / "brief.md").read_text(encoding="utf-8").splitlines()[0]
MAP_HEAD = (REPO / "prompts" / "brief_map.md").read_text(encoding="utf-8").splitlines()[0]
UNCITED = "**Meeting summary**\n\nThe team discussed the remote control.\n\nThey agreed to meet again."
PASSAGE = re.compile(r'<passage n="(\d+)"[^>]*lines="(\d+)-(\d+)">\n(.*?)\n</passage>', re.DOTALL)


def kind(body: dict[str, Any]) -> str:
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    if "<notes>" in user:
        return "reduce"
    return "brief" if system.startswith(BRIEF_HEAD) else "map"


def read(body: dict[str, Any]) -> list[tuple[int, int]]:
    """The lines of the passages a request gave the model, in the order it numbered them."""
    return [(int(s), int(e)) for _, s, e, _ in PASSAGE.findall(body["messages"][1]["content"])]


def numbered_from_1(body: dict[str, Any]) -> bool:
    """Whether a request numbers its passages 1, 2, 3 ... (each part has its own numbering)."""
    numbers = [int(n) for n, *_ in PASSAGE.findall(body["messages"][1]["content"])]
    return bool(numbers) and numbers == list(range(1, len(numbers) + 1))


def quote_ends(body: dict[str, Any]) -> str:
    """What a faithful model writes for a part: the last sentence of its first and of its last passage (one
    sentence when it has one passage), each cited by the part's numbering."""
    found = PASSAGE.findall(body["messages"][1]["content"])
    out = []
    for n, _, _, text in found[:1] + found[1:][-1:]:
        line = [ln for ln in text.splitlines() if len(ln.split()) >= 8][-1]
        out.append(f"{line.rstrip('.')} [{n}].")
    return " ".join(out)


def notes_of(body: dict[str, Any]) -> list[list[str]]:
    """The merge prompt's notes, part by part (header line dropped)."""
    inner = body["messages"][1]["content"].split("<notes>\n", 1)[1].split("\n</notes>", 1)[0]
    return [block.splitlines()[1:] for block in inner.split("\n\n")]


def merge_notes(body: dict[str, Any]) -> str:
    return " ".join(note[2:] for part in notes_of(body) for note in part)


def markers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d+)\]", text)]


def prompt_tokens(body: dict[str, Any]) -> int:
    return count_tokens("gpt-4o-mini", "\n".join(m["content"] for m in body["messages"]))


class Model:
    """The fake server's reply to every request, chosen by what the request asks for."""

    def __init__(self, merge: Any = merge_notes, part: Any = quote_ends) -> None:
        self.merge, self.part = merge, part

    def __call__(self, body: dict[str, Any]) -> str:
        return self.merge(body) if kind(body) == "reduce" else self.part(body)


class Recorder:
    """An ``on_token`` that also takes the display hooks, recording what a terminal would be told."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.tokens: list[str] = []

    def __call__(self, token: str) -> None:
        self.tokens.append(token)

    def waiting(self) -> None:
        self.events.append("waiting")

    def reset(self) -> None:
        self.events.append("reset")

    def stage(self, note: str) -> None:
        self.events.append(note)


def indexed_meeting(factory: pytest.TempPathFactory, embedder, name: str, source: str, per_part: int) -> Path:
    """A project holding one transcript: ``per_part`` turns of each stretch of the meeting, each followed by a
    "Project Manager: Okay , thanks ." turn, indexed."""
    project = factory.mktemp(name)
    lines = []
    for template in PARTS:
        for n in range(per_part):
            lines += [template.format(n=n + 2), "Project Manager: Okay , thanks ."]
    (project / "corpus").mkdir()
    (project / source).write_text("\n".join(lines) + "\n", encoding="utf-8")
    bot = Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"]))
    bot._embedder = embedder
    bot.ingest()
    return project


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """A meeting transcript of 480 lines (about 6,000 words)."""
    return indexed_meeting(tmp_path_factory, embedder, "mapreduce", SOURCE, 60)


@pytest.fixture(scope="module")
def memo(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """A short memo (32 lines, four sentences of each stretch of the meeting)."""
    return indexed_meeting(tmp_path_factory, embedder, "onecall", MEMO, 4)


@pytest.fixture
def srv():
    with FakeOpenAI(Model(), usage=(100, 10)) as s:
        yield s


def make_bot(project: Path, srv: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, embedder, **overrides: Any) -> Briefbot:
    monkeypatch.setenv("OPENAI_BASE_URL", srv.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    settings = load_settings(index=project / ".briefbot", corpus=[project / "corpus"], generator="openai", **overrides)
    bot = Briefbot(settings)
    bot._embedder = embedder
    return bot


def env(srv: FakeOpenAI, **extra: str) -> dict[str, str]:
    return {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": KEY, **extra}


def material(project: Path, embedder, source: str = SOURCE) -> list[tuple[int, int]]:
    """The lines of the passages the offline plan gives an LLM for a file's brief, in order; checked to be
    every chunk of the file in file order, from its first line to its last."""
    from briefbot.answer.brief.briefing import plan_brief

    bot = Briefbot(load_settings(index=project / ".briefbot", corpus=[project / "corpus"]))
    bot._embedder = embedder
    plan = plan_brief(bot.index(), embedder, 120, source=source)
    spans = [(p.chunk.start_line, p.chunk.end_line) for p in plan.material]
    assert spans == sorted((p.chunk.start_line, p.chunk.end_line) for p in plan.passages)
    last = len((project / source).read_text(encoding="utf-8").splitlines())
    assert spans[0][0] == 1 and spans[-1][1] == last
    return spans


def third(line: int) -> int:
    """0, 1 or 2: the beginning, middle or end of the 480-line meeting."""
    return (line - 1) * 3 // 480


def speakers(text: str) -> set[str]:
    """Which of the meeting's four stretches the text quotes."""
    return {p.split(":")[0] for p in PARTS if p.split(":")[0] + ":" in text}


ALL = {"Finance", "Designer", "Marketing", "Engineer"}


def assert_one_cited_paragraph(text: str) -> None:
    assert text and "\n" not in text
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", text):
        assert re.search(r"\[\d+\]\.$", sentence), sentence


# --- map, then reduce ---------------------------------------------------------------------------


def test_a_long_file_is_read_in_parts_then_merged_citing_beginning_middle_and_end(
    meeting: Path, srv: FakeOpenAI, monkeypatch, embedder
) -> None:
    spans = material(meeting, embedder)  # the whole file: far more than one prompt of the default 3000 tokens
    assert len(spans) > 30 and {third(s) for s, _ in spans} == {0, 1, 2}
    rec = Recorder()
    answer = make_bot(meeting, srv, monkeypatch, embedder).brief(source=SOURCE, on_token=rec)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert [kind(c) for c in calls] == ["map"] * 3 + ["reduce"]
    # each part numbers its own passages from 1 and fits the prompt; together the parts are the whole file, in order
    assert all(numbered_from_1(c) for c in calls[:3])
    assert [span for c in calls[:3] for span in read(c)] == spans
    assert all(prompt_tokens(c) <= 3000 for c in calls)
    assert all(c["max_tokens"] < calls[-1]["max_tokens"] for c in calls[:3])  # a part's summary is shorter
    # each part's summary cites its first and last passage by its own numbering; the merge sees those notes,
    # not the passages, renumbered to the whole file's: part k's [1] is the file's passage after part k-1's
    sizes = [len(read(c)) for c in calls[:3]]
    ends = [[sum(sizes[:k]) + 1, sum(sizes[: k + 1])] for k in range(3)]
    merge = calls[-1]["messages"][1]["content"]
    assert "<passage" not in merge and "Part 3 of 3:" in merge
    assert [markers(" ".join(part)) for part in notes_of(calls[-1])] == ends
    # one paragraph, every sentence cited and supported, from its beginning, middle and end
    assert answer.answered and answer.unsupported == []
    assert_one_cited_paragraph(answer.text)
    assert markers(answer.raw_text) == [n for pair in ends for n in pair]
    assert {third(c.start_line) for c in answer.citations} == {0, 1, 2} and speakers(answer.text) == ALL
    for c in answer.citations:  # each marker resolves to the passage its sentence was quoted from
        sentence = next(s for s in re.split(r"(?<=\.)\s+", answer.text) if f"[{c.n}]" in s)
        assert sentence.split(" [")[0] in " ".join(c.text.split())
    assert answer.notes == ["the material did not fit one prompt (context_tokens 3000): read in 3 parts, then merged: 4 model calls"]
    assert answer.usage is not None and (answer.usage.prompt_tokens, answer.usage.completion_tokens) == (400, 40)
    stages = [e for e in rec.events if e not in ("waiting", "reset")]
    assert stages == [f"reading part {k} of 3" for k in range(1, 4)] + ["merging the summaries of 3 parts"]
    assert rec.events.count("waiting") == 4 and rec.tokens


def test_the_json_of_a_map_reduce_brief(meeting: Path, srv: FakeOpenAI) -> None:
    out = run_cli("brief", "--source", SOURCE, "--no-refresh", "--json", cwd=meeting, env=env(srv, BRIEFBOT_CONTEXT_TOKENS="500"))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["answered"] and data["unsupported"] == [] and "\n" not in data["answer"]
    assert {third(c["start_line"]) for c in data["citations"]} == {0, 1, 2} and speakers(data["answer"]) == ALL
    assert len(data["notes"]) == 1 and "read in 4 parts" in data["notes"][0] and "5 model calls" in data["notes"][0]
    assert data["usage"]["prompt_tokens"] == 500
    assert len(srv.requests_to("/chat/completions")) == 5


def test_a_part_citing_out_of_range_loses_that_sentence_and_a_declining_part_adds_nothing(
    meeting: Path, srv: FakeOpenAI, monkeypatch, embedder
) -> None:
    srv.push(
        reply(lambda body: "The moon base opened in 1990 [7]. " + quote_ends(body)),
        reply(lambda body: quote_ends(body).replace("[1]", "[1, 9]")),
        reply("Nothing to summarise."),
        endpoint="chat",
    )
    answer = make_bot(meeting, srv, monkeypatch, embedder, context_tokens=500).brief(source=SOURCE)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    merge = calls[-1]["messages"][1]["content"]
    assert "moon base" not in merge and "[9]" not in merge and "Part 3 of 4" not in merge
    assert [part[0][-4:] for part in notes_of(calls[-1])] == ["[1].", "[2].", "[4]."]
    assert "moon base" not in answer.text and answer.unsupported == []
    assert speakers(answer.text) == ALL - {"Marketing"}


def test_an_uncited_part_summary_is_asked_for_once_more(meeting: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    # the real 1.5B model left both parts of two topic briefs uncited: those parts added nothing to the merge
    srv.push(reply(UNCITED), endpoint="chat")  # part 1's first reply; its repair and the rest: the faithful model
    answer = make_bot(meeting, srv, monkeypatch, embedder, context_tokens=500).brief(source=SOURCE)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert [kind(c) for c in calls] == ["map"] * 5 + ["reduce"]
    again = calls[1]["messages"]
    assert [m["role"] for m in again] == ["system", "user", "assistant", "user"]
    assert again[2]["content"] == UNCITED and "did not cite" in again[3]["content"]
    assert read(calls[1]) == read(calls[0])  # the same part, asked again
    assert len(notes_of(calls[-1])) == 4 and speakers(answer.text) == ALL
    assert answer.notes == [
        "the material did not fit one prompt (context_tokens 500): read in 4 parts, 4 of its 35 passages taken evenly"
        " across it, 1 part asked again for citations, then merged: 6 model calls"
    ]


def test_a_part_uncited_twice_adds_nothing(meeting: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    srv.reply(Model(merge=merge_notes, part=lambda body: UNCITED))
    answer = make_bot(meeting, srv, monkeypatch, embedder, context_tokens=500).brief(source=SOURCE)
    assert len(srv.requests_to("/chat/completions")) == 8  # four parts, each asked twice; nothing to merge
    assert answer.notes == [(
        "gpt-4o-mini's brief had no cited sentence in any of its 4 parts' summaries (8 model calls: 4 parts and"
        " 4 repairs): this is the offline extractive brief"
    )]


def test_an_uncited_merge_is_repaired_once_then_the_offline_brief_stands_with_one_note(meeting: Path, srv: FakeOpenAI) -> None:
    srv.reply(Model(merge=lambda body: UNCITED))
    small = env(srv, BRIEFBOT_CONTEXT_TOKENS="500")
    out = run_cli("brief", "--source", SOURCE, "--no-refresh", cwd=meeting, env=small)
    assert out.returncode == 0, out.stderr
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert [kind(c) for c in calls] == ["map"] * 4 + ["reduce"] * 2
    assert [m["role"] for m in calls[-1]["messages"]] == ["system", "user", "assistant", "user"]
    assert calls[-1]["messages"][2]["content"] == UNCITED and "did not cite" in calls[-1]["messages"][3]["content"]
    notes = [ln for ln in out.stdout.splitlines() if "offline extractive brief" in ln]
    assert len(notes) == 1
    assert "no valid citation, even when asked again (6 model calls: 4 parts, the merge and one repair)" in notes[0]
    assert "Meeting summary" not in out.stdout and "[1]" in out.stdout.splitlines()[0]
    data = json.loads(run_cli("brief", "--source", SOURCE, "--no-refresh", "--json", cwd=meeting, env=small).stdout)
    assert data["answered"] and data["citations"] and len(data["notes"]) == 1 and "6 model calls" in data["notes"][0]


def test_every_part_declining_falls_back_without_a_merge(meeting: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    srv.reply("Nothing to summarise.")
    answer = make_bot(meeting, srv, monkeypatch, embedder, context_tokens=500).brief(source=SOURCE)
    assert len(srv.requests_to("/chat/completions")) == 4
    assert answer.answered and answer.citations and answer.model == "gpt-4o-mini"
    assert answer.notes == [(
        "gpt-4o-mini's brief had no cited sentence in any of its 4 parts' summaries (4 model calls): "
        "this is the offline extractive brief"
    )]


def test_more_parts_than_allowed_are_taken_evenly_first_and_last_always(meeting: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    spans = material(meeting, embedder)  # three parts at the default context_tokens; two allowed
    answer = make_bot(meeting, srv, monkeypatch, embedder, brief_map_calls=2).brief(source=SOURCE)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert [kind(c) for c in calls] == ["map", "map", "reduce"]
    assert all(numbered_from_1(c) for c in calls[:2])
    taken = [spans.index(span) for c in calls[:2] for span in read(c)]
    assert taken == sorted(set(taken)) and taken[0] == 0 and taken[-1] == len(spans) - 1  # in order, first and last
    skipped = sorted(set(range(len(spans))) - set(taken))
    assert skipped and max(b - a for a, b in pairwise(taken)) == 2  # never two neighbours skipped: evenly
    assert {third(spans[i][0]) for i in skipped} == {0, 1, 2}
    # each part's first and last passage, beginning to end of the file, in the whole read material's numbering
    sizes = [len(read(c)) for c in calls[:2]]
    assert [markers(" ".join(part)) for part in notes_of(calls[-1])] == [[1, sizes[0]], [sizes[0] + 1, sum(sizes)]]
    assert speakers(answer.text) == ALL and {third(c.start_line) for c in answer.citations} == {0, 1, 2}
    assert answer.notes == [(
        f"the material did not fit one prompt (context_tokens 3000): read in 2 parts, {len(taken)} of its {len(spans)} "
        "passages taken evenly across it, then merged: 3 model calls"
    )]


def test_material_that_fits_is_still_one_call(memo: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    spans = material(memo, embedder, MEMO)
    answer = make_bot(memo, srv, monkeypatch, embedder).brief(source=MEMO)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert [kind(c) for c in calls] == ["brief"]
    assert len(spans) > 2 and read(calls[0]) == spans and numbered_from_1(calls[0])  # the whole short file at once
    assert speakers(calls[0]["messages"][1]["content"]) == ALL
    assert answer.answered and answer.unsupported == [] and answer.notes == []
    first, last = answer.citations  # the lines quoted from the first passage and from the last
    assert spans[0][0] <= first.start_line <= spans[0][1] and spans[-1][0] <= last.start_line <= spans[-1][1]
    assert answer.usage is not None and answer.usage.prompt_tokens == 100


def test_a_prompts_folder_with_only_brief_map_md_keeps_the_built_in_merge(
    meeting: Path, srv: FakeOpenAI, monkeypatch, embedder, tmp_path: Path
) -> None:
    (tmp_path / "brief_map.md").write_text(
        "Summarise part {part} of {parts} in {words} words.\n<!-- user -->\n{passages}", encoding="utf-8"
    )
    make_bot(meeting, srv, monkeypatch, embedder, context_tokens=500, prompts=tmp_path).brief(source=SOURCE)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert calls[0]["messages"][0]["content"].startswith("Summarise part 1 of ")
    reduce_head = (REPO / "prompts" / "brief_reduce.md").read_text(encoding="utf-8").splitlines()[0]
    assert calls[-1]["messages"][0]["content"].startswith(reduce_head)


def test_brief_map_calls_is_validated() -> None:
    out = run_cli("config", cwd=REPO / "tests", env={"BRIEFBOT_BRIEF_MAP_CALLS": "0"})
    assert out.returncode == 2 and "BRIEFBOT_BRIEF_MAP_CALLS" in out.stderr and "between 1 and 64" in out.stderr
    assert "Traceback" not in out.stderr


# --- the pieces ---------------------------------------------------------------------------------


def test_parts_fit_the_room_and_are_taken_evenly_when_too_many() -> None:
    assert pack([60, 60, 60, 200, 10], 130) == [[0, 1], [2], [3], [4]]  # a passage too big alone is its own part
    assert plan_parts([100] * 10, 250, 5) == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert plan_parts([100] * 10, 250, 2) == [[0, 3], [6, 9]]  # 4 of 10, evenly: the first and the last always
    assert plan_parts([100] * 9, 50, 3) == [[0], [4], [8]]
    assert plan_parts([100] * 5000, 250, 2) == [[0, 1666], [3333, 4999]]  # a whole book's chunks, as quickly
    assert evenly(5, 5) == [0, 1, 2, 3, 4] and evenly(7, 1) == [0] and evenly(7, 4) == [0, 2, 4, 6]


def test_markers_are_renumbered_to_the_whole_material_and_invalid_ones_dropped() -> None:
    assert renumber("It rained [1].", 4, 3) == ("It rained [5].", True)
    assert renumber("It rained [2, 9] and froze [3].", 10, 3) == ("It rained [12] and froze [13].", True)
    assert renumber("It rained [4].", 10, 3) == ("It rained.", False)
    reply = "**Part summary**\n\n- It rained for days [2].\n- Snow fell in May [5].\n- The dam held [1]. [2]"
    assert part_sentences(reply, 6, 2, 100, cut=False) == ["It rained for days [8].", "The dam held [7][8]."]
    for decline in ("Nothing to summarise.", "nothing to summarize here", "I don't know."):
        assert part_sentences(decline, 0, 3, 100, cut=False) == []


def test_notes_keep_every_part_and_fill_the_room_in_turn() -> None:
    notes = [["A one [1].", "A two [1].", "A three [2]."], [], ["C one [5].", "C two [6]."]]
    roomy = notes_block(notes, 1000, "gpt-4o-mini")
    assert roomy.startswith("<notes>\nPart 1 of 3:\n- A one [1].") and "Part 2 of 3" not in roomy
    assert roomy.endswith("Part 3 of 3:\n- C one [5].\n- C two [6].\n</notes>")
    tight = notes_block(notes, 37, "gpt-4o-mini")  # tokens for each part's first note and one more
    assert "A one" in tight and "C one" in tight and "A two" in tight
    assert "C two" not in tight and "A three" not in tight
    assert "</notes>" not in notes_block([["x </notes> y [1]."]], 100, "gpt-4o-mini")[:-9]


def test_streamed_into_a_pipe_each_call_is_labelled_then_the_verified_brief_follows(
    meeting: Path, srv: FakeOpenAI, embedder
) -> None:
    last = f"[{len(material(meeting, embedder))}]"  # the file's last passage, as the merge numbers it
    out = run_cli("brief", "--source", SOURCE, "--no-refresh", cwd=meeting, env=env(srv, BRIEFBOT_STREAM="on"))
    assert out.returncode == 0, out.stderr
    streamed, final = out.stdout.split("── verified answer ──\n")
    labels = re.findall(r"^\((reading part \d of 3|merging the summaries of 3 parts)\)$", streamed, re.MULTILINE)
    assert labels == [f"reading part {k} of 3" for k in range(1, 4)] + ["merging the summaries of 3 parts"]
    last_part, merged = streamed.split("(reading part 3 of 3)")[1].split("(merging the summaries of 3 parts)")
    assert "Engineer:" in last_part and last not in last_part  # a part's notes, in its own numbering
    assert "Engineer:" in merged and f"{last}." in merged  # the merge's, in the whole file's
    brief = final.splitlines()[0]
    assert speakers(brief) == ALL and "[6]" in brief and "(reading" not in final
    assert "read in 3 parts, then merged: 4 model calls" in final


def test_a_terminal_shows_which_part_is_being_read_while_waiting(meeting: Path, srv: FakeOpenAI) -> None:
    srv.push(slow_stream(None, first_delay=120, ping=0.5), endpoint="chat")
    s = PtySession("brief", "--source", SOURCE, "--no-refresh", "--model", "local", cwd=meeting,
                   env=env(srv, BRIEFBOT_CONTEXT_TOKENS="500"))
    try:
        s.read_until(r"\(reading part 1 of 4\) waiting for local… \d+ s")
        assert s.proc.poll() is None
    finally:
        s.kill()


def test_a_pipe_shows_each_stage_on_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    from rich.console import Console

    from briefbot.faces.terminal import SEPARATOR, StreamDisplay

    with StreamDisplay(Console(), "local", terminal=False) as display:
        display.stage("reading part 1 of 2")
        display("Rain [1].")
        display.stage("merging the summaries of 2 parts")
        display("Rain fell [1].")
    out = capsys.readouterr().out
    assert out == f"(reading part 1 of 2)\nRain [1].\n\n(merging the summaries of 2 parts)\nRain fell [1].\n\n{SEPARATOR}\n"


def test_one_call_allowed_reads_passages_taken_evenly_not_just_the_head(meeting: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    spans = material(meeting, embedder)
    answer = make_bot(meeting, srv, monkeypatch, embedder, brief_map_calls=1).brief(source=SOURCE)
    calls = [r.json for r in srv.requests_to("/chat/completions")]
    assert [kind(c) for c in calls] == ["brief"] and prompt_tokens(calls[0]) <= 3000
    user = calls[0]["messages"][1]["content"]
    assert numbered_from_1(calls[0])
    taken = [spans.index(span) for span in read(calls[0])]
    assert taken == sorted(set(taken)) and taken[0] == 0 and taken[-1] == len(spans) - 1 and len(taken) < len(spans)
    assert max(b - a for a, b in pairwise(taken)) <= 3  # spread evenly: no stretch of the file left out
    assert speakers(user) == ALL and {third(spans[i][0]) for i in taken} == {0, 1, 2}
    assert speakers(answer.text) == {"Finance", "Engineer"}  # the first passage and the last, as the model quoted them
    assert answer.notes == [(
        f"the material did not fit one prompt (context_tokens 3000): {len(taken)} of its {len(spans)} passages were "
        "read, taken evenly across it"
    )]


def test_usage_over_all_calls_is_estimated_when_the_server_reports_none(meeting: Path, srv: FakeOpenAI, monkeypatch, embedder) -> None:
    srv.send_usage = False
    answer = make_bot(meeting, srv, monkeypatch, embedder, context_tokens=500).brief(source=SOURCE)
    assert len(srv.requests_to("/chat/completions")) == 5
    assert answer.usage is not None and answer.usage.estimated
    assert answer.usage.prompt_tokens > 4 * (238 + 150) + 288  # four parts (template and a passage each), the merge
