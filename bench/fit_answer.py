"""The extractive answerer on kept passages: answer containment, citation precision and declining, per half, fast.

    python bench/collect_decline.py --set squad1 --sample 1000     # once per set (seconds; see that script)
    python bench/fit_answer.py [--sets squad1,squad2,hotpotqa,2wikimultihopqa,musique,corpus] [--dump FILE]

Runs ExtractiveGenerator.answer and check_citations exactly as bench/quality.py's ``answer_of`` does, on the
passages bench/collect_decline.py kept (the default retrieval, k = 5), so a change to the answerer is measured
on 1,000 SQuAD v1.1 questions in about a minute instead of a full quality run. Halves as bench/quality.py's
(SQuAD: even / odd article numbers; the rest: question numbers); anything fitted is fitted on half 0.
``--dump`` writes every answerable SQuAD v1.1 failure (wrong sentence, wrong passage, declined) as JSON lines.
``--choice-floor -1 --choice-sweep`` runs without extractive.CHOICE_FLOOR and prints what declining under each floor
would do, per set and half (how many wrong and right citations it declines); CHOICE_FLOOR was set from
``--sets squad1-all --choice-sweep`` (every SQuAD v1.1 dev question; half 0 decides). ``--sample N``: a random sample.
``--records FILE`` writes every question's record with what the split-choice rule reads (the cited passage's share,
the decline model's confidence, the quoted sentence's lead, the next passage's confidence: ExtractiveGenerator.rival);
bench/fit_choice.py fits the rule on them (run with ``--choice-floor -1``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np
from collect_decline import output
from quality_embedder import CachedEmbedder

from briefbot.answer.verify.cite import check_citations
from briefbot.answer.extract.extractive import ExtractiveGenerator, _candidates
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.polar import is_polar
from briefbot.answer.shape.roles import direct_answer
from briefbot.eval import contains_any
from briefbot.index.embedding import MiniLMEmbedder

WORK = HERE / "work"
FOLDERS = {"squad1": "squad", "squad1-all": "squad", "squad2": "squad", "hotpotqa": "hotpotqa", "2wikimultihopqa": "2wikimultihopqa",
           "musique": "musique", "corpus": "corpus-questions", "corpus-llm": "corpus-questions"}


class TokenMemo:
    """MiniLM token vectors remembered per text within a run (the decline signals ask for the same sentences)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.memo: dict[str, Any] = {}

    def __call__(self, texts: list[str]) -> list[Any]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            for t, s in zip(missing, self.inner(missing)):
                self.memo[t] = s
        return [self.memo[t] for t in texts]


def embedder_for(name: str, base: MiniLMEmbedder) -> CachedEmbedder:
    folder = WORK / FOLDERS[name]
    memo = WORK / f"answer-vectors-{FOLDERS[name]}.npz"
    source = folder / f"vectors-{base.name}.npz"
    if not memo.exists() and source.exists():
        shutil.copyfile(source, memo)
    emb = CachedEmbedder(base, memo)
    return emb


def run(name: str, generator: ExtractiveGenerator, dump: list[dict[str, Any]] | None,
        kept: list[dict] | None = None, sample: int | None = None, details: bool = False) -> dict[str, Any]:
    rows: dict[str, dict] = pickle.loads(output(name).read_bytes())
    if sample is not None and sample < len(rows):
        rows = {k: rows[k] for k in sorted(random.Random(13).sample(sorted(rows), sample))}
    records = []
    t = time.process_time()
    for qid, r in rows.items():
        q, passages, answers = r["question"], r["passages"], r["answers"]
        draft = generator.answer(q, passages)
        answer = check_citations(q, draft, passages)
        cited = [c.text for c in answer.citations]
        sel = generator.select(q, passages) if answer.answered and not bypassed(q, passages) else None
        rec = {
            "half": r["half"], "answerable": bool(answers), "answered": answer.answered,
            "choice": sel.choice if sel is not None else 1.0,
            "confidence": sel.confidence if sel is not None else 1.0,
            "lead": min(sel.lead, 99.0) if sel is not None else 99.0,
            **(rival_features(generator, q, passages, sel, answers) if details and sel is not None and sel.choice < RIVAL_BELOW else {}),
            **(split_features(generator, q, passages, sel, answers) if details and sel is not None else {}),
            "contained": answer.answered and bool(answers) and contains_any(answer.text, answers),
            "cited": len(cited) if answer.answered else 0,
            "words": len(answer.text.split()) if answer.answered else 0,
            "good": sum(1 for c in cited if contains_any(c, answers)) if answer.answered and answers else 0,
        }
        records.append(rec)
        if dump is not None and answers and not rec["contained"]:
            gold = [i for i, p in enumerate(passages) if contains_any(p.chunk.text, answers)]
            sel = generator.select(q, passages)
            dump.append({"qid": qid, "selected": sel.text if sel else "", "confidence": sel.confidence if sel else 0.0,
                         "signals": sel.signals if sel else {}, "half": r["half"], "question": q, "answers": list(answers), "answered": answer.answered,
                         "text": answer.text, "gold_passages": gold, "cited_ok": rec["good"],
                         "passages": [p.chunk.text for p in passages]})
    cpu = (time.process_time() - t) / max(len(records), 1)

    if kept is not None:
        kept.extend(records)
    out = of(records)
    out["halves"] = [of([r for r in records if r["half"] == h]) for h in (0, 1)]
    out["cpu_seconds_per_question"] = cpu
    return out


