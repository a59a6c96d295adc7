"""Push the dataset to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Every named graph is replaced whole: its first batch goes with ``PUT ?graph=IRI``, the
following batches (big imported graphs) with ``POST ?graph=IRI``, so re-running a push
that failed halfway leaves each graph exactly as in the local dataset. Triples linked
by a blank node always travel in the same batch (blank node labels are scoped to one
request). Afterwards the server's SPARQL endpoint is asked how many triples each graph
holds, and a mismatch is an error.

Only the standard library talks HTTP (``urllib``, with Basic and Digest authentication,
which covers Virtuoso, Fuseki, GraphDB and Oxigraph server), so no dependency is added.
Three things urllib does not do on its own:

- ``timeout`` is a deadline for each whole request (connection, upload, answer): a
  watchdog shuts the connection down when it is over, so a server that drips one byte
  at a time cannot hold a push for ever (a socket timeout only bounds each read);
- redirects are refused, never followed: urllib would follow a 302/303 answer to a
  POST with a bodiless GET, possibly to another host, and report the batch as sent;
- credentials are never printed: ``http://user:password@host/`` is accepted (they are
  taken out of the URL and used for authentication), and every message is scrubbed of
  the password, whatever the server echoes back.

>>> from pyoxigraph import Store, Quad, NamedNode, Literal
>>> store = Store()
>>> store.add(Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"), NamedNode("http://e/g")))
>>> [len(batch) for batch in graph_batches(store, "http://e/g", 1000)]
[1]
>>> graph_url("http://h/store", "http://e/g#1")
'http://h/store?graph=http%3A%2F%2Fe%2Fg%231'
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.client
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import quote, unquote, urlencode, urlsplit, urlunsplit

from pyoxigraph import BlankNode, NamedNode, RdfFormat, serialize

from datacareers.errors import BadInputError, DataCareersError
from datacareers.progress import ProgressFactory, no_progress

#: Turtle (N-Triples is a subset of it): the one RDF type every Graph Store endpoint reads.
BODY_TYPE = "text/turtle; charset=utf-8"
#: Most bytes read from the answer to a write, and from the answer to the count query.
WRITE_ANSWER_LIMIT = 64 * 1024
COUNT_ANSWER_LIMIT = 16 * 1024 * 1024

_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


class PushError(DataCareersError):
    """A push that the server refused or that could not reach it (exit code 1)."""

    exit_code = 1


# ----------------------------------------------------------------- URLs and secrets


def _without_userinfo(url: str) -> str:
    return _USERINFO.sub(r"\1", url)


def check_url(url: str) -> tuple[str, str | None, str | None]:
    """*url* made safe to request and to print (no credentials, an ASCII host, path
    and query percent-encoded), and the user and password it carried.

    >>> check_url("http://me:s3cret@Example.org:8890/sparql")
    ('http://example.org:8890/sparql', 'me', 's3cret')
    >>> check_url("https://bücher.example/données?x=é")[0]
    'https://xn--bcher-kva.example/donn%C3%A9es?x=%C3%A9'
    >>> check_url("ftp://example.org/")
    Traceback (most recent call last):
    datacareers.errors.BadInputError: not an http(s) URL: 'ftp://example.org/'
    """
    shown = _without_userinfo(url)
    if _SPACE_OR_CONTROL.search(url):
        raise BadInputError(f"a URL cannot hold spaces or control characters (encode a space as %20): {shown!r}")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadInputError(f"not an http(s) URL: {shown!r}")
    try:
        port = parts.port
        host = parts.hostname if parts.hostname.isascii() else parts.hostname.encode("idna").decode("ascii")
    except (ValueError, UnicodeError) as exc:
        raise BadInputError(f"not a usable URL: {shown!r} ({exc})") from None
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    user = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return urlunsplit((parts.scheme.lower(), netloc, path, query, "")), user, password


class _Scrubber:
    """Takes a password (and the ways it travels) out of any text."""

    def __init__(self, user: str | None, password: str | None) -> None:
        secrets = set()
        if password:
            secrets |= {password, quote(password, safe=""), quote(password)}
            if user is not None:
                secrets.add(base64.b64encode(f"{user}:{password}".encode()).decode())
        self.secrets = sorted((s for s in secrets if s), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        text = _without_userinfo(text)
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


# ----------------------------------------------------------------- HTTP with a deadline


class _Deadline:
    """Shuts a request's connections down when its time is up."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            # a duplicate stays usable when TLS takes the original over
            self._sockets.append(sock.dup())
            if self.expired:
                self._shut(self._sockets[-1])

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()


