"""E-mail messages (.eml): headers and body read, the subject as the section, cited at the file's own lines."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from briefbot.api import Briefbot
from briefbot.errors import LoadError
from briefbot.schema import IngestReport
from briefbot.ingest.emails import load_eml
from briefbot.settings import load_settings

from .conftest import run_cli

OFFER = """Return-Path: <raj.patel@clearfleet.io>
Received: from mail.clearfleet.io (mail.clearfleet.io [203.0.113.5])
\tby mx.northmere-logistics.co.uk; Tue, 13 Jan 2026 16:47:09 +0000
Date: Tue, 13 Jan 2026 16:47:05 +0000
From: Raj Patel <raj.patel@clearfleet.io>
To: Claire Whitcombe <c.whitcombe@northmere-logistics.co.uk>
Subject: RE: ClearFleet telematics proposal - revised terms
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hi Claire,

On the SLA, 99.5% is fine. Service credits would be 5% of the monthly
fee for each 0.1% below target, capped at 25%.

On price, we can offer GBP 16.75 per vehicle per month if the term is
48 months.

Best,
Raj
"""


def concerns(path: Path) -> Path:
    """A multipart message as mail clients write it: quoted-printable text, an HTML alternative, an attachment."""
    m = EmailMessage()
    m["From"] = "Owen Bassett <o.bassett@northmere-logistics.co.uk>"
    m["To"] = "Raj Patel <raj.patel@clearfleet.io>"
    m["Subject"] = "Re: revised terms – our concerns"
    m["Date"] = "Wed, 14 Jan 2026 09:02:00 +0000"
    m.set_content("Raj,\n\nA 48-month term worries me. Our vehicle leases renew in 2028 and we may reduce the fleet "
                  "then.\nCould we have a break clause at month 36?\n\nOwen — Director of Operations\n",
                  charset="utf-8", cte="quoted-printable")
    m.add_alternative("<html><body><p>Raj,</p><p>A 48-month term worries me.</p></body></html>", subtype="html")
    m.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="fleet-plan.pdf")
    path.write_text(m.as_string(), encoding="utf-8")
    return path


def test_a_plain_message_its_headers_body_subject_and_lines(tmp_path: Path) -> None:
    (tmp_path / "offer.eml").write_text(OFFER, encoding="utf-8")
    doc = load_eml(tmp_path / "offer.eml", "offer.eml")
    assert doc.text.split("\n")[:5] == [
        "Date: Tue, 13 Jan 2026 16:47:05 +0000", "From: Raj Patel <raj.patel@clearfleet.io>",
        "To: Claire Whitcombe <c.whitcombe@northmere-logistics.co.uk>",
        "Subject: RE: ClearFleet telematics proposal - revised terms", "",
    ]
    assert doc.sections == ((0, "RE: ClearFleet telematics proposal - revised terms, from Raj Patel (clearfleet.io)"),)
    lines = OFFER.split("\n")
    for phrase in ("From: Raj Patel", "On the SLA, 99.5% is fine.", "48 months.", "Raj\n"):
        at = doc.line_of(doc.text.index(phrase))
        assert phrase.strip() in lines[at - 1], (phrase, at)  # every line counted as in the file


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1"])
def test_an_8bit_body_is_read_in_its_own_charset(tmp_path: Path, charset: str) -> None:
    # the message parsed from text lost the body's charset: "London: up to £210" was read as "up to \ufffd210"
    body = "The nightly limits are now:\n- London: up to £210 per night (previously £180)\n- Café meals: £25\n"
    text = OFFER.replace("charset=utf-8", f"charset={charset}").split("\n\n")[0] + "\n\n" + body
    (tmp_path / "limits.eml").write_bytes(text.encode(charset))
    doc = load_eml(tmp_path / "limits.eml", "limits.eml")
    assert "London: up to £210 per night (previously £180)" in doc.text and "Café meals: £25" in doc.text
    assert "\ufffd" not in doc.text
    assert doc.line_of(doc.text.index("- London")) == text.split("\n").index("- London: up to £210 per night (previously £180)") + 1


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_an_8bit_body_under_no_charset_is_read_as_utf8_or_windows_1252(tmp_path: Path, encoding: str) -> None:
    # a message saved by hand, with no Content-Type: "£10" in UTF-8 came out as "\ufffd\ufffd10", and then every body
    # line was cited as the body's first line (bench/civic.py's test message)
    head = "\n".join(line for line in OFFER.split("\n\n")[0].split("\n") if not line.startswith(("MIME", "Content-")))
    body = "Dear Supplier,\n\nInsurance cover of £10 million is required.\n\nKind regards,\nRachel\nTel: 01632 960772\n"
    text = head + "\n\n" + body
    (tmp_path / "tender.eml").write_bytes(text.encode(encoding))
    doc = load_eml(tmp_path / "tender.eml", "tender.eml")
    assert "Insurance cover of £10 million is required." in doc.text and "\ufffd" not in doc.text
    lines = text.split("\n")
    for phrase in ("Insurance cover", "Tel: 01632 960772"):
        assert doc.line_of(doc.text.index(phrase)) == next(k for k, ln in enumerate(lines, 1) if ln.startswith(phrase))


def test_a_multipart_message_reads_its_text_part_and_names_its_attachments(tmp_path: Path) -> None:
    path = concerns(tmp_path / "concerns.eml")
    doc = load_eml(path, "concerns.eml")
    assert "Subject: Re: revised terms – our concerns" in doc.text  # the encoded subject decoded
    assert "A 48-month term worries me. Our vehicle leases renew in 2028 and we may reduce the fleet then." in doc.text
    assert doc.text.rstrip().endswith("Attachments: fleet-plan.pdf") and "<html>" not in doc.text
    raw = path.read_text(encoding="utf-8").split("\n")
    at = doc.line_of(doc.text.index("A 48-month term"))
    assert raw[at - 1].startswith("A 48-month term worries me.")  # the quoted-printable line it starts on
    assert raw[doc.line_of(doc.text.index("Could we")) - 1].startswith("Could we have a break clause")


@pytest.mark.parametrize(("text", "reason"), [
    ("Just a note without headers.\n\nSecond paragraph.\n", "not an e-mail message"),
    ("From: a@example.com\nSubject: empty\n\n\n", "the message has no text"),
])
def test_a_file_that_is_no_message_is_a_load_error_naming_it(tmp_path: Path, text: str, reason: str) -> None:
    (tmp_path / "x.eml").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=reason) as err:
        load_eml(tmp_path / "x.eml", "x.eml")
    assert str(tmp_path / "x.eml") in str(err.value)


def mail_bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> tuple[Briefbot, IngestReport]:  # type: ignore[no-untyped-def]
    """Both messages in ./mail, indexed."""
    monkeypatch.chdir(tmp_path)
    mail = tmp_path / "mail"
    mail.mkdir()
    (mail / "offer.eml").write_text(OFFER, encoding="utf-8")
    concerns(mail / "concerns.eml")
    bot = Briefbot(load_settings(None, corpus="mail", generator="extractive"))
    bot._embedder = embedder
    return bot, bot.ingest()


def test_messages_answered_and_cited_at_the_lines_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    bot, report = mail_bot(tmp_path, monkeypatch, embedder)
    mail = tmp_path / "mail"
    assert sorted(report.added) == ["mail/concerns.eml", "mail/offer.eml"] and not report.skipped
    a = bot.ask("What price per vehicle did ClearFleet offer?")
    assert a.answered and a.text.startswith("On price, we can offer GBP 16.75 per vehicle per month if the term is 48 months.")
    c = a.citations[0]
    assert (c.source, c.start_line, c.end_line) == ("mail/offer.eml", 17, 18)
    assert c.section == "RE: ClearFleet telematics proposal - revised terms, from Raj Patel (clearfleet.io)"
    a = bot.ask("Why does the 48-month term worry Owen?")
    raw = (mail / "concerns.eml").read_text(encoding="utf-8").split("\n")
    assert a.answered and a.citations[0].source == "mail/concerns.eml"
    assert raw[a.citations[0].start_line - 1].startswith("A 48-month term worries me.")


def test_cli_reads_eml_files(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "offer.eml").write_text(OFFER, encoding="utf-8")
    (tmp_path / "docs" / "broken.eml").write_text("no headers here\n", encoding="utf-8")
    out = run_cli("ingest", "docs", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "1 added" in out.stdout and "docs/broken.eml" in out.stderr and "not an e-mail message" in out.stderr


def test_a_message_is_found_by_its_senders_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    """The sender is part of every passage's section (embedded with it and shown in its citation), as a heading is: a
    passage of a long message far from its From line still says who wrote it."""
    bot, _ = mail_bot(tmp_path, monkeypatch, embedder)
    hits = bot.retriever().search("Owen Bassett term concerns", 2)
    assert hits[0].chunk.source == "mail/concerns.eml" and "from Owen Bassett" in (hits[0].chunk.context or "")


THREAD = """Notes kept by Claire on the telematics contract.

