"""Walking the store: the roles it holds, and one breadth-first search over its links.

Both read quads directly (no SPARQL join, never the whole graph), so they stay fast
after a full import of ESCO, ROME and O*NET.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.constants import CAREER, ROLE
>>> store = shipped_store()
>>> ROLE["data-analyst"] in all_roles(store)
True
>>> depth, _ = breadth_first(store, [ROLE["data-analyst"]], [CAREER["canBecome"]], limit=1)
>>> depth[ROLE["chief-data-officer"]]
1
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, RDF_TYPE

#: An edge met on the walk: (subject, object, named graph), as the store states it.
Edge = tuple[str, str, str]


SCHEMA_OCCUPATION = PREFIXES["schema"] + "Occupation"


def starting_points(store: Store) -> list[str]:
    """Every occupation one may start a path from: the roles and the shipped occupations
    no curated role matches (``schema:Occupation`` only, such as ROME's fiches), sorted."""
    found = {q.subject.value for q in store.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(SCHEMA_OCCUPATION))}
    return sorted(found | set(all_roles(store)))


def all_roles(store: Store, graph: str | None = None) -> list[str]:
    """Every node typed ``career:Role`` (in named graph *graph* only, if given), sorted."""
    where = NamedNode(graph) if graph else None
    pattern = (None, NamedNode(RDF_TYPE), NamedNode(CAREER["Role"]), where)
    return sorted({q.subject.value for q in store.quads_for_pattern(*pattern)})


def breadth_first(
    store: Store, seeds: Iterable[str], predicates: Iterable[str], *, limit: int,
    forward: bool = True, backward: bool = False,
) -> tuple[dict[str, int], list[Edge]]:
    """Nodes within *limit* links of *seeds* along *predicates*, with their depth, and the
    edges crossed. *forward* follows subject -> object, *backward* object -> subject
    (both: undirected)."""
    nodes = [NamedNode(p) for p in predicates]
    depth = {seed: 0 for seed in seeds}
    edges: list[Edge] = []
    frontier = list(depth)
    level = 0
    while frontier and level < limit:
        level += 1
        following = []
        for node in frontier:
            here = NamedNode(node)
            for predicate in nodes:
                met = []
                if forward:
                    met += [(q.object.value, (node, q.object.value, q.graph_name.value))
                            for q in store.quads_for_pattern(here, predicate, None, None)]
                if backward:
                    met += [(q.subject.value, (q.subject.value, node, q.graph_name.value))
                            for q in store.quads_for_pattern(None, predicate, here, None)]
                for other, edge in met:
                    edges.append(edge)
                    if other not in depth:
                        depth[other] = level
                        following.append(other)
        frontier = following
    return depth, edges
