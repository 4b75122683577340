"""When should multi-hop retrieval take its second hop? A sweep of the trigger on the quality sets.

    python bench/fit_hop.py [--sets squad1,hotpotqa,2wiki,musique] [--squad 1000] [--bbc DIR]

Per question, the first hop (ordinary retrieval) and the second-hop ranking (multihop.follow_up,
what `Briefbot.search` returns when the hop fires) are both computed once, with the signals a trigger
can read from the first hop; every trigger in the sweep then only chooses, per question, which of the
two rankings it returns. Figures per set and per half (0 = even question numbers / SQuAD articles,
fitted on; 1 = held out): all-supporting@5 on the multi-hop sets, recall@5 and MRR@10 on SQuAD v1.1,
and the share of questions the hop fires on. `--bbc DIR` adds the fire rate on bench/query.py's
queries (BBC titles) against the index in DIR. Writes bench/results/fit_hop.json.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import RESULTS, bbc_titles
from quality_embedder import CachedEmbedder
from quality_sets import QuestionSet, all_sets, is_hit

from briefbot.answer.retrieve import multihop
from briefbot.answer.retrieve.rerank import features
from briefbot.api import Briefbot
from briefbot.index import reading
from briefbot.index.lexical import tokenize
from briefbot.schema import Passage
from briefbot.settings import Settings

WORK = HERE / "work"
DEPTH = 10
KEYS = {"squad1": "SQuAD v1.1", "hotpotqa": "HotpotQA", "2wiki": "2WikiMultihopQA", "musique": "MuSiQue"}
TARGETS = {"SQuAD v1.1": ("recall@5", 0.95), "HotpotQA": ("all@5", 0.80), "2WikiMultihopQA": ("all@5", 0.60),
           "MuSiQue": ("all@5", 0.40)}


def signals(question: str, first: list[Passage]) -> dict[str, Any]:
    """What a trigger can read from the first hop without another search."""
    texts = [p.chunk.text for p in first[:5]]
    f = features(question, texts)
    unique = list(dict.fromkeys(tokenize(question)))
    seen = [reading.of(t) for t in texts]
    n = len(texts)
    idf = [math.log(1 + n / (1 + sum(1 for a in seen if w in a.where))) for w in unique]
    total = sum(idf) or 1.0
    union2 = sum(i for w, i in zip(unique, idf) if any(w in a.where for a in seen[:2])) / total
    missing = [w for w in unique if w not in seen[0].where] if seen else unique
    return {
        "cov1": float(f[0, 0]) if n else 1.0,
        "sent1": float(f[0, 1]) if n else 1.0,
        "pairs1": float(f[0, 2]) if n else 1.0,
        "cov_max": float(f[:, 0].max()) if n else 1.0,
        "union2": union2,
        "missing": len(missing),
        "terms": len(unique),
        "dense1": first[0].dense_score if first else 0.0,
        "margin": (first[0].score - first[1].score) if len(first) > 1 else 1.0,
        "entities": len(multihop.bridge_entities(question, texts[0], 5)) if texts else 0,
        "comparison": bool(multihop.comparison_sides(question)),
        "question": question.strip().endswith("?"),
    }


def default_fires(question: str, first: list[Passage]) -> bool:
    """Whether briefbot's default (multihop.search) takes the second hop for this question."""
    return bool(multihop.comparison_sides(question)) or multihop.needs_second_hop(question, first)


def gold_ranks(passages: list[Passage], item) -> list[int | None]:
    return [next((r for r, p in enumerate(passages, 1) if is_hit(p, g, item.answers)), None) for g in item.gold]


def open_set(qs: QuestionSet, n: int | None, seed: int) -> tuple[Any, CachedEmbedder, list]:
    """The set's index (ingested when needed), its retriever with the embedding memo, and the questions asked."""
    bot = Briefbot(Settings(index=qs.folder / ".briefbot", corpus=[qs.folder / "corpus"], generator="extractive"))
    bot.ingest()
    items = qs.items if n is None or n >= len(qs.items) else random.Random(seed).sample(qs.items, n)
    embedder = CachedEmbedder(bot.embedder, qs.folder / f"vectors-{bot.embedder.name}.npz")
    retriever = bot.retriever()
    retriever.embedder = embedder
    return retriever, embedder, items


def collect(qs: QuestionSet, n: int | None, seed: int) -> list[dict[str, Any]]:
    retriever, embedder, items = open_set(qs, n, seed)
    rows = []
    t = time.perf_counter()
    for i, it in enumerate(items):
        first = retriever.search(it.question, DEPTH)
        hopped = multihop.follow_up(retriever, it.question, first, DEPTH, multihop.comparison_sides(it.question))
        rows.append({"qid": it.qid, "half": it.half, "kind": it.kind, "off": gold_ranks(first, it),
                     "on": gold_ranks(hopped, it), "default": default_fires(it.question, first),
                     **signals(it.question, first)})
        if (i + 1) % 200 == 0:
            print(f"   {qs.name}: {i + 1} questions, {time.perf_counter() - t:.0f}s", flush=True)
            embedder.save()
    embedder.save()
    return rows


