"""Retrieve once for many SQuAD 2.0 questions and keep the passages, so decline features can be refitted fast.

    python bench/collect_decline.py [--sample N] [--seed 13]    # writes bench/work/decline-passages.pkl
    python bench/collect_decline.py --set squad1 --sample 1000   # SQuAD v1.1 (bench/fit_answer.py): decline-passages-squad1.pkl
    python bench/collect_decline.py --set squad1 --name squad1-all     # every SQuAD v1.1 dev question (bench/fit_answer.py --fit)
    python bench/collect_decline.py --set hotpotqa               # another set of bench/quality.py: decline-passages-hotpotqa.pkl
    python bench/collect_decline.py --set corpus-llm             # bench/llm.py's 19 questions on corpus/ (offline column)

The passages are exactly what `briefbot ask` retrieves with the default settings (multi-hop and the
re-ranker on, k = 5) against the SQuAD index of bench/quality.py; the questions are embedded in one batch
first (the same vectors, fewer model calls). Reruns skip questions already collected.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality_embedder import CachedEmbedder
from quality_sets import corpus_questions, llm_corpus_questions, multihop, squad_v1, squad_v2

from briefbot.api import Briefbot
from briefbot.settings import Settings

WORK = HERE / "work"
OUT = WORK / "decline-passages.pkl"


def output(name: str) -> Path:
    return OUT if name == "squad2" else WORK / f"decline-passages-{name}.pkl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=None)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--set", default="squad2", help="squad2, squad1, hotpotqa, 2wikimultihopqa, musique, corpus or corpus-llm")
    ap.add_argument("--name", default=None, help="output under this name instead of the set's (bench/fit_answer.py's training set)")
    args = ap.parse_args()
    out = output(args.name or args.set)
    if args.set == "squad2":
        qs = squad_v2(WORK)
    elif args.set == "squad1":
        qs = squad_v1(WORK)
    elif args.set == "corpus":
        qs = corpus_questions(WORK)
    elif args.set == "corpus-llm":  # bench/llm.py's 19 questions on corpus/ (the same index)
        qs = llm_corpus_questions(WORK)
    else:
        qs = multihop(args.set, WORK)
    settings = Settings(index=qs.folder / ".briefbot", corpus=[qs.folder / "corpus"], generator="extractive")
    bot = Briefbot(settings)
    report = bot.ingest()
    print(f"{report.total_chunks} chunks, {len(report.added) + len(report.changed)} files (re)indexed", flush=True)
    items = qs.items
    if args.sample is not None and args.sample < len(items):
        items = random.Random(args.seed).sample(items, args.sample)
    done: dict[str, dict] = pickle.loads(out.read_bytes()) if out.exists() else {}
    todo = [it for it in items if it.qid not in done]
    print(f"{len(items)} questions, {len(todo)} to retrieve", flush=True)
    embedder = CachedEmbedder(bot.embedder, qs.folder / f"vectors-{bot.embedder.name}.npz")
    bot._embedder = embedder
    bot.retriever().embedder = embedder
    embedder.embed([it.question for it in todo])  # one batch
    started = time.perf_counter()
    for i, it in enumerate(todo):
        passages = bot.search(it.question, settings.k)
        done[it.qid] = {"question": it.question, "answers": it.answers, "half": it.half, "passages": passages}
        if (i + 1) % 200 == 0 or i + 1 == len(todo):
            out.write_bytes(pickle.dumps(done))
            embedder.save()
            print(f"  {i + 1} questions, {time.perf_counter() - started:.0f}s", flush=True)
    out.write_bytes(pickle.dumps(done))
    embedder.save()


if __name__ == "__main__":
    main()
