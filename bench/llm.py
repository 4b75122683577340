"""briefbot's LLM path against a real OpenAI-compatible server: answers, declines, briefs, with and without verification.

    OPENAI_BASE_URL=http://127.0.0.1:8765/v1 OPENAI_API_KEY=local nice -n 10 python bench/llm.py --model local --n 20

Question sets: SQuAD 2.0 dev answerable and unanswerable (the articles of the sampled questions indexed),
HotpotQA multi-hop (the sampled questions' context paragraphs indexed, one file per paragraph), and the
hand-written questions on corpus/ below (the offline extractive answerer answers them too, in the same run).
Every question is generated ONCE, asked with verification off (so the model is always asked); "verification
off" scores the model's raw reply (``Answer.raw_text``), "on" scores it as ``briefbot ask`` shows it with
verification on (``verify_row``: the question reading, then the checker), so the columns differ only by them.
Writes bench/results/llm.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, WORK
from squad_corpus import write_corpus

from briefbot.answer.llm.llm_reply import DECLINE_TEXT, cut_to_words, flatten_brief, is_decline
from briefbot.api import Briefbot
from briefbot.settings import load_settings
from briefbot.text.sentences import sentence_spans

REPO = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (or beside the folder of worktrees), unless BRIEFBOT_BENCH_DATA says
DATA = Path(os.environ.get("BRIEFBOT_BENCH_DATA") or next(
    (p / "shared" / "data" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "data").is_dir()), REPO.parent / "shared" / "data"))
BRIEF_EVERY = 20  # rounds of questions between two topic briefs
MARKER = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")

# Questions on corpus/unesco-ichei-giannini-meeting.txt: expected answer strings (any one counts),
# or None when the file does not say (the right answer is a decline).
CORPUS_QUESTIONS: list[tuple[str, list[str] | None]] = [
    ("When did the UNESCO-ICHEI delegation meet Stephania Giannini?", ["September 6", "6 September", "Sept. 6"]),
    ("During which event did the meeting with Giannini take place?", ["Digital Learning Week"]),
    ("What is Stephania Giannini's position at UNESCO?", ["Assistant Director-General for Education"]),
    ("Who is the director of UNESCO-ICHEI?", ["Li Ming"]),
    ("What does IIOE stand for?", ["International Institute of Online Education"]),
    ("Who is the chief of the IIOE?", ["Xue Feng"]),
    ("Over how many years were the IIOE's achievements presented?", ["three years", "3 years"]),
    ("Which technology did Giannini say has a crucial impact on education?", ["generative artificial intelligence", "generative AI"]),
    ("What training does UNESCO-ICHEI offer to teachers?", ["micro-certification"]),
    ("To which event did Li Ming invite Giannini?", ["Global Partners Summit"]),
    ("Which university is Li Ming a chair professor of?", ["Southern University of Science and Technology", "SUSTech"]),
    ("Who is the Acting Dean of the School of Business at SUSTech?", ["Jin Li"]),
    ("What is HOU Sheng Tao a professor of?", ["Neurobiology"]),
    ("Who is the deputy chief of the IIOE?", ["Su Rui"]),
    ("To which UNESCO agenda did UNESCO-ICHEI's work contribute?", ["2030 Agenda"]),
    ("What is the capital of Peru?", None),
    ("How much funding did UNESCO give the IIOE?", None),
    ("Where will the IIOE Global Partners Summit be held?", None),
    ("How many teachers have received micro-certification training?", None),
]


def norm(text: str) -> str:
    text = MARKER.sub(" ", text.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def contains(text: str, answers: list[str]) -> bool:
    t = norm(text)
    return any(norm(a) and norm(a) in t for a in answers)


def declined(text: str) -> bool:
    t = text.strip()
    return not t or t == DECLINE_TEXT or is_decline(t)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text) if MARKER.sub("", text[s:e]).strip()]


def one_cited_paragraph(text: str) -> bool:
    # a marker closes each sentence, after its full stop ("... rose. [1]", the offline style) or before it
    text = re.sub(r"([.!?][\"'”’)]*)\s*((?:\s*\[\d+\])+)", r" \2\1", text.strip())
    sents = sentences(text)
    return bool(sents) and "\n" not in text.strip() and all(MARKER.search(s) for s in sents)


def server_info(base: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(f"{base.rstrip('/')}/models", timeout=10) as resp:
            data = json.loads(resp.read())
        return {"base_url": base, "models": [m.get("id") for m in data.get("data", [])],
                "owned_by": sorted({m.get("owned_by", "") for m in data.get("data", [])})}
    except Exception as exc:  # noqa: BLE001 - reported, not fatal
        return {"base_url": base, "error": f"{type(exc).__name__}: {exc}"}


def make_bot(folder: Path, generator: str, model: str, **extra: Any) -> Briefbot:
    settings = load_settings(index=folder / ".briefbot", corpus=[folder / "corpus"], generator=generator, model=model, **extra)
    return Briefbot(settings)


def squad_questions(n: int, seed: int) -> tuple[Path, list[tuple[str, list[str] | None]]]:
    folder = WORK / "llm-squad2"
    all_q = write_corpus(folder, DATA / "squad-v2.0-dev" / "dev-v2.0.json")
    rng = random.Random(seed)
    answerable = [q for q in all_q if q.answers]
    unanswerable = [q for q in all_q if not q.answers]
    picked = rng.sample(answerable, n) + rng.sample(unanswerable, n)
    return folder, [(q.question, list(q.answers) or None) for q in picked]


def hotpot_questions(n: int, seed: int) -> tuple[Path, list[tuple[str, list[str] | None]]]:
    folder = WORK / "llm-hotpot"
    src = DATA / "multihop-dev" / "hotpotqa"
    paras = {r["id"]: r for r in map(json.loads, (src / "corpus.jsonl").read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in (src / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    picked = random.Random(seed).sample(rows, n)
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    wanted = {pid for r in picked for pid in r["context"]}
    for old in corpus.glob("*.txt"):
        if old.stem not in wanted:
            old.unlink()
    for pid in sorted(wanted):
        p = corpus / f"{pid}.txt"
        body = f"{paras[pid]['title']}\n\n{paras[pid]['text']}\n"
        if not p.exists() or p.read_text(encoding="utf-8") != body:
            p.write_text(body, encoding="utf-8")
    return folder, [(r["question"], list(r["answers"])) for r in picked]


def corpus_folder() -> Path:
    folder = WORK / "llm-corpus"
    (folder / "corpus").mkdir(parents=True, exist_ok=True)
    src = REPO / "corpus" / "unesco-ichei-giannini-meeting.txt"
    dest = folder / "corpus" / src.name
    if not dest.exists() or dest.read_bytes() != src.read_bytes():
        dest.write_bytes(src.read_bytes())
    return folder


def ask_one(bot: Briefbot, question: str, answers: list[str] | None, check: Any = None) -> dict[str, Any]:
    """One question: the reply as the model wrote it (``raw``) and as shown (``verified``); with ``check`` (the
    LLM bots, asked with verification off so the model is always asked), the shown answer is ``check``'s."""
    started = time.monotonic()
    try:
        a = bot.ask(question)
    except Exception as exc:  # noqa: BLE001 - a failed call is a data point, not the end of the run
        return {"question": question, "error": str(exc), "seconds": round(time.monotonic() - started, 1)}
    raw = getattr(a, "raw_text", None) or a.text
    raw_sents, kept_sents = sentences(raw), sentences(a.text) if a.answered else []
    row = {
        "question": question, "answers": answers, "seconds": round(time.monotonic() - started, 1),
        "raw": raw, "verified": a.text,
        "answered_raw": not declined(raw), "answered_verified": bool(a.answered),
        "raw_sentences": len(raw_sents), "kept_sentences": min(len(kept_sents), len(raw_sents)),
        "usage": a.usage.to_dict() if a.usage else None,
        # what the model saw, so the checker can be re-run on the same replies (--rescore)
        "passages": [p.chunk.text for p in a.passages],
    }
    if answers:
        row["contains_raw"] = row["answered_raw"] and contains(raw, answers)
        row["contains_verified"] = row["answered_verified"] and contains(a.text, answers)
    if check is not None:
        check(row)
    return row


