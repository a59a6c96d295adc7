"""Career moves with their evidence, read from the store around the roles asked about.

Three kinds of evidence, strongest first (:data:`EVIDENCE`):

- **stated** (``career:canBecome``): a source says people make the move (ROME mobilités,
  the article);
- **related** (``career:relatedMove``): O*NET lists the target as a related occupation (its
  Related Occupations or its Career Changers Matrix, both derived from descriptor similarity);
- **inferred** (``career:inferredMove``): computed, stated by no source; the shipped ones
  carry the transition model's calibrated probability that ROME would state such a move.

A curated role and the concepts it matches *exactly* (its ESCO occupation, ROME fiche,
O*NET occupation, once those releases are imported) are one node: moves of any of them
are moves of the role (:class:`Aliases`). A close match does not merge.

>>> from datacareers.store.shipped import shipped_store
>>> store = shipped_store()
>>> moves = Moves(store)
>>> moves.out_of(ROLE["data-analyst"])[ROLE["chief-data-officer"]]
{'https://w3id.org/datacareers/source/rome-4.0': 'stated'}
>>> sorted(moves.out_of(ROLE["data-analyst"])[ROLE["data-scientist"]].values())
['inferred']
>>> ROLE["data-scientist"] in Moves(store, ["stated"]).out_of(ROLE["data-analyst"])
False
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, OTHER_SKILL_VOCABULARIES, PREFIXES, RDF_TYPE, ROLE, SOURCE
from datacareers.views.pay import medians

#: Evidence kinds, strongest first, with the predicate that states a move of that kind.
EVIDENCE = {"stated": CAREER["canBecome"], "related": CAREER["relatedMove"], "inferred": CAREER["inferredMove"]}
STRENGTH = {kind: i for i, kind in enumerate(EVIDENCE)}

#: What a move costs before its skill gap, by evidence: a move someone reports making is
#: stronger evidence than a list of similar jobs, which is stronger than a computed likeness.
#: One stated move (1 to 2 with its gap) never costs more than a likely inferred move (1.5 to 3).
#: An inferred move with a probability weighs less the likelier it is (:func:`evidence_weight`).
WEIGHT = {"stated": 1.0, "related": 1.5, "inferred": 2.0}
#: The weight of an inferred move a source would certainly state (probability 1): a related
#: move's, never below a stated one's.
INFERRED_FLOOR = 1.5


def evidence_weight(evidence: str, probability: float | None = None) -> float:
    """What a move's evidence weighs: :data:`WEIGHT`, and for an inferred move with the
    model's probability *p*, from 2 (p = 0) down to 1.5 (p = 1).

    >>> evidence_weight("stated"), evidence_weight("inferred"), evidence_weight("inferred", 0.8)
    (1.0, 2.0, 1.6)
    >>> evidence_weight("inferred", 0.1) > evidence_weight("inferred", 0.8) > evidence_weight("stated", 0.8)
    True
    """
    if evidence != "inferred" or probability is None:
        return WEIGHT[evidence]
    return round(WEIGHT["inferred"] - (WEIGHT["inferred"] - INFERRED_FLOOR) * probability, 4)

_EXACT = NamedNode(PREFIXES["skos"] + "exactMatch")
_BROADER = NamedNode(PREFIXES["skos"] + "broader")
_PREF = NamedNode(PREFIXES["skos"] + "prefLabel")
_SKILL_LINKS = {CAREER["essentialSkill"]: True, CAREER["optionalSkill"]: False, CAREER["requiresSkill"]: False}


def strongest(kinds: Iterable[str]) -> str:
    """The strongest of several evidence kinds."""
    return min(kinds, key=STRENGTH.__getitem__)


class Aliases:
    """Exact matches as one node: concept -> the one curated role matching it exactly."""

    def __init__(self, store: Store):
        claims: dict[str, set[str]] = defaultdict(set)
        for quad in store.quads_for_pattern(None, _EXACT, None, NamedNode(SOURCE["curated"])):
            if quad.subject.value.startswith(ROLE) and isinstance(quad.object, NamedNode):
                claims[quad.object.value].add(quad.subject.value)
        self.role_of = {c: next(iter(r)) for c, r in claims.items() if len(r) == 1}
        #: our own roles (typed in source:curated): paths between them go through them first
        self.curated = {q.subject.value for q in store.quads_for_pattern(
            None, NamedNode(RDF_TYPE), NamedNode(CAREER["Role"]), NamedNode(SOURCE["curated"]))}
        self.members_of: dict[str, list[str]] = defaultdict(list)
        for concept, role in sorted(self.role_of.items()):
            self.members_of[role].append(concept)

    def node(self, iri: str) -> str:
        """The node *iri* belongs to (its curated role when it is an exact match)."""
        return self.role_of.get(iri, iri)

    def members(self, node: str) -> list[str]:
        """*node* and the concepts merged into it."""
        return [node, *self.members_of.get(node, ())]


_CACHE: dict = {}


def cached(store: Store) -> dict:
    """What has been read from *store* in this process (moves, profiles, groups), so a second
    question on the same store reads nothing twice; a new store starts afresh."""
    if _CACHE.get("store") is not store:
        _CACHE.clear()
        _CACHE.update(store=store, aliases=Aliases(store), out={}, into={}, profiles={}, groups={})
    return _CACHE


class Moves:
    """Moves in and out of nodes, by evidence, read from the store on demand (and cached)."""

    def __init__(self, store: Store, allowed: Iterable[str] = tuple(EVIDENCE)):
        self.store = store
        cache = cached(store)
        self.aliases = cache["aliases"]
        self.allowed = [k for k in EVIDENCE if k in set(allowed)]
        self._all_out, self._all_in = cache["out"], cache["into"]
        self._out: dict[str, dict[str, dict[str, str]]] = {}
        self._in: dict[str, dict[str, dict[str, str]]] = {}

    def _read(self, node: str, forward: bool) -> dict[str, dict[str, str]]:
        """neighbour -> {named graph: evidence kind} for every allowed move of *node*."""
        every = self._all_out if forward else self._all_in
        if node not in every:
            every[node] = self._read_all(node, forward)
        found = {}
        for other, sources in every[node].items():
            kept = {g: k for g, k in sources.items() if k in self.allowed}
            if kept:
                found[other] = kept
        return found

    def _read_all(self, node: str, forward: bool) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = defaultdict(dict)
        for member in self.aliases.members(node):
            here = NamedNode(member)
            for kind in EVIDENCE:
                predicate = NamedNode(EVIDENCE[kind])
                pattern = (here, predicate, None, None) if forward else (None, predicate, here, None)
                for quad in self.store.quads_for_pattern(*pattern):
                    other = self.aliases.node((quad.object if forward else quad.subject).value)
                    if other != node:
                        graph = quad.graph_name.value
                        previous = found[other].get(graph)
                        found[other][graph] = kind if previous is None else strongest([kind, previous])
        return dict(found)

    def out_of(self, node: str) -> dict[str, dict[str, str]]:
        if node not in self._out:
            self._out[node] = self._read(node, True)
        return self._out[node]

    def into(self, node: str) -> dict[str, dict[str, str]]:
        if node not in self._in:
            self._in[node] = self._read(node, False)
        return self._in[node]

    def reads(self) -> int:
        """How many nodes' moves have been read (this search's walks)."""
        return len(self._out) + len(self._in)

    def reach(self, seeds: Iterable[str], limit: int, forward: bool = True, stop_at: str | None = None,
              avoid: frozenset[str] = frozenset(), within: set[str] | None = None,
              budget: int | None = None, expanded: set[str] | None = None) -> dict[str, int]:
        """Nodes within *limit* moves of *seeds* (forward or backward), with their depth; only
        nodes of *within* (when given) are passed through; the walk stops after the level
        during which more than *budget* nodes' moves have been read in all. The nodes whose
        moves were read are added to *expanded*."""
        depth = {seed: 0 for seed in seeds}
        frontier = list(depth)
        for level in range(1, limit + 1):
            following = []
            for node in frontier:
                if expanded is not None:
                    expanded.add(node)
                for other in (self.out_of(node) if forward else self.into(node)):
                    if other not in depth and other not in avoid:
                        depth[other] = level
                        if within is None or other in within:
                            following.append(other)
            frontier = following
            if not frontier or (stop_at is not None and stop_at in depth):
                break
            if budget is not None and self.reads() > budget:
                break
        return depth


class Profiles:
    """Per node: labels, skills (essential and all), skill groups, pay medians, job zone, EQF."""

    def __init__(self, store: Store, aliases: Aliases):
        self.store, self.aliases = store, aliases
        cache = cached(store)
        self._cache: dict[str, dict] = cache["profiles"]
        self._groups: dict[str, tuple[str, ...]] = cache["groups"]

    def groups(self, skill: str) -> tuple[str, ...]:
        if skill not in self._groups:
            self._groups[skill] = tuple(sorted({q.object.value for q in self.store.quads_for_pattern(
                NamedNode(skill), _BROADER, None, None)}))
        return self._groups[skill]

    def group_map(self, skills: Iterable[str]) -> dict[str, tuple[str, ...]]:
        return {s: self.groups(s) for s in skills}

    def groups_of(self, skills: Iterable[str]) -> set[str]:
        """Every group of the given skills."""
        return {g for s in skills for g in self.groups(s)}

    def held_groups(self, node: str) -> set[str]:
        """The groups of every skill of *node* (cached)."""
        data = self[node]
        if "groups" not in data:
            data["groups"] = self.groups_of(data["skills"])
        return data["groups"]

    def __getitem__(self, node: str) -> dict:
        if node not in self._cache:
            self._cache[node] = self._read(node)
        return self._cache[node]

    def _read(self, node: str) -> dict:
        """A node's labels and skills are its own (its exact matches' only when it has none:
        a curated role keeps its ESCO skills, in one vocabulary: see OTHER_SKILL_VOCABULARIES); pay, job zone and
        education come from the node and every concept it matches exactly. ``held`` is every skill
        of the node and its exact matches in any vocabulary: what counts as already had when
        leaving it (a ROME fiche's skills are ROME's, so a data analyst's ROME skills count there)."""
        members = self.aliases.members(node)
        labels: dict[str, str] = {}
        skills: set[str] = set()
        essential: set[str] = set()
        for member in members:
            subject = NamedNode(member)
            if not labels:
                for quad in self.store.quads_for_pattern(subject, _PREF, None, None):
                    if isinstance(quad.object, Literal):
                        labels.setdefault(quad.object.language or "", quad.object.value)
            if not skills:
                for predicate, is_essential in _SKILL_LINKS.items():
                    for quad in self.store.quads_for_pattern(subject, NamedNode(predicate), None, None):
                        skills.add(quad.object.value)
                        if is_essential:
                            essential.add(quad.object.value)
                main = {s for s in skills if not s.startswith(OTHER_SKILL_VOCABULARIES)}
                if main:
                    skills, essential = main, essential & main
        pay: list[dict] = []
        zones: set[int] = set()
        ratings: set[tuple[int, str]] = set()  # (zone, the month O*NET rated it)
        eqf: set[int] = set()
        held = set(skills)  # what one in this role already has, in every vocabulary
        for member in members:
            subject = NamedNode(member)
            for predicate in _SKILL_LINKS:
                held.update(q.object.value for q in self.store.quads_for_pattern(subject, NamedNode(predicate),
                                                                                   None, None))
            pay += medians(self.store, subject)
            zones |= _integers(self.store, subject, CAREER["jobZone"])
            ratings |= _ratings(self.store, subject)
            for quad in self.store.quads_for_pattern(subject, NamedNode(CAREER["education"]), None, None):
                eqf |= _integers(self.store, quad.object, CAREER["eqfLevel"])
        return {"labels": labels, "skills": skills, "held": held, "essential": essential, "pay": pay,
                "job_zone": max(zones) if zones else None, "eqf": max(eqf) if eqf else None,
                "job_zone_dates": sorted({d for z, d in ratings if zones and z == max(zones)})}


def _ratings(store: Store, subject) -> set[tuple[int, str]]:
    """(zone, date) of each dated O*NET job zone rating of *subject* (career:jobZoneRating)."""
    date = NamedNode(PREFIXES["dcterms"] + "date")
    out = set()
    for link in store.quads_for_pattern(subject, NamedNode(CAREER["jobZoneRating"]), None, None):
        for zone in _integers(store, link.object, CAREER["jobZone"]):
            out.update((zone, q.object.value) for q in store.quads_for_pattern(link.object, date, None, None))
    return out


def _integers(store: Store, subject, predicate: str) -> set[int]:
    out = set()
    for quad in store.quads_for_pattern(subject, NamedNode(predicate), None, None):
        try:
            out.add(int(quad.object.value))
        except ValueError:
            continue
    return out


_T = {k: NamedNode(CAREER[k]) for k in (
    "fromRole", "toRole", "rank", "outOf", "similarity", "probability", "relatednessTier", "evidence", "fromConcept",
    "toConcept")}


def _kind_of(store: Store, transition, default: str) -> str:
    for quad in store.quads_for_pattern(transition, _T["evidence"], None, None):
        return quad.object.value.rsplit("#", 1)[-1]
    if any(store.quads_for_pattern(transition, _T["relatednessTier"], None, None)):
        return "related"
    return default


def _value(store: Store, subject, key: str):
    for quad in store.quads_for_pattern(subject, _T[key], None, None):
        return quad.object.value
    return None


def evidence_items(store: Store, aliases: Aliases, u: str, v: str, sources: dict[str, str]) -> list[dict]:
    """What supports the move *u* -> *v*: per source graph, its evidence kind and, where the
    source gives them, rank, out of how many, relatedness tier, similarity, probability and
    the codes read."""
    targets = set(aliases.members(v))
    items: dict[tuple[str, str], dict] = {}
    for member in aliases.members(u):
        for quad in store.quads_for_pattern(None, _T["fromRole"], NamedNode(member), None):
            graph, transition = quad.graph_name.value, quad.subject
            if graph not in sources or not any(
                    q.object.value in targets for q in store.quads_for_pattern(transition, _T["toRole"], None, None)):
                continue
            kind = _kind_of(store, transition, sources[graph])
            if kind not in sources.values():
                continue
            rank, out_of = _value(store, transition, "rank"), _value(store, transition, "outOf")
            if rank is not None and out_of is None:
                siblings = store.quads_for_pattern(None, _T["fromRole"], NamedNode(member), quad.graph_name)
                out_of = sum(1 for q in siblings if _kind_of(store, q.subject, "stated") == kind)
            similarity = _value(store, transition, "similarity")
            probability = _value(store, transition, "probability")
            item = {"source": graph, "evidence": kind, "rank": int(rank) if rank else None,
                    "out_of": int(out_of) if out_of else None, "tier": _value(store, transition, "relatednessTier"),
                    "similarity": float(similarity) if similarity else None,
                    "probability": float(probability) if probability else None,
                    "from_concept": _value(store, transition, "fromConcept"),
                    "to_concept": _value(store, transition, "toConcept")}
            previous = items.get((graph, kind))
            if previous is None or (item["rank"] or 10**6) < (previous["rank"] or 10**6):
                items[(graph, kind)] = item
    for graph, kind in sources.items():
        if not any(g == graph for g, _ in items):
            items[(graph, kind)] = {"source": graph, "evidence": kind, "rank": None, "out_of": None, "tier": None,
                                    "similarity": None, "probability": None, "from_concept": None,
                                    "to_concept": None}
    return sorted(items.values(), key=lambda i: (STRENGTH[i["evidence"]], i["source"]))
