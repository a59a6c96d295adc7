"""Data rules for the role profiles projected from the releases (pay, outlook, education,
tasks, tools, titles, sectors, employers, French skills): every figure traces to a release
row, every fact is read through a crosswalk mapping, and the issue's coverage holds.

Sample roles are checked against rows cut unchanged from the releases (tests/data/, cut by
tests/data/cut_profiles.py): the shipped figures must be those rows' figures.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from facts import CAREER, SCHEMA, curated_roles, graph_of, report, slug
from openpyxl import load_workbook
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from datacareers.constants import ROLE

DATA = Path(__file__).parent / "data"
ROLES = curated_roles()
#: Sample roles and the codes the crosswalk reads them through (exact matches).
SAMPLES = {"data-scientist": ("15-2051", "15-2051.00", "M1405"), "statistician": ("15-2041", "15-2041.00", None),
           "chief-data-officer": ("11-3021", None, "M1423"), "data-analyst": (None, None, "M1419")}
PERCENTILES = {"A_PCT10": SCHEMA.percentile10, "A_PCT25": SCHEMA.percentile25, "A_MEDIAN": SCHEMA.median,
               "A_PCT75": SCHEMA.percentile75, "A_PCT90": SCHEMA.percentile90}
PROFILE_GRAPHS = ("esco-1.1.1", "rome-4.0", "onet-29.0", "bls-oews-2024", "bls-ep-2024-34")


def sheet_rows(name: str, sheet: str, key: str) -> dict[str, dict]:
    book = load_workbook(DATA / "bls" / name, read_only=True)
    found, header = {}, None
    for row in book[sheet].iter_rows(values_only=True):
        if header is None:
            header = list(row) if key in row else None
        elif row[header.index(key)]:
            found[row[header.index(key)]] = dict(zip(header, row, strict=False))
    return found


def role(name: str) -> URIRef:
    return URIRef(ROLE[name])


def one(graph, subject, predicate):
    (value,) = list(graph.objects(subject, predicate))
    return value


@pytest.mark.parametrize("name", [n for n, (soc, _, _) in SAMPLES.items() if soc])
def test_pay_is_the_oews_row(name):
    soc = SAMPLES[name][0]
    row = sheet_rows("national_M2024_dl.xlsx", "national_M2024_dl", "OCC_CODE")[soc]
    graph = graph_of("bls-oews-2024")
    node = one(graph, role(name), CAREER.salary)
    assert str(node).endswith(f"/salary/bls-oews-2024-{soc}")
    for column, prop in PERCENTILES.items():
        if row[column] == "#":
            assert (node, CAREER.topCoded, prop) in graph and not list(graph.objects(node, prop))
            assert one(graph, node, CAREER.atOrAbove).toPython() == 239200
        else:
            assert one(graph, node, prop).toPython() == row[column], column
    assert one(graph, node, CAREER.employment).toPython() == row["TOT_EMP"]
    assert str(one(graph, node, CAREER.socCode)) == soc


@pytest.mark.parametrize("name", [n for n, (soc, _, _) in SAMPLES.items() if soc])
def test_outlook_and_entry_education_are_the_ep_row(name):
    soc = SAMPLES[name][0]
    row = sheet_rows("occupation.xlsx", "Table 1.2", "2024 National Employment Matrix code")[soc]
    graph = graph_of("bls-ep-2024-34")
    node = one(graph, role(name), CAREER.outlook)
    persons = {CAREER.baseEmployment: "Employment, 2024", CAREER.projectedEmployment: "Employment, 2034",
               CAREER.employmentChange: "Employment change, numeric, 2024–34",
               CAREER.annualOpenings: "Occupational openings, 2024–34 annual average"}
    for prop, column in persons.items():
        assert one(graph, node, prop).toPython() == Decimal(repr(row[column])) * 1000, column
    assert one(graph, node, CAREER.employmentChangePercent).toPython() == Decimal(repr(
        row["Employment change, percent, 2024–34"]))
    (education,) = [e for e in graph.objects(role(name), CAREER.education) if "bls-ep" in str(e)]
    assert str(one(graph, education, CAREER.levelText)) == row["Typical education needed for entry"]
    assert str(one(graph, education, CAREER.workExperience)) == row["Work experience in a related occupation"]


def rome_texts(code: str, kind: str) -> list[str]:
    with (DATA / "rome" / "v460" / "unix_texte_v460_utf8.csv").open(encoding="utf-8") as fh:
        found = [(int(r["position_phrase"]), r["libelle_texte"]) for r in csv.DictReader(fh)
                 if r["code_rome"] == code and r["libelle_type_texte"] == kind]
    return [text.replace("''", "'") for _, text in sorted(found)]


@pytest.mark.parametrize("name", [n for n, (_, _, fiche) in SAMPLES.items() if fiche])
def test_rome_tasks_and_access_are_the_fiches_sentences(name):
    fiche = SAMPLES[name][2]
    graph = graph_of("rome-4.0")
    tasks = sorted((one(graph, t, CAREER.position).toPython(), str(one(graph, t, CAREER.text)))
                   for t in graph.objects(role(name), CAREER.task))
    assert [text for _, text in tasks] == rome_texts(fiche, "definition")
    assert all(one(graph, t, CAREER.text).language == "fr" for t in graph.objects(role(name), CAREER.task))
    education = set(graph.objects(role(name), CAREER.education))
    sentences = {e for e in education if graph.value(e, CAREER.position) is not None}
    access = sorted((one(graph, e, CAREER.position).toPython(), str(one(graph, e, CAREER.levelText)))
                    for e in sentences)
    assert [text for _, text in access] == rome_texts(fiche, "acces_metier")
    # the rest are the diplomas ROME lists for the fiche (its certifications), by code_ogr
    folder = DATA / "rome" / "v460"
    with (folder / "unix_referentiel_savoir_v460_utf8.csv").open(encoding="utf-8") as fh:
        diplomas = {r["code_ogr_savoir"] for r in csv.DictReader(fh)
                    if (r["categorie_savoir"], r["sous_categorie_savoir"]) == ("Certifications et habilitations",
                                                                            "Certifications")}
    with (folder / "unix_liens_rome_referentiels_v460_utf8.csv").open(encoding="utf-8") as fh:
        listed = {r["code_ogr"] for r in csv.DictReader(fh) if r["code_rome"] == fiche and r["code_ogr"] in diplomas}
    assert {str(one(graph, e, DCTERMS.identifier)) for e in education - sentences} == listed


@pytest.mark.parametrize("name", [n for n, (_, _, fiche) in SAMPLES.items() if fiche])
def test_employer_types_are_the_fiches_work_contexts(name):
    fiche = SAMPLES[name][2]
    folder = DATA / "rome" / "v460"
    with (folder / "unix_liens_rome_referentiels_v460_utf8.csv").open(encoding="utf-8") as fh:
        linked = {r["code_ogr"] for r in csv.DictReader(fh) if r["code_rome"] == fiche and r["code_compo_bloc"] == "6"}
    with (folder / "unix_referentiel_contexte_travail_v460_utf8.csv").open(encoding="utf-8") as fh:
        labels = {r["code_ogr"]: r["libelle_cont_travail"] for r in csv.DictReader(fh)
                  if r["libelle_type_cont_trav"] == "Types de structures"}
    graph = graph_of("rome-4.0")
    found = {slug(e): str(one(graph, e, SKOS.prefLabel)) for e in graph.objects(role(name), CAREER.employedBy)}
    assert found == {code: labels[code] for code in linked if code in labels}


@pytest.mark.parametrize("name", [n for n, (_, onet, _) in SAMPLES.items() if onet])
def test_onet_tasks_and_titles_are_the_occupations_rows(name):
    code = SAMPLES[name][1]
    folder = DATA / "onet" / "db_29_0_text"
    with (folder / "Task Statements.txt").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r["O*NET-SOC Code"] == code]
    graph = graph_of("onet-29.0")
    tasks = {str(one(graph, t, DCTERMS.identifier)): t for t in graph.objects(role(name), CAREER.task)}
    assert sorted(tasks) == sorted(r["Task ID"] for r in rows)
    for r in rows:
        task = tasks[r["Task ID"]]
        assert one(graph, task, CAREER.text) == Literal(r["Task"], lang="en")
        assert [str(c) for c in graph.objects(task, CAREER.taskCategory)] == (
            [r["Task Type"].lower()] if r["Task Type"] != "n/a" else [])
    with (folder / "Alternate Titles.txt").open(encoding="utf-8") as fh:
        titles = {r["Alternate Title"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                  if r["O*NET-SOC Code"] == code}
    assert titles and titles <= {str(t) for t in graph.objects(role(name), SKOS.altLabel)}


def test_every_profile_fact_is_read_through_a_mapping_of_its_role():
    crosswalk = graph_of("curated")
    bad = []
    for folder in PROFILE_GRAPHS:
        graph = graph_of(folder)
        subjects = {s for s in graph.subjects() if str(s).startswith(ROLE)
                    and set(graph.predicates(s, None)) - {CAREER.viaMapping, CAREER.managedBy, CAREER.worksWith,
                                                          CAREER.canBecome, CAREER.relatedMove}}
        for s in sorted(subjects):
            via = list(graph.objects(s, CAREER.viaMapping))
            if not via:
                bad.append(f"{folder}: role:{slug(s)} has facts but no career:viaMapping")
            bad += [f"{folder}: role:{slug(s)} viaMapping {m} is not a crosswalk mapping of the role"
                    for m in via if (m, CAREER.mappedRole, s) not in crosswalk]
    assert not bad, report("facts read through the crosswalk", bad)


def test_a_wage_distribution_is_shared_not_copied():
    graph = graph_of("bls-oews-2024")
    nodes = set(graph.subjects(RDF.type, CAREER.WageDistribution))
    socs = [str(one(graph, n, CAREER.socCode)) for n in nodes]
    assert len(socs) == len(set(socs))  # one node per SOC code, however many roles read it
    shared = [n for n in nodes if len(set(graph.subjects(CAREER.salary, n))) > 1]
    assert shared


def _roles_with(folder_predicates) -> set[str]:
    found = set()
    for folder, predicate in folder_predicates:
        found |= {slug(s) for s in graph_of(folder).subjects(predicate, None) if str(s).startswith(ROLE)}
    return found & set(ROLES)


@pytest.mark.parametrize("facet, where, least", [
    # the borrowing rule (docs/crosswalk.md) leaves 8 roles without a US figure close enough to show
    ("pay", [("bls-oews-2024", CAREER.salary)], 25),
    ("education", [("bls-ep-2024-34", CAREER.education), ("onet-29.0", CAREER.education),
                   ("rome-4.0", CAREER.education)], 30),
    ("sectors", [("rome-4.0", CAREER.inSector)], 30),
    ("tasks", [("rome-4.0", CAREER.task), ("onet-29.0", CAREER.task)], 30),
    ("tools", [("onet-29.0", CAREER.hotTechnology)], 30),
    ("employer types", [("rome-4.0", CAREER.employedBy)], 18),
])
def test_the_issues_coverage(facet, where, least):
    found = _roles_with(where)
    assert len(found) >= least, report(f"roles with {facet}: {len(found)} < {least}", sorted(set(ROLES) - found))


def test_most_skills_have_a_french_name_and_roles_a_soft_skill():
    skills, soft = set(), set()
    for folder in ("esco-1.1.1", "rome-4.0"):
        graph = graph_of(folder)
        for s, o in graph.subject_objects(CAREER.requiresSkill):
            if slug(s) in ROLES:
                skills.add(o)
                if (o, CAREER.skillKind, CAREER.soft) in graph:
                    soft.add(slug(s))
    french = {s for s in skills for folder in ("esco-1.1.1", "esco-1.0-fr", "rome-4.0")
              for label in graph_of(folder).objects(s, SKOS.prefLabel) if label.language == "fr"}
    assert len(french) >= 0.9 * len(skills), f"{len(french)} of {len(skills)} skills have a French name"
    assert len(soft) >= 25, report("roles with a soft skill", sorted(set(ROLES) - soft))
