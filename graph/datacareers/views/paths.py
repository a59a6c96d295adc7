"""Career paths: the cheapest chains of moves from one role to another, each step explained.

A path costs the sum of its steps. A step costs its **evidence weight** (stated 1, related
1.5, inferred 2 down to 1.5 the likelier the transition model finds it: see
:func:`datacareers.views.moves.evidence_weight`) plus its **skill gap**: the
share, 0 to 1, of the target's essential skills (every required skill when no source
marks any essential) that the person does not cover, a skill of the same ESCO skill group
(or O*NET commodity class) counting half (:mod:`datacareers.skillgap`). "The person" has
the skills of the role they are in plus those given with ``--have``. A target whose skills
no source lists costs a full gap of 1. The ``k`` cheapest simple paths are returned
(Yen's algorithm, ``networkx.shortest_simple_paths``), searched among roles at most 3 moves
further than the shortest chain.

>>> from datacareers.store.shipped import shipped_store
>>> store = shipped_store()
>>> result = find_paths(store, ROLE["data-analyst"], ROLE["chief-data-officer"], k=1)
>>> [[r.rsplit("/", 1)[-1] for r in p.roles] for p in result.paths]
[['data-analyst', 'chief-data-officer']]
>>> step = result.paths[0].steps[0]
>>> step.evidence, step.items[0]["rank"], step.items[0]["out_of"]
('stated', 4, 9)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice

import networkx as nx
from pyoxigraph import Store

from datacareers.constants import ROLE
from datacareers.errors import BadInputError, NoPathError
from datacareers.i18n import _, active
from datacareers.labels import pick_label
from datacareers.skillgap import gap as skill_gap
from datacareers.store.resolve import Start, resolve_role
from datacareers.store.skills import resolve_skills
from datacareers.views.blocked import explain_no_path
from datacareers.views.describe import role_salaries
from datacareers.views.moves import (
    EVIDENCE,
    STRENGTH,
    Moves,
    Profiles,
    evidence_items,
    evidence_weight,
    strongest,
)
from datacareers.views.pay import pay_changes

#: Pay may fall to this share of the current median on a --desirable move (Career Causeways).
DESIRABLE_PAY = 0.75
#: The most O*NET job zones a --viable move may cross (Career Causeways).
VIABLE_ZONES = 1
#: A path with more moves than this gets a warning (each move adds uncertainty).
LONG = 3
#: How far the search looks: the shortest chain plus this many moves (and never beyond DEPTH);
#: through imported occupations, at most about BUDGET nodes' moves are read.
#: and at most REGION roles are weighed (fewer extra moves are allowed when more would be).
MARGIN, DEPTH, BUDGET, REGION = 3, 10, 600, 80


@dataclass(frozen=True)
class Constraints:
    """What a path must respect (``path`` options)."""

    evidence: str = "inferred"  # the weakest evidence allowed
    max_steps: int | None = None
    via: tuple[str, ...] = ()
    avoid: frozenset[str] = frozenset()
    have: frozenset[str] = frozenset()
    desirable: bool = False
    viable: bool = False

    @property
    def kinds(self) -> list[str]:
        return [k for k in EVIDENCE if STRENGTH[k] <= STRENGTH[self.evidence]]

    @classmethod
    def named(cls, store: Store, *, via=(), avoid=(), have=(), **options) -> Constraints:
        """Constraints from the names a person gives (roles and skills in French or English,
        ids or IRIs), resolved in *store*; an unknown or ambiguous name is one error line.

        >>> from datacareers.store.shipped import shipped_store
        >>> Constraints.named(shipped_store(), avoid=["CDO"], evidence="stated").avoid
        frozenset({'https://w3id.org/datacareers/role/chief-data-officer'})
        """
        return cls(via=tuple(resolve_role(store, v) for v in via),
                   avoid=frozenset(resolve_role(store, r) for r in avoid),
                   have=resolve_skills(store, list(have)), **options)


@dataclass
class Step:
    """One move: its cost, evidence, the skills it adds and how pay and job zone change."""

    source: str
    target: str
    cost: float
    gap: float | None  # None when the target role's skills are unknown
    evidence: str
    items: list[dict]
    new_skills: list[dict]  # {"id", "essential", "partial"}, essential first
    salary_change: list[dict] = field(default_factory=list)
    job_zone: tuple[int | None, int | None] = (None, None)
    job_zone_dates: tuple[list[str], list[str]] = ([], [])  # when O*NET rated each (2012-07)
    eqf: tuple[int | None, int | None] = (None, None)
    weight: float | None = None  # the evidence weight in the cost (None: WEIGHT[evidence])

    @property
    def sources(self) -> list[str]:
        return sorted({i["source"] for i in self.items})

    @property
    def similarity(self) -> float | None:
        return max((i["similarity"] for i in self.items if i["similarity"] is not None), default=None)

    @property
    def probability(self) -> float | None:
        """The transition model's probability of an inferred move (the highest source's)."""
        return best_probability(self.items)


def best_probability(items: list[dict]) -> float | None:
    """The highest probability among evidence items that carry one."""
    return max((i["probability"] for i in items if i.get("probability") is not None), default=None)


@dataclass
class CareerPath:
    roles: list[str]
    steps: list[Step]
    #: roles on the way that are not curated roles (imported occupations), when any
    outside: list[str] = field(default_factory=list)

    @property
    def cost(self) -> float:
        return round(sum(step.cost for step in self.steps), 4)


@dataclass
class PathResult:
    source: str
    target: str
    paths: list[CareerPath]
    labels: dict[str, dict[str, str]]
    constraints: Constraints
    #: when FROM was a title several occupations share: what was typed and every occupation searched from
    asked: str = ""
    starts: list[str] = field(default_factory=list)
    #: a start reached through ESCO occupations named like it: start -> those occupations, and
    #: start -> their essential skills, held on every path from it
    through: dict[str, list[str]] = field(default_factory=dict)
    held: dict[str, frozenset[str]] = field(default_factory=dict)


class Search:
    """Moves, role profiles and step costs under one set of constraints."""

    def __init__(self, store: Store, constraints: Constraints):
        self.store, self.constraints = store, constraints
        self.moves = Moves(store, constraints.kinds)
        self.profiles = Profiles(store, self.moves.aliases)
        self.truncated = False  # True when a walk stopped at its budget before finding a path

    def node(self, iri: str) -> str:
        return self.moves.aliases.node(iri)

    def step_gap(self, u: str, v: str) -> float | None:
        profiles = self.profiles
        have = profiles[u]["held"] | self.constraints.have
        needed = profiles[v]["essential"] or profiles[v]["skills"]
        have_groups = profiles.held_groups(u) | profiles.groups_of(self.constraints.have)
        return skill_gap(have, needed, profiles.group_map(needed), have_groups)

    def allowed(self, u: str, v: str) -> bool:
        """False when a --desirable or --viable constraint rules the move out (known figures only)."""
        if self.constraints.desirable:
            changes = pay_changes(self.profiles[u]["pay"], self.profiles[v]["pay"])  # one per source
            change = next((c for c in changes if not c.get("fap_from")), changes[0] if changes else None)
            if change and change["ratio"] is not None and change["ratio"] < DESIRABLE_PAY:
                return False
        if self.constraints.viable:
            a, b = self.profiles[u]["job_zone"], self.profiles[v]["job_zone"]
            if a is not None and b is not None and abs(a - b) > VIABLE_ZONES:
                return False
        return True

    def probability(self, u: str, v: str, sources: dict[str, str]) -> float | None:
        """The model's probability of the inferred move u -> v (None when no source gives one)."""
        inferred = {g: k for g, k in sources.items() if k == "inferred"}
        return best_probability(evidence_items(self.store, self.moves.aliases, u, v, inferred)) if inferred else None

    def edge(self, graph: nx.DiGraph, u: str, v: str, sources: dict[str, str]) -> None:
        evidence = strongest(sources.values())
        found = self.step_gap(u, v)
        weight = evidence_weight(evidence, self.probability(u, v, sources) if evidence == "inferred" else None)
        graph.add_edge(u, v, sources=sources, evidence=evidence, weight=weight,
                       cost=round(weight + (1.0 if found is None else found), 4))

    def local_graph(self, source: str, target: str) -> tuple[nx.DiGraph, int | None]:
        """The moves that can lie on a good path, and the fewest moves from *source* to *target*.

        Between two curated roles, paths go through curated roles first (each one with the
        moves of the occupations it matches exactly); only when none joins them does the
        search go through imported occupations. Out there the region read is bounded
        (BUDGET nodes' moves), so a question on a full import stays quick."""
        curated = self.moves.aliases.curated
        if source in curated and target in curated:
            graph, fewest = self._region(source, target, curated)
            if fewest is not None:
                return graph, fewest
        return self._region(source, target, None)

    def _region(self, source: str, target: str, within: set[str] | None) -> tuple[nx.DiGraph, int | None]:
        avoid, limit = self.constraints.avoid, self.constraints.max_steps or DEPTH
        budget = None if within is not None else BUDGET
        forward, backward = set(), set()
        self.moves.reach([source], limit, avoid=avoid, within=within, budget=budget, stop_at=target,
                         expanded=forward)
        self.moves.reach([target], limit, forward=False, avoid=avoid, within=within, budget=budget,
                         stop_at=source, expanded=backward)
        known = nx.DiGraph()  # every move read on both walks
        for u in forward:
            known.add_edges_from((u, v) for v in self.moves.out_of(u))
        for v in backward:
            known.add_edges_from((u, v) for u in self.moves.into(v))
        drop = set(avoid) | ({n for n in known if n not in within} - {source, target} if within is not None else set())
        known.remove_nodes_from(drop)
        graph = nx.DiGraph()
        if source not in known or target not in known:
            self.truncated |= budget is not None and self.moves.reads() > budget
            return graph, None
        after = nx.single_source_shortest_path_length(known, source, cutoff=limit)
        before = nx.single_source_shortest_path_length(known.reverse(copy=False), target, cutoff=limit)
        if target not in after:
            self.truncated |= budget is not None and self.moves.reads() > budget
            return graph, None
        fewest = after[target]
        for span in range(min(limit, fewest + MARGIN), fewest - 1, -1):
            keep = {n for n, d in after.items() if n in before and d + before[n] <= span}
            if len(keep) <= REGION or span == fewest:
                break
        for u in sorted(keep):
            for v, sources in sorted(self.moves.out_of(u).items()):
                if v in keep and v != source and u != target and self.allowed(u, v):
                    self.edge(graph, u, v, sources)
        return graph, fewest

    def best(self, source: str, target: str, k: int) -> list[list[str]]:
        """The k cheapest simple paths (at most max_steps moves), as node lists."""
        graph, fewest = self.local_graph(source, target)
        if fewest is None or source not in graph or target not in graph:
            return []
        self.graph = graph
        limit = self.constraints.max_steps
        found = []
        try:
            for roles in islice(nx.shortest_simple_paths(graph, source, target, weight="cost"), 50 * k):
                if limit is None or len(roles) - 1 <= limit:
                    found.append(roles)
                    if len(found) == k:
                        break
        except nx.NetworkXNoPath:
            return []
        return found

    def cost(self, roles: list[str]) -> float:
        return sum(self.graph.edges[u, v]["cost"] for u, v in zip(roles, roles[1:], strict=False))