RIVAL_BELOW = 0.7  # the rival's selection is read for answers whose choice is under this (the floors swept)


def rival_features(generator: ExtractiveGenerator, question: str, passages: list, sel: Any, answers: Any) -> dict[str, Any]:
    """The confidence the decline model gives the best sentence of the passage with the next largest share."""
    rival = generator.rival(question, passages, sel)
    if rival is None:
        return {}
    return {"rival_confidence": rival.confidence, "rival_choice": rival.choice,
            "rival_gold": bool(answers) and contains_any(" ".join(rival.sentences), list(answers))}


def split_features(generator: ExtractiveGenerator, question: str, passages: list, sel: Any, answers: Any) -> dict[str, Any]:
    """How the choice is split: each passage's probability (cited first, then the rest by size), whether each
    passage's best sentence holds the cited answer's short answer, and (for reading only) the gold answer."""
    from briefbot.answer.shape.shaping import short_answer

    ranking = generator.rank_sentences(question, passages)
    if ranking is None:
        return {}
    p = np.exp(ranking.scores - ranking.scores.max())
    p /= p.sum()
    shares: dict[int, float] = {}
    best: dict[int, int] = {}
    for i, c in enumerate(ranking.cands):
        shares[c.passage] = shares.get(c.passage, 0.0) + float(p[i])
        if c.passage not in best or ranking.scores[i] > ranking.scores[best[c.passage]]:
            best[c.passage] = i
    home = ranking.cands[int(np.argmax(ranking.scores))].passage
    others = sorted((j for j in shares if j != home), key=lambda j: -shares[j])
    order = [home, *others]
    short = sel.short
    def holds(j: int, what: list[str]) -> bool:
        return bool(what) and contains_any(ranking.cands[best[j]].text, what)
    home_p = sorted((float(p[i]) for i, c in enumerate(ranking.cands) if c.passage == home), reverse=True)
    source = passages[home].chunk.source
    return {
        "home": home,  # retrieval's rank of the cited passage (0 = first)
        "same_source": sum(v for j, v in shares.items() if passages[j].chunk.source == source),
        "sources": len({passages[j].chunk.source for j in shares}),
        "sent_top": home_p[0],
        "home_rest": home_p[1:],
        "other_best": [float(p[best[j]]) for j in others],
        "n_sentences": len(ranking.cands),
        "shares": [shares[j] for j in order],
        "short": short,
        "kind": ranking.kind,
        "agree": [holds(j, [short] if short else []) for j in order],
        "other_short": [short_answer(question, [ranking.cands[best[j]].text], ranking.kind) for j in order],
        "gold_best": [holds(j, list(answers)) for j in order],
        "gold_passage": [bool(answers) and contains_any(passages[j].chunk.text, list(answers)) for j in order],
    }


def bypassed(question: str, passages: list) -> bool:
    """Answered without the confidence test: yes/no questions and definitions (as ExtractiveGenerator.answer)."""
    cands = _candidates(passages)
    return is_polar(question) or direct_answer(question, [c.text for c in cands], question_type(question)) is not None


def of(recs: list[dict]) -> dict[str, float]:
    ans = [r for r in recs if r["answerable"]]
    una = [r for r in recs if not r["answerable"]]
    cited = sum(r["cited"] for r in ans)
    return {
        "containment": sum(r["contained"] for r in ans) / max(len(ans), 1),
        "citation_precision": sum(r["good"] for r in ans) / max(cited, 1),
        "answered_answerable": sum(r["answered"] for r in ans) / max(len(ans), 1),
        "declined_unanswerable": sum(not r["answered"] for r in una) / max(len(una), 1) if una else float("nan"),
        "questions": float(len(recs)),
        "words_per_answer": sum(r["words"] for r in recs) / max(sum(1 for r in recs if r["answered"]), 1),
    }


