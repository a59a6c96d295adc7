"""The SPARQL 1.1 Service Description answered at ``GET /sparql`` without a query.

Built as RDF with rdflib and written by its serializers (Turtle by default; N-Triples,
JSON-LD, RDF/XML by ``Accept``): the endpoint URL, the language (SPARQL 1.1 Query), the
result formats, that the default graph is the union of the named graphs
(``sd:UnionDefaultGraph``), the named graphs with their titles, and the limits. The
Service Description vocabulary has no terms for limits, so they are an English
``rdfs:comment``.

>>> from datacareers.serve.settings import Settings
>>> graph = service_description("http://127.0.0.1:7878/sparql",
...                             Settings(graphs=[("https://example.org/g", "A source")]))
>>> from rdflib import URIRef
>>> (URIRef("http://127.0.0.1:7878/sparql"), SD.feature, SD.UnionDefaultGraph) in graph
True
>>> sorted(str(name) for name in graph.objects(None, SD.name))
['https://example.org/g']
"""

from __future__ import annotations

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, DefinedNamespace

from datacareers.serve.conneg import GRAPH_TYPES, RESULT_TYPES
from datacareers.serve.settings import Settings


class SD(DefinedNamespace):
    """The SPARQL 1.1 Service Description terms we use (a typo fails loudly)."""

    _NS = Namespace("http://www.w3.org/ns/sparql-service-description#")
    _fail = True

    Service: URIRef
    Dataset: URIRef
    Graph: URIRef
    NamedGraph: URIRef
    endpoint: URIRef
    supportedLanguage: URIRef
    SPARQL11Query: URIRef
    resultFormat: URIRef
    feature: URIRef
    UnionDefaultGraph: URIRef
    defaultEntailmentRegime: URIRef
    defaultDataset: URIRef
    defaultGraph: URIRef
    namedGraph: URIRef
    name: URIRef


FORMATS = Namespace("http://www.w3.org/ns/formats/")
#: The W3C format IRI of each media type we answer with.
FORMAT_IRIS = {
    "application/sparql-results+json": FORMATS.SPARQL_Results_JSON,
    "application/sparql-results+xml": FORMATS.SPARQL_Results_XML,
    "text/csv": FORMATS.SPARQL_Results_CSV,
    "text/tab-separated-values": FORMATS.SPARQL_Results_TSV,
    "text/turtle": FORMATS.Turtle,
    "application/n-triples": FORMATS["N-Triples"],
    "application/ld+json": FORMATS["JSON-LD"],
    "application/rdf+xml": FORMATS.RDF_XML,
}
SIMPLE_ENTAILMENT = URIRef("http://www.w3.org/ns/entailment/Simple")
#: rdflib serializer names of the media types the description is offered in.
SERIALIZERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


def limits_text(settings: Settings) -> str:
    """The endpoint's limits in one English sentence."""
    return (f"Read-only: updates, LOAD and SERVICE are refused. A query may run "
            f"{settings.timeout:g} s, return {settings.max_rows} rows or triples and be "
            f"{settings.max_query_bytes} bytes long; a client (an IP address) runs at most "
            f"{settings.client_share} queries at once on "
            f"{settings.workers} workers.")


def service_description(endpoint: str, settings: Settings) -> Graph:
    """The description of the endpoint at URL *endpoint* as an rdflib graph."""

    graph = Graph()
    graph.bind("sd", SD._NS)
    graph.bind("formats", FORMATS)
    graph.bind("dcterms", DCTERMS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for mime in (*RESULT_TYPES, *GRAPH_TYPES):
        graph.add((service, SD.resultFormat, FORMAT_IRIS[mime]))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    graph.add((service, SD.defaultEntailmentRegime, SIMPLE_ENTAILMENT))
    graph.add((service, DCTERMS.title, Literal("datacareers SPARQL endpoint", lang="en")))
    graph.add((service, RDFS.comment, Literal(limits_text(settings), lang="en")))

    dataset, default = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for iri, title in settings.graphs:
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(iri)))
        if title:
            graph.add((named, DCTERMS.title, Literal(title)))
    return graph


def describe_service(endpoint: str, settings: Settings, mime: str) -> bytes:
    """The description serialized as *mime* (one of :data:`SERIALIZERS`)."""
    return service_description(endpoint, settings).serialize(
        format=SERIALIZERS[mime], encoding="utf-8")
