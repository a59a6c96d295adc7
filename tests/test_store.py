"""Loading: one named graph per source folder; malformed Turtle is one clear error."""

import pytest
from pyoxigraph import NamedNode

from datacareers.constants import SOURCE, VOCABULARY_GRAPH
from datacareers.errors import SourceDataError
from datacareers.store import shipped as store_module


def test_every_fact_file_lands_in_its_source_graph(shipped):
    graphs = {g.value for g in shipped.named_graphs()}
    folders = {p.parent.name for p, _ in store_module.shipped_files() if p.parent.name != "ontology"}
    assert graphs == {SOURCE[f] for f in folders} | {VOCABULARY_GRAPH}


def test_no_triple_in_the_default_graph(shipped):
    assert not shipped.query("ASK { ?s ?p ?o }")


def test_malformed_turtle_names_the_file(tmp_path, monkeypatch):
    facts = tmp_path / "facts" / "curated"
    facts.mkdir(parents=True)
    bad = facts / "roles.ttl"
    bad.write_text("@prefix role: <https://w3id.org/datacareers/role/> .\nrole:x a \n", encoding="utf-8")
    monkeypatch.setattr(store_module, "FACTS_DIR", tmp_path / "facts")
    with pytest.raises(SourceDataError, match=r"roles\.ttl: not valid Turtle"):
        store_module.shipped_store()


def test_digest_changes_with_content(tmp_path, monkeypatch):
    facts = tmp_path / "facts" / "curated"
    facts.mkdir(parents=True)
    (facts / "a.ttl").write_text("", encoding="utf-8")
    monkeypatch.setattr(store_module, "FACTS_DIR", tmp_path / "facts")
    first = store_module.shipped_digest()
    (facts / "a.ttl").write_text("# changed\n", encoding="utf-8")
    assert store_module.shipped_digest() != first


def test_graph_projection_keeps_sources(shipped):
    from datacareers.constants import ROLE
    from datacareers.views.network import full_graph

    full = full_graph(shipped)
    assert full.edges[ROLE["machine-learning-engineer"], ROLE["data-scientist"], "canBecome"]["sources"] == {
        SOURCE["ml-engineer-article"]}
    kinds = {data["kind"] for _, data in full.nodes(data=True)}
    assert kinds == {"role", "skill", "sector", "employer"}
    assert NamedNode(ROLE["data-analyst"]).value in full
