"""Copies of the dataset as rdflib objects, for rdflib's serializers and pySHACL.

Kept apart from :mod:`datacareers.store.dataset` so commands that never need rdflib
do not pay for importing it.

>>> from datacareers.store.shipped import shipped_store
>>> len(to_rdflib_union(shipped_store())) > 1000
True
"""

from __future__ import annotations

from pyoxigraph import RdfFormat, Store
from rdflib import Dataset, Graph

from datacareers.constants import PREFIXES


def to_rdflib_dataset(store: Store) -> Dataset:
    """Copy *store* into an rdflib ``Dataset``, named graphs kept (for rdflib's serializers)."""
    dataset = Dataset()
    dataset.parse(data=store.dump(format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, override=True, replace=True)
    return dataset


def to_rdflib_union(store: Store) -> Graph:
    """The union of every named graph of *store* as one rdflib ``Graph`` (for pySHACL,
    canonical Turtle), with our prefixes bound."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    graph.parse(data=triples.serialize(format=RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return graph
