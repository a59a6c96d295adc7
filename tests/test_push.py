"""``datacareers push`` against small fake Graph Stores, some hostile (the real stores,
Virtuoso and Oxigraph server, are in test_push_stores.py)."""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
import urllib.parse
import urllib.request
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

    def _authorized(self) -> bool:
        state = self.server.state
        expected = "Basic " + base64.b64encode(state.get("auth", "").encode()).decode()
        return not state.get("auth") or self.headers.get("Authorization") == expected

    def _hang_up(self) -> None:
        """What Virtuoso does to an upload without credentials (or once, to any upload, with
        ``reset_once``, ``cut``: without a word): answer at once, unread body and all, and
        close the connection."""
        if not self._authorized():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="fake"')
            self.send_header("Connection", "close")
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def _write(self, replace: bool) -> None:
        state = self.server.state
        state["seen"].append((self.command, self.headers.get("Authorization") is not None))
        if state.get("rude") and (not self._authorized() or state.pop("reset_once", False)
                                  or self.command in state.get("cut", ())):
            self._hang_up()
            return
        body = self.rfile.read(int(self.headers["Content-Length"]))
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
        if not self._authorized():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="fake"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        state["requests"].append((self.command, graph, body))
        if self.command in state.get("redirect", {}):
            self.send_response(state["redirect"][self.command])
            self.send_header("Location", state["location"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if state.get("echo_auth"):
            self._reply(403, f"denied for {self.headers.get('Authorization')}\n".encode())
            return
        if state.get("drip"):
            self._drip(state["drip"])
            return
        if graph in state.get("fail", ()):
            self._reply(500, b"disk full\nmore detail\n")
            return
        lines = [line for line in body.decode().splitlines() if line.strip()]
        if replace:
            state["graphs"][graph] = lines
        else:
            state["graphs"].setdefault(graph, []).extend(lines)
        self._reply(201 if replace else 204)

    def _drip(self, stop: threading.Event) -> None:
        """An answer that never ends: one header byte every 0.2 s (for at most 10 s)."""
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
            for _ in range(50):
                if stop.wait(0.2):
                    return
                self.wfile.write(b"a")
            self.wfile.write(b"\r\nContent-Length: 0\r\n\r\n")
        except OSError:  # the client hung up: what the deadline is for
            pass

    def do_PUT(self):  # noqa: N802
        self._write(replace=True)

    def do_HEAD(self):  # noqa: N802
        self.server.state["seen"].append(("HEAD", self.headers.get("Authorization") is not None))
        self.send_response(200 if self._authorized() else 401)
        self.send_header("WWW-Authenticate", 'Basic realm="fake"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):  # noqa: N802
        self._write(replace=False)

    def do_GET(self):  # noqa: N802
        self.server.state["requests"].append(("GET", self.path, b""))
        graphs = self.server.state["graphs"]
        rows = [{"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(len(v))}}
                for g, v in graphs.items()]
        self._reply(200, json.dumps({"head": {"vars": ["g", "n"]},
                                     "results": {"bindings": rows}}).encode(),
                    "application/sparql-results+json")


@pytest.fixture
def start_fake():
    """Start fake Graph Stores on loopback; each call gives (base URL, state)."""
    servers = []

    def start():
        server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGraphStore)
        server.daemon_threads = True
        server.state = {"requests": [], "graphs": {}, "drip": None, "seen": []}
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}", server.state

    yield start
    for server in servers:
        if server.state["drip"] is not None:
            server.state["drip"].set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake(start_fake):
    return start_fake()


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
    state["auth"] = "u:p"
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
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: not an http(s) URL")


# ------------------------------------------------------------------ hostile servers and URLs


def _push_cli(tmp_path, monkeypatch, *args):
    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path))
    return CliRunner().invoke(main, ["push", *args])


def test_a_dripping_server_is_cut_at_the_deadline(start_fake):
    base, state = start_fake()
    state["drip"] = threading.Event()
    started = time.monotonic()
    with pytest.raises(PushError, match=r"graph <http://e/g>: PUT: no complete answer .* within 1 s"):
        push_dataset(small_store(), base + "/query", graph_store=base + "/store", timeout=1)
    assert time.monotonic() - started < 5  # a per-read timeout would wait for the whole drip (10 s)


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_redirects_are_refused_for_writes(start_fake, tmp_path, monkeypatch, code):
    base, state = start_fake()
    elsewhere, seen_there = start_fake()
    state["redirect"] = {"POST": code}
    state["location"] = elsewhere + "/store?graph=x"
    result = _push_cli(tmp_path, monkeypatch, base + "/query", "--graph-store", base + "/store",
                       "--batch-size", "1000", "--no-verify")
    assert result.exit_code == 1, result.output
    line = result.stderr.strip()
    assert "\n" not in line and f"POST refused with HTTP {code}" in line and "redirect" in line
    assert seen_there["requests"] == []  # nothing went to the other host


