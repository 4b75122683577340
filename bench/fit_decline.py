"""Fit answer/extract/decline.py's logistic model on half 0 of SQuAD 2.0 dev; report both halves and the other sets.

    python bench/collect_decline.py && python bench/decline_features.py      # every SQuAD 2.0 dev question
    python bench/collect_decline.py --set hotpotqa && python bench/decline_features.py hotpotqa   # (and 2wikimultihopqa, musique, corpus)
    python bench/fit_decline.py [--l2 0.01]

Half 0 = even-numbered articles (fitted on), half 1 = odd-numbered (held out). The model says how likely the
chosen sentence answers the question (answerable = 1); the decline threshold is then the score at which a share
ANSWER_FLOOR of half 0's answerable questions is still answered, and the bias is shifted so that this score is
the default min_score. Prints the trade-off curve per half (answered answerable / declined unanswerable /
answer containment of the answerable ones, the SQuAD v1.1 measure), baselines in the same run (relevance alone;
the previous default), the figures on the multi-hop sets and corpus/ (share answered, containment), and the
constants for answer/extract/decline.py. Writes bench/results/decline.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from briefbot.answer.extract import decline

WORK = HERE / "work"
RESULTS = HERE / "results" / "decline.json"
OTHER_SETS = ("hotpotqa", "2wikimultihopqa", "musique", "corpus", "news")
ANSWER_FLOORS = (0.97, 0.95, 0.94, 0.93, 0.92, 0.9, 0.87, 0.85, 0.8, 0.75, 0.7)


def matrix(rows: list[dict], names: list[str]) -> np.ndarray:
    return np.array([[decline.value(r["signals"], n) for n in names] for r in rows], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float, offset: np.ndarray | None = None,
        weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method on standardised columns; weights on raw values.

    ``offset`` is added to every row's score unfitted (the part of the score whose weights are fixed); ``weight``
    weighs each row (default 1)."""
    offset = np.zeros(len(x)) if offset is None else offset
    weight = np.ones(len(x)) if weight is None else weight
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = l2 * np.eye(len(w))
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w + offset)))
        grad = z.T @ (weight * (p - y)) / weight.sum() + reg @ w
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z / weight.sum() + reg
        w -= np.linalg.solve(hess, grad)
    raw = w[:-1] / sd
    return raw, float(w[-1] - (raw * mu).sum())


def auc(score: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(score, kind="stable")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    pos, neg = (y == 1).sum(), (y == 0).sum()
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / max(pos * neg, 1))


def rates(rows: list[dict], score: np.ndarray, th: float) -> dict[str, float]:
    """Declined = below th and not answered by a bypass (yes/no, definitions); no selection = declined."""
    answered = [bool(r["signals"]) and (r["bypass"] or s >= th) for r, s in zip(rows, score)]
    ans = [a for r, a in zip(rows, answered) if r["answerable"]]
    un = [a for r, a in zip(rows, answered) if not r["answerable"]]
    cont = [a and r["contained"] for r, a in zip(rows, answered) if r["answerable"]]
    return {
        "answered_answerable": sum(ans) / max(len(ans), 1),
        "declined_unanswerable": 1 - sum(un) / max(len(un), 1) if un else float("nan"),
        "containment": sum(cont) / max(len(cont), 1),
        "precision": sum(cont) / max(sum(ans), 1),  # of the answerable questions answered, the share contained
        "answered": sum(answered) / max(len(answered), 1),
    }


def threshold_for(rows: list[dict], score: np.ndarray, floor: float) -> float:
    """The highest threshold that still answers ``floor`` of the answerable questions (bypasses count as answered)."""
    ans = [r for r in rows if r["answerable"] and r["signals"]]
    free = sum(1 for r in ans if r["bypass"])
    need = max(0, math.ceil(floor * len(ans)) - free)
    scores = sorted((s for r, s in zip(rows, score) if r["answerable"] and r["signals"] and not r["bypass"]), reverse=True)
    return scores[need - 1] if need else math.inf


def v1_halves() -> dict[str, int]:
    """SQuAD 2.0 question id -> its article's half in SQuAD v1.1 (even / odd article number there).

    The two files order their articles differently, so SQuAD 2.0's half 0 holds SQuAD v1.1 half-1 questions;
    fitting on this split keeps SQuAD v1.1's half 1 held out for the answerer's figures too."""
    from common import DATA_ROOT

    v1 = json.loads((DATA_ROOT / "squad-v1.1-dev" / "dev-v1.1.json").read_text(encoding="utf-8"))["data"]
    v2 = json.loads((DATA_ROOT / "squad-v2.0-dev" / "dev-v2.0.json").read_text(encoding="utf-8"))["data"]
    half = {a["title"]: n % 2 for n, a in enumerate(v1)}
    return {qa["id"]: half[a["title"]] for a in v2 for p in a["paragraphs"] for qa in p["qas"] if a["title"] in half}


