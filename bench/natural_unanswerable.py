"""Natural unanswerable questions: SQuAD v1.1 questions with the paragraph that answers them taken away.

    python bench/collect_decline.py --set squad1 --name squad1-all     # the retrieved passages (once)
    python bench/natural_unanswerable.py                               # writes bench/work/decline-passages-squad1-removed.pkl
    python bench/decline_features.py squad1-removed                    # the answerer's signals for each

SQuAD 2.0's unanswerable questions were written to look answerable: a crowd worker read a paragraph and wrote a
question it almost answers, reusing its words ("Who fought the Normans?"). A reader's unanswerable questions are
mostly of another kind: the documents are on the topic but do not say ("When was Chalone founded?" of an article
about Diageo buying it), and the question's own words ("founded") are what the passages lack. Fitted on SQuAD 2.0
alone, the decline model learned that missing words mean *answerable* (SQuAD 2.0's answerable questions paraphrase,
its unanswerable ones copy), the opposite of what natural questions show (bench/news.py's 25 unanswerable questions).

Each SQuAD v1.1 dev question keeps the passages the default retrieval found for it (k = 5, collected once), less every
passage that overlaps its gold paragraph; it is kept only when no remaining passage holds any of its answers, so what
is left is its article's other passages, on the topic and without the answer. Halves follow SQuAD 2.0's article
numbers where the article is in SQuAD 2.0 (so a fit on half 0 of both sets never sees a half-1 article), else SQuAD
v1.1's.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from collect_decline import output
from common import DATA_ROOT
from quality_sets import squad_v1

from briefbot.eval import contains_any

WORK = HERE / "work"


def main() -> None:
    collected: dict = pickle.loads(output("squad1-all").read_bytes())
    items = {it.qid: it for it in squad_v1(WORK).items}
    v1 = json.loads((DATA_ROOT / "squad-v1.1-dev" / "dev-v1.1.json").read_text(encoding="utf-8"))["data"]
    v2 = json.loads((DATA_ROOT / "squad-v2.0-dev" / "dev-v2.0.json").read_text(encoding="utf-8"))["data"]
    v2_half = {a["title"]: n % 2 for n, a in enumerate(v2)}
    title_of = {qa["id"]: a["title"] for a in v1 for p in a["paragraphs"] for qa in p["qas"]}
    out: dict[str, dict] = {}
    dropped = {"answer elsewhere": 0, "nothing left": 0}
    for qid, r in collected.items():
        gold = items[qid].gold[0]
        left = [p for p in r["passages"]
                if not (p.chunk.source == gold.source and p.chunk.start_char < gold.end and gold.start < p.chunk.end_char)]
        if not left:
            dropped["nothing left"] += 1
            continue
        if contains_any(" ".join(p.chunk.text for p in left), list(r["answers"])):
            dropped["answer elsewhere"] += 1
            continue
        half = v2_half.get(title_of[qid], r["half"])
        out[qid] = {"question": r["question"], "answers": (), "half": half, "passages": left}
    path = output("squad1-removed")
    path.write_bytes(pickle.dumps(out))
    halves = [sum(1 for v in out.values() if v["half"] == h) for h in (0, 1)]
    print(f"{len(out)} of {len(collected)} questions kept (half 0: {halves[0]}, half 1: {halves[1]}); dropped: {dropped} -> {path}")


if __name__ == "__main__":
    main()