def floored(records: list[dict], floor: float) -> list[dict]:
    """The records as they would be if answers whose passage probability is under ``floor`` were declined."""
    out = []
    for r in records:
        if r["answered"] and r["choice"] < floor:
            r = {**r, "answered": False, "contained": False, "cited": 0, "good": 0, "words": 0}
        out.append(r)
    return out


def choice_sweep(results: dict[str, list[dict]]) -> dict[str, list[dict[str, Any]]]:
    """Per set and half: containment, citation precision and declining if answers under each floor were declined."""
    table: dict[str, list[dict[str, Any]]] = {}
    for name, records in results.items():
        print(name)
        for floor in [0.0, *(round(0.2 + 0.025 * i, 3) for i in range(17))]:  # what declining under each floor does
            recs = floored(records, floor)
            h = [of([r for r in recs if r["half"] == k]) for k in (0, 1)]
            a = of(recs)
            dropped = [(r, k) for r, k in zip(records, recs) if r["answered"] and not k["answered"] and r["answerable"]]
            wrong = [sum(r["cited"] - r["good"] for r, _ in dropped if r["half"] == k) for k in (0, 1)]
            right = [sum(r["good"] for r, _ in dropped if r["half"] == k) for k in (0, 1)]
            table.setdefault(name, []).append({"floor": floor, **a, "halves": h, "declined_wrong": wrong, "declined_right": right})
            print(f"  declined citations wrong/right {wrong[0]:>3}/{right[0]:<3} ({wrong[1]:>3}/{right[1]:<3})"
                  f"  floor {floor:.3f}  contain {a['containment']:.3f} ({h[0]['containment']:.3f} / {h[1]['containment']:.3f})"
                  f"  cite {a['citation_precision']:.3f} ({h[0]['citation_precision']:.3f} / {h[1]['citation_precision']:.3f})"
                  f"  answered {a['answered_answerable']:.3f} ({h[0]['answered_answerable']:.3f} / {h[1]['answered_answerable']:.3f})"
                  f"  declined-unans {a['declined_unanswerable']:.3f} ({h[0]['declined_unanswerable']:.3f} / "
                  f"{h[1]['declined_unanswerable']:.3f})")
    return table


def fit(name: str, generator: ExtractiveGenerator, l2: float) -> None:
    """Conditional logit on half 0: which of a question's candidate sentences holds a gold answer."""
    from scipy.optimize import minimize

    from briefbot.answer.extract import sentence_choice

    rows: dict[str, dict] = pickle.loads(output(name).read_bytes())
    groups = []
    t = time.perf_counter()
    for n, r in enumerate(rows.values()):
        if r["half"] != 0 or not r["answers"]:
            continue
        ranking = generator.rank_sentences(r["question"], r["passages"])
        if ranking is None:
            continue
        y = np.array([contains_any(c.text, r["answers"]) for c in ranking.cands], dtype=float)
        if 0 < y.sum() < len(y):
            groups.append((ranking.features, y))
        if (n + 1) % 2000 == 0:
            print(f"  {n + 1} questions, {time.perf_counter() - t:.0f}s", flush=True)
    x = np.vstack([g[0] for g in groups])
    mu, sd = x.mean(0), x.std(0) + 1e-9
    bounds = np.cumsum([0] + [len(g[1]) for g in groups])
    xs = (x - mu) / sd
    y = np.concatenate([g[1] for g in groups])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xs @ w
        total, grad = 0.0, np.zeros_like(w)
        for a, b in itertools.pairwise(bounds):
            zz = z[a:b] - z[a:b].max()
            p = np.exp(zz)
            p /= p.sum()
            pos = y[a:b] > 0
            pp = p[pos].sum()
            total -= math.log(max(pp, 1e-300))
            q = np.where(pos, p / max(pp, 1e-300), 0.0)  # posterior over the positives
            grad -= xs[a:b].T @ (q - p)
        n = len(groups)
        return total / n + l2 * float(w @ w), grad / n + 2 * l2 * w

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    w = res.x / sd
    print(f"{len(groups)} questions of half 0 with a gold and a non-gold candidate; loss {res.fun:.4f}")
    for f, v in zip(sentence_choice.FEATURES, w):
        print(f'    "{f}": {v:+.4f},')


