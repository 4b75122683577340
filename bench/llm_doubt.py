"""Does a model know when it should decline? Two probes on the replies bench/llm.py saved (issue 12).

    OPENAI_BASE_URL=http://127.0.0.1:8765/v1 python bench/llm_doubt.py --probe judge [--limit 80]
    OPENAI_BASE_URL=http://127.0.0.1:8765/v1 python bench/llm_doubt.py --probe first-token --limit 10

Only the SQuAD 2.0 replies that verification keeps are asked about (the ones a doubt signal would have to
decline or keep), answerable and unanswerable in the order bench/llm.py asked them. The server must return
``logprobs`` (llama.cpp's, vLLM's and OpenAI's do); ``max_tokens`` is 1, so each probe costs one prompt.

- ``first-token``: the answer prompt (prompts/answer.md, the saved passages fenced as ``ask`` fences them)
  and the probability the first token of the reply is the "I" of "I don't know.".
- ``judge``: the question, the reply and the cited passages' sentences closest to it (MiniLM), and "Does the text
  state this answer to the question?"; P(yes) / (P(yes) + P(no)) from the first token.

Prints, for thresholds on the signal, how many unanswerable questions it would decline and how many right answers
it would lose, and the area under the curve of right against unanswerable; writes bench/results/llm_doubt.json.
Measured on 1 Dec with Qwen2.5-Coder-1.5B (README, "Benchmark with a real model"): AUC about .6 for both, no
threshold that declines unanswerable questions faster than it loses right answers; neither is in briefbot.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, WORK

from briefbot.answer.llm.llm_prompt import fence
from briefbot.answer.llm.prompts import load_template
from briefbot.answer.verify.verify import strip_markers
from briefbot.api import Briefbot
from briefbot.index.embedding import MiniLMEmbedder
from briefbot.schema import Passage
from briefbot.text.sentences import sentence_spans

JUDGE_SYSTEM = """You check answers against a text. Reply with one word: yes or no.
Reply yes only if the text itself states the answer to the question. Reply no if the text is about something else, or does not say.

Example:
Text: The harbour opened in 1901 after four years of work.
Question: When did the harbour open?
Answer: In 1901.
Does the text state this answer to the question? yes

