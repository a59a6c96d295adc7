"""A read-only SPARQL 1.1 Protocol endpoint over the dataset (``datacareers serve``).

``GET``/``POST /sparql`` answers SELECT, ASK, CONSTRUCT and DESCRIBE in the W3C result
format the client asks for (``Accept``, or a ``format`` parameter); ``/`` is a small
bilingual page with a query box and the shipped example queries.

Why it is built this way:

- HTTP comes from the standard library's ``ThreadingHTTPServer``: the endpoint serves a
  laptop's loopback interface, has two routes and parses only the query string and a
  bounded body, so a framework would add a dependency without removing any code that
  matters here (request size, read-only checks and time limits are ours either way).
- Queries run in a small pool of worker *processes*, each holding its own copy of the
  store (the on-disk store is opened read-only). pyoxigraph evaluates in native code
  with the GIL released and cannot be interrupted: a lazy ``SELECT *`` can be stopped
  between solutions (the workers do that), but ``SELECT (COUNT(*) AS ?n) { ?a ?b ?c .
  ?d ?e ?f . ?g ?h ?i }`` computes for minutes before its first solution. A worker that
  overruns ``timeout`` is killed and replaced; the other workers keep answering.
- Updates, ``LOAD`` and ``SERVICE`` are refused before anything runs: each worker parses
  the query (:mod:`datacareers.views.sparql_check`), and the workers cannot open a network
  socket anyway (:mod:`datacareers.serve.wall`), so no request ever leaves the machine.

The pieces: :mod:`datacareers.serve.conneg` (which format answers), :mod:`datacareers.serve.workers`
(the query processes), :mod:`datacareers.serve.page` (the page at ``/``).
"""

from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from datacareers.serve.conneg import UTF8, negotiate
from datacareers.serve.page import choose_language, render_page
from datacareers.serve.settings import Settings
from datacareers.serve.workers import (
    Answer,
    WorkerPool,
    execute,
    graph_titles,
    load_dataset,
    load_files,
)
from datacareers.views.sparql import example_description, example_queries

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: An over-long body up to this size is read and dropped before the 413; a larger one is not.
DRAIN_LIMIT = 64 * 1024 * 1024

# --------------------------------------------------------------------------- HTTP


