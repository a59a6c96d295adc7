"""Answers by the protocol, the same from ``datacareers query`` and from the endpoint:
FROM / FROM NAMED honoured, one serializer, ASK as a one-cell CSV/TSV table, short syntax errors,
each request checked and negotiated once, bad input files refused in one line."""

from __future__ import annotations

import csv
import functools
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.constants import SOURCE
from datacareers.serve import endpoint as serve
from datacareers.store.shipped import shipped_files

COUNT = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"


@pytest.fixture(scope="module")
def endpoint():
    settings = serve.Settings(timeout=10, workers=1, quiet=True)
    loader = functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])
    server = serve.make_server("127.0.0.1", 0, settings, loader=loader)
    serve.serve_in_thread(server)
    yield serve.endpoint_url(server)
    server.shutdown()
    server.server_close()


def http(url: str, query: str, accept: str = "*/*", **params) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query, **params}, doseq=True),
                                     headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def cli(*args: str):
    return CliRunner().invoke(main, ["query", *args])


def cli_count(query: str) -> int:
    result = cli(query, "--format", "csv")
    assert result.exit_code == 0, result.output
    return int(list(csv.reader(io.StringIO(result.stdout)))[1][0])


def http_count(url: str, query: str, **params) -> int:
    status, _, body = http(url, query, "application/sparql-results+json", **params)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ----------------------------------------------------------------- FROM / FROM NAMED


def test_from_is_honoured_by_query_and_serve(endpoint):
    rome = SOURCE["rome-4.0"]
    in_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{rome}> {{ ?s ?p ?o }} }}"
    everything = COUNT.format(**{"from": ""})
    only_rome = COUNT.format(**{"from": f"FROM <{rome}>"})
    nowhere = COUNT.format(**{"from": "FROM <urn:no-such-graph>"})
    for count in (cli_count, functools.partial(http_count, endpoint)):
        assert 0 < count(only_rome) == count(in_graph) < count(everything)
        assert count(nowhere) == 0


