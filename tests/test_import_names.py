"""Imported releases and shipped subsets side by side: distinct graph names, removal that
never touches shipped facts (rebuilt or deleted in place, same result), and role counts
for every role at once."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, Quad

from datacareers.cli import main
from datacareers.constants import FACTS_DIR, SKOS, source_iri
from datacareers.importers import common, esco, rome
from datacareers.labels import pick_label
from datacareers.progress import no_progress
from datacareers.store import persist, staging
from datacareers.store.dataset import open_dataset
from datacareers.store.walk import all_roles
from datacareers.views import counts as network

DATA = Path(__file__).parent / "data"
RELEASES = {"esco": DATA / "esco" / "v1.1.1", "rome": DATA / "rome" / "v460",
            "onet": DATA / "onet"}


def run(*args):
    return CliRunner().invoke(main, list(args))


def sources() -> dict[str, tuple[str, int]]:
    result = run("sources", "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["name"]: (row["kind"], row["triples"]) for row in json.loads(result.stdout)}


def store_quads() -> set:
    store = persist.open_persistent()
    return set(store) if store is not None else set()


def test_no_shipped_folder_uses_the_import_prefix():
    folders = [path.name for path in FACTS_DIR.iterdir() if path.is_dir()]
    assert folders and not [f for f in folders if f.startswith(common.IMPORT_PREFIX)]


@pytest.mark.parametrize(("kind", "shipped"), [("esco", "esco-1.1.1"), ("onet", "onet-29.0")])
def test_import_and_shipped_subset_are_both_listed_and_removal_keeps_shipped(kind, shipped):
    pristine = sources()
    assert pristine[shipped][0] == "shipped"
    assert run("import", kind, str(RELEASES[kind]), "-q", "--partial").exit_code == 0
    listed = sources()
    assert listed[shipped] == pristine[shipped]  # still there, untouched
    assert listed[f"import-{shipped}"][0] == "imported"
    refused = run("import", "remove", shipped)
    assert refused.exit_code == 2
    assert f"'{shipped}' is shipped with the package" in refused.stderr
    assert run("import", "remove", f"import-{shipped}").exit_code == 0
    assert sources() == pristine


def test_a_reimport_replaces_an_import_made_under_the_old_name():
    """Before import- names, ESCO 1.1.1 went into the shipped subset's own graph."""
    plan = esco.plan(RELEASES["esco"], partial=True)
    legacy = source_iri("esco-1.1.1")
    pristine = sources()
    old_quads = (Quad(q.subject, q.predicate, q.object, NamedNode(legacy))
                 for q in plan.quads(no_progress))
    persist.replace_source(legacy, old_quads, info={"name": "esco-1.1.1"})
    assert sources()["esco-1.1.1"][0] == "imported"  # the old state: shipped line hidden
    assert run("import", "esco", str(RELEASES["esco"]), "-q", "--partial").exit_code == 0
    listed = sources()
    assert listed["esco-1.1.1"] == pristine["esco-1.1.1"]
    assert listed["import-esco-1.1.1"][0] == "imported"


@pytest.mark.parametrize("ratio", [0.0, 1e9], ids=["delete-in-place", "rebuild"])
def test_removal_gives_the_same_store_either_way(monkeypatch, ratio):
    assert run("import", "onet", str(RELEASES["onet"]), "-q", "--partial").exit_code == 0
    only_onet = store_quads()
    copies = {p.name for p in (persist.store_dir() / staging.CACHE_DIR).iterdir()}
    assert len(copies) == 1
    assert run("import", "rome", str(RELEASES["rome"]), "-q", "--partial").exit_code == 0
    monkeypatch.setattr(staging, "REBUILD_RATIO", ratio)
    rebuilt = []
    real = staging._rebuilt
    monkeypatch.setattr(staging, "_rebuilt", lambda *args: rebuilt.append(real(*args)) or rebuilt[-1])
    assert run("import", "remove", "import-rome-4.0-v460").exit_code == 0
    assert bool(rebuilt) == (ratio > 1)
    assert store_quads() == only_onet
    assert {p.name for p in (persist.store_dir() / staging.CACHE_DIR).iterdir()} == copies


