"""The endpoint's HTTP layer: request framing, methods, keep-alive, clients that hang up,
the service description and every format SPARQLWrapper offers."""

from __future__ import annotations

import functools
import http.client
import socket
import struct
import time
import urllib.parse
import warnings

import pytest
import rdflib
from rdflib.compare import isomorphic

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import (  # noqa: E402
    CSV,
    JSON,
    JSONLD,
    N3,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    XML,
)

from datacareers.constants import SOURCE  # noqa: E402
from datacareers.serve import endpoint as serve  # noqa: E402
from datacareers.store.shipped import shipped_files  # noqa: E402

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")
ASK = "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")
#: Seconds to wait for an answer the server should give at once (a bound, not a pause).
PROMPT = 5


@pytest.fixture(scope="module")
def endpoint():
    loader = functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])
    settings = serve.Settings(timeout=5, workers=2, quiet=True)
    server = serve.make_server("127.0.0.1", 0, settings, loader=loader)
    serve.serve_in_thread(server)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def url(endpoint):
    return serve.endpoint_url(endpoint)


def address(server) -> tuple[str, int]:
    return server.server_address[:2]


def exchange(server, data: bytes, close_write: bool = False):
    """Send raw bytes; return (status, headers, body, closed_after) of the one answer."""
    with socket.create_connection(address(server), timeout=PROMPT) as sock:
        sock.sendall(data)
        if close_write:
            sock.shutdown(socket.SHUT_WR)
        response = http.client.HTTPResponse(sock)
        response.begin()
        body = response.read()
        try:
            closed = sock.recv(1) == b""
        except (ConnectionResetError, TimeoutError):
            closed = False
        return response.status, response.headers, body, closed


