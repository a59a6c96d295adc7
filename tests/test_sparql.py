"""SPARQL: prefixes predeclared, results parse back with the standard parsers, updates refused."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from datacareers.errors import QueryError
from datacareers.views.sparql import check_read_only, example_queries, format_result, run_query

MOVES = "SELECT ?to WHERE { role:machine-learning-engineer career:canBecome ?to } ORDER BY ?to"


def test_select_json_is_w3c_results(shipped):
    data = json.loads(format_result(run_query(shipped, MOVES), "json"))
    assert data["head"]["vars"] == ["to"]
    targets = {b["to"]["value"].rsplit("/", 1)[-1] for b in data["results"]["bindings"]}
    assert targets == {"data-scientist", "it-engineer", "software-developer", "chief-data-officer"}


def test_select_xml_parses(shipped):
    root = ET.fromstring(format_result(run_query(shipped, MOVES), "xml"))
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert len(root.findall(".//s:result", ns)) == 4


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_select_csv_tsv_parse(shipped, fmt, delimiter):
    rows = list(csv.reader(io.StringIO(format_result(run_query(shipped, MOVES), fmt)), delimiter=delimiter))
    assert rows[0] in (["to"], ["?to"])
    assert len(rows) == 5


def test_rdflib_parses_our_json_results(shipped):
    from rdflib.query import Result

    text = format_result(run_query(shipped, MOVES), "json")
    result = Result.parse(io.StringIO(text), format="json")
    assert len(list(result)) == 4


def test_ask_and_construct(shipped):
    assert format_result(run_query(shipped, "ASK { role:data-analyst career:canBecome role:chief-data-officer }"),
                         "table") == "true"
    ttl = format_result(run_query(shipped, "CONSTRUCT { ?a career:canBecome ?b } WHERE { ?a career:canBecome ?b }"),
                        "ttl")
    from rdflib import Graph

    graph = Graph().parse(data=ttl, format="turtle")
    assert len(graph) >= 11


def test_describe_returns_triples(shipped):
    nt = format_result(run_query(shipped, "DESCRIBE role:data-analyst"), "nt")
    assert "<https://w3id.org/datacareers/role/data-analyst>" in nt


def test_graph_tells_the_source(shipped):
    rows = json.loads(format_result(run_query(
        shipped, "SELECT ?g WHERE { GRAPH ?g { role:data-analyst career:canBecome role:chief-data-officer } }"),
        "json"))["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == ["https://w3id.org/datacareers/source/rome-4.0"]


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { role:x career:canBecome role:y }",
        "PREFIX ex: <http://example.org/> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH source:curated",
        "# a comment\nWITH source:curated DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(shipped, update):
    before = len(shipped)
    with pytest.raises(QueryError, match="updates are refused"):
        run_query(shipped, update)
    assert len(shipped) == before


def test_service_is_refused():
    with pytest.raises(QueryError, match="SERVICE is refused"):
        check_read_only("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_keywords_inside_strings_are_not_updates():
    check_read_only('SELECT * WHERE { ?s ?p "INSERT DATA" } # DELETE')


@pytest.mark.parametrize(("fmt", "table"), [("csv", "_askResult\r\nfalse\r\n"), ("tsv", "?_askResult\nfalse\n")])
def test_ask_as_csv_or_tsv_is_a_one_cell_table(shipped, fmt, table):
    # the W3C CSV/TSV results formats define no ASK form; Jena's one-cell table is what tools read
    assert format_result(run_query(shipped, "ASK { role:data-analyst a career:Sector }"), fmt) == table


def test_from_narrows_the_default_graph(shipped):
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    def n(query):
        return int(json.loads(format_result(run_query(shipped, query), "json"))["results"]["bindings"][0]["n"]["value"])
    assert 0 < n(count.format("FROM source:rome-4.0")) < n(count.format(""))
    assert n(count.format("FROM <urn:no-such-graph>")) == 0


def test_syntax_error_is_one_line(shipped):
    with pytest.raises(QueryError, match="SPARQL syntax error") as info:
        run_query(shipped, "SELECT ?x WHERE { ?x ?y }")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_examples_run_and_answer(shipped, name):
    text = example_queries()[name].read_text(encoding="utf-8")
    data = json.loads(format_result(run_query(shipped, text), "json"))
    assert data["results"]["bindings"], f"example query {name} returned no rows on the shipped graph"


def test_examples_shipped():
    assert {"who-manages", "roles-needing-skill", "salaries-by-seniority", "moves-into-cdo"} <= set(example_queries())
