"""Project a whole release onto the curated roles, through the crosswalk.

The rule, the same for every release and facet:

1. **Which concepts a role is read through.** For each curated role and each classification
   (ESCO, ROME, O*NET; the BLS releases are keyed by SOC codes, read through the role's
   O*NET matches, SOC = the first 7 characters of the O*NET-SOC code): its exact matches
   that the release holds; if it has none there, its close matches that the release holds.
2. **What is copied.** The facts of those concepts for the facets the profile shows
   (:data:`PREDICATES`), with the subject rewritten to the role, each in the shipped graph
   of its release. A skill essential through one concept and optional through another is
   essential.
3. **The objects keep their own description** (labels, kind, position, percentiles...),
   copied as the release states them, except their alternative and hidden labels, their
   definitions and ESCO's reuse level (:data:`SKIP`, kept out of the shipped graph: the
   import has them); a ``skos:broader`` target keeps its type, label and code. A
   ``dcterms:source`` pointing at the import's graph points at the shipped graph.
4. **Each reading is said**: ``role career:viaMapping mapping:<role>-<scheme>-<code>`` in
   that graph, for every mapping that lent something, so that a fact read through a close match shows it.
5. **Only what fits the role is borrowed** (:mod:`projection.borrowing`, docs/crosswalk.md):
   which facets a close match lends depends on its ``career:conceptScope`` (broader, narrower,
   neighbour); job titles come through exact matches only; a SOC code's figures through an
   exact match, or a broader close match to the code's own O*NET occupation that is not a
   residual "All Other" group; a FAP family's figures (Dares) through an exact or a broader
   match (a family that counts the role's job among others). A figure keeps the SOC code it belongs to (``soc/<code>
   career:salary|outlook|education <figure>``, the code's title, notation and
   ``career:residualGroup``), so that a reader sees whose figure it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store
from rdflib import Graph, Namespace

from datacareers.constants import CAREER, PREFIXES, ROLE, SOURCE
from datacareers.importers.common import SOC_OCCUPATION
from datacareers.importers.fap import FAP
from projection.borrowing import FIGURES, SCOPES, lends, lends_family_figures, lends_figures
from projection.releases import RELEASES, Release

SKOS, RDF, DCTERMS = PREFIXES["skos"], PREFIXES["rdf"], PREFIXES["dcterms"]
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
CONCEPTS = {"esco": ESCO_OCCUPATION, "rome": "https://w3id.org/datacareers/rome/",
            "onet": "https://w3id.org/datacareers/onet/", "fap": str(FAP)}
#: The crosswalk scheme each release family is read through.
SCHEME = {"esco": "esco", "rome": "rome", "onet": "onet", "bls": "onet", "dares": "fap"}

#: Per family: the role-level predicates projected, and the file (facet) each goes to.
PREDICATES = {
    "esco": {CAREER["essentialSkill"]: "skills", CAREER["optionalSkill"]: "skills",
             CAREER["requiresSkill"]: "skills"},
    "rome": {CAREER["requiresSkill"]: "skills", CAREER["essentialSkill"]: "skills",
             CAREER["inSector"]: "sectors", CAREER["employedBy"]: "employers", CAREER["task"]: "tasks",
             CAREER["education"]: "education", SKOS + "altLabel": "titles"},
    "onet": {CAREER["requiresSkill"]: "tools", CAREER["hotTechnology"]: "tools",
             CAREER["inDemandTechnology"]: "tools", CAREER["task"]: "tasks", CAREER["education"]: "education",
             CAREER["jobZone"]: "education", CAREER["jobZoneRating"]: "education", SKOS + "altLabel": "titles"},
    "bls": {CAREER["salary"]: "pay", CAREER["outlook"]: "outlook", CAREER["education"]: "education"},
    "dares": {CAREER["salary"]: "pay", CAREER["tension"]: "tension", CAREER["employmentEstimate"]: "employment",
              CAREER["womenShare"]: "workforce", CAREER["diplomaShare"]: "workforce", CAREER["fieldShare"]: "workforce",
              CAREER["sectorShare"]: "employers", CAREER["employerShare"]: "employers"},
}
#: Objects described in turn when an object points at them (a distribution's bands, a
#: figure's place, what a share counts, the survey a figure comes from).
NESTED = {CAREER["band"], CAREER["geography"], CAREER["shareOf"], PREFIXES["prov"] + "wasDerivedFrom",
          PREFIXES["schema"] + "containedInPlace"}
#: What describes a FAP family (not its figures, which the roles read).
FAMILY_KEEPS = {RDF + "type", SKOS + "prefLabel", SKOS + "notation", SKOS + "broader", CAREER["fapCode"]}
#: Places whose figures are shipped (France and its regions; an import has the départements too).
SHIPPED_PLACES = ("https://w3id.org/datacareers/geo/fr", "https://w3id.org/datacareers/geo/fr-region-")
#: What an object's description leaves out (the import keeps it).
SKIP = {SKOS + "altLabel", SKOS + "hiddenLabel", SKOS + "definition", CAREER["reuseLevel"]}
#: What a skos:broader target keeps.
BROADER_KEEPS = {RDF + "type", SKOS + "prefLabel", SKOS + "notation"}
#: What a SOC code keeps beside its figures.
SOC_KEEPS = {RDF + "type", SKOS + "prefLabel", SKOS + "notation", CAREER["socCode"], CAREER["residualGroup"]}

Triple = tuple  # (subject, predicate, object) as pyoxigraph terms


@dataclass(frozen=True)
class Mapping:
    """One crosswalk mapping."""

    iri: str
    role: str
    scheme: str
    code: str
    kind: str  # "exact" or "close"
    scope: str = ""  # for a close match: "broader", "narrower" or "neighbour"

    @property
    def match(self) -> str:
        """How the role reaches the concept: "exact", or the close match's scope."""
        return "exact" if self.kind == "exact" else self.scope


