"""The data roles one can reach from an occupation (``next ROLE --into data``): for each
curated role, the cheapest path under the constraints, its cost, its length and its first
step, cheapest first; and the roles no path reaches.

>>> from datacareers.store.shipped import shipped_store
>>> answer = data_roles_within_reach(shipped_store(), "https://w3id.org/datacareers/rome/M1203")
>>> answer.reached[0].roles[0].endswith("/rome/M1203"), len(answer.reached) > 10
(True, True)
>>> all(r.roles[-1] == r.role and r.first.source == r.roles[0] for r in answer.reached)
True
>>> [r.cost for r in answer.reached] == sorted(r.cost for r in answer.reached)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Store

from datacareers.constants import SOURCE
from datacareers.store.walk import all_roles
from datacareers.views.paths import Constraints, Search, Step, step_details


@dataclass
class Reached:
    """One data role within reach: the cheapest path's roles, its cost and first step."""

    role: str
    roles: list[str]
    cost: float
    first: Step


@dataclass
class IntoData:
    source: str
    reached: list[Reached]
    unreached: list[str]
    labels: dict[str, dict[str, str]]
    constraints: Constraints


def data_roles_within_reach(store: Store, source: str, constraints: Constraints | None = None) -> IntoData:
    """Every curated role *source* can reach under *constraints*, cheapest first (a search
    per role: each walk has its own budget of occupations read, as ``path`` does)."""
    constraints = constraints or Constraints()
    search = Search(store, constraints)
    node = search.node(source)
    targets = dict.fromkeys(t for t in map(search.node, all_roles(store, SOURCE["curated"]))
                            if t != node and t not in constraints.avoid)
    reached, unreached = [], []
    for target in targets:
        search = Search(store, constraints)  # a fresh budget of occupations read for each walk
        found = search.best(node, target, 1)
        if not found or (constraints.max_steps and len(found[0]) - 1 > constraints.max_steps):
            unreached.append(target)
            continue
        roles = found[0]
        reached.append(Reached(target, roles, round(search.cost(roles), 4), step_details(search, roles[0], roles[1])))
    reached.sort(key=lambda r: (r.cost, r.role))
    # every Search reads the store's one cache of profiles: the last one names them all
    labels = {n: search.profiles[n]["labels"] for n in {node, *unreached, *(x for r in reached for x in r.roles)}}
    return IntoData(node, reached, sorted(unreached), labels, constraints)
