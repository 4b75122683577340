"""Meeting transcripts as WebVTT (.vtt) and SubRip (.srt): read turn by turn, cited at the file's own lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from .conftest import run_cli

from briefbot.api import Briefbot
from briefbot.errors import LoadError
from briefbot.ingest.transcripts import load_srt, load_vtt
from briefbot.settings import load_settings

# Teams-style voice tags, a sentence running across two cues, a NOTE block, an entity, a cue left empty by its tag.
STANDUP = """WEBVTT

NOTE recorded on 12 May 2025

1
00:00:01.000 --> 00:00:04.200
<v Alice Smith>Good morning, everyone. The budget for the pilot
is forty thousand euros.</v>

2
00:00:04.500 --> 00:00:08.000
<v Alice Smith>We will ship the beta on 3 June.</v>

3
00:00:08.500 --> 00:00:12.000 align:start position:10%
<v.loud Bob Jones>I can take the testing &amp; release plan, but the lab
</v>

4
00:12.000 --> 00:15.000
<v Bob Jones>closes on Fridays, so we test on Thursdays.</v>
"""

# Zoom-style "Name: " in the cue text, and YouTube-style rolling captions with karaoke timestamps.
ZOOM = """WEBVTT

1
00:00:00.000 --> 00:00:03.000
Priya Nair: The new pump station<00:00:01.200><c> opens in</c> October.

2
00:00:03.000 --> 00:00:03.010
Priya Nair: The new pump station opens in October.

3
00:00:03.010 --> 00:00:06.000
Priya Nair: The new pump station opens in October.
It cost twelve million dollars.
"""

TALK = """1
00:00:01,000 --> 00:00:03,000
CAROL: Our harbour survey found
three wrecks near the pier.

2
00:00:03,500 --> 00:00:05,000
- DAVE: The oldest one sank in 1911.
"""


def test_vtt_turns_with_speakers_and_every_line_counted_as_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "standup.vtt"
    path.write_text(STANDUP, encoding="utf-8")
    doc = load_vtt(path, "standup.vtt")
    assert doc.text.split("\n")[:-1] == [
        "Alice Smith: Good morning, everyone. The budget for the pilot",
        "is forty thousand euros.",
        "We will ship the beta on 3 June.",
        "Bob Jones: I can take the testing & release plan, but the lab",
        "closes on Fridays, so we test on Thursdays.",
    ]
    starts = [doc.line_of(i) for i in range(len(doc.text)) if i == 0 or doc.text[i - 1] == "\n"]
    assert starts == [7, 8, 12, 16, 21]
    file_lines = STANDUP.split("\n")
    assert [file_lines[n - 1][:12] for n in starts] == [
        "<v Alice Smi", "is forty tho", "<v Alice Smi", "<v.loud Bob ", "<v Bob Jones"]


def test_zoom_labels_and_rolling_captions_are_read_once(tmp_path: Path) -> None:
    path = tmp_path / "zoom.vtt"
    path.write_text(ZOOM, encoding="utf-8")
    doc = load_vtt(path, "zoom.vtt")
    assert doc.text == "Priya Nair: The new pump station opens in October.\nIt cost twelve million dollars.\n"
    assert doc.line_of(doc.text.index("It cost")) == 14


def test_srt_with_labels_and_dialogue_dashes(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(TALK, encoding="utf-8")
    doc = load_srt(path, "talk.srt")
    assert doc.text == "CAROL: Our harbour survey found\nthree wrecks near the pier.\nDAVE: The oldest one sank in 1911.\n"
    assert [doc.line_of(doc.text.index(w)) for w in ("CAROL", "three", "DAVE")] == [3, 4, 8]


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("notes.vtt", "Just some notes.\n", "not a WebVTT file (it does not start with WEBVTT)"),
        ("notes.srt", "Just some notes.\n", "not a SubRip transcript (no cue timings such as 00:00:01.000 --> 00:00:04.000)"),
        ("silent.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann></v>\n", "the transcript has no text"),
    ],
)
def test_a_file_that_is_no_transcript_is_a_load_error_naming_it(tmp_path: Path, name: str, text: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        (load_vtt if name.endswith(".vtt") else load_srt)(path, name)
    assert str(err.value) == f"{name}: {reason}"


def test_transcripts_answered_and_cited_at_the_lines_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "meetings"
    docs.mkdir()
    (docs / "standup.vtt").write_text(STANDUP, encoding="utf-8")
    (docs / "talk.srt").write_text(TALK, encoding="utf-8")
    bot = Briefbot(load_settings(None, corpus="meetings", generator="extractive"))
    bot._embedder = embedder
    report = bot.ingest()
    assert sorted(report.added) == ["meetings/standup.vtt", "meetings/talk.srt"] and not report.skipped

    a = bot.ask("When will the beta ship?")
    assert a.answered and a.short_answer == "3 June" and "We will ship the beta on 3 June." in a.text
    c = a.citations[0]
    assert c.source == "meetings/standup.vtt"
    # Narrowed to the cue quoted, counted in the file's own lines (the chunk's line map skips the timing lines).
    lines = (docs / "standup.vtt").read_text(encoding="utf-8").split("\n")
    assert (c.start_line, c.end_line) == (12, 12) and lines[11] == "<v Alice Smith>We will ship the beta on 3 June.</v>"
    assert c.text == "We will ship the beta on 3 June."

    a = bot.ask("What year did the oldest wreck sink?")
    assert a.answered and a.short_answer == "1911"
    assert (a.citations[0].source, a.citations[0].start_line, a.citations[0].end_line) == ("meetings/talk.srt", 8, 8)

    # Bob's turn, found by who spoke (answer/extract/speakers.py reads the label the voice tag became); his sentence runs
    # over two cues, so it is cited from the first cue's line to the second's.
    a = bot.brief(about="What did Bob Jones say about the lab?")
    assert a.answered and a.text.startswith("Bob Jones: I can take the testing & release plan")
    c = a.citations[0]
    assert (c.start_line, c.end_line) == (16, 21)


def test_cli_skips_a_broken_transcript_with_one_line_and_lists_the_types_it_reads(tmp_path: Path) -> None:
    docs = tmp_path / "corpus"
    docs.mkdir()
    (docs / "standup.vtt").write_text(STANDUP, encoding="utf-8")
    (docs / "broken.vtt").write_text("00:01 hello\n", encoding="utf-8")
    r = run_cli("ingest", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "briefbot: skipped corpus/broken.vtt: not a WebVTT file (it does not start with WEBVTT)"
    assert json.loads(r.stdout)["added"] == ["corpus/standup.vtt"]
    r = run_cli("ingest", "--help", cwd=tmp_path)
    assert ".vtt, .srt and .eml" in " ".join(r.stdout.split())


def test_cues_without_blank_lines_between_them_and_subrip_position_codes(tmp_path: Path) -> None:
    path = tmp_path / "tight.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Where is the ferry?</i>\n2\n"
                    "00:00:02,500 --> 00:00:04,000\n<font color=\"#ffff00\">It left at noon.</font>\n", encoding="utf-8")
    doc = load_srt(path, "tight.srt")
    assert doc.text == "Where is the ferry?\nIt left at noon.\n"
    assert [doc.line_of(doc.text.index(w)) for w in ("Where", "It left")] == [3, 6]
