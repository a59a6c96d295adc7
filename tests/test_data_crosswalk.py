"""Data rules for the crosswalk: each curated role's matches in ESCO, ROME and O*NET."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from facts import (
    CAREER,
    MAPPING,
    SCHEMES,
    curated_roles,
    graph_of,
    langs,
    mappings,
    report,
    scheme_of,
    slug,
    union,
)
from rdflib import RDF, URIRef
from rdflib.namespace import DCTERMS, SKOS

from datacareers.constants import ROLE

ROLES = curated_roles()
MAPPINGS = mappings()
DOCS = Path(__file__).resolve().parent.parent / "docs" / "crosswalk.md"

#: Roles that no occupation of a classification fits, even closely (documented in docs/crosswalk.md).
NO_MATCH: set[tuple[str, str]] = set()


def test_mappings_name_one_curated_role():
    graph = graph_of("curated")
    bad = []
    for m in MAPPINGS:
        roles = list(graph.objects(m, CAREER.mappedRole))
        if len(roles) != 1 or not str(roles[0]).startswith(ROLE) or slug(roles[0]) not in ROLES:
            bad.append(f"{slug(m)}: mappedRole {[str(r) for r in roles]}")
    assert not bad, report("mappings must name exactly one curated role", bad)


def test_mappings_point_to_a_well_formed_concept():
    graph = graph_of("curated")
    bad = []
    for m in MAPPINGS:
        concepts = list(graph.objects(m, CAREER.mappedConcept))
        found = scheme_of(str(concepts[0])) if len(concepts) == 1 else None
        if not found:
            bad.append(f"{slug(m)}: mappedConcept {[str(c) for c in concepts]}")
        elif not SCHEMES[found[0]][1].match(found[1]):
            bad.append(f"{slug(m)}: {found[1]!r} is not a well-formed {found[0]} code")
    assert not bad, report("mappings must point to one ESCO occupation, ROME fiche, O*NET occupation or FAP 225 "
                           "family", bad)


def test_mapping_iris_name_role_scheme_and_code():
    graph = graph_of("curated")
    bad = []
    for m in MAPPINGS:
        role, concept = graph.value(m, CAREER.mappedRole), graph.value(m, CAREER.mappedConcept)
        found = scheme_of(str(concept))
        if found and str(m) != f"{MAPPING}{slug(role)}-{found[0]}-{found[1]}":
            bad.append(f"{m} should be {MAPPING}{slug(role)}-{found[0]}-{found[1]}")
    assert not bad, report("mapping IRIs", bad)


def test_mappings_give_a_reason_in_english_and_french():
    bad = [f"{slug(m)}: {found}" for m in MAPPINGS
           if (found := langs(graph_of("curated"), m, CAREER.reason)) != ["en", "fr"]]
    assert not bad, report("mapping reasons must be one en and one fr", bad)


def test_mapping_kinds_agree_with_the_skos_links():
    graph = graph_of("curated")
    bad = []
    for m in MAPPINGS:
        role, concept, kind = (graph.value(m, p) for p in (CAREER.mappedRole, CAREER.mappedConcept, CAREER.matchKind))
        if kind not in (SKOS.exactMatch, SKOS.closeMatch):
            bad.append(f"{slug(m)}: matchKind {kind} is not exact/close")
            continue
        other = SKOS.closeMatch if kind == SKOS.exactMatch else SKOS.exactMatch
        if (role, kind, concept) not in graph:
            bad.append(f"{slug(m)}: role:{slug(role)} lacks {kind} {concept}")
        if (role, other, concept) in graph:
            bad.append(f"{slug(m)}: role:{slug(role)} is both exact and close to {concept}")
    assert not bad, report("career:matchKind must match the role's skos link", bad)


def test_mappings_cite_a_described_source():
    graph = graph_of("curated")
    bad = []
    for m in MAPPINGS:
        sources = list(graph.objects(m, DCTERMS.source))
        if not sources:
            bad.append(f"{slug(m)}: no dcterms:source")
        bad += [f"{slug(m)}: {s} is not a described source" for s in sources
                if (s, RDF.type, CAREER.Source) not in graph]
    assert not bad, report("mapping sources", bad)


def test_every_skos_match_has_a_mapping_node():
    graph = graph_of("curated")
    bad = []
    for role in ROLES:
        subject = URIRef(ROLE[role])
        described = {(graph.value(m, CAREER.mappedConcept), graph.value(m, CAREER.matchKind))
                     for m in graph.subjects(CAREER.mappedRole, subject)}
        bad += [f"role:{role} {kind.split('#')[-1]} {concept}" for kind in (SKOS.exactMatch, SKOS.closeMatch)
                for concept in graph.objects(subject, kind) if (concept, kind) not in described]
    assert not bad, report("skos matches without a career:Mapping (no reason given)", bad)


def test_roles_match_each_classification():
    graph = graph_of("curated")
    bad = []
    for role in ROLES:
        schemes = {scheme_of(str(graph.value(m, CAREER.mappedConcept)))[0]
                   for m in graph.subjects(CAREER.mappedRole, URIRef(ROLE[role]))}
        for scheme in SCHEMES:
            if (role, scheme) in NO_MATCH and scheme in schemes:
                bad.append(f"role:{role} now matches {scheme}: drop it from NO_MATCH")
            elif (role, scheme) not in NO_MATCH and scheme not in schemes:
                bad.append(f"role:{role} has no {scheme} match")
    assert not bad, report("every role matches ESCO, ROME, O*NET and a FAP family (or is documented as matching none)",
                           bad)


def test_code_literals_equal_the_mapped_codes():
    graph = graph_of("curated")
    bad = []
    for role in ROLES:
        subject = URIRef(ROLE[role])
        mapped = defaultdict(set)
        for m in graph.subjects(CAREER.mappedRole, subject):
            scheme, code = scheme_of(str(graph.value(m, CAREER.mappedConcept)))
            mapped[scheme].add(code)
        for scheme, predicate in (("rome", CAREER.romeCode), ("onet", CAREER.onetCode), ("fap", CAREER.fapCode)):
            if {str(c) for c in graph.objects(subject, predicate)} != mapped[scheme]:
                bad.append(f"role:{role} {predicate.split('#')[-1]} differs from its {scheme} mappings "
                           f"{sorted(mapped[scheme])}")
    assert not bad, report("code literals", bad)


def test_no_concept_is_matched_exactly_by_two_roles():
    graph = graph_of("curated")
    exact = defaultdict(set)
    for m in MAPPINGS:
        if graph.value(m, CAREER.matchKind) == SKOS.exactMatch:
            exact[str(graph.value(m, CAREER.mappedConcept))].add(slug(graph.value(m, CAREER.mappedRole)))
    shared = [f"{c}: {', '.join(sorted(r))}" for c, r in sorted(exact.items()) if len(r) > 1]
    assert not shared, report("concepts matched exactly by several roles (a code names one job)", shared)


def test_classification_concepts_are_not_typed_as_roles():
    typed = sorted(str(s) for s in union().subjects(RDF.type, CAREER.Role) if scheme_of(str(s)))
    assert not typed, report("official concepts typed career:Role in the shipped graph (only imports do that)", typed)


def test_docs_list_every_curated_role():
    text = DOCS.read_text(encoding="utf-8")
    missing = [role for role in ROLES if f"`{role}`" not in text]
    assert not missing, report("roles missing from docs/crosswalk.md", missing)


def borrowed_skill_sets() -> dict[str, set[str]]:
    """role -> the roles whose exact ESCO match it takes its skills from: a role with no ESCO
    1.1.1 exact match reads its skills through its close ESCO matches, and shares them with
    any role that matches one of those concepts exactly."""
    graph = graph_of("curated")
    exact_of: dict[str, set[str]] = defaultdict(set)
    close_of: dict[str, set[str]] = defaultdict(set)
    own: set[str] = set()
    for m in MAPPINGS:
        concept, role = str(graph.value(m, CAREER.mappedConcept)), slug(graph.value(m, CAREER.mappedRole))
        if scheme_of(concept)[0] != "esco":
            continue
        if graph.value(m, CAREER.matchKind) == SKOS.exactMatch:
            exact_of[concept].add(role)
            if graph.value(m, DCTERMS.source) == URIRef("https://w3id.org/datacareers/source/esco-1.1.1"):
                own.add(role)
        else:
            close_of[role].add(concept)
    return {role: {lender for c in concepts for lender in exact_of[c]}
            for role, concepts in close_of.items() if role not in own and any(exact_of[c] for c in concepts)}


def test_docs_list_every_borrowed_skill_set():
    section = DOCS.read_text(encoding="utf-8").split("## Borrowed skill sets", 1)[-1].split("\n## ", 1)[0]
    listed = {line.split("|")[1].strip().strip("`") for line in section.splitlines() if line.startswith("| `")}
    bad = [f"role:{role} borrows the skills of {sorted(lenders)}: not in the table" for role, lenders
           in sorted(borrowed_skill_sets().items())
           if role not in listed or any(f"`{lender}`" not in section.split(f"| `{role}` |", 1)[-1].split("\n")[0]
                                        for lender in lenders)]
    bad += [f"role:{role} is listed but borrows nothing" for role in sorted(listed - set(borrowed_skill_sets()))]
    assert not bad, report("docs/crosswalk.md 'Borrowed skill sets' must list each borrowing", bad)
