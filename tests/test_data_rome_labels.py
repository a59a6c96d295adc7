"""Data rule for ontology/facts/curated/rome-labels-en.ttl: one English label for every ROME
sector, sub-sector and type of structure, and for nothing else.

The codes come from tests/data/rome/labels/, rows cut unchanged from ROME 4.0 v460.
"""

from __future__ import annotations

import csv
from pathlib import Path

from facts import report
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import FACTS_DIR

FIXTURE = Path(__file__).resolve().parent / "data" / "rome" / "labels"
LABELS = FACTS_DIR / "curated" / "rome-labels-en.ttl"
ROME = "https://w3id.org/datacareers/rome/"
STRUCTURES = "Types de structures"


def _rows(name: str) -> list[dict[str, str]]:
    with (FIXTURE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_iris() -> set[str]:
    """Every sector, sub-sector and structure type of the fixture, as the ROME importer mints it."""
    sectors = {r["code_sect_activite"] for r in _rows("unix_secteur_activite_v460_utf8.csv")}
    sectors |= {r["code_ss_sect_activite"] for r in _rows("unix_sous_secteur_activite_v460_utf8.csv")}
    structures = {r["code_ogr"] for r in _rows("unix_referentiel_contexte_travail_v460_utf8.csv")
                  if r["libelle_type_cont_trav"] == STRUCTURES}
    return {f"{ROME}secteur/{c}" for c in sectors} | {f"{ROME}structure/{c}" for c in structures}


def test_the_fixture_holds_sectors_and_structures():
    iris = expected_iris()
    assert any("/secteur/" in i for i in iris) and any("/structure/" in i for i in iris), sorted(iris)[:5]


def test_every_sector_and_structure_has_one_english_label():
    graph = Graph().parse(LABELS, format="turtle")
    bad = []
    for iri in sorted(expected_iris()):
        labels = [o for o in graph.objects(URIRef(iri), SKOS.prefLabel)]
        english = [o for o in labels if isinstance(o, Literal) and o.language == "en" and str(o).strip()]
        if len(english) != 1 or len(labels) != 1:
            bad.append(f"{iri}: {[f'{o}@{o.language}' for o in labels]}")
    assert not bad, report("each ROME sector and structure type needs exactly one @en label", bad)


def test_nothing_else_is_labelled():
    graph = Graph().parse(LABELS, format="turtle")
    stray = sorted(str(s) for s in set(graph.subjects()) if str(s) not in expected_iris())
    assert not stray, report("labels for codes the release does not have", stray)
