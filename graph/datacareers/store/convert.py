"""Copies of the dataset as rdflib objects, for rdflib's serializers and pySHACL.

Terms are converted one to one (no N-Triples text in between: rdflib's line parser was
most of a build's time). Kept apart from :mod:`datacareers.store.dataset` so commands
that never need rdflib do not pay for importing it.

>>> from datacareers.store.shipped import shipped_store
>>> store = shipped_store()
>>> len(to_rdflib_union(store)) > 1000
True
>>> sum(1 for _ in to_rdflib_dataset(store).quads()) == len(store)
True
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral

from datacareers.constants import PREFIXES

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_rdflib_term(term):
    """The rdflib term for a pyoxigraph term (IRI, blank node or literal).

    >>> to_rdflib_term(Literal("7", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))).toPython()
    7
    >>> to_rdflib_term(Literal("analyste", language="fr")).language
    'fr'
    """
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        return RdfLiteral(term.value, datatype=None if datatype in (_XSD_STRING, _LANG_STRING) else URIRef(datatype))
    raise TypeError(f"no rdflib term for {term!r}")


def _bound(graph):
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def to_rdflib_dataset(quads: Store | Iterable[Quad]) -> Dataset:
    """Copy a store (or any quads of one) into an rdflib ``Dataset``, named graphs kept
    (for rdflib's serializers)."""
    dataset = _bound(Dataset())
    contexts: dict[str, Graph] = {}
    converted = []
    for quad in quads:
        name = quad.graph_name.value if isinstance(quad.graph_name, NamedNode | BlankNode) else None
        if name is None:
            context = dataset.default_graph
        else:
            context = contexts.get(name)
            if context is None:
                context = contexts[name] = dataset.graph(to_rdflib_term(quad.graph_name))
        converted.append((to_rdflib_term(quad.subject), to_rdflib_term(quad.predicate),
                          to_rdflib_term(quad.object), context))
    dataset.addN(converted)
    return dataset


def to_rdflib_union(store: Store) -> Graph:
    """The union of every named graph of *store* as one rdflib ``Graph`` (for pySHACL,
    canonical Turtle), with our prefixes bound."""
    graph = _bound(Graph())
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    graph.addN((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object), graph)
               for t in triples)
    return graph