def request(server, method: str, path: str, headers: dict | None = None, body: bytes | None = None):
    connection = http.client.HTTPConnection(*address(server), timeout=PROMPT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


# ----------------------------------------------------------------- framing


POST = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
FORM = b"query=ASK%7B%7D"


@pytest.mark.parametrize(("headers", "status"), [
    (b"Content-Length: -1\r\n", 400),
    (b"Content-Length: abc\r\n", 400),
    (b"Content-Length: 1_5\r\n", 400),  # int() would read 15
    (b"Content-Length: +15\r\n", 400),
    (b"Content-Length: 15\r\nContent-Length: 15\r\n", 400),
    (b"Content-Length: 15\r\nTransfer-Encoding: chunked\r\n", 400),
    (b"Transfer-Encoding: chunked\r\n", 411),
    (b"Transfer-Encoding: gzip, chunked\r\n", 501),
    (b"Transfer-Encoding: chunked, gzip\r\n", 400),
    (b"Content-Length: 99999999999999999999999999999\r\n", 413),
])
def test_malformed_body_framing_is_refused_and_closed(endpoint, headers, status):
    # The client keeps its side open: an answer must not wait for it to close.
    got, response_headers, body, closed = exchange(endpoint, POST + headers + b"\r\n" + FORM)
    assert got == status, body
    assert body.startswith(b"Error: ") and body.count(b"\n") == 1
    assert response_headers["Connection"] == "close" and closed


def test_content_length_minus_one_does_not_read_until_the_client_closes(endpoint):
    with socket.create_connection(address(endpoint), timeout=PROMPT) as sock:
        sock.sendall(POST + b"Content-Length: -1\r\n\r\n" + FORM * 100)
        first = sock.recv(64)  # a server reading until EOF never answers: this times out
    assert first.startswith(b"HTTP/1.1 400")


def test_oversized_body_with_expect_100_is_refused_before_it_is_sent(endpoint):
    limit = endpoint.settings.max_query_bytes
    with socket.create_connection(address(endpoint), timeout=PROMPT) as sock:
        sock.sendall(POST + f"Content-Length: {limit + 1}\r\nExpect: 100-continue\r\n\r\n".encode())
        first = sock.recv(64)
    assert first.startswith(b"HTTP/1.1 413")  # not "100 Continue"


def test_a_body_on_a_get_does_not_corrupt_the_next_request(endpoint):
    get = f"GET {ASK} HTTP/1.1\r\nHost: x\r\n".encode()
    with socket.create_connection(address(endpoint), timeout=PROMPT) as sock:
        sock.sendall(get + b"Content-Length: 5\r\n\r\nhello" + get + b"\r\n")
        stream = sock.makefile("rb")  # one reader for both answers: none of the second is lost
        statuses = []
        for _ in range(2):
            statuses.append(int(stream.readline().split()[1]))
            headers = http.client.parse_headers(stream)
            assert stream.read(int(headers["Content-Length"]))
    assert statuses == [200, 200]


def test_httpserver_refusals_are_plain_text(endpoint):
    status, headers, body, _ = exchange(endpoint, b"FOO /sparql HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 501 and headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"Error: ") and b"<html" not in body.lower()
    status, _, body, _ = exchange(endpoint, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n")
    assert status == 414 and body.startswith(b"Error: ")


# ----------------------------------------------------------------- methods


def test_head_is_get_without_a_body(endpoint):
    for path in (ASK, "/sparql", "/"):
        got = request(endpoint, "GET", path)
        head = request(endpoint, "HEAD", path)
        assert head[0] == got[0] == 200, path
        assert head[1]["Content-Type"] == got[1]["Content-Type"]
        assert head[1]["Content-Length"] == str(len(got[2])) and head[2] == b""


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_writing_methods_are_405_with_allow(endpoint, method):
    status, headers, body = request(endpoint, method, "/sparql?graph=urn:x", body=b"<a> <b> <c> .",
                                    headers={"Content-Type": "text/turtle"})
    assert status == 405
    assert set(headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert headers["Content-Type"].startswith("text/plain") and body.startswith(b"Error: ")


def test_options_lists_head(endpoint):
    status, headers, _ = request(endpoint, "OPTIONS", "/sparql")
    assert status == 204 and "HEAD" in headers["Allow"]


# ----------------------------------------------------------------- connections


def test_answers_go_out_without_nagle_delay(endpoint):
    # Keep-alive answers stalled ~40 ms each on Nagle's algorithm + delayed ACKs:
    # each accepted connection must have TCP_NODELAY set.
    server = serve.EndpointServer(("127.0.0.1", 0), serve.Settings(quiet=True), None)
    try:
        with socket.create_connection(server.server_address[:2], timeout=PROMPT) as client:
            client.sendall(b"GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            connection, peer = server.get_request()
            serve.Handler(connection, peer, server)
            assert connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            assert client.recv(64).startswith(b"HTTP/1.1 404")
            connection.close()
    finally:
        server.server_close()


def test_keep_alive_serves_many_requests_on_one_connection(endpoint):
    connection = http.client.HTTPConnection(*address(endpoint), timeout=PROMPT)
    try:
        for _ in range(20):
            connection.request("GET", ASK)
            response = connection.getresponse()
            assert response.status == 200 and response.read()
    finally:
        connection.close()


def test_a_client_that_hangs_up_is_one_line_not_a_traceback(endpoint, capsys):
    endpoint.settings.quiet = False
    try:
        query = urllib.parse.quote("CONSTRUCT WHERE { ?s ?p ?o }")
        with socket.create_connection(address(endpoint), timeout=PROMPT) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.sendall(f"GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\n"
                         "Accept: application/n-triples\r\n\r\n".encode())
        # closed with a reset: the server's write (or read) fails
        seen, deadline = "", time.monotonic() + 10
        while "went away" not in seen and "Traceback" not in seen and time.monotonic() < deadline:
            seen += capsys.readouterr().err
            time.sleep(0.05)
    finally:
        endpoint.settings.quiet = True
    assert "Traceback" not in seen
    assert len([line for line in seen.splitlines() if "went away" in line]) == 1, seen


# ----------------------------------------------------------------- service description


def service_description(endpoint, accept: str | None, fmt: str):
    status, headers, body = request(endpoint, "GET", "/sparql", headers={"Accept": accept} if accept else {})
    assert status == 200
    return headers, rdflib.Graph().parse(data=body, format=fmt)


def test_service_description(endpoint, url):
    headers, graph = service_description(endpoint, None, "turtle")
    assert headers["Content-Type"].startswith("text/turtle")
    service = rdflib.URIRef(url)
    assert (service, rdflib.RDF.type, SD.Service) in graph
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert set(graph.objects(service, SD.resultFormat)) == {
        FORMATS[name] for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                                   "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")}
    named = {str(name) for name in graph.objects(None, SD.name)}
    assert named == {iri for iri, _ in endpoint.settings.graphs}
    assert {SOURCE["curated"], SOURCE["rome-4.0"]} <= named
    comment = str(graph.value(service, rdflib.RDFS.comment))
    assert "5 s" in comment and "read-only" in comment.lower()


@pytest.mark.parametrize(("accept", "mime", "fmt"), [
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/n-triples", "application/n-triples", "nt"),
    # what Comunica sends
    ("application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
     "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5", "application/ld+json",
     "json-ld"),
    ("image/png", "text/turtle", "turtle"),  # nothing acceptable: still the description
])
def test_service_description_content_negotiation(endpoint, accept, mime, fmt):
    _, turtle = service_description(endpoint, "text/turtle", "turtle")
    headers, graph = service_description(endpoint, accept, fmt)
    assert headers["Content-Type"].startswith(mime)
    assert isomorphic(graph, turtle)


def test_service_description_is_the_same_bytes_each_time(endpoint):
    assert request(endpoint, "GET", "/sparql")[2] == request(endpoint, "GET", "/sparql")[2]


def test_service_description_url_ignores_a_hostile_host_header(endpoint, url):
    _, _, body = request(endpoint, "GET", "/sparql", headers={"Host": "x<script>"})
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert {str(s) for s in graph.subjects(SD.endpoint, None)} == {url}


# ----------------------------------------------------------------- SPARQLWrapper, every format

SELECT = "SELECT ?s WHERE { ?s a career:Role } LIMIT 3"
CONSTRUCT = "CONSTRUCT { ?r skos:prefLabel ?l } WHERE { ?r a career:Role ; skos:prefLabel ?l }"
#: The media type we must answer with; formats missing here may take our default.
EXPECTED = {
    "select": {JSON: "application/sparql-results+json", XML: "application/sparql-results+xml",
               CSV: "text/csv", TSV: "text/tab-separated-values"},
    "construct": {TURTLE: "text/turtle", N3: "text/turtle", XML: "application/rdf+xml",
                  RDFXML: "application/rdf+xml", JSONLD: "application/ld+json"},
}


@pytest.mark.parametrize("conneg_only", [True, False], ids=["accept", "accept+format"])
@pytest.mark.parametrize("form", ["select", "construct"])
@pytest.mark.parametrize("fmt", [JSON, XML, TURTLE, N3, RDF, RDFXML, CSV, TSV, JSONLD])
def test_sparqlwrapper_every_format(url, fmt, form, conneg_only):
    sparql = SPARQLWrapper.SPARQLWrapper(url)
    sparql.setQuery(SELECT if form == "select" else CONSTRUCT)
    sparql.setReturnFormat(fmt)
    sparql.setOnlyConneg(conneg_only)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "unexpected format" notes from the client
        response = sparql.query()
        content_type = response.response.headers["Content-Type"]
        answer = response.convert()
    assert response.response.status == 200
    if fmt in EXPECTED[form]:
        assert content_type.startswith(EXPECTED[form][fmt])
    assert answer is not None and (not isinstance(answer, bytes | str) or len(answer) > 10)


def test_rdflib_sparqlstore_graph_sees_everything_dataset_does_not(url, shipped):
    # docs/serving.md: rdflib's Dataset sends default-graph-uri=urn:x-rdflib:default,
    # a graph that does not exist here; Graph (or Dataset(default_union=True)) does not.
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def counted(graph) -> int:
        return int(next(iter(graph.query(count)))[0])

    merged = len({(q.subject, q.predicate, q.object) for q in shipped})
    assert counted(rdflib.Graph(store=SPARQLStore(url))) == merged
    assert counted(rdflib.Dataset(store=SPARQLStore(url), default_union=True)) == merged
    assert counted(rdflib.Dataset(store=SPARQLStore(url))) == 0
