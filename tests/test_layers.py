"""The package's shape, checked: arrows point down, click only in cli/, no lazy imports
below cli/, small modules. Each rule lists every offender by name.

Layers, top to bottom: cli, api -> serve -> views, importers -> store -> base (the modules
directly in ``datacareers/``). The entry points (cli, the Python api) may import lazily:
they keep start-up light and optional libraries (pandas) optional. A module may import its own sub-package or any lower
layer; views and importers never import each other.
"""

import ast
from pathlib import Path

import networkx as nx

import datacareers

PACKAGE = Path(datacareers.__file__).resolve().parent
RANK = {"base": 0, "store": 1, "views": 2, "importers": 2, "serve": 3, "cli": 4, "api": 4}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] == "ontology":
            continue
        name = ".".join(("datacareers", *parts))
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 2 and parts[1] in RANK:
        return parts[1]
    if len(parts) == 2 and parts[1] in RANK and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return "base"


def _imports(path: Path):
    """(imported module, line, inside a function?) for every import of *path*."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    nested = {id(n) for f in functions for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            yield name, node.lineno, id(node) in nested


def _ours(name: str) -> str | None:
    """The module of ours *name* designates (a module, or a name inside one)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def test_arrows_point_down():
    upward = []
    for module, path in MODULES.items():
        for name, line, _ in _imports(path):
            target = _ours(name) if name.startswith("datacareers") else None
            if target is None or target == "datacareers":
                continue
            mine, theirs = layer(module), layer(target)
            if mine == theirs:
                continue
            if RANK[theirs] >= RANK[mine]:
                upward.append(f"{module}:{line} ({mine}) imports {target} ({theirs})")
    assert not upward, "imports that point up or sideways:\n" + "\n".join(upward)


def test_no_import_cycles():
    graph = nx.DiGraph()
    for module, path in MODULES.items():
        for name, _, inside in _imports(path):
            target = _ours(name) if name.startswith("datacareers") else None
            if target and target not in (module, "datacareers") and not inside:
                graph.add_edge(module, target)
    cycles = sorted(" -> ".join(c) for c in nx.simple_cycles(graph))
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_click_only_in_cli():
    stray = [f"{module}:{line}" for module, path in MODULES.items() if layer(module) != "cli"
             for name, line, _ in _imports(path) if name.split(".")[0] == "click"]
    assert not stray, "click imported outside cli/: " + ", ".join(stray)


def test_lazy_imports_only_in_cli():
    lazy = [f"{module}:{line} imports {name}" for module, path in MODULES.items()
            if layer(module) not in ("cli", "api") for name, line, inside in _imports(path) if inside]
    assert not lazy, "imports inside functions outside cli/ (put them at the top):\n" + "\n".join(
        sorted(set(lazy)))


def test_modules_stay_small():
    big = [f"{module} ({n} lines)" for module, path in MODULES.items()
           if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not big, f"modules over {MAX_LINES} lines: " + ", ".join(big)