Text: The harbour opened in 1901 after four years of work.
Question: When did the harbour close?
Answer: In 1901.
Does the text state this answer to the question? no"""
JUDGE_USER = "Text: {text}\nQuestion: {question}\nAnswer: {answer}\nDoes the text state this answer to the question?"
MARKER = re.compile(r"\[(\d+)\]")


def first_token(base: str, model: str, messages: list[dict[str, str]]) -> list[tuple[str, float]]:
    """The reply's first token's top 20 alternatives with their log-probabilities."""
    body = {"model": model, "messages": messages, "temperature": 0, "max_tokens": 1, "logprobs": True, "top_logprobs": 20}
    req = urllib.request.Request(f"{base.rstrip('/')}/chat/completions", json.dumps(body).encode(),
                                 {"Content-Type": "application/json", "Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', 'local')}"})
    with urllib.request.urlopen(req, timeout=900) as resp:
        choice = json.loads(resp.read())["choices"][0]
    content = (choice.get("logprobs") or {}).get("content") or []
    if not content:
        raise SystemExit("the server returned no logprobs: this benchmark needs a server that does")
    return [(t["token"], t["logprob"]) for t in content[0].get("top_logprobs", [])]


def answer_prompt_messages(row: dict[str, Any], sources: dict[str, Any]) -> list[dict[str, str]]:
    """The prompt `ask` sent: the saved passages (found in the benchmark's index by their text), fenced."""
    passages = [sources[t] for t in row["passages"] if t in sources]
    blocks = "\n\n".join(fence(i + 1, p) for i, p in enumerate(passages))
    system, user = load_template("answer").render(passages=blocks, question=row["question"], max_sentences=4)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def judge_messages(row: dict[str, Any], embedder: Any) -> list[dict[str, str]]:
    cited = sorted({int(n) for n in MARKER.findall(row["raw"]) if 1 <= int(n) <= len(row["passages"])}) or [1]
    sents = [t[s:e] for i in cited for t in [row["passages"][i - 1]] for s, e in sentence_spans(t)]
    claims = [strip_markers(s) for s in re.split(r"(?<=[.!?])\s+", row["raw"]) if s.strip()]
    vecs = embedder.embed(claims + sents)
    picked = sorted({int((vecs[len(claims):] @ v).argmax()) for v in vecs[: len(claims)]})
    text = " ".join(sents[i] for i in picked)
    user = JUDGE_USER.format(text=text, question=row["question"], answer=strip_markers(row["verified"]).strip())
    return [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": user}]


def auc(right: list[float], unanswerable: list[float]) -> float:
    """P(a right answer's signal > an unanswerable one's), ties half."""
    pairs = [(a > b) + 0.5 * (a == b) for a in right for b in unanswerable]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--probe", choices=("first-token", "judge"), default="judge")
    ap.add_argument("--replies", type=Path, default=RESULTS / "llm.json", help="bench/llm.py's saved replies")
    ap.add_argument("--model", default="local")
    ap.add_argument("--limit", type=int, default=0, help="at most this many replies (0: all kept ones)")
    args = ap.parse_args()
    base = os.environ.get("OPENAI_BASE_URL") or "http://127.0.0.1:8765/v1"
    rows = [r for r in json.loads(args.replies.read_text(encoding="utf-8"))["sets"]["squad"]
            if r.get("answered_verified") and r.get("passages")]
    rows = rows[: args.limit] if args.limit else rows
    if args.probe == "first-token":  # the saved passages' chunks, as `ask` fenced them (source and lines)
        bot = Briefbot(index=WORK / "llm-squad2" / ".briefbot", corpus=[WORK / "llm-squad2" / "corpus"], generator="extractive")
        bot.refresh()
        sources = {c.text: Passage(c, 1.0) for c in bot.index().get_chunks()[0]}
    else:
        embedder = MiniLMEmbedder()
    out = []
    for row in rows:
        started = time.monotonic()
        if args.probe == "first-token":
            top = first_token(base, args.model, answer_prompt_messages(row, sources))
            signal = -sum(math.exp(lp) for t, lp in top if t.strip() == "I")  # higher: less doubt
        else:
            top = first_token(base, args.model, judge_messages(row, embedder))
            yes = sum(math.exp(lp) for t, lp in top if t.strip().lower() == "yes")
            no = sum(math.exp(lp) for t, lp in top if t.strip().lower() == "no")
            signal = yes / (yes + no) if yes + no else 0.5
        kind = "unanswerable" if not row.get("answers") else "right" if row.get("contains_verified") else "wrong"
        out.append({"question": row["question"], "kind": kind, "signal": signal, "seconds": round(time.monotonic() - started, 1)})
        print(f"{len(out):>4} {kind:<13} {signal:+.3f} {out[-1]['seconds']:>6.1f}s  {row['question'][:70]}", flush=True)
    right = [o["signal"] for o in out if o["kind"] == "right"]
    unans = [o["signal"] for o in out if o["kind"] == "unanswerable"]
    print(f"\n{args.probe}: {len(out)} replies, {len(unans)} unanswerable, {len(right)} right; AUC {auc(right, unans):.3f}")
    for cut in sorted({round(o["signal"], 2) for o in out}):
        print(f"  decline under {cut:+.2f}: unanswerable declined {sum(s < cut for s in unans)}/{len(unans)},"
              f" right answers lost {sum(s < cut for s in right)}/{len(right)}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "llm_doubt.json").write_text(json.dumps({"probe": args.probe, "model": args.model, "auc": auc(right, unans),
                                                       "replies": out}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
