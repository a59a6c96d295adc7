"""The shipped data, tested like code: one rule per test, each failure naming the entry.

In the style of bioregistry's ``tests/test_data.py``. These tests read only the repo's
own files (``ontology/``, ``docs/``); the one test that regenerates the facts from the
releases skips when the release folder is not there.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from datacareers.constants import FACTS_DIR, ROLE, SOURCE, TRANSITION

CAREER = Namespace("https://w3id.org/datacareers/ontology#")
SCHEMA = Namespace("https://schema.org/")
REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "generate_facts.py"
DOCS = REPO / "docs" / "crosswalk.md"

ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
ROME_CONCEPT = "https://w3id.org/datacareers/rome/"
ONET_CONCEPT = "https://w3id.org/datacareers/onet/"
MAPPING = "https://w3id.org/datacareers/mapping/"

#: Concept IRI prefix and code pattern of each classification.
SCHEMES = {
    "esco": (ESCO_OCCUPATION, re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")),
    "rome": (ROME_CONCEPT, re.compile(r"^[A-N][0-9]{4}$")),
    "onet": (ONET_CONCEPT, re.compile(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$")),
}

#: Files scripts/generate_facts.py writes, with the source whose attribution they carry.
GENERATED = {
    "esco-1.1.1/skills.ttl": "esco-1.1.1",
    "rome-4.0/transitions.ttl": "rome-4.0",
    "onet-29.0/transitions.ttl": "onet-29.0",
    "onet-25-career-changers/transitions.ttl": "onet-25-career-changers",
}
MOVE_SOURCES = ["rome-4.0", "onet-29.0", "onet-25-career-changers"]
ONET_TIERS = {"Primary-Short", "Primary-Long", "Supplemental"}

#: Ids that other files, tests and users already rely on.
FIXED_IDS = [
    "machine-learning-engineer", "data-scientist", "data-engineer", "data-analyst", "chief-data-officer",
    "digital-strategy-director", "it-engineer", "software-developer", "data-architect",
    "chief-information-officer",
]

#: Roles that no occupation of a classification fits, even closely (documented in docs/crosswalk.md).
NO_MATCH = {("data-quality-specialist", "onet")}


# ----------------------------------------------------------------- loading


@cache
def graph_of(folder: str) -> Graph:
    """Every Turtle file of ``ontology/facts/<folder>/``, i.e. named graph source:<folder>."""
    graph = Graph()
    for path in sorted((FACTS_DIR / folder).glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def union() -> Graph:
    graph = Graph()
    for folder in sorted(p.name for p in FACTS_DIR.iterdir() if p.is_dir()):
        for triple in graph_of(folder):
            graph.add(triple)
    return graph


def curated_roles() -> list[str]:
    """Slugs of the roles typed career:Role under role: in source:curated, sorted."""
    return sorted(str(s)[len(ROLE):] for s in graph_of("curated").subjects(RDF.type, CAREER.Role)
                  if str(s).startswith(ROLE))


def mappings() -> list[URIRef]:
    return sorted(graph_of("curated").subjects(RDF.type, CAREER.Mapping))


def scheme_of(concept: str) -> tuple[str, str] | None:
    """(scheme, code) of a concept IRI, or None if it is of no known classification."""
    for scheme, (prefix, _) in SCHEMES.items():
        if concept.startswith(prefix):
            return scheme, concept[len(prefix):]
    return None


def slug(iri) -> str:
    return str(iri).rsplit("/", 1)[-1]


def normalize(label: str) -> str:
    """Case, accents, punctuation and spacing folded away.

    >>> normalize("Ingénieure  Data-Science")
    'ingenieure data science'
    """
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


ROLES = curated_roles()
MAPPINGS = mappings()


def langs(graph: Graph, subject, predicate) -> list[str]:
    return sorted(o.language or "" for o in graph.objects(subject, predicate) if isinstance(o, Literal))


# ----------------------------------------------------------------- roles


def test_at_least_30_curated_roles():
    assert len(ROLES) >= 30, f"only {len(ROLES)} curated roles: {ROLES}"


@pytest.mark.parametrize("role", FIXED_IDS)
def test_fixed_ids_kept(role):
    assert role in ROLES, f"role:{role} is gone; other files and users rely on this id"


@pytest.mark.parametrize("role", ROLES)
def test_role_id_is_kebab_case(role):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", role), f"role:{role} is not a kebab-case slug"


@pytest.mark.parametrize("role", ROLES)
def test_role_has_one_en_and_one_fr_label(role):
    found = langs(graph_of("curated"), URIRef(ROLE[role]), SKOS.prefLabel)
    assert found == ["en", "fr"], f"role:{role} prefLabel languages are {found}, expected one en and one fr"


@pytest.mark.parametrize("role", ROLES)
def test_role_has_en_and_fr_definition(role):
    found = langs(graph_of("curated"), URIRef(ROLE[role]), SKOS.definition)
    assert found == ["en", "fr"], f"role:{role} definition languages are {found}, expected one en and one fr"


@pytest.mark.parametrize("role", ROLES)
def test_role_labels_carry_a_language(role):
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.definition):
        for value in graph_of("curated").objects(URIRef(ROLE[role]), predicate):
            assert isinstance(value, Literal) and value.language in ("en", "fr"), \
                f"role:{role} {predicate} {value!r} has no en/fr language tag"


def test_no_two_roles_share_a_normalized_label():
    owners: dict[str, set[str]] = defaultdict(set)
    graph = union()
    for role in ROLES:
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(URIRef(ROLE[role]), predicate):
                owners[normalize(str(label))].add(role)
    clashes = {label: sorted(roles) for label, roles in owners.items() if len(roles) > 1}
    assert not clashes, f"labels naming several roles (a name must resolve to one role): {clashes}"


@pytest.mark.parametrize("role", ROLES)
def test_role_is_an_occupation(role):
    assert (URIRef(ROLE[role]), RDF.type, SCHEMA.Occupation) in graph_of("curated"), \
        f"role:{role} is not typed schema:Occupation"


# ----------------------------------------------------------------- crosswalk


@pytest.mark.parametrize("mapping", MAPPINGS, ids=slug)
def test_mapping_has_one_curated_role(mapping):
    roles = list(graph_of("curated").objects(mapping, CAREER.mappedRole))
    assert len(roles) == 1, f"{slug(mapping)} has {len(roles)} mappedRole"
    assert str(roles[0]).startswith(ROLE) and slug(roles[0]) in ROLES, \
        f"{slug(mapping)} maps {roles[0]}, not a curated role"


@pytest.mark.parametrize("mapping", MAPPINGS, ids=slug)
def test_mapping_points_to_a_concept_of_a_known_scheme(mapping):
    concepts = list(graph_of("curated").objects(mapping, CAREER.mappedConcept))
    assert len(concepts) == 1, f"{slug(mapping)} has {len(concepts)} mappedConcept"
    found = scheme_of(str(concepts[0]))
    assert found, f"{slug(mapping)} points to {concepts[0]}, not an ESCO occupation, ROME fiche or O*NET occupation"
    scheme, code = found
    assert SCHEMES[scheme][1].match(code), f"{slug(mapping)}: {code!r} is not a well-formed {scheme} code"


@pytest.mark.parametrize("mapping", MAPPINGS, ids=slug)
def test_mapping_iri_names_role_scheme_and_code(mapping):
    graph = graph_of("curated")
    role = slug(graph.value(mapping, CAREER.mappedRole))
    scheme, code = scheme_of(str(graph.value(mapping, CAREER.mappedConcept)))
    assert str(mapping) == f"{MAPPING}{role}-{scheme}-{code}", \
        f"{mapping} should be {MAPPING}{role}-{scheme}-{code}"


@pytest.mark.parametrize("mapping", MAPPINGS, ids=slug)
def test_mapping_has_a_reason_in_english_and_french(mapping):
    found = langs(graph_of("curated"), mapping, CAREER.reason)
    assert found == ["en", "fr"], f"{slug(mapping)} reasons are in {found}, expected one en and one fr"


@pytest.mark.parametrize("mapping", MAPPINGS, ids=slug)
def test_mapping_kind_agrees_with_the_skos_link(mapping):
    graph = graph_of("curated")
    role = graph.value(mapping, CAREER.mappedRole)
    concept = graph.value(mapping, CAREER.mappedConcept)
    kind = graph.value(mapping, CAREER.matchKind)
    assert kind in (SKOS.exactMatch, SKOS.closeMatch), f"{slug(mapping)} matchKind {kind} is not exact/close"
    other = SKOS.closeMatch if kind == SKOS.exactMatch else SKOS.exactMatch
    assert (role, kind, concept) in graph, f"{slug(mapping)}: role:{slug(role)} lacks {kind} {concept}"
    assert (role, other, concept) not in graph, f"role:{slug(role)} is both exact and close to {concept}"


@pytest.mark.parametrize("mapping", MAPPINGS, ids=slug)
def test_mapping_cites_a_described_source(mapping):
    graph = graph_of("curated")
    sources = list(graph.objects(mapping, DCTERMS.source))
    assert sources, f"{slug(mapping)} cites no dcterms:source"
    for source in sources:
        assert (source, RDF.type, CAREER.Source) in graph, f"{slug(mapping)} cites {source}, not a described source"


@pytest.mark.parametrize("role", ROLES)
def test_every_skos_match_has_a_mapping_node(role):
    graph = graph_of("curated")
    subject = URIRef(ROLE[role])
    described = {(graph.value(m, CAREER.mappedConcept), graph.value(m, CAREER.matchKind))
                 for m in graph.subjects(CAREER.mappedRole, subject)}
    for kind in (SKOS.exactMatch, SKOS.closeMatch):
        for concept in graph.objects(subject, kind):
            assert (concept, kind) in described, f"role:{role} {kind} {concept} has no career:Mapping (no reason)"


@pytest.mark.parametrize("role", ROLES)
def test_role_matches_each_classification(role):
    graph = graph_of("curated")
    schemes = {scheme_of(str(graph.value(m, CAREER.mappedConcept)))[0]
               for m in graph.subjects(CAREER.mappedRole, URIRef(ROLE[role]))}
    for scheme in SCHEMES:
        if (role, scheme) in NO_MATCH:
            assert scheme not in schemes, f"role:{role} now matches {scheme}: drop it from NO_MATCH"
        else:
            assert scheme in schemes, f"role:{role} has no {scheme} match"


@pytest.mark.parametrize("role", ROLES)
def test_code_literals_equal_the_mapped_codes(role):
    graph = graph_of("curated")
    subject = URIRef(ROLE[role])
    mapped = defaultdict(set)
    for m in graph.subjects(CAREER.mappedRole, subject):
        scheme, code = scheme_of(str(graph.value(m, CAREER.mappedConcept)))
        mapped[scheme].add(code)
    assert {str(c) for c in graph.objects(subject, CAREER.romeCode)} == mapped["rome"], \
        f"role:{role} career:romeCode differs from its ROME mappings {sorted(mapped['rome'])}"
    assert {str(c) for c in graph.objects(subject, CAREER.onetCode)} == mapped["onet"], \
        f"role:{role} career:onetCode differs from its O*NET mappings {sorted(mapped['onet'])}"


def test_no_concept_is_matched_exactly_by_two_roles():
    graph = graph_of("curated")
    exact = defaultdict(set)
    for m in MAPPINGS:
        if graph.value(m, CAREER.matchKind) == SKOS.exactMatch:
            exact[str(graph.value(m, CAREER.mappedConcept))].add(slug(graph.value(m, CAREER.mappedRole)))
    shared = {c: sorted(r) for c, r in exact.items() if len(r) > 1}
    assert not shared, f"concepts matched exactly by several roles (a code must name one job): {shared}"


def test_classification_concepts_are_not_typed_as_roles():
    graph = union()
    typed = sorted(str(s) for s in graph.subjects(RDF.type, CAREER.Role) if scheme_of(str(s)))
    assert not typed, f"official concepts typed career:Role in the shipped graph (only imports do that): {typed}"


# ----------------------------------------------------------------- ESCO skills


def esco_skills() -> list[str]:
    graph = graph_of("esco-1.1.1")
    return sorted({str(o) for o in graph.objects(None, CAREER.requiresSkill)}
                  | {str(s) for s in graph.subjects(RDF.type, CAREER.Skill)})


@pytest.mark.parametrize("role", ROLES)
def test_every_curated_role_has_esco_skills(role):
    graph = graph_of("esco-1.1.1")
    assert list(graph.objects(URIRef(ROLE[role]), CAREER.essentialSkill)), f"role:{role} has no ESCO essential skill"


def test_esco_skills_link_only_curated_roles():
    graph = graph_of("esco-1.1.1")
    strangers = sorted({str(s) for s in graph.subjects(CAREER.requiresSkill, None) if slug(s) not in ROLES
                        or not str(s).startswith(ROLE)})
    assert not strangers, f"ESCO skills linked from subjects that are not curated roles: {strangers}"


@pytest.mark.parametrize("skill", esco_skills(), ids=slug)
def test_skill_is_an_esco_uri_with_label_and_kind(skill):
    graph = graph_of("esco-1.1.1")
    node = URIRef(skill)
    assert skill.startswith(ESCO_SKILL), f"{skill} is not an ESCO skill URI (ESCO skills are never re-minted)"
    assert (node, RDF.type, CAREER.Skill) in graph, f"{skill} is not typed career:Skill"
    names = langs(graph, node, SKOS.prefLabel)  # English from skills_en.csv, French from the French collections
    assert "en" in names and set(names) <= {"en", "fr"} and len(names) == len(set(names)), \
        f"{skill} needs one English prefLabel (and at most one French one), not {names}"
    kinds = list(graph.objects(node, CAREER.skillKind))
    assert len(kinds) == 1 and kinds[0] in (CAREER.hard, CAREER.soft, CAREER.knowledge), \
        f"{skill} skillKind {kinds} is not one of hard / soft / knowledge"


@pytest.mark.parametrize("role", ROLES)
def test_essential_and_optional_skills_are_required_skills(role):
    graph = graph_of("esco-1.1.1")
    subject = URIRef(ROLE[role])
    essential = set(graph.objects(subject, CAREER.essentialSkill))
    optional = set(graph.objects(subject, CAREER.optionalSkill))
    required = set(graph.objects(subject, CAREER.requiresSkill))
    assert not essential & optional, f"role:{role}: skills both essential and optional: {sorted(essential & optional)}"
    diff = sorted(required ^ (essential | optional))
    assert essential | optional == required, f"role:{role}: requiresSkill must be essential + optional (diff {diff})"


# ----------------------------------------------------------------- moves


def transitions(folder: str) -> list[URIRef]:
    return sorted(graph_of(folder).subjects(RDF.type, CAREER.Transition))


def role_codes(scheme: str) -> dict[str, set[str]]:
    graph = graph_of("curated")
    codes = defaultdict(set)
    for m in MAPPINGS:
        found = scheme_of(str(graph.value(m, CAREER.mappedConcept)))
        if found and found[0] == scheme:
            codes[slug(graph.value(m, CAREER.mappedRole))].add(found[1])
    return codes


@pytest.mark.parametrize("folder", MOVE_SOURCES)
def test_source_ships_moves(folder):
    assert transitions(folder), f"source:{folder} has no career:Transition"


@pytest.mark.parametrize("folder", MOVE_SOURCES)
def test_transitions_connect_two_curated_roles_and_have_a_rank(folder):
    graph = graph_of(folder)
    scheme = "rome" if folder.startswith("rome") else "onet"
    codes = role_codes(scheme)
    for t in transitions(folder):
        name = slug(t)
        froms, tos = list(graph.objects(t, CAREER.fromRole)), list(graph.objects(t, CAREER.toRole))
        assert len(froms) == 1 and len(tos) == 1, f"{name}: needs one fromRole and one toRole"
        a, b = slug(froms[0]), slug(tos[0])
        assert a in ROLES and b in ROLES, f"{name}: {a} -> {b} is not between two curated roles"
        assert a != b, f"{name}: a move from role:{a} to itself"
        ranks = list(graph.objects(t, CAREER.rank))
        assert len(ranks) == 1 and isinstance(ranks[0].toPython(), int) and ranks[0].toPython() >= 1, \
            f"{name}: rank {ranks} is not one integer >= 1"
        move = CAREER.relatedMove if folder == "onet-29.0" else CAREER.canBecome  # a similarity list is no move
        assert (froms[0], move, tos[0]) in graph, f"{name}: no matching career:{move.split('#')[-1]} triple"
        match = re.fullmatch(rf"{re.escape(TRANSITION)}{re.escape(folder)}(?:-crosswalk)?-(.+)-([A-N][0-9]{{4}}|"
                             r"[0-9]{2}-[0-9]{4}\.[0-9]{2})", str(t))
        assert match, f"{t} does not follow transition/{folder}-<FROM>-<TO>"
        source_code, target_code = match.groups()
        assert source_code in codes[a] and target_code in codes[b], \
            f"{name}: codes {source_code} -> {target_code} are not those mapped to role:{a} -> role:{b}"


@pytest.mark.parametrize("folder", MOVE_SOURCES)
def test_every_move_has_its_transition_node(folder):
    graph = graph_of(folder)
    qualified = {(graph.value(t, CAREER.fromRole), graph.value(t, CAREER.toRole)) for t in transitions(folder)}
    for a, b in [*graph.subject_objects(CAREER.canBecome), *graph.subject_objects(CAREER.relatedMove)]:
        assert (a, b) in qualified, f"source:{folder}: {slug(a)} -> {slug(b)} has no career:Transition (no rank)"


def test_onet_related_moves_have_a_relatedness_tier():
    graph = graph_of("onet-29.0")
    for t in transitions("onet-29.0"):
        tiers = [str(o) for o in graph.objects(t, CAREER.relatednessTier)]
        assert len(tiers) == 1 and tiers[0] in ONET_TIERS, f"{slug(t)}: relatedness tier {tiers} not in {ONET_TIERS}"


# ----------------------------------------------------------------- sources and generated files


@pytest.mark.parametrize("folder", sorted(p.name for p in FACTS_DIR.iterdir() if p.is_dir()))
def test_every_facts_folder_is_a_described_source(folder):
    graph = graph_of("curated")
    source = URIRef(SOURCE[folder])
    assert (source, RDF.type, CAREER.Source) in graph, f"facts/{folder}/ is not described in curated/sources.ttl"
    assert langs(graph, source, DCTERMS.title) in (["en", "fr"], ["en"], ["fr"]), f"source:{folder} needs a title"


@pytest.mark.parametrize("folder", sorted(GENERATED.values()))
def test_classification_source_is_fully_described(folder):
    graph = graph_of("curated")
    source = URIRef(SOURCE[folder])
    assert langs(graph, source, DCTERMS.title) == ["en", "fr"], f"source:{folder} needs an en and a fr title"
    for predicate in (DCTERMS.publisher, CAREER.version, DCTERMS.license, CAREER.attribution, SCHEMA.url):
        assert graph.value(source, predicate) is not None, f"source:{folder} lacks {predicate}"
    assert isinstance(graph.value(source, DCTERMS.license), URIRef), f"source:{folder} licence must be an IRI"


@pytest.mark.parametrize("rel", sorted(GENERATED))
def test_generated_file_carries_the_header_and_attribution(rel):
    text = (FACTS_DIR / rel).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# GENERATED by scripts/generate_facts.py from ") and "do not edit by hand" in first, \
        f"facts/{rel} does not start with the GENERATED header"
    attribution = str(graph_of("curated").value(URIRef(SOURCE[GENERATED[rel]]), CAREER.attribution))
    assert attribution in text.split("@prefix", 1)[0], f"facts/{rel} header lacks the attribution {attribution!r}"


def test_docs_list_every_curated_role():
    text = DOCS.read_text(encoding="utf-8")
    missing = [role for role in ROLES if f"`{role}`" not in text]
    assert not missing, f"docs/crosswalk.md does not list {missing}"


def _datasets() -> Path | None:
    """The releases to regenerate from, only when asked (tests never read them by default)."""
    folder = os.environ.get("DATACAREERS_DATASETS")
    return Path(folder) if folder else None


@pytest.mark.skipif(_datasets() is None or not _datasets().is_dir(),
                    reason="set DATACAREERS_DATASETS to the ESCO / ROME / O*NET release folder to check that "
                           "the shipped facts match a regeneration (or run scripts/generate_facts.py --check)")
def test_generated_files_are_up_to_date():
    result = subprocess.run([sys.executable, str(SCRIPT), str(_datasets()), "--check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"generated facts differ from the releases:\n{result.stderr}"
