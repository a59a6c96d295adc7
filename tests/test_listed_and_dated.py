"""Issue 21, item 8: a source's list order reads as an order, not a rank of likelihood; the
diplomas ROME files as certifications are education, not knowledge; O*NET job zones carry the
month they were rated."""

import json
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, ROLE, SOURCE, source_iri
from datacareers.i18n import using
from datacareers.importers import onet, rome
from datacareers.importers.common import ONET_ROLE, ROME_ROLE, ROME_SAVOIR
from datacareers.progress import no_progress
from datacareers.views.describe import role_facts
from datacareers.views.sections import _item_tags
from datacareers.views.site.words import site_words

DATA = Path(__file__).parent / "data"
ROME_GRAPH = NamedNode(source_iri("import-rome-4.0-v460"))
ONET_GRAPH = NamedNode(source_iri("import-onet-29.0"))
DATE = PREFIXES["dcterms"] + "date"


def objects(store, s, p, g=None):
    return {q.object for q in store.quads_for_pattern(s, NamedNode(p), None, g)}


# ------------------------------------------------------------------ list order


@pytest.mark.parametrize(("lang", "expected"), [("en", "listed 5th"), ("fr", "cité en 5e position"),
                                                 ("fr1", "cité en 1re position")])
def test_a_rank_reads_as_where_the_source_lists_it(lang, expected):
    with using(lang[:2]):
        assert _item_tags({"rank": 1 if lang == "fr1" else 5}) == [expected]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_path_finder_words_say_listed_not_rank(lang):
    with using(lang):
        words = site_words()
    assert words["rank"].format(n=3) == {"en": "listed at position 3", "fr": "cité en position 3"}[lang]


# ------------------------------------------------------------------ ROME diplomas


@pytest.fixture(scope="module")
def rome_store() -> Store:
    store = Store()
    store.bulk_extend(rome.plan(DATA / "rome" / "v460", partial=True).quads(no_progress))
    return store


def test_rome_certifications_are_education_not_skills(rome_store):
    # "Master mention mathématiques appliquées, statistique" (404665) and "Data engineer" (404121)
    # are filed by ROME under "Certifications et habilitations" / "Certifications"
    master, title = NamedNode(ROME_SAVOIR["404665"]), NamedNode(ROME_SAVOIR["404121"])
    for fiche, diploma in (("M1419", master), ("M1423", master), ("M1405", title)):
        role = NamedNode(ROME_ROLE[fiche])
        assert diploma in objects(rome_store, role, CAREER["education"], ROME_GRAPH), fiche
        assert diploma not in objects(rome_store, role, CAREER["requiresSkill"], ROME_GRAPH), fiche
    assert objects(rome_store, master, PREFIXES["rdf"] + "type") == {NamedNode(CAREER["EducationRequirement"])}
    assert objects(rome_store, master, CAREER["levelText"]) == {
        Literal("Master mention mathématiques appliquées, statistique", language="fr")}
    assert {int(o.value) for o in objects(rome_store, master, CAREER["eqfLevel"])} == {7}
    assert objects(rome_store, title, CAREER["eqfLevel"]) == set()  # its name gives no level
    assert objects(rome_store, title, CAREER["skillKind"]) == set()


def test_no_shipped_rome_skill_is_a_diploma(shipped):
    # every savoir ROME files as a certification is shipped as education: name each one left
    rome_graph = NamedNode(SOURCE["rome-4.0"])
    requirement = NamedNode(CAREER["EducationRequirement"])
    diplomas = {q.subject for q in shipped.quads_for_pattern(None, NamedNode(PREFIXES["rdf"] + "type"),
                                                             requirement, rome_graph)
                if q.subject.value.startswith(ROME_SAVOIR[""])}
    assert len(diplomas) > 50
    skills = {q.object for q in shipped.quads_for_pattern(None, NamedNode(CAREER["requiresSkill"]), None, rome_graph)}
    assert sorted(d.value for d in diplomas & skills) == []
    facts = role_facts(shipped, ROLE["machine-learning-engineer"], "en")
    assert "Master mention informatique" in {e["text"] for e in facts["education"]}
    assert "Master mention informatique" not in {s["label"] for s in facts["skills"]}


# ------------------------------------------------------------------ job zone dates


def test_job_zone_ratings_keep_their_date():
    store = Store()
    store.bulk_extend(onet.plan(DATA / "onet", partial=True).quads(no_progress))
    with open(DATA / "onet" / "db_29_0_text" / "Job Zones.txt", encoding="utf-8") as handle:
        rows = [line.split("\t") for line in handle.read().splitlines()[1:]]
    assert rows
    for code, zone, date, _domain in rows:
        (rating,) = objects(store, NamedNode(ONET_ROLE[code]), CAREER["jobZoneRating"], ONET_GRAPH)
        assert {o.value for o in objects(store, rating, CAREER["jobZone"])} == {zone}
        month, year = date.split("/")
        assert {o.value for o in objects(store, rating, DATE)} == {f"{year}-{month}"}, code


def test_a_path_step_says_when_each_job_zone_was_rated(runner, cli):
    # the bioinformatics scientists' rating (19-1029.01) dates from July 2012
    result = runner.invoke(cli, ["path", "data scientist", "bioinformatician", "--format", "json"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    steps = [s for p in json.loads(result.output)["paths"] for s in p["steps"]
             if s["to"]["id"] == ROLE["bioinformatician"]]
    assert steps and {tuple(s["job_zone"]["rated_to"]) for s in steps} == {("2012-07",)}
    text = runner.invoke(cli, ["path", "data scientist", "bioinformatician", "--lang", "en"]).output
    assert "-> 5 (rated 07/2012)" in text
