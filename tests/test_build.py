"""Build: every artefact written, deterministic Turtle, atomic under failure (the staged
publication itself, killed at every step, is tested in test_files.py)."""

import hashlib
import os
import shutil
import subprocess
import sys

import pytest

from datacareers.cli.build import build
from datacareers.errors import NotConformingError
from datacareers.files import BUILDS, CURRENT
from datacareers.store.shipped import shipped_store

EXPECTED = {"datacareers.ttl", "datacareers.jsonld", "datacareers.nt", "datacareers.trig",
            "datacareers.graphml", "datacareers.html"}
SITE = "site"


def _digests(folder):
    """What readers see through the stable names."""
    found = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in EXPECTED
             if (folder / name).exists()}
    index = folder / SITE / "fr" / "index.html"
    if index.exists():
        found["site/fr/index.html"] = hashlib.sha256(index.read_bytes()).hexdigest()
    return found


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """One build of the shipped graph, shared by the tests that only read it (a build
    takes about 30 s): the folder and the build's summary."""
    folder = tmp_path_factory.mktemp("first-build")
    return folder, build(shipped_store(), folder)


def test_build_writes_every_artefact(first_build):
    tmp_path, summary = first_build
    assert {p.name for p in tmp_path.iterdir()} == EXPECTED | {SITE, CURRENT, BUILDS}
    assert {p.name for p in (tmp_path / CURRENT).iterdir()} == EXPECTED | {SITE}
    assert all((tmp_path / name).is_symlink() for name in EXPECTED | {SITE})
    assert {path for path, _ in summary.files} == {tmp_path / name for name in EXPECTED | {SITE}}
    for lang in ("fr", "en"):  # the site is part of the set: both trees, a page per role
        assert (tmp_path / SITE / lang / "index.html").is_file()
        assert (tmp_path / SITE / lang / "roles" / "data-analyst.html").is_file()
    import networkx as nx

    graph = nx.read_graphml(tmp_path / "datacareers.graphml")  # in the build's language (fr)
    labels = {data["iri"]: data["label"] for _, data in graph.nodes(data=True)}
    assert labels["https://w3id.org/datacareers/role/statistician"] == "statisticien"
    assert summary.counts["roles"] >= 10
    assert summary.counts["salaries"] == 7  # the article's table (6 ranges) and its headline range
    from rdflib import Dataset, Graph

    assert len(Graph().parse(tmp_path / "datacareers.ttl", format="turtle")) > 500
    dataset = Dataset().parse(tmp_path / "datacareers.trig", format="trig")
    assert len(list(dataset.graphs())) >= 4


def _tree(folder) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_every_artefact_is_byte_identical_across_processes(tmp_path):
    """The same data gives the same bytes (README): two builds in processes with different
    string hashes write the same Turtle, exports, view and site, map layouts included."""
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"build-{seed}"
        subprocess.run([sys.executable, "-c", "from datacareers.cli import main; main()", "build", "-o", str(out)],
                       check=True, capture_output=True,
                       env={"PYTHONHASHSEED": seed, "PATH": "", "DATACAREERS_HOME": str(tmp_path / f"home-{seed}"),
                            **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}})
        trees.append(_tree(out / CURRENT))
    first, second = trees
    assert len(first) > 60
    assert sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name)) == []


def test_failed_build_leaves_previous_outputs(first_build, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"
    shutil.copytree(first_build[0], tmp_path, symlinks=True)  # a good build, then a failing one
    before = _digests(tmp_path)

    import datacareers.views.export as export_module

    real = export_module.export_bytes

    def failing(store, fmt, lang="en"):
        if fmt == "trig":
            raise OSError("disk full (simulated)")
        return real(store, fmt, lang=lang)

    monkeypatch.setattr(export_module, "export_bytes", failing)
    store = shipped_store()
    store.remove(next(iter(store.quads_for_pattern(None, None, None))))  # a changed graph
    with pytest.raises(OSError, match="simulated"):
        build(store, tmp_path)
    assert _digests(tmp_path) == before and len(before) == len(EXPECTED) + 1  # + the site


def test_write_interrupted_midway_keeps_old_file(tmp_path, monkeypatch):
    from datacareers.files import write_atomically

    target = tmp_path / "datacareers.ttl"
    target.write_bytes(b"old and whole")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["datacareers.ttl"]


def test_non_conforming_data_writes_nothing(tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    from datacareers.constants import PREFIXES, SALARY, SOURCE

    store = shipped_store()
    store.add(Quad(NamedNode(SALARY["machine-learning-engineer-senior-annual-2022"]),
                   NamedNode(PREFIXES["schema"] + "currency"), Literal("euros"),
                   NamedNode(SOURCE["ml-engineer-article"])))
    with pytest.raises(NotConformingError, match="nothing written"):
        build(store, tmp_path)
    assert list(tmp_path.iterdir()) == []
