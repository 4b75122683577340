"""The extractive answerer's decline signals for every collected SQuAD 2.0 question (bench/collect_decline.py).

    python bench/decline_features.py [SET]  # writes bench/work/decline-features.json (SET: decline-features-SET.json)

Runs the answerer's own selection (ExtractiveGenerator.select) on the kept passages, so a question costs
milliseconds once its sentences are embedded; `bypass` marks questions the answerer handles without the
threshold (yes/no questions, acronym and role definitions).
"""

from __future__ import annotations

import json
import pickle
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from collect_decline import output
from quality_embedder import CachedEmbedder

from briefbot.answer.extractive import ExtractiveGenerator, _candidates
from briefbot.answer.question_kind import question_type
from briefbot.answer.polar import is_polar
from briefbot.answer.shaping import direct_answer
from briefbot.eval import contains_any
from briefbot.index.embedding import MiniLMEmbedder

WORK = HERE / "work"
FEATURES = WORK / "decline-features.json"
VECTORS = WORK / "squad" / "vectors-minilm-l6-v2-int8.npz"
MEMO = WORK / "decline-vectors.npz"


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "squad2"
    rows_in: dict = pickle.loads(output(name).read_bytes())
    features = FEATURES if name == "squad2" else WORK / f"decline-features-{name}.json"
    if not MEMO.exists():
        shutil.copyfile(VECTORS, MEMO)
    embedder = CachedEmbedder(MiniLMEmbedder(), MEMO)
    generator = ExtractiveGenerator(embedder)
    out = []
    started = time.perf_counter()
    for n, (qid, r) in enumerate(rows_in.items()):
        q, passages = r["question"], r["passages"]
        sel = generator.select(q, passages)
        cands = _candidates(passages)
        bypass = is_polar(q) or direct_answer(q, [c.text for c in cands], question_type(q)) is not None
        text = generator.answer(q, passages).text if bypass else ("" if sel is None else sel.text)
        out.append({
            "qid": qid, "half": r["half"], "answerable": bool(r["answers"]), "kind": question_type(q),
            "bypass": bypass, "contained": bool(r["answers"]) and contains_any(text, r["answers"]), "signals": {} if sel is None else sel.signals,
        })
        if (n + 1) % 1000 == 0:
            print(f"  {n + 1} questions, {time.perf_counter() - started:.0f}s", flush=True)
            embedder.save()
    embedder.save()
    features.write_text(json.dumps(out), encoding="utf-8")
    print(f"{len(out)} questions -> {features}")


if __name__ == "__main__":
    main()
