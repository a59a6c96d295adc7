"""Data rules for the skills each role needs (generated from ESCO)."""

from __future__ import annotations

from facts import CAREER, ESCO_SKILL, curated_roles, graph_of, langs, report, slug
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from datacareers.constants import ROLE

ROLES = curated_roles()


def esco_skills() -> list[str]:
    graph = graph_of("esco-1.1.1")
    return sorted({str(o) for o in graph.objects(None, CAREER.requiresSkill)}
                  | {str(s) for s in graph.subjects(RDF.type, CAREER.Skill)})


def test_every_curated_role_has_esco_essential_skills():
    graph = graph_of("esco-1.1.1")
    bad = [f"role:{role}" for role in ROLES if not list(graph.objects(URIRef(ROLE[role]), CAREER.essentialSkill))]
    assert not bad, report("roles without an ESCO essential skill", bad)


def test_esco_skills_link_only_curated_roles():
    graph = graph_of("esco-1.1.1")
    strangers = sorted({str(s) for s in graph.subjects(CAREER.requiresSkill, None)
                        if not str(s).startswith(ROLE) or slug(s) not in ROLES})
    assert not strangers, report("ESCO skills linked from subjects that are not curated roles", strangers)


def test_skills_are_esco_uris_with_a_label_and_a_kind():
    graph = graph_of("esco-1.1.1")
    bad = []
    for skill in esco_skills():
        node = URIRef(skill)
        if not skill.startswith(ESCO_SKILL):
            bad.append(f"{skill}: not an ESCO skill URI (ESCO skills are never re-minted)")
        if (node, RDF.type, CAREER.Skill) not in graph:
            bad.append(f"{skill}: not typed career:Skill")
        names = langs(graph, node, SKOS.prefLabel)  # English from skills_en.csv, French from the collections
        if "en" not in names or not set(names) <= {"en", "fr"} or len(names) != len(set(names)):
            bad.append(f"{skill}: needs one English prefLabel (and at most one French one), not {names}")
        kinds = list(graph.objects(node, CAREER.skillKind))
        if not (len(kinds) == 1 and kinds[0] in (CAREER.hard, CAREER.soft, CAREER.knowledge)):
            bad.append(f"{skill}: skillKind {[str(k) for k in kinds]} is not one of hard / soft / knowledge")
    assert not bad, report("ESCO skills", bad)


def test_essential_and_optional_skills_are_the_required_skills():
    graph = graph_of("esco-1.1.1")
    bad = []
    for role in ROLES:
        subject = URIRef(ROLE[role])
        essential = set(graph.objects(subject, CAREER.essentialSkill))
        optional = set(graph.objects(subject, CAREER.optionalSkill))
        required = set(graph.objects(subject, CAREER.requiresSkill))
        if essential & optional:
            bad.append(f"role:{role}: both essential and optional: {sorted(map(slug, essential & optional))}")
        if essential | optional != required:
            bad.append(f"role:{role}: requiresSkill is not essential + optional "
                       f"(diff {sorted(map(slug, required ^ (essential | optional)))})")
    assert not bad, report("essential / optional / required skills", bad)
