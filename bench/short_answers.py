"""Short answers cut from the sentence that holds SQuAD's gold answer (no retrieval: the shaping alone).

    python bench/short_answers.py

For every SQuAD v1.1 dev question, the sentence of its paragraph that holds the first gold answer
is given to briefbot's short-answer shaping (answer/shape/shaping.py) with the question's type; the
phrase it returns is scored against the gold answers with SQuAD's exact match and F1. The rules
were developed looking at failures of the even half (question id even) only; both halves are
reported, the odd half being the held-out check. Runs in about a minute; writes
bench/results/short_answers.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from answers import SHARED, best, exact, f1
from squad_corpus import DATA

from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.shape.shaping import short_answer
from briefbot.text.sentences import sentence_spans

RESULTS = HERE / "results" / "short_answers.json"
KINDS = ("who", "when", "where", "number", "other")


def main() -> None:
    dump = sys.argv[sys.argv.index("--dump") + 1] if "--dump" in sys.argv else None  # every question's short answer
    shorts: dict[str, str | None] = {}
    data = json.loads((SHARED if SHARED.exists() else DATA).read_text(encoding="utf-8"))
    stats = {h: {k: [0, 0, 0.0, 0.0, 0.0] for k in KINDS} for h in ("even", "odd")}
    for article in data["data"]:
        for p in article["paragraphs"]:
            context = p["context"]
            spans = sentence_spans(context)
            for qa in p["qas"]:
                start = qa["answers"][0]["answer_start"]
                sentence = next((context[s:e] for s, e in spans if s <= start < e), None)
                if sentence is None:
                    continue
                kind = question_type(qa["question"])
                golds = tuple(a["text"] for a in qa["answers"])
                short = short_answer(qa["question"], [sentence], kind)
                shorts[qa["id"]] = short
                row = stats["even" if int(qa["id"], 16) % 2 == 0 else "odd"][kind]
                row[0] += 1
                if short:
                    row[1] += 1
                    row[2] += best(exact, short, golds)
                    row[3] += best(f1, short, golds)
                    row[4] += best(f1, sentence, golds)  # the baseline: the whole sentence, as quoted
    table = {}
    print(f"{'half':<6}{'type':<8}{'questions':>10}{'shaped':>8}{'EM':>7}{'F1':>7}{'sentence F1':>13}")
    for half, kinds in stats.items():
        for kind, (n, shaped, em, f, whole) in kinds.items():
            row = {
                "questions": n, "shaped": shaped / max(n, 1), "em": em / max(shaped, 1), "f1": f / max(shaped, 1),
                "sentence_f1": whole / max(shaped, 1),
            }
            table[f"{half} {kind}"] = {k: round(v, 4) for k, v in row.items()}
            print(f"{half:<6}{kind:<8}{n:>10}{row['shaped']:>8.3f}{row['em']:>7.3f}{row['f1']:>7.3f}{row['sentence_f1']:>13.3f}")
    print("shaped: share of questions given a short answer; EM / F1 of those against the gold answers;"
          " sentence F1: the whole sentence's F1 on the same questions (the baseline)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"data": "../shared/data/squad-v1.1-dev/dev-v1.1.json", "table": table}, indent=2) + "\n")
    print(f"wrote {RESULTS.relative_to(HERE.parent)}")
    if dump:  # to compare two versions question by question
        Path(dump).write_text(json.dumps(shorts, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
