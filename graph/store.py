"""Load the vocabulary, the curated facts and imported sources into one RDF dataset.

The dataset is a pyoxigraph ``Store``: one named graph per source, SPARQL 1.1, and
parsing fast enough that every command can read the shipped Turtle afresh. Shipped facts
live in ``ontology/facts/<source>/<kind>.ttl``; the folder name is the source, so every
triple lands in the named graph ``source:<folder>``.

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


def shipped_store() -> Store:
    """A fresh in-memory store holding just what ships with the package."""
    return load_shipped(Store())


def open_dataset() -> Store:
    """The dataset every command reads: shipped facts plus any imported sources.

    With nothing imported this is the in-memory shipped store; after an import it is
    the on-disk store in the user's data folder (see :mod:`datacareers.persist`).
    """
    from datacareers.persist import open_persistent

    store = open_persistent()
    return store if store is not None else shipped_store()


def to_rdflib_dataset(store: Store):
    """Copy *store* into an rdflib ``Dataset``, named graphs kept (for rdflib's serializers)."""
    from rdflib import Dataset

    from datacareers.constants import PREFIXES

    dataset = Dataset()
    dataset.parse(data=store.dump(format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, override=True, replace=True)
    return dataset


def to_rdflib_union(store: Store):
    """The union of every named graph of *store* as one rdflib ``Graph`` (for pySHACL,
    canonical Turtle), with our prefixes bound."""
    from rdflib import Graph

    from datacareers.constants import PREFIXES

    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    graph.parse(data=triples.serialize(format=RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return graph
