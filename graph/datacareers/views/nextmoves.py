"""Where one can go from a role: every move out, ranked by cost, and the skills that would
open the most of them (skill leverage).

Moves are ranked as path steps are (evidence weight + skill gap). The leverage of a skill
one does not have is the number of those moves whose target counts it as essential: learning
it narrows the gap of each of them.

>>> from datacareers.store.shipped import shipped_store
>>> answer = next_moves(shipped_store(), ROLE["data-analyst"])
>>> answer.moves[0].evidence in ("stated", "related", "inferred")
True
>>> costs = [m.cost for m in answer.moves]
>>> costs == sorted(costs)
True
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from pyoxigraph import Store

from datacareers.constants import ROLE
from datacareers.views.paths import Constraints, Search, Step, step_details


@dataclass
class NextMoves:
    role: str
    moves: list[Step]
    leverage: list[dict]  # {"id", "moves": [target...]}, most moves first
    labels: dict[str, dict[str, str]]
    constraints: Constraints


def next_moves(store: Store, role: str, constraints: Constraints | None = None, limit: int = 10,
               top_skills: int = 5) -> NextMoves:
    """The *limit* cheapest moves out of *role* under *constraints*, and the skills with most leverage."""
    constraints = constraints or Constraints()
    search = Search(store, constraints)
    node = search.node(role)
    search.graph = nx.DiGraph()
    for target, sources in search.moves.out_of(node).items():
        if target not in constraints.avoid and search.allowed(node, target):
            search.edge(search.graph, node, target, sources)
    ranked = sorted(search.graph.successors(node), key=lambda t: (search.graph.edges[node, t]["cost"], t))
    steps = [step_details(search, node, t) for t in ranked]
    needed: dict[str, set[str]] = defaultdict(set)
    for step in steps:
        for skill in step.new_skills:
            if skill["essential"]:
                needed[skill["id"]].add(step.target)
    leverage = sorted(({"id": s, "moves": sorted(t)} for s, t in needed.items()),
                      key=lambda x: (-len(x["moves"]), x["id"]))[:top_skills]
    shown = steps[:limit]
    labels = {n: search.profiles[n]["labels"] for n in {node, *(s.target for s in steps)}}
    return NextMoves(role=node, moves=shown, leverage=leverage, labels=labels, constraints=constraints)


__all__ = ["next_moves", "NextMoves", "ROLE"]
