"""Short answers and close spellings on SQuAD v1.1 dev, through briefbot's real index and answerer.

    python bench/answers.py [--sample 1000] [--seed 13]

Uses the SQuAD index of bench/quality.py (bench/work/squad, built on first use). For each sampled
question: the extractive answer as `ask` gives it, its short answer, and SQuAD's exact match and
F1 of the short answer against the gold answers, next to the same scores of the full quoted
sentences (the baseline a reader had before). Nothing here is fitted on SQuAD; figures are still
shown for each half of the sample (even / odd question id) as a check of their noise.
Then names spelled another way: for questions naming something of five or more letters, one
letter of that name is changed and BM25's recall@5 is compared with and without close spellings.
Prints a table and writes bench/results/answers.json.
"""

from __future__ import annotations

import argparse
import collections
import json
import platform
import random
import re
import string
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from squad_corpus import DATA, Question, write_corpus

from briefbot.answer.extract.extractive import ExtractiveGenerator
from briefbot.answer.extract.question_kind import question_type
from briefbot.answer.verify.cite import check_citations
from briefbot.api import Briefbot
from briefbot.eval import contains_any
from briefbot.settings import Settings

WORK = HERE / "work" / "squad"
RESULTS = HERE / "results" / "answers.json"
SHARED = Path("/work/shared/data/squad-v1.1-dev/dev-v1.1.json")


def normalize(s: str) -> str:
    """SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces."""
    s = s.lower()
    s = "".join(ch for ch in s if ch not in set(string.punctuation))
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def f1(pred: str, gold: str) -> float:
    p, g = normalize(pred).split(), normalize(gold).split()
    common = collections.Counter(p) & collections.Counter(g)
    same = sum(common.values())
    if not p or not g or same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def best(metric, pred: str, golds: tuple[str, ...]) -> float:
    return max(metric(pred, g) for g in golds)


def exact(pred: str, gold: str) -> float:
    return float(normalize(pred) == normalize(gold))


