"""The profile facets the importers learn for a whole release (ROME tasks, access to the job,
employer types; O*NET tasks and alternate titles; ESCO French skill names and soft skills),
on rows cut unchanged from the releases (tests/data, tests/data/cut_profiles.py)."""

import csv
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES
from datacareers.importers import esco, onet, rome
from datacareers.importers.common import ONET_ROLE, ROME_ROLE, ROME_STRUCTURE
from datacareers.progress import no_progress

DATA = Path(__file__).parent / "data"
SKOS = PREFIXES["skos"]


def load(module, path) -> Store:
    store = Store()
    store.bulk_extend(module.plan(path, partial=True).quads(no_progress))
    return store


@pytest.fixture(scope="module")
def rome_store() -> Store:
    return load(rome, DATA / "rome" / "v460")


@pytest.fixture(scope="module")
def onet_store() -> Store:
    return load(onet, DATA / "onet")


def objects(store, s, p) -> set:
    return {q.object for q in store.quads_for_pattern(NamedNode(s) if isinstance(s, str) else s, NamedNode(p),
                                                      None, None)}


def one(store, s, p):
    (value,) = objects(store, s, p)
    return value


def texte(code: str) -> list[dict]:
    with (DATA / "rome" / "v460" / "unix_texte_v460_utf8.csv").open(encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["code_rome"] == code]


def test_rome_definition_sentences_are_tasks_with_apostrophes_read_once(rome_store):
    rows = [r for r in texte("M1405") if r["libelle_type_texte"] == "definition"]
    assert any("''" in r["libelle_texte"] for r in rows)  # the export doubles them
    tasks = objects(rome_store, ROME_ROLE["M1405"], CAREER["task"])
    found = {int(one(rome_store, t, CAREER["position"]).value): one(rome_store, t, CAREER["text"]) for t in tasks}
    assert found == {int(r["position_phrase"]): Literal(r["libelle_texte"].replace("''", "'"), language="fr")
                     for r in rows}
    assert {one(rome_store, t, SKOS + "notation").value for t in tasks} == {"M1405"}


def test_rome_access_to_the_job_with_an_eqf_level_only_when_single(rome_store):
    levels = {}
    for e in objects(rome_store, ROME_ROLE["M1419"], CAREER["education"]) | objects(
            rome_store, ROME_ROLE["M1405"], CAREER["education"]):
        levels[one(rome_store, e, CAREER["levelText"]).value[:60]] = {
            int(o.value) for o in objects(rome_store, e, CAREER["eqfLevel"])}
    assert levels["Cet emploi est accessible avec un diplôme de niveau Bac + 3 "] == set()  # Bac+3 à Bac+5
    assert levels["Cet emploi est accessible avec un diplôme de niveau Bac+5 et"] == {7}


def test_rome_employer_types(rome_store):
    found = objects(rome_store, ROME_ROLE["M1423"], CAREER["employedBy"])
    assert found and all(s.value.startswith(ROME_STRUCTURE) for s in found)
    for s in found:
        assert NamedNode(CAREER["EmployerType"]) in objects(rome_store, s, PREFIXES["rdf"] + "type")
        assert one(rome_store, s, SKOS + "prefLabel").language == "fr"


def test_onet_tasks_core_first_and_titles(onet_store):
    role = ONET_ROLE["15-2041.00"]
    tasks = objects(onet_store, role, CAREER["task"])
    with (DATA / "onet" / "db_29_0_text" / "Task Statements.txt").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["O*NET-SOC Code"] == "15-2041.00"]
    assert len(tasks) == len(rows)
    by_id = {one(onet_store, t, PREFIXES["dcterms"] + "identifier").value: t for t in tasks}
    for position, row in enumerate(rows, start=1):
        task = by_id[row["Task ID"]]
        assert one(onet_store, task, CAREER["taskCategory"]).value == row["Task Type"].lower()
        assert int(one(onet_store, task, CAREER["position"]).value) == position
        assert one(onet_store, task, SKOS + "notation").value == "15-2041.00"
    titles = {o.value for o in objects(onet_store, role, SKOS + "altLabel")}
    assert "Applied Statistician" in titles and "n/a" not in titles


def test_esco_french_names_from_the_collections_when_there_is_no_skills_fr():
    store = load(esco, DATA / "esco" / "v1.1.1")
    with (DATA / "esco" / "v1.1.1" / "fr" / "digitalSkillsCollection_fr.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert Literal(row["preferredLabel"], language="fr") in objects(store, row["conceptUri"], SKOS + "prefLabel")


def test_french_labels_reader_is_strict(tmp_path):
    path = tmp_path / "skills_fr.csv"
    path.write_text("conceptUri,preferredLabel\nnot a uri,x\n", encoding="utf-8")
    with pytest.raises(Exception, match="is not an ESCO URI"):
        list(esco.french_labels(path))
