"""E-mail messages saved as .eml (Outlook, Thunderbird, Apple Mail, Gmail's "Download message"): who wrote to whom,
when, about what, and what was said.

The text is the message's From, To, Cc, Date and Subject lines, then its body: the text/plain part, or the HTML
part's main text when there is no plain one; attachments are named, not read. Citations count the file's own lines:
a header line is cited where it starts in the file, a body written out as it is (plain text, 7- or 8-bit) line by
line, a quoted-printable one by the encoded line each of its lines starts on; a base64 or HTML body from where its
text starts. The subject and the sender are the section, as a heading is in Markdown.

A plain-text file that holds a thread copied out of a mail program (each message under its own From / Sent or Date /
To / Subject lines) is read as it is, each message's subject and sender its section from its From line on.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import replace
from email.message import EmailMessage
from email.utils import parseaddr
from itertools import accumulate
from pathlib import Path

from briefbot.errors import LoadError
from briefbot.ingest.plain_headings import plain_sections
from briefbot.ingest.text_tables import text_tables
from briefbot.ingest.textfile import load_plain, read_text_file
from briefbot.ingest.transcripts import mapped_document
from briefbot.schema import Document

_SHOWN = ("From", "To", "Cc", "Date", "Subject")
_HEADER_START = re.compile(r"^([A-Za-z][\w-]*):", re.MULTILINE)
# A message's header block in a thread pasted into a text file: a From line, then (up to a blank line) at least one of
# Sent, Date, To or Subject. Outlook writes "From: Name [mailto:address]" or "From: Name <address>".
_THREAD_FROM = re.compile(r"^From:[ \t]*(\S[^\n]*)\n((?:[A-Za-z][\w-]*:[^\n]*\n){1,8})", re.MULTILINE)
_THREAD_FIELD = re.compile(r"^(Sent|Date|To|Subject):[ \t]*([^\n]*)$", re.MULTILINE)
# A reply's quoted earlier messages: each line's "> " marks (one per level), and the line that introduces a message,
# "On Tue, 2 Dec 2025 at 19:06, Name <address> wrote:" (Gmail, Apple Mail, Thunderbird; it can wrap onto two lines).
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_ATTRIBUTION = re.compile(r"^On\s+(?P<when>[^\n]{4,60}?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|[^,\n]{4,60}\d{4}),?\s+"
                          r"(?P<who>[^,\n]{2,80}?)\s+wrote:\s*$")


def load_eml(path: Path, source: str) -> Document:
    raw = read_text_file(path)
    head, sep, _ = raw.partition("\n\n")
    if not sep or not any(re.match(rf"{name}:", line, re.IGNORECASE) for line in head.split("\n") for name in ("From", "Subject")):
        raise LoadError(f"{path}: not an e-mail message (no From or Subject header line)")
    try:
        return _read(path, source, raw, head)
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a header or MIME structure the email package cannot take
        raise LoadError(f"{path}: the e-mail message is damaged ({type(exc).__name__})") from None


def _read(path: Path, source: str, raw: str, head: str) -> Document:
    # Parsed from the file's bytes: from a str, an 8-bit body's own charset is lost ("£210" came out as "�210").
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    lines: list[tuple[int, str]] = []  # (0-based line of the file, text)
    header_line: dict[str, int] = {}  # each header's first line in the file (0-based)
    for m in _HEADER_START.finditer(head):
        header_line.setdefault(m.group(1).lower(), head.count("\n", 0, m.start()))
    for name in _SHOWN:
        value = msg.get(name)
        if value:
            lines.append((header_line.get(name.lower(), 0), f"{name}: {' '.join(str(value).split())}"))
    lines.sort(key=lambda kept: kept[0])  # in the file's order, so the line table runs forward
    body, part = _body(msg)
    attachments = [p.get_filename() for p in msg.iter_attachments() if p.get_filename()]
    if not body.strip() and not attachments:
        raise LoadError(f"{path}: the message has no text")
    lines.append((len(head.split("\n")), ""))
    subject = " ".join(str(msg.get("Subject") or "").split())
    body_lines, quoted = _unquoted(_body_lines(raw, body, part, head), subject)
    # Tables ruled off with dashes and aligned fields ("RMA number:    RMA-2026-11872") as rows, one line per line.
    tabled = text_tables("\n".join(t for _, t in body_lines)).split("\n")
    body_lines = [(n, t) for (n, _), t in zip(body_lines, tabled)]
    body_at = len(lines)
    lines.extend(body_lines)
    if attachments:
        lines.append((lines[-1][0], "Attachments: " + ", ".join(attachments)))
    doc = mapped_document(source, lines, raw.count("\n") + 1)
    section = _section(subject, str(msg.get("From") or ""))
    offsets = [0, *accumulate(len(t) + 1 for _, t in lines)]  # where each line starts in the text
    sections = ((0, section),) if section else ()
    sections += tuple((offsets[body_at + k], title) for k, title in quoted)
    return replace(doc, sections=sections)


def _unquoted(lines: list[tuple[int, str]], subject: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The body with the "> " marks of quoted earlier messages taken off, each "On ..., Name <address> wrote:" line
    left out, and where each quoted message starts (its index among the lines kept) with its section: the subject and
    who wrote it, on what date. Marked, the quoted lines were not sentences ("> Order HP-448201" did not read as the
    order's number) and the "wrote:" line was quoted as an answer about its writer."""
    out: list[tuple[int, str]] = []
    starts: list[tuple[int, str]] = []
    skip = -1
    for n, (line_no, text) in enumerate(lines):
        if n == skip:
            continue
        bare = _QUOTE_MARKS.sub("", text)
        m = _ATTRIBUTION.match(bare.strip())
        if m is None and n + 1 < len(lines) and bare.strip().startswith("On "):  # wrapped over two lines
            m = _ATTRIBUTION.match(f"{bare.strip()} {_QUOTE_MARKS.sub('', lines[n + 1][1]).strip()}")
            skip = n + 1 if m is not None else -1
        if m is not None:
            writer = " ".join(m.group("who").split())
            who = _section(subject, writer) if "@" in writer else ", from ".join(x for x in (subject, writer) if x)
            starts.append((len(out), f"{who}, {' '.join(m.group('when').split())}"))
            continue
        out.append((line_no, bare))
    return out, starts


