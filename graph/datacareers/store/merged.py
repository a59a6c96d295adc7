"""The store queries run on: every named graph as it is, and their RDF merge as the
default graph.

SPARQL's ``sd:UnionDefaultGraph`` means the default graph is the *merge* of the named
graphs: a set of triples, so a triple two sources state is one triple. Oxigraph's
``use_default_graph_as_union`` (0.5.13) evaluates each triple pattern once per graph
that holds it instead (oxigraph issue 1919): the data scientist's managers listed the
Chief Data Officer twice and ``COUNT(*)`` counted every shared triple twice. So the
query path writes the merge into the store's default graph, which no fact of ours ever
uses, and queries read the default graph; ``GRAPH ?g`` still ranges over the named
graphs only, so it tells every source of a fact.

The shipped store is small: its merge is made in memory (a third of a second). An
on-disk store after an import is copied once per generation, with its merge, into the
data folder's cache, and that copy is opened read-only by every later query; a data
folder that cannot be written gets an in-memory copy.

>>> from datacareers.store.shipped import shipped_store
>>> store = queryable(shipped_store(), owned=True)
>>> has_merge(store), queryable(store) is store
(True, True)
>>> query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
>>> merged = int(next(iter(store.query(query)))["n"].value)
>>> every_graph = int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)
>>> 0 < merged < every_graph
True
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, Store

from datacareers.constants import data_home
from datacareers.store.persist import stamp_of

__all__ = ["add_merge", "has_merge", "prepare", "queryable", "with_merge"]

_CACHE_PREFIX = "merged-"


def has_merge(store: Store) -> bool:
    """Whether *store*'s default graph holds anything (our facts never sit there, so
    only :func:`add_merge` puts triples in it)."""
    return any(store.quads_for_pattern(None, None, None, DefaultGraph()))


def with_merge(quads: Iterable[Quad]) -> Iterator[Quad]:
    """Each quad, then its triple in the default graph (a graph is a set: a store keeps
    one copy of a triple given twice). Blank nodes stay the same nodes."""
    default = DefaultGraph()
    for quad in quads:
        yield quad
        yield Quad(quad.subject, quad.predicate, quad.object, default)


def add_merge(store: Store) -> Store:
    """Write into the in-memory *store*'s default graph every triple of its named graphs."""
    store.extend([Quad(q.subject, q.predicate, q.object, DefaultGraph())
                  for q in store.quads_for_pattern(None, None, None, None)])
    return store


def queryable(store: Store, owned: bool = False) -> Store:
    """*store* itself when it already holds its merge, else one that does: the on-disk
    store's cached copy; an in-memory *store* given as *owned* (the caller's own,
    nothing else reads it) gets its merge in place, any other is copied."""
    if has_merge(store):
        return store
    stamp = stamp_of(store)
    if stamp is not None:
        with contextlib.suppress(OSError):
            return _cached_copy(store, stamp)
    if owned and stamp is None:
        return add_merge(store)
    if _LAST_COPY and _LAST_COPY[0] is store and _LAST_COPY[1] == len(store):
        return _LAST_COPY[2]
    copy = Store()
    copy.bulk_extend(with_merge(store.quads_for_pattern(None, None, None, None)))
    _LAST_COPY[:] = [store, len(store), copy]
    return copy


#: The last in-memory store copied with its merge, its size then, and the copy: a caller
#: running many queries on one store (our own code, the tests) copies it once.
_LAST_COPY: list = []


def prepare(store: Store) -> None:
    """Make the on-disk copy :func:`queryable` opens for an on-disk *store*, so processes
    started next open it instead of each making it (nothing to do for an in-memory one)."""
    stamp = stamp_of(store)
    if stamp is not None and not has_merge(store):
        with contextlib.suppress(OSError):
            _cached_copy(store, stamp)


def _cached_copy(store: Store, stamp: str) -> Store:
    """The on-disk copy of *store* with its merge, for this generation: opened when it
    exists, else built aside and renamed into place (a concurrent builder's copy wins)."""
    cache = data_home() / "cache"
    target = cache / (_CACHE_PREFIX + hashlib.sha256(stamp.encode()).hexdigest()[:16])
    if not target.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        building = cache / f"{target.name}.building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        try:
            copy = Store(str(building))
            copy.bulk_extend(with_merge(store.quads_for_pattern(None, None, None, None)))
            copy.flush()
            del copy
            gc.collect()  # RocksDB lets go of the folder only when the store is freed
            _drop_old(cache, keep=target.name)
            with contextlib.suppress(OSError):
                building.rename(target)
        finally:
            shutil.rmtree(building, ignore_errors=True)
    return Store.read_only(str(target))


def _drop_old(cache: Path, keep: str) -> None:
    """Delete the copies made for earlier generations."""
    for old in cache.glob(_CACHE_PREFIX + "*"):
        if old.name != keep and ".building-" not in old.name:
            shutil.rmtree(old, ignore_errors=True)

