"""``datacareers push``: against a small fake Graph Store, then a real Virtuoso."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

from datacareers.cli import main
from datacareers.serve.push import PushError, graph_batches, push_dataset
from datacareers.store.shipped import shipped_store

ROOT = Path(__file__).resolve().parents[1]


class FakeGraphStore(BaseHTTPRequestHandler):
    """PUT/POST ?graph= into a dict of N-Triples lines; GET /query answers the count query."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _reply(self, status: int, body: bytes = b"", kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _write(self, replace: bool) -> None:
        state = self.server.state
        body = self.rfile.read(int(self.headers["Content-Length"]))
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
        expected = "Basic " + base64.b64encode(b"u:p").decode()
        if state.get("auth") and self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="fake"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        state["requests"].append((self.command, graph, body))
        if graph in state.get("fail", ()):
            self._reply(500, b"disk full\nmore detail\n")
            return
        lines = [line for line in body.decode().splitlines() if line.strip()]
        if replace:
            state["graphs"][graph] = lines
        else:
            state["graphs"].setdefault(graph, []).extend(lines)
        self._reply(201 if replace else 204)

    def do_PUT(self):  # noqa: N802
        self._write(replace=True)

    def do_POST(self):  # noqa: N802
        self._write(replace=False)

    def do_GET(self):  # noqa: N802
        graphs = self.server.state["graphs"]
        rows = [{"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(len(v))}}
                for g, v in graphs.items()]
        self._reply(200, json.dumps({"head": {"vars": ["g", "n"]},
                                     "results": {"bindings": rows}}).encode(),
                    "application/sparql-results+json")


@pytest.fixture
def fake():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGraphStore)
    server.state = {"requests": [], "graphs": {}}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield base, server.state
    server.shutdown()
    server.server_close()


def small_store(with_blank: bool = True) -> Store:
    store = Store()
    g = NamedNode("http://e/g")
    for i in range(10):
        store.add(Quad(NamedNode(f"http://e/s{i}"), NamedNode("http://e/p"), Literal(str(i)), g))
    if with_blank:
        b1, b2 = BlankNode(), BlankNode()
        store.add(Quad(NamedNode("http://e/s0"), NamedNode("http://e/q"), b1, g))
        store.add(Quad(b1, NamedNode("http://e/r"), b2, g))
        store.add(Quad(b2, NamedNode("http://e/v"), Literal("deep"), g))
    store.add(Quad(NamedNode("http://e/x"), NamedNode("http://e/p"), Literal("y"),
                   NamedNode("http://e/h")))
    return store


def test_batches_keep_blank_node_chains_together():
    batches = list(graph_batches(small_store(), "http://e/g", 2))
    assert sum(len(b) for b in batches) == 13
    linked = [b for b in batches if any(isinstance(t.subject, BlankNode) for t in b)]
    assert len(linked) == 1 and len(linked[0]) == 3


def test_push_replaces_each_graph_in_batches(fake):
    base, state = fake
    state["graphs"]["http://e/g"] = ["stale"]
    line = push_dataset(small_store(), base + "/query", graph_store=base + "/store",
                        batch_size=4)
    methods = [(m, g) for m, g, _ in state["requests"] if g == "http://e/g"]
    assert methods[0] == ("PUT", "http://e/g") and all(m == "POST" for m, _ in methods[1:])
    assert len(state["graphs"]["http://e/g"]) == 13 and "stale" not in state["graphs"]["http://e/g"]
    assert "2 graphs, 14 triples" in line and "counts checked" in line


def test_push_again_gives_the_same_result(fake):
    base, state = fake
    for _ in range(2):
        push_dataset(small_store(), base + "/query", graph_store=base + "/store", batch_size=5)
    assert len(state["graphs"]["http://e/g"]) == 13


def test_failure_names_graph_and_status_and_rerun_fixes_it(fake):
    base, state = fake
    state["fail"] = {"http://e/h"}
    with pytest.raises(PushError, match=r"graph <http://e/h>: PUT refused with HTTP 500 "
                                        r".*disk full.*re-run"):
        push_dataset(small_store(), base + "/query", graph_store=base + "/store")
    state["fail"] = set()
    push_dataset(small_store(), base + "/query", graph_store=base + "/store")
    assert len(state["graphs"]["http://e/h"]) == 1


def test_basic_auth(fake):
    base, state = fake
    state["auth"] = True
    with pytest.raises(PushError, match="HTTP 401"):
        push_dataset(small_store(), base + "/query", graph_store=base + "/store")
    push_dataset(small_store(), base + "/query", graph_store=base + "/store",
                 user="u", password="p")
    assert state["graphs"]["http://e/h"]


def test_unreachable_server_is_one_clear_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(PushError, match="cannot reach"):
        push_dataset(small_store(), f"http://127.0.0.1:{port}/sparql")


def test_cli_push_exit_codes(fake, tmp_path, monkeypatch):
    base, state = fake
    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    runner = CliRunner()
    ok = runner.invoke(main, ["push", base + "/query", "--graph-store", base + "/store"])
    assert ok.exit_code == 0, ok.output
    assert "counts checked" in ok.stdout
    assert len(state["graphs"]) == len(list(shipped_store().named_graphs()))
    bad = runner.invoke(main, ["push", "ftp://nowhere"])
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: not an http(s) URL")


