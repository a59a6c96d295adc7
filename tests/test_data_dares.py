"""Data rules for the shipped Dares facts (ontology/facts/dares-psm-2022/): every figure
traces to its row of the release (the fixture rows, cut unchanged from it), and every
curated role has a French median net pay and a 2019 tension with its components."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from dares_rows import COMPONENTS, number, place_of, rows
from facts import CAREER, SCHEMA, curated_roles, graph_of, report, slug
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import ROLE
from datacareers.importers.common import slug as iri_slug

DARES = graph_of("dares-psm-2022")
GEO = "https://w3id.org/datacareers/geo/"


def value(node, prop) -> str | None:
    found = DARES.value(node, prop)
    return None if found is None else str(found)


def period(node) -> str:
    return f"{value(node, CAREER.periodStart)}-{value(node, CAREER.periodEnd)}"


def release_rows() -> dict[str, dict]:
    """Each kind of figure: its key -> what the release's row says."""
    out: dict[str, dict] = defaultdict(dict)
    for r in rows("salaire_median_3niv.csv"):
        out["median"][(r["Fap3"], r["Annee"])] = number(r["Salaire_median"])
    for r in rows("salaires_3niv.csv"):
        out["band"][(r["Fap"], " ".join(r["Salaire"].split()))] = (number(r["Milliers"]), number(r["Pourcentage"]))
    for r in rows("tensions/tensions.csv"):
        out["tension"][(r["fap"], r["Année"], place_of(r))] = r
    for r in rows("tensions/evol_tensions.csv"):
        out["series"][(r["fap"], r["Année"])] = number(r["Tension"])
    for r in rows("effectifs_3niv.csv"):
        for code, text in r.items():
            if code != "Annee":
                out["employment"][(code, r["Annee"])] = number(text)
    for r in rows("part_femmes_3niv.csv"):
        out["women"][(r["Fap3"], r["Annee"])] = number(r["Part"])
    for r in rows("dipl_restructure_3niv.csv"):
        out["diploma"][(r["Fap"], r["diplome"], r["Annee"])] = number(r["Pourcentage"])
    for name, column, kind in (("secteurs_employeurs_3niv.csv", "Secteur", "sector"),
                               ("specialite_diplome_3niv.csv", "Specialite", "field"),
                               ("categorie_employeur_3niv.csv", "type_employeur", "employer")):
        for r in rows(name):
            key = r[column] if kind != "employer" else " ".join(r[column].split())
            out[kind][(r["Fap"], key)] = (number(r["Milliers"]), number(r["Pourcentage"]))
    return out


def _same(found: str | None, expected: Decimal | None) -> bool:
    return (found is None and expected is None) or (found is not None and expected is not None
                                                    and Decimal(found) == expected)


def _tension(node, code: str, published: dict) -> list[str]:
    place = value(node, CAREER.geography)[len(GEO):]
    year = value(node, CAREER.year)
    row = published["tension"].get((code, year, place))
    if row is None:  # a year of the series only
        return [] if _same(value(node, SCHEMA.value), published["series"].get((code, year))) else ["value"]
    wrong = [] if _same(value(node, SCHEMA.value), number(row["Tension"])) else ["value"]
    for column, prop in {"Catégorie Tension": "tensionCategory", **COMPONENTS}.items():
        if not _same(value(node, CAREER[prop]), number(row[column])):
            wrong.append(prop)
    return wrong + ([] if _same(value(node, CAREER.employment), number(row["Emploi moyen"])) else ["employment"])


def _share(node, code: str, published: dict) -> list[str]:
    what = DARES.value(node, CAREER.shareOf)
    amounts = (value(node, CAREER.thousands), value(node, CAREER.percentage))
    if what is None:
        return [] if _same(amounts[1], published["women"].get((code, period(node)), Decimal(-1))) else ["women"]
    label, notation = value(what, SKOS.prefLabel), value(what, SKOS.notation)
    if "/dares/diplome/" in str(what):
        expected = published["diploma"].get((code, label, period(node)), Decimal(-1))
        return [] if _same(value(node, CAREER.proportion), expected) else ["diploma"]
    kind = "sector" if "/naf/" in str(what) else "field" if "/nsf/" in str(what) else "employer"
    expected = published[kind].get((code, notation if kind != "employer" else label))
    return [] if expected and all(_same(a, b) for a, b in zip(amounts, expected, strict=True)) else [kind]


