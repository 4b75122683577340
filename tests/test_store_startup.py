"""chromadb starts without the `overrides` import-time checks, and the decorator is put back after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
import overrides
original = overrides.override
from briefbot.settings import Settings
from briefbot.index.chroma import make_client
client = make_client(Settings(index=__import__("pathlib").Path(sys.argv[1])))
col = client.get_or_create_collection("probe", embedding_function=None)
col.add(ids=["a"], embeddings=[[1.0, 0.0]], documents=["x"])
assert col.count() == 1
assert overrides.override is original
from chromadb.api.rust import RustBindingsAPI
print(getattr(RustBindingsAPI._count, "__override__", None))
"""


def test_chromadb_works_and_overrides_is_restored(tmp_path: Path) -> None:
    # A fresh interpreter: in this one chromadb may already be imported.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "idx")], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "True"  # methods are still marked, as EnforceOverrides requires
