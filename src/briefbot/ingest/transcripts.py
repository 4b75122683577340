"""Meeting and video transcripts: WebVTT (.vtt: Zoom, Teams, Meet, YouTube) and SubRip (.srt) captions.

A transcript's cues are read as what was said, turn by turn: each cue's text stays on its own line, a speaker's
label ("Alice Smith: ") opens the line where their turn starts (from a WebVTT voice tag ``<v Alice Smith>`` or a
"Name: " the captioner wrote), and the cue numbers, timings, NOTE and STYLE blocks are left out. So a sentence that
runs across cues reads whole, and "What did Alice say about the budget?" finds Alice's turns (answer/extract/speakers.py).

Citations still count the file's own lines: the document's line table maps every line of the text back to the
line of the file it came from, so ``standup.vtt:41-47`` opens in an editor at the cues quoted, timings above them.
Captions that roll (each cue repeating the line before it, as auto-generated ones do) are read once.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefbot.errors import LoadError
from briefbot.ingest.textfile import read_text_file
from briefbot.schema import Document

# "00:01:02.500 --> 00:01:05.000 align:start" (WebVTT; hours optional) or "00:01:02,500 --> 00:01:05,000" (SubRip)
_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->\s+(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\b")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>", re.IGNORECASE)  # <v Alice> or <v.loud Alice>
# <c>, <i>, </v>, <font color=...>, karaoke timestamps <00:00:01.000>, and SubRip's {\an8}-style position codes
_TAG = re.compile(r"</?[a-z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}", re.IGNORECASE)
# A captioner's "Alice Smith: " or "ALICE: " in the text itself (Zoom's transcripts, many .srt files)
_SAID_BY = re.compile(r"^((?:[A-Z][\w.'-]*|[A-Z]{2,})(?:[ ][A-Z][\w.'-]*){0,3}):\s+(?=\S)")
_DASH = re.compile(r"^[-–]\s+")  # "- Where to?" (a change of speaker in subtitles)


def load_vtt(path: Path, source: str) -> Document:
    """A WebVTT transcript (it must start with "WEBVTT"), turn by turn, lines counted as in the file."""
    raw = read_text_file(path).lstrip("\ufeff")
    if not raw.startswith("WEBVTT"):
        raise LoadError(f"{source}: not a WebVTT file (it does not start with WEBVTT)")
    return _transcript(source, raw.split("\n"), "WebVTT")


def load_srt(path: Path, source: str) -> Document:
    """A SubRip subtitle file, turn by turn, lines counted as in the file."""
    return _transcript(source, read_text_file(path).lstrip("\ufeff").split("\n"), "SubRip")


def _cues(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Each cue's text lines with their 0-based line numbers in the file (header, NOTE, STYLE, REGION left out)."""
    cues: list[list[tuple[int, str]]] = []
    i = 0
    while i < len(lines):
        if not _TIMING.match(lines[i]):
            i += 1  # header, cue number or identifier, NOTE/STYLE/REGION block, blank line
            continue
        i += 1
        payload: list[tuple[int, str]] = []
        while i < len(lines) and lines[i].strip() and not _TIMING.match(lines[i]):
            payload.append((i, lines[i]))
            i += 1
        if i < len(lines) and _TIMING.match(lines[i]) and payload and payload[-1][1].strip().isdigit():
            payload.pop()  # no blank line before the next cue: its number is no text
        cues.append(payload)
    return cues


def _label(name: str) -> str:
    """A speaker's name as a turn label: name characters only, each word capitalised, at most four words."""
    words = re.sub(r"[^\w.'-]+", " ", html.unescape(name)).split()[:4]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _transcript(source: str, lines: list[str], kind: str) -> Document:
    cues = _cues(lines)
    if not cues:
        raise LoadError(f"{source}: not a {kind} transcript (no cue timings such as 00:00:01.000 --> 00:00:04.000)")
    out: list[tuple[int, str]] = []  # (line number in the file, text line)
    speaker: str | None = None
    previous = ""  # the last kept line's words, without the label it may have been given
    for payload in cues:
        for n, line in payload:
            voice = _VOICE.search(line)
            if voice:
                line = line[: voice.start()] + line[voice.end() :]
            text = " ".join(html.unescape(_TAG.sub("", line)).split())
            said = _SAID_BY.match(text)
            name = _label(voice.group(1)) if voice else _label(said.group(1)) if said else None
            if said:
                text = text[said.end() :]
            text = _DASH.sub("", text)
            if not text or text == previous:
                continue  # an empty cue, or a rolling caption repeating the line before
            previous = text
            if name and name != speaker:
                speaker = name
                text = f"{name}: {text}"
            out.append((n, text))
    if not out:
        raise LoadError(f"{source}: the transcript has no text")
    return mapped_document(source, out, len(lines))


def mapped_document(source: str, out: list[tuple[int, str]], file_lines: int) -> Document:
    """The text, one cue line per line, with a line table that maps each offset to its line in the file.

    ``Document.line_of`` counts the line starts at or before an offset; every line of the file that has no text
    here (timings, numbers, blanks) starts where the next kept line starts, so a kept line counts as its own line.
    """
    text = "\n".join(t for _, t in out) + "\n"
    offsets: list[int] = []
    pos = 0
    for _, t in out:
        offsets.append(pos)
        pos += len(t) + 1
    starts: list[int] = []
    k = 0
    for n in range(file_lines):
        while k < len(out) and out[k][0] < n:
            k += 1
        starts.append(offsets[k] if k < len(out) else len(text))
    starts[0] = 0
    return Document(source=source, text=text, line_starts=tuple(starts))
