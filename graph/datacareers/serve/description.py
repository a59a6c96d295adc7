"""The SPARQL 1.1 Service Description answered at ``GET /sparql`` without a query.

It says: the endpoint URL, the language (SPARQL 1.1 Query), the result formats, that
the default graph is the union of the named graphs (``sd:UnionDefaultGraph``), the named
graphs with their titles, and the limits. The Service Description vocabulary has no
terms for limits, so they are an English ``rdfs:comment``.

Built as RDF triples with pyoxigraph and written by its serializers (Turtle by default;
N-Triples, JSON-LD, RDF/XML by ``Accept``): the HTTP process already holds pyoxigraph,
and rdflib would add about 7 MB and 0.1 s of start-up to it.

>>> from datacareers.serve.settings import Settings
>>> triples = service_description("http://127.0.0.1:7878/sparql",
...                               Settings(graphs=[("https://example.org/g", "A source")]))
>>> Triple(NamedNode("http://127.0.0.1:7878/sparql"), SD.feature, SD.UnionDefaultGraph) in triples
True
>>> [t.object.value for t in triples if t.predicate == SD.name]
['https://example.org/g']
"""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from datacareers.constants import PREFIXES
from datacareers.serve.conneg import GRAPH_TYPES, RESULT_TYPES
from datacareers.serve.settings import Settings

_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"


class SD:
    """The SPARQL 1.1 Service Description terms we use (a typo is an AttributeError)."""

    Service = NamedNode(_SD + "Service")
    Dataset = NamedNode(_SD + "Dataset")
    Graph = NamedNode(_SD + "Graph")
    NamedGraph = NamedNode(_SD + "NamedGraph")
    endpoint = NamedNode(_SD + "endpoint")
    supportedLanguage = NamedNode(_SD + "supportedLanguage")  # noqa: N815 - the term's name
    SPARQL11Query = NamedNode(_SD + "SPARQL11Query")
    resultFormat = NamedNode(_SD + "resultFormat")  # noqa: N815
    feature = NamedNode(_SD + "feature")
    UnionDefaultGraph = NamedNode(_SD + "UnionDefaultGraph")
    defaultEntailmentRegime = NamedNode(_SD + "defaultEntailmentRegime")  # noqa: N815
    defaultDataset = NamedNode(_SD + "defaultDataset")  # noqa: N815
    defaultGraph = NamedNode(_SD + "defaultGraph")  # noqa: N815
    namedGraph = NamedNode(_SD + "namedGraph")  # noqa: N815
    name = NamedNode(_SD + "name")


#: The W3C format IRI of each media type we answer with.
FORMAT_IRIS = {
    "application/sparql-results+json": NamedNode(_FORMATS + "SPARQL_Results_JSON"),
    "application/sparql-results+xml": NamedNode(_FORMATS + "SPARQL_Results_XML"),
    "text/csv": NamedNode(_FORMATS + "SPARQL_Results_CSV"),
    "text/tab-separated-values": NamedNode(_FORMATS + "SPARQL_Results_TSV"),
    "text/turtle": NamedNode(_FORMATS + "Turtle"),
    "application/n-triples": NamedNode(_FORMATS + "N-Triples"),
    "application/ld+json": NamedNode(_FORMATS + "JSON-LD"),
    "application/rdf+xml": NamedNode(_FORMATS + "RDF_XML"),
}
SIMPLE_ENTAILMENT = NamedNode("http://www.w3.org/ns/entailment/Simple")
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
RDFS_COMMENT = NamedNode(PREFIXES["rdfs"] + "comment")
DCTERMS_TITLE = NamedNode(PREFIXES["dcterms"] + "title")
#: The serializer of each media type the description is offered in.
SERIALIZERS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
_PREFIXES = {"sd": _SD, "formats": _FORMATS, "dcterms": PREFIXES["dcterms"],
             "rdfs": PREFIXES["rdfs"]}


def limits_text(settings: Settings) -> str:
    """The endpoint's limits in plain English.

    >>> limits_text(Settings(workers=2))[:60]
    'Read-only: updates, LOAD and SERVICE are refused. A query ma'
    """
    return (f"Read-only: updates, LOAD and SERVICE are refused. A query may run "
            f"{settings.timeout:g} s, return {settings.max_rows} rows or triples and be "
            f"{settings.max_query_bytes} bytes long. {settings.workers} queries run at once, "
            f"at most {settings.client_share} from one client (an IP address); a query waits "
            f"at most {settings.queue_wait:g} s for a worker."
            + (" Clients whose queries ran into the time limit share all workers but one."
               if settings.workers > 1 else ""))


def service_description(endpoint: str, settings: Settings) -> list[Triple]:
    """The description of the endpoint at URL *endpoint*, as triples."""

    service = NamedNode(endpoint)
    # fixed blank node labels: the same description is the same bytes (HEAD = GET, caches)
    dataset, default = BlankNode("dataset"), BlankNode("default")
    triples = [
        Triple(service, RDF_TYPE, SD.Service),
        Triple(service, SD.endpoint, service),
        Triple(service, SD.supportedLanguage, SD.SPARQL11Query),
        *(Triple(service, SD.resultFormat, FORMAT_IRIS[mime]) for mime in (*RESULT_TYPES, *GRAPH_TYPES)),
        Triple(service, SD.feature, SD.UnionDefaultGraph),
        Triple(service, SD.defaultEntailmentRegime, SIMPLE_ENTAILMENT),
        Triple(service, DCTERMS_TITLE, Literal("datacareers SPARQL endpoint", language="en")),
        Triple(service, RDFS_COMMENT, Literal(limits_text(settings), language="en")),
        Triple(service, SD.defaultDataset, dataset),
        Triple(dataset, RDF_TYPE, SD.Dataset),
        Triple(dataset, SD.defaultGraph, default),
        Triple(default, RDF_TYPE, SD.Graph),
    ]
    for number, (iri, title) in enumerate(settings.graphs, 1):
        named = BlankNode(f"graph{number}")
        triples += [Triple(dataset, SD.namedGraph, named), Triple(named, RDF_TYPE, SD.NamedGraph),
                    Triple(named, SD.name, NamedNode(iri))]
        if title:
            triples.append(Triple(named, DCTERMS_TITLE, Literal(title)))
    return triples


def describe_service(endpoint: str, settings: Settings, mime: str) -> bytes:
    """The description serialized as *mime* (one of :data:`SERIALIZERS`)."""
    rdf_format = SERIALIZERS[mime]
    prefixes = _PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
    return serialize(service_description(endpoint, settings), format=rdf_format, prefixes=prefixes)
