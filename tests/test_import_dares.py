"""Dares importer: the fixture cut unchanged from the release (tests/data/dares), imported,
compared figure by figure with the rows the csv module reads from the same files."""

from decimal import Decimal

import pytest
from dares_rows import COMPONENTS, ROOT, number, place_of, region, rows
from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, EMPLOYMENT, PREFIXES, SALARY, SHARE, TENSION
from datacareers.importers import dares
from datacareers.importers.common import slug
from datacareers.importers.fap import FAP, GEO, NOT_A_FAMILY, PCS
from datacareers.progress import no_progress

SCHEMA, SKOS = PREFIXES["schema"], PREFIXES["skos"]
RELEASE = "dares-psm-2022"
#: The families of three sample roles: data scientist, statistician, data protection officer.
SAMPLES = ("M2Z90", "L5Z90", "L5Z91")


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    plan = dares.plan(ROOT, partial=True)
    store.bulk_extend(plan.quads(no_progress))
    return store


def values(store, s, p) -> set:
    return {q.object.value for q in store.quads_for_pattern(NamedNode(s), NamedNode(p), None, None)}


def one(store, s, p) -> str:
    (found,) = values(store, s, p)
    return found


def decimal_of(store, s, p) -> Decimal:
    return Decimal(one(store, s, p))


def family(code: str) -> bool:
    return code not in NOT_A_FAMILY


def test_own_graph_and_a_described_source(store):
    plan = dares.plan(ROOT, partial=True)
    assert plan.graph == "https://w3id.org/datacareers/source/import-dares-psm-2022"
    g = plan.graph
    assert any("Dares" in v for v in values(store, g, PREFIXES["dcterms"] + "publisher"))
    assert one(store, g, CAREER["attribution"]).startswith("Source : Dares")
    surveys = values(store, g, "http://www.w3.org/ns/prov#wasDerivedFrom")
    titles = {t for s in surveys for t in values(store, s, PREFIXES["dcterms"] + "title")}
    assert any("enquêtes Emploi" in t for t in titles) and any("Pôle emploi" in t for t in titles)


def test_medians_equal_their_rows(store):
    checked = 0
    for row in rows("salaire_median_3niv.csv"):
        code, median = row["Fap3"], number(row["Salaire_median"])
        if not family(code) or median is None:
            continue
        first, last = row["Annee"].split("-")
        node = SALARY[f"{RELEASE}-{code}-{first}-{last}"]
        assert node in values(store, FAP[code], CAREER["salary"])
        assert decimal_of(store, node, SCHEMA + "median") == median, node
        assert (one(store, node, CAREER["periodStart"]), one(store, node, CAREER["periodEnd"])) == (first, last)
        assert one(store, node, SCHEMA + "currency") == "EUR" and one(store, node, SCHEMA + "duration") == "P1M"
        assert one(store, node, CAREER["gross"]) == "false"
        assert one(store, node, CAREER["population"]) == CAREER["fullTimeEmployees"]
        checked += 1
    medians = {q.subject.value for q in store.quads_for_pattern(None, NamedNode(SCHEMA + "median"), None, None)}
    assert checked == len(medians) >= 20


def test_bands_equal_their_rows(store):
    for row in rows("salaires_3niv.csv"):
        if not family(row["Fap"]) or number(row["Pourcentage"]) is None:
            continue
        node = SALARY[f"{RELEASE}-{row['Fap']}-2017-2019"]
        band = f"{node}-{slug(row['Salaire'])}"
        assert band in values(store, node, CAREER["band"])
        assert decimal_of(store, band, CAREER["percentage"]) == number(row["Pourcentage"])
        assert decimal_of(store, band, CAREER["thousands"]) == number(row["Milliers"])
        assert one(store, band, SKOS + "prefLabel") == " ".join(row["Salaire"].split())
    band = SALARY[f"{RELEASE}-M2Z90-2017-2019-de-1250-a-moins-de-1500"]
    assert (one(store, band, SCHEMA + "minValue"), one(store, band, SCHEMA + "maxValue")) == ("1250", "1500")
    assert one(store, band, SKOS + "prefLabel") == "De 1250 € à moins de 1500 €"  # the euro sign of a cp1252 file


@pytest.mark.parametrize("code", SAMPLES)
def test_tensions_equal_their_rows_in_every_place(store, code):
    found = 0
    for row in rows("tensions/tensions.csv"):
        if row["fap"] != code or number(row["Tension"]) is None:
            continue
        node = TENSION[f"{RELEASE}-{code}-{row['Année']}-{place_of(row)}"]
        assert node in values(store, FAP[code], CAREER["tension"])
        assert decimal_of(store, node, SCHEMA + "value") == number(row["Tension"]), node
        assert one(store, node, CAREER["geography"]) == GEO[place_of(row)]
        assert decimal_of(store, node, CAREER["employment"]) == number(row["Emploi moyen"])
        for column, prop in {"Catégorie Tension": "tensionCategory", **COMPONENTS}.items():
            expected = number(row[column])
            assert values(store, node, CAREER[prop]) == ({str(int(expected))} if expected is not None else set())
        found += 1
    assert found > 100  # France, 17 regions, about 100 départements