def test_every_shipped_figure_traces_to_its_row_of_the_release():
    published = release_rows()
    bad, checked = [], 0
    for node in sorted(set(DARES.subjects(CAREER.fapCode, None))):
        code = value(node, CAREER.fapCode)
        kinds = set(DARES.objects(node, RDF.type))
        if CAREER.WageDistribution in kinds:
            if value(node, SCHEMA.median) is not None and not _same(value(node, SCHEMA.median),
                                                                     published["median"].get((code, period(node)))):
                bad.append(f"{slug(node)}: median {value(node, SCHEMA.median)}")
            for band in DARES.objects(node, CAREER.band):
                expected = published["band"].get((code, value(band, SKOS.prefLabel)), (Decimal(-1), None))
                if not (_same(value(band, CAREER.thousands), expected[0])
                        and _same(value(band, CAREER.percentage), expected[1])):
                    bad.append(f"{slug(band)}: band figures")
        elif CAREER.HiringTension in kinds:
            bad += [f"{slug(node)}: {w}" for w in _tension(node, code, published)]
        elif CAREER.EmploymentEstimate in kinds:
            if not _same(value(node, CAREER.thousands), published["employment"].get((code, value(node, CAREER.year)))):
                bad.append(f"{slug(node)}: thousands")
        elif CAREER.WorkforceShare in kinds:
            bad += [f"{slug(node)}: {w}" for w in _share(node, code, published)]
        else:
            continue
        checked += 1
    assert checked > 500
    assert not bad, report("shipped Dares figures that do not equal their row of the release", bad)


def test_every_figure_is_a_figure_of_the_family_its_role_is_read_through():
    curated = graph_of("curated")
    bad = []
    for role, _p, mapping in DARES.triples((None, CAREER.viaMapping, None)):
        family = str(curated.value(mapping, CAREER.mappedConcept)).rsplit("/", 1)[-1]
        for prop in (CAREER.salary, CAREER.tension, CAREER.employmentEstimate, CAREER.womenShare,
                     CAREER.diplomaShare, CAREER.sectorShare, CAREER.employerShare, CAREER.fieldShare):
            bad += [f"role:{slug(role)} {slug(prop)} {slug(x)}: of {value(x, CAREER.fapCode)}, read through {family}"
                    for x in DARES.objects(role, prop) if value(x, CAREER.fapCode) != family]
    assert not bad, report("figures of another family than the role's mapping", bad)


def test_every_role_has_a_median_net_pay_and_a_2019_tension_with_its_components():
    missing = []
    for role in curated_roles():
        subject = URIRef(ROLE[role])
        medians = [s for s in DARES.objects(subject, CAREER.salary)
                   if period(s) == "2017-2019" and value(s, SCHEMA.median) and value(s, CAREER.gross) == "false"]
        tensions = [t for t in DARES.objects(subject, CAREER.tension)
                    if value(t, CAREER.year) == "2019" and value(t, CAREER.geography) == GEO + "fr"]
        if not medians:
            missing.append(f"role:{role}: no 2017-2019 median net pay")
        needed = ("tensionCategory", *COMPONENTS.values())
        if not tensions or any(value(tensions[0], CAREER[p]) is None for p in needed):
            missing.append(f"role:{role}: no 2019 national tension with its category and six components")
    assert not missing, report("curated roles without their French figures (list them in docs/coverage.md)", missing)


def test_regional_tensions_are_shipped_for_every_region_the_release_has():
    published = {place_of(r) for r in rows("tensions/tensions.csv") if r["niveau_geo"].strip() == "reg"}
    for role in ("data-scientist", "statistician"):
        shipped = {value(t, CAREER.geography)[len(GEO):] for t in DARES.objects(URIRef(ROLE[role]), CAREER.tension)}
        assert published <= shipped, role
        assert not {p for p in shipped if p.startswith("fr-departement-")}, "départements are left to the import"


def test_labels_of_iri_segments_are_slugs_of_the_release_words():
    bad = [str(s) for s in DARES.subjects(RDF.type, SKOS.Concept)
           if "/dares/" in str(s) and iri_slug(value(s, SKOS.prefLabel) or "") != str(s).rsplit("/", 1)[-1]]
    assert not bad, report("Dares categories whose IRI is not the slug of their label", bad)
