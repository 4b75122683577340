"""When to take a second hop: the trade-off between multi-hop recall and query cost.

Multi-hop retrieval (answer/multihop.py) follows bridge names unless the first passage already holds
``ANSWERED`` of the question's rarer words. Every follow-up costs an embedding and a search, so how often
it fires decides `briefbot search`'s typical latency (bench/query.py). This sweeps ``ANSWERED`` and prints,
per set and half (half 0 = the fitting half of bench/quality.py): how often a second hop fires, recall@5
(SQuAD) or all-supporting@5 (multi-hop), and CPU ms per search.

    BRIEFBOT_BENCH_DATA=../shared/data nice python bench/fit_hops.py --sample 100
Writes bench/results/fit_hops.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality_embedder import CachedEmbedder  # noqa: E402
from quality_sets import is_hit, multihop, squad_v1  # noqa: E402

from briefbot.answer import multihop as mh  # noqa: E402
from briefbot.api import Briefbot  # noqa: E402
from briefbot.settings import Settings  # noqa: E402

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
GRID = [1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.0]  # 1.01: always a second hop ... 0.0: never (multi-hop off but comparisons)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=100, help="questions per set (half from each half)")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    sets = [squad_v1(WORK), multihop("hotpotqa", WORK), multihop("2wikimultihopqa", WORK), multihop("musique", WORK)]
    out: dict = {"grid": GRID, "sample": args.sample, "sets": {}}
    original = mh.ANSWERED
    for qs in sets:
        bot = Briefbot(Settings(index=qs.folder / ".briefbot", corpus=[qs.folder / "corpus"], generator="extractive"))
        bot.ingest()
        items = [it for it in qs.items if it.gold]
        items = random.Random(args.seed).sample(items, min(args.sample, len(items)))
        embedder = CachedEmbedder(bot.embedder, qs.folder / f"vectors-{bot.embedder.name}.npz")
        bot._embedder = embedder
        bot.retriever().embedder = embedder
        for it in items:  # warm the query-vector memo so the timings below compare retrieval work only
            bot.search(it.question)
        rows = {}
        for a in GRID:
            mh.ANSWERED = a
            per_half: dict[int, list] = {0: [], 1: []}
            for it in items:
                first = bot.retriever().search(it.question, max(bot.settings.k, mh.HOP_KEEP))
                fired = bool(mh.comparison_sides(it.question)) or not mh.answered_by_first(it.question, first)
                c = time.process_time()
                got = bot.search(it.question)
                cpu = time.process_time() - c
                hits = [any(is_hit(p, g, it.answers) for p in got[:5]) for g in it.gold]
                per_half[it.half].append((fired, all(hits), sum(hits) / len(hits), cpu))
            rows[a] = {
                f"half{h}": {
                    "n": len(v),
                    "second_hop": round(sum(f for f, *_ in v) / len(v), 3),
                    "all@5": round(sum(x for _, x, _, _ in v) / len(v), 3),
                    "recall@5": round(sum(r for _, _, r, _ in v) / len(v), 3),
                    "cpu_ms_per_search": round(1000 * sum(c for *_, c in v) / len(v), 1),
                }
                for h, v in per_half.items() if v
            }
            print(f"{qs.name:16} ANSWERED {a:4}: " + "  ".join(
                f"half{h} hop {r['second_hop']:.2f} all@5 {r['all@5']:.3f} R@5 {r['recall@5']:.3f} cpu {r['cpu_ms_per_search']:.0f} ms"
                for h, r in ((h, rows[a][f"half{h}"]) for h in (0, 1) if f"half{h}" in rows[a])), flush=True)
        mh.ANSWERED = original
        embedder.save()
        out["sets"][qs.name] = rows
        (HERE / "results" / "fit_hops.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