def accuracy(name: str, generator: ExtractiveGenerator) -> None:
    """Per half: how often the first quoted sentence holds a gold answer, the passage-first choice against this one
    (questions with a gold answer in some candidate sentence)."""
    from briefbot.answer.extract.extractive import (
        OVERLAP_WEIGHT,
        SIMILARITY_WEIGHT,
        TYPE_WEIGHT,
        type_match,
    )

    rows: dict[str, dict] = pickle.loads(output(name).read_bytes())
    hits = {h: [0, 0, 0] for h in (0, 1)}
    for r in rows.values():
        ranking = generator.rank_sentences(r["question"], r["passages"]) if r["answers"] else None
        if ranking is None:
            continue
        y = [contains_any(c.text, r["answers"]) for c in ranking.cands]
        if not any(y):
            continue
        home = max(range(len(ranking.passage_scores)), key=lambda j: ranking.passage_scores[j])
        mine = [i for i, c in enumerate(ranking.cands) if c.passage == home]
        def old(i: int, ranking: Any = ranking) -> float:
            kind = ranking.kind
            t = type_match(kind, ranking.cands[i].text, ranking.qset)
            sim = float(ranking.sims[i])
            extra = TYPE_WEIGHT * t if kind != "other" else 0.1 * sim
            return SIMILARITY_WEIGHT * sim + OVERLAP_WEIGHT * ranking.overlap[i] + extra

        h = hits[r["half"]]
        h[0] += 1
        h[1] += y[max(mine, key=old)]
        h[2] += y[int(np.argmax(ranking.scores))]
    for hh, (n, a, b) in hits.items():
        print(f"half {hh}: {n} questions; first sentence holds the answer: passage first {a / n:.3f}, sentence_choice {b / n:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="squad1,squad2,hotpotqa,2wikimultihopqa,musique,corpus")
    ap.add_argument("--dump", default=None, help="JSON lines of SQuAD v1.1's answerable questions not contained")
    ap.add_argument("--out", default=None, help="results file name under bench/results/")
    ap.add_argument("--fit", default=None, help="fit sentence_choice.WEIGHTS on half 0 of these kept passages (squad1-all)")
    ap.add_argument("--accuracy", default=None, help="first-sentence accuracy per half on these kept passages")
    ap.add_argument("--further-gap", type=float, default=None, help="quote further sentences within this score gap")
    ap.add_argument("--earlier-further", action="store_true", help="further sentences by the earlier rule")
    ap.add_argument("--l2", type=float, default=0.001)
    ap.add_argument("--choice-floor", type=float, default=None, help="decline under this passage probability (-1: off)")
    ap.add_argument("--sample", type=int, default=None, help="a random sample (seed 13) of each set's kept questions")
    ap.add_argument("--records", default=None, help="every question's record (choice, confidence, shares) as JSON")
    ap.add_argument("--choice-sweep", action="store_true", help="each floor's figures, per set and half (with --choice-floor -1)")
    args = ap.parse_args()
    base = MiniLMEmbedder()
    if args.accuracy:
        emb = embedder_for("squad1", base)
        accuracy(args.accuracy, ExtractiveGenerator(emb))
        return
    if args.fit:
        emb = embedder_for("squad1", base)
        fit(args.fit, ExtractiveGenerator(emb), args.l2)
        emb.save()
        return
    base_states = TokenMemo(base.token_states)
    results = {}
    swept: dict[str, list[dict]] = {}
    dump: list[dict[str, Any]] | None = [] if args.dump else None
    for name in args.sets.split(","):
        emb = embedder_for(name, base)
        emb.token_states = base_states
        generator = ExtractiveGenerator(emb)
        if args.further_gap is not None:
            generator.further_gap = args.further_gap
        if args.earlier_further:
            generator.further_gap = None
        if args.choice_floor is not None:
            generator.choice_floor = None if args.choice_floor < 0 else args.choice_floor
        kept: list[dict] = []
        res = run(name, generator, dump if name == "squad1" else None, kept, args.sample, details=bool(args.records))
        swept[name] = kept
        emb.save()
        results[name] = res
        h0, h1 = res["halves"]
        print(f"{name:<16} n={int(res['questions']):>5}  contain {res['containment']:.3f} ({h0['containment']:.3f} / "
              f"{h1['containment']:.3f})  cite {res['citation_precision']:.3f} ({h0['citation_precision']:.3f} / "
              f"{h1['citation_precision']:.3f})  answered {res['answered_answerable']:.3f}  declined-unans "
              f"{res['declined_unanswerable']:.3f} ({h0['declined_unanswerable']:.3f} / {h1['declined_unanswerable']:.3f})"
              f"  words {res['words_per_answer']:.1f} ({h0['words_per_answer']:.1f} / {h1['words_per_answer']:.1f})  cpu {res['cpu_seconds_per_question']:.3f}s", flush=True)
    if args.records:
        Path(args.records).write_text(json.dumps({k: v for k, v in swept.items()}), encoding="utf-8")
    if args.choice_sweep:
        for name, rows in choice_sweep(swept).items():
            results[name]["choice_sweep"] = rows
    if dump is not None:
        Path(args.dump).write_text("".join(json.dumps(d) + "\n" for d in dump), encoding="utf-8")
    if args.out:
        (HERE / "results" / f"{args.out}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
