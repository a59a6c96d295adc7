"""Cut the part worth drawing out of a big dataset (after a full ESCO / ROME / O*NET import).

The HTML view reads whole-store queries, which is right for the shipped graph (a few
thousand triples) but not for a million imported ones. :func:`drawable_subset` copies
into a small in-memory store only what the view will show: the chosen roles and what
lies within a few links of them, every quad about those nodes (labels, definitions,
salaries, education), the source descriptions and the vocabulary.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.constants import ROLE
>>> small = drawable_subset(shipped_store(), [ROLE["data-analyst"]], depth=1)
>>> from pyoxigraph import NamedNode
>>> any(small.quads_for_pattern(NamedNode(ROLE["data-analyst"]), None, None))
True
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, VOCABULARY_GRAPH, source_iri
from datacareers.store.persist import stamp_of
from datacareers.store.walk import all_roles, breadth_first
from datacareers.views.network import RELATIONS

#: Above this many quads, views are drawn from a subset (see :func:`drawable_subset`).
LARGE_STORE = 200_000


def is_large(store: Store) -> bool:
    """Whether views should be drawn from a subset of *store*: the on-disk store (something
    is imported; counting its million quads alone took 0.6 s) or a store over
    :data:`LARGE_STORE` quads."""
    return stamp_of(store) is not None or len(store) > LARGE_STORE


# Nodes that belong to their subject and are drawn as part of it (a role's salary ranges, the
# wage distributions, outlooks, education and tasks of its profile, the mappings it is read through).
_OWNED = (CAREER["salary"], CAREER["education"], CAREER["outlook"], CAREER["task"], CAREER["viaMapping"])
# Of those, the ones other roles share (a wage distribution is the SOC code's): who shares them
# is kept too, with what says who they are (a name; a SOC code's residual "All Other" mark);
# so is the name of each concept a kept mapping reads through.
_SHARED = (CAREER["salary"], CAREER["outlook"], CAREER["education"])
_WHO = (PREFIXES["skos"] + "prefLabel", CAREER["residualGroup"])


def neighbourhood(store: Store, seeds: Iterable[str], depth: int) -> set[str]:
    """Nodes within *depth* links (any relation drawn by the view, either direction)."""
    found, _ = breadth_first(store, seeds, RELATIONS, limit=depth, backward=True)
    return set(found)


def drawable_subset(store: Store, seeds: Iterable[str], depth: int) -> Store:
    """A new store with every quad about the nodes within *depth* links of *seeds*."""
    keep = neighbourhood(store, seeds, depth)
    owned = {
        quad.object.value
        for node in keep for predicate in _OWNED
        for quad in store.quads_for_pattern(NamedNode(node), NamedNode(predicate), None, None)
    }
    subset = Store()
    subjects = keep | owned | {g.value for g in store.named_graphs()}
    subset.extend(q for s in sorted(subjects) for q in store.quads_for_pattern(NamedNode(s), None, None, None))
    sharing = [q for o in sorted(owned) for p in _SHARED
               for q in store.quads_for_pattern(None, NamedNode(p), NamedNode(o), None)]
    subset.extend(sharing)
    concepts = {q.object.value for o in sorted(owned)  # what a mapping reads through, by name
                for q in store.quads_for_pattern(NamedNode(o), NamedNode(CAREER["mappedConcept"]), None, None)}
    named = ({q.subject.value for q in sharing} | concepts) - subjects
    subset.extend(q for s in sorted(named) for p in _WHO
                  for q in store.quads_for_pattern(NamedNode(s), NamedNode(p), None, None))
    subset.extend(store.quads_for_pattern(None, None, None, NamedNode(VOCABULARY_GRAPH)))
    return subset


def curated_roles(store: Store) -> list[str]:
    """Our own roles (typed in ``source:curated``)."""
    return all_roles(store, source_iri("curated"))


__all__ = ["drawable_subset", "neighbourhood", "curated_roles", "is_large", "LARGE_STORE"]
