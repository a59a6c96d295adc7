"""Which nodes the view draws: a role's neighbourhood, the highlighted paths and what
surrounds them, or the whole graph.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.views.network import full_graph
>>> store = shipped_store()
>>> chosen = select(store, full_graph(store), "data-analyst", 0, None)
>>> list(chosen.sub)
['https://w3id.org/datacareers/role/data-analyst']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from pyoxigraph import Store

from datacareers.errors import BadInputError, UnknownRoleError
from datacareers.store.resolve import resolve_role


def _neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> set[str]:
    return set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth))


@dataclass
class Selection:
    """Which nodes are drawn, the focus role, and the highlighted paths."""

    sub: nx.MultiDiGraph
    focus: str | None
    paths: list[list[str]]
    steps: dict[str, list[str]]
    path_edges: set[tuple[str, str]]


def select(store: Store, graph: nx.MultiDiGraph, focus: str | None, depth: int,
           highlight_paths: list[list[str]] | None) -> Selection:
    """The nodes to draw: a focus role's neighbourhood, the paths and their neighbours, or all."""
    keep: set[str] | None = None
    focus_iri = None
    if focus is not None:
        focus_iri = resolve_role(store, focus)
        if focus_iri not in graph:
            raise UnknownRoleError(f"role {focus!r} ({focus_iri}) has nothing to draw")
        keep = _neighbourhood(graph, focus_iri, depth)
    paths = [list(p) for p in (highlight_paths or []) if p]
    steps: dict[str, list[str]] = defaultdict(list)
    path_edges: set[tuple[str, str]] = set()
    for number, path in enumerate(paths, 1):
        for i, role in enumerate(path):
            if role not in graph:
                raise BadInputError(f"path {number} goes through {role!r}, not in the graph")
            steps[role].append(f"{i + 1}" if len(paths) == 1 else f"{chr(64 + number)}{i + 1}")
        path_edges.update(zip(path, path[1:], strict=False))
    if paths:
        around = {n for p in paths for r in p for n in _neighbourhood(graph, r, 1)}
        keep = around if keep is None else keep | around
    sub = graph if keep is None else graph.subgraph(keep)
    return Selection(sub, focus_iri, paths, steps, path_edges)
