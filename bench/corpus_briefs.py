"""Does the whole-corpus brief quote each group's main point? Small multi-document folders of BBC articles.

    python bench/corpus_briefs.py --memo bench/work/memo.pkl            # 20 folders a half
    python bench/corpus_briefs.py --folders 5                            # a quick sample

Each folder holds 12 articles of mixed sizes by category (4, 3, 2, 2, 1 articles, the categories rotating), drawn
from one half of the BBC file (A = even-numbered lines, where anything was fitted; B = odd, held out); no article is
in two folders. `briefbot brief` of the folder (the whole-corpus brief, 120 words) is scored by the share of its
sentences that are sentences of their article's reference summary (BBC's summaries are extractive), whether its
first sentence is, and how many of the folder's categories it cites; also with the previous rule for a group's point
(its most central sentence among the 3 chunks nearest its centre). Beside it, at the same number of sentences:
the first sentence of that many files taken evenly by name (Lead-1 of files), and the sentences closest to the
folder's centroid (corpus centrality). Writes bench/results/corpus_briefs.json.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import statistics
import sys
import zlib
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
from briefs import DATA, WORDS, CachedEmbedder
from openings import in_reference

from briefbot.answer.brief import corpus_brief
from briefbot.answer.brief.brief_units import units_of
from briefbot.ingest.chunking import chunk_document
from briefbot.schema import Document, Passage

SIZES = (4, 3, 2, 2, 1)  # articles per category in a folder (the categories rotate from folder to folder)
_CITED = re.compile(r"(.+?)\s*\[(\d+)\](?:\s+|$)")


def folders(half: str, n: int) -> list[list[dict[str, Any]]]:
    rows = [json.loads(x) for x in (DATA / "bbc-news-summary" / "bbc_news_summary.jsonl").open(encoding="utf-8")]
    mine = rows[0::2] if half == "A" else rows[1::2]
    cats = sorted({r["category"] for r in mine})
    by_cat = {c: [r for r in mine if r["category"] == c] for c in cats}
    used = dict.fromkeys(cats, 0)
    out = []
    for k in range(n):
        folder = []
        for j, size in enumerate(SIZES):
            cat = cats[(k + j) % len(cats)]
            take = by_cat[cat][used[cat]: used[cat] + size]
            used[cat] += size
            folder.extend(take)
        out.append(folder)
    return out


def file_name(row: dict[str, Any]) -> str:
    """A name that does not give the category away (so files taken evenly by name are not spread by category)."""
    return f"doc-{zlib.crc32(row['id'].encode()):08x}.txt"


def article_text(row: dict[str, Any]) -> str:
    return f"{row['title'].strip()}\n\n{row['article'].strip()}\n"


def prose_of(row: dict[str, Any]) -> list[str]:
    doc = Document.from_text(file_name(row), article_text(row))
    return [u.text for u in units_of([Passage(c, 1.0) for c in chunk_document(doc, 200, 30)], whole_file=True) if u.prose]


def score_folder(half: str, k: int, folder: list[dict[str, Any]], embedder: CachedEmbedder) -> dict[str, Any]:
    from briefbot.api import Briefbot
    from briefbot.settings import load_settings

    root = common.WORK / "corpus-briefs" / f"{half}{k:02d}"
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    for row in folder:
        path = root / "corpus" / file_name(row)
        if not path.is_file():
            path.write_text(article_text(row), encoding="utf-8")
    bot = Briefbot(load_settings(index=root / ".briefbot", corpus=[root / "corpus"]))
    bot._embedder = embedder  # type: ignore[assignment]
    bot.ingest()
    by_file = {file_name(r): r for r in folder}
    out: dict[str, Any] = {"folder": f"{half}{k:02d}"}
    for prefix, openings in (("previous_", False), ("", True)):  # a group's point: before / after this branch
        corpus_brief.OPENING_OF_CENTRAL_FILE = openings
        answer = bot.brief(words=WORDS)
        said = [(m.group(1).strip(), int(m.group(2))) for m in _CITED.finditer(answer.text.strip())]
        cites = {c.n: by_file[Path(c.source).name] for c in answer.citations}
        hits = [in_reference(s, cites[n]["extractive_summary"]) for s, n in said if n in cites]
        out.update({f"{prefix}brief": answer.text, f"{prefix}sentences": len(said),
                    f"{prefix}in_reference": statistics.fmean(hits) if hits else 0.0,
                    f"{prefix}first_in_reference": bool(hits and hits[0]),
                    f"{prefix}categories": len({cites[n]["category"] for _, n in said if n in cites})})
    m = max(1, len(said))
    names = sorted(by_file)
    lead_rows = [by_file[names[round(i * (len(names) - 1) / max(1, m - 1))]] for i in range(m)] if m > 1 else [by_file[names[0]]]
    lead_hits = [in_reference(prose_of(r)[0], r["extractive_summary"]) for r in lead_rows]
    sents = [(s, r) for r in folder for s in prose_of(r)]
    vecs = embedder.embed([s for s, _ in sents])
    centre = vecs.mean(axis=0)
    top = np.argsort(-(vecs @ (centre / (np.linalg.norm(centre) or 1.0))))[:m]
    central_hits = [in_reference(sents[i][0], sents[i][1]["extractive_summary"]) for i in top]
    return {**out, "lead_in_reference": statistics.fmean(lead_hits),
            "lead_first": lead_hits[0], "lead_categories": len({r["category"] for r in lead_rows}),
            "central_in_reference": statistics.fmean(central_hits), "central_first": central_hits[0],
            "central_categories": len({sents[i][1]["category"] for i in top})}


def summarise(half: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    def mean(key: str) -> float:
        return round(statistics.fmean(float(r[key]) for r in rows), 4)

    return {"set": f"BBC folders of 12 articles, half {half}", "n": len(rows), "sentences": mean("sentences"),
            **{k: mean(k) for k in ("in_reference", "first_in_reference", "categories", "previous_in_reference",
                                     "previous_first_in_reference", "previous_categories", "lead_in_reference",
                                     "lead_first", "lead_categories", "central_in_reference", "central_first",
                                     "central_categories", "previous_sentences")}}


def report(s: dict[str, Any]) -> None:
    common.print_table(f"{s['set']} (n={s['n']} folders, {s['sentences']:.1f} sentences a brief)", [
        ("sentences in their article's reference: brief / previous rule / Lead-1 of files / corpus centrality",
         (f"{s['in_reference']:.3f} / {s['previous_in_reference']:.3f} / {s['lead_in_reference']:.3f} / "
         f"{s['central_in_reference']:.3f}"), ">= baselines",
         common.ok(s["in_reference"] >= max(s["lead_in_reference"], s["central_in_reference"]))),
        ("first sentence in its reference: same four",
         (f"{s['first_in_reference']:.3f} / {s['previous_first_in_reference']:.3f} / {s['lead_first']:.3f} / "
         f"{s['central_first']:.3f}"), "", ""),
        ("categories cited (of 5): same four",
         (f"{s['categories']:.2f} / {s['previous_categories']:.2f} / {s['lead_categories']:.2f} / "
         f"{s['central_categories']:.2f}"), "", ""),
    ])
    sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folders", type=int, default=20, help="folders a half")
    ap.add_argument("--halves", default="AB")
    ap.add_argument("--memo", type=Path, help="keep sentence vectors in this file between runs")
    args = ap.parse_args()
    embedder = CachedEmbedder()
    if args.memo and args.memo.is_file():
        embedder.memo = pickle.loads(args.memo.read_bytes())
    results = []
    for half in args.halves:
        rows = [score_folder(half, k, f, embedder) for k, f in enumerate(folders(half, args.folders))]
        results.append(summarise(half, rows))
        results[-1]["rows"] = rows
        report(results[-1])
    if args.memo:
        args.memo.write_bytes(pickle.dumps(embedder.memo))
    for s in results:
        s["commit"] = common.COMMIT_AT_START
    print(f"\nwrote {common.write_json('corpus_briefs', {'words': WORDS, 'sets': results})}")


if __name__ == "__main__":
    main()
