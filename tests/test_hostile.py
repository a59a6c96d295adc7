"""Hostile and mistaken input: one clear line, the contract's exit code, nothing changed.

Each case checks (1) the message, (2) the exit code (2 for bad input), and (3) that no
file was written or changed and, for SERVICE/LOAD, that no outbound connection was made.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from listener import Listener

import datacareers.cli
from datacareers.cli import main
from datacareers.constants import ONTOLOGY_DIR, SOURCE
from datacareers.errors import QueryError, SourceDataError
from datacareers.serve import endpoint as serve
from datacareers.store import shipped as store
from datacareers.views import sparql

COMMANDS = main.commands
SCRIPT = "<script>alert('x')</script>"


def needs(*names: str):
    missing = [n for n in names if n not in COMMANDS]
    return pytest.mark.skipif(bool(missing), reason=f"command(s) not written yet: {missing}")


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file under *folders* with the hash of its bytes."""
    found = {}
    for folder in folders:
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty data folder: nothing imported, and any write would show up in it."""
    folder = tmp_path / "home"
    monkeypatch.setenv("DATACAREERS_HOME", str(folder))
    return folder


@pytest.fixture
def ontology_copy(tmp_path, monkeypatch, home):
    """A copy of ontology/ that the loader reads instead of the shipped one."""
    copy = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, copy)
    monkeypatch.setattr(store, "FACTS_DIR", copy / "facts")
    monkeypatch.setattr(store, "VOCABULARY_FILE", copy / "careers.ttl")
    return copy


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def assert_one_line_error(result, exit_code: int, pattern: str) -> None:
    import re

    assert result.exit_code == exit_code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and re.search(pattern, lines[0]), lines[0]
    assert "Traceback" not in result.output


# ------------------------------------------------------------------ malformed Turtle


def test_malformed_turtle_names_the_file(ontology_copy):
    bad = ontology_copy / "facts" / "curated" / "broken.ttl"
    bad.write_text("@prefix role: <https://w3id.org/datacareers/role/> .\n"
                   "role:x role:y \"unterminated .\n", encoding="utf-8")
    before = snapshot(ontology_copy)
    with pytest.raises(SourceDataError, match=r"broken\.ttl: not valid Turtle"):
        store.shipped_store()
    assert snapshot(ontology_copy) == before


@needs("query")
def test_malformed_turtle_through_the_cli(ontology_copy, home):
    (ontology_copy / "facts" / "curated" / "broken.ttl").write_text("this is { not turtle")
    before = snapshot(ontology_copy, home)
    result = run("query", "ASK { ?s ?p ?o }")
    assert_one_line_error(result, 2, r"broken\.ttl: not valid Turtle")
    assert snapshot(ontology_copy, home) == before


def test_malformed_turtle_stops_serve_before_it_listens(ontology_copy, home):
    (ontology_copy / "facts" / "curated" / "broken.ttl").write_text("this is { not turtle")
    result = run("serve", "--port", "0")
    assert_one_line_error(result, 2, r"broken\.ttl: not valid Turtle")
    assert not home.exists()


# ------------------------------------------------------------------ bad queries


def test_broken_query_api():
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        sparql.run_query(store.shipped_store(), "SELECT ?s WHERE { ?s ?p }")


@needs("query")
def test_broken_query_cli(home):
    assert_one_line_error(run("query", "SELECT ?s WHERE { ?s ?p }"), 2, "SPARQL syntax error")


@needs("query")
@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <urn:x#>\nCLEAR ALL",
    "# a comment\n drop graph <urn:g>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_update_through_query_is_refused(home, update):
    before = snapshot(ONTOLOGY_DIR, home)
    assert_one_line_error(run("query", update), 2, "refused")
    assert snapshot(ONTOLOGY_DIR, home) == before
    assert not home.exists()


@needs("query")
def test_huge_query_is_refused(home, tmp_path):
    huge = tmp_path / "huge.rq"
    huge.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n#" + "x" * 5_000_000)
    assert_one_line_error(run("query", "-f", str(huge)), 2, "over the limit")


def test_huge_query_api():
    with pytest.raises(QueryError, match="over the limit"):
        sparql.check_read_only("ASK {}" + " " * 5_000_000)


# ------------------------------------------------------------------ SERVICE and LOAD


# rdflib's grammar fails on a SERVICE after a name ending in \# on the same line: refused
# as a syntax error at the SERVICE (fail closed) rather than as SERVICE
REFUSED = r"refused|SPARQL syntax error at line 1, column \d+ \(near 'SERVICE"


def outbound_queries(url: str) -> list[str]:
    # tests/test_query_wall.py tries every disguise the suite knows; these are the classics
    # and the security review's escapes (\# read as a comment, \' as a string by a scan)
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://e/> SELECT ?o {{ OPTIONAL {{ ?s ex:a\\# ?x }} "
        f"SERVICE <{url}/internal?token=1> {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://e/> SELECT ?o {{ ?s ex:a\\' ?x . SERVICE SILENT <{url}/x> {{ ?s ?p ?o }} }}",
        f"LOAD <{url}/data.ttl>",
        f"LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:g>",
    ]


def test_service_and_load_make_no_request_api():
    data = store.shipped_store()
    with Listener() as listener:
        for query in outbound_queries(listener.url):
            with pytest.raises(QueryError, match=REFUSED):
                sparql.run_query(data, query)
        # FROM names a graph of the store; it is never fetched either
        sparql.run_query(data, f"SELECT * FROM <{listener.url}/x> WHERE {{ ?s ?p ?o }}")
        assert listener.connections() == 0


@needs("query")
def test_service_and_load_make_no_request_cli(home):
    with Listener() as listener:
        for query in outbound_queries(listener.url):
            assert_one_line_error(run("query", query), 2, REFUSED)
        assert listener.connections() == 0


# ------------------------------------------------------------------ role names


@needs("show")
@pytest.mark.parametrize("name", ["astronaut", "", "   ", SCRIPT, "'; DROP TABLE roles; --"])
def test_unknown_role_show(home, name):
    result = run("show", name)
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
    assert len(result.stderr.strip().splitlines()) == 1


@needs("path")
def test_unknown_role_path(home):
    assert_one_line_error(run("path", "astronaut", "data analyst"), 2, "astronaut")


# ------------------------------------------------------------------ wrong import folder


@pytest.mark.parametrize("kind", ["esco", "rome", "onet"])
def test_import_from_the_wrong_folder(home, tmp_path, kind):
    if kind not in COMMANDS["import"].commands:
        pytest.skip(f"import {kind} not written yet")
    wrong = tmp_path / "not-a-release"
    wrong.mkdir()
    (wrong / "notes.txt").write_text("hello")
    result = run("import", kind, str(wrong))
    assert_one_line_error(result, 2, str(wrong))
    assert not (home / "store").exists()


def test_import_from_a_missing_folder(home, tmp_path):
    if "esco" not in COMMANDS["import"].commands:
        pytest.skip("import esco not written yet")
    result = run("import", "esco", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
    assert not (home / "store").exists()


# ------------------------------------------------------------------ HTML in labels


@pytest.fixture
def hostile_files(tmp_path):
    """The shipped files plus a source whose title and a role label hold markup."""
    extra = tmp_path / "hostile.ttl"
    extra.write_text(f"""
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{SOURCE['hostile']}> dcterms:title "{SCRIPT} & <b>bold</b>"@en .
<https://w3id.org/datacareers/role/data-analyst> skos:altLabel "{SCRIPT}"@en .
""", encoding="utf-8")
    return [(str(p), g) for p, g in store.shipped_files()] + [(str(extra), SOURCE["hostile"])]


def test_markup_stays_text_in_query_results(hostile_files):
    data = serve.load_files(hostile_files)
    query = "SELECT ?l WHERE { role:data-analyst skos:altLabel ?l FILTER(CONTAINS(?l, 'script')) }"
    as_json = json.loads(sparql.format_result(sparql.run_query(data, query), "json"))
    assert as_json["results"]["bindings"][0]["l"]["value"] == SCRIPT
    as_xml = sparql.format_result(sparql.run_query(data, query), "xml")
    assert "<script>" not in as_xml and "&lt;script&gt;" in as_xml
    import xml.dom.minidom

    parsed = xml.dom.minidom.parseString(as_xml)
    assert parsed.getElementsByTagName("literal")[0].firstChild.data == SCRIPT
    assert SCRIPT in sparql.format_result(sparql.run_query(data, query), "csv")


@pytest.fixture
def hostile_endpoint(hostile_files, tmp_path, monkeypatch):
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "evil.rq").write_text(
        f"# {SCRIPT} lists roles\nSELECT * WHERE {{ ?s ?p '</textarea>{SCRIPT}' }}\n")
    monkeypatch.setattr(sparql, "QUERIES_DIR", queries)
    settings = serve.Settings(timeout=5, workers=1, quiet=True)
    server = serve.make_server("127.0.0.1", 0, settings,
                               loader=functools.partial(serve.load_files, hostile_files))
    serve.serve_in_thread(server)
    yield serve.endpoint_url(server)
    server.shutdown()
    server.server_close()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_endpoint_page_escapes_markup(hostile_endpoint):
    base = hostile_endpoint[: -len("sparql")]
    for url in (base, base + "?lang=fr", base + "?example=evil",
                base + "?example=" + urllib.parse.quote(SCRIPT)):
        status, page = fetch(url, headers={"Host": f"x{SCRIPT}"})
        text = page.decode("utf-8")
        assert status == 200
        assert text.count("<script>") == 1  # ours, the page's own small script
        assert "&lt;script&gt;" in text
        assert "</textarea>" not in text.split("<textarea", 1)[1].split("</textarea>", 1)[0]


def test_endpoint_answers_keep_markup_as_text(hostile_endpoint):
    query = "SELECT ?l WHERE { role:data-analyst skos:altLabel ?l FILTER(CONTAINS(?l, 'script')) }"
    status, body = fetch(hostile_endpoint + "?" + urllib.parse.urlencode({"query": query}),
                         headers={"Accept": "application/sparql-results+xml"})
    assert status == 200 and b"&lt;script&gt;" in body and b"<script>" not in body
    status, body = fetch(hostile_endpoint + "?" + urllib.parse.urlencode({"query": query}))
    assert json.loads(body)["results"]["bindings"][0]["l"]["value"] == SCRIPT


# ------------------------------------------------------------------ the endpoint


def test_endpoint_refuses_updates_service_load_and_huge(hostile_endpoint):
    url = hostile_endpoint
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    _, before = fetch(url + "?" + urllib.parse.urlencode({"query": count}))
    with Listener() as listener:
        for query in outbound_queries(listener.url) + ["INSERT DATA { <urn:a> <urn:b> 1 }"]:
            for data, headers in (
                (urllib.parse.urlencode({"query": query}).encode(), {}),
                (urllib.parse.urlencode({"update": query}).encode(), {}),
                (query.encode(), {"Content-Type": "application/sparql-query"}),
                (query.encode(), {"Content-Type": "application/sparql-update"}),
            ):
                status, body = fetch(url, data, headers)
                assert status == 400, (query, body)
                assert body.startswith(b"Error: ") and body.count(b"\n") == 1
                assert re.search(REFUSED.encode(), body), body
        assert listener.connections() == 0
    huge = b"query=" + b"x" * 5_000_000
    status, body = fetch(url, huge, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and body.startswith(b"Error: ")
    _, after = fetch(url + "?" + urllib.parse.urlencode({"query": count}))
    assert before == after


def test_cli_registry_is_what_these_tests_expect():
    # so a renamed command shows up here instead of silently skipping its tests
    assert {"serve", "push"} <= set(datacareers.cli.main.commands)
