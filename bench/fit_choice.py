"""Fit the rule that declines a split sentence choice (extractive.CHOICE_FLOOR, CHOICE_LEAD) on kept answers.

    python bench/fit_answer.py --sets squad1-all --choice-floor -1 --records bench/work/choice-squad1-all.json
    python bench/fit_answer.py --sets squad1,squad2,hotpotqa,2wikimultihopqa,musique,corpus,corpus-llm \\
        --choice-floor -1 --records bench/work/choice-sets.json
    python bench/fit_choice.py bench/work/choice-squad1-all.json bench/work/choice-sets.json [--out choice-cite14]

The records are every question answered with no floor (fit_answer.py's ``--records``: the cited passage's
probability ``choice``, the decline model's ``confidence``, and ``lead``: the first quoted sentence's score minus
the best sentence of another passage, sentence_choice's log-odds). Each rule declines some of the answers; a rule
is fitted on half 0 of ``--fit-set`` (default squad1-all: SQuAD v1.1 dev's even-numbered articles): the parameters with the
most wrong citations declined less 1.5 x the right ones (a decline pays when 60% of what it declines is wrong, the
share that set CHOICE_FLOOR; ties to the smaller parameters).
Rules: the floor alone (decline when choice < F); the quoted sentence's lead alone (lead < G); the floor where the
quoted sentence leads by little (choice < F and lead < G); the floor where the decline model is unsure (choice < F
and confidence < C); the floor where the next passage's best sentence is a confident answer too (choice < F and its
confidence >= R: ExtractiveGenerator.rival).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fit_answer import of

Rule = Callable[[dict], bool]
FLOORS = [round(0.2 + 0.025 * i, 3) for i in range(21)]  # 0.2 .. 0.7
LEADS = [round(0.25 * i, 2) for i in range(1, 13)] + [99.0]  # 0.25 .. 3 log-odds, and no condition
CONFIDENCES = [round(0.5 + 0.05 * i, 2) for i in range(11)] + [99.0]
RIVALS = [round(0.3 + 0.05 * i, 2) for i in range(12)] + [0.0]
SHARE = 0.6
# Shown beside the fitted rules: a floor conditioned on the decline model's confidence that is as good on half 0 by
# the criterion (net +11) and keeps SQuAD v1.1's targets on the 1,000-question sample, but declines corpus/'s
# Giannini event question (confidence .63).
ALTERNATIVES: dict[str, Rule] = {"floor+confidence 0.45, 0.7": lambda r: r["choice"] < 0.45 and r["confidence"] < 0.7}  # the declined answers must be at least this share wrong citations (as for CHOICE_FLOOR)


def applied(records: list[dict], declines: Rule) -> list[dict]:
    """The records as they would be if the rule declined the answers it picks."""
    return [{**r, "answered": False, "contained": False, "cited": 0, "good": 0, "words": 0}
            if r["answered"] and declines(r) else r for r in records]


def counts(records: list[dict], declines: Rule, half: int | None) -> tuple[int, int, int]:
    """Wrong and right citations the rule declines (answerable questions), and unanswerable answers it declines."""
    picked = [r for r in records if r["answered"] and declines(r) and (half is None or r["half"] == half)]
    wrong = sum(r["cited"] - r["good"] for r in picked if r["answerable"])
    right = sum(r["good"] for r in picked if r["answerable"])
    return wrong, right, sum(1 for r in picked if not r["answerable"])


def rules() -> dict[str, list[tuple[tuple[float, float], Rule]]]:
    out: dict[str, list[tuple[tuple[float, float], Rule]]] = {
        "floor": [], "lead": [], "floor+lead": [], "floor+confidence": [], "floor+rival": []}
    for g in LEADS:
        out["lead"].append(((g, 99.0), lambda r, g=g: r["lead"] < g))
    for f in FLOORS:
        out["floor"].append(((f, 99.0), lambda r, f=f: r["choice"] < f))
        for g in LEADS:
            out["floor+lead"].append(((f, g), lambda r, f=f, g=g: r["choice"] < f and r["lead"] < g))
        for c in CONFIDENCES:
            out["floor+confidence"].append(((f, c), lambda r, f=f, c=c: r["choice"] < f and r["confidence"] < c))
        for c in RIVALS:
            out["floor+rival"].append(((f, c), lambda r, f=f, c=c: r["choice"] < f and r.get("rival_confidence", 1.0) >= c))
    return out


def fit(records: list[dict]) -> dict[str, tuple[tuple[float, float], Rule]]:
    """Per kind of rule: the parameters declining the most wrong citations on half 0 at >= SHARE wrong."""
    best = {}
    for kind, cands in rules().items():
        scored = []
        for params, rule in cands:
            wrong, right, _ = counts(records, rule, 0)
            net = wrong - right * SHARE / (1 - SHARE)  # > 0 when what it declines is more than SHARE wrong
            scored.append((round(net, 6), -params[0], -params[1], params, rule, wrong, right))
        net, _, _, params, rule, w, r = max(scored, key=lambda t: t[:3])
        best[kind] = (params, rule)
        print(f"{kind:<17} fitted on half 0: {params}  declines {w} wrong / {r} right citations (net {net:+.1f})")
    return best


def row(name: str, label: str, records: list[dict], rule: Rule | None) -> dict[str, Any]:
    recs = records if rule is None else applied(records, rule)
    whole, halves = of(recs), [of([r for r in recs if r["half"] == h]) for h in (0, 1)]
    dec = [counts(records, rule, h) if rule else (0, 0, 0) for h in (0, 1)]
    una = whole["declined_unanswerable"]
    print(f"  {name:<16} {label:<30} contain {whole['containment']:.3f} ({halves[0]['containment']:.3f} / "
          f"{halves[1]['containment']:.3f})  cite {whole['citation_precision']:.3f} ({halves[0]['citation_precision']:.3f} / "
          f"{halves[1]['citation_precision']:.3f})  answered {whole['answered_answerable']:.3f}"
          + (f"  declined-unans {una:.3f} ({halves[0]['declined_unanswerable']:.3f} / {halves[1]['declined_unanswerable']:.3f})"
             if not math.isnan(una) else "")
          + f"  declined wrong/right {dec[0][0]}/{dec[0][1]} ({dec[1][0]}/{dec[1][1]})")
    return {"set": name, "rule": label, **whole, "halves": halves, "declined_wrong_right_unanswerable": dec}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records", nargs="+", help="fit_answer.py --records files")
    ap.add_argument("--out", default=None, help="results file name under bench/results/")
    ap.add_argument("--fit-set", default="squad1-all", help="the set whose half 0 the rules are fitted on")
    args = ap.parse_args()
    sets: dict[str, list[dict]] = {}
    for path in args.records:
        sets.update(json.loads(Path(path).read_text(encoding="utf-8")))
    fitted = fit(sets[args.fit_set])
    table = []
    for name, records in sets.items():
        table.append(row(name, "no floor", records, None))
        table.append(row(name, "floor 0.375 (before)", records, lambda r: r["choice"] < 0.375))
        for kind, (params, rule) in fitted.items():
            table.append(row(name, f"{kind} {params[0]}, {params[1]}", records, rule))
        for label, rule in ALTERNATIVES.items():
            table.append(row(name, label, records, rule))
    if args.out:
        (HERE / "results" / f"{args.out}.json").write_text(json.dumps({"fitted": {k: v[0] for k, v in fitted.items()},
                                                                       "rows": table}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