def test_the_national_series_equals_its_rows(store):
    for row in rows("tensions/evol_tensions.csv"):
        node = TENSION[f"{RELEASE}-{row['fap']}-{row['Année']}-fr"]
        assert decimal_of(store, node, SCHEMA + "value") == number(row["Tension"]), node
        assert one(store, node, CAREER["geography"]) == GEO["fr"]


def test_employment_equals_its_column(store):
    for row in rows("effectifs_3niv.csv"):
        value = number(row["M2Z90"])
        node = EMPLOYMENT[f"{RELEASE}-M2Z90-{row['Annee']}"]
        if value is None:
            assert not values(store, node, CAREER["thousands"])
        else:
            assert decimal_of(store, node, CAREER["thousands"]) == value


def test_women_diplomas_sectors_employers_and_fields_equal_their_rows(store):
    for row in rows("part_femmes_3niv.csv"):
        if row["Fap3"] in SAMPLES:
            node = SHARE[f"{RELEASE}-{row['Fap3']}-women-{row['Annee']}"]
            assert decimal_of(store, node, CAREER["percentage"]) == number(row["Part"])
    for row in rows("dipl_restructure_3niv.csv"):
        if row["Fap"] in SAMPLES and number(row["Pourcentage"]) is not None:
            node = SHARE[f"{RELEASE}-{row['Fap']}-diploma-{slug(row['diplome'])}-{row['Annee']}"]
            assert decimal_of(store, node, CAREER["proportion"]) == number(row["Pourcentage"])
            assert one(store, one(store, node, CAREER["shareOf"]), SKOS + "prefLabel") == row["diplome"]
    for name, code, key, link in (("secteurs_employeurs_3niv.csv", "Secteur", "sector", "sectorShare"),
                                  ("specialite_diplome_3niv.csv", "Specialite", "field", "fieldShare")):
        for row in rows(name):
            if row["Fap"] in SAMPLES and number(row["Pourcentage"]) is not None:
                node = SHARE[f"{RELEASE}-{row['Fap']}-{key}-{row[code]}-2017-2019"]
                assert node in values(store, FAP[row["Fap"]], CAREER[link])
                assert decimal_of(store, node, CAREER["percentage"]) == number(row["Pourcentage"])
                assert decimal_of(store, node, CAREER["thousands"]) == number(row["Milliers"])
    for row in rows("categorie_employeur_3niv.csv"):
        if row["Fap"] in SAMPLES and number(row["Pourcentage"]) is not None:
            node = SHARE[f"{RELEASE}-{row['Fap']}-employer-{slug(row['type_employeur'])}-2017-2019"]
            assert decimal_of(store, node, CAREER["percentage"]) == number(row["Pourcentage"])
            assert one(store, node, CAREER["population"]) == CAREER["employees"]


def test_families_have_their_labels_and_parents_with_accents(store):
    label = "Ingénieurs et cadres d'étude, recherche et développement en informatique, chefs de projets informatiques"
    assert one(store, FAP["M2Z90"], SKOS + "prefLabel") == label
    assert one(store, FAP["M2Z90"], SKOS + "broader") == FAP["M2Z"]
    assert one(store, FAP["M2Z"], SKOS + "prefLabel") == "Ingénieurs de l'informatique"
    assert one(store, FAP["M2Z"], SKOS + "broader") == FAP["M"]
    assert one(store, FAP["M"], SKOS + "prefLabel") == "Informatique et télécommunications"
    assert not values(store, FAP["M"], SKOS + "broader")
    assert one(store, GEO["fr-region-84"], SKOS + "prefLabel") == "Auvergne-Rhône-Alpes"
    assert one(store, GEO[f"fr-region-{region('11.0')}"], SKOS + "prefLabel") == "Île-de-France"


def test_rows_that_are_no_family_give_nothing(store):
    for code in NOT_A_FAMILY:
        assert not list(store.quads_for_pattern(NamedNode(FAP[code]), None, None, None)), code


def test_pcs_codes_name_their_family(store):
    pcs = [r for r in rows("FAP_PCS.csv") if r["Fap"] == "M2Z90"]
    assert {r["PCS"] for r in pcs} == {"388a", "388c"}
    for r in pcs:
        assert values(store, PCS[r["PCS"]], SKOS + "broadMatch") == {FAP["M2Z90"]}
        assert one(store, PCS[r["PCS"]], SKOS + "prefLabel") == r["intitule_PCS"]
