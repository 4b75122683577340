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
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from collect_decline import output
from quality_embedder import CachedEmbedder

from briefbot.answer.extract.extractive import ExtractiveGenerator, _candidates
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.polar import is_polar
from briefbot.answer.shape.roles import direct_answer
from briefbot.eval import contains_any
from briefbot.index.embedding import MiniLMEmbedder

WORK = HERE / "work"
FEATURES = WORK / "decline-features.json"
VECTORS = WORK / "squad" / "vectors-minilm-l6-v2-int8.npz"
MEMO = WORK / "decline-vectors.npz"


def features_row(generator: ExtractiveGenerator, qid: str, question: str, passages: list, half: int, answerable: bool,
                 holds: Callable[[str], bool]) -> dict:
    """One question's row: the answerer's signals on its passages, whether it answers without the threshold
    (``bypass``) and whether what it quotes holds the answer (``holds``; only for answerable questions)."""
    sel = generator.select(question, passages)
    kind = question_type(question)
    bypass = is_polar(question) or direct_answer(question, [c.text for c in _candidates(passages)], kind) is not None
    text = generator.answer(question, passages).text if bypass else ("" if sel is None else sel.text)
    return {"qid": qid, "half": half, "answerable": answerable, "kind": kind, "bypass": bypass, "question": question, "text": text,
            "contained": answerable and holds(text), "signals": {} if sel is None else sel.signals}


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
        out.append(features_row(generator, qid, r["question"], r["passages"], r["half"], bool(r["answers"]),
                                lambda text, answers=r["answers"]: contains_any(text, answers)))
        if (n + 1) % 1000 == 0:
            print(f"  {n + 1} questions, {time.perf_counter() - started:.0f}s", flush=True)
            embedder.save()
    embedder.save()
    features.write_text(json.dumps(out), encoding="utf-8")
    print(f"{len(out)} questions -> {features}")


if __name__ == "__main__":
    main()