def load_text(path: Path, source: str) -> Document:
    """A plain-text file; when it holds an e-mail thread, each message's subject and sender are its section, else its
    title in capitals (ingest/plain_headings.py); tables ruled off with dashes are written as rows
    (ingest/text_tables.py)."""
    doc = load_plain(path, source)
    doc = Document.from_text(source, text_tables(doc.text))
    sections = thread_sections(doc.text) or plain_sections(doc.text)
    return replace(doc, sections=sections) if sections else doc


def thread_sections(text: str) -> tuple[tuple[int, str], ...]:
    """(offset of each message's From line, "Subject, from Name (domain)") for the messages of a pasted thread."""
    out: list[tuple[int, str]] = []
    for m in _THREAD_FROM.finditer(text):
        fields = {name.lower(): value.strip() for name, value in _THREAD_FIELD.findall(m.group(2))}
        if not fields:
            continue
        sender = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", m.group(1).strip())
        out.append((m.start(), _section(" ".join(fields.get("subject", "").split()), sender)))
    return tuple(out)


def _section(subject: str, sender: str) -> str:
    """The message's section: its subject and who wrote it ("RE: revised terms, from Raj Patel (clearfleet.io)"), so
    every passage of it is found by its sender's name and firm, and a citation says who said it."""
    name, address = parseaddr(sender)
    domain = address.rpartition("@")[2]
    who = " ".join(name.split()) or address
    if who and domain and domain not in who:
        who += f" ({domain})"
    return ", from ".join(part for part in (subject, who) if part)


def _body(msg: EmailMessage) -> tuple[str, EmailMessage | None]:
    """The message's text and the part it came from: its plain text, else its HTML's main text."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", None
    assert isinstance(part, EmailMessage)
    payload = part.get_payload(decode=True)
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken encoding
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if isinstance(payload, bytes) and not payload.isascii() and part.get_content_charset() in (None, "us-ascii", "ascii"):
        # 8-bit text under no charset (a message saved by hand, "£10" in UTF-8) is read as ASCII by the email
        # package ("��10"), and its lines are then not found in the file: read as UTF-8, else Windows-1252
        try:
            content = payload.decode("utf-8")
        except UnicodeDecodeError:
            content = payload.decode("cp1252", "replace")
    text = content if isinstance(content, str) else ""
    if part.get_content_subtype() == "html":
        from briefbot.ingest.formats import html_document

        try:
            text = html_document("", text).text
        except LoadError:
            text = ""
    return text.replace("\r\n", "\n").replace("\r", "\n"), part


def _body_lines(raw: str, body: str, part: EmailMessage | None, head: str) -> list[tuple[int, str]]:
    """The body's lines, each with its line in the file: written out as it is, line by line; quoted-printable, by
    the encoded line each decoded line starts on; otherwise (base64, HTML) at the line where the part's text starts."""
    text = body.strip("\n")
    lines = text.split("\n")
    plain = part is not None and part.get_content_subtype() == "plain"
    at = raw.find(text, len(head)) if text and plain else -1
    if at != -1:
        first = raw.count("\n", 0, at)
        return [(first + k, line) for k, line in enumerate(lines)]
    encoded = part.get_payload(decode=False) if part is not None else None
    where = raw.find(encoded.strip("\n"), len(head)) if isinstance(encoded, str) and encoded.strip() else -1
    first = raw.count("\n", 0, where) if where != -1 else len(head.split("\n")) + 1
    if plain and where != -1 and str(part.get("Content-Transfer-Encoding", "")).lower() == "quoted-printable":
        starts, decoded = [], 0  # the encoded line each decoded line starts on ("=" at a line's end: it goes on)
        for k, enc in enumerate(encoded.strip("\n").split("\n")):
            if len(starts) == decoded:
                starts.append(first + k)
            if not enc.endswith("="):
                decoded += 1
        if len(starts) >= len(lines):
            return list(zip(starts, lines))
    return [(first, line) for line in lines]
