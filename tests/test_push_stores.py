"""``datacareers push`` to real triple stores, then the same answers there as here.

Two stores: Virtuoso (Debian's virtuoso-opensource, installed by scripts/ci_extras.sh as
root) and Oxigraph server (the ``oxigraph`` wheel from PyPI, in the test extras). Each
test is skipped, with the reason, where its store is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.store.shipped import shipped_store

ROOT = Path(__file__).resolve().parents[1]

#: Queries compared between a store and our engine, besides the shipped examples.
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


def _theirs(endpoint: str, graphs: list[str], query: str):
    """The store's answer, over our graphs only (as default graph and as named graphs)."""
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


def _push_twice_then_compare(args: list[str], endpoint: str, tmp_path, monkeypatch) -> None:
    from datacareers.views.sparql import example_queries

    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    started = time.monotonic()
    result = CliRunner().invoke(main, ["push", *args])
    assert result.exit_code == 0, result.output
    # a second push replaces, it does not add
    again = CliRunner().invoke(main, ["push", *args])
    assert again.exit_code == 0, again.output
    print(f"pushed twice in {time.monotonic() - started:.1f} s")
    graphs = sorted(g.value for g in shipped_store().named_graphs())
    queries = dict(COMPARED)
    queries.update({name: path.read_text(encoding="utf-8")
                    for name, path in example_queries().items()})
    different = []
    for name, query in queries.items():
        ours, theirs = _ours(query), _theirs(endpoint, graphs, query)
        if ours != theirs:
            different.append(f"{name}: ours {str(ours)[:300]} != theirs {str(theirs)[:300]}")
    assert not different, "\n".join(different)


# ------------------------------------------------------------------ Virtuoso


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


def test_push_to_virtuoso_then_same_answers(virtuoso, tmp_path, monkeypatch):
    args = [virtuoso["VIRTUOSO_SPARQL"], "--graph-store", virtuoso["VIRTUOSO_GRAPH_STORE"],
            "--user", virtuoso["VIRTUOSO_USER"], "--password", virtuoso["VIRTUOSO_PASSWORD"],
            "--batch-size", "200"]
    _push_twice_then_compare(args, virtuoso["VIRTUOSO_SPARQL"], tmp_path, monkeypatch)


def test_wrong_password_on_virtuoso_names_the_graph_and_status(virtuoso, tmp_path, monkeypatch):
    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    result = CliRunner().invoke(main, [
        "push", virtuoso["VIRTUOSO_SPARQL"], "--graph-store", virtuoso["VIRTUOSO_GRAPH_STORE"],
        "--user", virtuoso["VIRTUOSO_USER"], "--password", "wrong"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: graph <https://w3id.org/datacareers/source/")
    assert "HTTP 401" in result.stderr


# ------------------------------------------------------------------ Oxigraph server


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"  # the wheel installs it in the venv
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("Oxigraph server is not installed (pip install oxigraph; in the test extras)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("oxigraph") / "server.log").open("wb")
    server = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}"],
                              stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph server did not answer on {base} (see {log.name})")
                time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_push_to_oxigraph_server_then_same_answers(oxigraph_server, tmp_path, monkeypatch):
    args = [oxigraph_server + "/query", "--graph-store", oxigraph_server + "/store",
            "--batch-size", "200"]
    _push_twice_then_compare(args, oxigraph_server + "/query", tmp_path, monkeypatch)


def test_a_refused_graph_on_oxigraph_names_it(oxigraph_server, tmp_path, monkeypatch):
    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["push", oxigraph_server + "/query",
                                       "--graph-store", oxigraph_server + "/no-such-service"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: graph <https://w3id.org/datacareers/source/")
    assert "HTTP 404" in result.stderr
