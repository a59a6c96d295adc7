"""SHACL: the shipped graph conforms; each broken promise is caught and names its node."""

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from datacareers.constants import CAREER, PREFIXES, ROLE, SALARY, SOURCE
from datacareers.store.shipped import load_shipped
from datacareers.store.validate import validate_store

SKOS = PREFIXES["skos"]
SCHEMA = PREFIXES["schema"]


@pytest.fixture
def store():
    return load_shipped(Store())


def test_shipped_graph_conforms(store):
    report = validate_store(store)
    assert report.conforms, report.text()


def _focuses(report):
    return {v.focus for v in report.results}


def test_salary_min_above_max(store):
    node = NamedNode(SALARY["machine-learning-engineer-junior-annual-2022"])
    graph = NamedNode(SOURCE["ml-engineer-article"])
    integer = NamedNode(PREFIXES["xsd"] + "integer")
    store.remove(Quad(node, NamedNode(SCHEMA + "minValue"), Literal("35000", datatype=integer), graph))
    store.add(Quad(node, NamedNode(SCHEMA + "minValue"), Literal(99000), graph))
    report = validate_store(store)
    assert not report.conforms
    assert node.value in _focuses(report)
    assert "not above its maximum" in report.text()


def test_role_without_french_label(store):
    role = NamedNode(ROLE["data-analyst"])
    for quad in list(store.quads_for_pattern(role, NamedNode(SKOS + "prefLabel"), None)):
        if quad.object.language == "fr":
            store.remove(quad)
    report = validate_store(store)
    assert not report.conforms
    assert any(v.focus == role.value and "French prefLabel" in v.message for v in report.results)


def test_undescribed_named_graph(store):
    rogue = NamedNode(SOURCE["rumour"])
    move = NamedNode(CAREER["canBecome"])
    store.add(Quad(NamedNode(ROLE["data-analyst"]), move, NamedNode(ROLE["data-scientist"]), rogue))
    report = validate_store(store)
    assert not report.conforms
    assert rogue.value in _focuses(report)


def test_move_to_something_not_a_role(store):
    graph = NamedNode(SOURCE["curated"])
    move = NamedNode(CAREER["canBecome"])
    store.add(Quad(NamedNode(ROLE["data-analyst"]), move, NamedNode(ROLE["astronaut"]), graph))
    report = validate_store(store)
    assert not report.conforms
    assert any("career move must lead to a role" in v.message for v in report.results)


def test_salary_without_source(store):
    node = NamedNode(SALARY["machine-learning-engineer-senior-monthly-2022"])
    for quad in list(store.quads_for_pattern(node, NamedNode(PREFIXES["dcterms"] + "source"), None)):
        store.remove(quad)
    report = validate_store(store)
    assert node.value in _focuses(report)
