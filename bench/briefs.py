"""How good are briefs? ROUGE against reference summaries, beside equal-length baselines, plus form checks.

    python bench/briefs.py --memo bench/work/memo.pkl   # samples: 100 BBC articles per half, every long doc and meeting
    python bench/briefs.py --sample 0      # every BBC article (slow: ~45k sentences to embed)
    python bench/briefs.py --fit --sample 300   # the grid behind file_brief's KEYWORDS, POSITION, REDUNDANCY (BBC half A)
    python bench/briefs.py --openings --sample 0   # the table behind file_brief.OPENING_AMONG (both BBC halves)
    python bench/fit_topic.py              # the fit behind topic_brief.TOPIC_FLOOR (QMSum meetings, half A)

Sets, each in two halves (A = even-numbered items, where anything was fitted; B = odd-numbered, held out):
BBC News, long-doc-summaries (46), QMSum general (35 meetings), QMSum query-focused (237, as `brief --about
QUERY --source MEETING` over one index of the 35 transcripts; halves by meeting), and the same 237 queries as
`ask` over all 35 meetings. One default for every set: the 120-word budget. Baselines are cut to exactly the
number of words of briefbot's brief for the same document: Lead (the document's first words) and centrality
(its sentences closest to its centroid, in document order). Also: the whole-corpus brief of the 2,225 BBC
articles, timed as the CLI (needs bench/work/briefs-bbc indexed). ``--memo`` keeps sentence vectors between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
from openings import brief_sentences, central_order, opening, strip_markers
from rouge import rouge

from briefbot.answer.brief import file_brief
from briefbot.answer.brief.brief_units import leans_on_previous
from briefbot.answer.retrieve.retrieval import collapse_duplicates
from briefbot.answer.verify.cite import check_citations
from briefbot.ingest.chunking import chunk_document
from briefbot.schema import Document, Passage
from briefbot.text.sentences import sentence_spans

DATA = common.DATA.parent
if not DATA.is_dir() and (common.REPO.parents[1] / "shared" / "data").is_dir():
    DATA = common.REPO.parents[1] / "shared" / "data"  # run from a worktree under /work/wt/
WORDS = 120
MARKUP = re.compile(r"(^|\s)#{1,6}\s|\|[^|\n]*\||\*\*|(^|\n)\s*[-*+]\s")
_WORD = re.compile(r"[^\W_]+")


class CachedEmbedder:
    """The real MiniLM embedder, remembering vectors so baselines reuse the brief's (timed on first use)."""

    def __init__(self) -> None:
        from briefbot.index.embedding import make_embedder
        from briefbot.settings import load_settings

        self.inner = make_embedder(load_settings())
        self.name, self.dim = self.inner.name, self.inner.dim
        self.memo: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            self.memo.update(zip(missing, self.inner.embed(missing)))
        return np.array([self.memo[t] for t in texts], dtype=np.float32).reshape(len(texts), self.dim)


def form(text: str, document: str, quotes: bool = False) -> dict[str, Any]:
    """One paragraph with every sentence cited; markup; openings leaning on a sentence not before them; repeats.
    ``quotes``: an extractive answer, whose verbatim quote of consecutive sentences is cited by one closing marker."""
    # A marker closes each sentence, after its full stop ("... rose. [1]", the offline style) or before it ("... rose [1].")
    before = re.sub(r"([.!?][\"'”’)]*)\s*((?:\s*\[\d+\])+)", r" \2\1", text.strip())
    pieces = [p for p in re.split(r"(?<=\])\W?\s+", before) if p] if quotes else [before[a:b] for a, b in sentence_spans(before)]
    cited = bool(pieces) and "\n" not in text.strip() and all(re.search(r"\[\d+\]\W*$", p) for p in pieces)
    sents = brief_sentences(text)
    flat = " ".join(document.split())
    unresolved = 0
    for i, s in enumerate(sents):
        if leans_on_previous(s) and not (i and flat.find(sents[i - 1] + " " + s) >= 0):
            unresolved += 1
    dup = 0
    bags: list[set[str]] = []
    for s in sents:
        bag = set(_WORD.findall(s.lower()))
        if any(bag and len(bag & b) / len(bag | b) >= 0.6 for b in bags):
            dup += 1
        bags.append(bag)
    return {"cited_paragraph": cited, "markup": bool(MARKUP.search(text)), "sentences": len(sents),
            "unresolved": unresolved, "duplicates": dup}


