"""Calibrating and measuring the support checker (answer/verify/verify.py) on SQuAD v1.1 dev.

    python bench/verify.py [--paragraphs 12] [--seed 7] [--answers 300]

Pairs (claim, passage), built per article:
  supported    quote       a sentence of a paragraph vs that paragraph
               shortened   the same sentence with a few words or a parenthesis taken out
               qa          a question turned into a claim with its answer ("Denver Broncos represented
                           the AFC at Super Bowl 50") vs its paragraph: a crowd-written paraphrase
  unsupported  other       a sentence vs the other paragraph of its article sharing most words with it
               qa-other    a question claim vs that other paragraph (one not holding the answer)
               number      a sentence with a number swapped for one of the article's not in its paragraph
               date        a sentence with a month swapped for another month
               name        a sentence with a name swapped for another name of the article
The weight and threshold are fitted on the even-indexed articles (by maximising balanced accuracy,
the mean of the supported keep rate and the unsupported catch rate) and reported on the odd-indexed
ones, with baselines fitted the same way: similarity only, word coverage only, the rules only.
Then the extractive answerer (gold paragraph + the 4 most word-sharing others of its article as
passages) on held-out questions, with and without verification: answers kept unchanged and answer
containment. Writes bench/results/verify.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

from briefbot.answer.extract.extractive import ExtractiveGenerator
from briefbot.answer.verify import verify as V
from briefbot.answer.verify.cite import check_citations
from briefbot.index.embedding import MiniLMEmbedder
from briefbot.index.lexical import tokenize
from briefbot.schema import Chunk, Passage
from briefbot.text.sentences import sentence_spans

DATA = Path(os.environ.get("BRIEFBOT_BENCH_DATA", HERE.parents[1] / "shared" / "data")) / "squad-v1.1-dev" / "dev-v1.1.json"
RESULTS = HERE / "results" / "verify.json"
SUPPORTED = ("quote", "shortened", "qa")
UNSUPPORTED = ("other", "qa-other", "number", "date", "name")
TARGETS = {
    "unsupported precision": 0.90,
    "unsupported recall": 0.85,
    "kept quote": 1.00,
    "kept shortened": 0.95,
    "kept qa": 0.80,
    "extractive kept unchanged": 0.99,
}
_WH = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how(?: many| much| long| old| far)?)\b", re.IGNORECASE)
_MONTHS = [m.capitalize() for m in V.MONTHS if len(m) > 3]


def claim_of(question: str, answer: str) -> str:
    """A question as a statement: its wh-phrase replaced by the answer (the rest is the crowd's wording)."""
    q = question.strip().rstrip("?").strip()
    if _WH.search(q):
        q = _WH.sub(answer, q, count=1)
    else:
        q = f"{q} {answer}"
    return q[0].upper() + q[1:] + "."


def shortened(sentence: str, rng: random.Random) -> str | None:
    """The sentence without a parenthesis, or without 2-3 words from its middle: not a verbatim quote."""
    if "(" in sentence and ")" in sentence:
        out = re.sub(r"\s*\([^)]*\)", "", sentence)
        if out != sentence:
            return out
    words = sentence.split()
    if len(words) < 10:
        return None
    n = rng.choice((2, 3))
    i = rng.randrange(2, len(words) - n - 2)
    return " ".join(words[:i] + words[i + n :])


def swap(sentence: str, own: str, pool: list[str], found: list[str], rng: random.Random) -> str | None:
    """``sentence`` with one of ``found`` replaced by an item of ``pool`` that its paragraph lacks."""
    choices = [x for x in pool if x.lower() not in own.lower()]
    if not found or not choices:
        return None
    old = rng.choice(found)
    new = rng.choice(choices)
    return re.sub(rf"(?<![\w]){re.escape(old)}(?![\w])", new, sentence, count=1)


def build_pairs(articles: list[dict], paragraphs: int, rng: random.Random) -> list[dict]:
    pairs: list[dict] = []
    for a_i, art in enumerate(articles):
        half = "fit" if a_i % 2 == 0 else "test"
        paras = [" ".join(p["context"].split()) for p in art["paragraphs"]]
        stems = [set(tokenize(p)) for p in paras]
        text = " ".join(paras)
        numbers = list(dict.fromkeys(m.group(0) for m in re.finditer(r"\b\d{2,4}\b", text)))
        names = list(dict.fromkeys(V.names(text)))
        chosen = rng.sample(range(len(paras)), min(paragraphs, len(paras)))
        for p_i in chosen:
            own = paras[p_i]
            sents = [own[s:e] for s, e in sentence_spans(own) if len(own[s:e].split()) >= 6]
            if not sents:
                continue
            sent = rng.choice(sents)
            others = sorted((j for j in range(len(paras)) if j != p_i), key=lambda j: -len(stems[j] & set(tokenize(sent))))

            def add(kind: str, claim: str, passage: str, half: str = half) -> None:
                pairs.append({"half": half, "kind": kind, "claim": claim, "passage": passage, "supported": kind in SUPPORTED})

            add("quote", sent, own)
            short = shortened(sent, rng)
            if short and len(short.split()) >= 4:
                add("shortened", short, own)
            if others:
                add("other", sent, paras[others[0]])
            qas = [q for q in art["paragraphs"][p_i]["qas"] if q["answers"]]
            if qas:
                qa = rng.choice(qas)
                answer = qa["answers"][0]["text"]
                claim = claim_of(qa["question"], answer)
                add("qa", claim, own)
                other = next((paras[j] for j in others if answer.lower() not in paras[j].lower()), None)
                if other:
                    add("qa-other", claim, other)
            nums = [n for n in re.findall(r"\b\d{2,4}\b", sent)]
            s = swap(sent, own, numbers, nums, rng)
            if s:
                add("number", s, own)
            months = [m for m in _MONTHS if re.search(rf"\b{m}\b", sent)]
            s = swap(sent, own, _MONTHS, months, rng)
            if s:
                add("date", s, own)
            s = swap(sent, own, names, [n for n in V.names(sent) if len(n) > 2], rng)
            if s:
                add("name", s, own)
    return pairs


def decisions(feats: list[V.Features], weight: float, threshold: float, rules: bool = True, score: bool = True) -> list[bool]:
    out = []
    for f in feats:
        if f.quoted:
            out.append(True)
        elif rules and (f.missing_numbers or f.missing_dates or f.missing_names):
            out.append(False)
        elif score:
            out.append((1 - weight) * f.coverage + weight * f.similarity >= threshold)
        else:
            out.append(True)
    return out


def balanced(pairs: list[dict], kept: list[bool]) -> float:
    sup = [k for p, k in zip(pairs, kept) if p["supported"]]
    uns = [not k for p, k in zip(pairs, kept) if not p["supported"]]
    return (sum(sup) / max(1, len(sup)) + sum(uns) / max(1, len(uns))) / 2


def fit(pairs: list[dict], feats: list[V.Features], weights: list[float], rules: bool = True) -> tuple[float, float]:
    best = (-1.0, 0.0, 0.0)
    for w in weights:
        for t in [x / 100 for x in range(20, 96)]:
            b = balanced(pairs, decisions(feats, w, t, rules))
            if b > best[0]:
                best = (b, w, t)
    return best[1], best[2]


def report(pairs: list[dict], kept: list[bool]) -> dict:
    tp = sum(1 for p, k in zip(pairs, kept) if not p["supported"] and not k)  # unsupported caught
    fp = sum(1 for p, k in zip(pairs, kept) if p["supported"] and not k)  # supported removed
    fn = sum(1 for p, k in zip(pairs, kept) if not p["supported"] and k)
    tn = sum(1 for p, k in zip(pairs, kept) if p["supported"] and k)
    out = {
        "unsupported precision": tp / max(1, tp + fp),
        "unsupported recall": tp / max(1, tp + fn),
        "supported precision": tn / max(1, tn + fn),
        "supported recall": tn / max(1, tn + fp),
        "balanced accuracy": balanced(pairs, kept),
    }
    for kind in SUPPORTED + UNSUPPORTED:
        ks = [k for p, k in zip(pairs, kept) if p["kind"] == kind]
        if ks:
            rate = sum(ks) / len(ks) if kind in SUPPORTED else 1 - sum(ks) / len(ks)
            out[f"{'kept' if kind in SUPPORTED else 'caught'} {kind} (n={len(ks)})"] = rate
    return out


def extractive_check(articles: list[dict], verifier: V.Verifier, embedder, n: int, rng: random.Random) -> dict:
    """The extractive answerer on held-out questions: verification must keep its quoted answers."""
    gen = ExtractiveGenerator(embedder)
    qs = []
    for a_i, art in enumerate(articles):
        if a_i % 2 == 1:
            paras = [" ".join(p["context"].split()) for p in art["paragraphs"]]
            for p_i, p in enumerate(art["paragraphs"]):
                qs += [(paras, p_i, q) for q in p["qas"] if q["answers"]]
    rng.shuffle(qs)
    answered = unchanged = contained_raw = contained_verified = declined_by_check = 0
    for paras, p_i, q in qs[:n]:
        qstems = set(tokenize(q["question"]))
        others = sorted((j for j in range(len(paras)) if j != p_i), key=lambda j: -len(qstems & set(tokenize(paras[j]))))
        order = [p_i, *others[:4]]
        rng.shuffle(order)
        passages = [Passage(Chunk("a.txt", j, paras[j], 1, 1, 0, len(paras[j]), 0, f"h{j}"), 1.0 - k / 10) for k, j in enumerate(order)]
        draft = gen.answer(q["question"], passages)
        if not draft.answered:
            continue
        answered += 1
        plain = check_citations(q["question"], draft, passages)
        checked = check_citations(q["question"], draft, passages, verifier)
        unchanged += checked.text == plain.text
        declined_by_check += not checked.answered
        answers = [a["text"].lower() for a in q["answers"]]
        contained_raw += any(a in plain.text.lower() for a in answers)
        contained_verified += checked.answered and any(a in checked.text.lower() for a in answers)
    return {
        "questions": min(n, len(qs)),
        "answered": answered,
        "kept unchanged": unchanged / max(1, answered),
        "declined by verification": declined_by_check,
        "containment without verification": contained_raw / max(1, answered),
        "containment with verification": contained_verified / max(1, answered),
    }


def speed(pairs: list[dict], verifier: V.Verifier) -> tuple[float, float, float, float]:
    """ms per sentence (wall, CPU) when its passage is already embedded (an answer's sentences cite the same
    few passages): one sentence at a time, then four to an answer in one batch (Verifier.prepare), as answers are."""
    qa = [p for p in pairs if p["kind"] == "qa"]
    for p in qa[:400]:
        verifier.vectors([p["passage"][a:b] for a, b in V.sentence_spans(p["passage"])])  # the passages, embedded once
    warm = qa[:200]
    t0, c0 = time.perf_counter(), time.process_time()
    for p in warm:
        verifier.check("Also, " + p["claim"], [p["passage"]])  # new text (not yet embedded), same claim
    warm_ms = 1000 * (time.perf_counter() - t0) / max(1, len(warm))
    warm_cpu_ms = 1000 * (time.process_time() - c0) / max(1, len(warm))
    batch = qa[200:400]
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(batch), 4):
        group = [("So, " + p["claim"], [p["passage"]]) for p in batch[i : i + 4]]
        verifier.prepare(group)
        for claim, passages in group:
            verifier.check(claim, passages)
    batch_ms = 1000 * (time.perf_counter() - t0) / max(1, len(batch))
    batch_cpu_ms = 1000 * (time.process_time() - c0) / max(1, len(batch))
    return warm_ms, warm_cpu_ms, batch_ms, batch_cpu_ms


