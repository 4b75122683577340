"""Briefs of the documents users keep: does one file's brief lead with its main point, cover its key facts, and
leave side remarks out?

    python bench/userbriefs.py [--out userbriefs]      # 20 s: 12 documents; bench/results/userbriefs.json
    python bench/userbriefs.py --set 2 --out userbriefs2   # the second round (bench/userbriefs2/)

bench/userbriefs/ holds twelve fictional documents of the kinds briefbot's users brief (a status update, an incident
postmortem, a press release, minutes whose decisions sit in the discussion, a memo, an e-mail thread, a policy
notice, a quarterly report with a table, a WebVTT meeting, a product FAQ, a final report with numbered sections, a
newsletter article that opens with an anecdote). A helper wrote them and bench/userbriefs_expect.py on 4 Dec 2026,
blind to briefbot (it never ran it nor read its code or README): for each document the sentences that state its main
point, 3-5 sentences of key facts, 3-5 side remarks a brief should not quote, a topic it touches on (with the
sentences about it) and one it never mentions. The first run is the held-out figure (README, "Briefs of users'
documents").

Each document gets `briefbot brief --source FILE` (120 words, offline), `brief --about TOPIC --source FILE` and
`brief --about ABSENT --source FILE`, through the Python API over one index of the folder; and the folder gets its
whole-corpus brief. Beside each file's brief, at the same number of words: Lead (the file's first words, headings
included, as bench/briefs.py cuts it) and centrality (its prose sentences closest to its centroid, document order).
A listed sentence counts as quoted when its words, in order, are in the text (punctuation and markup aside); for
the brief's lead, when its first sentence holds 85% of the listed sentence's words.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
from briefs import CachedEmbedder, centrality, lead
from openings import brief_sentences, first_sentences, strip_markers

from briefbot.api import Briefbot
from briefbot.ingest.loading import load_document
from briefbot.ingest.chunking import chunk_document
from briefbot.schema import Passage

BENCH = Path(__file__).resolve().parent
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def quoted(sentence: str, text: str) -> bool:
    """The sentence's words, in order, within the text."""
    key = " ".join(words(sentence))
    return bool(key) and f" {key} " in f" {' '.join(words(text))} "


def leads_with(first: str, sentences: list[str]) -> bool:
    """The opening sentence is one of ``sentences``: it holds 85% of one's words and is not much longer."""
    have = words(first)
    for s in sentences:
        want = words(s)
        if want and sum(w in set(have) for w in want) / len(want) >= 0.85 and len(have) <= 1.5 * len(want) + 5:
            return True
    return False


def measures(first: str, text: str, expect: dict[str, Any]) -> dict[str, Any]:
    return {
        "leads_with_main": leads_with(first, expect["main"]),
        "main_quoted": any(quoted(s, text) for s in expect["main"]),
        "key_share": sum(quoted(s, text) for s in expect["key"]) / len(expect["key"]),
        "side_quoted": sum(quoted(s, text) for s in expect["side"]),
    }


def one_paragraph_cited(text: str) -> bool:
    said = [s for s in re.split(r"(?<=\[\d\])\s+|(?<=\[\d\d\])\s+", text.strip()) if s]  # not "[09:14]"
    return "\n\n" not in text.strip() and bool(said) and all(re.search(r"\[\d+\]$", s) for s in said)


def run(docs: Path, expected: dict[str, dict[str, Any]]) -> dict[str, Any]:
    embedder = CachedEmbedder()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / docs.name
        shutil.copytree(docs, corpus)
        bot = Briefbot(index=Path(tmp) / ".briefbot", corpus=[corpus], generator="extractive")
        bot.ingest()
        for name, expect in expected.items():
            brief = bot.brief(source=str(corpus / name))
            plain = strip_markers(brief.text)
            said = brief_sentences(brief.text)
            n = len(plain.split())
            doc = load_document(corpus / name, name)
            passages = [Passage(c, 1.0) for c in chunk_document(doc, 200, 30)]
            firsts = first_sentences(brief.text, passages, embedder)  # Lead-1's and centrality's first sentences
            base_lead = lead(doc.text, n)
            base_central = centrality(passages, embedder, n)
            about = bot.brief(about=expect["about"], source=str(corpus / name))
            about_said = brief_sentences(about.text) if about.answered else []
            absent = bot.brief(about=expect["absent"], source=str(corpus / name))
            rows.append({
                "file": name, "words": n, "brief": brief.text,
                "briefbot": {**measures(said[0] if said else "", plain, expect), "one_paragraph_cited": one_paragraph_cited(brief.text)},
                "lead": measures(firsts["lead1"], base_lead, expect),
                "centrality": measures(firsts["central_first"], base_central, expect),
                "about": {"topic": expect["about"], "answered": about.answered,
                          "leads_with_hit": about.answered and leads_with(about_said[0] if about_said else "", expect["about_hits"]),
                          "hit_quoted": about.answered and any(quoted(s, strip_markers(about.text)) for s in expect["about_hits"]),
                          "brief": about.text},
                "absent": {"topic": expect["absent"], "declined": not absent.answered, "brief": absent.text},
            })
        whole = bot.brief()
    plain = strip_markers(whole.text)
    cited = {Path(c.source).name for c in whole.citations}
    corpus_row = {
        "files_cited": len(cited), "files": len(expected), "words": len(plain.split()),
        "sentences": len(brief_sentences(whole.text)),
        "main_or_key_sentences": sum(any(leads_with(s, e["main"] + e["key"]) for e in expected.values())
                                     for s in brief_sentences(whole.text)),
        "side_quoted": sum(quoted(s, plain) for e in expected.values() for s in e["side"]),
        "brief": whole.text,
    }
    return {"rows": rows, "corpus": corpus_row}