From: Raj Patel [mailto:raj.patel@clearfleet.io]
Sent: Tuesday, January 13, 2026 4:47 PM
To: Claire Whitcombe
Subject: RE: revised terms

On price, we can come down to GBP 16.75 per vehicle per month on a 48-month term.

From: Owen Bassett <o.bassett@northmere-logistics.co.uk>
Date: Wed, 14 Jan 2026 08:52:40 +0000
Subject: RE: revised terms

Claire,

A 48-month term worries me. Our vehicle leases renew in 2028 and we may reduce
the fleet to around 200 vans. Can we ask for a break clause at month 36?

From: the depot manager's point of view, weekends are better.
"""


def test_a_thread_pasted_into_a_text_file_has_each_message_as_a_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    """Each message of a thread copied out of a mail program is its own section (subject and sender, Outlook's
    "[mailto:]" form too), from its From line on; a sentence that starts "From:" is no message. Asked why, the answer
    quotes the reason that follows the sentence naming the worry."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "thread.txt").write_text(THREAD, encoding="utf-8")
    from briefbot.ingest.loading import load_document

    doc = load_document(tmp_path / "mail" / "thread.txt", "mail/thread.txt")
    assert [(doc.line_of(at), section) for at, section in doc.sections] == [
        (3, "RE: revised terms, from Raj Patel (clearfleet.io)"),
        (10, "RE: revised terms, from Owen Bassett (northmere-logistics.co.uk)"),
    ]
    bot = Briefbot(load_settings(None, corpus="mail", generator="extractive"))
    bot._embedder = embedder
    bot.ingest()
    a = bot.ask("Why was Owen Bassett worried about a 48-month term?")
    assert a.answered and "Our vehicle leases renew in 2028" in a.text, a.text
    c = a.citations[0]
    assert (c.start_line, c.end_line) == (16, 17) and c.section == "RE: revised terms, from Owen Bassett (northmere-logistics.co.uk)"


