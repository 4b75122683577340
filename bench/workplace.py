"""Everyday workplace documents (not Wikipedia, not news): does the answer hold what the document says?

    python bench/workplace.py [--out workplace]      # half a minute: 7 documents, 42 questions, 8 unanswerable

bench/workplace/ holds seven documents of the kinds briefbot's users keep: Markdown board minutes and product notes
(headings, lists, a table, action items), a plain-text e-mail thread, an HTML press release, a status report, an
incident postmortem and a WebVTT all-hands transcript. A helper wrote them and the questions in
bench/workplace_questions.py on 2 Dec, blind to briefbot (it never ran it nor read its code); the first run is the
held-out figure (README, "Workplace documents"). The documents are fictional and written for this benchmark, so they
live in the repository (the data sets under ../shared/data do not). Asked through the Python API, offline answerer,
default settings; beside the answerer, whether a phrase is in the top 5 passages of BM25 alone, dense alone and the
default retrieval.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reports import figures, found_in_top5, holds
from workplace_questions import QUESTIONS, UNANSWERABLE

from briefbot.api import Briefbot

DOCS = Path(__file__).resolve().parent / "workplace"


def ask_all(docs: Path, questions: list[tuple], unanswerable: list[str]) -> tuple[list[dict], float]:
    """Index a copy of ``docs`` and ask every question (a 5th field: the page the answer is on, for PDFs)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / docs.name
        shutil.copytree(docs, corpus)
        bot = Briefbot(index=Path(tmp) / ".briefbot", corpus=[corpus], generator="extractive")
        bot.ingest()
        retriever = bot.retriever()
        rows = []
        t0 = time.perf_counter()
        for item, group in [(q, "answerable") for q in questions] + [(("", q, [], None), "unanswerable") for q in unanswerable]:
            source, question, phrases, short = item[:4]
            found = found_in_top5(bot, retriever, question, phrases) if phrases else {}
            answer = bot.ask(question)
            mine = [c for c in answer.citations if source and c.source.endswith(source)]
            row = {
                "group": group, "file": source, "question": question, "answered": answer.answered,
                "contained": answer.answered and holds(answer.text, phrases) if phrases else not answer.answered,
                "cited_file": bool(mine) if source else None,
                "short_expected": short, "short_answer": answer.short_answer,
                "short_right": short is not None and answer.short_answer is not None and short.lower() in answer.short_answer.lower(),
                "top5": found, "answer": answer.text,
            }
            if len(item) > 4:
                row["page_expected"], row["cited_pages"] = item[4], [c.page for c in mine]
            rows.append(row)
        return rows, (time.perf_counter() - t0) / len(rows)


def report(rows: list[dict], seconds: float, title: str) -> dict:
    """Print each question's outcome and the table; the summary written to the results file."""
    answerable = [r for r in rows if r["group"] == "answerable"]
    unanswerable = [r for r in rows if r["group"] == "unanswerable"]
    summary = {"answerable": figures(answerable), "unanswerable_declined": sum(not r["answered"] for r in unanswerable) / len(unanswerable),
               "cited_the_right_file": sum(bool(r["cited_file"]) for r in answerable) / len(answerable), "seconds_per_question": seconds}
    paged = [r for r in answerable if "page_expected" in r]
    if paged:  # of the answers that hold the phrase, those citing the page it is on
        right = [r for r in paged if r["contained"]]
        summary["page_right_when_contained"] = sum(r["page_expected"] in r["cited_pages"] for r in right) / max(1, len(right))
    for r in rows:
        mark = "ok " if r["contained"] else ("-- " if r["answered"] else "dec")
        page = f" p{r['page_expected']}/{','.join(map(str, r['cited_pages']))}" if "page_expected" in r else ""
        print(f"{mark} {'U' if r['group'] == 'unanswerable' else ' '} short={r['short_answer']!r:34.34}{page} {r['question'][:85]}")
    s = summary["answerable"]
    print()
    print(f"| measure ({title}, held out) | figure |\n|---|---|")
    print(f"| answer holds the document's phrase ({s['questions']}) | {s['contained']:.3f} |")
    print(f"| answered | {s['answered']:.3f} |")
    print(f"| the right file cited | {summary['cited_the_right_file']:.3f} |")
    if paged:
        print(f"| the page cited right, of answers holding the phrase | {summary['page_right_when_contained']:.3f} |")
    print(f"| short answer right ({s['short_questions']} with one) | {s['short_right']:.3f} |")
    print("| a top-5 passage holds it: BM25 / dense / default | " + " / ".join(f"{s['top5'][m]:.3f}" for m in ("bm25", "dense", "default")) + " |")
    print(f"| unanswerable declined ({len(unanswerable)}) | {summary['unanswerable_declined']:.3f} |")
    print(f"| seconds per question (retrieval three ways + answer) | {seconds:.2f} |")
    return summary


def write(name: str, summary: dict, rows: list[dict]) -> None:
    out = Path(__file__).resolve().parent / "results" / f"{name}.json"
    out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
    print(f"wrote {out}")


def run(docs: Path, questions: list[tuple], unanswerable: list[str], out: str, title: str, doc: str) -> None:
    """The command line of a held-out document set: ask every question, print the table, write the results."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--out", default=out, help="bench/results/NAME.json")
    args = ap.parse_args()
    rows, seconds = ask_all(docs, questions, unanswerable)
    write(args.out, report(rows, seconds, title), rows)


def main() -> None:
    run(DOCS, QUESTIONS, UNANSWERABLE, "workplace", "workplace documents", __doc__)


if __name__ == "__main__":
    main()
