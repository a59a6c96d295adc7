"""A read-only SPARQL 1.1 Protocol endpoint over the dataset (``datacareers serve``).

``GET``/``HEAD``/``POST /sparql`` answers SELECT, ASK, CONSTRUCT and DESCRIBE in the W3C
result format the client asks for (``Accept``, or a ``format`` parameter); ``GET /sparql``
without a query answers the SPARQL 1.1 Service Description; ``/`` is a small bilingual
page with a query box and the shipped example queries.

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
- Nothing a client sends is unbounded: the body length is decided from the headers before
  it is read (:mod:`datacareers.serve.framing`), a stalled client is dropped after
  ``Handler.timeout``, and each client (an IP address) gets a fair share of the workers
  (:mod:`datacareers.serve.fairness`).

The pieces: :mod:`datacareers.serve.conneg` (which format answers), :mod:`datacareers.serve.workers`
(the query processes), :mod:`datacareers.serve.page` (the page at ``/``),
:mod:`datacareers.serve.description` (the service description), :mod:`datacareers.serve.address`
(``--host``).

>>> import functools, json, urllib.request
>>> from datacareers.serve.workers import load_files
>>> from datacareers.store.shipped import shipped_files
>>> loader = functools.partial(load_files, [(str(p), g) for p, g in shipped_files()])
>>> server = make_server("127.0.0.1", 0, Settings(workers=1, quiet=True), loader=loader)
>>> thread = serve_in_thread(server)
>>> ask = endpoint_url(server) + "?query=ASK%7B%3Fs%20a%20career%3ARole%7D"
>>> json.load(urllib.request.urlopen(ask))["boolean"]
True
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import contextlib
import errno
import math
import socket
import socketserver
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from datacareers.serve.address import is_loopback, request_authority, resolve_address, url_authority
from datacareers.serve.conneg import UTF8, format_parameter, negotiate
from datacareers.serve.description import SERIALIZERS, describe_service
from datacareers.serve.fairness import Busy, FairGate
from datacareers.serve.framing import FramingError, body_length, content_type
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
from datacareers.store.merged import prepare
from datacareers.views.sparql import example_description, example_queries

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: The methods the endpoint answers (the ``Allow`` header of a 405 and of ``OPTIONS``).
ALLOWED = "GET, HEAD, POST, OPTIONS"

# --------------------------------------------------------------------------- HTTP


class EndpointServer(ThreadingHTTPServer):
    """The HTTP server: one thread per connection, queries in the worker pool."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, settings: Settings, pool: WorkerPool | None = None,
                 family: socket.AddressFamily = socket.AF_INET) -> None:
        self.address_family = family
        self.settings = settings
        self.pool = pool
        self.gate = FairGate(settings.workers, settings.client_share, settings.queue_wait,
                             time_limit=settings.timeout, spare_workers=self._idle_workers)
        super().__init__(address, Handler)

    def _idle_workers(self) -> int:
        return self.pool.idle.qsize() if self.pool is not None else 0

    def server_bind(self) -> None:
        if self.address_family == socket.AF_INET6:  # "::" serves IPv4 clients too
            with contextlib.suppress(OSError, AttributeError):
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        # TCPServer's bind, not HTTPServer's: that one looks the address up in DNS (getfqdn).
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def server_close(self) -> None:
        self.closing = True
        super().server_close()
        if self.pool is not None:
            self.pool.close()

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up is one short line (none with ``quiet``), not a traceback;
        a connection cut by the server's own shutdown (Ctrl-C) says nothing."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError) and (getattr(self, "closing", False) or error.errno == errno.EBADF):
            return  # the socket was closed under the thread by the server's own shutdown
        if isinstance(error, ConnectionError):
            if not self.settings.quiet:
                sys.stderr.write(f"{client_address[0]} went away before the answer was sent "
                                 f"({type(error).__name__})\n")
            return
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "datacareers"
    protocol_version = "HTTP/1.1"
    #: Seconds a client may take to send its request (a stalled one frees its thread).
    timeout = 30
    #: TCP_NODELAY: a keep-alive answer goes out at once instead of waiting ~40 ms for the
    #: client's delayed ACK of the headers (Nagle's algorithm).
    disable_nagle_algorithm = True
    #: Bytes of body this request carries (``None`` until its headers are checked).
    body_length: int | None = None

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base signature
        if not self.server.settings.quiet:
            super().log_message(format, *args)

    # ------------------------------------------------------------ framing

    def parse_request(self) -> bool:
        self.body_length = None
        if not super().parse_request():
            return False
        if self.body_length is None and not self._check_body(expecting=False):
            return False
        if self.command != "POST" and self.body_length:
            self.rfile.read(self.body_length)  # bounded; keeps the connection usable
        return True

    def handle_expect_100(self) -> bool:
        # Refuse a bad or oversized body before the client sends it.
        return self._check_body(expecting=True) and super().handle_expect_100()

    def _check_body(self, expecting: bool) -> bool:
        try:
            self.body_length = body_length(self.headers.get_all("Content-Length") or [],
                                           self.headers.get_all("Transfer-Encoding") or [],
                                           self.server.settings.max_query_bytes)
        except FramingError as exc:
            if exc.drain and not expecting:  # read it, so the client sees the answer, not a reset
                remaining = exc.drain
                while remaining > 0 and (chunk := self.rfile.read(min(remaining, 1 << 16))):
                    remaining -= len(chunk)
            self._error(exc.status, str(exc), close=True)
            return False
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (bad request line, URI too long, unknown method) as
        our one-line plain text instead of its HTML page."""
        self.log_error("code %d, message %s", code, message)
        self._error(code, message or self.responses.get(code, ("error",))[0], close=True)

    # ------------------------------------------------------------ answers

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
        if body and self.command != "HEAD":
            self.wfile.write(answer.body)

    def _error(self, status: int, message: str, close: bool = False,
               extra: dict | None = None) -> None:
        headers = dict(extra or {})
        if close:
            headers["Connection"] = "close"
        self._send(Answer.error(status, message), headers)
        if close:
            self.close_connection = True

    def _authority(self) -> str:
        return request_authority(self.headers.get("Host"), url_authority(*self.server.server_address[:2]))

    # ------------------------------------------------------------ methods

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(Answer(204, "text/plain", b""), {
            "Allow": ALLOWED,
            "Access-Control-Allow-Methods": ALLOWED,
            "Access-Control-Allow-Headers": "Content-Type, Accept",
        })

    def _refuse_method(self) -> None:
        self._error(405, f"{self.command} is not allowed: this endpoint is read-only "
                    f"(allowed: {ALLOWED})", extra={"Allow": ALLOWED})

    # methods HTTP defines that a read-only endpoint refuses: 405 (unknown ones get 501)
    do_PUT = do_DELETE = do_PATCH = do_TRACE = do_CONNECT = _refuse_method

    def do_HEAD(self) -> None:  # noqa: N802 - the answer of a GET without its body (_send)
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html"):
            self._page(params)
        elif url.path == "/sparql":
            if "query" in params:
                self._query(params)
            elif "update" in params:
                self._error(400, "SPARQL updates are refused: this endpoint is read-only")
            else:
                self._service_description()
        else:
            self._error(404, f"no such resource: {url.path}; the endpoint is /sparql")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        raw = self.rfile.read(self.body_length or 0)
        if len(raw) < (self.body_length or 0):
            self.close_connection = True  # the client hung up in the middle of its body
            return
        if url.path != "/sparql":
            self._error(404, f"no such resource: {url.path}; the endpoint is /sparql")
            return
        media, charset = content_type(self.headers.get("Content-Type"))
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._error(400, "SPARQL updates are refused: this endpoint is read-only")
            return
        if not media:  # the protocol names the body's type; a guess could run the wrong text
            self._error(415, "a POST needs a Content-Type: application/sparql-query (the query "
                        "as the body) or application/x-www-form-urlencoded (query=...)")
            return
        if charset not in (None, "utf-8", "utf8", "us-ascii"):
            self._error(415, f"the request body must be UTF-8, not {charset}")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._error(400, "the request body is not UTF-8")
            return
        if media == "application/sparql-query":
            params["query"] = [text]
        elif media == "application/x-www-form-urlencoded":
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

    # ------------------------------------------------------------ routes

    def _page(self, params: dict) -> None:
        settings = self.server.settings
        lang = choose_language(params, self.headers.get("Accept-Language", ""))
        example = (params.get("example") or [None])[0]
        page = render_page(settings, lang, example, f"http://{self._authority()}/sparql")
        self._send(Answer(200, "text/html" + UTF8, page.encode("utf-8")),
                   {"Content-Language": lang,
                    "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
                                               "style-src 'unsafe-inline'"})

    def _service_description(self) -> None:
        # Turtle unless the client prefers another RDF syntax; never a 406 for a description.
        mime = negotiate(self.headers.get("Accept") or "*/*", "graph")
        mime = mime if mime in SERIALIZERS else "text/turtle"
        body = describe_service(f"http://{self._authority()}/sparql", self.server.settings, mime)
        self._send(Answer(200, mime + UTF8, body))

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
            "format": format_parameter(params),
            "base_iri": f"http://{self._authority()}/sparql",  # relative IRIs resolve here
            "default_graph": params.get("default-graph-uri"),
            "named_graphs": params.get("named-graph-uri"),
            "timeout": settings.timeout,
            "max_rows": settings.max_rows,
            "max_bytes": settings.max_answer_bytes,
        }
        try:
            with self.server.gate.admit(self.client_address[0]):
                answer = self.server.pool.run(job)
        except Busy as exc:
            self._error(503, str(exc), extra={"Retry-After": str(math.ceil(settings.timeout))})
            return
        self._send(answer)


def make_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                settings: Settings | None = None, loader=load_dataset) -> EndpointServer:
    """Bind the endpoint and start its workers (``port=0`` picks a free port).

    A bad ``host`` fails first, then a dataset that does not load, then a port in use,
    each before any worker process starts.
    """

    settings = settings or Settings()
    family, address = resolve_address(host, port)
    store = loader()  # load errors surface here, before anything is bound
    settings.graphs = graph_titles(store)
    prepare(store)  # an on-disk store's copy with its merge, made once for every worker
    del store
    settings.examples = {
        name: (example_description(path), path.read_text(encoding="utf-8"))
        for name, path in example_queries().items()
    }
    server = EndpointServer(address, settings, family=family)
    try:
        server.pool = WorkerPool(loader, settings.workers, settings.max_memory)
    except BaseException:
        server.server_close()
        raise
    return server


def serve_in_thread(server: EndpointServer) -> threading.Thread:
    """Serve in a daemon thread (tests and the benchmark); ``server.shutdown()`` stops it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def endpoint_url(server: EndpointServer) -> str:
    return f"http://{url_authority(*server.server_address[:2])}/sparql"


def describe(server: EndpointServer) -> str:
    """One line saying where the endpoint listens and its limits."""
    settings = server.settings
    return (f"SPARQL endpoint on {endpoint_url(server)} (page: "
            f"{endpoint_url(server)[:-len('sparql')]}); read-only, {settings.workers} "
            f"workers, {settings.timeout:g} s and {settings.max_rows} rows per query, "
            f"{settings.client_share} at once per client. Ctrl-C stops it.")


__all__ = [
    "Answer", "EndpointServer", "Settings", "WorkerPool", "execute", "make_server",
    "negotiate", "serve_in_thread", "load_files", "load_dataset", "endpoint_url", "describe", "is_loopback",
    "url_authority",
]
