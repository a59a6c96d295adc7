"""SHACL validation of the dataset against ``ontology/shapes.ttl`` (pySHACL).

Besides the shapes, every named graph must be a described ``career:Source``: each graph
name is added as a ``career:NamedGraph`` node, which ``career:NamedGraphShape`` checks.

>>> from datacareers.store.shipped import shipped_store
>>> report = validate_store(shipped_store())
>>> report.conforms, report.results
(True, [])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyshacl
from pyoxigraph import Store
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from datacareers.constants import CAREER, RDF_TYPE, SHAPES_FILE, VOCABULARY_GRAPH
from datacareers.errors import SourceDataError
from datacareers.store.convert import to_rdflib_union


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


@dataclass
class Report:
    conforms: bool
    results: list[Violation] = field(default_factory=list)
    triples: int = 0

    def text(self) -> str:
        if self.conforms:
            return f"Conforms: {self.triples} triples checked against ontology/shapes.ttl."
        lines = [f"Does not conform: {len(self.results)} violation(s)."]
        lines += [f"  {v}" for v in self.results]
        return "\n".join(lines)


_RESULTS_QUERY = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?focus ?path ?message ?severity WHERE {
  ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:resultSeverity ?severity .
  OPTIONAL { ?r sh:resultPath ?path }
  OPTIONAL { ?r sh:resultMessage ?message }
}"""


def validate_store(store: Store) -> Report:
    """Validate the union of every named graph of *store* (the vocabulary included, so
    its individuals, such as career:junior, count as instances of their classes)."""

    data = to_rdflib_union(store)
    named_graph = URIRef(CAREER["NamedGraph"])
    for graph in store.named_graphs():
        if graph.value != VOCABULARY_GRAPH:
            data.add((URIRef(graph.value), RDF.type, named_graph))
    try:
        shapes = Graph().parse(SHAPES_FILE, format="turtle")
    except Exception as exc:  # rdflib raises several parser error types
        raise SourceDataError(f"{SHAPES_FILE}: not valid Turtle: {exc}") from None
    conforms, report_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none",
        advanced=True, allow_warnings=True,
    )
    results = []
    for row in report_graph.query(_RESULTS_QUERY):
        results.append(Violation(
            focus=str(row.focus), path=_short_path(row.path), message=str(row.message or ""),
            severity=str(row.severity).rsplit("#", 1)[-1],
        ))
    results.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(conforms=bool(conforms), results=results, triples=len(data))


def _short_path(path) -> str:
    if path is None:
        return ""
    text = str(path)
    for sep in ("#", "/"):
        if sep in text:
            return text.rsplit(sep, 1)[-1]
    return text


__all__ = ["validate_store", "Report", "Violation", "RDF_TYPE"]
