"""No query makes a request: SERVICE and LOAD, however disguised, are refused by the parse,
through ``datacareers query`` and through the endpoint's workers, and a loopback listener
counts zero connections; and the wall around query processes holds by itself, even for an
engine call that no parser checked.
"""

from __future__ import annotations

import functools
import os
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from listener import Listener
from pyoxigraph import Literal, NamedNode, Quad, Store

from datacareers.cli import main
from datacareers.serve import endpoint as serve
from datacareers.store.shipped import shipped_files

OUTCOME = NamedNode("urn:test:wall-outcome")


def disguises(url: str) -> list[str]:
    """Every way the suite knows to ask for SERVICE or LOAD."""
    host = url.removeprefix("http://")
    internal = f"<{url}/internal?token=1> {{ ?s ?p ?o }}"
    return [
        # the security review's finding: \# taken for a comment, \' for a string
        f"PREFIX ex: <http://e/> SELECT ?o {{ OPTIONAL {{ ?s ex:a\\# ?x }} SERVICE {internal} }}",
        f"PREFIX ex: <http://e/> SELECT ?o {{ OPTIONAL {{ ?s ex:a\\# ?x }} SERVICE SILENT {internal} }}",
        f"PREFIX ex: <http://e/> SELECT ?o {{ ?s ex:a\\' ?x . SERVICE SILENT {internal} }}",
        f"PREFIX ex: <http://e/> SELECT ?o {{ ?s ex:a\\' ?x . ?s ex:b\\' ?y SERVICE {internal} }}",
        # plain, cased, silent, escaped keyword, escaped IRI, prefixed, relative, variable
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <\\u0068ttp://{host}/sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <{url}/> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
        f"BASE <{url}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}/sparql> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n <{url}/sparql> {{ ?s ?p ?o }} }}",
        # hidden deeper: OPTIONAL, UNION, MINUS, GRAPH, FILTER EXISTS, sub-query, CONSTRUCT, ASK
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}/a> {{ ?s ?p ?x }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}/b> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}/c> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}/d> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}/e> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}/f> {{ ?s ?p ?o }} }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/g> {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE SILENT <{url}/h> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}/i> {{ ?s ?p ?o }} }}",
        # LOAD and updates, alone or after a query
        f"LOAD <{url}/data.ttl>",
        f"LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:g>",
        f"load <{url}/data.ttl>",
        f"PREFIX x: <urn:x#>\n# comment\nLOAD <{url}/data.ttl>",
        f"ASK {{}} ; LOAD <{url}/data.ttl>",
        f"INSERT {{ GRAPH <urn:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}/j> {{ ?s ?p ?o }} }}",
    ]


# ----------------------------------------------------------------- through `query`


def test_no_disguise_gets_out_through_query():
    with Listener() as listener:
        for query in disguises(listener.url):
            result = CliRunner().invoke(main, ["query", query])
            assert result.exit_code == 2, (query, result.output)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: "), (query, result.stderr)
            assert "Traceback" not in result.output
        assert listener.connections() == 0


# ----------------------------------------------------------------- through the endpoint


def shipped_loader():
    return functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])


@pytest.fixture(scope="module")
def endpoint():
    settings = serve.Settings(timeout=5, workers=1, quiet=True)
    server = serve.make_server("127.0.0.1", 0, settings, loader=shipped_loader())
    serve.serve_in_thread(server)
    yield serve.endpoint_url(server)
    server.shutdown()
    server.server_close()


def post(url: str, query: str) -> tuple[int, bytes]:
    data = urllib.parse.urlencode({"query": query}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_no_disguise_gets_out_through_the_endpoint(endpoint):
    with Listener() as listener:
        for query in disguises(listener.url):
            status, body = post(endpoint, query)
            assert status == 400, (query, body)
            assert body.startswith(b"Error: ") and body.count(b"\n") == 1, body
        assert listener.connections() == 0


# ----------------------------------------------------------------- the wall by itself


def engine_calls_service(port: int) -> str:
    """Skip every check: ask the engine itself for a SERVICE, and try a plain socket."""
    outcomes = []
    try:
        list(Store().query(f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}"))
        outcomes.append("engine: answered")
    except Exception as exc:  # noqa: BLE001 - what the engine says is the outcome
        outcomes.append(f"engine: {type(exc).__name__}: {exc}")
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        outcomes.append("socket: connected")
    except OSError as exc:
        outcomes.append(f"socket: {type(exc).__name__}: {exc}")
    return "; ".join(outcomes)


def _unchecked_in_child(port: int, out) -> str:
    out.write(engine_calls_service(port).encode())
    return "text/plain"


def test_the_wall_holds_in_the_query_process_without_the_parser():
    from datacareers.serve.oneshot import run_walled

    with Listener() as listener:
        said: list[bytes] = []
        # no memory cap: a fork of this test process carries its whole heap (the wall is under test)
        run_walled(_unchecked_in_child, (listener.port,), said.append, 30, None)
        outcome = b"".join(said).decode()
        assert "engine: PermissionError" in outcome and "Operation not permitted" in outcome
        assert "socket: PermissionError" in outcome
        assert listener.connections() == 0


def test_without_the_wall_the_same_call_connects():
    # the control: the test above would see a connection if the wall did not stop it
    with Listener() as listener:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            engine_calls_service(listener.port)
            os._exit(0)
        os.waitpid(pid, 0)
        assert listener.connections() == 2


def wall_probe_loader(port: int):
    """A worker's loader (it runs inside the wall): record what the engine and a socket got."""
    store = Store()
    store.add(Quad(OUTCOME, OUTCOME, Literal(engine_calls_service(port))))
    return store


def test_the_wall_holds_in_endpoint_workers_without_the_parser():
    from datacareers.serve.workers import WorkerPool

    with Listener() as listener:
        pool = WorkerPool(functools.partial(wall_probe_loader, listener.port), size=1)
        try:
            answer = pool.run({"query": "SELECT ?o { ?s ?p ?o }", "accept": "text/csv",
                               "format": None, "timeout": 10, "max_rows": 10, "max_bytes": None})
        finally:
            pool.close()
        assert answer.status == 200, answer.body
        assert b"engine: PermissionError" in answer.body and b"socket: PermissionError" in answer.body
        assert listener.connections() == 0
