"""Data rules: one release label, one IRI. Two different things a release names ("C" and
"C++") must never meet in one node, or one of them vanishes and the other takes its flags."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from facts import CAREER, folders, graph_of, report
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import ROLE

CUT = Path(__file__).parent / "data" / "onet-identity" / "Technology Skills.txt"
#: The curated roles that match these O*NET occupations exactly (their tools are read directly).
EXACT = {"15-2051.00": "data-scientist", "15-2041.00": "statistician"}
#: What names a node: a preferred label, or a task's sentence.
NAMING = (SKOS.prefLabel, CAREER.text)


def test_no_two_labels_of_a_release_share_an_iri():
    """Every node (skill, tool, task, sector, occupation...) has at most one name per language
    and property across all shipped graphs: a second one means two release labels were minted
    into one IRI. Two releases may write one name in different letter case (BLS OEWS
    "Computer Occupations, All Other", BLS EP "Computer occupations, all other")."""
    names: dict[tuple[str, str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for folder in folders():
        for predicate in NAMING:
            for node, label in graph_of(folder).subject_objects(predicate):
                if isinstance(node, URIRef) and isinstance(label, Literal):
                    names[(str(node), str(predicate).rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                           label.language or "")][str(label).casefold()].add(folder)
    bad = [f"<{node}> {prop}@{lang or '-'}: " + "; ".join(f"{label!r} in {', '.join(sorted(where))}"
                                                         for label, where in sorted(labels.items()))
           for (node, prop, lang), labels in sorted(names.items()) if len(labels) > 1]
    assert not bad, report("nodes named twice in one language (labels minted into one IRI)", bad)


def _rows() -> list[dict[str, str]]:
    with CUT.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _tools(role: str) -> dict[str, dict[str, bool]]:
    """Label -> flags of the technologies *role* has in the shipped O*NET graph."""
    graph, node = graph_of("onet-29.0"), URIRef(ROLE[role])
    out = {}
    for tech in graph.objects(node, CAREER.requiresSkill):
        for label in graph.objects(tech, SKOS.prefLabel):
            out[str(label)] = {"hot": (node, CAREER.hotTechnology, tech) in graph,
                               "in_demand": (node, CAREER.inDemandTechnology, tech) in graph}
    return out


def test_c_cplusplus_and_csharp_are_three_technologies_with_their_own_flags():
    """The rows of Technology Skills.txt for C, C# and C++ (cut unchanged from O*NET 29.0),
    each found on the role that matches the occupation exactly, with its own flags; and no
    technology a role's occupation does not list."""
    bad = []
    listed: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        role, label = EXACT[row["O*NET-SOC Code"]], row["Example"]
        listed[role].add(label)
        found = _tools(role).get(label)
        want = {"hot": row["Hot Technology"] == "Y", "in_demand": row["In Demand"] == "Y"}
        if found is None:
            bad.append(f"role:{role}: no technology {label!r}")
        elif found != want:
            bad.append(f"role:{role}: {label!r} has flags {found}, the release says {want}")
    for role, labels in listed.items():
        strays = {"C", "C#", "C++"} & set(_tools(role)) - labels
        bad += [f"role:{role}: {label!r}, which O*NET does not list for it" for label in sorted(strays)]
    assert not bad, report("technologies against their release rows", bad)