def summary(result: dict[str, Any]) -> dict[str, Any]:
    rows = result["rows"]
    n = len(rows)
    out: dict[str, Any] = {"documents": n}
    for system in ("briefbot", "lead", "centrality"):
        out[system] = {k: sum(float(r[system][k]) for r in rows) / (1 if k == "side_quoted" else n)
                       for k in ("leads_with_main", "main_quoted", "key_share", "side_quoted")}
    out["briefbot"]["one_paragraph_cited"] = sum(r["briefbot"]["one_paragraph_cited"] for r in rows) / n
    out["about"] = {k: sum(r["about"][k] for r in rows) / n for k in ("answered", "leads_with_hit", "hit_quoted")}
    out["absent_declined"] = sum(r["absent"]["declined"] for r in rows) / n
    out["corpus"] = {k: v for k, v in result["corpus"].items() if k != "brief"}
    return out


def report(result: dict[str, Any], s: dict[str, Any]) -> None:
    for r in result["rows"]:
        b = r["briefbot"]
        print(f"{r['file']:34.34} lead={'Y' if b['leads_with_main'] else '-'} main={'Y' if b['main_quoted'] else '-'} "
              f"key={b['key_share']:.2f} side={b['side_quoted']} | Lead lead={'Y' if r['lead']['leads_with_main'] else '-'} "
              f"key={r['lead']['key_share']:.2f} | about={'Y' if r['about']['leads_with_hit'] else ('q' if r['about']['hit_quoted'] else ('-' if r['about']['answered'] else 'dec'))} "
              f"absent={'dec' if r['absent']['declined'] else 'ANSWERED'}")
        print(f"    {r['brief'][:300]}")
    print()
    print(f"| measure ({s['documents']} documents, 120 words) | briefbot | Lead (same length) | centrality (same length) |")
    print("|---|---|---|---|")
    for key, label in (("leads_with_main", "opens with the main point"), ("main_quoted", "quotes the main point"),
                       ("key_share", "key facts quoted (share)"), ("side_quoted", "side remarks quoted (total)")):
        fmt = "{:.0f}" if key == "side_quoted" else "{:.3f}"
        print(f"| {label} | " + " | ".join(fmt.format(s[m][key]) for m in ("briefbot", "lead", "centrality")) + " |")
    print(f"| one paragraph, every sentence cited | {s['briefbot']['one_paragraph_cited']:.3f} | | |")
    a = s["about"]
    print(f"| --about a side topic: briefed / opens on it / quotes it | {a['answered']:.3f} / {a['leads_with_hit']:.3f} / {a['hit_quoted']:.3f} | | |")
    print(f"| --about a topic it never mentions: declined | {s['absent_declined']:.3f} | | |")
    c = s["corpus"]
    print(f"| whole-folder brief: files cited / sentences that are a main or key point / side remarks | "
          f"{c['files_cited']} of {c['files']} / {c['main_or_key_sentences']} of {c['sentences']} / {c['side_quoted']} | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="userbriefs", help="results file name under bench/results/")
    parser.add_argument("--set", default="", help="which round: '' (bench/userbriefs/) or 2 (bench/userbriefs2/)")
    args = parser.parse_args()
    expect = importlib.import_module(f"userbriefs{args.set}_expect").EXPECT
    result = run(BENCH / f"userbriefs{args.set}", expect)
    s = summary(result)
    report(result, s)
    path = common.REPO / "bench" / "results" / f"{args.out}.json"
    path.write_text(json.dumps({"summary": s, **result}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