def load(name: str) -> list[dict]:
    path = WORK / ("decline-features.json" if name == "squad2" else f"decline-features-{name}.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def fmt(r: dict[str, float]) -> str:
    return f"{r['answered_answerable']:.3f} / {r['declined_unanswerable']:.3f} / {r['containment']:.3f} / {r['precision']:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--floor", type=float, default=None, help="answer floor of the default (default: decline.ANSWER_FLOOR)")
    ap.add_argument("--features", default=",".join(k for k in decline.FEATURES if k not in decline.FIXED))
    ap.add_argument("--fixed", default=",".join(f"{k}={v}" for k, v in decline.FIXED.items()),
                    help="signals whose weight is set, not fitted: name=weight,...")
    ap.add_argument("--label", choices=("answerable", "contained"), default="answerable",
                    help="what the model predicts: the question is answerable, or the quoted text holds its answer")
    ap.add_argument("--split", choices=("squad2", "squad1"), default="squad2",
                    help="halves by SQuAD 2.0's article numbers, or by SQuAD v1.1's (keeps v1.1's half 1 held out)")
    ap.add_argument("--natural", type=float, default=0.0,
                    help="also fit on bench/natural_unanswerable.py's questions (SQuAD v1.1 with the gold paragraph taken "
                         "away), each weighing this much (0: reported, not fitted on)")
    args = ap.parse_args()
    fixed = {k: float(v) for k, v in (kv.split("=") for kv in args.fixed.split(",") if kv)}
    names = [n for n in args.features.split(",") if n not in fixed]
    rows = load("squad2")
    if args.split == "squad1":
        sys.path.insert(0, str(HERE))
        v1 = v1_halves()
        rows = [{**r, "half": v1.get(r["qid"], r["half"])} for r in rows]
    halves = [[r for r in rows if r["half"] == h] for h in (0, 1)]
    x = [matrix(h, names) for h in halves]
    y = [np.array([r["answerable"] and (args.label == "answerable" or r["contained"]) for r in h], dtype=float) for h in halves]
    print(f"SQuAD 2.0 dev: {len(halves[0])} questions in half 0 (fitted on; {int((1 - y[0]).sum())} unanswerable), "
          f"{len(halves[1])} in half 1 (held out; {int((1 - y[1]).sum())} unanswerable)")
    offsets = [matrix(h, list(fixed)) @ np.array(list(fixed.values())) if fixed else np.zeros(len(h)) for h in halves]
    natural = [[r for r in load("squad1-removed") if r["half"] == h] for h in (0, 1)]
    nx = [matrix(h, names) for h in natural]
    noff = [matrix(h, list(fixed)) @ np.array(list(fixed.values())) if fixed and h else np.zeros(len(h)) for h in natural]
    if args.natural and natural[0]:
        print(f"natural unanswerable (bench/natural_unanswerable.py): {len(natural[0])} in half 0 fitted on, weight {args.natural}")
        sw = np.concatenate([np.ones(len(x[0])), np.full(len(nx[0]), args.natural)])
        w, b = fit(np.vstack([x[0], nx[0]]), np.concatenate([y[0], np.zeros(len(nx[0]))]), args.l2,
                   np.concatenate([offsets[0], noff[0]]), sw)
    else:
        w, b = fit(x[0], y[0], args.l2, offsets[0])
    model = [xi @ w + b + o for xi, o in zip(x, offsets)]
    relevance = [matrix(h, ["relevance"])[:, 0] for h in halves]
    previous = [np.array([r["signals"].get("relevance", 0) - 0.1 * r["signals"].get("missing_names", 0) for r in h]) for h in halves]
    print("\nAUC (answerable vs not), half 0 / half 1, and the fitted weight on raw values:")
    for i, n in enumerate(names):
        print(f"  {n:20s} {auc(x[0][:, i], y[0]):.3f} / {auc(x[1][:, i], y[1]):.3f}   {w[i]:+.4f}")
    for label, s in (("relevance alone", relevance), ("previous default", previous), ("model", model)):
        print(f"  {label:20s} {auc(s[0], y[0]):.3f} / {auc(s[1], y[1]):.3f}")
    out: dict = {"features": names, "fixed": fixed, "weights": dict(zip(names, w.tolist())), "bias": b, "curve": []}
    print("\nTrade-off (threshold set on half 0 at each answered floor): answered answerable / declined unanswerable / containment / its precision")
    print(f"{'floor':>6}  {'model half 0':>22}  {'model half 1':>22}  {'relevance alone h0':>22}  {'relevance alone h1':>22}")
    for floor in ANSWER_FLOORS:
        th = threshold_for(halves[0], model[0], floor)
        th_rel = threshold_for(halves[0], relevance[0], floor)
        m = [rates(h, s, th) for h, s in zip(halves, model)]
        r = [rates(h, s, th_rel) for h, s in zip(halves, relevance)]
        print(f"{floor:>6}  {fmt(m[0]):>22}  {fmt(m[1]):>22}  {fmt(r[0]):>22}  {fmt(r[1]):>22}")
        out["curve"].append({"floor": floor, "model": m, "relevance": r, "threshold": th})
    prev = [rates(h, s, 0.45) for h, s in zip(halves, previous)]
    print(f"{'previous default (min_score 0.45)':>30}  {fmt(prev[0])}  {fmt(prev[1])}")
    out["previous"] = prev
    floor = args.floor or decline.ANSWER_FLOOR
    th = threshold_for(halves[0], model[0], floor)
    bias = b - th + math.log(decline.MIN_SCORE / (1 - decline.MIN_SCORE))
    chosen = [rates(h, s, th) for h, s in zip(halves, model)]
    print(f"\nchosen: answer floor {floor} on half 0 -> half 0 {fmt(chosen[0])}, half 1 {fmt(chosen[1])}")
    out["chosen"] = {"floor": floor, "halves": chosen}
    if natural[0]:
        nat = [rates(h, xi @ w + b + o, th)["declined_unanswerable"] for h, xi, o in zip(natural, nx, noff)]
        allx = [np.vstack([xi, nxi]) for xi, nxi in zip(x, nx)]
        ally = [np.concatenate([yi, np.zeros(len(nxi))]) for yi, nxi in zip(y, nx)]
        allo = [np.concatenate([o, no]) for o, no in zip(offsets, noff)]
        nat_auc = [auc(xi @ w + b + o, yi) for xi, yi, o in zip(allx, ally, allo)]
        only = [auc(np.concatenate([(xi @ w)[yi == 1], nxi @ w]), np.concatenate([np.ones(int(yi.sum())), np.zeros(len(nxi))]))
                for xi, yi, nxi in zip(x, y, nx)]
        print(f"natural unanswerable (SQuAD v1.1, gold paragraph taken away): declined {nat[0]:.3f} / {nat[1]:.3f} "
              f"(half 0 / half 1); AUC against SQuAD 2.0's answerable ones {only[0]:.3f} / {only[1]:.3f}")
        out["natural"] = {"declined": nat, "auc_vs_answerable": only, "auc_all": nat_auc,
                          "questions": [len(h) for h in natural], "fit_weight": args.natural}
    print("\nOther sets (answered share / containment): previous default -> model at the chosen threshold")
    out["other_sets"] = {}
    for name in OTHER_SETS:
        rs = load(name)
        if not rs:
            continue
        xs = matrix(rs, names)
        o = matrix(rs, list(fixed)) @ np.array(list(fixed.values())) if fixed else 0.0
        old = rates(rs, np.array([r["signals"].get("relevance", 0) - 0.1 * r["signals"].get("missing_names", 0) if r["signals"] else 0 for r in rs]), 0.45)
        new = rates(rs, xs @ w + b + o, th)
        un = sum(1 for r in rs if not r["answerable"])
        extra = f"; unanswerable declined {old['declined_unanswerable']:.3f} -> {new['declined_unanswerable']:.3f} ({un})" if un else ""
        print(f"  {name:16s} {len(rs):4d} questions: {old['answered']:.3f} / {old['containment']:.3f} -> {new['answered']:.3f} / {new['containment']:.3f}{extra}")
        out["other_sets"][name] = {"previous": old, "model": new, "questions": len(rs)}
    print("\nFor answer/extract/decline.py:")
    weights = {**dict(zip(names, [round(v, 4) for v in w.tolist()])), **fixed}
    print("WEIGHTS = {" + ", ".join(f'"{n}": {v:.4f}' for n, v in weights.items()) + "}")
    print(f"BIAS = {bias:.4f}")
    out["decline_py"] = {"weights": weights, "bias": round(bias, 4), "fixed": fixed}
    RESULTS.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
