"""Fit answer/extract/chain.py's constants: when a chain's second link is quoted after the answerer's sentence.

    python bench/collect_decline.py --set hotpotqa      # once per set (and 2wikimultihopqa, musique, squad1)
    python bench/fit_chain.py [--sets squad1,hotpotqa,2wikimultihopqa,musique]

For every answered question of the kept passages (the default retrieval, k = 5; as bench/fit_answer.py) it records the
answer without the chain and every sentence the chain could quote after it: the idf-weighted share of the question's
words the answer lacks, the sentence's share of those, how many opening words of its passage name the bridge (or 0
when its file name or heading does), whether it offers the kind of thing asked for, and whether it holds an accepted
answer. Each setting of (MIN_RESIDUAL, MIN_COVER, OPENING_WORDS) is then scored from those records: answer
containment and citation precision per set and half, as bench/fit_answer.py counts them.

The rule (half 0 = SQuAD's even-numbered articles, the multi-hop sets' even-numbered questions): the largest sum,
over the multi-hop sets' half 0, of the gain in answer containment and the change in citation precision (a second
link without the answer is a sentence the reader reads for nothing: containment alone rewards quoting more), among
settings that lower SQuAD v1.1 half 0's citation precision by at most .005 (about 2 of its citations); ties go to the
earlier setting in the grid. The grid's figures approximate the answer (the appended sentence is scored alone; the
citations are not narrowed as the answer's are), so its best ``--confirm`` (8) settings are then run by the answerer
itself (bench/fit_answer.py's ``run``) and the same rule, applied to those figures, chooses. Half 1 is reported, not
used. Writes bench/results/chain.json (``--reuse`` scores the records bench/work/chain-records.pkl kept from the last
run). About 30 minutes on one core, most of it the confirmation.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np
from collect_decline import output
from fit_answer import embedder_for

from briefbot.answer.extract import chain
from briefbot.answer.extract.extractive import ExtractiveGenerator, type_match
from briefbot.answer.shape.shaping import short_answer
from briefbot.answer.verify.cite import check_citations
from briefbot.eval import contains_any
from briefbot.index.embedding import MiniLMEmbedder
from briefbot.index.lexical import tokenize

MULTIHOP = ("hotpotqa", "2wikimultihopqa", "musique")
GRID = {"residual": [0.1, 0.2, 0.3, 0.4], "cover": [0.1, 0.2, 0.3, 0.4, 0.5], "opening": [2, 3, 4, 5, 8, 12, 20, 30]}
SQUAD_CITATION_LOSS = 0.005


def opening_needed(links: list[set[str]], place: chain.Place, most: int = 30) -> int | None:
    """The fewest opening words of the passage that name a bridge (0: its file name or heading is one), else None."""
    for k in range(most + 1):
        if any(place.about(n, opening=k) for n in links):
            return k
    return None


def collect(name: str) -> list[dict[str, Any]]:
    rows: dict[str, dict] = pickle.loads(output(name).read_bytes())
    gen = ExtractiveGenerator(embedder_for(name, MiniLMEmbedder()))
    gen.follow_chains = False
    out = []
    for r in rows.values():
        q, passages, answers = r["question"], r["passages"], r["answers"]
        if not answers:
            continue
        draft = gen.answer(q, passages)
        answer = check_citations(q, draft, passages)
        rec: dict[str, Any] = {
            "set": name, "half": r["half"], "answered": answer.answered,
            "contained": answer.answered and contains_any(answer.text, answers),
            "cites": [contains_any(c.text, answers) for c in answer.citations] if answer.answered else [],
            "candidates": [],
        }
        out.append(rec)
        sel = gen.select(q, passages) if answer.answered else None
        if sel is None or sel.ranking is None or draft.text != sel.text:
            continue  # declined, or answered another way (a definition, yes / no)
        ranking = sel.ranking
        cands = ranking.cands
        home = cands[int(np.argmax(ranking.scores))].passage
        first = " ".join(sel.sentences)
        qset = set(ranking.qwords)
        rest = chain.missing(qset, first)
        if not rest:
            continue
        links = chain.bridges(first, qset)
        places = [chain.Place(p.chunk.text, p.chunk.source, p.chunk.context) for p in passages]
        needed = [opening_needed(links, p) if j != home and p.source != places[home].source else None for j, p in enumerate(places)]
        residual = chain._share(qset, rest, ranking.idf)
        for c in cands:
            k = needed[c.passage]
            if k is None:
                continue
            said = c.said()
            offers = ranking.kind == "other" or type_match(ranking.kind, c.text, ranking.qset) > 0 or (
                short_answer(q, [c.text], ranking.kind) is not None
            )
            rec["candidates"].append({
                "residual": residual, "cover": chain._share(rest, set(tokenize(said)), ranking.idf), "opening": k,
                "offers": offers, "hit": contains_any(said, answers),
            })
    return out


def score(records: list[dict[str, Any]], residual: float, cover: float, opening: int) -> dict[str, Any]:
    """Containment and citation precision per set and half, and how often the chain fires, at one setting."""
    out: dict[str, Any] = {}
    for name in sorted({r["set"] for r in records}):
        for half in (0, 1):
            rows = [r for r in records if r["set"] == name and r["half"] == half]
            contained = good = cited = fired = 0
            for r in rows:
                hit, cites = r["contained"], list(r["cites"])
                ok = [c for c in r["candidates"] if c["residual"] >= residual and c["cover"] >= cover
                      and c["opening"] <= opening and c["offers"]]
                if r["answered"] and ok:
                    best = max(ok, key=lambda c: c["cover"])  # the first of the best, as chain.second_link
                    fired += 1
                    hit = hit or best["hit"]
                    cites.append(best["hit"])
                contained += hit
                good += sum(cites)
                cited += len(cites)
            out[f"{name}/{half}"] = {"containment": contained / max(len(rows), 1),
                                      "citation_precision": good / max(cited, 1), "fired": fired, "n": len(rows)}
    return out


def confirm(names: list[str], settings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The shortlisted settings scored by the answerer itself (bench/fit_answer.py's run), per set and half."""
    from fit_answer import run

    saved = chain.MIN_RESIDUAL, chain.MIN_COVER, chain.OPENING_WORDS
    out = [{**s, "real": {}} for s in settings]
    for name in names:
        gen = ExtractiveGenerator(embedder_for(name, MiniLMEmbedder()))
        gen.follow_chains = False
        plain = run(name, gen, None)["halves"]
        gen.follow_chains = True
        for s in out:
            chain.MIN_RESIDUAL, chain.MIN_COVER, chain.OPENING_WORDS = s["residual"], s["cover"], s["opening"]
            halves = run(name, gen, None)["halves"]
            for h in (0, 1):
                s["real"][f"{name}/{h}"] = {k: halves[h][k] for k in ("containment", "citation_precision")}
                s["real"][f"{name}/{h}/without"] = {k: plain[h][k] for k in ("containment", "citation_precision")}
    chain.MIN_RESIDUAL, chain.MIN_COVER, chain.OPENING_WORDS = saved
    return out