def _search(store: Store, source: str, target: str, k: int, constraints: Constraints):
    """The k best paths under *constraints* (with --via, through every via role in turn)."""
    search = Search(store, constraints)
    stops = [search.node(r) for r in (source, *constraints.via, target)]
    if len(stops) == 2:
        return search, [(search.cost(p), p) for p in search.best(stops[0], stops[1], k)]
    legs = [[(search.cost(p), p) for p in search.best(a, b, k)] for a, b in zip(stops, stops[1:], strict=False)]
    combined = [(0.0, [stops[0]])]
    for leg in legs:
        joined = [(c + d, p + q[1:]) for c, p in combined for d, q in leg if len(set(p + q[1:])) == len(p + q) - 1]
        combined = sorted(joined, key=lambda t: t[0])[:k]
    limit = constraints.max_steps
    return search, [(c, p) for c, p in combined if limit is None or len(p) - 1 <= limit][:k]


def find_paths(store: Store, source: str, target: str, k: int = 3,
               constraints: Constraints | None = None) -> PathResult:
    """The *k* cheapest career paths from role *source* to role *target* (IRIs)."""
    constraints = constraints or Constraints()
    if k < 1:
        raise BadInputError(_("-k must be at least 1, not {k}").format(k=k))
    search = Search(store, constraints)
    source, target = search.node(source), search.node(target)
    if source == target:
        raise BadInputError(_("the two roles are the same; give two different roles"))
    if source in constraints.avoid or target in constraints.avoid:
        raise BadInputError(_("a role to avoid cannot be where the path starts or ends"))
    search, found = _search(store, source, target, k, constraints)
    if not found and search.truncated:
        raise NoPathError(_("no path found from {a} to {b} among the {n} occupations read around them (the "
                            "search stops there to stay quick); try --via with a role in between").format(
            a=_name(search, source), b=_name(search, target), n=search.moves.reads()))
    if not found:
        raise explain_no_path(store, source, target, constraints, lambda c: _search(store, source, target, 1, c)[1])
    curated = search.moves.aliases.curated
    paths = [CareerPath(roles, [step_details(search, u, v) for u, v in zip(roles, roles[1:], strict=False)],
                        outside=[r for r in roles[1:-1] if r not in curated] if curated else [])
             for _cost, roles in found]
    labels = {n: search.profiles[n]["labels"] for p in paths for n in p.roles}
    return PathResult(source=source, target=target, paths=paths, labels=labels, constraints=constraints)


