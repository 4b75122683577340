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


# What _unchecked_overrides (index/chroma.py) knows how to stand in for. A chromadb that uses anything
# else from `overrides` must be looked at again before the replacement can be trusted.
KNOWN = {"override", "overrides", "EnforceOverrides"}

GUARD = """
import sys
import overrides

def tripwire(*args, **kwargs):
    raise AssertionError("the real overrides decorator ran: chromadb was imported outside _unchecked_overrides")

overrides.override = overrides.overrides = tripwire
from briefbot.settings import Settings
from briefbot.index.chroma import make_client
client = make_client(Settings(index=__import__("pathlib").Path(sys.argv[1])))
col = client.get_or_create_collection("probe", embedding_function=None)
col.add(ids=["a", "b"], embeddings=[[1.0, 0.0], [0.0, 1.0]], documents=["x", "y"], metadatas=[{"s": 1}, {"s": 2}])
assert col.query(query_embeddings=[[1.0, 0.0]], n_results=1, include=["documents"])["documents"] == [["x"]]
col.delete(ids=["a"])
assert col.get(include=[])["ids"] == ["b"]
assert overrides.override is tripwire and overrides.overrides is tripwire, "the decorator was not put back"
marked = sum(
    1
    for name, mod in list(sys.modules.items()) if name.startswith("chromadb")
    for cls in vars(mod).values() if isinstance(cls, type) and cls.__module__ == name
    for fn in vars(cls).values() if getattr(fn, "__override__", False) is True
)
print(marked)
"""


def test_overrides_replacement_still_fits_this_chromadb(tmp_path: Path) -> None:
    """Fails loudly when a chromadb upgrade changes what the replacement patches: it uses other parts
    of `overrides`, stops using the decorator (remove the replacement), or applies it outside it."""
    import re

    import chromadb

    used: set[str] = set()
    for path in Path(chromadb.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8", errors="replace")
        for names in re.findall(r"^\s*from overrides(?:\.\w+)? import ([^\n]+)", source, re.MULTILINE):
            used.update(n.split(" as ")[0].strip(" ()") for n in names.split(","))
        if re.search(r"^\s*import overrides\b", source, re.MULTILINE):
            used.add("import overrides")
    used.discard("")
    assert used, "chromadb no longer uses `overrides`: remove _unchecked_overrides from index/chroma.py"
    assert used <= KNOWN, f"chromadb now uses {sorted(used - KNOWN)} from `overrides`: check _unchecked_overrides"

    # In a fresh interpreter, with the real decorator replaced by a tripwire: every use of it while
    # chromadb imports, starts, writes and reads must go through the replacement.
    out = subprocess.run([sys.executable, "-c", GUARD, str(tmp_path / "idx")], capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip()) >= 100, f"only {out.stdout.strip()} chromadb methods marked @override"