def lead(body: str, n: int) -> str:
    return " ".join(body.split()[:n])


def centrality(passages: list[Passage], embedder: CachedEmbedder, n: int) -> str:
    units, order = central_order(passages, embedder)
    if not units:
        return ""
    picked, used = [], 0
    for i in order:
        if used >= n:
            break
        picked.append(int(i))
        used += units[int(i)].words
    words = " ".join(units[i].text for i in sorted(picked)).split()
    return " ".join(words[:n])


def brief_one(source: str, text: str, embedder: CachedEmbedder) -> tuple[str, list[Passage], float]:
    """The brief `briefbot brief --source` writes (same chunking, same code after the index read)."""
    doc = Document.from_text(source, text)
    passages = collapse_duplicates([Passage(c, 1.0) for c in chunk_document(doc, 200, 30)])
    t = time.perf_counter()
    plan = file_brief.brief_file(passages, embedder, WORDS)  # type: ignore[arg-type]
    answer = check_citations("brief", plan.draft, passages)
    return answer.text, passages, time.perf_counter() - t


def score_set(name: str, items: list[tuple[str, str, str, str]], embedder: CachedEmbedder) -> dict[str, Any]:
    """items: (id, full text, body for Lead, reference). Briefbot, Lead and centrality at equal length."""
    rows = []
    for item_id, text, body, reference in items:
        brief, passages, secs = brief_one(item_id, text, embedder)
        words = len(strip_markers(brief).split())
        plain = strip_markers(brief)
        row = {"id": item_id, "words": words, "seconds": secs, "briefbot": rouge(plain, reference),
               "lead": rouge(lead(body, words), reference),
               "centrality": rouge(centrality(passages, embedder, words), reference), **form(brief, text),
               **opening(brief, passages, embedder, reference)}
        rows.append(row)
    return summarise(name, rows)


