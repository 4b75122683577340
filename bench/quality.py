"""Retrieval, answer and declining quality on six question sets, through briefbot's real API.

    python bench/quality.py [--quick] [--sets squad1,squad2,hotpotqa,2wiki,musique,corpus] [--seed 13]

Sets (read-only data in ../shared/data, see its README): SQuAD v1.1 dev, SQuAD 2.0 dev (declining;
against the same index, its paragraphs are SQuAD v1.1's), the HotpotQA, 2WikiMultihopQA and MuSiQue
dev samples (each corpus.jsonl written one file per paragraph) and bench/corpus_questions.jsonl on
corpus/. Each set is written under bench/work/ and indexed with briefbot's defaults once; reruns only
check the index is up to date. Per set, rows for BM25 only, dense only, the hybrid without multi-hop,
briefbot's default and the default without the re-ranker: recall@1/@5 (share of the gold paragraphs in
the top k), MRR@10, all-supporting@5 (multi-hop), answer containment, citation precision, declining
(SQuAD 2.0, corpus/) and seconds per question of the default. `--quick` takes a fixed sample of every
set (seed 13). Prints every figure with its target, per half where anything was fitted, and writes
bench/results/quality.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import finish, ok
from quality_decline import decline_report, sweep
from quality_embedder import CachedEmbedder
from quality_sets import QuestionSet, all_sets, is_hit

from briefbot.answer.extract.extractive import ExtractiveGenerator
from briefbot.answer.retrieve.retrieval import CANDIDATES
from briefbot.answer.verify.cite import check_citations
from briefbot.api import Briefbot
from briefbot.eval import contains_any
from briefbot.settings import Settings

WORK = HERE / "work"
DEPTH = 10
KEYS = {"squad1": "SQuAD v1.1", "squad2": "SQuAD 2.0", "hotpotqa": "HotpotQA", "2wiki": "2WikiMultihopQA",
        "musique": "MuSiQue", "corpus": "corpus/"}
QUICK = {"SQuAD v1.1": 200, "SQuAD 2.0": 200, "HotpotQA": 60, "2WikiMultihopQA": 60, "MuSiQue": 60, "corpus/": 1000}
FULL = {"SQuAD v1.1": 3000, "SQuAD 2.0": 3000}  # the rest: every question
TARGETS: dict[str, dict[str, float]] = {
    "SQuAD v1.1": {"recall@5": 0.95, "mrr@10": 0.87, "containment": 0.80, "citation_precision": 0.90},
    "HotpotQA": {"all@5": 0.80},
    "2WikiMultihopQA": {"all@5": 0.60},
    "MuSiQue": {"all@5": 0.40},
    "SQuAD 2.0": {"declined_unanswerable": 0.65, "answered_answerable": 0.85},
}
MARGIN = 0.10  # multi-hop: the default's all@5 at least this far above the better of BM25 and dense only
ROWS = ("bm25", "dense", "hybrid", "default", "default, no re-ranker")
LABELS = {
    "bm25": "BM25 only",
    "dense": "dense only (MiniLM)",
    "hybrid": "hybrid + re-ranker, multi-hop off",
    "default": "briefbot default",
    "default, no re-ranker": "default, re-ranker off",
}


def ranking_metrics(ranks: list[list[int | None]], halves: list[int]) -> dict[str, Any]:
    """ranks: per question, the rank of each gold unit (None = not in the top DEPTH)."""

    def of(idx: list[int]) -> dict[str, float]:
        n = max(len(idx), 1)
        rs = [ranks[i] for i in idx]
        return {
            "recall@1": sum(sum(1 for r in q if r == 1) / len(q) for q in rs) / n,
            "recall@5": sum(sum(1 for r in q if r and r <= 5) / len(q) for q in rs) / n,
            "mrr@10": sum(1 / min(r for r in q if r) if any(q) else 0.0 for q in rs) / n,
            "all@5": sum(1 for q in rs if all(r and r <= 5 for r in q)) / n,
        }

    idx = [i for i, r in enumerate(ranks) if r]
    out = of(idx)
    out["halves"] = [of([i for i in idx if halves[i] == h]) for h in (0, 1)]
    return out


def gold_ranks(passages: list, item) -> list[int | None]:
    return [next((r for r, p in enumerate(passages, 1) if is_hit(p, g, item.answers)), None) for g in item.gold]


def run_set(qs: QuestionSet, n: int | None, seed: int) -> dict[str, Any]:
    settings = Settings(index=qs.folder / ".briefbot", corpus=[qs.folder / "corpus"], generator="extractive")
    bot = Briefbot(settings)
    t = time.perf_counter()
    report = bot.ingest()
    print(f"\n== {qs.name}: {report.total_chunks} chunks ({len(report.added) + len(report.changed)} files (re)indexed "
          f"in {time.perf_counter() - t:.0f}s)", flush=True)
    items = qs.items
    if n is not None and n < len(items):
        items = random.Random(seed).sample(items, n)
    print(f"   {len(items)} of {len(qs.items)} questions", flush=True)

    embedder = CachedEmbedder(bot.embedder, qs.folder / f"vectors-{bot.embedder.name}.npz")
    bot._embedder = embedder  # the real embedder behind a memo: reruns skip sentence embeddings
    retriever = bot.retriever()
    retriever.embedder = embedder
    generator = ExtractiveGenerator(embedder, min_score=settings.min_score)
    halves = [it.half for it in items]
    ranks: dict[str, list[list[int | None]]] = {r: [] for r in ROWS}
    answers: dict[str, list[dict[str, Any]]] = {"hybrid": [], "default": []}
    seconds = cpu = 0.0
    started = time.perf_counter()
    for i, it in enumerate(items):
        t, c = time.perf_counter(), time.process_time()
        default = bot.search(it.question, DEPTH)  # what `briefbot search` / `ask` retrieve
        draft_default = answer_of(generator, it.question, default[: settings.k])
        seconds += time.perf_counter() - t
        cpu += time.process_time() - c
        cands = retriever.candidates(it.question, max(DEPTH, CANDIDATES))
        rows = {
            "bm25": retriever.rank(cands, DEPTH, lexical_weight=1.0, rerank=False),
            "dense": retriever.rank(cands, DEPTH, lexical_weight=0.0, rerank=False),
            "hybrid": retriever.rank(cands, DEPTH),
            "default": default,
        }
        if qs.multihop or i % 3 == 0:  # single-hop sets: a third of the questions is enough for this row
            retriever.rerank = False
            rows["default, no re-ranker"] = bot.search(it.question, DEPTH)
            retriever.rerank = True
        for name in ROWS:  # [] = not measured for this question (unanswerable, or a row sampled)
            ranks[name].append(gold_ranks(rows[name], it) if it.gold and name in rows else [])
        answers["default"].append(draft_default)
        answers["hybrid"].append(answer_of(generator, it.question, rows["hybrid"][: settings.k]))
        if (i + 1) % 100 == 0:
            print(f"   {i + 1} questions, {time.perf_counter() - started:.0f}s", flush=True)
            embedder.save()
    embedder.save()
    out: dict[str, Any] = {
        "questions": len(items),
        "of": len(qs.items),
        "chunks": report.total_chunks,
        "seconds_per_question": seconds / max(len(items), 1),
        "cpu_seconds_per_question": cpu / max(len(items), 1),  # all threads; steadier than wall time on a shared machine
        "retrieval": {LABELS[r]: ranking_metrics(ranks[r], halves) for r in ROWS},
    }
    for name in ("hybrid", "default"):
        out.setdefault("answers", {})[LABELS[name]] = answer_metrics(items, answers[name], halves)
    if qs.declining:
        out["declining"] = decline_report(items, answers["default"], settings.min_score)
        if qs.name == "SQuAD 2.0":  # for bench/fit_decline.py
            (WORK / "decline-signals.json").write_text(json.dumps([
                {"half": it.half, "answerable": bool(it.answers), "signals": a["signals"]}
                for it, a in zip(items, answers["default"])
            ]), encoding="utf-8")
        out["decline_sweep"] = sweep(items, answers["default"])
    return out


def answer_of(generator: ExtractiveGenerator, question: str, passages: list) -> dict[str, Any]:
    """Ask as Briefbot.ask does with the extractive generator: the answer, its citations, its decline features."""
    sel = generator.select(question, passages)
    draft = generator.answer(question, passages)
    answer = check_citations(question, draft, passages)
    return {
        "answered": answer.answered,
        "text": answer.text,
        "cited": [c.text for c in answer.citations],
        "confidence": -1.0 if sel is None else sel.confidence,
        # answers the split-choice rule declines (extractive.CHOICE_FLOOR, the rival read at the default min_score):
        # the sweep declines them at every min_score too
        "choice_declined": sel is not None and sel.confidence >= generator.min_score
        and not generator.answers(question, passages, sel),
        "signals": {} if sel is None else sel.signals,
    }


def answer_metrics(items: list, answers: list[dict[str, Any]], halves: list[int]) -> dict[str, Any]:
    def of(idx: list[int]) -> dict[str, float]:
        idx = [i for i in idx if items[i].answers]
        answered = [i for i in idx if answers[i]["answered"]]
        cited = sum(len(answers[i]["cited"]) for i in answered)
        good = sum(sum(1 for c in answers[i]["cited"] if contains_any(c, items[i].answers)) for i in answered)
        return {
            "containment": sum(1 for i in answered if contains_any(answers[i]["text"], items[i].answers)) / max(len(idx), 1),
            "citation_precision": good / max(cited, 1),
            "answered": len(answered) / max(len(idx), 1),
        }

    out = of(list(range(len(items))))
    out["halves"] = [of([i for i in range(len(items)) if halves[i] == h]) for h in (0, 1)]
    return out


def table_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for name, res in results.items():
        tg = TARGETS.get(name, {})
        ret = res["retrieval"]
        d = ret[LABELS["default"]]
        for metric in ("recall@5", "mrr@10", "all@5"):
            if metric == "all@5" and "all@5" not in tg:
                continue
            target = tg.get(metric)
            best_base = max(ret[LABELS["bm25"]][metric], ret[LABELS["dense"]][metric])
            value = f"{d[metric]:.3f} (halves {d['halves'][0][metric]:.3f} / {d['halves'][1][metric]:.3f})"
            if metric == "all@5":
                value += f", best baseline {best_base:.3f}"
                passed = d[metric] >= (target or 0) and d[metric] >= best_base + MARGIN
                rows.append((f"{name} {metric}", value, f">= {target:.2f}, +{MARGIN:.2f} over baselines", ok(passed)))
            elif target is not None:
                rows.append((f"{name} {metric}", value, f">= {target:.2f}", ok(d[metric] >= target)))
        a = res["answers"][LABELS["default"]]
        for metric in ("containment", "citation_precision"):
            target = tg.get(metric)
            value = f"{a[metric]:.3f} (halves {a['halves'][0][metric]:.3f} / {a['halves'][1][metric]:.3f})"
            rows.append((f"{name} {metric}", value, f">= {target:.2f}" if target else "reported", ok(a[metric] >= target) if target else "-"))
        if "declining" in res:
            dec = res["declining"]
            for metric in ("declined_unanswerable", "answered_answerable"):
                target = tg.get(metric)
                value = f"{dec[metric]:.3f} (halves {dec['halves'][0][metric]:.3f} / {dec['halves'][1][metric]:.3f})"
                rows.append((f"{name} {metric}", value, f">= {target:.2f}" if target else "reported", ok(dec[metric] >= target) if target else "-"))
            rows.append((f"{name} decline precision", f"{dec['decline_precision']:.3f}", "reported", "-"))
        speed = f"{res['seconds_per_question']:.3f} wall, {res['cpu_seconds_per_question']:.3f} CPU"
        rows.append((f"{name} seconds/question (default)", speed, "reported", "-"))
    return rows


def print_set(name: str, res: dict[str, Any]) -> None:
    print(f"\n{name}: {res['questions']} of {res['of']} questions, {res['chunks']} chunks, "
          f"{res['seconds_per_question'] * 1000:.0f} ms/question wall, {res['cpu_seconds_per_question'] * 1000:.0f} ms CPU "
          "(default, incl. answering)")
    print(f"  {'ranking':<36} {'R@1':>6} {'R@5':>6} {'MRR@10':>7} {'all@5':>6} {'contain':>8} {'cite prec':>9}")
    for row in ROWS:
        r = res["retrieval"][LABELS[row]]
        a = res["answers"].get(LABELS[row])
        extra = f" {a['containment']:>8.3f} {a['citation_precision']:>9.3f}" if a else ""
        print(f"  {LABELS[row]:<36} {r['recall@1']:>6.3f} {r['recall@5']:>6.3f} {r['mrr@10']:>7.3f} {r['all@5']:>6.3f}{extra}")
    if "declining" in res:
        d = res["declining"]
        print(f"  declining (min_score {d['min_score']}): unanswerable declined {d['declined_unanswerable']:.3f}, "
              f"answerable answered {d['answered_answerable']:.3f}, decline precision {d['decline_precision']:.3f}")


def combine(names: list[str], out_name: str) -> None:
    """One results file from runs split by set (a shared machine may not allow one long run)."""
    sets: dict[str, Any] = {}
    runs = []
    first: dict[str, Any] = {}
    for name in names:
        data = json.loads((HERE / "results" / f"{name}.json").read_text(encoding="utf-8"))
        first = first or data
        runs.append({"file": f"{name}.json", "commit": data.get("commit"), "when": data.get("when"),
                     "mode": data.get("mode"), "sets": list(data["sets"])})
        sets.update(data["sets"])
    out = {k: first[k] for k in ("mode", "seed", "settings", "targets", "multihop_margin") if k in first}
    out.update({"sets": sets, "runs": runs})
    finish("quality (combined runs; halves: 0 = fitted on, 1 = held out)", out_name, out, table_rows(sets))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a fixed sample of every set (under 10 minutes)")
    ap.add_argument("--sets", default=",".join(KEYS), help="comma-separated: " + ",".join(KEYS))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--sample", type=int, default=None, help="questions per set (overrides --quick's sizes)")
    ap.add_argument("--out", default="quality", help="results file name under bench/results/ (default quality)")
    ap.add_argument("--combine", nargs="+", metavar="NAME",
                    help="no run: merge the sets of earlier results files (bench/results/NAME.json) into --out")
    args = ap.parse_args()
    if args.combine:
        combine(args.combine, args.out)
        return
    wanted = {KEYS[s.strip()] for s in args.sets.split(",") if s.strip()}
    started = time.perf_counter()
    results: dict[str, Any] = {}
    for qs in all_sets(WORK):
        if qs.name not in wanted:
            continue
        n = args.sample or (QUICK if args.quick else FULL).get(qs.name)
        results[qs.name] = run_set(qs, n, args.seed)
        print_set(qs.name, results[qs.name])
    s = Settings()
    settings = {k: v for k, v in s.public_dict().items() if k in ("chunk_tokens", "chunk_overlap", "k", "min_score", "lexical_weight", "rerank", "multihop", "embedder")}
    out = {
        "mode": "quick" if args.quick else "full",
        "seed": args.seed,
        "settings": settings,
        "targets": TARGETS,
        "multihop_margin": MARGIN,
        "sets": results,
        "seconds": round(time.perf_counter() - started, 1),
    }
    finish("quality (briefbot default settings; halves: 0 = fitted on, 1 = held out)", args.out, out, table_rows(results))


if __name__ == "__main__":
    main()
