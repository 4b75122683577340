"""Showing results: for people on a terminal (safe from escape sequences in documents) or as JSON."""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

from briefbot.schema import NEAREST_PASSAGES, Answer, IngestReport, Passage, Usage
from briefbot.text.counts import plural

if TYPE_CHECKING:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    from briefbot.eval import EvalReport

# C0 and C1 control characters other than newline and tab, including ESC: never replayed raw.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text from documents made safe for a terminal: control characters shown as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# Every control character, newline and tab too, and Unicode's line and paragraph separators: a name
# is one line wherever it is printed (a file called "a<newline>b.txt" must not split a citation).
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAME_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def clean_name(text: str) -> str:
    """A file name (or a one-line message naming files) made safe and one line: every control
    character shown as a visible escape, ``\\n`` and ``\\t`` included."""

    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return _NAME_ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")

    return _NAME_CONTROL.sub(escape, text)


def console(stderr: bool = False) -> Console:
    """Colour only on a terminal, never with NO_COLOR (rich reads both); plain text when piped."""
    from rich.console import Console

    out = Console(stderr=stderr, highlight=False, soft_wrap=True)
    out.on_broken_pipe = _raise_broken_pipe  # type: ignore[method-assign]
    return out


def _raise_broken_pipe() -> None:
    """rich's own handler exits 1; the CLI decides instead (quietly, exit 0: the reader has gone)."""
    raise BrokenPipeError(32, "Broken pipe")


def answer_body(text: str, out: Console) -> Text | Markdown:
    """On a terminal the answer's markdown is rendered; piped, it is the text exactly as written."""
    from rich.markdown import Markdown
    from rich.text import Text

    text = clean(text)
    if out.is_terminal and _MARKDOWN.search(text):
        return Markdown(text, hyperlinks=False)
    return Text(text)


# Markdown worth rendering: emphasis, code, headings, lists, quotes (plain answers print as they are).
_MARKDOWN = re.compile(r"\*\*|__|`|^\s{0,3}(#{1,6}\s|[-*+]\s|\d+[.)]\s|>)", re.MULTILINE)


def usage_line(model: str, usage: Usage) -> str:
    about = "about " if usage.estimated else ""
    line = f"{model}: {about}{usage.prompt_tokens} tokens in, {about}{usage.completion_tokens} out"
    if usage.cost_usd is not None:
        line += f", est. ${usage.cost_usd:.6f}"
    if usage.estimated:
        line += " (estimated with tiktoken: the server reported no usage)"
    return line


def excerpt(text: str, limit: int = 160) -> str:
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


_C1 = re.compile(r"[\x7f-\x9f]")  # json leaves these raw; some terminals act on them (\x9b is CSI)