def find_paths_from_any(store: Store, start: Start, target: str, k: int = 3,
                        constraints: Constraints | None = None, asked: str = "") -> PathResult:
    """The *k* cheapest paths to *target* from any node of *start* (the occupations a shared
    title names, :func:`~datacareers.store.resolve.resolve_start`), each path starting from
    its own; ``starts`` lists them when several. A node reached through ESCO occupations holds
    their essential skills on every path from it. One node: :func:`find_paths`."""
    constraints, held = constraints or Constraints(), start.held(store)
    sources = start.nodes

    def from_one(source: str) -> PathResult:
        extra = held.get(source, frozenset()) - constraints.have
        return find_paths(store, source, target, k, replace(constraints, have=constraints.have | extra)
                          if extra else constraints)

    if len(sources) == 1:
        result = from_one(sources[0])
        result.asked, result.through, result.held = asked, start.through, held
        return result
    found, failure = [], None
    for source in sources:
        try:
            found.append(from_one(source))
        except (NoPathError, BadInputError) as error:
            failure = failure or error
    if not found:
        raise failure
    paths = sorted((p for r in found for p in r.paths), key=lambda p: (p.cost, len(p.roles), p.roles))[:k]
    labels = {n: label for r in found for n, label in r.labels.items()}
    return PathResult(source=paths[0].roles[0], target=found[0].target, paths=paths, labels=labels,
                      constraints=constraints, asked=asked, starts=list(sources), through=start.through, held=held)


