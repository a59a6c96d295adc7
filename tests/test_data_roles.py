"""Data rules for the curated roles: ids, names and definitions in French and English."""

from __future__ import annotations

import re
from collections import defaultdict

from facts import CAREER, SCHEMA, curated_roles, graph_of, langs, normalize, report, union
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import ROLE

ROLES = curated_roles()

#: Ids that other files, tests and users already rely on.
FIXED_IDS = [
    "machine-learning-engineer", "data-scientist", "data-engineer", "data-analyst", "chief-data-officer",
    "digital-strategy-director", "it-engineer", "software-developer", "data-architect",
    "chief-information-officer",
]


def test_at_least_30_curated_roles():
    assert len(ROLES) >= 30, f"only {len(ROLES)} curated roles: {ROLES}"


def test_fixed_ids_kept():
    gone = [role for role in FIXED_IDS if role not in ROLES]
    assert not gone, report("ids other files and users rely on are gone", gone)


def test_role_ids_are_kebab_case():
    bad = [role for role in ROLES if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", role)]
    assert not bad, report("role ids that are not kebab-case slugs", bad)


def test_roles_have_one_english_and_one_french_name():
    bad = [f"role:{role} has {found}" for role in ROLES
           if (found := langs(graph_of("curated"), URIRef(ROLE[role]), SKOS.prefLabel)) != ["en", "fr"]]
    assert not bad, report("prefLabel languages must be exactly one en and one fr", bad)


def test_roles_have_an_english_and_a_french_definition():
    bad = [f"role:{role} has {found}" for role in ROLES
           if (found := langs(graph_of("curated"), URIRef(ROLE[role]), SKOS.definition)) != ["en", "fr"]]
    assert not bad, report("definition languages must be exactly one en and one fr", bad)


def test_role_names_carry_a_language():
    graph = graph_of("curated")
    bad = [f"role:{role} {predicate.n3(graph.namespace_manager)} {value!r}"
           for role in ROLES for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.definition)
           for value in graph.objects(URIRef(ROLE[role]), predicate)
           if not (isinstance(value, Literal) and value.language in ("en", "fr"))]
    assert not bad, report("names and definitions without an en/fr language tag", bad)


def test_no_two_roles_share_a_curated_name():
    """A name we curate resolves to one role (titles from releases may be shared: they list candidates)."""
    owners: dict[str, set[str]] = defaultdict(set)
    graph = graph_of("curated")
    for role in ROLES:
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(URIRef(ROLE[role]), predicate):
                owners[normalize(str(label))].add(role)
    clashes = [f"{label!r}: {', '.join(sorted(roles))}" for label, roles in sorted(owners.items()) if len(roles) > 1]
    assert not clashes, report("curated names naming several roles", clashes)


def test_no_two_roles_share_a_preferred_name_anywhere():
    owners: dict[str, set[str]] = defaultdict(set)
    graph = union()
    for role in ROLES:
        for label in graph.objects(URIRef(ROLE[role]), SKOS.prefLabel):
            owners[normalize(str(label))].add(role)
    clashes = [f"{label!r}: {', '.join(sorted(roles))}" for label, roles in sorted(owners.items()) if len(roles) > 1]
    assert not clashes, report("preferred names shared by several roles", clashes)


def test_roles_are_occupations():
    bad = [f"role:{role}" for role in ROLES if (URIRef(ROLE[role]), RDF.type, SCHEMA.Occupation)
           not in graph_of("curated")]
    assert not bad, report("roles not typed schema:Occupation", bad)


def test_roles_are_typed_only_in_curated():
    strays = sorted(f"{folder}: {s}" for folder in ("esco-1.1.1", "rome-4.0", "onet-29.0")
                    for s in graph_of(folder).subjects(RDF.type, CAREER.Role))
    assert not strays, report("roles typed outside source:curated", strays)
