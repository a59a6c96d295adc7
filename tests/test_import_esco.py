"""ESCO importer: real rows cut from the v1.1.1 CSV export (tests/data/esco)."""

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, source_iri
from datacareers.errors import ImportFormatError
from datacareers.importers import esco
from datacareers.progress import no_progress

DATA = Path(__file__).parent / "data"
RELEASE = DATA / "esco" / "v1.1.1"
ESCO = "http://data.europa.eu/esco/"
DATA_SCIENTIST = NamedNode(ESCO + "occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30")
STATISTICS = NamedNode(ESCO + "skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833")
HADOOP = NamedNode(ESCO + "skill/e46291c7-52b9-4174-bd59-178884861038")
SHOW_INITIATIVE = NamedNode(ESCO + "skill/001115fb-569f-4ee6-8381-c6807ef2527f")
SKOS = PREFIXES["skos"]
GRAPH = NamedNode(source_iri("import-esco-1.1.1"))



@pytest.fixture(scope="module")
def store() -> Store:
    plan = esco.plan(RELEASE, partial=True)
    store = Store()
    store.bulk_extend(plan.quads(no_progress))
    return store


def objects(store, s, p):
    return {q.object for q in store.quads_for_pattern(s, NamedNode(p), None, GRAPH)}


def test_version_and_graph_from_folder_name():
    plan = esco.plan(RELEASE, partial=True)
    assert plan.source.version == "1.1.1"
    assert plan.graph == "https://w3id.org/datacareers/source/import-esco-1.1.1"


def test_version_option_wins():
    assert esco.plan(RELEASE, "v1.2.0", partial=True).graph.endswith("/import-esco-1.2.0")


def test_occupation_keeps_esco_uri_and_is_a_role(store):
    types = objects(store, DATA_SCIENTIST, PREFIXES["rdf"] + "type")
    assert NamedNode(CAREER["Role"]) in types
    assert NamedNode(PREFIXES["schema"] + "Occupation") in types


def test_labels_in_english_and_french(store):
    labels = objects(store, DATA_SCIENTIST, SKOS + "prefLabel")
    assert Literal("data scientist", language="en") in labels
    assert Literal("scientifique des données", language="fr") in labels
    alt = objects(store, DATA_SCIENTIST, SKOS + "altLabel")
    assert Literal("data engineer", language="en") in alt  # a multi-line quoted cell
    assert Literal("data scientist", language="en") not in alt  # the pref label is not repeated


def test_definition_and_isco_code(store):
    (definition,) = [o for o in objects(store, DATA_SCIENTIST, SKOS + "definition")
                     if o.language == "en"]
    assert definition.value.startswith("Data scientists find and interpret rich data sources")
    assert objects(store, DATA_SCIENTIST, CAREER["iscoCode"]) == {Literal("2511")}


def test_essential_and_optional_skills_also_assert_requires_skill(store):
    assert STATISTICS in objects(store, DATA_SCIENTIST, CAREER["essentialSkill"])
    assert HADOOP in objects(store, DATA_SCIENTIST, CAREER["optionalSkill"])
    required = objects(store, DATA_SCIENTIST, CAREER["requiresSkill"])
    assert {STATISTICS, HADOOP} <= required
    assert HADOOP not in objects(store, DATA_SCIENTIST, CAREER["essentialSkill"])


@pytest.mark.parametrize(
    ("skill", "kind", "reuse"),
    [
        (STATISTICS, "knowledge", "cross-sector"),
        (SHOW_INITIATIVE, "soft", "transversal"),
        (NamedNode(ESCO + "skill/50b100ea-74fd-4706-99db-3e4ca55e51b8"), "hard", "cross-sector"),
    ],
)
def test_skill_kind_mapping(store, skill, kind, reuse):
    assert objects(store, skill, CAREER["skillKind"]) == {NamedNode(CAREER[kind])}
    assert objects(store, skill, CAREER["reuseLevel"]) == {Literal(reuse)}
    assert NamedNode(CAREER["Skill"]) in objects(store, skill, PREFIXES["rdf"] + "type")


def test_isco_hierarchy(store):
    group = NamedNode(ESCO + "isco/C2511")
    assert group in objects(store, DATA_SCIENTIST, SKOS + "broader")
    assert NamedNode(SKOS + "Concept") in objects(store, group, PREFIXES["rdf"] + "type")
    assert NamedNode(ESCO + "isco/C251") in objects(store, group, SKOS + "broader")
    labels = {o.language for o in objects(store, group, SKOS + "prefLabel")}
    assert labels == {"en", "fr"}


def test_source_description_in_its_own_graph(store):
    dcterms = PREFIXES["dcterms"]
    assert objects(store, GRAPH, CAREER["version"]) == {Literal("1.1.1")}
    assert objects(store, GRAPH, dcterms + "license") == {NamedNode(esco.LICENSE)}
    (attribution,) = objects(store, GRAPH, CAREER["attribution"])
    assert "ESCO classification of the European Commission" in attribution.value
    assert objects(store, GRAPH, PREFIXES["schema"] + "url") == {NamedNode(esco.DOWNLOAD_URL)}
    assert objects(store, GRAPH, dcterms + "publisher")
    assert NamedNode(CAREER["Source"]) in objects(store, GRAPH, PREFIXES["rdf"] + "type")


def test_no_blank_nodes_and_deterministic(store):
    from pyoxigraph import BlankNode

    assert not any(isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode)
                   for q in store)
    again = list(esco.plan(RELEASE, partial=True).quads(no_progress))
    assert set(again) == set(store)


def test_undetectable_version_asks_for_the_option(tmp_path):
    import shutil

    release = tmp_path / "download"
    shutil.copytree(RELEASE, release)
    with pytest.raises(ImportFormatError, match="--version"):
        esco.plan(release, partial=True)
    assert esco.plan(release, "1.1.1", partial=True).source.version == "1.1.1"
