"""The docstring examples of every module run as tests."""

import doctest
import importlib
import pkgutil

import pytest

import datacareers

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(datacareers.__path__, "datacareers.")
    if not name.startswith("datacareers.ontology")
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0, f"{failures} doctest(s) failed in {name}"
