"""Fit the topic floor of `brief --about` (topic_brief.TOPIC_FLOOR) on half of the QMSum meetings; report both.

    python bench/fit_topic.py            # collects bench/work/topic-signals.json (slow once), then fits
    python bench/fit_topic.py --fit-only # refit from the saved passages (after changing relevance)

A query on its own meeting should be answered; the same query on a meeting of another domain (AMI product
design, ICSI research, parliamentary committees) should be declined. For each, the retrieval `brief --about
--source` runs (20 passages) and the highest relevance among their sentences is recorded. Half A = the
even-numbered meetings (fit), half B = the odd-numbered ones (only reported). The floor chosen maximises
balanced accuracy ((own answered + other declined) / 2) on half A; topic_brief.TOPIC_FLOOR is it divided by
ask's default min_score (0.45).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
from briefs import WORDS, CachedEmbedder, lead, qmsum_rows, strip_markers
from rouge import rouge

from briefbot.answer.brief import file_brief, topic_brief
from briefbot.answer.brief.brief_units import units_of

SIGNALS = common.WORK / "topic-signals.json"
PASSAGES = common.WORK / "topic-passages.pkl"  # the retrieved passages, so a refit does not search again
MEMO = common.WORK / "embed-memo.pkl"  # sentence vectors kept between runs (gitignored work folder)


def open_bot(meetings: list[dict[str, Any]], embedder: CachedEmbedder) -> Any:
    from briefbot.api import Briefbot
    from briefbot.settings import load_settings

    root = common.WORK / "briefs-qmsum"
    for m in meetings:
        path = root / "corpus" / f"{m['id']}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file():
            path.write_text(m["transcript"], encoding="utf-8")
    bot = Briefbot(load_settings(index=root / ".briefbot", corpus=[root / "corpus"]))
    bot._embedder = embedder.inner
    bot.ingest()
    return bot


def signals(passages: list[Any], embedder: CachedEmbedder, query: str) -> dict[str, float]:
    """The relevance brief_topic decides on, for one query on the passages retrieved from one meeting."""
    units = units_of(passages)
    vecs = file_brief.prose_vectors(embedder, units, said=False)  # type: ignore[arg-type]
    rel = topic_brief.relevance(units, vecs, query, embedder)  # type: ignore[arg-type]
    return {"relevance": float(rel.max(initial=-1.0))}


def load_embedder() -> CachedEmbedder:
    embedder = CachedEmbedder()
    if MEMO.is_file():
        embedder.memo = pickle.loads(MEMO.read_bytes())
    return embedder


def collect(embedder: CachedEmbedder) -> list[dict[str, Any]]:
    """Retrieve once (20 passages a query, from its own meeting and from another domain's), saved for refits."""
    meetings = qmsum_rows()
    bot = open_bot(meetings, embedder)
    rows = []
    for n, m in enumerate(meetings):
        other = next(o for o in meetings[n + 1:] + meetings[:n] if o["domain"] != m["domain"])
        for q in m["specific"]:
            rows.append({"meeting": m["id"], "half": "A" if n % 2 == 0 else "B", "query": q["query"],
                         "summary": q["summary"], "other_meeting": other["id"],
                         "own_passages": bot.search(q["query"], 20, source=f"corpus/{m['id']}.txt"),
                         "other_passages": bot.search(q["query"], 20, source=f"corpus/{other['id']}.txt")})
        print(f"{n + 1}/{len(meetings)} meetings", flush=True)
    PASSAGES.write_bytes(pickle.dumps(rows))
    return rows


def score_rows(rows: list[dict[str, Any]], embedder: CachedEmbedder) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        out.append({"meeting": r["meeting"], "half": r["half"], "query": r["query"],
                    "own": signals(r["own_passages"], embedder, r["query"]),
                    "other": signals(r["other_passages"], embedder, r["query"])})
    MEMO.write_bytes(pickle.dumps(embedder.memo))
    SIGNALS.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return out


def rates(rows: list[dict[str, Any]], floor: float, key: str = "relevance") -> tuple[float, float]:
    answered = float(np.mean([r["own"][key] >= floor for r in rows]))
    declined = float(np.mean([r["other"][key] < floor for r in rows]))
    return answered, declined


def fit(rows: list[dict[str, Any]]) -> float:
    half = {h: [r for r in rows if r["half"] == h] for h in "AB"}
    grid = [round(x, 3) for x in np.arange(0.20, 0.50, 0.01)]
    best = max(grid, key=lambda f: (sum(rates(half["A"], f)), -f))
    print(f"queries: half A {len(half['A'])}, half B {len(half['B'])}")
    print("floor  A own answered / other declined   B own answered / other declined")
    for f in grid:
        a, b = rates(half["A"], f), rates(half["B"], f)
        mark = "  <- chosen (half A balanced accuracy)" if f == best else ""
        print(f"{f:.2f}   {a[0]:.3f} / {a[1]:.3f}                  {b[0]:.3f} / {b[1]:.3f}{mark}")
    return best


def rouge_by_half(rows: list[dict[str, Any]], embedder: CachedEmbedder, floor: float) -> None:
    """ROUGE-1 of brief_topic on the saved passages (a decline scores 0) beside equal-length Lead, per half."""
    transcripts = {m["id"]: m["transcript"] for m in qmsum_rows()}
    for h in "AB":
        mine = [r for r in rows if r["half"] == h]
        if not mine:
            continue
        got, base, answered = [], [], 0
        for r in mine:
            plan = topic_brief.brief_topic(r["own_passages"], embedder, WORDS, r["query"],  # type: ignore[arg-type]
                                          floor / topic_brief.TOPIC_FLOOR)
            text = strip_markers(plan.draft.text) if plan.draft.answered else ""
            answered += plan.draft.answered
            n = len(text.split()) or WORDS
            got.append(rouge(text, r["summary"])["rouge1"])
            base.append(rouge(lead(transcripts[r["meeting"]], n), r["summary"])["rouge1"])
        print(f"half {h} (n={len(mine)}, floor {floor:.2f}): answered {answered / len(mine):.3f}, "
              f"ROUGE-1 {np.mean(got):.4f}, Lead {np.mean(base):.4f}, difference {np.mean(got) - np.mean(base):+.4f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit-only", action="store_true")
    ap.add_argument("--rouge", type=float, default=None, help="also score the briefs at this floor (declines = 0)")
    args = ap.parse_args()
    embedder = load_embedder()
    rows = pickle.loads(PASSAGES.read_bytes()) if args.fit_only else collect(embedder)
    best = fit(score_rows(rows, embedder))
    rouge_by_half(rows, embedder, best if args.rouge is None else args.rouge)
    MEMO.write_bytes(pickle.dumps(embedder.memo))


if __name__ == "__main__":
    main()
