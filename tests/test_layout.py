"""The package's shape: no import circles, lower stages never import higher ones, no module past 500 lines,
no folder past 20 modules.

A plain walk over the source with ``ast``: every import counts, including those inside functions
and under ``TYPE_CHECKING`` (a circle hidden in a lazy import is still a circle to a reader).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "briefbot"
MAX_LINES = 500
MAX_MODULES = 20  # a folder past this is split into subpackages by stage (STYLE.md; README, Code map)

# Lower layers first; a module may import only from its own layer or lower ones.
LAYERS: list[tuple[str, ...]] = [
    ("briefbot.errors", "briefbot.schema", "briefbot.settings", "briefbot.openai_client", "briefbot.text"),
    ("briefbot.index",),
    ("briefbot.ingest", "briefbot.answer"),
    ("briefbot.api", "briefbot.eval"),
    ("briefbot.faces",),
    ("briefbot", "briefbot.__main__"),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Modules of the package that ``path`` imports, resolved to module names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # `from pkg import module`
    return {m for m in found if m == "briefbot" or m.startswith("briefbot.")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def layer_of(module: str) -> int:
    best, depth = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > depth:
                best, depth = i, len(prefix)
    return best


def test_no_import_cycle_inside_the_package() -> None:
    assert find_cycle(graph()) is None, f"import circle: {' -> '.join(find_cycle(graph()) or [])}"


def test_lower_stages_never_import_higher_ones() -> None:
    wrong = [
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in graph().items()
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert not wrong, "\n".join(wrong)


def test_ingest_and_answer_never_import_each_other() -> None:
    """They sit side by side (README, Code map): only api.py joins them; what both need lives lower (text/)."""
    def stage(module: str) -> str:
        return (module.split(".") + [""])[1]

    crossing = [(a, b) for a, targets in graph().items() for b in targets if {stage(a), stage(b)} == {"ingest", "answer"}]
    assert not crossing, crossing


def test_every_module_has_a_layer() -> None:
    assert [m for m in graph() if layer_of(m) < 0] == []


def test_no_module_over_the_size_limit() -> None:
    long = {str(p.relative_to(SRC)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_no_folder_over_the_module_limit() -> None:
    """A folder of the package past MAX_MODULES modules (``__init__.py`` counted) is a flat list that wants grouping."""
    folders = [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__")]
    crowded = {str(d.relative_to(SRC)): n for d in folders if (n := len(list(d.glob("*.py")))) > MAX_MODULES}
    assert not crowded, f"folders over {MAX_MODULES} modules: {crowded}"


def test_the_checks_catch_what_they_look_for() -> None:
    """The cycle finder and the layer map are not vacuous: a planted circle and an upward import are caught."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    assert layer_of("briefbot.index.store") < layer_of("briefbot.answer.retrieve.retrieval") < layer_of("briefbot.faces.cli")


@pytest.mark.parametrize("pair", [("briefbot.api", "briefbot.answer.chat"), ("briefbot.ingest.formats", "briefbot.ingest.loading")])
def test_the_two_old_circles_are_gone(pair: tuple[str, str]) -> None:
    a, b = pair
    edges = graph()
    assert not (b in edges[a] and a in edges[b])