def summarise(name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    def mean(key: str, sub: str | None = None) -> float:
        vals = [r[key][sub] if sub else r[key] for r in rows if (r[key] is not None)]
        return round(statistics.fmean(vals), 4) if vals else 0.0

    out: dict[str, Any] = {"set": name, "n": len(rows)}
    for system in ("briefbot", "lead", "centrality"):
        measured = any(r[system] is not None for r in rows)
        out[system] = {m: mean(system, m) for m in ("rouge1", "rouge2", "rougeL")} if measured else None
    sentences = sum(r["sentences"] for r in rows) or 1
    out.update({
        "beats_lead_rouge1": round(sum(r["briefbot"]["rouge1"] > r["lead"]["rouge1"] for r in rows) / len(rows), 3),
        "cited_paragraph_share": round(sum(r["cited_paragraph"] for r in rows) / len(rows), 4),
        "markup_briefs": sum(r["markup"] for r in rows),
        "unresolved_opening_share": round(sum(r["unresolved"] for r in rows) / sentences, 4),
        "duplicate_sentences": sum(r["duplicates"] for r in rows),
        "duplicate_rate": round(sum(r["duplicates"] for r in rows) / sentences, 4),
        "words": mean("words"), "seconds": mean("seconds"),
    })
    for k in FIRSTS:
        if all(f"first_{k}" in r for r in rows):
            out[f"first_{k}"] = {m: round(statistics.fmean(float(r[f"first_{k}"][m]) for r in rows), 4)
                                 for m in ("in_reference", "pair_precision")}
    return out


FIRSTS = ("briefbot", "lead1", "central_first", "most_central")


def bbc_items(half: str, sample: int) -> list[tuple[str, str, str, str]]:
    rows = [json.loads(x) for x in (DATA / "bbc-news-summary" / "bbc_news_summary.jsonl").open(encoding="utf-8")]
    mine = rows[0::2] if half == "A" else rows[1::2]
    if sample:
        mine = mine[:: max(1, len(mine) // sample)][:sample]  # spread over all five categories
    return [(r["id"], f"{r['title'].strip()}\n\n{r['article'].strip()}\n", r["article"], r["extractive_summary"])
            for r in mine]


def long_items(sample: int) -> list[tuple[str, str, str, str]]:
    rows = [json.loads(x) for x in (DATA / "long-doc-summaries" / "long_docs.jsonl").open(encoding="utf-8")]
    rows = rows[:: max(1, len(rows) // sample)][:sample] if sample and sample < len(rows) else rows
    return [(r["id"], r["document"], r["document"], r["summary"]) for r in rows]


def qmsum_rows() -> list[dict[str, Any]]:
    return [json.loads(x) for x in (DATA / "qmsum-val" / "qmsum_val.jsonl").open(encoding="utf-8")]


def qmsum_items(sample: int) -> list[tuple[str, str, str, str]]:
    rows = qmsum_rows()
    rows = rows[:: max(1, len(rows) // sample)][:sample] if sample and sample < len(rows) else rows
    return [(r["id"], r["transcript"], r["transcript"], r["general"][0]["summary"]) for r in rows]


def qmsum_about(embedder: CachedEmbedder, sample: int) -> list[dict[str, Any]]:
    """`brief --about QUERY --source MEETING` over one index of the 35 transcripts; and a query from another
    domain's meeting against each meeting, which should be declined."""
    meetings = qmsum_rows()
    if sample and sample < len(meetings):  # every k-th meeting (all three domains), with all its queries
        meetings = meetings[:: len(meetings) // sample][:sample]
    bot = qmsum_bot(embedder)
    queries = [(n, m, q) for n, m in enumerate(meetings) for q in m["specific"]]
    whole = {m["id"]: brief_one(m["id"], m["transcript"], embedder)[1] for m in meetings}  # each meeting's passages
    rows, declined, off_declined, halves = [], [], [], []
    for n, m, q in queries:
        halves.append("A" if n % 2 == 0 else "B")
        t = time.perf_counter()
        answer = bot.brief(about=q["query"], source=f"corpus/{m['id']}.txt", words=WORDS)
        secs = time.perf_counter() - t
        declined.append(not answer.answered)
        text = answer.text if answer.answered else ""
        words = len(strip_markers(text).split()) or WORDS
        row = {"id": f"{m['id']}: {q['query']}", "words": words, "seconds": secs,
               "briefbot": rouge(strip_markers(text), q["summary"]),
               "lead": rouge(lead(m["transcript"], words), q["summary"]),
               "centrality": rouge(centrality(whole[m["id"]], embedder, words), q["summary"]),
               **form(text, m["transcript"]), **opening(text, whole[m["id"]], embedder, q["summary"])}
        if not answer.answered:
            row["cited_paragraph"] = True  # a decline is one line with the nearest passages, not a brief
        rows.append(row)
        other = next((o for o in meetings if o["domain"] != m["domain"]), meetings[0])
        off = bot.brief(about=q["query"], source=f"corpus/{other['id']}.txt", words=WORDS)
        off_declined.append(not off.answered)
    out = []
    for half in "AB":
        mine = [i for i, h in enumerate(halves) if h == half]
        s = summarise(f"qmsum query-focused (--about) half {half}", [rows[i] for i in mine])
        s["declined_own_meeting"] = round(sum(declined[i] for i in mine) / len(mine), 4)
        s["declined_other_domain_meeting"] = round(sum(off_declined[i] for i in mine) / len(mine), 4)
        s.update(speaker_subset([rows[i] for i in mine], [meetings[queries[i][0]]["transcript"] for i in mine],
                                [queries[i][2]["query"] for i in mine]))
        out.append(s)
    return out


def speaker_subset(rows: list[dict[str, Any]], transcripts: list[str], queries: list[str]) -> dict[str, Any]:
    """ROUGE-1 of the queries that name one of their meeting's speakers ("What did Grad F say about ...?"): a
    speaker's label written out in the query (titles such as "AM", "Hon." aside), a check independent of
    answer/extract/speakers.py's rule."""
    titles = {"am", "hon.", "hon", "right", "mr.", "mr", "dr", "the", "ms", "mrs"}
    picked = []
    for row, text, query in zip(rows, transcripts, queries):
        labels = set(re.findall(r"^([A-Z][^:\n]{0,40}):", text, re.MULTILINE))
        names = {" ".join(w for w in label.split() if w.lower() not in titles) for label in labels}
        if any(n and re.search(rf"\b{re.escape(n)}\b", query, re.IGNORECASE) for n in names):
            picked.append(row)
    if not picked:
        return {}
    return {"speaker_queries": len(picked),
            "speaker_rouge1": {k: round(statistics.fmean(r[k]["rouge1"] for r in picked), 4) for k in ("briefbot", "lead")}}


def qmsum_bot(embedder: CachedEmbedder) -> Any:
    """One index of all 35 transcripts (bench/work/briefs-qmsum), read with the benchmark's cached embedder."""
    from briefbot.api import Briefbot
    from briefbot.settings import load_settings

    root = common.WORK / "briefs-qmsum"
    for m in qmsum_rows():
        path = root / "corpus" / f"{m['id']}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file():
            path.write_text(m["transcript"], encoding="utf-8")
    bot = Briefbot(load_settings(index=root / ".briefbot", corpus=[root / "corpus"]))
    bot._embedder = embedder  # the same vectors as the baselines; remembered between queries
    bot.ingest()
    return bot


def qmsum_ask(embedder: CachedEmbedder, sample: int, route: bool = True) -> list[dict[str, Any]]:
    """`ask QUERY` over all 35 transcripts, halves A (even-numbered meetings) and B: answered, from the query's
    own meeting, ROUGE against its reference beside that meeting's Lead cut to the answer's length (a decline
    scores 0). ``route=False`` is the answerer before summary questions got a topic brief (one sentence)."""
    from briefbot.answer.extract import question_kind

    meetings = qmsum_rows()
    if sample and sample < len(meetings):
        meetings = meetings[:: len(meetings) // sample][:sample]
    bot = qmsum_bot(embedder)
    real = question_kind.asks_for_summary
    if not route:
        question_kind.asks_for_summary = lambda q: False
    rows, halves, answered, own, routed, transcripts, asked = [], [], [], [], [], [], []
    try:
        for n, m in enumerate(meetings):
            for q in m["specific"]:
                t = time.perf_counter()
                answer = bot.ask(q["query"])
                secs = time.perf_counter() - t
                text = answer.text if answer.answered else ""
                halves.append("A" if n % 2 == 0 else "B")
                answered.append(answer.answered)
                own.append(answer.answered and bool(answer.citations)
                           and answer.citations[0].source.endswith(f"/{m['id']}.txt"))
                routed.append(route and real(q["query"]))
                words = len(strip_markers(text).split()) or WORDS
                row = {"id": f"{m['id']}: {q['query']}", "words": words, "seconds": secs,
                       "briefbot": rouge(strip_markers(text), q["summary"]),
                       "lead": rouge(lead(m["transcript"], words), q["summary"]), "centrality": None,
                       **form(text, m["transcript"], quotes=not routed[-1])}
                if not answer.answered:
                    row["cited_paragraph"] = True  # a decline is one line with the nearest passages
                rows.append(row)
                transcripts.append(m["transcript"])
                asked.append(q["query"])
    finally:
        question_kind.asks_for_summary = real
    out = []
    label = "`ask`" if route else "`ask`, one sentence (before)"
    for half in "AB":
        mine = [i for i, h in enumerate(halves) if h == half]
        s = summarise(f"qmsum queries as {label} (35 meetings indexed) half {half}", [rows[i] for i in mine])
        s["answered"] = round(sum(answered[i] for i in mine) / len(mine), 4)
        s["first_citation_own_meeting"] = round(sum(own[i] for i in mine) / len(mine), 4)
        s["summary_questions"] = round(sum(routed[i] for i in mine) / len(mine), 4)
        s.update(speaker_subset([rows[i] for i in mine], [transcripts[i] for i in mine], [asked[i] for i in mine]))
        out.append(s)
    return out


def llm_briefs(embedder: CachedEmbedder, n: int, model: str) -> list[dict[str, Any]]:
    """`briefbot brief --source ARTICLE` with the LLM configured by OPENAI_BASE_URL / OPENAI_API_KEY, on the first
    ``n`` held-out BBC articles (half B), beside the offline brief of the same articles; both against Lead."""
    from briefbot.api import Briefbot
    from briefbot.settings import load_settings

    items = bbc_items("B", n)
    root = common.WORK / "briefs-llm"
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    name = {item_id: item_id.replace("/", "-") for item_id, _, _, _ in items}
    for item_id, text, _, _ in items:
        path = root / "corpus" / f"{name[item_id]}.txt"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    bot = Briefbot(load_settings(index=root / ".briefbot", corpus=[root / "corpus"], generator="openai", model=model))
    bot._embedder = embedder
    bot.ingest()
    rows, fallbacks = [], 0
    for item_id, text, body, reference in items:
        t = time.perf_counter()
        answer = bot.brief(source=f"corpus/{name[item_id]}.txt", words=WORDS)
        secs = time.perf_counter() - t
        fallbacks += any("offline extractive brief" in note for note in answer.notes)
        brief = answer.text if answer.answered else ""
        words = len(strip_markers(brief).split()) or WORDS
        rows.append({"id": item_id, "words": words, "seconds": secs, "briefbot": rouge(strip_markers(brief), reference),
                     "lead": rouge(lead(body, words), reference), "centrality": None, **form(brief, text)})
        print(f"  {item_id} {secs:.0f}s {rows[-1]['briefbot']['rouge1']:.3f} vs Lead {rows[-1]['lead']['rouge1']:.3f}", flush=True)
    out = summarise(f"BBC half B, brief from the LLM ({model})", rows)
    out["fallbacks_to_offline"] = fallbacks
    return [out, score_set(f"BBC half B, offline brief of the same {len(items)} articles", items, embedder)]


def corpus_brief() -> dict[str, Any] | None:
    """The whole-corpus brief of the 2,225 BBC articles, as the CLI runs it (model load included)."""
    root = common.WORK / "briefs-bbc"
    if not (root / ".briefbot").is_dir():
        print("(whole-corpus brief skipped: index bench/work/briefs-bbc first)")
        return None
    runs = [common.run([*common.briefbot_cmd(), "brief", "--json", "--no-refresh"], cwd=root) for _ in range(3)]
    data = json.loads(runs[-1].stdout)
    text = data["answer"]
    files = re.match(r"Covers (\d+) files", data.get("scope") or "")
    label = f"BBC whole corpus ({files.group(1) if files else '?'} of 2,225 files indexed)"
    return {"set": label, "load_average": list(os.getloadavg()), "seconds_cli": [round(r.seconds, 2) for r in runs],
            "peak_rss_mb": round(max(r.peak_rss_mb for r in runs), 1), "brief": text, "scope": data.get("scope"),
            "words": len(strip_markers(text).split()), **form(text, "")}


def fit(embedder: CachedEmbedder, sample: int) -> None:
    """Grid search of KEYWORDS, POSITION and REDUNDANCY on BBC half A only (ROUGE-1); prints the grid."""
    items = bbc_items("A", sample)
    best = None
    for keywords in (0.0, 0.3, 0.6, 1.0, 1.5):
        for position, redundancy in ((0.0, 0.0), (0.1, 0.0), (0.0, 0.1), (0.1, 0.1)):
            file_brief.KEYWORDS, file_brief.POSITION, file_brief.REDUNDANCY = keywords, position, redundancy
            r1 = statistics.fmean(rouge(strip_markers(brief_one(i, t, embedder)[0]), ref)["rouge1"]
                                  for i, t, _, ref in items)
            print(f"KEYWORDS={keywords} POSITION={position} REDUNDANCY={redundancy}: ROUGE-1 {r1:.4f}", flush=True)
            best = max(best or (r1, keywords, position, redundancy), (r1, keywords, position, redundancy))
    print("best", best)


def opening_rule(embedder: CachedEmbedder, sample: int) -> None:
    """The share of BBC briefs opening with a reference sentence, by OPENING_AMONG (1 = the best point opens)."""
    from openings import in_reference

    for half in "AB":
        items = bbc_items(half, sample)
        for among in (1, 2, 3, 99):
            file_brief.OPENING_AMONG = among
            hits = [in_reference(brief_sentences(brief_one(i, t, embedder)[0])[0], ref) for i, t, _, ref in items]
            print(f"half {half} OPENING_AMONG={among}: first sentence in reference {statistics.fmean(hits):.3f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=100, help="BBC articles per half (0 = all)")
    ap.add_argument("--docs", type=int, default=0, help="long docs / meetings to use (0 = all)")
    ap.add_argument("--sets", default="bbc,long,qmsum,about,ask,corpus")
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--openings", action="store_true", help="the table behind file_brief.OPENING_AMONG (BBC halves)")
    ap.add_argument("--llm", type=int, default=0, help="also brief this many held-out BBC articles with the LLM at OPENAI_BASE_URL")
    ap.add_argument("--model", default="local", help="the LLM's model name (with --llm)")
    ap.add_argument("--memo", type=Path, help="keep sentence vectors in this file between runs (e.g. bench/work/memo.pkl)")
    args = ap.parse_args()
    embedder = CachedEmbedder()
    if args.memo and args.memo.is_file():
        embedder.memo = pickle.loads(args.memo.read_bytes())
    if args.fit:
        fit(embedder, args.sample)
        return
    if args.openings:
        opening_rule(embedder, args.sample)
        return
    sets = args.sets.split(",")
    results: list[dict[str, Any]] = []
    if "bbc" in sets:
        for half in ("A", "B"):
            results.append(score_set(f"BBC half {half}" + (" (fit)" if half == "A" else " (held out)"),
                                     bbc_items(half, args.sample), embedder))
            report(results[-1])
    for key, name, items in (("long", "long-doc-summaries", long_items), ("qmsum", "qmsum general", qmsum_items)):
        if key in sets:  # half A = even-numbered documents (LEAD_SHARE was fitted on long A), half B = odd
            chosen = items(args.docs)
            for half, mine in (("A", chosen[0::2]), ("B", chosen[1::2])):
                results.append(score_set(f"{name} half {half}", mine, embedder))
                report(results[-1])
    if "about" in sets:  # half A = even-numbered meetings (the topic floor was fitted on them), half B = odd
        results.extend(qmsum_about(embedder, args.docs))
        for s in results[-2:]:
            report(s)
    if "ask" in sets:  # before (one sentence) and after (summary questions get a topic brief), same run
        for route in (False, True):
            results.extend(qmsum_ask(embedder, args.docs, route))
            for s in results[-2:]:
                report(s)
    if args.llm:
        results.extend(llm_briefs(embedder, args.llm, args.model))
        for s in results[-2:]:
            report(s)
    if args.memo:
        args.memo.write_bytes(pickle.dumps(embedder.memo))
    corpus = corpus_brief() if "corpus" in sets else None
    if corpus:
        common.print_table(corpus["set"], [
            ("seconds (CLI, 3 runs)", str(corpus["seconds_cli"]), "seconds, not minutes", common.ok(max(corpus["seconds_cli"]) < 30)),
            ("one cited paragraph", str(corpus["cited_paragraph"]), "True", common.ok(corpus["cited_paragraph"])),
            ("duplicates", str(corpus["duplicates"]), "0", common.ok(corpus["duplicates"] == 0)),
        ])
        print(corpus["brief"])
        print(corpus["scope"])
    # Sets not run this time are kept from the last results file (each set records its own n and commit).
    for s in results:
        s["commit"] = common.COMMIT_AT_START
    old_path = common.RESULTS / "briefs.json"
    if old_path.is_file():
        old = json.loads(old_path.read_text(encoding="utf-8"))
        ran = {s["set"] for s in results}
        results = [s for s in old.get("sets", []) if s["set"] not in ran] + results
        corpus = corpus or old.get("corpus")
    path = common.write_json("briefs", {"words": WORDS, "sample_per_bbc_half": args.sample, "sets": results,
                                        "corpus": corpus})
    print(f"\nwrote {path}")


def report(s: dict[str, Any]) -> None:
    b, lead_, c = s["briefbot"], s["lead"], s["centrality"]
    common.print_table(f"{s['set']} (n={s['n']}, {s['words']:.0f} words, {s['seconds']:.2f} s a brief)", [
        ("ROUGE-1/2/L briefbot", f"{b['rouge1']:.3f}/{b['rouge2']:.3f}/{b['rougeL']:.3f}", "", ""),
        ("ROUGE-1/2/L Lead, same length", f"{lead_['rouge1']:.3f}/{lead_['rouge2']:.3f}/{lead_['rougeL']:.3f}", "", ""),
        ("ROUGE-1/2/L centrality, same length", f"{c['rouge1']:.3f}/{c['rouge2']:.3f}/{c['rougeL']:.3f}" if c else "n/a", "", ""),
        ("ROUGE-1 minus Lead", f"{b['rouge1'] - lead_['rouge1']:+.3f}", ">= +0.02", common.ok(b["rouge1"] - lead_["rouge1"] >= 0.02)),
        ("briefs beating Lead (ROUGE-1)", f"{s['beats_lead_rouge1']:.2f}", "", ""),
    ] + ([("first sentence in reference: brief / Lead-1 / centrality's first / most central",
           " / ".join(f"{s[f'first_{k}']['in_reference']:.3f}" for k in FIRSTS),
           *((">= Lead-1", common.ok(s["first_briefbot"]["in_reference"] >= s["first_lead1"]["in_reference"]))
             if s["set"].startswith("BBC") else ("", ""))),
          ("first sentence's word pairs in reference: same four",
           " / ".join(f"{s[f'first_{k}']['pair_precision']:.3f}" for k in FIRSTS), "", "")]
         if "first_briefbot" in s else []) + [
        ("one paragraph, every sentence cited", f"{s['cited_paragraph_share']:.1%}", "100%", common.ok(s["cited_paragraph_share"] == 1)),
        ("briefs with heading/table markup", str(s["markup_briefs"]), "0", common.ok(s["markup_briefs"] == 0)),
        ("sentences opening unresolved", f"{s['unresolved_opening_share']:.1%}", "", ""),
        ("duplicate sentences", str(s["duplicate_sentences"]), "0", common.ok(s["duplicate_sentences"] == 0)),
    ] + ([("declined: own meeting / other domain", f"{s['declined_own_meeting']:.1%} / {s['declined_other_domain_meeting']:.1%}", "low / high", "")]
         if "declined_own_meeting" in s else [])
      + ([(f"queries naming a speaker ({s['speaker_queries']}): ROUGE-1 briefbot / Lead",
           f"{s['speaker_rouge1']['briefbot']:.3f} / {s['speaker_rouge1']['lead']:.3f}", "", "")]
         if "speaker_queries" in s else [])
      + ([("answered / first citation from the query's meeting", f"{s['answered']:.1%} / {s['first_citation_own_meeting']:.1%}", "", "")]
         if "answered" in s else []))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