def speed_only(articles: list, args: argparse.Namespace) -> None:
    """``--speed``: time the checker again and update only the speed figures of bench/results/verify.json."""
    pairs = build_pairs(articles, args.paragraphs, random.Random(args.seed))
    warm_ms, warm_cpu_ms, batch_ms, batch_cpu_ms = speed(pairs, V.Verifier(MiniLMEmbedder()))
    print(f"{warm_ms:.1f} ms per sentence (CPU {warm_cpu_ms:.1f} ms) one at a time; {batch_ms:.1f} ms (CPU {batch_cpu_ms:.1f} ms)"
          f" four to an answer; load average {os.getloadavg()[0]:.1f}")
    result = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    result.update({
        "warm_ms_per_sentence": round(warm_ms, 2), "warm_cpu_ms_per_sentence": round(warm_cpu_ms, 2),
        "answer_batch_ms_per_sentence": round(batch_ms, 2), "answer_batch_cpu_ms_per_sentence": round(batch_cpu_ms, 2),
        "speed_load_average": list(os.getloadavg()),
    })
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=12, help="paragraphs sampled per article (default 12)")
    ap.add_argument("--answers", type=int, default=300, help="held-out questions for the extractive check")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--speed", action="store_true", help="only time the checker (updates the speed figures in verify.json)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    articles = json.loads(DATA.read_text(encoding="utf-8"))["data"]
    if args.speed:
        speed_only(articles, args)
        return
    pairs = build_pairs(articles, args.paragraphs, rng)
    embedder = MiniLMEmbedder()
    verifier = V.Verifier(embedder)
    t0 = time.perf_counter()
    feats = [verifier.features(p["claim"], [p["passage"]], complete=True) for p in pairs]  # all features, for fitting
    ms = 1000 * (time.perf_counter() - t0) / len(pairs)
    warm_ms, warm_cpu_ms, batch_ms, batch_cpu_ms = speed(pairs, verifier)
    fit_i = [i for i, p in enumerate(pairs) if p["half"] == "fit"]
    test_i = [i for i, p in enumerate(pairs) if p["half"] == "test"]

    def sub(idx: list[int]) -> tuple[list[dict], list[V.Features]]:
        return [pairs[i] for i in idx], [feats[i] for i in idx]

    fp, ff = sub(fit_i)
    tp, tf = sub(test_i)
    grid = [x / 20 for x in range(21)]
    methods = {}
    w, t = fit(fp, ff, grid)
    methods["checker (rules + fitted score)"] = {"weight": w, "threshold": t, "kept": decisions(tf, w, t), "fit_kept": decisions(ff, w, t)}
    _, t1 = fit(fp, ff, [1.0], rules=False)
    methods["baseline: similarity only"] = {"weight": 1.0, "threshold": t1, "kept": decisions(tf, 1.0, t1, rules=False), "fit_kept": decisions(ff, 1.0, t1, rules=False)}
    _, t0_ = fit(fp, ff, [0.0], rules=False)
    methods["baseline: word coverage only"] = {"weight": 0.0, "threshold": t0_, "kept": decisions(tf, 0.0, t0_, rules=False), "fit_kept": decisions(ff, 0.0, t0_, rules=False)}
    methods["baseline: rules only"] = {"weight": None, "threshold": None, "kept": decisions(tf, 0, 0, score=False), "fit_kept": decisions(ff, 0, 0, score=False)}
    current = V.Verifier(None)  # the shipped constants, as a check that the code uses what was fitted
    methods["shipped constants"] = {
        "weight": current.weight, "threshold": current.threshold,
        "kept": decisions(tf, current.weight, current.threshold), "fit_kept": decisions(ff, current.weight, current.threshold),
    }
    results = {}
    for name, m in methods.items():
        results[name] = {"weight": m["weight"], "threshold": m["threshold"], "test": report(tp, m["kept"]), "fit": report(fp, m["fit_kept"])}
    v = V.Verifier(embedder, current.weight, current.threshold)
    extractive = extractive_check(articles, v, embedder, args.answers, random.Random(args.seed))

    print(f"pairs: {len(fp)} fit (even articles), {len(tp)} held out (odd articles)")
    print(f"time: {ms:.1f} ms per pair, passages new; {warm_ms:.1f} ms per sentence (CPU {warm_cpu_ms:.1f} ms), passages already"
          f" embedded; {batch_ms:.1f} ms (CPU {batch_cpu_ms:.1f} ms) per sentence checked four to an answer, as answers are")
    print(f"fitted: similarity weight {w:.2f}, threshold {t:.2f}")
    keys = list(results["checker (rules + fitted score)"]["test"])
    width = max(len(k) for k in keys) + 2
    names = list(results)
    print("held-out half".ljust(width) + "".join(f"{n[:22]:>24}" for n in names) + "  target")
    for k in keys:
        target = TARGETS.get(k.split(" (n=")[0])
        row = k.ljust(width) + "".join(f"{results[n]['test'].get(k, float('nan')):>24.3f}" for n in names)
        print(row + (f"  >= {target:.2f}" if target is not None else ""))
    print()
    print("extractive answerer, held-out questions")
    for k, val in extractive.items():
        tgt = f"  >= {TARGETS['extractive kept unchanged']:.2f}" if k == "kept unchanged" else ("  = without" if k == "containment with verification" else "")
        print(f"  {k.ljust(36)} {val if isinstance(val, int) else f'{val:.3f}'}{tgt}")
    removed = [
        {"kind": pairs[i]["kind"], "claim": pairs[i]["claim"], "reason": V.decide(feats[i], "[1]", current.weight, current.threshold).reason}
        for i in test_i
        if pairs[i]["supported"] and not V.decide(feats[i], "[1]", current.weight, current.threshold).supported
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "data": str(DATA.name),
                "seed": args.seed,
                "paragraphs_per_article": args.paragraphs,
                "pairs": {"fit": len(fp), "test": len(tp)},
                "ms_per_pair": round(ms, 2),
                "fitted": {"similarity_weight": w, "threshold": t},
                "results": results,
                "extractive": extractive,
                "targets": TARGETS,
                "machine": platform.platform(),
                "warm_ms_per_sentence": round(warm_ms, 2),
                "warm_cpu_ms_per_sentence": round(warm_cpu_ms, 2),
                "answer_batch_ms_per_sentence": round(batch_ms, 2),
                "answer_batch_cpu_ms_per_sentence": round(batch_cpu_ms, 2),
                "load_average": list(os.getloadavg()),
                "supported_removed_examples": removed[:40],
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwrote {RESULTS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
