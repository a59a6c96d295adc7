"""The seed article's facts, as entered: each checked against what the article says."""

import pytest
from pyoxigraph import NamedNode

from datacareers.constants import CAREER, PREFIXES, ROLE, SOURCE
from datacareers.views.describe import role_facts

ARTICLE = SOURCE["ml-engineer-article"]
MLE = ROLE["machine-learning-engineer"]

# The article's table: "Machine learning engineer junior | 2,9K€ à 3,7K€ | 35K€ à 45k€" ...
TABLE = {
    ("junior", "P1M"): (2900, 3700), ("junior", "P1Y"): (35000, 45000),
    ("intermediate", "P1M"): (3700, 4500), ("intermediate", "P1Y"): (45000, 55000),
    ("senior", "P1M"): (4500, 6200), ("senior", "P1Y"): (50000, 75000),
}
# ... and its section title: "Être Machine learning ingénieur en 2022 : un salaire de 35k€ à 60k€
# selon les profils" (annual, no seniority, not said to be gross).
HEADLINE = {(None, "P1Y"): (35000, 60000)}


@pytest.fixture(scope="module")
def facts(shipped):
    return role_facts(shipped, MLE, "fr")


def _in_article(items):
    return {i["id"].rsplit("/", 1)[-1] for i in items if ARTICLE in i["sources"]}


def test_salary_table(facts):
    article = [s for s in facts["salaries"] if s["source"] == ARTICLE]  # (the BLS wages are a distribution)
    found = {(s["seniority"], s["period"]): (s["min"], s["max"]) for s in article}
    assert found == TABLE | HEADLINE
    for s in article:
        gross = None if s["seniority"] is None else True  # the headline does not say
        assert (s["currency"], s["year"], s["gross"], s["source"]) == ("EUR", "2022", gross, ARTICLE)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_figures_that_contradict_each_other_say_so(shipped, lang):
    by_band = {(s["seniority"], s["period"]): s for s in role_facts(shipped, MLE, lang)["salaries"]
               if s["source"] == ARTICLE}
    headline, senior = by_band[(None, "P1Y")]["note"], by_band[("senior", "P1Y")]["note"]
    # the headline's top (60k) is below the table's senior top (75k) ...
    assert all(n in headline.replace("\u202f", " ") for n in ("35", "60", "75")), headline
    # ... and the senior annual minimum (50k) is below 12 x the senior monthly minimum (4.5k = 54k)
    assert 12 * TABLE[("senior", "P1M")][0] > TABLE[("senior", "P1Y")][0]
    assert all(n in senior for n in ("50", "12", "54")), senior
    assert ("contradicts" if lang == "en" else "contredit") in headline
    others = [s for key, s in by_band.items() if key not in {(None, "P1Y"), ("senior", "P1Y")}]
    assert [s["note"] for s in others] == [None] * len(others)


def test_the_notes_are_ours_not_the_articles(shipped):
    note = NamedNode(PREFIXES["skos"] + "note")
    graphs = {q.graph_name.value for q in shipped.quads_for_pattern(None, note, None, None)
              if "machine-learning-engineer" in q.subject.value}
    assert graphs == {SOURCE["curated"]}


def test_works_with_and_managed_by(facts):
    assert _in_article(facts["works_with"]) == {"data-engineer", "data-scientist"}
    assert _in_article(facts["managed_by"]) == {"chief-data-officer", "digital-strategy-director"}


@pytest.mark.parametrize("role", ["data-engineer", "data-scientist"])
def test_the_three_are_managed_by_cdo_or_digital_director(shipped, role):
    managers = _in_article(role_facts(shipped, ROLE[role], "en")["managed_by"])
    assert managers == {"chief-data-officer", "digital-strategy-director"}


def test_moves(facts):
    assert _in_article(facts["moves_to"]) == {"data-scientist", "it-engineer", "software-developer",
                                              "chief-data-officer"}


def test_sectors_and_employers(facts):
    assert _in_article(facts["sectors"]) == {"automotive", "information-technology", "retail", "finance",
                                             "cosmetics", "e-commerce"}
    assert _in_article(facts["employers"]) == {"startup", "software-vendor", "it-department", "agency",
                                               "advertiser"}


def test_education_a_master_is_eqf7_and_a_doctorate_eqf8(facts):
    # "Un candidat présentant un Master ou un Doctorat en informatique ou en mathématiques. Le
    # Bac+5 est donc indispensable": two diplomas of two levels, not one level for both
    levels = {e["text"].split(" ")[0]: e["eqf_level"] for e in facts["education"] if ARTICLE in e["sources"]}
    assert levels == {"Master": 7, "Doctorat": 8}


def test_the_source_says_it_is_a_schools_promotional_page_from_france_in_2022(shipped):
    from datacareers.views.describe import source_descriptions

    for lang, words in (("en", ("promotional", "school", "French", "2022")),
                        ("fr", ("promotionnelle", "école", "française", "2022"))):
        [article] = [s for s in source_descriptions(shipped, lang) if s["id"] == ARTICLE]
        assert all(w in article["title"] for w in words), article["title"]
        assert article["date"] == "2022"
    # the text: "nous proposons le Mastère Développement, Data & I.A [...] votre diplôme d'un niveau 7
    # (Bac+5) reconnu par l'État", "Notre Mastère Architecte Data & Big Data vous permettra [...]
    # Envie d'en savoir plus ?", "Être Machine learning ingénieur en 2022"


def test_hard_and_soft_skills(facts):
    article_skills = {s["id"].rsplit("/", 1)[-1]: s for s in facts["skills"] if ARTICLE in s["sources"]}
    hard = {k for k, s in article_skills.items() if s["kind"] == "hard"}
    soft = {k for k, s in article_skills.items() if s["kind"] == "soft"}
    assert hard == {"programming-languages", "statistics-and-probability", "data-modelling"}
    assert {"communication", "project-management", "popularisation"} <= soft


def test_missions_in_french_and_english(shipped):
    missions = list(shipped.quads_for_pattern(NamedNode(MLE), NamedNode(CAREER["mission"]), None,
                                              NamedNode(ARTICLE)))
    by_lang = {lang: [q for q in missions if q.object.language == lang] for lang in ("fr", "en")}
    assert len(by_lang["fr"]) == len(by_lang["en"]) >= 6
    assert any(q.object.value == "Nettoyer des ensembles de données" for q in by_lang["fr"])


def test_every_article_fact_is_in_the_article_graph(shipped):
    # Nothing the article says about the ML engineer leaks into another graph (a release's pay or
    # education, read through a crosswalk mapping, sits in that release's graph and says so).
    pref = NamedNode(PREFIXES["skos"] + "prefLabel")
    releases = {q.graph_name.value for q in shipped.quads_for_pattern(NamedNode(MLE), NamedNode(CAREER["viaMapping"]),
                                                                       None, None)}
    for quad in shipped.quads_for_pattern(NamedNode(MLE), None, None, None):
        if quad.predicate in (NamedNode(CAREER["salary"]), NamedNode(CAREER["mission"]),
                              NamedNode(CAREER["education"]), NamedNode(CAREER["managedBy"])):
            assert quad.graph_name.value == ARTICLE or (
                quad.graph_name.value in releases and quad.predicate != NamedNode(CAREER["mission"])), quad
        if quad.predicate == pref:
            assert quad.graph_name.value == SOURCE["curated"]
