"""The SPARQL endpoint, queried by a real SPARQL client (SPARQLWrapper) over loopback."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import (  # noqa: E402
    CSV,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper2,
)
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed  # noqa: E402

from datacareers.constants import SOURCE  # noqa: E402
from datacareers.serve import endpoint as serve  # noqa: E402
from datacareers.store.shipped import shipped_files, shipped_store  # noqa: E402

TIMEOUT = 2.0
MAX_ROWS = 5000
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def shipped_loader():
    """A loader that reads the shipped files only, whatever is imported on this machine."""
    return functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])


@pytest.fixture(scope="module")
def endpoint():
    settings = serve.Settings(timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2, quiet=True)
    server = serve.make_server("127.0.0.1", 0, settings, loader=shipped_loader())
    serve.serve_in_thread(server)
    yield serve.endpoint_url(server), server
    server.shutdown()
    server.server_close()


@pytest.fixture
def url(endpoint):
    return endpoint[0]


def client(url: str, query: str, fmt=JSON, conneg_only: bool = True):
    sparql = SPARQLWrapper.SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setOnlyConneg(conneg_only)
    sparql.setTimeout(30)
    return sparql


def triple_count() -> int:
    """Distinct triples: the default graph is the merge of the sources."""
    return len({(q.subject, q.predicate, q.object) for q in shipped_store()})


def raw(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


# ----------------------------------------------------------------- formats


def test_select_json(url):
    result = client(url, "SELECT ?label WHERE { role:data-analyst skos:prefLabel ?label "
                         "FILTER(lang(?label) = 'en') }").queryAndConvert()
    bindings = result["results"]["bindings"]
    assert result["head"]["vars"] == ["label"] and len(bindings) == 1
    assert bindings[0]["label"]["xml:lang"] == "en" and bindings[0]["label"]["value"]


def test_select_xml(url):
    response = client(url, "SELECT ?s WHERE { ?s a career:Role } LIMIT 3", XML).query()
    assert response.response.headers["Content-Type"].startswith("application/sparql-results+xml")
    document = response.convert()  # an xml.dom document
    assert len(document.getElementsByTagName("result")) == 3


def test_select_csv(url):
    response = client(url, "SELECT ?s ?p WHERE { ?s a career:Role ; ?p ?o } LIMIT 4", CSV).query()
    assert response.response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.convert().decode("utf-8"))))
    assert rows[0] == ["s", "p"] and len(rows) == 5


def test_select_tsv(url):
    response = client(url, "SELECT ?s WHERE { ?s a career:Role } LIMIT 2", TSV).query()
    assert response.response.headers["Content-Type"].startswith("text/tab-separated-values")
    lines = response.convert().decode("utf-8").splitlines()
    assert lines[0] == "?s" and lines[1].startswith("<https://w3id.org/datacareers/role/")


def test_no_accept_header_gives_sparql_json(url):
    status, headers, body = raw(url + "?query=ASK%7B%7D", headers={"Accept": ""})
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_format_parameter_as_sparqlwrapper_sends_it(url):
    # Without conneg-only, SPARQLWrapper also adds format=csv to the URL.
    response = client(url, "SELECT ?s WHERE { ?s a career:Role } LIMIT 1", CSV,
                      conneg_only=False).query()
    assert response.response.headers["Content-Type"].startswith("text/csv")


def test_ask(url):
    assert client(url, "ASK { role:data-analyst career:canBecome ?x }").queryAndConvert()[
        "boolean"] is True
    assert client(url, "ASK { role:nobody ?p ?o }").queryAndConvert()["boolean"] is False


@pytest.mark.parametrize(("fmt", "mime"), [
    (TURTLE, "text/turtle"), (JSONLD, "application/ld+json"), (XML, "application/rdf+xml"),
    (N3, "text/turtle"),
])
def test_construct(url, fmt, mime):
    query = "CONSTRUCT { ?r skos:prefLabel ?l } WHERE { ?r a career:Role ; skos:prefLabel ?l }"
    response = client(url, query, fmt).query()
    assert response.response.headers["Content-Type"].startswith(mime)
    graph = response.convert()  # SPARQLWrapper parses these with rdflib
    if isinstance(graph, bytes):  # N3/Turtle come back as bytes in SPARQLWrapper 2
        import rdflib

        graph = rdflib.Graph().parse(data=graph.decode("utf-8"), format="turtle")
    assert len(graph) > 10


def test_describe(url):
    response = client(url, "DESCRIBE role:data-analyst", TURTLE).query()
    assert b"data-analyst" in response.convert()


def test_post_direct_body(url):
    sparql = client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    sparql.setMethod(POST)
    sparql.setRequestMethod(POSTDIRECTLY)
    result = sparql.queryAndConvert()
    assert int(result["results"]["bindings"][0]["n"]["value"]) == triple_count()


def test_post_urlencoded(url):
    sparql = client(url, "ASK { ?s ?p ?o }")
    sparql.setMethod(POST)
    assert sparql.queryAndConvert()["boolean"] is True


# ----------------------------------------------------------------- datasets


def test_graph_query_sees_every_source(url):
    result = SPARQLWrapper2(url)
    result.setQuery("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    graphs = {b["g"].value for b in result.query().bindings}
    assert {SOURCE["curated"], SOURCE["ml-engineer-article"], SOURCE["rome-4.0"]} <= graphs


def test_default_graph_uri_narrows_the_default_graph(url):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = client(url, count).queryAndConvert()["results"]["bindings"][0]["n"]["value"]
    sparql = client(url, count)
    sparql.addDefaultGraph(SOURCE["rome-4.0"])
    only_rome = sparql.queryAndConvert()["results"]["bindings"][0]["n"]["value"]
    in_graph = client(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{SOURCE['rome-4.0']}> "
                           "{ ?s ?p ?o } }").queryAndConvert()
    assert 0 < int(only_rome) < int(everything)
    assert only_rome == in_graph["results"]["bindings"][0]["n"]["value"]


def test_named_graph_uri_limits_graph_queries(url):
    sparql = client(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    sparql.addNamedGraph(SOURCE["curated"])
    bindings = sparql.queryAndConvert()["results"]["bindings"]
    assert [b["g"]["value"] for b in bindings] == [SOURCE["curated"]]


def test_bad_graph_iri_is_refused(url):
    sparql = client(url, "ASK { ?s ?p ?o }")
    sparql.addDefaultGraph("not an iri")
    with pytest.raises(QueryBadFormed, match="graph IRI"):
        sparql.query()


# ----------------------------------------------------------------- refusals and limits


def test_update_refused_and_nothing_changes(url):
    before = client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()
    sparql = client(url, "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }")
    sparql.setMethod(POST)
    with pytest.raises(QueryBadFormed, match="refused"):
        sparql.query()
    status, _, body = raw(url, b"DELETE WHERE { ?s ?p ?o }",
                          {"Content-Type": "application/sparql-update"})
    assert status == 400 and body.startswith(b"Error: SPARQL updates are refused")
    after = client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()
    assert before == after


def test_update_smuggled_in_query_parameter_is_refused(url):
    status, _, body = raw(url + "?query=" + urllib.request.quote("CLEAR ALL"))
    assert status == 400 and b"refused" in body and body.count(b"\n") == 1


def test_syntax_error(url):
    with pytest.raises(QueryBadFormed, match="syntax error"):
        client(url, "SELECT ?s WHERE { ?s ?p }").query()


def test_bad_accept_is_406(url):
    sparql = client(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    sparql.addCustomHttpHeader("Accept", "image/png")
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 406
    assert caught.value.read().startswith(b"Error: cannot answer in")


def test_construct_in_a_results_only_type_is_406(url):
    status, _, body = raw(url + "?query=" + urllib.request.quote("CONSTRUCT WHERE {?s ?p ?o}"),
                          headers={"Accept": "text/csv"})
    assert status == 406 and b"CONSTRUCT/DESCRIBE" in body


def test_too_many_rows(url):
    # the client's query, so a 4xx with the reason (422), never a server error
    status, _, body = raw(url + "?query=" + urllib.request.quote("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"))
    assert status == 422 and b"max-rows" in body and body.count(b"\n") == 1


@pytest.mark.slow
def test_runaway_query_is_stopped_and_others_still_answered(endpoint):
    url, server = endpoint
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as caught:
        client(url, RUNAWAY).query()
    elapsed = time.monotonic() - started
    assert caught.value.code == 503
    assert b"time limit" in caught.value.read()
    assert elapsed < TIMEOUT + 3
    assert server.pool.killed >= 1
    # the pool keeps serving: the other worker at once, the replacement soon after
    for _ in range(4):
        assert client(url, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_lazy_runaway_stops_at_the_deadline_inside_the_worker(endpoint):
    url, _ = endpoint
    with pytest.raises((urllib.error.HTTPError, EndPointInternalError)):
        client(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }").query()


def test_huge_post_is_413(url):
    body = b"query=" + b"%23" * (2 * 1024 * 1024)
    status, _, text = raw(url, body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and text.startswith(b"Error:")


def test_unknown_path_is_404(url):
    status, _, text = raw(url.replace("/sparql", "/nothing"))
    assert status == 404 and text.startswith(b"Error:")


# ----------------------------------------------------------------- the page


def test_home_page_english_and_french(url):
    base = url[: -len("sparql")]
    status, headers, page = raw(base, headers={"Accept-Language": "en"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"<textarea" in page and b"read-only" in page
    _, headers, page = raw(base + "?lang=fr")
    assert headers["Content-Language"] == "fr"
    assert b"en lecture seule" in page


def test_home_page_lists_example_queries(url):
    from datacareers.views.sparql import example_queries

    _, _, page = raw(url[: -len("sparql")])
    for name in example_queries():
        assert f"?example={name}".encode() in page
    if example_queries():
        name, path = next(iter(example_queries().items()))
        _, _, page = raw(url[: -len("sparql")] + f"?example={name}")
        first = next(line for line in path.read_text().splitlines() if line.strip()
                     and not line.startswith("#") and "<" not in line and "&" not in line
                     and '"' not in line and "'" not in line)
        assert first.encode() in page


def test_example_queries_run_on_the_endpoint(url):
    from datacareers.views.sparql import example_queries

    for name, path in example_queries().items():
        result = client(url, path.read_text(encoding="utf-8")).query()
        assert result.response.status == 200, name


# ----------------------------------------------------------------- units


@pytest.mark.parametrize(("accept", "kind", "expected"), [
    ("", "results", "application/sparql-results+json"),
    ("*/*", "graph", "text/turtle"),
    ("application/json", "results", "application/sparql-results+json"),
    ("text/*;q=0.9, application/sparql-results+xml;q=0.1", "results", "text/csv"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "results",
     "application/sparql-results+xml"),
    ("image/png", "graph", None),
])
def test_negotiate(accept, kind, expected):
    assert serve.negotiate(accept, kind) == expected


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False),
])
def test_is_loopback(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_cli_serve_starts_on_a_free_port_and_answers(tmp_path):
    env = {**os.environ, "DATACAREERS_HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from datacareers.cli import main; main()", "serve",
         "--port", "0", "--quiet", "--workers", "1"],
        stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        line = process.stderr.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/sparql)", line)
        assert found, line
        assert client(found.group(1), "ASK { ?s ?p ?o }").queryAndConvert()["boolean"]
    finally:
        process.terminate()
        process.wait(10)
    assert not Path(tmp_path, "store").exists()  # serving never writes a store


def test_cli_serve_help_is_instant():
    from click.testing import CliRunner

    from datacareers.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--timeout" in result.output and "--max-rows" in result.output


def test_a_socket_closed_under_a_request_by_the_shutdown_prints_no_traceback(capsys):
    import errno

    server = serve.EndpointServer.__new__(serve.EndpointServer)  # handle_error needs no socket
    try:
        raise OSError(errno.EBADF, "Bad file descriptor")
    except OSError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""
    try:
        raise ValueError("a real bug")
    except ValueError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert "Traceback" in capsys.readouterr().err  # anything else is still reported