def test_reimport_rebuilds_from_copies_and_keeps_the_other_imports(monkeypatch):
    monkeypatch.setattr(staging, "REBUILD_RATIO", 1e9)
    for kind in ("rome", "onet"):
        assert run("import", kind, str(RELEASES[kind]), "-q", "--partial").exit_code == 0
    before = store_quads()
    rebuilt = []
    real = staging._rebuilt
    monkeypatch.setattr(staging, "_rebuilt", lambda *args: rebuilt.append(real(*args)) or rebuilt[-1])
    assert run("import", "rome", str(RELEASES["rome"]), "-q", "--partial").exit_code == 0
    assert rebuilt and store_quads() == before


def test_an_import_without_a_copy_is_deleted_in_place():
    """Imports made before copies were kept have none: removal still works."""
    graph = source_iri("import-rome-4.0-v460")
    plan = rome.plan(RELEASES["rome"], partial=True)
    persist.replace_source(graph, plan.quads(no_progress), info={"name": plan.source.name})
    assert run("import", "onet", str(RELEASES["onet"]), "-q", "--partial").exit_code == 0
    meta = persist.read_meta()
    copy = persist.store_dir() / staging.CACHE_DIR / meta["imports"][graph].pop("cache")
    copy.unlink()
    staging.write_meta(persist.store_dir(), meta)
    assert run("import", "remove", "import-onet-29.0").exit_code == 0
    assert persist.imported_sources()[graph]["triples"] > 100
    store = persist.open_persistent()
    assert any(store.quads_for_pattern(None, None, None, NamedNode(graph)))


def test_role_counts_for_many_roles_match_one_by_one(monkeypatch):
    for kind in ("esco", "rome", "onet"):
        assert run("import", kind, str(RELEASES[kind]), "-q", "--partial").exit_code == 0
    store = open_dataset()
    roles = all_roles(store)
    assert len(roles) > 20
    one_by_one = network.role_counts(store, roles)
    monkeypatch.setattr(network, "FEW_ROLES", 0)  # role_counts and roles: all at once
    at_once = network.role_counts(store, roles)
    assert at_once == one_by_one
    assert any(c["skills"] and c["moves_out"] and c["moves_in"] for c in at_once.values())
    pref = NamedNode(SKOS + "prefLabel")
    for lang in ("en", "fr"):
        listed = json.loads(run("roles", "--all", "--format", "json", "--lang", lang).stdout)
        assert len(listed) == len(roles)
        assert {r["id"]: {k: r[k] for k in ("skills", "moves_out", "moves_in")}
                for r in listed} == one_by_one
        for row in listed:  # labels read in one query match those looked up role by role
            labels = {q.object.language or "": q.object.value
                      for q in store.quads_for_pattern(NamedNode(row["id"]), pref, None)}
            assert row["label"] == pick_label(labels, lang, row["id"])


def test_a_damaged_copy_falls_back_to_deleting_in_place(monkeypatch):
    monkeypatch.setattr(staging, "REBUILD_RATIO", 1e9)
    for kind in ("rome", "onet"):
        assert run("import", kind, str(RELEASES[kind]), "-q", "--partial").exit_code == 0
    graph = source_iri("import-rome-4.0-v460")
    rome_quads = {q for q in store_quads() if q.graph_name == NamedNode(graph)}
    copy = persist.store_dir() / staging.CACHE_DIR / persist.read_meta()["imports"][graph]["cache"]
    copy.write_bytes(b"not gzip")
    assert run("import", "remove", "import-onet-29.0").exit_code == 0
    assert {q for q in store_quads() if q.graph_name == NamedNode(graph)} == rome_quads
    assert "cache" not in persist.read_meta()["imports"][graph]  # not tried again
