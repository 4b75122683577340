"""Showing results: for people on a terminal (safe from escape sequences in documents) or as JSON."""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

from briefbot.schema import Answer, IngestReport, Passage, Usage

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


def console(stderr: bool = False) -> Console:
    """Colour only on a terminal, never with NO_COLOR (rich reads both); plain text when piped."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


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


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def render_answer(answer: Answer, out: Console, nearest: int = 3) -> None:
    from rich.text import Text

    out.print(answer_body(answer.text, out))
    if answer.citations:
        out.print()
        out.print(Text("Sources", style="bold"))
        for c in answer.citations:
            line = Text(f"[{c.n}] ", style="bold")
            line.append(clean(c.location), style="cyan")
            if c.section:
                line.append(f"  § {clean(c.section)}", style="green")
            line.append(f"  {excerpt(c.text)}", style="dim")
            out.print(line)
    elif not answer.answered and answer.passages:
        out.print()
        out.print(Text("Nearest passages", style="bold"))
        for p in answer.passages[:nearest]:
            render_passage_line(p, out)
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
    line.append(clean(p.chunk.source_lines), style="cyan")
    line.append(f"  {excerpt(p.chunk.text)}")
    out.print(line)


def passage_dict(p: Passage) -> dict[str, Any]:
    c = p.chunk
    return {
        "source": c.source,
        "start_line": c.start_line,
        "end_line": c.end_line,
        "page": c.page,
        "section": c.context,
        "score": round(p.score, 4),
        "dense_score": None if p.dense_score is None else round(p.dense_score, 4),
        "lexical_score": None if p.lexical_score is None else round(p.lexical_score, 4),
        "text": c.text,
    }


def render_search(passages: list[Passage], out: Console) -> None:
    from rich.text import Text

    if not passages:
        out.print("No passages found.")
    for i, p in enumerate(passages, 1):
        head = Text(f"[{i}] ", style="bold")
        head.append(clean(p.chunk.source_lines), style="cyan")
        if p.chunk.context:
            head.append(f"  § {clean(p.chunk.context)}", style="green")
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
    return s + f"; {r.chunks} chunks written ({r.embedded} embedded), {r.total_chunks} in index; {r.seconds:.1f}s"


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
