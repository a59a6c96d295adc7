"""Data rules for the reporting lines and collaborations curated by reading (no sentence, no line).

ontology/facts/rome-4.0/reporting-lines.ttl and ontology/facts/onet-29.0/reporting-lines.ttl
quote ROME definitions and O*NET task statements; tests/data/{rome,onet}/statements/ hold the
quoted rows, cut unchanged from the releases.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from facts import CAREER, MAPPING, graph_of, report, scheme_of, slug
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import STATEMENT

DATA = Path(__file__).resolve().parent / "data"
ROME_ROWS = DATA / "rome" / "statements" / "unix_texte_v460_utf8.csv"
ONET_ROWS = DATA / "onet" / "statements" / "Task Statements.txt"
#: Folder (named graph) -> the scheme of its codes.
FOLDERS = {"rome-4.0": "rome", "onet-29.0": "onet"}
RELATIONS = (CAREER.managedBy, CAREER.worksWith)


def rome_sentences() -> dict[tuple[str, int], str]:
    """(fiche, position) -> the definition sentence, decoded (the export doubles apostrophes)."""
    with ROME_ROWS.open(encoding="utf-8", newline="") as handle:
        return {(row["code_rome"], int(row["position_phrase"])): row["libelle_texte"].replace("''", "'")
                for row in csv.DictReader(handle) if row["libelle_type_texte"] == "definition"}


def onet_sentences() -> dict[tuple[str, int], str]:
    """(O*NET-SOC code, Task ID) -> the task statement."""
    with ONET_ROWS.open(encoding="utf-8", newline="") as handle:
        return {(row["O*NET-SOC Code"], int(row["Task ID"])): row["Task"]
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}


SENTENCES = {"rome-4.0": rome_sentences, "onet-29.0": onet_sentences}


def statements(folder: str) -> list[URIRef]:
    return sorted(graph_of(folder).subjects(RDF.type, CAREER.Statement))


def test_there_are_statements_to_check():
    counts = {folder: len(statements(folder)) for folder in FOLDERS}
    assert all(counts.values()), f"no career:Statement in {counts}"


def test_statement_iris_name_source_code_position_and_relation():
    bad = []
    for folder, scheme in FOLDERS.items():
        graph = graph_of(folder)
        for s in statements(folder):
            subject, relation, obj = (graph.value(s, p) for p in (CAREER.subjectRole, CAREER.relation,
                                                                     CAREER.objectRole))
            expected = (f"{STATEMENT}{scheme}-{graph.value(s, SKOS.notation)}-{graph.value(s, CAREER.position)}-"
                        f"{slug(subject)}-{str(relation).split('#')[-1]}-{slug(obj)}")
            if str(s) != expected:
                bad.append(f"{s} should be {expected}")
    assert not bad, report("statement IRIs", bad)


def test_every_quote_is_its_row_word_for_word():
    bad = []
    for folder in FOLDERS:
        graph, rows = graph_of(folder), SENTENCES[folder]()
        for s in statements(folder):
            key = (str(graph.value(s, SKOS.notation)), int(graph.value(s, CAREER.position)))
            quotes = [str(q) for q in graph.objects(s, CAREER.quote)]
            if key not in rows:
                bad.append(f"{slug(s)}: no row {key} in the fixture")
            elif quotes != [rows[key]]:
                bad.append(f"{slug(s)}: quote {quotes} is not the row's {rows[key]!r}")
    assert not bad, report("quotes must equal the source sentence (decoded)", bad)


def test_quotes_are_in_the_source_language():
    wanted = {"rome-4.0": "fr", "onet-29.0": "en"}
    bad = [f"{slug(s)}: {q.language!r}" for folder in FOLDERS for s in statements(folder)
           for q in graph_of(folder).objects(s, CAREER.quote) if q.language != wanted[folder]]
    assert not bad, report("quote languages", bad)


def test_every_statement_has_its_triple_and_every_triple_its_statement():
    bad = []
    for folder in FOLDERS:
        graph = graph_of(folder)
        stated = set()
        for s in statements(folder):
            triple = tuple(graph.value(s, p) for p in (CAREER.subjectRole, CAREER.relation, CAREER.objectRole))
            stated.add(triple)
            if triple not in graph:
                bad.append(f"{folder}: {slug(s)} states {[slug(t) for t in triple]} but the triple is missing")
        for relation in RELATIONS:
            bad += [f"{folder}: role:{slug(a)} {relation.split('#')[-1]} role:{slug(b)} has no statement"
                    for a, b in graph.subject_objects(relation) if (a, relation, b) not in stated]
    assert not bad, report("no sentence, no reporting line (and no statement without its line)", bad)


def test_each_code_is_read_through_a_crosswalk_mapping():
    """The role the sentence speaks for is matched to its fiche / occupation, and the file names that mapping."""
    bad = []
    crosswalk = graph_of("curated")
    for folder, scheme in FOLDERS.items():
        graph = graph_of(folder)
        for s in statements(folder):
            code = str(graph.value(s, SKOS.notation))
            roles = [graph.value(s, CAREER.subjectRole), graph.value(s, CAREER.objectRole)]
            via = [m for r in roles for m in graph.objects(r, CAREER.viaMapping)
                   if scheme_of(str(crosswalk.value(m, CAREER.mappedConcept))) == (scheme, code)]
            if not via:
                bad.append(f"{slug(s)}: neither role has a career:viaMapping to a {scheme} {code} mapping")
            bad += [f"{slug(s)}: {m} is not a crosswalk mapping" for m in via
                    if not str(m).startswith(MAPPING) or (m, RDF.type, CAREER.Mapping) not in crosswalk]
    assert not bad, report("statements must be read through the crosswalk", bad)


def _release() -> Path | None:
    folder = os.environ.get("DATACAREERS_DATASETS")
    return Path(folder) if folder and Path(folder).is_dir() else None


@pytest.mark.skipif(_release() is None, reason="set DATACAREERS_DATASETS to check the fixture against the releases")
def test_fixture_rows_are_cut_unchanged_from_the_releases():
    bad = []
    for fixture, release in ((ROME_ROWS, "rome/v460/unix_texte_v460_utf8.csv"),
                             (ONET_ROWS, "onet/db_29_0_text/Task Statements.txt")):
        lines = set((_release() / release).read_text(encoding="utf-8").splitlines())
        bad += [f"{fixture.name}: {line[:60]!r}" for line in fixture.read_text(encoding="utf-8").splitlines()
                if line not in lines]
    assert not bad, report("fixture lines must be the release's own lines", bad)
