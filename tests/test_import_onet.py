"""O*NET importer: real rows cut from the 29.0 text database (tests/data/onet)."""

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, source_iri
from datacareers.importers import onet
from datacareers.importers.common import ONET_ROLE, ONET_TECHNOLOGY
from datacareers.progress import no_progress

ROOT = Path(__file__).parent / "data" / "onet"
GRAPH = NamedNode(source_iri("import-onet-29.0"))
SKOS = PREFIXES["skos"]
RDF_TYPE = PREFIXES["rdf"] + "type"
DATA_SCIENTIST = NamedNode(ONET_ROLE["15-2051.00"])
STATISTICIAN = NamedNode(ONET_ROLE["15-2041.00"])



@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    store.bulk_extend(onet.plan(ROOT, partial=True).quads(no_progress))
    return store


def objects(store, s, p):
    return {q.object for q in store.quads_for_pattern(s, NamedNode(p), None, GRAPH)}


def test_version_from_read_me_and_folder_name(tmp_path):
    import shutil

    assert onet.plan(ROOT, partial=True).graph == (
        "https://w3id.org/datacareers/source/import-onet-29.0")
    text = tmp_path / "db_28_1_text"
    shutil.copytree(ROOT / "db_29_0_text", text)
    (text / "Read Me.txt").unlink()
    shutil.copy(ROOT / "db_25_x_excel_converted" / "Career Changers Matrix.tsv", text)
    assert onet.plan(text, partial=True).source.version == "28.1"
    assert onet.plan(text, "27.3", partial=True).graph.endswith("/import-onet-27.3")


def test_occupation(store):
    assert NamedNode(CAREER["Role"]) in objects(store, DATA_SCIENTIST, RDF_TYPE)
    assert objects(store, DATA_SCIENTIST, SKOS + "prefLabel") == {
        Literal("Data Scientists", language="en")}
    assert objects(store, DATA_SCIENTIST, CAREER["onetCode"]) == {Literal("15-2051.00")}
    (definition,) = objects(store, DATA_SCIENTIST, SKOS + "definition")
    assert definition.language == "en" and definition.value


def test_related_occupation_is_a_ranked_tiered_transition(store):
    assert STATISTICIAN in objects(store, DATA_SCIENTIST, CAREER["relatedMove"])  # a similarity list,
    assert STATISTICIAN not in objects(store, DATA_SCIENTIST, CAREER["canBecome"])  # not a stated move
    t = NamedNode("https://w3id.org/datacareers/transition/onet-29.0-15-2051.00-15-2041.00")
    assert objects(store, t, CAREER["fromRole"]) == {DATA_SCIENTIST}
    assert objects(store, t, CAREER["toRole"]) == {STATISTICIAN}
    assert {int(o.value) for o in objects(store, t, CAREER["rank"])} == {1}
    assert objects(store, t, CAREER["relatednessTier"]) == {Literal("Primary-Short")}


def test_career_changers_matrix_under_the_folder(store):
    t = NamedNode(
        "https://w3id.org/datacareers/transition/onet-29.0-changers-11-3021.00-15-1211.00")
    assert {int(o.value) for o in objects(store, t, CAREER["rank"])} == {4}
    cio, architect = objects(store, t, CAREER["fromRole"]), objects(store, t, CAREER["toRole"])
    # derived by O*NET from descriptor similarity: related, never a stated move
    assert architect <= objects(store, next(iter(cio)), CAREER["relatedMove"])
    assert not architect & objects(store, next(iter(cio)), CAREER["canBecome"])


def test_technology_skills_hot_and_in_demand(store):
    hadoop = NamedNode(ONET_TECHNOLOGY["apache-hadoop"])
    airflow = NamedNode(ONET_TECHNOLOGY["apache-airflow"])
    assert {hadoop, airflow} <= objects(store, DATA_SCIENTIST, CAREER["requiresSkill"])
    assert hadoop in objects(store, DATA_SCIENTIST, CAREER["hotTechnology"])
    assert hadoop in objects(store, DATA_SCIENTIST, CAREER["inDemandTechnology"])
    assert airflow not in objects(store, DATA_SCIENTIST, CAREER["hotTechnology"])
    assert objects(store, hadoop, CAREER["skillKind"]) == {NamedNode(CAREER["hard"])}
    (commodity,) = objects(store, hadoop, SKOS + "broader")
    assert objects(store, commodity, SKOS + "prefLabel") == {
        Literal("Data base management system software", language="en")}


def test_job_zone_and_education(store):
    (zone,) = objects(store, DATA_SCIENTIST, CAREER["jobZone"])
    assert 1 <= int(zone.value) <= 5
    # every Required Level of Education category at least 10% of job holders report, with its share
    with open(ROOT / "db_29_0_text" / "Education, Training, and Experience.txt", encoding="utf-8") as fh:
        rows = [line.split("\t") for line in fh.read().splitlines()[1:]]
    shares = {r[4]: r[5] for r in rows if r[0] == "15-2041.00" and r[3] == "RL" and float(r[5]) >= 10}
    found = {}
    for education in objects(store, STATISTICIAN, CAREER["education"]):
        (share,) = objects(store, education, CAREER["share"])
        found[education.value.rsplit("-", 1)[1]] = share.value
    assert found == {c: str(float(v)).rstrip("0").rstrip(".") for c, v in shares.items()}
    master = NamedNode("https://w3id.org/datacareers/education/onet-29.0-15-2041.00-8")
    assert objects(store, master, CAREER["levelText"]) == {Literal("Master's Degree", language="en")}
    assert {int(o.value) for o in objects(store, master, CAREER["eqfLevel"])} == {7}


def test_attribution_names_the_version(store):
    (attribution,) = objects(store, GRAPH, CAREER["attribution"])
    assert "O*NET 29.0 Database" in attribution.value and "CC BY 4.0" in attribution.value