class EndpointServer(ThreadingHTTPServer):
    """The HTTP server: one thread per connection, queries in the worker pool."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, settings: Settings, pool: WorkerPool) -> None:
        super().__init__(address, Handler)
        self.settings = settings
        self.pool = pool

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "datacareers"
    protocol_version = "HTTP/1.1"
    #: Seconds a client may take to send its request (a stalled one frees its thread).
    timeout = 30

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base signature
        if not self.server.settings.quiet:
            super().log_message(format, *args)

    def _send(self, answer: Answer, extra: dict | None = None, body: bool = True) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(answer.body)

    def _error(self, status: int, message: str, close: bool = False) -> None:
        self._send(Answer.error(status, message), {"Connection": "close"} if close else None)
        if close:
            self.close_connection = True

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(Answer(204, "text/plain", b""), {
            "Allow": "GET, POST, OPTIONS",
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
        })

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html"):
            self._page(params)
        elif url.path == "/sparql":
            if "query" not in params:
                if "update" in params:
                    self._error(400, "SPARQL updates are refused: this endpoint is read-only")
                else:
                    self._error(400, "missing 'query' parameter (see the page at /)")
                return
            self._query(params)
        else:
            self._error(404, f"no such resource: {url.path}; the endpoint is /sparql")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, f"no such resource: {url.path}; the endpoint is /sparql",
                        close=True)
            return
        limit = self.server.settings.max_query_bytes
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            self._error(411, "a POST needs a Content-Length", close=True)
            return
        try:
            length = int(length_header)
        except ValueError:
            self._error(400, "bad Content-Length", close=True)
            return
        if length > limit:
            if length <= DRAIN_LIMIT:  # read it, so the client sees the answer, not a reset
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 1 << 16))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            self._error(413, f"request body of {length} bytes is over the {limit}-byte "
                        "limit for a query", close=True)
            return
        raw = self.rfile.read(length)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._error(400, "SPARQL updates are refused: this endpoint is read-only")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._error(400, "the request body is not UTF-8")
            return
        if media == "application/sparql-query":
            params["query"] = [text]
        elif media in ("application/x-www-form-urlencoded", ""):
            form = parse_qs(text, keep_blank_values=True)
            if "update" in form:
                self._error(400, "SPARQL updates are refused: this endpoint is read-only")
                return
            for name, values in form.items():
                params.setdefault(name, []).extend(values)
        else:
            self._error(415, f"unsupported Content-Type {media!r}; send "
                        "application/sparql-query or application/x-www-form-urlencoded")
            return
        if "query" not in params:
            self._error(400, "missing 'query' parameter")
            return
        self._query(params)

    def _page(self, params: dict) -> None:
        settings = self.server.settings
        lang = choose_language(params, self.headers.get("Accept-Language", ""))
        example = (params.get("example") or [None])[0]
        host = self.headers.get("Host") or ":".join(map(str, self.server.server_address[:2]))
        page = render_page(settings, lang, example, f"http://{host}/sparql")
        self._send(Answer(200, "text/html" + UTF8, page.encode("utf-8")),
                   {"Content-Language": lang,
                    "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
                                               "style-src 'unsafe-inline'"})

    def _query(self, params: dict) -> None:
        settings = self.server.settings
        queries = params["query"]
        if len(queries) != 1:
            self._error(400, "give exactly one 'query' parameter")
            return
        query = queries[0]
        if len(query.encode("utf-8")) > settings.max_query_bytes:
            self._error(413, f"query is over the {settings.max_query_bytes}-byte limit")
            return
        # The worker checks the query (by parsing it) and negotiates the format, once.
        job = {
            "query": query,
            "accept": self.headers.get("Accept") or "*/*",
            "format": (params.get("format") or params.get("output") or [None])[0],
            "default_graph": params.get("default-graph-uri"),
            "named_graphs": params.get("named-graph-uri"),
            "timeout": settings.timeout,
            "max_rows": settings.max_rows,
            "max_bytes": settings.max_answer_bytes,
        }
        self._send(self.server.pool.run(job))


def is_loopback(host: str) -> bool:
    """Whether *host* names this machine's loopback interface only."""

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                settings: Settings | None = None, loader=load_dataset) -> EndpointServer:
    """Start the workers and bind the endpoint (``port=0`` picks a free port)."""

    settings = settings or Settings()
    store = loader()  # load errors surface here, before anything is bound
    settings.graphs = graph_titles(store)
    del store
    settings.examples = {
        name: (example_description(path), path.read_text(encoding="utf-8"))
        for name, path in example_queries().items()
    }
    pool = WorkerPool(loader, settings.workers, settings.max_memory)
    try:
        return EndpointServer((host, port), settings, pool)
    except OSError:
        pool.close()
        raise


def serve_in_thread(server: EndpointServer) -> threading.Thread:
    """Serve in a daemon thread (tests and the benchmark); ``server.shutdown()`` stops it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def endpoint_url(server: EndpointServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/sparql"


def describe(server: EndpointServer) -> str:
    """One line saying where the endpoint listens and its limits."""
    settings = server.settings
    return (f"SPARQL endpoint on {endpoint_url(server)} (page: "
            f"{endpoint_url(server)[:-len('sparql')]}); read-only, {settings.workers} "
            f"workers, {settings.timeout:g} s and {settings.max_rows} rows per query. "
            "Ctrl-C stops it.")


__all__ = [
    "Answer", "EndpointServer", "Settings", "WorkerPool", "execute", "make_server",
    "negotiate", "serve_in_thread", "load_files", "load_dataset", "endpoint_url", "describe", "is_loopback",
]
