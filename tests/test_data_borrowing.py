"""Data rules for what a role borrows through a close match (docs/crosswalk.md, "What a close
match may lend"; the rule is scripts/projection/borrowing.py): every fact of a release graph
came through a mapping that may lend its facet, every figure says whose it is (the SOC code,
its title, a residual group marked), and the borrowed facts the issue found absurd are gone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from facts import CAREER, curated_roles, graph_of, report, slug
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import ROLE

ROOT = Path(__file__).resolve().parent.parent
SOC = "https://w3id.org/datacareers/soc/"
_spec = importlib.util.spec_from_file_location("borrowing", ROOT / "scripts" / "projection" / "borrowing.py")
borrowing = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(borrowing)

#: Shipped graph -> (release family, {predicate: facet}) as scripts/projection/project.py reads them.
FACETS = {
    "esco-1.1.1": ("esco", {CAREER.essentialSkill: "skills", CAREER.optionalSkill: "skills"}),
    "rome-4.0": ("rome", {CAREER.essentialSkill: "skills", CAREER.inSector: "sectors", CAREER.employedBy: "employers",
                          CAREER.task: "tasks", CAREER.education: "education", SKOS.altLabel: "titles"}),
    "onet-29.0": ("onet", {CAREER.requiresSkill: "tools", CAREER.task: "tasks", CAREER.education: "education",
                           SKOS.altLabel: "titles"}),
    "bls-oews-2024": ("bls", {CAREER.salary: "pay"}),
    "bls-ep-2024-34": ("bls", {CAREER.outlook: "outlook", CAREER.education: "education"}),
}
SCOPES = {URIRef(iri): name for iri, name in borrowing.SCOPES.items()}


def crosswalk():
    return graph_of("curated")


def match_of(mapping) -> str:
    graph = crosswalk()
    if graph.value(mapping, CAREER.matchKind) == SKOS.exactMatch:
        return "exact"
    return SCOPES.get(graph.value(mapping, CAREER.conceptScope), "?")


def code_of(mapping) -> str:
    return str(crosswalk().value(mapping, CAREER.mappedConcept)).rsplit("/", 1)[-1]


def test_every_close_match_has_a_scope():
    graph = crosswalk()
    bad = [str(m) for m in graph.subjects(CAREER.matchKind, SKOS.closeMatch) if match_of(m) not in borrowing.MATCHES]
    assert not bad, report("close matches without a career:conceptScope", bad)


def lends(folder: str, facet: str, mapping) -> bool:
    family, _ = FACETS[folder]
    if family == "bls":
        soc = URIRef(SOC + code_of(mapping)[:7])
        residual = (soc, CAREER.residualGroup, Literal(True)) in graph_of(folder)
        return borrowing.lends_figures(match_of(mapping), code_of(mapping), residual)
    return borrowing.lends(facet, match_of(mapping), family)


@pytest.mark.parametrize("folder", sorted(FACETS))
def test_every_fact_came_through_a_match_that_may_lend_it(folder):
    graph, (_family, predicates) = graph_of(folder), FACETS[folder]
    bad = []
    for predicate, facet in predicates.items():
        for role in sorted({s for s in graph.subjects(predicate, None) if str(s).startswith(ROLE)}):
            via = list(graph.objects(role, CAREER.viaMapping))
            if not any(lends(folder, facet, m) for m in via):
                through = ", ".join(f"{code_of(m)} ({match_of(m)})" for m in via)
                bad.append(f"role:{slug(role)} {facet} through {through}")
    assert not bad, report(f"{folder}: facts borrowed through a match that may not lend them", bad)


@pytest.mark.parametrize("folder", ["bls-oews-2024", "bls-ep-2024-34"])
def test_every_figure_says_whose_it_is(folder):
    """Each wage distribution, outlook and entry education is held by its SOC code, which has
    its title; a code ending in 9 is marked as a residual "All Other" group."""
    graph, bad = graph_of(folder), []
    for predicate in (CAREER.salary, CAREER.outlook, CAREER.education):
        for role, figure in graph.subject_objects(predicate):
            if not str(role).startswith(ROLE):
                continue
            holders = [s for s in graph.subjects(predicate, figure) if str(s).startswith(SOC)]
            if len(holders) != 1 or graph.value(holders[0], SKOS.prefLabel) is None:
                bad.append(f"{figure}: held by {holders or 'no SOC code'}")
                continue
            code, title = str(holders[0])[len(SOC):], str(graph.value(holders[0], SKOS.prefLabel))
            residual = (holders[0], CAREER.residualGroup, Literal(True)) in graph
            if code.endswith("9") != residual or residual != title.casefold().endswith("all other"):
                bad.append(f"SOC {code} {title}: residual flag {residual}")
    assert not bad, report("figures that do not say whose they are", sorted(set(bad)))


def test_a_role_without_pay_is_one_the_rule_refuses():
    """Pay is left out only where the rule says so: every O*NET mapping the role would be
    read through may not lend a SOC code's figures."""
    graph, bad = graph_of("bls-oews-2024"), []
    paid = {slug(s) for s in graph.subjects(CAREER.salary, None) if str(s).startswith(ROLE)}
    for name in sorted(set(curated_roles()) - paid):
        mappings = [m for m in crosswalk().subjects(CAREER.mappedRole, URIRef(ROLE + name))
                    if str(crosswalk().value(m, CAREER.mappedConcept)).startswith("https://w3id.org/datacareers/onet/")]
        exact = [m for m in mappings if match_of(m) == "exact"]
        if any(lends("bls-oews-2024", "pay", m) for m in exact or mappings):
            bad.append(name)
    assert not bad, report("roles without pay although a match may lend it", bad)


