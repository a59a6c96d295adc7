"""Content negotiation for the SPARQL endpoint: which W3C format answers a request.

A ``format`` (or ``output``, ``results``) parameter wins when it names a format for the
kind of query (short names as SPARQLWrapper, Virtuoso and Fuseki send them, or a media
type); otherwise the ``Accept`` header decides, so an unknown value is never a 406.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "results")
'application/sparql-results+xml'
>>> negotiate("image/png", "results") is None
True
>>> wanted_type("text/turtle", "n3", "graph"), wanted_type("text/csv", "n3", "results")
('text/turtle', 'text/csv')
>>> negotiate("text/n3", "graph"), negotiate("text/csv", "boolean")
('text/turtle', 'text/csv')
"""

from __future__ import annotations

from datacareers.headers import weighted

UTF8 = "; charset=utf-8"

# Media types we answer with, in our order of preference, and the aliases clients send.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
}
_ALIASES = {
    "results": {
        "application/json": "application/sparql-results+json",
        "application/xml": "application/sparql-results+xml",
        "text/xml": "application/sparql-results+xml",
    },
    "graph": {
        "application/turtle": "text/turtle",
        "application/x-turtle": "text/turtle",
        "text/plain": "application/n-triples",
        "application/x-json+ld": "application/ld+json",
        "application/xml": "application/rdf+xml",
        "text/xml": "application/rdf+xml",
        # Turtle is N3's RDF subset, as ``format=n3`` answers it
        "text/n3": "text/turtle",
        "text/rdf+n3": "text/turtle",
    },
}
#: ``format=`` / ``output=`` parameter values: (answer to SELECT/ASK, to CONSTRUCT/DESCRIBE).
FORMAT_PARAMETER = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
    "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"),
    "rdf/xml": (None, "application/rdf+xml"),
    "rdf+xml": (None, "application/rdf+xml"),
    "rdf": (None, "application/rdf+xml"),
    "n3": (None, "text/turtle"),  # Turtle is N3's RDF subset; SPARQLWrapper's N3 reads it
    "srj": ("application/sparql-results+json", None),
    "srx": ("application/sparql-results+xml", None),
}
#: Query-string parameters naming a format: "format" (Virtuoso, SPARQLWrapper), "output"
#: (Fuseki, Joseki), "results" (Rasqal); SPARQLWrapper sends all three.
FORMAT_PARAMETERS = ("format", "output", "results")


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, quality) pairs; a missing header accepts anything."""
    return [(media_range.lower(), quality) for media_range, quality in weighted(accept or "*/*")]


def negotiate(accept: str, kind: str) -> str | None:
    """The media type to answer a *kind* ("results", "boolean" or "graph") query for *accept*.

    Exact types beat ``type/*`` which beats ``*/*``; among equals our order wins. An ASK
    answer ("boolean") is offered in the four result types (as CSV/TSV: a one-cell table).
    """
    offered = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    aliases = _ALIASES["graph" if kind == "graph" else "results"]
    best, best_quality = None, 0.0
    for mime in offered:
        names = {mime} | {alias for alias, target in aliases.items() if target == mime}
        quality, specificity = 0.0, -1
        for media_range, q in _accept_ranges(accept):
            if media_range in names:
                level = 2
            elif media_range.endswith("/*") and any(
                n.startswith(media_range[:-1]) for n in names
            ):
                level = 1
            elif media_range == "*/*":
                level = 0
            else:
                continue
            if level > specificity:
                quality, specificity = q, level
        if quality > best_quality:
            best, best_quality = mime, quality
    return best


def _format_types(value: str) -> tuple[str | None, str | None]:
    """What a ``format`` value answers (SELECT/ASK, CONSTRUCT/DESCRIBE), ``None`` where nothing."""
    key = value.strip().lower()
    if key in FORMAT_PARAMETER:
        return FORMAT_PARAMETER[key]
    return negotiate(key, "results") if key else None, negotiate(key, "graph") if key else None


def format_parameter(params: dict[str, list[str]]) -> str | None:
    """The first ``format``/``output``/``results`` value we know, or ``None``.

    >>> format_parameter({"format": ["rdf+xml", "application/rdf+xml"], "output": ["rdf+xml"]})
    'rdf+xml'
    >>> format_parameter({"format": ["html"]}) is None
    True
    """
    for name in FORMAT_PARAMETERS:
        for value in params.get(name, []):
            if any(_format_types(value)):
                return value
    return None


def wanted_type(accept: str, fmt: str | None, kind: str) -> str | None:
    """The media type to answer with: the ``format`` parameter's when it has one for this
    *kind* of query, else what ``Accept`` asks for."""
    if fmt:
        mime = _format_types(fmt)[1 if kind == "graph" else 0]
        if mime:
            return mime
    return negotiate(accept, kind)


def acceptable_at_all(accept: str, fmt: str | None) -> bool:
    """Whether any query form could be answered in a type the client accepts."""
    return any(wanted_type(accept, fmt, kind) for kind in ("results", "graph"))