def _name(search: Search, node: str) -> str:
    return pick_label(search.profiles[node]["labels"], active(), node.rsplit("/", 1)[-1])


def step_details(search: Search, u: str, v: str) -> Step:
    """The explained step u -> v (its edge must be in, or addable to, ``search.graph``)."""
    graph, profiles = search.graph, search.profiles
    if not graph.has_edge(u, v):  # a --via leg found in another local graph
        search.edge(graph, u, v, search.moves.out_of(u)[v])
    data = graph.edges[u, v]
    before, after = profiles[u], profiles[v]
    have = before["held"] | search.constraints.have
    have_groups = {g for s in have for g in profiles.groups(s)}
    new = [{"id": s, "essential": s in after["essential"],
            "partial": any(g in have_groups for g in profiles.groups(s))}
           for s in after["skills"] - have]
    new.sort(key=lambda s: (not s["essential"], s["partial"], s["id"]))
    salary = pay_changes(before["pay"], after["pay"]) + _ranges(search.store, u, v)
    return Step(source=u, target=v, cost=data["cost"], gap=search.step_gap(u, v), evidence=data["evidence"],
                items=evidence_items(search.store, search.moves.aliases, u, v, data["sources"]),
                new_skills=new, salary_change=salary, job_zone=(before["job_zone"], after["job_zone"]),
                job_zone_dates=(before["job_zone_dates"], after["job_zone_dates"]), eqf=(before["eqf"], after["eqf"]),
                weight=data["weight"])


def _ranges(store: Store, source: str, target: str) -> list[dict]:
    """Annual salary ranges of both roles, by seniority, where both are known."""

    def annual(role):
        return {(s["seniority"], s["currency"]): s for s in role_salaries(store, role)
                if s["period"] == "P1Y" and s["min"] is not None and s["max"] is not None}

    before, after = annual(source), annual(target)
    return [{"kind": "range", "seniority": key[0], "currency": key[1],
             "from": [before[key]["min"], before[key]["max"]], "to": [after[key]["min"], after[key]["max"]]}
            for key in sorted(set(before) & set(after), key=str)]


__all__ = ["find_paths", "find_paths_from_any", "Constraints", "CareerPath", "Step", "PathResult", "Search", "ROLE"]
