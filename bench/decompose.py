"""Multi-hop retrieval with an LLM's sub-questions (prompts/decompose.md) against without, in one run.

    OPENAI_BASE_URL=http://127.0.0.1:8765/v1 OPENAI_API_KEY=local python bench/decompose.py musique [N]

For each question of a multi-hop dev sample (bench/quality.py's indexes under bench/work/): all-supporting@5 of
`Briefbot.search` (the default: first hop, second hop, comparisons) and of the same search given the model's
decomposition, which `ask` and `chat` pass when an LLM is configured (it is asked only for a long question its
first passage covers poorly: multihop.worth_decomposing). Halves by question number (nothing is fitted here).
Writes bench/results/decompose-SET.json. Needs a running OpenAI-compatible server (../shared/tools/llm-server.sh).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import quality_sets

from briefbot.answer.llm.openai_chat import OpenAIGenerator
from briefbot.answer.llm.prompts import load_template
from briefbot.api import Briefbot
from briefbot.settings import Settings, load_settings


def main() -> None:
    name = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else None
    qs = quality_sets.multihop(name, HERE / "work")
    bot = Briefbot(Settings(index=qs.folder / ".briefbot", corpus=[qs.folder / "corpus"], generator="extractive"))
    gen = OpenAIGenerator(load_settings(generator="openai", model="local"))
    template = load_template("decompose", None)
    rows = []
    t0 = time.time()
    for it in qs.items[:n]:
        gold = [g.source for g in it.gold]
        asked: list[list[str]] = []

        def decompose(q: str, asked: list[list[str]] = asked) -> list[str]:
            subs, _ = gen.decompose(q, template)
            asked.append(subs)
            return subs

        plain = [p.chunk.source for p in bot.search(it.question, 5)]
        split = [p.chunk.source for p in bot.search(it.question, 5, decompose=decompose)]
        rows.append({"q": it.question, "half": it.half, "plain": all(g in plain for g in gold),
                     "decomposed": all(g in split for g in gold), "asked": bool(asked), "subs": asked[0] if asked else []})
        if len(rows) % 10 == 0:
            print(f"{name} {len(rows)}: plain {sum(r['plain'] for r in rows)}, decomposed "
                  f"{sum(r['decomposed'] for r in rows)}, model asked {sum(r['asked'] for r in rows)}, {time.time() - t0:.0f}s",
                  flush=True)
    (HERE / "results" / f"decompose-{name}.json").write_text(
        json.dumps({"set": name, "model": "local", "rows": rows, "seconds": time.time() - t0}, indent=1), encoding="utf-8")
    for h in (0, 1):
        r = [x for x in rows if x["half"] == h]
        print(f"{name} half {h}: {len(r)} questions, all@5 plain {sum(x['plain'] for x in r) / len(r):.3f}, "
              f"with decomposition {sum(x['decomposed'] for x in r) / len(r):.3f}, model asked for {sum(x['asked'] for x in r)}")


if __name__ == "__main__":
    main()
