"""Fit answer/chain.py's constants: when a chain's second link is quoted after the answerer's sentence.

    python bench/collect_decline.py --set hotpotqa      # once per set (and 2wikimultihopqa, musique, squad1)
    python bench/fit_chain.py [--sets squad1,hotpotqa,2wikimultihopqa,musique]

For every answered question of the kept passages (the default retrieval, k = 5; as bench/fit_answer.py) it records the
answer without the chain and every sentence the chain could quote after it: the idf-weighted share of the question's
words the answer lacks, the sentence's share of those, how many opening words of its passage name the bridge (or 0
when its file name or heading does), whether it offers the kind of thing asked for, and whether it holds an accepted
answer. Each setting of (MIN_RESIDUAL, MIN_COVER, OPENING_WORDS) is then scored from those records: answer
containment and citation precision per set and half, as bench/fit_answer.py counts them.

The rule (half 0 = SQuAD's even-numbered articles, the multi-hop sets' even-numbered questions): the most answers
contained on the multi-hop sets' half 0, among settings that lower SQuAD v1.1 half 0's citation precision by at most
.005 (about 2 of its citations: a second link after a right answer adds a citation without the answer); ties go to the
better multi-hop citation precision on half 0, then to the earlier setting in the grid. Half 1 is reported, not used.
Writes bench/results/chain.json. Check the chosen setting with the real code: bench/fit_answer.py.
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

from briefbot.answer import chain
from briefbot.answer.cite import check_citations
from briefbot.answer.extractive import ExtractiveGenerator, leans_on_previous, type_match
from briefbot.answer.shaping import short_answer
from briefbot.answer.subject import title_words
from briefbot.eval import contains_any
from briefbot.index.embedding import MiniLMEmbedder
from briefbot.index.lexical import tokenize

MULTIHOP = ("hotpotqa", "2wikimultihopqa", "musique")
GRID = {"residual": [0.1, 0.2, 0.3, 0.4], "cover": [0.1, 0.2, 0.3, 0.4, 0.5], "opening": [2, 3, 4, 5, 8, 12]}
SQUAD_CITATION_LOSS = 0.005


def opening_needed(links: list[set[str]], place: chain.Place, most: int = 30) -> int | None:
    """The fewest opening words of the passage that name a bridge (0: its file name or heading does), else None."""
    named = set(tokenize(f"{title_words(place.source)} {place.context or ''}"))
    if any(n <= named for n in links):
        return 0
    words = place.text.split()
    for k in range(1, most + 1):
        have = set(tokenize(" ".join(words[:k])))
        if any(n <= have for n in links):
            return k
    return None


def collect(name: str) -> list[dict[str, Any]]:
    rows: dict[str, dict] = pickle.loads(output(name).read_bytes())
    gen = ExtractiveGenerator(embedder_for(name, MiniLMEmbedder()))
    gen.chain = False
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
        rest = qset - set(tokenize(first))
        if not rest:
            continue
        links = [n for n in chain.names(first) if not n <= qset or len(n) > 1]
        places = [chain.Place(p.chunk.text, p.chunk.source, p.chunk.context) for p in passages]
        needed = [opening_needed(links, p) if j != home and p.source != places[home].source else None for j, p in enumerate(places)]
        residual = chain._share(qset, rest, ranking.idf)
        for c in cands:
            k = needed[c.passage]
            if k is None:
                continue
            said = (c.previous[0] + " " if c.previous and leans_on_previous(c.text) else "") + c.text
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="squad1,hotpotqa,2wikimultihopqa,musique")
    args = ap.parse_args()
    t = time.time()
    records = [rec for name in args.sets.split(",") for rec in collect(name)]
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
    chosen = max(allowed, key=lambda r: (round(r["gain_half0"], 6), round(r["cite_gain_half0"], 6)))  # max keeps the first tie

    def line(label: str, res: dict[str, Any]) -> str:
        cells = [f"{k} {v['containment']:.3f}/{v['citation_precision']:.3f} ({v['fired']})" for k, v in sorted(res.items())]
        return f"{label:<28} " + "  ".join(cells)

    print("containment / citation precision (times the chain fired), per set / half")
    print(line("without the chain", base))
    for r in sorted(allowed, key=lambda r: -r["gain_half0"])[:8]:
        print(line(f"res {r['residual']} cov {r['cover']} open {r['opening']}", r["figures"]))
    print(line("CHOSEN " + f"res {chosen['residual']} cov {chosen['cover']} open {chosen['opening']}", chosen["figures"]))
    print(f"multi-hop containment gain: half 0 {chosen['gain_half0']:+.3f}, half 1 (held out) {chosen['gain_half1']:+.3f}")
    out = HERE / "results" / "chain.json"
    out.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "sets": args.sets, "grid": GRID,
                               "rule": f"most multi-hop containment on half 0; SQuAD v1.1 half 0 citation loss <= {SQUAD_CITATION_LOSS}",
                               "without": base, "chosen": chosen, "rows": rows, "seconds": time.time() - t}, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