def test_a_brief_of_a_thread_quotes_no_fragment_of_a_quoted_reply(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    """A reply quotes the message before it line by line ("> ...,\\n>    which comes to ..."): the splitter reads each
    quoted line as a block, and the rest of a cut sentence ("which comes to just under GBP 160,000 ...") is no point
    for a brief. (The thread's header lines are no speakers' turns: it is not read as a transcript.)"""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail").mkdir()
    reply = THREAD + """
From: Raj Patel <raj.patel@clearfleet.io>
Date: Thu, 15 Jan 2026 09:12:00 +0000
Subject: RE: revised terms

We can add a break clause at month 36 with 90 days' notice for a fee of GBP 2,000.

> On Wed, 14 Jan 2026, Owen Bassett wrote:
> Our quote came to GBP 18.50 per vehicle per month on a 36-month term,
>    which comes to just under GBP 160,000 over the whole contract period.
"""
    (tmp_path / "mail" / "thread.txt").write_text(reply, encoding="utf-8")
    bot = Briefbot(load_settings(None, corpus="mail", generator="extractive"))
    bot._embedder = embedder
    bot.ingest()
    b = bot.brief(source="mail/thread.txt")
    assert b.answered and "break clause" in b.text
    sentences = [s.strip() for s in b.text.split("]") if s.strip()]
    assert not any(s[:1].islower() for s in sentences), b.text


REPLY = """Date: Wed, 03 Dec 2025 16:42:10 +0000
From: Declan Mbeki <declan.mbeki@hollisandpine.example>
To: Marguerite Olsen <marguerite.olsen@fernmail.example>
Subject: Re: Order HP-448201 - sofa not delivered
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Dear Ms Olsen,

I have refunded the delivery charge, a total of £79.00, to your card.

Declan Mbeki

On Tue, 2 Dec 2025 at 19:06, Marguerite Olsen <marguerite.olsen@fernmail.example>
wrote:
> I took a day off work, unpaid, for this.
>
> Marguerite Olsen
> Order HP-448201
>
> On Fri, 28 Nov 2025 at 19:41, Marguerite Olsen wrote:
>> The sofa was due between 7am and 7pm and nobody came.
"""


def test_quoted_earlier_messages_are_read_without_marks_each_under_its_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder) -> None:  # type: ignore[no-untyped-def]
    """A reply's quoted messages: the "> " marks go, the "On ..., Name wrote:" lines (one wrapped onto two) are no text
    to quote but each quoted message's section (its writer and date), and every line keeps its line in the file."""
    (tmp_path / "reply.eml").write_text(REPLY, encoding="utf-8")
    doc = load_eml(tmp_path / "reply.eml", "reply.eml")
    assert "wrote:" not in doc.text and not any(line.startswith(">") for line in doc.text.split("\n"))
    subject = "Re: Order HP-448201 - sofa not delivered"
    assert [title for _, title in doc.sections] == [
        f"{subject}, from Declan Mbeki (hollisandpine.example)",
        f"{subject}, from Marguerite Olsen (fernmail.example), Tue, 2 Dec 2025 at 19:06",
        f"{subject}, from Marguerite Olsen, Fri, 28 Nov 2025 at 19:41",
    ]
    starts = [doc.text[at:].split("\n", 1)[0] for at, _ in doc.sections[1:]]
    assert starts == ["I took a day off work, unpaid, for this.", "The sofa was due between 7am and 7pm and nobody came."]
    lines = REPLY.split("\n")
    for phrase in ("Order HP-448201", "I took a day off", "nobody came."):
        assert phrase in lines[doc.line_of(doc.text.index(phrase)) - 1], phrase

    monkeypatch.chdir(tmp_path)
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "reply.eml").write_text(REPLY, encoding="utf-8")
    bot = Briefbot(load_settings(None, corpus="mail", generator="extractive"))
    bot._embedder = embedder
    bot.ingest()
    a = bot.ask("When did Marguerite Olsen write about the sofa?")
    assert "wrote:" not in a.text and ">" not in a.text
