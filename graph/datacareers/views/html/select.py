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

#: A focus view draws at most this many nodes by default (the most relevant first).
MAX_FOCUS_NODES = 150

#: How close a relation ties a node to the focus, most relevant first: moves, reporting
#: lines and collaborations, essential skills, sectors, employers, then the rest.
RELEVANCE = ("canBecome", "managedBy", "worksWith", "essentialSkill", "inSector", "employedBy",
             "optionalSkill", "requiresSkill")


def _neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> set[str]:
    return set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth))


def _ranked(graph: nx.MultiDiGraph, centre: str, depth: int) -> list[str]:
    """The focus's neighbourhood, nearest and most relevant first: by distance, then by the
    most relevant relation linking a node to the ring before it, then by IRI."""
    distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth)
    best: dict[str, int] = {}
    for u, v, rel in graph.edges(keys=True):
        if u in distance and v in distance:
            rank = RELEVANCE.index(rel) if rel in RELEVANCE else len(RELEVANCE)
            for near, far in ((u, v), (v, u)):
                if distance[far] == distance[near] + 1:
                    best[far] = min(best.get(far, rank), rank)
    return sorted(distance, key=lambda n: (distance[n], best.get(n, 0), n))


@dataclass
class Selection:
    """Which nodes are drawn, the focus role, and the highlighted paths."""

    sub: nx.MultiDiGraph
    focus: str | None
    paths: list[list[str]]
    steps: dict[str, list[str]]
    path_edges: set[tuple[str, str]]
    #: (drawn, in the neighbourhood) when a focus view was capped, else None
    capped: tuple[int, int] | None = None


def select(store: Store, graph: nx.MultiDiGraph, focus: str | None, depth: int,
           highlight_paths: list[list[str]] | None, max_nodes: int = MAX_FOCUS_NODES) -> Selection:
    """The nodes to draw: a focus role's neighbourhood (at most *max_nodes*, the most
    relevant first; 0 = no cap), the paths and their neighbours, or all."""
    keep: set[str] | None = None
    focus_iri = None
    capped = None
    if focus is not None:
        focus_iri = resolve_role(store, focus)
        if focus_iri not in graph:
            raise UnknownRoleError(f"role {focus!r} ({focus_iri}) has nothing to draw")
        ranked = _ranked(graph, focus_iri, depth)
        if max_nodes and len(ranked) > max_nodes:
            capped = (max_nodes, len(ranked))
            ranked = ranked[:max_nodes]
        keep = set(ranked)
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
    return Selection(sub, focus_iri, paths, steps, path_edges, capped)
