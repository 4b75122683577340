"""Does a brief of a news article state what its headline states? Headline words in the brief, per BBC half.

    python bench/titles.py [--sample 300] [--memo bench/work/memo-bbc.pkl] [--out FILE]

BBC's reference summaries are sentences picked from the article (they look picked by word frequency), so ROUGE
against them rewards a frequency-like choice. Each article's headline, though, is written by a person and says its
main point ("Parmalat boasts doubled profits"). For each article (the body only, headline left out), the brief
`briefbot brief --source` would write, and the share of the headline's stemmed content words found in the brief's
first sentence and in the whole brief; beside Lead-1 (the article's first sentence), Lead cut to the brief's
length, and the centrality baseline (as bench/briefs.py). Halves as bench/briefs.py (A = even lines, B = odd).
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from briefs import DATA, CachedEmbedder, brief_one, centrality, lead
from openings import brief_sentences, central_order, strip_markers

from briefbot.index.words import tokenize


def recall(title: set[str], text: str) -> float:
    return len(title & set(tokenize(text))) / len(title) if title else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=300, help="articles per half (0 = all)")
    ap.add_argument("--memo", type=Path)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "titles.json")
    args = ap.parse_args()
    embedder = CachedEmbedder()
    if args.memo and args.memo.is_file():
        embedder.memo = pickle.loads(args.memo.read_bytes())
    rows = [json.loads(x) for x in (DATA / "bbc-news-summary" / "bbc_news_summary.jsonl").open(encoding="utf-8")]
    out = {}
    print(f"{'half':5} {'n':>4}  {'first sentence: brief / Lead-1 / central first':>48}  {'whole: brief / Lead / centrality':>34}")
    for half, mine in (("A", rows[0::2]), ("B", rows[1::2])):
        if args.sample:
            mine = mine[:: max(1, len(mine) // args.sample)][: args.sample]
        got: dict[str, list[float]] = {k: [] for k in ("first", "lead1", "central_first", "brief", "lead", "centrality")}
        for r in mine:
            title = set(tokenize(r["title"]))
            if not title:
                continue
            brief, passages, _ = brief_one(r["id"], r["article"].strip() + "\n", embedder)
            said = brief_sentences(brief)
            words = len(strip_markers(brief).split())
            units, order = central_order(passages, embedder)
            got["first"].append(recall(title, said[0] if said else ""))
            got["lead1"].append(recall(title, units[0].text if units else ""))
            cent = centrality(passages, embedder, words)
            got["central_first"].append(recall(title, units[min(order[: max(1, len(said))])].text if units else ""))
            got["brief"].append(recall(title, strip_markers(brief)))
            got["lead"].append(recall(title, lead(r["article"], words)))
            got["centrality"].append(recall(title, cent))
        m = {k: round(statistics.fmean(v), 3) for k, v in got.items()}
        out[half] = {"n": len(got["first"]), **m}
        print(f"{half:5} {len(got['first']):>4}  {m['first']:>15.3f} / {m['lead1']:.3f} / {m['central_first']:.3f}"
              f"  {m['brief']:>17.3f} / {m['lead']:.3f} / {m['centrality']:.3f}")
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")
    if args.memo:
        args.memo.write_bytes(pickle.dumps(embedder.memo))


if __name__ == "__main__":
    main()