def read_mappings(path: Path) -> list[Mapping]:
    """The mappings of ``crosswalk.ttl``."""
    career, skos = Namespace(CAREER), Namespace(SKOS)
    graph = Graph().parse(path, format="turtle")
    found = []
    for mapping in graph.subjects(career.mappedRole, None):
        concept = str(graph.value(mapping, career.mappedConcept))
        kind = {skos.exactMatch: "exact", skos.closeMatch: "close"}[graph.value(mapping, career.matchKind)]
        scheme = next(s for s, prefix in CONCEPTS.items() if concept.startswith(prefix))
        scope = SCOPES.get(str(graph.value(mapping, career.conceptScope)), "")
        found.append(Mapping(str(mapping), str(graph.value(mapping, career.mappedRole)), scheme,
                             concept[len(CONCEPTS[scheme]):], kind, scope))
    return sorted(found, key=lambda m: m.iri)


def concept_of(release: Release, mapping: Mapping) -> str:
    """The node of the release a mapping reads (a SOC code for the BLS releases)."""
    if release.family == "bls":
        return SOC_OCCUPATION[mapping.code[:7]]
    return CONCEPTS[mapping.scheme] + mapping.code


def readings(store: Store, release: Release, graph: str, mappings: list[Mapping]) -> list[tuple[Mapping, str]]:
    """(mapping, concept) each curated role is read through in *release* (rule 1)."""
    g = NamedNode(graph)

    def known(concept: str) -> bool:
        return next(iter(store.quads_for_pattern(NamedNode(concept), None, None, g)), None) is not None

    by_role: dict[str, list[Mapping]] = defaultdict(list)
    for m in mappings:
        if m.scheme == SCHEME[release.family]:
            by_role[m.role].append(m)
    out = []
    for role in sorted(by_role):
        for kind in ("exact", "close"):
            found = [(m, concept_of(release, m)) for m in by_role[role] if m.kind == kind]
            found = [(m, c) for m, c in found if known(c)]
            if found:
                out += found
                break
    return out


def _describe(store: Store, node: NamedNode, g: NamedNode, shipped: NamedNode, out: set,
              seen: set | None = None) -> None:
    seen = set() if seen is None else seen
    seen.add(node.value)
    for quad in store.quads_for_pattern(node, None, None, g):
        if quad.predicate.value in SKIP:
            continue
        obj = shipped if quad.object == g else quad.object
        out.add((node, quad.predicate, obj))
        if quad.predicate.value == SKOS + "broader" and isinstance(obj, NamedNode):
            out.update((obj, q.predicate, q.object) for q in store.quads_for_pattern(obj, None, None, g)
                       if q.predicate.value in BROADER_KEEPS)
        elif quad.predicate.value in NESTED and isinstance(obj, NamedNode) and obj.value not in seen:
            _describe(store, obj, g, shipped, out, seen)


