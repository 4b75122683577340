"""Retrieval and answer quality on SQuAD v1.1 dev, through briefbot's real ingest, chunking and retrieval.

    python bench/quality.py [--sample 3000] [--seed 13] [--all]

The 48 articles are written one file per article (paragraphs separated by blank lines) under
bench/work/squad/ and ingested with briefbot's defaults; the index is kept there, so reruns only
check it is up to date. A hit is a retrieved chunk from the gold article that overlaps the gold
paragraph's character span and contains an accepted answer. Prints the table with each target and
writes bench/results/quality.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from squad_corpus import Question, write_corpus

from briefbot.api import Briefbot
from briefbot.answer.cite import check_citations
from briefbot.eval import EvalQuestion, contains_any, judge
from briefbot.answer.extractive import ExtractiveGenerator
from briefbot.answer.retrieval import CANDIDATES, Candidates, Retriever
from briefbot.schema import Passage
from briefbot.settings import Settings

WORK = HERE / "work" / "squad"
RESULTS = HERE / "results" / "quality.json"
DEPTH = 20
TARGETS = {"recall@5": 0.95, "mrr@20": 0.87, "answer_containment": 0.80, "citation_precision": 0.90}
SWEEP = (0.3, 0.4, 0.5, 0.6, 0.7)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


class CachedEmbedder:
    """The real embedder with a memo kept under bench/work: questions share paragraphs, so sentences repeat."""

    def __init__(self, inner, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                self.cache = dict(zip(json.loads(str(data["texts"])), data["vectors"]))

    def save(self) -> None:
        texts = list(self.cache)
        vectors = np.array([self.cache[t] for t in texts], dtype=np.float32)
        np.savez(self.path, texts=np.array(json.dumps(texts)), vectors=vectors)

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts):
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            for t, v in zip(missing, self.inner.embed(missing)):
                self.cache[t] = v
        return np.array([self.cache[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)


def is_hit(p: Passage, q: Question) -> bool:
    c = p.chunk
    return c.source == q.source and c.start_char < q.end and c.end_char > q.start and contains_any(c.text, q.answers)


def first_hit(passages: list[Passage], q: Question) -> int | None:
    return next((r for r, p in enumerate(passages, 1) if is_hit(p, q)), None)


def rrf(cands: Candidates, k: int = 60) -> list[Passage]:
    """Reciprocal rank fusion of the same two rankings, for comparison with the score blend."""
    assert cands.dense is not None
    score = np.zeros(len(cands.chunks))
    for values in (cands.dense, cands.lexical):
        for rank, j in enumerate(np.argsort(-values, kind="stable"), 1):
            score[j] += 1.0 / (k + rank)
    return [Passage(cands.chunks[j], float(score[j])) for j in np.argsort(-score, kind="stable")][:DEPTH]


def summarise(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks)
    return {
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
        "recall@20": sum(1 for r in ranks if r and r <= 20) / n,
        "mrr@20": sum(1 / r for r in ranks if r and r <= 20) / n,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=3000, help="questions drawn at random (default 3000)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--all", action="store_true", help="all 10,570 questions")
    args = ap.parse_args()

    started = time.perf_counter()
    questions = write_corpus(WORK)
    settings = Settings(index=WORK / ".briefbot", corpus=[WORK / "corpus"], generator="extractive")
    bot = Briefbot(settings)
    t = time.perf_counter()
    report = bot.ingest()
    print(f"index: {report.total_chunks} chunks from {len(list((WORK / 'corpus').glob('*.txt')))} articles "
          f"({len(report.added) + len(report.changed)} files (re)indexed in {time.perf_counter() - t:.0f}s)")

    if not args.all and args.sample < len(questions):
        questions = random.Random(args.seed).sample(questions, args.sample)
        print(f"questions: random sample of {len(questions)} of 10,570, seed {args.seed}")
    else:
        print(f"questions: all {len(questions)}")

    embedder = CachedEmbedder(bot.embedder, WORK / f"vectors-{bot.embedder.name}.npz")
    retriever: Retriever = bot.retriever()
    retriever.embedder = embedder
    generator = ExtractiveGenerator(embedder, min_score=settings.min_score)
    w_default = settings.lexical_weight

    ranks: dict[str, list[int | None]] = {"dense": [], "bm25": [], "rrf": [], "default": []}
    ranks.update({f"blend {w}": [] for w in SWEEP})
    answered_conf: list[float] = []
    unanswerable_conf: list[float] = []
    results = []
    t = time.perf_counter()
    for i, q in enumerate(questions):
        cands = retriever.candidates(q.question, max(DEPTH, CANDIDATES))
        ranks["dense"].append(first_hit(retriever.rank(cands, DEPTH, lexical_weight=0.0, rerank=False), q))
        ranks["bm25"].append(first_hit(retriever.rank(cands, DEPTH, lexical_weight=1.0, rerank=False), q))
        ranks["rrf"].append(first_hit(rrf(cands), q))
        for w in SWEEP:
            ranks[f"blend {w}"].append(first_hit(retriever.rank(cands, DEPTH, lexical_weight=w, rerank=False), q))
        top = retriever.rank(cands, DEPTH)
        ranks["default"].append(first_hit(top, q))

        # ask, as Briefbot.ask does it: the default top k to the extractive generator, citations checked.
        passages = top[: settings.k]
        sel = generator.select(q.question, passages)
        answered_conf.append(sel.confidence if sel else -1.0)
        draft = generator.answer(q.question, passages)
        answer = check_citations(q.question, draft, passages)
        results.append(judge(EvalQuestion(q.question, q.answers), answer, passages))

        # The same question with its article removed from the index: it should be declined.
        others = [c for c in range(len(cands.chunks)) if cands.chunks[c].source != q.source]
        rest = Candidates(
            [cands.chunks[c] for c in others], cands.vectors[others],
            None if cands.dense is None else cands.dense[others], cands.lexical[others], cands.query,
        )
        sel = generator.select(q.question, retriever.rank(rest, settings.k))
        unanswerable_conf.append(sel.confidence if sel else -1.0)
        if (i + 1) % 250 == 0:
            print(f"  {i + 1} questions, {time.perf_counter() - t:.0f}s", flush=True)
            embedder.save()
    embedder.save()
    seconds = time.perf_counter() - t

    table = {name: summarise(r) for name, r in ranks.items()}
    answered = [r for r in results if r.answer.answered]
    n_cited = sum(len(r.answer.citations) for r in answered)
    answers = {
        "answer_containment": sum(1 for r in results if r.contains_answer) / len(results),
        "citation_precision": sum(r.cited_with_answer for r in answered) / max(n_cited, 1),
        "abstention_answerable": 1 - len(answered) / len(results),
        "abstention_unanswerable": sum(1 for c in unanswerable_conf if c < settings.min_score) / len(results),
        "citations_per_answer": n_cited / max(len(answered), 1),
    }
    calibration = [
        {
            "min_score": th,
            "declined_answerable": sum(1 for c in answered_conf if c < th) / len(results),
            "declined_unanswerable": sum(1 for c in unanswerable_conf if c < th) / len(results),
        }
        for th in THRESHOLDS
    ]

    print()
    print(f"retrieval (hit = chunk overlapping the gold paragraph and containing an answer), k up to {DEPTH}")
    print(f"{'method':<36} {'R@1':>6} {'R@5':>6} {'R@20':>6} {'MRR@20':>7}")
    labels = {"dense": "dense only (MiniLM)", "bm25": "BM25 only (bm25s, stemmed)", "rrf": "reciprocal rank fusion k=60"}
    labels.update({f"blend {w}": f"blend, BM25 weight {w}" for w in SWEEP})
    labels["default"] = f"briefbot default (w={w_default}" + (", re-ranked)" if settings.rerank else ")")
    for name, row in table.items():
        print(f"{labels[name]:<36} {row['recall@1']:>6.3f} {row['recall@5']:>6.3f} {row['recall@20']:>6.3f} {row['mrr@20']:>7.3f}")
    print(f"{'target for the default':<36} {'':>6} {TARGETS['recall@5']:>6.2f} {'':>6} {TARGETS['mrr@20']:>7.2f}")
    print()
    print(f"extractive ask (k={settings.k}, min_score={settings.min_score})")
    for key in ("answer_containment", "citation_precision"):
        ok = "met" if answers[key] >= TARGETS[key] else "MISSED"
        print(f"  {key:<26} {answers[key]:.3f}   target >= {TARGETS[key]:.2f}  {ok}")
    print(f"  {'abstained, answerable':<26} {answers['abstention_answerable']:.3f}")
    print(f"  {'abstained, article removed':<26} {answers['abstention_unanswerable']:.3f}")
    print(f"  {'citations per answer':<26} {answers['citations_per_answer']:.2f}")
    print("abstention calibration (share declined at each min_score):")
    for row in calibration:
        print(f"  min_score {row['min_score']:.2f}: answerable {row['declined_answerable']:.3f}, "
              f"article removed {row['declined_unanswerable']:.3f}")
    misses = {
        "recall@5": table["default"]["recall@5"] < TARGETS["recall@5"],
        "mrr@20": table["default"]["mrr@20"] < TARGETS["mrr@20"],
        "answer_containment": answers["answer_containment"] < TARGETS["answer_containment"],
        "citation_precision": answers["citation_precision"] < TARGETS["citation_precision"],
    }
    missed = [k for k, v in misses.items() if v]
    print("targets: " + ("all met" if not missed else "MISSED " + ", ".join(missed)))
    print(f"{len(questions)} questions in {seconds:.0f}s; total {time.perf_counter() - started:.0f}s")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "data": "../shared/data/squad-v1.1-dev/dev-v1.1.json",
                "questions": len(questions),
                "sample_seed": None if args.all or args.sample >= 10570 else args.seed,
                "chunks": report.total_chunks,
                "settings": {k: v for k, v in settings.public_dict().items() if k in (
                    "chunk_tokens", "chunk_overlap", "k", "min_score", "lexical_weight", "rerank", "embedder")},
                "retrieval": {labels[k]: {m: round(v, 4) for m, v in row.items()} for k, row in table.items()},
                "answers": {k: round(v, 4) for k, v in answers.items()},
                "abstention_calibration": [{k: round(v, 4) for k, v in row.items()} for row in calibration],
                "targets": TARGETS,
                "targets_missed": missed,
                "seconds": round(seconds, 1),
                "machine": f"{platform.machine()}, {platform.python_version()}",
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {RESULTS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