def json_text(data: Any) -> str:
    """The JSON every face prints (CLI ``--json``, HTTP, MCP): one format, so they compare byte for byte."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data))


def render_answer(answer: Answer, out: Console, nearest: int = NEAREST_PASSAGES) -> None:
    from rich.text import Text

    if answer.short_answer:
        out.print(Text(clean(answer.short_answer), style="bold"))  # the phrase that answers, then its context
    out.print(answer_body(answer.text, out))
    if answer.citations:
        out.print()
        out.print(Text("Sources", style="bold"))
        for c in answer.citations:
            line = Text(f"[{c.n}] ", style="bold")
            line.append(clean_name(c.location), style="cyan")
            if c.section:
                line.append(f"  § {clean_name(c.section)}", style="green")
            # From the quoted sentence: a paragraph written as one long line holds more than the quote.
            line.append(f"  {'…' if c.quote_start else ''}{excerpt(c.text[c.quote_start:])}", style="dim")
            out.print(line)
    elif not answer.answered and answer.passages:
        out.print()
        out.print(Text("Nearest passages", style="bold"))
        for p in answer.passages[:nearest]:
            render_passage_line(p, out)
    if answer.scope:
        out.print(Text(clean(answer.scope), style="dim"))
    if answer.unsupported:
        out.print(Text(unsupported_line(answer), style="dim"))
    if answer.invalid_citations:
        out.print(Text(f"(dropped citations to passages that were not given: {answer.invalid_citations})", style="yellow"))
    for note in answer.notes:
        out.print(Text(f"({clean(note)})", style="dim"))
    if answer.usage:
        u = answer.usage
        out.print(Text(usage_line(answer.model, u), style="dim"))


def unsupported_line(answer: Answer) -> str:
    """One line on what verification found: removed, or (with --no-verify) shown anyway."""
    n = len(answer.unsupported)
    what = f"{n} unsupported sentence{'s' if n != 1 else ''}"
    if answer.verified:
        return f"{what} removed (--no-verify to show them)"
    return f"{what} shown unchecked (--no-verify); they would have been removed"


def render_passage_line(p: Passage, out: Console) -> None:
    from rich.text import Text

    line = Text(f"{p.score:.3f} ", style="dim")
    line.append(clean_name(p.chunk.source_lines), style="cyan")
    line.append(f"  {excerpt(p.chunk.text)}")
    out.print(line)


def passage_dict(p: Passage) -> dict[str, Any]:
    return p.to_dict()


def render_search(passages: list[Passage], out: Console) -> None:
    from rich.text import Text

    if not passages:
        out.print("No passages found.")
    for i, p in enumerate(passages, 1):
        head = Text(f"[{i}] ", style="bold")
        head.append(clean_name(p.chunk.source_lines), style="cyan")
        if p.chunk.context:
            head.append(f"  § {clean_name(p.chunk.context)}", style="green")
        head.append(f"  score {p.score:.3f}", style="dim")
        out.print(head)
        out.print(Text(excerpt(p.chunk.text, 400)))
        out.print()


def ingest_summary(r: IngestReport) -> str:
    s = (
        f"{len(r.added)} added, {len(r.changed)} changed, {len(r.removed)} removed, "
        f"{r.unchanged} unchanged"
    )
    if r.skipped:
        s += f", {len(r.skipped)} skipped"
    if r.other_types:
        kinds = ", ".join(f"{n} {clean_name(ext)}" for ext, n in sorted(r.other_types.items(), key=lambda kv: (-kv[1], kv[0])))
        s += f", {sum(r.other_types.values())} not indexed (unknown type: {kinds})"
    return s + f"; {plural(r.chunks, 'chunk')} written ({r.embedded} embedded), {r.total_chunks} in index; {r.seconds:.1f}s"


def render_eval(report: EvalReport, out: Console, failures: int = 20) -> None:
    """The metrics as a small table, then the first ``failures`` questions that missed something."""
    from rich.text import Text

    m = report.metrics()

    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{100 * v:.1f}%"

    rows = [
        ("questions", str(m["questions"])),
        (f"recall@1 of sources ({m['with_sources']} with sources)", pct(m["recall@1"])),
        (f"recall@{m['k']} of sources", pct(m[f"recall@{m['k']}"])),
        ("MRR of sources", "n/a" if m["mrr"] is None else f"{m['mrr']:.3f}"),
        (f"answer containment ({m['with_answers']} with answers)", pct(m["answer_containment"])),
        ("citation precision", pct(m["citation_precision"])),
        ("abstention rate", pct(m["abstention_rate"])),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        out.print(Text(f"{name.ljust(width)}  {value}"))
    failed = [r for r in report.results if r.failures]
    if failed and failures:
        out.print()
        out.print(Text(f"Failures ({len(failed)})", style="bold"))
        for r in failed[:failures]:
            out.print(Text(f"- {excerpt(r.question.question, 100)}", style="bold"))
            out.print(Text(f"  {'; '.join(r.failures)}"))
            out.print(Text(f"  answer: {excerpt(r.answer.text, 200)}", style="dim"))
        if len(failed) > failures:
            out.print(Text(f"... and {len(failed) - failures} more (see --json)", style="dim"))
