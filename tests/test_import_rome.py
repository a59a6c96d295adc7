"""ROME 4.0 importer: real rows cut from the v460 export (tests/data/rome)."""

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, source_iri
from datacareers.importers import rome
from datacareers.importers.common import ROME_COMPETENCE, ROME_ROLE, ROME_SAVOIR
from datacareers.progress import no_progress

RELEASE = Path(__file__).parent / "data" / "rome" / "v460"
GRAPH = NamedNode(source_iri("import-rome-4.0-v460"))
SKOS = PREFIXES["skos"]
RDF_TYPE = PREFIXES["rdf"] + "type"
DATA_ANALYST = NamedNode(ROME_ROLE["M1419"])
CDO = NamedNode(ROME_ROLE["M1423"])
DATA_SCIENTIST = NamedNode(ROME_ROLE["M1405"])



@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    store.bulk_extend(rome.plan(RELEASE, partial=True).quads(no_progress))
    return store


def objects(store, s, p):
    return {q.object for q in store.quads_for_pattern(s, NamedNode(p), None, GRAPH)}


def test_version_from_file_names():
    plan = rome.plan(RELEASE, partial=True)
    assert plan.source.version == "v460"
    assert plan.graph == "https://w3id.org/datacareers/source/import-rome-4.0-v460"
    assert rome.plan(RELEASE, "461", partial=True).graph.endswith("/import-rome-4.0-v461")


def test_fiche_is_a_role_with_french_label_and_code(store):
    assert NamedNode(CAREER["Role"]) in objects(store, DATA_ANALYST, RDF_TYPE)
    assert objects(store, DATA_ANALYST, SKOS + "prefLabel") == {Literal("Data analyst", language="fr")}
    assert objects(store, DATA_ANALYST, CAREER["romeCode"]) == {Literal("M1419")}
    assert objects(store, DATA_SCIENTIST, SKOS + "broader") == {NamedNode(ROME_ROLE["M1403"])}


def test_appellations_are_french_alt_labels(store):
    alt = {o.value for o in objects(store, DATA_SCIENTIST, SKOS + "altLabel")}
    assert "Data scientist" not in alt  # the pref label itself is not repeated
    assert all(o.language == "fr" for o in objects(store, DATA_SCIENTIST, SKOS + "altLabel"))
    assert alt


def test_mobility_is_a_ranked_transition(store):
    assert CDO in objects(store, DATA_ANALYST, CAREER["canBecome"])
    transition = NamedNode("https://w3id.org/datacareers/transition/rome-4.0-v460-M1419-M1423")
    assert NamedNode(CAREER["Transition"]) in objects(store, transition, RDF_TYPE)
    assert objects(store, transition, CAREER["fromRole"]) == {DATA_ANALYST}
    assert objects(store, transition, CAREER["toRole"]) == {CDO}
    (rank,) = objects(store, transition, CAREER["rank"])
    assert int(rank.value) == 4
    assert rank.datatype == NamedNode(PREFIXES["xsd"] + "integer")


def test_competences_and_savoirs_linked_to_fiches(store):
    required = objects(store, DATA_ANALYST, CAREER["requiresSkill"])
    competence = NamedNode(ROME_COMPETENCE["121638"])
    assert competence in required
    assert competence in objects(store, DATA_ANALYST, CAREER["essentialSkill"])  # coeur_metier
    assert objects(store, competence, CAREER["skillKind"]) == {NamedNode(CAREER["hard"])}
    savoirs = [s for s in required if s.value.startswith(ROME_SAVOIR[""])]
    assert savoirs
    assert objects(store, savoirs[0], CAREER["skillKind"]) == {NamedNode(CAREER["knowledge"])}
    assert all(o.language == "fr" for o in objects(store, savoirs[0], SKOS + "prefLabel"))


def test_soft_skill_from_savoir_etre_category(store):
    softs = [q.subject for q in store.quads_for_pattern(
        None, NamedNode(CAREER["skillKind"]), NamedNode(CAREER["soft"]), GRAPH)]
    assert len(softs) == 1


def test_sectors_with_accents_and_multiline_definitions(store):
    sectors = {q.subject for q in store.quads_for_pattern(
        None, NamedNode(RDF_TYPE), NamedNode(CAREER["Sector"]), GRAPH)}
    labels = {o.value for s in sectors for o in objects(store, s, SKOS + "prefLabel")}
    assert "Informatique et télécommunication" in labels
    in_sector = objects(store, DATA_ANALYST, CAREER["inSector"])
    assert {s.value.rsplit("/", 1)[1] for s in in_sector} == {"96", "133"}
    definitions = [o.value for s in sectors for o in objects(store, s, SKOS + "definition")]
    assert any("\n" in d for d in definitions)


def test_source_description(store):
    assert objects(store, GRAPH, CAREER["version"]) == {Literal("v460")}
    (attribution,) = objects(store, GRAPH, CAREER["attribution"])
    assert "Etalab" in attribution.value and "France Travail" in attribution.value


def test_newest_export_wins_when_two_are_mixed(tmp_path):
    import shutil

    folder = tmp_path / "rome"
    shutil.copytree(RELEASE, folder)
    old = folder / "unix_referentiel_code_rome_v459_utf8.csv"
    old.write_text('"code_rome","libelle_rome"\n"M1419","Ancien libellé"\n', encoding="utf-8")
    plan = rome.plan(folder, partial=True)
    assert plan.source.version == "v460"
    store = Store()
    store.bulk_extend(plan.quads(no_progress))
    labels = {q.object.value for q in store.quads_for_pattern(
        DATA_ANALYST, NamedNode(SKOS + "prefLabel"), None)}
    assert labels == {"Data analyst"}