def test_the_absurd_borrowings_are_gone():
    """The borrowed facts issue 21 found absurd, each named."""
    onet, rome, esco = graph_of("onet-29.0"), graph_of("rome-4.0"), graph_of("esco-1.1.1")
    bad = []
    ml = URIRef(ROLE + "machine-learning-engineer")
    if list(onet.objects(ml, CAREER.task)):
        bad.append("the ML engineer has O*NET tasks of Data Scientists (opinion polls)")
    dsd = URIRef(ROLE + "digital-strategy-director")
    if list(onet.objects(dsd, CAREER.task)) or list(graph_of("bls-oews-2024").objects(dsd, CAREER.salary)):
        bad.append("the digital strategy director has Chief Executives' tasks or pay")
    dpo = URIRef(ROLE + "data-protection-officer")
    if any(str(w).endswith("-11-9199") for w in graph_of("bls-oews-2024").objects(dpo, CAREER.salary)):
        bad.append("the data protection officer reads 'Managers, All Other' pay")
    bi = URIRef(ROLE + "business-intelligence-analyst")
    labels = {str(label) for skill in esco.objects(bi, CAREER.requiresSkill)
              for label in esco.objects(skill, SKOS.prefLabel)}
    if any("tax policy" in label for label in labels):
        bad.append("the BI analyst borrows a BI manager's 'advise on tax policy'")
    for move in rome.subjects(RDF.type, CAREER.Transition):
        if str(rome.value(move, CAREER.toConcept)).endswith("/M1808"):
            bad.append(f"{move}: a move to ROME's cartographe shown as a move to GIS specialist")
    assert not bad, report("absurd borrowings", bad)


def test_residual_and_breakout_figures_are_marked_in_the_graph():
    """GIS specialist's pay is O*NET 15-1299.02's parent, Computer Occupations, All Other: a
    residual group, which the graph says."""
    graph = graph_of("bls-oews-2024")
    (wage,) = graph.objects(URIRef(ROLE + "gis-specialist"), CAREER.salary)
    (soc,) = [s for s in graph.subjects(CAREER.salary, wage) if str(s).startswith(SOC)]
    assert str(soc).endswith("/15-1299")
    assert (soc, CAREER.residualGroup, Literal(True)) in graph
    assert str(graph.value(soc, SKOS.prefLabel)) == "Computer Occupations, All Other"
