"""The shipped example queries run anywhere: each declares its prefixes (Jena, Virtuoso,
Comunica and Oxigraph server predeclare none), and ``query --show`` prints it whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

from datacareers.cli import main
from datacareers.constants import QUERIES_DIR

QUERIES = sorted(QUERIES_DIR.glob("*.rq"))
DOCS = Path(__file__).resolve().parent.parent / "docs" / "serving.md"


def undeclared(query: str) -> set[str]:
    """Prefixes *query* uses without a PREFIX line (rdflib's parser would forgive rdf:,
    rdfs:, xsd:, owl:, which it predeclares; other engines do not).

    >>> sorted(undeclared("PREFIX a: <x:> SELECT * { ?s a:p ?o ; rdfs:label ?l }"))
    ['rdfs']
    """
    declared = set(re.findall(r"^\s*PREFIX\s+([\w-]*):", query, re.M | re.I))
    body = re.sub(r'"[^"]*"|<[^>]*>|#[^\n]*', "", query)
    return set(re.findall(r"(?<![\w?$:])([A-Za-z][\w-]*):[A-Za-z_]", body)) - declared - {"PREFIX"}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_shipped_query_parses_with_no_predeclared_prefix(path):
    text = path.read_text(encoding="utf-8")
    prepareQuery(text, initNs={})  # rdflib's parser: raises on an undeclared prefix...
    assert not undeclared(text)  # ...but for the few it predeclares


def test_the_docs_curl_queries_declare_their_prefixes():
    text = DOCS.read_text(encoding="utf-8")
    for query in re.findall(r"--data-urlencode 'query=(.*?)'", text, re.S):
        prepareQuery(query, initNs={})
        assert not undeclared(query), query


def test_query_show_prints_a_query_whole_and_refuses_an_unknown_name():
    runner = CliRunner()
    shown = runner.invoke(main, ["query", "--show", QUERIES[0].stem])
    assert shown.exit_code == 0 and shown.output == QUERIES[0].read_text(encoding="utf-8")
    unknown = runner.invoke(main, ["query", "--show", "no-such-query"])
    assert unknown.exit_code == 2 and "no example query 'no-such-query'" in unknown.output
