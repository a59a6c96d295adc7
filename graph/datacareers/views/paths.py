"""Career paths over ``career:canBecome``, each step with the skills to add.

The cost of a path is the sum of its steps' costs. A step costs 1 (the move itself)
plus its skill gap: the share, from 0 to 1, of the target role's required skills
(essential ones when the source marks any, else all) that the current role does not
have. A step into a role whose skills no source lists costs 1 + 1: an unknown gap is
counted as a full one, so known, easy moves come first. The best paths are the ``k``
cheapest simple paths (Yen's algorithm, ``networkx.shortest_simple_paths``).

>>> from datacareers.store.shipped import shipped_store
>>> store = shipped_store()
>>> result = find_paths(store, ROLE["data-analyst"], ROLE["chief-data-officer"], k=3)
>>> [[r.rsplit("/", 1)[-1] for r in p.roles] for p in result.paths]
[['data-analyst', 'chief-data-officer']]
>>> result.paths[0].steps[0].sources
['https://w3id.org/datacareers/source/rome-4.0']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import networkx as nx
from pyoxigraph import Store

from datacareers.constants import ROLE
from datacareers.errors import BadInputError, NoPathError
from datacareers.i18n import _, active
from datacareers.views.describe import label_map, role_salaries
from datacareers.views.network import annotate_ranks, annotate_roles, local_move_graph


@dataclass
class Step:
    """One move: from a role to the next, the skills to add, the sources saying so."""

    source: str
    target: str
    cost: float
    gap: float | None  # None when the target role's skills are unknown
    new_skills: list[str]
    sources: list[str]
    rank: int | None = None
    salary_change: list[dict] = field(default_factory=list)


@dataclass
class CareerPath:
    roles: list[str]
    steps: list[Step]

    @property
    def cost(self) -> float:
        return round(sum(step.cost for step in self.steps), 4)


@dataclass
class PathResult:
    source: str
    target: str
    paths: list[CareerPath]
    graph: nx.DiGraph


def required_skills(graph: nx.DiGraph, role: str) -> set[str]:
    """The skills that count for a move into *role*: essential ones, else all."""
    data = graph.nodes[role]
    return set(data["essential"]) or set(data["skills"])


def skill_gap(graph: nx.DiGraph, source: str, target: str) -> float | None:
    """Share of *target*'s required skills that *source* lacks; None if unknown.

    >>> g = nx.DiGraph()
    >>> g.add_node("a", essential=set(), skills={"x", "y"})
    >>> g.add_node("b", essential={"x", "z"}, skills={"x", "z", "w"})
    >>> skill_gap(g, "a", "b")
    0.5
    """
    needed = required_skills(graph, target)
    if not needed:
        return None
    have = graph.nodes[source]["skills"]
    return len(needed - have) / len(needed)


def step_cost(graph: nx.DiGraph, source: str, target: str) -> float:
    """1 for the move plus the skill gap (1 when the gap is unknown)."""
    gap = skill_gap(graph, source, target)
    return 1.0 + (1.0 if gap is None else gap)


def _salary_change(store: Store, source: str, target: str) -> list[dict]:
    """Annual salary ranges of both roles, by seniority, where both are known."""

    def annual(role):
        return {(s["seniority"], s["currency"]): s for s in role_salaries(store, role) if s["period"] == "P1Y"}

    before, after = annual(source), annual(target)
    return [
        {"seniority": key[0], "currency": key[1],
         "from": [before[key]["min"], before[key]["max"]], "to": [after[key]["min"], after[key]["max"]]}
        for key in sorted(set(before) & set(after), key=str)
    ]


def find_paths(store: Store, source: str, target: str, k: int = 3) -> PathResult:
    """The *k* cheapest career paths from role *source* to role *target* (IRIs)."""

    if k < 1:
        raise BadInputError(_("-k must be at least 1, not {k}").format(k=k))
    if source == target:
        raise BadInputError(_("the two roles are the same; give two different roles"))
    sub, fewest = local_move_graph(store, source, target)
    if fewest is None:
        names = label_map(store, [source, target], active())
        raise NoPathError(_("no chain of career moves leads from {a} to {b} in the data").format(
            a=names[source], b=names[target]))
    annotate_roles(store, sub, list(sub.nodes))
    for u, v, data in sub.edges(data=True):
        data["cost"] = step_cost(sub, u, v)
    found = list(islice(nx.shortest_simple_paths(sub, source, target, weight="cost"), k))
    # ranks only explain; read them for the moves shown
    annotate_ranks(store, sub, {(u, v) for roles in found for u, v in zip(roles, roles[1:], strict=False)})
    paths = []
    for roles in found:
        steps = []
        for u, v in zip(roles, roles[1:], strict=False):
            data = sub.edges[u, v]
            new = required_skills(sub, v) | set(sub.nodes[v]["skills"])
            steps.append(Step(
                source=u, target=v, cost=round(data["cost"], 4), gap=skill_gap(sub, u, v),
                new_skills=sorted(new - sub.nodes[u]["skills"]),
                sources=sorted(data["sources"]), rank=data["rank"],
                salary_change=_salary_change(store, u, v),
            ))
        paths.append(CareerPath(roles=roles, steps=steps))
    return PathResult(source=source, target=target, paths=paths, graph=sub)


__all__ = ["find_paths", "skill_gap", "step_cost", "CareerPath", "Step", "PathResult", "ROLE"]
