"""The docstring examples of every module run as tests, and every module has one."""

import ast
import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import datacareers

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(datacareers.__path__, "datacareers.")
    if not name.startswith("datacareers.ontology")
)


def _defines_code(module) -> bool:
    """Whether the module defines a function or a class (an empty package marker does not)."""
    path = Path(module.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) for node in tree.body)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    tests = doctest.DocTestFinder().find(module)
    if _defines_code(module):
        assert sum(len(t.examples) for t in tests) > 0, f"{name} has no docstring example: add one that runs"
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0, f"{failures} doctest(s) failed in {name}"