def objective(real: dict[str, Any], half: int, multihop: list[str]) -> float:
    """Containment gain plus citation precision change over the multi-hop sets, by the answerer itself."""
    return sum(real[f"{s}/{half}"][k] - real[f"{s}/{half}/without"][k] for s in multihop for k in ("containment", "citation_precision"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="squad1,hotpotqa,2wikimultihopqa,musique")
    ap.add_argument("--reuse", action="store_true", help="score the records kept by the last run")
    ap.add_argument("--confirm", type=int, default=8, help="the best N settings of the grid, run by the answerer itself")
    args = ap.parse_args()
    t = time.time()
    kept = HERE / "work" / "chain-records.pkl"
    if args.reuse:
        records = pickle.loads(kept.read_bytes())
    else:
        records = [rec for name in args.sets.split(",") for rec in collect(name)]
        kept.write_bytes(pickle.dumps(records))
    base = score(records, 9.0, 9.0, 0)
    multihop = [s for s in MULTIHOP if f"{s}/0" in base]

    def gain(res: dict[str, Any], half: int, what: str = "containment") -> float:
        return sum(res[f"{s}/{half}"][what] - base[f"{s}/{half}"][what] for s in multihop)

    rows = []
    for residual, cover, opening in itertools.product(GRID["residual"], GRID["cover"], GRID["opening"]):
        res = score(records, residual, cover, opening)
        loss = base["squad1/0"]["citation_precision"] - res["squad1/0"]["citation_precision"] if "squad1/0" in res else 0.0
        rows.append({"residual": residual, "cover": cover, "opening": opening, "gain_half0": gain(res, 0),
                     "gain_half1": gain(res, 1), "cite_gain_half0": gain(res, 0, "citation_precision"),
                     "squad_cite_loss_half0": loss, "figures": res})
    allowed = [r for r in rows if r["squad_cite_loss_half0"] <= SQUAD_CITATION_LOSS + 1e-9]
    chosen = max(allowed, key=lambda r: round(r["gain_half0"] + r["cite_gain_half0"], 6))  # max keeps the first tie

    def line(label: str, res: dict[str, Any]) -> str:
        cells = [f"{k} {v['containment']:.3f}/{v['citation_precision']:.3f} ({v['fired']})" for k, v in sorted(res.items())]
        return f"{label:<28} " + "  ".join(cells)

    print("containment / citation precision (times the chain fired), per set / half")
    print(line("without the chain", base))
    for r in sorted(allowed, key=lambda r: -(r["gain_half0"] + r["cite_gain_half0"]))[:8]:
        print(line(f"res {r['residual']} cov {r['cover']} open {r['opening']}", r["figures"]))
    print(line("CHOSEN " + f"res {chosen['residual']} cov {chosen['cover']} open {chosen['opening']}", chosen["figures"]))
    # The grid's figures approximate the answer (the appended sentence is scored alone, citations are not narrowed):
    # its best settings are run by the answerer itself, and the rule is applied again to those figures.
    if args.confirm:
        shortlist = sorted(allowed, key=lambda r: -(r["gain_half0"] + r["cite_gain_half0"]))[: args.confirm]
        real = confirm(args.sets.split(","), [{k: r[k] for k in ("residual", "cover", "opening")} for r in shortlist])
        for r in real:
            r["objective_half0"], r["objective_half1"] = objective(r["real"], 0, multihop), objective(r["real"], 1, multihop)
            r["squad_cite_loss_half0"] = (r["real"]["squad1/0/without"]["citation_precision"] - r["real"]["squad1/0"]["citation_precision"]
                                          if "squad1/0" in r["real"] else 0.0)
            print(f"answerer: res {r['residual']} cov {r['cover']} open {r['opening']}: containment + citation precision "
                  f"gain half 0 {r['objective_half0']:+.4f}, half 1 {r['objective_half1']:+.4f}; "
                  f"SQuAD v1.1 half 0 citation loss {r['squad_cite_loss_half0']:.4f}")
        ok = [r for r in real if r["squad_cite_loss_half0"] <= SQUAD_CITATION_LOSS + 1e-9] or real
        best = max(ok, key=lambda r: round(r["objective_half0"], 6))
        chosen = next(r for r in rows if (r["residual"], r["cover"], r["opening"]) == (best["residual"], best["cover"], best["opening"]))
        chosen["answerer"] = best
        print(f"CHOSEN by the answerer: res {best['residual']} cov {best['cover']} open {best['opening']}")
    cite1 = gain(chosen["figures"], 1, "citation_precision")
    print(f"multi-hop containment gain: half 0 {chosen['gain_half0']:+.3f}, half 1 (held out) {chosen['gain_half1']:+.3f}; "
          f"citation precision change: half 0 {chosen['cite_gain_half0']:+.3f}, half 1 {cite1:+.3f}")
    out = HERE / "results" / "chain.json"
    out.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "sets": args.sets, "grid": GRID,
                               "rule": "most multi-hop containment gain + citation precision change on half 0; "
                                       f"SQuAD v1.1 half 0 citation loss <= {SQUAD_CITATION_LOSS}",
                               "without": base, "chosen": chosen, "rows": rows, "seconds": time.time() - t}, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