def verify_row(row: dict[str, Any], reader_bot: Briefbot | None, verifier: Any, model: str) -> None:
    """Score a saved reply with verification on, as Briefbot.ask checks it: is the question answered by what a
    fresh search of the benchmark's index finds (the offline reading; when not, ask declines without asking
    the model), then every sentence against the passages the model was given (cut to fit its context)."""
    from briefbot.answer.verify.cite import check_citations
    from briefbot.schema import Chunk, Draft, Passage

    passages = [Passage(Chunk("p", i, t, 1, 1, 0, len(t), 0, str(i)), 1.0) for i, t in enumerate(row["passages"])]
    draft = Draft(row["raw"], answered=row["answered_raw"], model=model)
    answerable = reader_bot.reader().finds_answer(row["question"], reader_bot.search(row["question"])) if reader_bot else True
    row["answerable"] = answerable
    a = check_citations(row["question"], draft, passages, verifier, remove=True, lead_decides=True, answerable=answerable)
    row["verified"], row["answered_verified"] = a.text, bool(a.answered)
    row["kept_sentences"] = min(len(sentences(a.text)) if a.answered else 0, row["raw_sentences"])
    if row.get("answers"):
        row["contains_verified"] = row["answered_verified"] and contains(a.text, row["answers"])


def rescore(path: Path) -> dict[str, Any]:
    """Re-run the support checker on saved replies (the model is not asked again): ``--rescore FILE``."""
    from briefbot.answer.verify.cite import check_citations
    from briefbot.answer.verify.verify import Verifier
    from briefbot.index.embedding import MiniLMEmbedder
    from briefbot.schema import Chunk, Draft, Passage

    result = json.loads(path.read_text(encoding="utf-8"))
    embedder = MiniLMEmbedder()
    verifier = Verifier(embedder)
    # The indexes the questions were asked against, rebuilt as the run built them when missing (a fresh machine):
    # without one, every question of its set would count as answerable.
    sets = result["sets"]
    folders = {
        "squad": squad_questions(len(sets.get("squad", [])) // 2, result["seed"])[0],
        "multihop": hotpot_questions(len(sets.get("multihop", [])), result["seed"])[0] if sets.get("multihop") else WORK / "llm-hotpot",
        "corpus": corpus_folder(),
    }
    for name in ("squad", "multihop", "corpus"):
        bot = make_bot(folders[name], "extractive", result["model"]) if sets.get(name) else None
        if bot is not None:
            bot.ingest()
        for row in result["sets"].get(name, []):
            if "error" not in row and "passages" in row:
                verify_row(row, bot, verifier, result["model"])
    if result["sets"].get("corpus_offline") and folders["corpus"].joinpath(".briefbot").is_dir():
        offline = make_bot(folders["corpus"], "extractive", result["model"])  # this version's offline answerer
        result["sets"]["corpus_offline"] = [ask_one(offline, r["question"], r["answers"]) for r in result["sets"]["corpus_offline"]]
    for row in result["sets"].get("briefs", []):
        if "error" in row or "passages" not in row:
            continue
        row["fallback"] = fell_back(row.get("notes", []))
        if not row["fallback"]:  # the model's paragraph, checked again as Briefbot.brief checks it
            passages = [Passage(Chunk("p", i, t, 1, 1, 0, len(t), 0, str(i)), 1.0) for i, t in enumerate(row["passages"])]
            text = cut_to_words(flatten_brief(row["raw"]), row["word_limit"])
            a = check_citations(f"brief: {row['about']}", Draft(text, True, result["model"]), passages, verifier, remove=True)
            row["verified"] = a.text
            if not a.answered:  # nothing it cites backs it: the offline brief stands (Briefbot.brief)
                folder = WORK / "llm-corpus" if row["about"] is None else WORK / "llm-squad2"
                row["verified"] = make_bot(folder, "extractive", result["model"]).brief(about=row["about"]).text
                row["fallback"] = True
                row["notes"] = [*row.get("notes", []), "no sentence its citations support: the offline extractive brief"]
        row["one_cited_paragraph_verified"] = one_cited_paragraph(row["verified"])
        row["one_cited_paragraph_raw"] = one_cited_paragraph(row["raw"])
        row["words"] = len(MARKER.sub("", row["verified"]).split())
    result["summary"] = summary(result["sets"])
    result["rescored"] = True
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


def fell_back(notes: list[str]) -> bool:
    """Briefbot.brief says so in a note when the offline brief stands instead of the model's."""
    return any("offline extractive brief" in n for n in notes)


def rate(rows: list[dict[str, Any]], key: str) -> float | None:
    vals = [bool(r.get(key)) for r in rows if "error" not in r]
    return round(sum(vals) / len(vals), 3) if vals else None


def kept_share(rows: list[dict[str, Any]]) -> float | None:
    raw = sum(r["raw_sentences"] for r in rows if "error" not in r and r["answered_raw"])
    kept = sum(r["kept_sentences"] for r in rows if "error" not in r and r["answered_raw"])
    return round(kept / raw, 3) if raw else None


def right(row: dict[str, Any], verified: bool) -> bool:
    if "error" in row:
        return False
    if row["answers"] is None:
        return not row["answered_verified" if verified else "answered_raw"]
    return bool(row["contains_verified" if verified else "contains_raw"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=os.environ.get("BRIEFBOT_MODEL", "local"))
    ap.add_argument("--n", type=int, default=100, help="SQuAD 2.0 answerable questions, and as many unanswerable (issue: 100)")
    ap.add_argument("--multihop", type=int, default=None, help="HotpotQA questions [default: n/2] (issue: 50)")
    ap.add_argument("--briefs", type=int, default=5, help="briefs: the corpus/ file plus topic briefs on SQuAD articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=RESULTS / "llm.json")
    ap.add_argument("--resume", action="store_true", help="keep the rows already in --out and ask only the rest")
    ap.add_argument("--rescore", type=Path, help="re-run only the checker on a results file's saved replies")
    args = ap.parse_args()
    if args.rescore:
        report(rescore(args.rescore))
        return
    base = os.environ.get("OPENAI_BASE_URL")
    if not base and not os.environ.get("OPENAI_API_KEY"):
        sys.exit("bench/llm.py: set OPENAI_BASE_URL (and OPENAI_API_KEY) to an OpenAI-compatible server")
    os.environ.setdefault("OPENAI_API_KEY", "local")
    multihop = args.n // 2 if args.multihop is None else args.multihop
    server = server_info(base or "https://api.openai.com/v1")
    print(f"model {args.model} at {server.get('base_url')}; server serves {server.get('models', server.get('error'))}")

    sets: dict[str, list[dict[str, Any]]] = {}
    if args.resume and args.out.exists():  # keep what an earlier (interrupted) run measured
        sets = {k: [r for r in v if "error" not in r] for k, v in json.loads(args.out.read_text(encoding="utf-8"))["sets"].items()}
    done = {(name, r.get("question") or r.get("about")) for name, rows in sets.items() for r in rows}
    run_started = time.monotonic()

    corpus = corpus_folder()
    squad_folder, squad = squad_questions(args.n, args.seed)
    queues: list[tuple[str, Path, list[tuple[str, list[str] | None]]]] = [
        ("corpus", corpus, CORPUS_QUESTIONS),
        ("squad", squad_folder, squad[: args.n]),  # answerable
        ("squad", squad_folder, squad[args.n :]),  # unanswerable
    ]
    if multihop:
        hp_folder, hp = hotpot_questions(multihop, args.seed)
        queues.append(("multihop", hp_folder, hp))
    from briefbot.answer.verify.verify import Verifier

    bots: dict[Path, Briefbot] = {}
    checks: dict[Path, Any] = {}
    for folder in {q[1] for q in queues}:
        # verification off, so the model is asked even when Briefbot.ask would decline without asking it;
        # verify_row then scores the reply as ask shows it with verification on
        bots[folder] = make_bot(folder, "openai", args.model, verify=False)
        bots[folder].ingest()
        reader = make_bot(folder, "extractive", args.model)
        verifier = Verifier(bots[folder].embedder)
        checks[folder] = lambda row, reader=reader, verifier=verifier: verify_row(row, reader, verifier, args.model)
    offline = make_bot(corpus, "extractive", args.model)
    sets["corpus_offline"] = [ask_one(offline, q, a) for q, a in CORPUS_QUESTIONS]
    run_briefs(args, squad_folder, corpus, sets, server, run_started, done, only_corpus=True)
    # Round-robin over the sets, so a run stopped early still holds a balanced sample of each; the topic
    # briefs are spread over the run (one every BRIEF_EVERY rounds) for the same reason.
    for i in range(max(len(q[2]) for q in queues)):
        if i % BRIEF_EVERY == BRIEF_EVERY // 2:
            run_briefs(args, squad_folder, corpus, sets, server, run_started, done, only=1 + i // BRIEF_EVERY)
        for name, folder, questions in queues:
            if i >= len(questions) or (name, questions[i][0]) in done:
                continue
            r = ask_one(bots[folder], *questions[i], check=checks[folder])
            sets.setdefault(name, []).append(r)
            print(f"  {name} {i + 1}/{len(questions)} {r['seconds']:6.1f}s "
                  f"{'ERROR ' + r['error'][:80] if 'error' in r else ('ok' if right(r, True) else 'miss')}", flush=True)
            save(args, server, sets, run_started)
    run_briefs(args, squad_folder, corpus, sets, server, run_started, done | {("briefs", r.get("about")) for r in sets.get("briefs", [])})
    report(save(args, server, sets, run_started))


def run_briefs(
    args: argparse.Namespace, squad_folder: Path, corpus: Path, sets: dict, server: dict, started: float,
    done: set, only_corpus: bool = False, only: int | None = None,
) -> None:
    rows = sets.setdefault("briefs", [])
    topics: list[tuple[Path, str | None]] = [(corpus, None)] if args.briefs else []
    titles = sorted({p.stem.replace("_", " ") for p in (squad_folder / "corpus").glob("*.txt")})
    topics += [(squad_folder, t) for t in random.Random(args.seed).sample(titles, max(0, args.briefs - 1))]
    chosen = topics[:1] if only_corpus else topics[only : only + 1] if only is not None else topics[1:]
    for folder, about in chosen:
        if ("briefs", about) in done:
            continue
        bot = make_bot(folder, "openai", args.model)
        t0 = time.monotonic()
        try:
            a = bot.brief(about=about)
        except Exception as exc:  # noqa: BLE001
            rows.append({"about": about, "error": str(exc)})
            continue
        raw = getattr(a, "raw_text", None) or a.text
        rows.append({
            "about": about, "seconds": round(time.monotonic() - t0, 1), "raw": raw, "verified": a.text,
            "notes": a.notes, "fallback": fell_back(a.notes),
            "one_cited_paragraph_raw": one_cited_paragraph(raw), "one_cited_paragraph_verified": one_cited_paragraph(a.text),
            "words": len(MARKER.sub("", a.text).split()), "word_limit": bot.settings.brief_words,
            "passages": [p.chunk.text for p in a.passages],
        })
        print(f"  brief {about or 'corpus/'}: {rows[-1]['seconds']}s, one cited paragraph: {rows[-1]['one_cited_paragraph_verified']}", flush=True)
        save(args, server, sets, started)


def summary(sets: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    squad = sets.get("squad", [])
    ans = [r for r in squad if r.get("answers")]
    una = [r for r in squad if "answers" in r and r["answers"] is None]
    out: dict[str, Any] = {}
    for name, verified in (("off", False), ("on", True)):
        v = "verified" if verified else "raw"
        out[name] = {
            "squad_containment": rate(ans, f"contains_{v}"),
            "squad_unanswerable_answered": rate(una, f"answered_{v}"),
            "squad_answerable_declined": None if not ans else round(1 - (rate(ans, f"answered_{v}") or 0), 3),
            "multihop_containment": rate(sets.get("multihop", []), f"contains_{v}"),
            "corpus_right": _right_rate(sets.get("corpus", []), verified),
            "briefs_one_cited_paragraph": rate(sets.get("briefs", []), f"one_cited_paragraph_{v}"),
        }
    out["corpus_offline_right"] = _right_rate(sets.get("corpus_offline", []), True)
    out["kept_share"] = {k: kept_share(sets.get(k, [])) for k in ("squad", "multihop", "corpus")}
    out["brief_fallbacks"] = sum(1 for r in sets.get("briefs", []) if r.get("fallback"))
    out["errors"] = sum(1 for rows in sets.values() for r in rows if "error" in r)
    secs = [r["seconds"] for k in ("squad", "multihop", "corpus") for r in sets.get(k, []) if "seconds" in r]
    out["seconds_per_question"] = round(sum(secs) / len(secs), 1) if secs else None
    out["n"] = {k: len(v) for k, v in sets.items()}
    return out


def _right_rate(rows: list[dict[str, Any]], verified: bool) -> float | None:
    return round(sum(right(r, verified) for r in rows) / len(rows), 3) if rows else None


def save(args: argparse.Namespace, server: dict, sets: dict, started: float) -> dict[str, Any]:
    result = {"model": args.model, "server": server, "seed": args.seed, "minutes": round((time.monotonic() - started) / 60, 1),
              "summary": summary(sets), "sets": sets}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


def report(result: dict[str, Any]) -> None:
    s = result["summary"]
    off, on = s["off"], s["on"]

    def pct(v: float | None) -> str:
        return "  n/a" if v is None else f"{100 * v:5.1f}%"

    rows = [
        ("SQuAD 2.0 unanswerable answered", off["squad_unanswerable_answered"], on["squad_unanswerable_answered"], "<= 10% (on)"),
        ("SQuAD 2.0 answer containment", off["squad_containment"], on["squad_containment"], ">= off - 3 pts"),
        ("SQuAD 2.0 answerable declined", off["squad_answerable_declined"], on["squad_answerable_declined"], ""),
        ("HotpotQA answer containment", off["multihop_containment"], on["multihop_containment"], ""),
        ("corpus/ questions right", off["corpus_right"], on["corpus_right"], f">= offline {pct(s['corpus_offline_right']).strip()}"),
        ("briefs one cited paragraph", off["briefs_one_cited_paragraph"], on["briefs_one_cited_paragraph"], "100%"),
    ]
    print(f"\nmodel {result['model']} at {result['server'].get('base_url')}  ({s['n']}; {s['seconds_per_question']} s/question, "
          f"{result['minutes']} min, {s['errors']} errors, {s['brief_fallbacks']} brief fallbacks)")
    print(f"{'':34} {'verify off':>10} {'verify on':>10}  target")
    for name, a, b, target in rows:
        print(f"{name:34} {pct(a):>10} {pct(b):>10}  {target}")
    print(f"answer sentences the checker keeps: {s['kept_share']}")


if __name__ == "__main__":
    main()
