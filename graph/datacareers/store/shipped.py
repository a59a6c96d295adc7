"""The facts that ship with the package: the vocabulary and ``ontology/facts/<source>/*.ttl``.

The folder name is the source, so every triple lands in the named graph ``source:<folder>``.

>>> store = shipped_store()
>>> from datacareers.constants import ROLE, SOURCE
>>> from pyoxigraph import NamedNode
>>> any(store.quads_for_pattern(NamedNode(ROLE["data-analyst"]), None, None))
True
>>> NamedNode(SOURCE["ml-engineer-article"]) in set(store.named_graphs())
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from datacareers.constants import FACTS_DIR, VOCABULARY_FILE, VOCABULARY_GRAPH, source_iri
from datacareers.errors import SourceDataError


def shipped_files() -> Iterator[tuple[Path, str]]:
    """Every shipped Turtle file with the IRI of the named graph it belongs to, sorted."""
    yield VOCABULARY_FILE, VOCABULARY_GRAPH
    for path in sorted(FACTS_DIR.glob("*/*.ttl")):
        yield path, source_iri(path.parent.name)


def shipped_graphs() -> dict[str, list[Path]]:
    """Each shipped named graph with its files."""
    graphs: dict[str, list[Path]] = {}
    for path, graph in shipped_files():
        graphs.setdefault(graph, []).append(path)
    return graphs


def shipped_digest() -> str:
    """A hash of every shipped file's name and bytes: tells when a copy is stale."""
    digest = hashlib.sha256()
    for path, graph in shipped_files():
        digest.update(graph.encode() + b"\0" + path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_turtle(store: Store, path: Path, graph: str) -> None:
    """Parse one Turtle file into *graph*; a syntax error names the file and line."""
    try:
        store.load(path=str(path), format=RdfFormat.TURTLE, to_graph=NamedNode(graph))
    except SyntaxError as exc:
        raise SourceDataError(f"{path}: not valid Turtle: {exc}") from None
    except OSError as exc:
        raise SourceDataError(f"{path}: cannot read: {exc}") from None


def load_shipped(store: Store) -> Store:
    """Add the vocabulary and every shipped fact file to *store*, each in its graph."""
    for path, graph in shipped_files():
        load_turtle(store, path, graph)
    return store


#: The last shipped store made and its size then: what :func:`shipped_stamp` recognises.
_LAST: list[tuple[Store, int]] = []


def shipped_store() -> Store:
    """A fresh in-memory store holding just what ships with the package."""
    store = load_shipped(Store())
    _LAST[:] = [(store, len(store))]
    return store


def shipped_stamp(store: Store) -> str | None:
    """A name for the content of *store* when it is the last :func:`shipped_store` made and
    nothing was added to or removed from it since (caches of what it holds key on it), else None.

    >>> store = shipped_store()
    >>> shipped_stamp(store) == "shipped-" + shipped_digest()
    True
    >>> shipped_stamp(Store()) is None
    True
    """
    if _LAST and _LAST[0][0] is store and len(store) == _LAST[0][1]:
        return "shipped-" + shipped_digest()
    if _COPY and _COPY[0][0] is store:
        return "shipped-" + _COPY[0][1]
    return None


#: The read-only on-disk copy of the shipped store this process opened, and its digest.
_COPY: list[tuple[Store, str]] = []


def mark_shipped_copy(store: Store, digest: str) -> Store:
    """Note that read-only *store* holds the shipped files of *digest*
    (:mod:`datacareers.store.shipped_cache`), so that :func:`shipped_stamp` names it."""
    _COPY[:] = [(store, digest)]
    return store
