"""The W3C SPARQL 1.1 Protocol tests that apply to a read-only endpoint, run against ours,
and the protocol details they showed: relative IRIs resolve against the endpoint's URL, a
POST body needs its Content-Type, ``Accept: text/n3`` is Turtle, ASK as CSV/TSV is a
one-cell table.

The requests are copied, offline, from the W3C manifest into tests/data/w3c-protocol/
cases.json (its ``not_applicable`` entries say why the update tests are left out)."""

from __future__ import annotations

import functools
import http.client
import io
import json
import urllib.parse
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import QueryBoolean, QueryResultsFormat, parse_query_results
from rdflib.compare import isomorphic

from datacareers.serve import endpoint as serve

HERE = Path(__file__).parent / "data" / "w3c-protocol"
MANIFEST = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
RESULTS = {"application/sparql-results+json": QueryResultsFormat.JSON,
           "application/sparql-results+xml": QueryResultsFormat.XML,
           "text/csv": QueryResultsFormat.CSV,
           "text/tab-separated-values": QueryResultsFormat.TSV}
RDF = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
       "application/ld+json": "json-ld"}


@pytest.fixture(scope="module")
def server():
    settings = serve.Settings(timeout=10, workers=1, quiet=True)
    files = [(str(HERE / name), graph) for graph, name in MANIFEST["graphs"].items()]
    server = serve.make_server("127.0.0.1", 0, settings, loader=functools.partial(serve.load_files, files))
    serve.serve_in_thread(server)
    yield server
    server.shutdown()
    server.server_close()


def send(server, method: str, path: str, headers: dict | None = None, body: bytes | None = None):
    """One request, exactly these headers (http.client adds only Host, Accept-Encoding and
    Content-Length; urllib would add a form Content-Type to every POST)."""
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        media = (response.getheader("Content-Type") or "").split(";")[0].strip()
        return response.status, media, response.read()
    finally:
        connection.close()


# ----------------------------------------------------------------- the W3C manifest


def test_the_table_holds_every_test_of_the_manifest():
    names = [c["name"] for c in MANIFEST["cases"]] + [c["name"] for c in MANIFEST["not_applicable"]]
    assert len(names) == len(set(names)) == 34  # mf:entries of sparql11/protocol/manifest.ttl
    assert all(c["name"].startswith("update_") for c in MANIFEST["not_applicable"])


@pytest.mark.parametrize("case", MANIFEST["cases"], ids=lambda c: c["name"])
def test_w3c_protocol(server, case):
    path = case.get("erratum", case)["path"]  # an erratum: a mistake of the manifest, see its "why"
    path = "/sparql" + path[len("/sparql/"):]  # the manifest's endpoint is /sparql/; ours is /sparql
    body = case["body"].encode(case["encoding"].lower()) if "body" in case else None
    status, media, answer = send(server, case["method"], path, case["headers"], body)
    expect = case["expect"]
    assert f"{status // 100}xx" == expect["status"], (status, answer)
    fmt = expect.get("format")
    if fmt in ("boolean", "tabular"):
        assert media in RESULTS, media
        result = parse_query_results(io.BytesIO(answer), RESULTS[media])
        assert isinstance(result, QueryBoolean) == (fmt == "boolean")
        if "boolean" in expect:
            assert bool(result) is expect["boolean"]
        if fmt == "tabular":
            assert [v.value for v in result.variables] == ["value"] and len(list(result)) == 1
    elif fmt == "RDF":
        assert media in RDF, media
        rdflib.Graph().parse(data=answer, format=RDF[media])
    elif expect["status"] == "4xx":
        assert media == "text/plain" and answer.startswith(b"Error: ") and answer.count(b"\n") == 1


def test_the_multiple_dataset_path_as_written_names_one_graph_that_does_not_exist(server):
    case = next(c for c in MANIFEST["cases"] if c["name"] == "query_multiple_dataset")
    status, media, answer = send(server, "POST", "/sparql" + case["path"][len("/sparql/"):], case["headers"],
                                 case["body"].encode())
    assert status == 200 and bool(parse_query_results(io.BytesIO(answer), RESULTS[media])) is False


# ----------------------------------------------------------------- the details, one test each


def test_relative_iris_resolve_against_the_endpoint(server):
    status, media, answer = send(server, "POST", "/sparql",
                                 {"Content-Type": "application/sparql-query", "Accept": "application/n-triples"},
                                 b"CONSTRUCT { <s> <p> 1 } WHERE {}")
    assert status == 200 and media == "application/n-triples"
    base = serve.endpoint_url(server)
    subject, predicate, _ = next(iter(rdflib.Graph().parse(data=answer, format="nt")))
    assert str(subject) == urllib.parse.urljoin(base, "s") and str(predicate) == urllib.parse.urljoin(base, "p")


def test_a_post_without_content_type_is_refused(server):
    status, media, answer = send(server, "POST", "/sparql", {}, b"query=ASK%20%7B%7D")
    assert status == 415 and b"Content-Type" in answer and answer.count(b"\n") == 1
    status, _, answer = send(server, "POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"},
                             b"query=ASK%20%7B%7D")
    assert status == 200 and json.loads(answer)["boolean"] is True


def test_a_body_in_another_charset_is_refused(server):
    status, _, answer = send(server, "POST", "/sparql",
                             {"Content-Type": "application/sparql-query; charset=ISO-8859-1"}, b"ASK {}")
    assert status == 415 and b"UTF-8" in answer


@pytest.mark.parametrize("accept", ["text/n3", "text/rdf+n3"])
def test_accept_n3_is_answered_in_turtle(server, accept):
    query = urllib.parse.quote("CONSTRUCT WHERE { ?s a ?type }")
    status, media, answer = send(server, "GET", f"/sparql?query={query}", {"Accept": accept})
    assert status == 200 and media == "text/turtle"
    _, _, by_format = send(server, "GET", f"/sparql?query={query}&format=n3")
    graph = rdflib.Graph().parse(data=answer, format="n3")
    assert len(graph) == 3 and isomorphic(graph, rdflib.Graph().parse(data=by_format, format="turtle"))


@pytest.mark.parametrize(("accept", "query", "expected"), [
    ("text/csv", "ASK {}", b"_askResult\r\ntrue\r\n"),
    ("text/csv", "ASK { ?s ?p 42 }", b"_askResult\r\nfalse\r\n"),
    ("text/tab-separated-values", "ASK {}", b"?_askResult\ntrue\n"),
    ("text/tab-separated-values", "ASK { ?s ?p 42 }", b"?_askResult\nfalse\n"),
])
def test_ask_as_csv_or_tsv_is_a_one_cell_table(server, accept, query, expected):
    status, media, answer = send(server, "GET", "/sparql?query=" + urllib.parse.quote(query), {"Accept": accept})
    assert (status, media, answer) == (200, accept, expected)
