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


def _release_rows(name: str) -> list[list[str]]:
    with open(ROOT / "db_29_0_text" / name, encoding="utf-8") as fh:
        return [line.split("\t") for line in fh.read().splitlines()[1:]]


def test_job_zone(store):
    (zone,) = objects(store, DATA_SCIENTIST, CAREER["jobZone"])
    assert 1 <= int(zone.value) <= 5


def test_education_keeps_every_category_respondents_chose_with_n_group_and_date(store):
    # O*NET's RL scale: the % of respondents saying a level is *required*. Every category at
    # least one respondent chose is kept (statisticians' doctorate, 9.52%, and post-doc, 4.76%,
    # were dropped by a 10% cut), with N, who answered and when.
    rows = [r for r in _release_rows("Education, Training, and Experience.txt")
            if r[0] == "15-2041.00" and r[3] == "RL" and float(r[5]) > 0]
    expected = {r[4]: (str(float(r[5])).rstrip("0").rstrip("."), r[6], r[12], r[11]) for r in rows}
    assert {"11", "12"} <= set(expected)  # doctoral degree, post-doctoral training
    found = {}
    for education in objects(store, STATISTICIAN, CAREER["education"]):
        (share,) = objects(store, education, CAREER["share"])
        (n,) = objects(store, education, CAREER["respondents"])
        (group,) = objects(store, education, CAREER["respondentGroup"])
        (date,) = objects(store, education, PREFIXES["dcterms"] + "date")
        month, year = date.value.split("-")[1], date.value.split("-")[0]
        found[education.value.rsplit("-", 1)[1]] = (share.value, n.value, group.value, f"{month}/{year}")
    assert found == expected
    master = NamedNode("https://w3id.org/datacareers/education/onet-29.0-15-2041.00-8")
    assert objects(store, master, CAREER["levelText"]) == {Literal("Master's Degree", language="en")}
    assert {int(o.value) for o in objects(store, master, CAREER["eqfLevel"])} == {7}
    doctorate = NamedNode("https://w3id.org/datacareers/education/onet-29.0-15-2041.00-11")
    assert {int(o.value) for o in objects(store, doctorate, CAREER["eqfLevel"])} == {8}


def test_education_flags_what_onet_recommends_suppressing(store):
    flagged = {(r[0], r[4]) for r in _release_rows("Education, Training, and Experience.txt")
               if r[3] == "RL" and float(r[5]) > 0 and r[10] == "Y"}
    found = {tuple(q.subject.value.rsplit("/", 1)[1].removeprefix("onet-29.0-").rsplit("-", 1))
             for q in store.quads_for_pattern(None, NamedNode(CAREER["recommendSuppress"]), None, GRAPH)}
    assert found == flagged


def test_attribution_names_the_version(store):
    (attribution,) = objects(store, GRAPH, CAREER["attribution"])
    assert "O*NET 29.0 Database" in attribution.value and "CC BY 4.0" in attribution.value
