"""Check JSON-LD against schema.org's own definitions (a pinned cut, tests/data/schemaorg/)
and against Google's Occupation (estimated salary) structured data fields.

``problems(graph, page)`` names every failing entry: the page, the node (its ``@id`` or
``name``) and the property. A property must be defined for one of the node's types or their
ancestors (``schema:domainIncludes`` through ``rdfs:subClassOf``); a value must be of one of
the property's ``schema:rangeIncludes`` types: a typed node whose type (or an ancestor) is
one, a bare IRI where ``URL`` is, a number where ``Number`` (or ``Integer``, ``Float``) is, a
text where ``Text`` is, an absolute URL where ``URL`` is, an ISO 8601 date, date-time or
duration where ``Date``, ``DateTime`` or ``Duration`` is.

>>> from rdflib import Graph
>>> doc = '{"@context": {"@vocab": "https://schema.org/"}, "@type": "Occupation", "name": "x", "validFrom": "2024"}'
>>> problems(Graph().parse(data=doc, format="json-ld"), "p.html")
['p.html: Occupation x: validFrom is not a property of Occupation']
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

SCHEMA = Namespace("https://schema.org/")
DEFINITIONS = Path(__file__).parent / "data" / "schemaorg" / "schemaorg-12.0-cut.ttl"

#: Google Search's Occupation fields (developers.google.com/search/docs/appearance/structured-data/estimated-salary).
GOOGLE_REQUIRED = ("name", "estimatedSalary", "occupationLocation")
GOOGLE_SALARY_REQUIRED = ("name", "currency", "duration")
GOOGLE_RECOMMENDED = ("description", "educationRequirements", "experienceRequirements", "industry", "jobBenefits",
                      "mainEntityOfPage", "occupationalCategory", "qualifications", "responsibilities",
                      "sampleSize", "skills")
_NUMBERS = {SCHEMA.Number, SCHEMA.Integer, SCHEMA.Float}
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?")
_DURATION = re.compile(r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")


@cache
def definitions() -> Graph:
    return Graph().parse(DEFINITIONS, format="turtle")


def ancestors(cls: URIRef) -> set:
    return set(definitions().transitive_objects(cls, RDFS.subClassOf))


def _label(graph: Graph, node) -> str:
    kinds = "/".join(sorted(str(t).removeprefix(str(SCHEMA)) for t in graph.objects(node, RDF.type)))
    name = graph.value(node, SCHEMA.name)
    return f"{kinds} {name if name is not None else node}"


def _literal_fits(value: Literal, ranges: set) -> bool:
    if isinstance(value.toPython(), bool):
        return SCHEMA.Boolean in ranges
    if isinstance(value.toPython(), int | float) or value.datatype and str(value.datatype).endswith("decimal"):
        return bool(ranges & _NUMBERS)
    text = str(value)
    if SCHEMA.Text in ranges:
        return True
    if SCHEMA.URL in ranges and urlparse(text).scheme in ("http", "https") and urlparse(text).netloc:
        return True
    if SCHEMA.Date in ranges and (_DATE.fullmatch(text) or _DATETIME.fullmatch(text)):
        return True  # a date-time where a Date is expected: schema.org's own examples do it
    if SCHEMA.DateTime in ranges and _DATETIME.fullmatch(text):
        return True
    return SCHEMA.Duration in ranges and bool(_DURATION.fullmatch(text))


def _value_fits(graph: Graph, value, ranges: set) -> bool:
    if isinstance(value, Literal):
        return _literal_fits(value, ranges)
    types = set(graph.objects(value, RDF.type))
    if not types:
        return SCHEMA.URL in ranges and isinstance(value, URIRef)  # a link to a thing described elsewhere
    return any(ancestors(t) & ranges for t in types)


def problems(graph: Graph, page: str) -> list[str]:
    """Every node's properties and values checked against schema.org's definitions."""
    defs, found = definitions(), []
    for node in sorted(set(graph.subjects()), key=str):
        types = set(graph.objects(node, RDF.type))
        label = _label(graph, node)
        for t in sorted(types):
            if (t, RDF.type, RDFS.Class) not in defs:
                found.append(f"{page}: {label}: type {t} is not a schema.org class")
        scope = set().union(*(ancestors(t) for t in types)) if types else set()
        for prop, value in sorted(graph.predicate_objects(node)):
            if prop == RDF.type:
                continue
            name = str(prop).removeprefix(str(SCHEMA))
            if not scope & set(defs.objects(prop, SCHEMA.domainIncludes)):
                kinds = "/".join(sorted(str(t).removeprefix(str(SCHEMA)) for t in types)) or "an untyped node"
                found.append(f"{page}: {label}: {name} is not a property of {kinds}")
            elif not _value_fits(graph, value, set(defs.objects(prop, SCHEMA.rangeIncludes))):
                found.append(f"{page}: {label}: {name} = {value!s:.60} is not of an allowed type")
    return found


def google_problems(graph: Graph, page: str) -> list[str]:
    """Google's required Occupation fields; ``estimatedSalary`` is read as Google reads it, a
    ``MonetaryAmountDistribution`` with a name, currency and duration (a ``MonetaryAmount``
    range is valid schema.org, outside Google's estimated salary: it does not count)."""
    found = []
    for job in graph.subjects(RDF.type, SCHEMA.Occupation):
        for field in GOOGLE_REQUIRED:
            if not [v for v in graph.objects(job, SCHEMA[field]) if str(v).strip()]:
                found.append(f"{page}: {_label(graph, job)}: no {field} (required by Google)")
        spreads = [p for p in graph.objects(job, SCHEMA.estimatedSalary)
                   if (p, RDF.type, SCHEMA.MonetaryAmountDistribution) in graph]
        if not spreads:
            found.append(f"{page}: {_label(graph, job)}: no estimatedSalary distribution (required by Google)")
        for pay in spreads:
            for field in GOOGLE_SALARY_REQUIRED:
                if not [v for v in graph.objects(pay, SCHEMA[field]) if str(v).strip()]:
                    found.append(f"{page}: {_label(graph, pay)}: estimatedSalary without {field} (required by Google)")
    return found


def google_recommended(graph: Graph) -> set[str]:
    """The Google-recommended Occupation fields a graph's occupations carry."""
    return {f for job in graph.subjects(RDF.type, SCHEMA.Occupation) for f in GOOGLE_RECOMMENDED
            if graph.value(job, SCHEMA[f]) is not None}
