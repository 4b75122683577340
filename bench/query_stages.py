"""Where a search's time goes: main-thread CPU per stage of `Briefbot.search`, p50 and mean over bench/query.py's queries.

Each stage is a function wrapped with a timer (inclusive: a stage's figure holds the stages it calls), in
one warm process; ``--profile`` runs cProfile over the same searches instead.

    python bench/query_stages.py bench/work/query-scale-100000/.briefbot [--queries 200] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

_spent: dict[str, int] = defaultdict(int)


def _timed(name: str, fn):  # type: ignore[no-untyped-def]
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        t0 = time.thread_time_ns()
        try:
            return fn(*args, **kwargs)
        finally:
            _spent[name] += time.thread_time_ns() - t0

    return wrapper


def _wrap(owner: object, attr: str, name: str) -> None:
    setattr(owner, attr, _timed(name, getattr(owner, attr)))


def instrument() -> None:
    """Timers around each stage of a search (the module attributes the callers look up at call time)."""
    from briefbot.answer.retrieve import collapse, multihop, retrieval
    from briefbot.index import lexical, rows

    _wrap(retrieval.Retriever, "candidates_many", "candidates (all)")
    _wrap(lexical.LexicalIndex, "scores", "  BM25 scores")
    _wrap(lexical.LexicalIndex, "top", "  BM25 top")
    _wrap(retrieval.Retriever, "stored_vectors", "  BM25 finds' vectors (and read on)")
    _wrap(retrieval, "query_scores_many", "  chroma search")
    _wrap(retrieval.Retriever, "_assemble", "  assembling")
    _wrap(retrieval.Retriever, "rank", "rank (all)")
    _wrap(retrieval.Retriever, "fill_many", "  fill (row reads)")
    _wrap(rows.Rows, "chunk", "    Rows.chunk")
    _wrap(retrieval.Retriever, "_reranked", "  re-ranker")
    _wrap(collapse.Collapse, "feed", "  collapse feed")
    _wrap(collapse, "_shingles", "    trigrams")
    _wrap(retrieval.Retriever, "fill_vectors", "  read-on vectors")
    _wrap(multihop, "needs_second_hop", "second-hop check")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("index", type=Path)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    from briefbot.api import Briefbot
    from briefbot.settings import Settings

    titles = common.bbc_titles()
    rng = np.random.default_rng(7)  # bench/query.py's queries
    queries = [titles[i] for i in rng.permutation(len(titles))[: args.queries + 5]]
    bot = Briefbot(Settings(index=args.index))
    embed = bot.embedder.embed
    for q in queries[:5]:
        bot.search(q)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for q in queries[5:]:
            bot.search(q)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(45)
        return
    instrument()
    bot.embedder.embed = _timed("  query embedding", embed)  # type: ignore[method-assign]
    per: dict[str, list[int]] = defaultdict(list)
    names: list[str] = []
    for q in queries[5:]:
        _spent.clear()
        t0 = time.thread_time_ns()
        bot.search(q)
        per["search (whole)"].append(time.thread_time_ns() - t0)
        for name, ns in _spent.items():
            per[name].append(ns)
            if name not in names:
                names.append(name)
    n = len(queries) - 5
    print(f"{n} searches, main-thread CPU per search: p50 / mean (ms; a stage absent from a search counts 0)")
    for name in ["search (whole)", *names]:
        got = per[name] + [0] * (n - len(per[name]))
        print(f"  {name:40s} {np.median(got) / 1e6:6.3f} / {np.mean(got) / 1e6:6.3f}")


if __name__ == "__main__":
    main()
