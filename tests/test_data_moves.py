"""Data rules for the moves between roles that the classifications state."""

from __future__ import annotations

import re
from collections import defaultdict

from facts import CAREER, curated_roles, graph_of, mappings, report, scheme_of, slug
from rdflib import RDF

from datacareers.constants import TRANSITION

ROLES = curated_roles()
MOVE_SOURCES = ["rome-4.0", "onet-29.0", "onet-25-career-changers"]
ONET_TIERS = {"Primary-Short", "Primary-Long", "Supplemental"}
_CODE = r"([A-N][0-9]{4}|[0-9]{2}-[0-9]{4}\.[0-9]{2})"


def transitions(folder: str):
    return sorted(graph_of(folder).subjects(RDF.type, CAREER.Transition))


def role_codes(scheme: str) -> dict[str, set[str]]:
    graph = graph_of("curated")
    codes = defaultdict(set)
    for m in mappings():
        found = scheme_of(str(graph.value(m, CAREER.mappedConcept)))
        if found and found[0] == scheme:
            codes[slug(graph.value(m, CAREER.mappedRole))].add(found[1])
    return codes


def test_each_move_source_ships_moves():
    empty = [folder for folder in MOVE_SOURCES if not transitions(folder)]
    assert not empty, report("move sources without a career:Transition", empty)


#: The ROME fiches shipped as starting points (scripts/generate_entries.py): their moves are
#: checked by tests/test_entries.py, not as moves between curated roles.
FICHE = "https://w3id.org/datacareers/rome/"


def _transition_problems(folder: str) -> list[str]:
    graph = graph_of(folder)
    codes = role_codes("rome" if folder.startswith("rome") else "onet")
    bad = []
    for t in transitions(folder):
        name = f"{folder}/{slug(t)}"
        froms, tos = list(graph.objects(t, CAREER.fromRole)), list(graph.objects(t, CAREER.toRole))
        if len(froms) != 1 or len(tos) != 1:
            bad.append(f"{name}: needs one fromRole and one toRole")
            continue
        if str(froms[0]).startswith(FICHE):
            continue
        a, b = slug(froms[0]), slug(tos[0])
        if a not in ROLES or b not in ROLES or a == b:
            bad.append(f"{name}: {a} -> {b} is not between two different curated roles")
        ranks = list(graph.objects(t, CAREER.rank))
        if not (len(ranks) == 1 and isinstance(ranks[0].toPython(), int) and ranks[0].toPython() >= 1):
            bad.append(f"{name}: rank {[str(r) for r in ranks]} is not one integer >= 1")
        move = CAREER.canBecome if folder.startswith("rome") else CAREER.relatedMove  # a similarity list is no move
        if (froms[0], move, tos[0]) not in graph:
            bad.append(f"{name}: no matching career:{move.split('#')[-1]} triple")
        match = re.fullmatch(rf"{re.escape(TRANSITION)}{re.escape(folder)}(?:-crosswalk)?-(.+)-{_CODE}", str(t))
        if not match:
            bad.append(f"{name}: IRI does not follow transition/{folder}-<FROM>-<TO>")
        elif match.group(1) not in codes[a] or match.group(2) not in codes[b]:
            bad.append(f"{name}: codes {match.group(1)} -> {match.group(2)} are not those mapped to {a} -> {b}")
    return bad


def test_transitions_connect_two_curated_roles_with_a_rank():
    bad = [line for folder in MOVE_SOURCES for line in _transition_problems(folder)]
    assert not bad, report("career:Transition nodes", bad)


def test_every_move_has_its_transition_node():
    bad = []
    for folder in MOVE_SOURCES:
        graph = graph_of(folder)
        qualified = {(graph.value(t, CAREER.fromRole), graph.value(t, CAREER.toRole)) for t in transitions(folder)}
        moves = [*graph.subject_objects(CAREER.canBecome), *graph.subject_objects(CAREER.relatedMove)]
        bad += [f"{folder}: {slug(a)} -> {slug(b)}" for a, b in moves if (a, b) not in qualified]
    assert not bad, report("career:canBecome without a career:Transition (no rank)", bad)


def test_onet_related_moves_have_a_relatedness_tier():
    graph = graph_of("onet-29.0")
    bad = [f"{slug(t)}: {tiers}" for t in transitions("onet-29.0")
           if not ((tiers := [str(o) for o in graph.objects(t, CAREER.relatednessTier)])
                   and len(tiers) == 1 and tiers[0] in ONET_TIERS)]
    assert not bad, report(f"relatedness tiers must be one of {sorted(ONET_TIERS)}", bad)