def _watched(base):
    """An http.client connection class whose sockets a :class:`_Deadline` can shut."""

    class Connection(base):
        def __init__(self, *args, deadline: _Deadline, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._deadline = deadline
            # http.client opens its socket through this hook (before any TLS handshake)
            self._create_connection = self._connect_watched

        def _connect_watched(self, address, timeout=None, source_address=None):
            sock = socket.create_connection(address, self._deadline.remaining(), source_address)
            self._deadline.watch(sock)
            return sock

    return Connection


_HTTPConnection = _watched(http.client.HTTPConnection)
_HTTPSConnection = _watched(http.client.HTTPSConnection)


class _Clock:
    current: _Deadline | None = None


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def http_open(self, req):
        return self.do_open(functools.partial(_HTTPConnection, deadline=self.clock.current), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def https_open(self, req):
        return self.do_open(functools.partial(_HTTPSConnection, deadline=self.clock.current), req,
                            context=self._context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Every 3xx answer becomes an error: a write must reach the URL it was sent to."""

    def _refuse(self, req, fp, code, msg, headers):
        raise urllib.error.HTTPError(req.full_url, code, msg, headers, fp)

    http_error_301 = http_error_302 = http_error_303 = http_error_307 = http_error_308 = _refuse


class _Client:
    def __init__(self, urls: list[str], user: str | None, password: str | None, timeout: float) -> None:
        self.timeout = timeout
        self.clock = _Clock()
        handlers = [_HTTPHandler(self.clock), _HTTPSHandler(self.clock), _NoRedirects()]
        if user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in urls:
                parts = urlsplit(url)
                manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", user, password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(manager),
                         urllib.request.HTTPDigestAuthHandler(manager)]
        self.opener = urllib.request.build_opener(*handlers)

    def fetch(self, request: urllib.request.Request, limit: int, what: str) -> bytes:
        """The answer's body (at most *limit* bytes); a one-line PushError otherwise.
        *what* names the request in messages, e.g. ``graph <IRI>: PUT``."""
        where = request.full_url.split("?")[0]
        late = PushError(f"{what}: no complete answer from {where} within {self.timeout:g} s (--timeout)")
        with _Deadline(self.timeout) as deadline:
            self.clock.current = deadline
            try:
                with self.opener.open(request, timeout=deadline.remaining()) as response:
                    body = response.read(limit)
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                if deadline.expired:
                    raise late from None
                if isinstance(exc, urllib.error.HTTPError):
                    raise PushError(f"{what} refused with {_reason(exc)} ({where})") from None
                reason = getattr(exc, "reason", None) or exc
                raise PushError(f"{what}: cannot reach {where}: {reason}") from None
            if deadline.expired:  # a connection shut at the deadline can look like a short answer
                raise late
        return body


def _reason(error: urllib.error.HTTPError) -> str:
    status = f"HTTP {error.code} {error.reason}"
    if 300 <= error.code < 400:
        where = error.headers.get("Location", "") if error.headers else ""
        return (f"{status}, a redirect{f' to {where[:200]}' if where else ''}; push does not "
                "follow redirects: give the URL that answers directly")
    try:
        body = error.read(2000).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        body = ""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return status + (f": {first[:200]}" if first else "")


# ----------------------------------------------------------------- the push


def graph_url(graph_store: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph (indirect identification)."""
    joiner = "&" if urlsplit(graph_store).query else "?"
    return graph_store + joiner + urlencode({"graph": graph})


def graph_batches(store, graph: str, batch_size: int) -> Iterator[list]:
    """The triples of *graph* in lists of about *batch_size*; blank-node-linked triples
    stay together in one list."""

    triples = [q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(graph))]
    parent: dict = {}

    def find(node):
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    groups: dict = {}
    plain = []
    for triple in triples:
        nodes = [t for t in (triple.subject, triple.object) if isinstance(t, BlankNode)]
        if not nodes:
            plain.append(triple)
            continue
        root = find(nodes[0])
        for other in nodes[1:]:
            parent[find(other)] = root
    for triple in triples:
        nodes = [t for t in (triple.subject, triple.object) if isinstance(t, BlankNode)]
        if nodes:
            groups.setdefault(find(nodes[0]), []).append(triple)
    batch: list = []
    for unit in [[t] for t in plain] + list(groups.values()):
        if batch and len(batch) + len(unit) > batch_size:
            yield batch
            batch = []
        batch.extend(unit)
    if batch or not triples:
        yield batch


def server_counts(client: _Client, endpoint: str, graphs: list[str]) -> dict[str, int]:
    """How many triples the server's SPARQL endpoint holds in each of *graphs*."""

    values = " ".join(f"<{g}>" for g in graphs)
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { " + values +
             " } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    request = urllib.request.Request(
        endpoint + ("&" if urlsplit(endpoint).query else "?") + urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"})
    what = "checking the counts: GET"
    body = client.fetch(request, COUNT_ANSWER_LIMIT, what)
    try:
        data = json.loads(body.decode("utf-8"))
        return {row["g"]["value"]: int(row["n"]["value"]) for row in data["results"]["bindings"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise PushError(f"checking the counts at {endpoint}: not a SPARQL JSON answer ({exc})") from None


def _push(store, endpoint: str, target: str, client: _Client, batch_size: int,
          graphs: list[str], verify: bool, progress: ProgressFactory) -> str:
    sizes = {g: sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(g))) for g in graphs}
    started = time.monotonic()
    done: list[str] = []
    with progress("Pushing", sum(sizes.values())) as bar:
        for graph in graphs:
            url = graph_url(target, graph)
            for number, batch in enumerate(graph_batches(store, graph, batch_size)):
                method = "PUT" if number == 0 else "POST"
                body = serialize(batch, format=RdfFormat.N_TRIPLES) if batch else b""
                request = urllib.request.Request(url, data=body, method=method,
                                                 headers={"Content-Type": BODY_TYPE})
                try:
                    client.fetch(request, WRITE_ANSWER_LIMIT, f"graph <{graph}>: {method}")
                except PushError as exc:
                    pushed = f" (already pushed: {len(done)} graph(s))" if done else ""
                    raise PushError(f"{exc}; re-run the push to retry{pushed}") from None
                bar.update(len(batch))
            done.append(graph)
    elapsed = time.monotonic() - started
    line = f"Pushed {len(graphs)} graphs, {sum(sizes.values())} triples to {target} in {elapsed:.1f} s"
    if verify and graphs:
        counts = server_counts(client, endpoint, graphs)
        wrong = [f"<{g}> has {counts.get(g, 0)} (sent {sizes[g]})" for g in graphs
                 if counts.get(g, 0) != sizes[g]]
        if wrong:
            raise PushError("the server's triple counts differ: " + "; ".join(wrong))
        line += f"; counts checked at {endpoint}"
    return line + "."


def push_dataset(store, endpoint: str, graph_store: str | None = None,
                 user: str | None = None, password: str | None = None,
                 batch_size: int = 50_000, only: list[str] | None = None,
                 verify: bool = True, timeout: float = 120.0,
                 progress: ProgressFactory = no_progress) -> str:
    """Replace each named graph of *store* on the server; return a one-line summary.

    *timeout* is each request's deadline in seconds. Credentials may also come in the
    URLs (``http://user:password@host/...``); *user* and *password* win."""
    scrub = _Scrubber(user, password)
    try:
        endpoint, endpoint_user, endpoint_password = check_url(endpoint)
        target, target_user, target_password = check_url(graph_store or endpoint)
        user = user if user is not None else (target_user or endpoint_user)
        password = password if password is not None else (target_password or endpoint_password)
        scrub = _Scrubber(user, password)
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, NamedNode))
        if only:
            missing = sorted(set(only) - set(graphs))
            if missing:
                raise PushError(f"no such graph in the dataset: {', '.join(missing)}")
            graphs = [g for g in graphs if g in only]
        client = _Client([endpoint, target], user, password, timeout)
        return scrub(_push(store, endpoint, target, client, batch_size, graphs, verify, progress))
    except DataCareersError as exc:
        raise type(exc)(scrub(str(exc))) from None