def test_from_named_is_honoured(endpoint):
    query = (f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{SOURCE['curated']}> "
             "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    status, _, body = http(endpoint, query, "text/csv")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert status == 200 and [r[0] for r in rows[1:]] == [SOURCE["curated"]]
    result = cli(query, "--format", "csv")
    assert [r[0] for r in list(csv.reader(io.StringIO(result.stdout)))[1:]] == [SOURCE["curated"]]


def test_protocol_graphs_override_from(endpoint):
    rome, curated = SOURCE["rome-4.0"], SOURCE["curated"]
    query = COUNT.format(**{"from": f"FROM <{rome}>"})
    assert http_count(endpoint, query, **{"default-graph-uri": curated}) == http_count(
        endpoint, COUNT.format(**{"from": f"FROM <{curated}>"}))


# ----------------------------------------------------------------- one serializer


@pytest.mark.parametrize(("query", "fmt", "accept"), [
    ("SELECT ?r ?l WHERE { ?r a career:Role ; skos:prefLabel ?l } ORDER BY ?r ?l LIMIT 20", "json",
     "application/sparql-results+json"),
    ("SELECT ?r ?l WHERE { ?r a career:Role ; skos:prefLabel ?l } ORDER BY ?r ?l LIMIT 20", "xml",
     "application/sparql-results+xml"),
    ("SELECT ?r ?l WHERE { ?r a career:Role ; skos:prefLabel ?l } ORDER BY ?r ?l LIMIT 20", "csv", "text/csv"),
    ("SELECT ?r ?l WHERE { ?r a career:Role ; skos:prefLabel ?l } ORDER BY ?r ?l LIMIT 20", "tsv",
     "text/tab-separated-values"),
    ("ASK { role:data-analyst career:canBecome role:chief-data-officer }", "json", "application/sparql-results+json"),
    ("ASK { role:data-analyst career:canBecome role:chief-data-officer }", "xml", "application/sparql-results+xml"),
    ("CONSTRUCT WHERE { role:data-analyst career:canBecome ?x }", "nt", "application/n-triples"),
    ("CONSTRUCT WHERE { role:data-analyst career:canBecome ?x }", "jsonld", "application/ld+json"),
])
def test_query_and_serve_answer_alike(endpoint, query, fmt, accept):
    status, content_type, body = http(endpoint, query, accept)
    result = cli(query, "--format", fmt)
    assert status == 200 and content_type.startswith(accept)
    assert result.exit_code == 0
    assert result.stdout_bytes.rstrip(b"\n") == body.rstrip(b"\n")


@pytest.mark.parametrize(("fmt", "table"), [("csv", b"_askResult\r\ntrue\r\n"), ("tsv", b"?_askResult\ntrue\n")])
def test_ask_as_csv_or_tsv_is_the_same_one_cell_table_from_query_and_serve(endpoint, fmt, table):
    # as Jena (Fuseki) and Virtuoso answer it: the W3C CSV/TSV formats define no ASK form
    result = cli("ASK {}", "--format", fmt)
    assert result.exit_code == 0 and result.stdout_bytes.rstrip(b"\n") == table.rstrip(b"\n")
    media = {"csv": "text/csv", "tsv": "text/tab-separated-values"}[fmt]
    for accept in (media, f"{media}, */*;q=0.1"):
        status, content_type, body = http(endpoint, "ASK {}", accept)
        assert status == 200 and content_type.startswith(media) and body == table


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_ask_in_a_graph_format_is_one_line(fmt):
    result = cli("ASK {}", "--format", fmt)
    assert result.exit_code == 2 and result.stderr.startswith("Error: an ASK answer cannot be given as")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


# ----------------------------------------------------------------- errors


@pytest.mark.parametrize("query", [
    "SELECT ?x WHERE { ?x ?y }",
    "SELECT * WHERE { ?s nope:p ?o }",
    "SELECT * WHERE { ?s ?p ?o } LIMIT x",
])
def test_syntax_errors_are_one_short_line_with_a_position(endpoint, query):
    status, _, body = http(endpoint, query)
    result = cli(query)
    for message in (body.decode(), result.stderr):
        assert message.startswith("Error: SPARQL syntax error at line 1, column "), message
        assert message.count("\n") == 1 and len(message) < 200 and "\\u{" not in message
    assert status == 400 and result.exit_code == 2


def test_each_request_is_checked_and_negotiated_once_in_the_worker(endpoint, monkeypatch):
    # the HTTP thread no longer parses nor negotiates: break both here, the worker answers
    from datacareers.serve import conneg
    from datacareers.views import sparql, sparql_check

    def broken(*args, **kwargs):
        raise AssertionError("checked or negotiated in the HTTP thread")

    for module, name in ((sparql_check, "check_query"), (sparql_check, "check_read_only"),
                         (sparql, "check_read_only"), (conneg, "acceptable_at_all"),
                         (conneg, "negotiate"), (conneg, "wanted_type"), (serve, "check_read_only")):
        monkeypatch.setattr(module, name, broken, raising=False)
    status, _, body = http(endpoint, "SELECT ?s WHERE { ?s a career:Role } LIMIT 1", "text/csv")
    assert status == 200, body
    status, _, body = http(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE is refused" in body


@pytest.mark.parametrize(("content", "expected"), [
    ("SELECT * WHERE { ?s ?p 'caf\xe9' }".encode("latin-1"), r"not UTF-8 text \(byte 27: 0xe9\)"),
    (bytes(range(256)) * 4, r"not UTF-8 text"),
    (b"\x00\x01\x02 ASK {}", r"SPARQL syntax error at line 1, column 1"),
])
def test_bad_query_files_are_one_line(tmp_path, content, expected):
    import re

    path = tmp_path / "query.rq"
    path.write_bytes(content)
    result = cli("-f", str(path))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search(expected, lines[0]), lines


def test_a_bom_is_not_part_of_the_query(tmp_path):
    path = tmp_path / "query.rq"
    path.write_bytes(b"\xef\xbb\xbfASK { ?s ?p ?o }")
    result = cli("-f", str(path))
    assert result.exit_code == 0 and result.stdout.strip() == "true"