def collect_bbc(index_dir: Path, count: int) -> list[dict[str, Any]]:
    """bench/query.py's queries (same seed): no gold, only the signals, for the fire rate."""
    import numpy as np

    titles = bbc_titles()
    queries = [titles[i] for i in np.random.default_rng(7).permutation(len(titles))[: count + 5]]
    bot = Briefbot(Settings(index=index_dir))
    retriever = bot.retriever()
    out = []
    for n, q in enumerate(queries):
        first = retriever.search(q, DEPTH)
        out.append({"half": n % 2, "default": default_fires(q, first), **signals(q, first)})
    return out


def rank_figures(ranks: list[list[int | None]]) -> dict[str, float]:
    """all@5, recall@5 and MRR@10 of each question's gold ranks (None: not in the ranking)."""
    n = max(len(ranks), 1)
    return {
        "all@5": sum(1 for q in ranks if q and all(x and x <= 5 for x in q)) / n,
        "recall@5": sum(sum(1 for x in q if x and x <= 5) / len(q) for q in ranks if q) / n,
        "mrr@10": sum(1 / min(x for x in q if x) if any(q) else 0.0 for q in ranks) / n,
    }


def metrics(rows: list[dict[str, Any]], fire: Callable[[dict[str, Any]], bool]) -> dict[str, float]:
    n = max(len(rows), 1)
    picked = [r["on"] if fire(r) else r["off"] for r in rows] if rows and "on" in rows[0] else []
    out = {"fires": sum(1 for r in rows if fire(r)) / n}
    if picked:
        out.update(rank_figures(picked))
    return out


def triggers() -> dict[str, Callable[[dict[str, Any]], bool]]:
    """The candidate triggers (a comparison is always retrieved per side, as in multihop.search)."""
    out: dict[str, Callable[[dict[str, Any]], bool]] = {"never (single hop)": lambda r: r["comparison"]}
    out["always"] = lambda r: True
    out["default (multihop.needs_second_hop)"] = lambda r: r["default"]
    for t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0):
        out[f"cov1 < {t}"] = lambda r, t=t: r["comparison"] or r["cov1"] < t
    for lo in (0.2, 0.3, 0.4, 0.5):
        for t in (0.8, 0.9, 1.0):
            out[f"{lo} <= cov1 < {t}"] = lambda r, lo=lo, t=t: r["comparison"] or lo <= r["cov1"] < t
    for m in (1, 2, 3, 4):
        out[f"missing >= {m}"] = lambda r, m=m: r["comparison"] or r["missing"] >= m
    for t in (0.6, 0.7, 0.8, 0.9):
        out[f"sent1 < {t}"] = lambda r, t=t: r["comparison"] or r["sent1"] < t
    for d in (0.45, 0.5, 0.55):  # the first passage close to the question
        out[f"cov1 < 0.9, dense1 >= {d}"] = lambda r, d=d: r["comparison"] or (r["cov1"] < 0.9 and r["dense1"] >= d)
        for m in (2, 3):
            for t in (6, 7, 99):
                out[f"cov1 < 0.9, dense1 >= {d}, missing >= {m} or terms >= {t}"] = (
                    lambda r, d=d, m=m, t=t: r["comparison"]
                    or (r["cov1"] < 0.9 and r["dense1"] >= d and (r["missing"] >= m or r["terms"] >= t))
                )
    for t in (6, 7):
        out[f"cov1 < 0.9, terms >= {t}"] = lambda r, t=t: r["comparison"] or (r["cov1"] < 0.9 and r["terms"] >= t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(KEYS))
    ap.add_argument("--squad", type=int, default=1000, help="SQuAD v1.1 questions sampled (seed 13)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--bbc", type=Path, action="append", default=[], help="an index folder (.briefbot) for the BBC fire rate")
    ap.add_argument("--reuse", action="store_true", help="sweep the signals saved by the last run (no retrieval)")
    args = ap.parse_args()
    store = WORK / "hop-signals.json"
    data: dict[str, list[dict[str, Any]]] = json.loads(store.read_text()) if args.reuse else {}
    if not args.reuse:
        wanted = {KEYS[s] for s in args.sets.split(",") if s}
        for qs in all_sets(WORK):
            if qs.name in wanted:
                data[qs.name] = collect(qs, args.squad if qs.name == "SQuAD v1.1" else None, args.seed)
        for d in args.bbc:
            data[f"BBC titles ({d.parent.name})"] = collect_bbc(d, 200)
        store.write_text(json.dumps(data), encoding="utf-8")
    table: dict[str, dict[str, Any]] = {}
    for name, fire in triggers().items():
        table[name] = {}
        for s, rows in data.items():
            table[name][s] = [metrics([r for r in rows if r["half"] == h], fire) for h in (0, 1)] + [metrics(rows, fire)]
    for name, per in table.items():
        cells = []
        for s, (h0, h1, allq) in per.items():
            key = TARGETS.get(s, ("fires", 0))[0]
            if key == "fires":
                cells.append(f"{s[:12]} fires {allq['fires']:.2f}")
            else:
                cells.append(f"{s[:8]} {key} {h0[key]:.3f}/{h1[key]:.3f} fires {allq['fires']:.2f}")
        print(f"{name:22s} " + " | ".join(cells))
    (RESULTS / "fit_hop.json").write_text(json.dumps({"sets": {s: len(r) for s, r in data.items()}, "table": table}))


if __name__ == "__main__":
    main()