# ------------------------------------------------------------------ real Virtuoso

#: Queries compared between Virtuoso and our engine, besides the shipped examples.
COMPARED = {
    "triples-per-graph": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "roles-and-labels": "SELECT ?r ?l WHERE { ?r a career:Role ; skos:prefLabel ?l }",
    "moves": "SELECT ?a ?b ?g WHERE { GRAPH ?g { ?a career:canBecome ?b } }",
    "skills-per-role": "SELECT ?r (COUNT(DISTINCT ?s) AS ?n) WHERE { ?r career:requiresSkill ?s }"
                       " GROUP BY ?r",
    "ask": "ASK { role:data-analyst career:canBecome ?x }",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (scripts/virtuoso.sh install, as root)")
    folder = tmp_path_factory.mktemp("virtuoso")
    env = {**os.environ, "VIRTUOSO_DIR": str(folder), "VIRTUOSO_SQL_PORT": str(_free_port()),
           "VIRTUOSO_HTTP_PORT": str(_free_port())}
    script = str(ROOT / "scripts" / "virtuoso.sh")
    started = subprocess.run([script, "start"], env=env, capture_output=True, text=True,
                             timeout=180)
    if started.returncode != 0:
        pytest.fail(f"virtuoso did not start: {started.stderr[-2000:]}")
    values = dict(line.split("=", 1) for line in started.stdout.split())
    yield values
    subprocess.run([script, "stop"], env=env, capture_output=True, timeout=60)


def _normal(term: dict):
    """A result term, comparable across engines (numbers by value, no xsd:string)."""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return ("uri", value)
    datatype = term.get("datatype", "")
    if datatype.endswith("#duration"):
        # Virtuoso 7 keeps a year/month duration as a number of months: P1Y comes back "12".
        match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?", value)
        months = int(match[1] or 0) * 12 + int(match[2] or 0) if match else value
        return ("months", str(months))
    if datatype.startswith("http://www.w3.org/2001/XMLSchema#") and not datatype.endswith(
            ("string", "date", "dateTime", "gYear", "anyURI", "boolean")):
        try:
            return ("number", round(Decimal(value), 6))
        except InvalidOperation:
            pass
    if datatype.endswith("#string"):
        datatype = ""
    return ("literal", value, term.get("xml:lang", "").lower(), datatype)


def _answers(data: dict):
    if "boolean" in data:
        return data["boolean"]
    rows = [tuple(sorted((k, _normal(v)) for k, v in row.items()))
            for row in data["results"]["bindings"]]
    return sorted(rows, key=repr)


def _ours(query: str):
    from datacareers.views.sparql import format_result, run_query

    return _answers(json.loads(format_result(run_query(shipped_store(), query), "json")))


def _virtuoso(endpoint: str, graphs: list[str], query: str):
    from datacareers.constants import PREFIXES

    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    params = [("query", prologue + query)]
    params += [("default-graph-uri", g) for g in graphs]
    params += [("named-graph-uri", g) for g in graphs]
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode(params).encode(),
        headers={"Accept": "application/sparql-results+json",
                 "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return _answers(json.loads(response.read().decode("utf-8")))


def test_push_to_virtuoso_then_same_answers(virtuoso, tmp_path, monkeypatch):
    from datacareers.views.sparql import example_queries

    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    started = time.monotonic()
    args = ["push", virtuoso["VIRTUOSO_SPARQL"], "--graph-store",
            virtuoso["VIRTUOSO_GRAPH_STORE"], "--user", virtuoso["VIRTUOSO_USER"],
            "--password", virtuoso["VIRTUOSO_PASSWORD"], "--batch-size", "200"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    # a second push replaces, it does not add
    assert CliRunner().invoke(main, args).exit_code == 0
    print(f"pushed twice in {time.monotonic() - started:.1f} s")
    graphs = sorted(g.value for g in shipped_store().named_graphs())
    queries = dict(COMPARED)
    queries.update({name: path.read_text(encoding="utf-8")
                    for name, path in example_queries().items()})
    different = []
    for name, query in queries.items():
        ours, theirs = _ours(query), _virtuoso(virtuoso["VIRTUOSO_SPARQL"], graphs, query)
        if ours != theirs:
            different.append(f"{name}: ours {str(ours)[:300]} != virtuoso {str(theirs)[:300]}")
    assert not different, "\n".join(different)


def test_wrong_password_on_virtuoso_names_the_graph_and_status(virtuoso, tmp_path, monkeypatch):
    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    result = CliRunner().invoke(main, [
        "push", virtuoso["VIRTUOSO_SPARQL"], "--graph-store", virtuoso["VIRTUOSO_GRAPH_STORE"],
        "--user", virtuoso["VIRTUOSO_USER"], "--password", "wrong"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: graph <https://w3id.org/datacareers/source/")
    assert "HTTP 401" in result.stderr