def misspell(word: str, rng: random.Random) -> str:
    """One letter inside the word changed to a neighbouring vowel or consonant: another spelling."""
    i = rng.randrange(1, len(word) - 1)
    c = word[i].lower()
    pool = "aeiou" if c in "aeiou" else "bcdfghklmnprstvz"
    new = rng.choice([x for x in pool if x != c])
    return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1 :]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dump", type=Path, help="also write every question's row (answer, short answer) to this JSON file")
    args = ap.parse_args()
    data = SHARED if SHARED.exists() else DATA
    questions: list[Question] = write_corpus(WORK, data)
    settings = Settings(index=WORK / ".briefbot", corpus=[WORK / "corpus"], generator="extractive")
    bot = Briefbot(settings)
    bot.ingest()
    questions = random.Random(args.seed).sample(questions, min(args.sample, len(questions)))
    generator = ExtractiveGenerator(bot.embedder, min_score=settings.min_score)
    retriever = bot.retriever()

    rows = []
    t = time.perf_counter()
    for i, q in enumerate(questions):
        if i and i % 50 == 0:
            print(f"  {i} questions, {time.perf_counter() - t:.0f}s", flush=True)
        passages = retriever.search(q.question, settings.k)
        answer = check_citations(q.question, generator.answer(q.question, passages), passages)
        loose = ExtractiveGenerator(bot.embedder, min_score=settings.min_score)
        loose._vectors = generator._vectors  # same sentence vectors: only the rule for further sentences differs
        loose.further_gap = None  # the earlier further-sentence rule (extractive.SENTENCE_MARGIN, FURTHER_OVERLAP) ...
        loose.further_overlap = 0.0  # ... loosened: any further sentence sharing a question word
        l_answer = check_citations(q.question, loose.answer(q.question, passages), passages)
        rows.append({
            "contains_loose": l_answer.answered and contains_any(l_answer.text, q.answers),
            "words_loose": len(l_answer.text.split()) if l_answer.answered else 0,
            "words_default": len(answer.text.split()) if answer.answered else 0,
            "half": "even" if int(q.qid, 16) % 2 == 0 else "odd",
            "kind": question_type(q.question),
            "answered": answer.answered,
            "contains": answer.answered and contains_any(answer.text, q.answers),
            "short": getattr(answer, "short_answer", None),  # None on code before short answers (a baseline run)
            "full": re.sub(r"\s*\[\d+\]", "", answer.text) if answer.answered else "",
            "answers": q.answers,
            "question": q.question,
        })
    seconds = time.perf_counter() - t
    if args.dump:
        args.dump.write_text(json.dumps(rows, indent=1))

    def summary(sel: list[dict]) -> dict[str, float]:
        n = len(sel) or 1
        shaped = [r for r in sel if r["short"]]
        m = len(shaped) or 1
        return {
            "questions": len(sel),
            "containment_full": sum(r["contains"] for r in sel) / n,
            "containment_loose": sum(r.get("contains_loose", False) for r in sel) / n,
            "answer_words": sum(r.get("words_default", 0) for r in sel) / n,
            "answer_words_loose": sum(r.get("words_loose", 0) for r in sel) / n,
            "with_short_answer": len(shaped) / n,
            "short_em": sum(best(exact, r["short"], r["answers"]) for r in shaped) / m,
            "short_f1": sum(best(f1, r["short"], r["answers"]) for r in shaped) / m,
            "short_contains": sum(contains_any(r["short"], r["answers"]) for r in shaped) / m,
            "full_f1_same_questions": sum(best(f1, r["full"], r["answers"]) for r in shaped) / m,
            "full_contains_same_questions": sum(contains_any(r["full"], r["answers"]) for r in shaped) / m,
            "short_words": sum(len(r["short"].split()) for r in shaped) / m,
            "full_words": sum(len(r["full"].split()) for r in shaped) / m,
        }

    table = {"all": summary(rows)}
    for half in ("even", "odd"):
        table[f"half {half}"] = summary([r for r in rows if r["half"] == half])
    for kind in ("who", "when", "where", "number", "other"):
        table[f"type {kind}"] = summary([r for r in rows if r["kind"] == kind])

    print(f"SQuAD v1.1 dev, {len(rows)} questions (seed {args.seed}), k={settings.k}; {seconds:.0f}s")
    head = f"{'set':<14}{'n':>6}{'contain':>9}{'shaped':>8}{'EM':>7}{'F1':>7}{'in short':>9}{'F1 full':>9}{'words':>13}"
    print(head)
    for name, s in table.items():
        print(f"{name:<14}{s['questions']:>6}{s['containment_full']:>9.3f}{s['with_short_answer']:>8.3f}"
              f"{s['short_em']:>7.3f}{s['short_f1']:>7.3f}{s['short_contains']:>9.3f}{s['full_f1_same_questions']:>9.3f}"
              f"{s['short_words']:>6.1f} / {s['full_words']:<5.1f}")
    for name in ("all", "half even", "half odd"):
        s = table[name]
        print(f"further sentences with any question word, instead of half the best one's ({name}): containment "
              f"{s['containment_loose']:.3f} vs {s['containment_full']:.3f}, words per answer "
              f"{s['answer_words_loose']:.1f} vs {s['answer_words']:.1f}")
    print("contain: gold answer in the quoted sentences (all questions; target >= .80, was .81);"
          " shaped: share with a short answer; EM/F1/in short: the short answer against the gold;"
          " F1 full: the quoted sentences' F1 on the same questions; words: short / full")

    # Names spelled another way: BM25 recall@5 of the gold article, one letter of a name changed.
    lex = retriever.lexical()
    if not hasattr(lex, "close_terms"):
        return
    rng = random.Random(args.seed)
    trials = []
    for q in questions:
        caps = [m.group() for m in re.finditer(r"\b[A-Z][a-z]{4,}\b", q.question) if m.start() > 0]
        if caps:
            word = max(caps, key=len)
            trials.append((q, q.question.replace(word, misspell(word, rng), 1)))
    hits = {"exact": 0, "close": 0, "misspelt, no close spellings": 0, "misspelt, close spellings": 0}
    timings: list[float] = []

    def top5(query: str, close: bool) -> bool:
        if close:
            scores = lex.scores(query)
        else:
            saved = lex.close_terms
            lex.close_terms = lambda unknown: []  # type: ignore[method-assign]
            try:
                scores = lex.scores(query)
            finally:
                lex.close_terms = saved  # type: ignore[method-assign]
        return any(cid.rsplit("#", 1)[0] == q.source for cid, _ in lex.top(query, 5, scores=scores))

    from briefbot.index.lexical import tokenize
    from briefbot.index.spelling import Spelling

    s = time.perf_counter()
    Spelling([w for w in lex.model.vocab_dict if w]).close("xyzzyquux")
    build_ms = 1000 * (time.perf_counter() - s)  # the letter-pair index, built once per process on first need
    lex.scores("warm up the close-spelling lookup Xyzzyquux")
    lookup: list[float] = []
    for _, wrong in trials:
        unknown = [w for w in tokenize(wrong) if w not in lex.model.vocab_dict]
        s = time.perf_counter()
        lex.close_terms(unknown)
        lookup.append(time.perf_counter() - s)
    for q, wrong in trials:
        hits["exact"] += top5(q.question, False)
        hits["close"] += top5(q.question, True)
        hits["misspelt, no close spellings"] += top5(wrong, False)
        s = time.perf_counter()
        hits["misspelt, close spellings"] += top5(wrong, True)
        timings.append(time.perf_counter() - s)
    n = len(trials) or 1
    spelling = {k: v / n for k, v in hits.items()}
    ms = {"index_build_ms": build_ms, "lookup_p50_ms": 1000 * float(np.median(lookup)) if lookup else 0.0,
          "lookup_p95_ms": 1000 * float(np.percentile(lookup, 95)) if lookup else 0.0}
    ms |= {"p50_ms": 1000 * float(np.median(timings)) if timings else 0.0, "p95_ms": 1000 * float(np.percentile(timings, 95)) if timings else 0.0}
    print()
    print(f"names spelled another way: {len(trials)} questions with a name of 5+ letters, one letter changed;"
          f" BM25 (article) recall@5, vocabulary {len(lex.model.vocab_dict)} words")
    for k, v in spelling.items():
        print(f"  {k:<32} {v:.3f}")
    print(f"  BM25 query time with close spellings: p50 {ms['p50_ms']:.1f} ms, p95 {ms['p95_ms']:.1f} ms;"
          f" of which the close-spelling lookup p50 {ms['lookup_p50_ms']:.1f} ms, p95 {ms['lookup_p95_ms']:.1f} ms;"
          f" its letter-pair index built once in {ms['index_build_ms']:.0f} ms")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "data": "../shared/data/squad-v1.1-dev/dev-v1.1.json", "questions": len(rows), "seed": args.seed,
        "short_answers": {k: {m: round(v, 4) for m, v in s.items()} for k, s in table.items()},
        "close_spellings": {"questions": len(trials), **{k: round(v, 4) for k, v in spelling.items()}, **{k: round(v, 2) for k, v in ms.items()}},
        "seconds": round(seconds, 1), "machine": f"{platform.machine()}, {platform.python_version()}",
    }, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