def shipped_place(store: Store, node: NamedNode, g: NamedNode) -> bool:
    """False for a figure of a place the shipped facts leave to an import (a département)."""
    places = [q.object.value for q in store.quads_for_pattern(node, NamedNode(CAREER["geography"]), None, g)]
    return not places or any(p == SHIPPED_PLACES[0] or p.startswith(SHIPPED_PLACES[1]) for p in places)


def families(store: Store, concepts: set[str], g: NamedNode) -> set[Triple]:
    """The FAP families read and their parents, described (code, labels, broader)."""
    out: set[Triple] = set()
    todo = list(concepts)
    while todo:
        node = NamedNode(todo.pop())
        for quad in store.quads_for_pattern(node, None, None, g):
            if quad.predicate.value not in FAMILY_KEEPS:
                continue
            out.add((node, quad.predicate, quad.object))
            if quad.predicate.value == SKOS + "broader":
                todo.append(quad.object.value)
    return out


def borrows(store: Store, release: Release, mapping: Mapping, concept: str, facet: str, g: NamedNode) -> bool:
    """Whether *mapping* lends *facet* of *release* to its role (rule 5)."""
    if release.family == "bls" and facet in FIGURES:
        residual = next(iter(store.quads_for_pattern(NamedNode(concept), NamedNode(CAREER["residualGroup"]),
                                                     None, g)), None) is not None
        return lends_figures(mapping.match, mapping.code, residual)
    if release.family == "dares":
        return lends_family_figures(mapping.match)
    return lends(facet, mapping.match, release.family)


def project(store: Store, release: Release, graph: str, mappings: list[Mapping]) -> dict[str, set[Triple]]:
    """Facet -> the triples of the shipped graph of *release* (rules 2 to 5)."""
    g, shipped = NamedNode(graph), NamedNode(SOURCE[release.shipped])
    predicates = PREDICATES[release.family]
    out: dict[str, set[Triple]] = defaultdict(set)
    described: set[str] = set()
    for mapping, concept in readings(store, release, graph, mappings):
        role, lent = NamedNode(mapping.role), False
        for predicate, facet in predicates.items():
            if not borrows(store, release, mapping, concept, facet, g):
                continue
            for quad in store.quads_for_pattern(NamedNode(concept), NamedNode(predicate), None, g):
                if release.family == "dares" and not shipped_place(store, quad.object, g):
                    continue
                lent = True
                out[facet].add((role, quad.predicate, quad.object))
                if release.family == "bls":  # whose figure it is
                    out[facet].add((quad.subject, quad.predicate, quad.object))
                    out[facet].update((quad.subject, q.predicate, q.object) for q in
                                      store.quads_for_pattern(quad.subject, None, None, g)
                                      if q.predicate.value in SOC_KEEPS)
                if isinstance(quad.object, NamedNode) and (facet, quad.object.value) not in described:
                    described.add((facet, quad.object.value))
                    _describe(store, quad.object, g, shipped, out[facet])
        if lent:
            out["read-through"].add((role, NamedNode(CAREER["viaMapping"]), NamedNode(mapping.iri)))
            if release.family == "dares":
                out["families"] |= families(store, {concept}, g)
    essential, optional = NamedNode(CAREER["essentialSkill"]), NamedNode(CAREER["optionalSkill"])
    if "skills" in out:
        out["skills"] -= {(s, optional, o) for s, p, o in out["skills"] if p == essential}
    return dict(out)


def french_split(triples: set[Triple]) -> tuple[set[Triple], set[Triple]]:
    """(triples without French preferred labels, the French preferred labels)."""
    pref = SKOS + "prefLabel"
    french = {t for t in triples if t[1].value == pref and isinstance(t[2], Literal) and t[2].language == "fr"}
    return triples - french, french


def skills_of(triples: set[Triple]) -> set[str]:
    """The skills typed career:Skill among *triples*."""
    return {s.value for s, p, o in triples if p.value == RDF + "type" and o.value == CAREER["Skill"]}


def curated_roles(mappings: list[Mapping]) -> set[str]:
    return {m.role for m in mappings if m.role.startswith(ROLE)}


__all__ = ["RELEASES", "Mapping", "french_split", "project", "read_mappings", "readings", "skills_of"]
