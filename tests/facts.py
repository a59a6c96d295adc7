"""The shipped facts, read with rdflib for the data rules (tests/test_data_*.py).

Each rule is one test that collects *every* failing entry and names them all (in the
style of bioregistry's tests/test_data.py), so one run shows the whole list to fix.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from datacareers.constants import FACTS_DIR, ROLE

CAREER = Namespace("https://w3id.org/datacareers/ontology#")
SCHEMA = Namespace("https://schema.org/")

ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
ROME_CONCEPT = "https://w3id.org/datacareers/rome/"
ONET_CONCEPT = "https://w3id.org/datacareers/onet/"
MAPPING = "https://w3id.org/datacareers/mapping/"
FAP_CONCEPT = "https://w3id.org/datacareers/fap/"

#: Concept IRI prefix and code pattern of each classification.
SCHEMES = {
    "esco": (ESCO_OCCUPATION, re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")),
    "rome": (ROME_CONCEPT, re.compile(r"^[A-N][0-9]{4}$")),
    "onet": (ONET_CONCEPT, re.compile(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$")),
    "fap": (FAP_CONCEPT, re.compile(r"^[A-Z][0-9][A-Z][0-9]{2}$")),
}


@cache
def graph_of(folder: str) -> Graph:
    """Every Turtle file of ``ontology/facts/<folder>/``, i.e. named graph source:<folder>."""
    graph = Graph()
    for path in sorted((FACTS_DIR / folder).glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def folders() -> list[str]:
    return sorted(p.name for p in FACTS_DIR.iterdir() if p.is_dir())


@cache
def union() -> Graph:
    graph = Graph()
    for folder in folders():
        for triple in graph_of(folder):
            graph.add(triple)
    return graph


def curated_roles() -> list[str]:
    """Slugs of the roles typed career:Role under role: in source:curated, sorted."""
    return sorted(str(s)[len(ROLE):] for s in graph_of("curated").subjects(RDF.type, CAREER.Role)
                  if str(s).startswith(ROLE))


def mappings() -> list[URIRef]:
    return sorted(graph_of("curated").subjects(RDF.type, CAREER.Mapping))


def scheme_of(concept: str) -> tuple[str, str] | None:
    """(scheme, code) of a concept IRI, or None if it is of no known classification."""
    for scheme, (prefix, _) in SCHEMES.items():
        if concept.startswith(prefix):
            return scheme, concept[len(prefix):]
    return None


def slug(iri) -> str:
    return str(iri).rsplit("/", 1)[-1]


def langs(graph: Graph, subject, predicate) -> list[str]:
    return sorted(o.language or "" for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def normalize(label: str) -> str:
    """Case, accents, punctuation and spacing folded away.

    >>> normalize("Ingénieure  Data-Science")
    'ingenieure data science'
    """
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def report(rule: str, failures: list[str]) -> str:
    """The assertion message of a data rule: the rule, then every failing entry."""
    return f"{rule}: {len(failures)} failing\n  " + "\n  ".join(failures)
