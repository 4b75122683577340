"""Do two versions of briefbot rank the same? The `search` top-k of bench/query.py's queries, compared in one process.

The older version (a git commit) is extracted under bench/work/ as a second package, `briefbot_old`, and
both search the same index with the same embedder object and the same chromadb client. One process,
because two do not agree with each other: chromadb loads its HNSW index anew in each process and its
approximate top 50 can differ for a few queries (README, "Query speed against a plain retriever").

    python bench/query_same.py COMMIT bench/work/query-scale-2000/.briefbot [--k 10]

Prints how many of the top-k lists are identical (ids, and scores to 5 decimals); how many are identical as
texts and scores (a list that differs only in which copy of a text it holds, where files hold identical
texts, which tie in BM25); and the first that differ otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

QUERIES = 205  # bench/query.py's 5 warm-up queries and 200 timed ones


def old_package(commit: str) -> Path:
    """The commit's src/briefbot as bench/work/same-COMMIT/briefbot_old (imports renamed); the folder to put on sys.path."""
    root = common.WORK / f"same-{commit}"
    pkg = root / "briefbot_old"
    if not pkg.is_dir():
        root.mkdir(parents=True, exist_ok=True)
        repo = Path(__file__).resolve().parent.parent
        archive = subprocess.run(["git", "-C", str(repo), "archive", commit, "src/briefbot"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
        (root / "src" / "briefbot").rename(pkg)
        for f in pkg.rglob("*.py"):
            text = f.read_text(encoding="utf-8")
            text = re.sub(r"\b(from|import) briefbot(?=[. ])", r"\1 briefbot_old", text)
            f.write_text(text.replace('"briefbot.', '"briefbot_old.'), encoding="utf-8")
    return root


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("commit", help="the older version (any git revision)")
    ap.add_argument("index", type=Path, help="an index folder (.briefbot)")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--json", type=Path, help="write the counts and the lists that differ as texts here")
    args = ap.parse_args()
    sys.path.insert(0, str(old_package(args.commit)))
    import briefbot_old.api as old_api  # type: ignore[import-not-found]
    import briefbot_old.settings as old_settings  # type: ignore[import-not-found]

    from briefbot.api import Briefbot
    from briefbot.settings import Settings

    titles = common.bbc_titles()
    queries = [titles[i] for i in np.random.default_rng(7).permutation(len(titles))[:QUERIES]]  # as bench/query.py
    new = Briefbot(Settings(index=args.index.resolve()))
    old = old_api.Briefbot(old_settings.Settings(index=args.index.resolve()))
    old._embedder = new.embedder
    differ, texts, shown = [], 0, []
    for n, q in enumerate(queries):
        before, after = old.search(q, args.k), new.search(q, args.k)
        a = [(p.chunk.id, round(p.score, 5)) for p in before]
        b = [(p.chunk.id, round(p.score, 5)) for p in after]
        if a != b:
            differ.append((n, q, a, b))
            # The same texts with the same scores, another copy of a text (files with identical texts tie in BM25)?
            if [(p.chunk.text, round(p.score, 5)) for p in before] == [(p.chunk.text, round(p.score, 5)) for p in after]:
                texts += 1
            else:
                shown.append(differ[-1])
    print(f"{len(queries) - len(differ)} of {len(queries)} top-{args.k} lists identical ({args.commit} and this version, {args.index})")
    print(f"{len(queries) - len(differ) + texts} of {len(queries)} identical as texts and scores (the {texts} others: another copy of the same text)")
    for n, q, a, b in shown[:5]:
        print(" ", (n, q, a[:3], b[:3]))
    if args.json:
        args.json.write_text(json.dumps({"queries": len(queries), "identical": len(queries) - len(differ), "same_texts": texts,
                                         "differ": [[n, q, before_, after_] for n, q, before_, after_ in shown]}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