SECRET = "pa55-w0rd-S3CRET"


@pytest.mark.parametrize("case", ["ok", "wrong", "unreachable", "echo", "redirect"])
def test_credentials_in_the_url_are_used_and_never_printed(start_fake, tmp_path, monkeypatch, case):
    base, state = start_fake()
    state["auth"] = f"u:{SECRET}"
    if case == "wrong":
        state["auth"] = "u:other"
    elif case == "echo":  # once authenticated, the server repeats the Authorization header
        state["echo_auth"] = True
    elif case == "redirect":
        state["redirect"], state["location"] = {"PUT": 302}, f"http://u:{SECRET}@127.0.0.1:9/"
    elif case == "unreachable":
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with_secret = base.replace("http://", f"http://u:{SECRET}@")
    result = _push_cli(tmp_path, monkeypatch, with_secret + "/query", "--graph-store", with_secret + "/store")
    assert result.exit_code == (0 if case == "ok" else 1), result.output
    printed = result.stdout + result.stderr
    encoded = base64.b64encode(f"u:{SECRET}".encode()).decode()
    assert SECRET not in printed and encoded not in printed and "55-w0rd" not in printed
    if case == "echo":
        assert "Basic ***" in printed  # the server's words are kept, the secret is not


@pytest.mark.parametrize("url", [
    "ftp://example.org/sparql",
    "http://exa mple.org/sparql",
    "http://example.org/spar ql",
    "http://" + "ä" * 70 + ".example/sparql",
    "http://example.org:99999/sparql",
    "http:///sparql",
    "http://[::1/sparql",
    "example.org/sparql",
])
def test_bad_urls_exit_2_with_one_line(tmp_path, monkeypatch, url):
    result = _push_cli(tmp_path, monkeypatch, url)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("Error: ")
    result = _push_cli(tmp_path, monkeypatch, "http://127.0.0.1:9/query", "--graph-store", url)
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")


def test_a_non_ascii_host_is_sent_in_its_ascii_form():
    from datacareers.serve.http_client import check_url

    assert check_url("http://bücher.example/store")[0] == "http://xn--bcher-kva.example/store"


def test_credentials_are_redacted_not_the_words_of_iris():
    """Issue 22 item 7: the password 'datacareers' was blanked inside every IRI of an error."""
    from datacareers.serve.http_client import Scrubber

    scrub = Scrubber("dba", "datacareers")
    text = scrub("PUT https://w3id.org/datacareers/source/rome-4.0 failed; server said: password=datacareers, "
                 "Authorization: Basic " + __import__("base64").b64encode(b"dba:datacareers").decode())
    assert "https://w3id.org/datacareers/source/rome-4.0" in text
    assert "password=***" in text and "ZGJhOmRhdGFjYXJlZXJz" not in text and text.count("datacareers") == 1


def big_store(blank: bool = False) -> Store:
    """One graph of 30,000 triples: a body of about 2 MB, far over a socket's buffers."""
    store = Store()
    g = NamedNode("http://e/big")
    for i in range(30_000):
        subject = BlankNode() if blank and i % 2 else NamedNode(f"http://e/s{i}")
        store.add(Quad(subject, NamedNode("http://e/p"), Literal("x" * 40 + str(i)), g))
    return store


def test_a_server_that_hangs_up_on_uploads_without_credentials_gets_them_first(fake):
    base, state = fake
    state.update(auth="u:p", rude=True)
    line = push_dataset(big_store(), base + "/query", graph_store=base + "/store", user="u", password="p")
    assert "30000 triples" in line and len(state["graphs"]["http://e/big"]) == 30_000
    assert state["seen"][0] == ("HEAD", False)  # the challenge, learnt without a body
    assert all(authorized for method, authorized in state["seen"][1:]), state["seen"]


def test_an_upload_cut_once_is_sent_again_when_that_is_safe(fake):
    base, state = fake
    state.update(rude=True, reset_once=True)
    push_dataset(big_store(), base + "/query", graph_store=base + "/store")  # a PUT: replaces the graph
    assert len(state["graphs"]["http://e/big"]) == 30_000
    assert [m for m, _ in state["seen"]] == ["PUT", "PUT"]


@pytest.mark.parametrize("blank", [False, True])
def test_an_upload_that_is_not_safe_to_repeat_is_not_repeated(fake, blank):
    base, state = fake
    state.update(rude=True, cut={"POST"})  # every added batch is cut
    with pytest.raises(PushError, match="cannot reach") as raised:
        push_dataset(big_store(blank), base + "/query", graph_store=base + "/store", batch_size=10_000)
    posts = [m for m, _ in state["seen"]].count("POST")
    # triples without blank nodes are a set: adding them twice is adding them once
    assert posts == (1 if blank else 2), state["seen"]
    assert ("sent twice" in str(raised.value)) is not blank
