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
- Updates, ``LOAD`` and ``SERVICE`` are refused before anything runs
  (:func:`datacareers.sparql.check_read_only`), so no request ever leaves the machine.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "results")
'application/sparql-results+xml'
>>> negotiate("image/png", "results") is None
True
"""

from __future__ import annotations

import html
import multiprocessing
import queue
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 5.0
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_QUERY_BYTES = 1_000_000
DEFAULT_WORKERS = 2
#: Seconds a worker may run past the time limit (its own deadline check) before it is killed.
KILL_GRACE = 0.5
#: An over-long body up to this size is read and dropped before the 413; a larger one is not.
DRAIN_LIMIT = 64 * 1024 * 1024

UTF8 = "; charset=utf-8"

# Media types we answer with, in our order of preference, and the aliases clients send.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
}
_ALIASES = {
    "results": {
        "application/json": "application/sparql-results+json",
        "application/xml": "application/sparql-results+xml",
        "text/xml": "application/sparql-results+xml",
    },
    "graph": {
        "application/turtle": "text/turtle",
        "application/x-turtle": "text/turtle",
        "text/plain": "application/n-triples",
        "application/x-json+ld": "application/ld+json",
        "application/xml": "application/rdf+xml",
        "text/xml": "application/rdf+xml",
    },
}
#: ``format=`` / ``output=`` parameter values: (answer to SELECT/ASK, to CONSTRUCT/DESCRIBE).
FORMAT_PARAMETER = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
    "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"),
    "rdf/xml": (None, "application/rdf+xml"),
}


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, quality) pairs; a missing header accepts anything."""
    ranges = []
    for item in (accept or "*/*").split(","):
        parts = [p.strip() for p in item.split(";")]
        if not parts[0]:
            continue
        quality = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((parts[0].lower(), quality))
    return ranges


def negotiate(accept: str, kind: str) -> str | None:
    """The media type to answer a *kind* ("results" or "graph") query for *accept*.

    Exact types beat ``type/*`` which beats ``*/*``; among equals our order wins.
    """
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    aliases = _ALIASES[kind]
    best, best_quality = None, 0.0
    for mime in offered:
        names = {mime} | {alias for alias, target in aliases.items() if target == mime}
        quality, specificity = 0.0, -1
        for media_range, q in _accept_ranges(accept):
            if media_range in names:
                level = 2
            elif media_range.endswith("/*") and any(
                n.startswith(media_range[:-1]) for n in names
            ):
                level = 1
            elif media_range == "*/*":
                level = 0
            else:
                continue
            if level > specificity:
                quality, specificity = q, level
        if quality > best_quality:
            best, best_quality = mime, quality
    return best


def wanted_type(accept: str, fmt: str | None, kind: str) -> str | None:
    """The media type to answer with, from a ``format`` parameter or else ``Accept``."""
    if fmt:
        key = fmt.strip().lower()
        if key in FORMAT_PARAMETER:
            return FORMAT_PARAMETER[key][0 if kind == "results" else 1]
        accept = key  # a full media type given as format=...
    return negotiate(accept, kind)


def acceptable_at_all(accept: str, fmt: str | None) -> bool:
    """Whether any query form could be answered in a type the client accepts."""
    return any(wanted_type(accept, fmt, kind) for kind in ("results", "graph"))


# --------------------------------------------------------------------------- answers


@dataclass
class Answer:
    """What the HTTP layer sends: a status, a media type and the body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        line = " ".join(message.split())
        return cls(status, "text/plain" + UTF8, f"Error: {line}\n".encode())


def _solutions_to_results(variables, rows):
    """Rebuild pyoxigraph query results from collected rows, to use its serializers."""
    from pyoxigraph import QueryResultsFormat, parse_query_results

    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    return parse_query_results(("\n".join(lines) + "\n").encode(), QueryResultsFormat.TSV)


def _too_many(limit: int) -> Answer:
    return Answer.error(
        500,
        f"the answer has more than {limit} rows (the server's --max-rows limit); "
        "add a LIMIT or narrow the query",
    )


def _timed_out(timeout: float) -> Answer:
    return Answer.error(
        503,
        f"the query ran past the {timeout:g} s time limit (the server's --timeout) and "
        "was stopped; narrow it or add a LIMIT",
    )


def execute(store, job: dict) -> Answer:
    """Run one protocol request on *store* (inside a worker) and serialize its answer.

    *job* holds ``query``, ``accept``, ``format``, ``default_graph`` and ``named_graphs``
    (lists of IRIs or ``None``), ``timeout`` (seconds) and ``max_rows``.
    """
    from pyoxigraph import (
        DefaultGraph,
        NamedNode,
        QueryBoolean,
        QueryResultsFormat,
        QuerySolutions,
        RdfFormat,
        serialize,
    )

    from datacareers.constants import PREFIXES
    from datacareers.errors import QueryError
    from datacareers.sparql import check_read_only

    started = time.monotonic()
    deadline = started + job["timeout"]
    limit = job["max_rows"]
    query = job["query"]
    try:
        check_read_only(query)
    except QueryError as exc:
        return Answer.error(400, str(exc))
    options: dict = {"prefixes": PREFIXES}
    try:
        if job.get("default_graph") is not None or job.get("named_graphs") is not None:
            defaults = [NamedNode(iri) for iri in job.get("default_graph") or []]
            options["default_graph"] = defaults or DefaultGraph()
            if job.get("named_graphs") is not None:
                options["named_graphs"] = [NamedNode(iri) for iri in job["named_graphs"]]
        else:
            options["use_default_graph_as_union"] = True
    except ValueError as exc:
        return Answer.error(400, f"bad graph IRI: {exc}")
    try:
        result = store.query(query, **options)
    except SyntaxError as exc:
        return Answer.error(400, f"SPARQL syntax error: {exc}")
    except (OSError, ValueError, TypeError) as exc:
        return Answer.error(400, f"query failed: {exc}")

    kind = "graph" if not isinstance(result, QueryBoolean | QuerySolutions) else "results"
    mime = wanted_type(job.get("accept", ""), job.get("format"), kind)
    if mime is None:
        offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
        what = "SELECT/ASK" if kind == "results" else "CONSTRUCT/DESCRIBE"
        return Answer.error(
            406, f"cannot answer a {what} query in {job.get('format') or job.get('accept')!r}; "
            f"acceptable: {', '.join(offered)}",
        )
    try:
        if isinstance(result, QueryBoolean):
            fmt = RESULT_TYPES[mime]
            if fmt in ("csv", "tsv"):
                body = (f"_askResult\n{'true' if result else 'false'}\n" if fmt == "csv" else
                        f"?_askResult\n{'true' if result else 'false'}\n").encode()
            else:
                body = result.serialize(format=getattr(QueryResultsFormat, fmt.upper()))
            return Answer(200, mime + UTF8, body)
        rows = []
        for row in result:
            rows.append(row if kind == "graph" else list(row))
            if len(rows) > limit:
                return _too_many(limit)
            if len(rows) % 256 == 0 and time.monotonic() > deadline:
                return _timed_out(job["timeout"])
        if time.monotonic() > deadline:
            return _timed_out(job["timeout"])
        if kind == "results":
            fmt = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}[RESULT_TYPES[mime]]
            solutions = _solutions_to_results(result.variables, rows)
            body = solutions.serialize(format=getattr(QueryResultsFormat, fmt))
        else:
            rdf_format = {
                "turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES,
                "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML,
            }[GRAPH_TYPES[mime]]
            prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
            body = serialize(rows, format=rdf_format, prefixes=prefixes)
    except (OSError, ValueError, SyntaxError) as exc:
        return Answer.error(500, f"query failed while running: {exc}")
    return Answer(200, mime + UTF8, body)


# --------------------------------------------------------------------------- loaders


def load_dataset():
    """The default loader: what every command reads (opened read-only on disk)."""
    from datacareers.store import open_dataset

    return open_dataset()


def load_files(files: list[tuple[str, str]]):
    """A loader for tests and demos: these Turtle files, each into its named graph."""
    from pyoxigraph import Store

    from datacareers.store import load_turtle

    store = Store()
    for path, graph in files:
        load_turtle(store, Path(path), graph)
    return store


def graph_titles(store) -> list[tuple[str, str]]:
    """Every named graph with its title (dcterms:title, English first), sorted by IRI."""
    from pyoxigraph import NamedNode

    from datacareers.constants import PREFIXES

    title = NamedNode(PREFIXES["dcterms"] + "title")
    found = []
    for graph in store.named_graphs():
        names = {}
        for quad in store.quads_for_pattern(graph, title, None):
            names.setdefault(getattr(quad.object, "language", None) or "", quad.object.value)
        text = names.get("en") or names.get("") or next(iter(names.values()), "")
        found.append((graph.value, text))
    return sorted(found)


# --------------------------------------------------------------------------- workers


def _worker_main(conn, loader) -> None:
    """A query worker: load the store once, then answer jobs until the pipe closes."""
    try:
        store = loader()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = execute(store, job)
        except Exception as exc:  # noqa: BLE001 - one bad query must not end the worker
            answer = Answer.error(500, f"internal error: {type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, loader, context) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, loader), daemon=True, name="datacareers-query"
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 120.0) -> None:
        from datacareers.errors import DataCareersError

        if not self.conn.poll(timeout):
            self.kill()
            raise DataCareersError("a query worker did not start in time")
        try:
            status, detail = self.conn.recv()
        except EOFError:
            status, detail = "failed", "it exited"
        if status != "ready":
            self.kill()
            raise DataCareersError(f"a query worker could not load the dataset: {detail}")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of query processes; one that overruns its time is killed and replaced."""

    def __init__(self, loader, size: int = DEFAULT_WORKERS) -> None:
        self.loader = loader
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self.killed = 0
        workers = [_Worker(loader, self.context) for _ in range(max(1, size))]
        try:
            for worker in workers:
                worker.wait_ready()
        except BaseException:
            for worker in workers:
                worker.kill()
            raise
        for worker in workers:
            self.idle.put(worker)
        self.size = len(workers)

    def _replace(self) -> None:
        def start() -> None:
            try:
                worker = _Worker(self.loader, self.context)
                worker.wait_ready()
            except Exception as exc:  # noqa: BLE001 - logged; the pool goes on smaller
                print(f"datacareers serve: could not restart a worker: {exc}", file=sys.stderr)
                return
            if self.closed:
                worker.kill()
            else:
                self.idle.put(worker)

        threading.Thread(target=start, daemon=True).start()

    def run(self, job: dict) -> Answer:
        """Run *job* on an idle worker within ``job["timeout"]`` seconds."""
        timeout = job["timeout"]
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            return Answer.error(
                503, f"server busy: no query worker came free within {timeout:g} s"
            )
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout + KILL_GRACE):
                answer = worker.conn.recv()
                self.idle.put(worker)
                return answer
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            self._replace()
            return Answer.error(500, "the query worker died while running the query")
        worker.kill()
        self.killed += 1
        self._replace()
        return _timed_out(timeout)

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                break


# --------------------------------------------------------------------------- HTTP


@dataclass
class Settings:
    """Limits and content of one endpoint."""

    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES
    workers: int = DEFAULT_WORKERS
    quiet: bool = False
    graphs: list[tuple[str, str]] = field(default_factory=list)
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)


TEXT = {
    "en": {
        "title": "datacareers SPARQL endpoint",
        "intro": "A read-only SPARQL 1.1 endpoint over the data careers knowledge graph. "
                 "Point any SPARQL client at {endpoint}, or type a query below. "
                 "The prefixes career:, role:, skill:, sector:, skos:, schema:... are "
                 "predeclared; the default graph is the union of every named graph "
                 "(use GRAPH ?g to see where a fact comes from).",
        "query": "Query",
        "format": "Answer format",
        "run": "Run",
        "examples": "Example queries",
        "no_examples": "No example queries are installed.",
        "graphs": "Named graphs (sources)",
        "limits": "Limits: {timeout:g} s per query, {max_rows} rows per answer. "
                  "Updates, LOAD and SERVICE are refused.",
        "answer": "Answer",
        "other": "Français",
    },
    "fr": {
        "title": "Point d'accès SPARQL datacareers",
        "intro": "Un point d'accès SPARQL 1.1 en lecture seule sur le graphe de "
                 "connaissances des métiers de la donnée. Utilisez n'importe quel client "
                 "SPARQL avec {endpoint}, ou saisissez une requête ci-dessous. Les préfixes "
                 "career:, role:, skill:, sector:, skos:, schema:... sont prédéclarés ; le "
                 "graphe par défaut est l'union de tous les graphes nommés (GRAPH ?g indique "
                 "la source d'un fait).",
        "query": "Requête",
        "format": "Format de la réponse",
        "run": "Exécuter",
        "examples": "Exemples de requêtes",
        "no_examples": "Aucun exemple de requête n'est installé.",
        "graphs": "Graphes nommés (sources)",
        "limits": "Limites : {timeout:g} s par requête, {max_rows} lignes par réponse. "
                  "Les mises à jour, LOAD et SERVICE sont refusés.",
        "answer": "Réponse",
        "other": "English",
    },
}

_PAGE_FORMATS = [
    ("json", "SPARQL JSON / JSON-LD"), ("xml", "SPARQL XML / RDF-XML"), ("csv", "CSV"),
    ("tsv", "TSV"), ("turtle", "Turtle"), ("nt", "N-Triples"),
]

DEFAULT_PAGE_QUERY = """SELECT ?role ?label WHERE {
  ?role a career:Role ; skos:prefLabel ?label .
  FILTER(lang(?label) = "en")
} ORDER BY ?label LIMIT 20"""

_SCRIPT = """
document.getElementById('q').addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('answer');
  out.textContent = '...';
  const response = await fetch('sparql', {method: 'POST',
    body: new URLSearchParams(new FormData(event.target))});
  out.textContent = response.status + ' ' + response.statusText + '\\n\\n' +
    await response.text();
});
"""


def _choose_language(params: dict, accept_language: str) -> str:
    asked = (params.get("lang") or [""])[0].lower()
    if asked in TEXT:
        return asked
    for item in (accept_language or "").split(","):
        tag = item.split(";")[0].strip().lower()[:2]
        if tag in TEXT:
            return tag
    return "en"


def render_page(settings: Settings, lang: str, example: str | None, endpoint: str) -> str:
    """The bilingual home page; every piece of text from data or files is escaped."""
    t = TEXT[lang]
    esc = html.escape
    query = settings.examples[example][1] if example in settings.examples else DEFAULT_PAGE_QUERY
    options = "".join(f'<option value="{v}">{esc(label)}</option>' for v, label in _PAGE_FORMATS)
    if settings.examples:
        items = "".join(
            f'<li><a href="?{esc(urlencode({"example": name, "lang": lang}))}">'
            f"<code>{esc(name)}</code></a> {esc(description)}</li>"
            for name, (description, _text) in settings.examples.items()
        )
        examples = f"<ul>{items}</ul>"
    else:
        examples = f"<p>{esc(t['no_examples'])}</p>"
    graphs = "".join(
        f"<li><code>{esc(iri)}</code> {esc(title)}</li>" for iri, title in settings.graphs
    )
    other = "fr" if lang == "en" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t['title'])}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}}
textarea{{width:100%;font-family:monospace}} pre{{background:#f4f4f4;padding:.5rem;
overflow:auto;white-space:pre-wrap}}</style></head>
<body>
<p style="text-align:right"><a href="?{esc(urlencode({"lang": other}))}">{esc(t['other'])}</a></p>
<h1>{esc(t['title'])}</h1>
<p>{esc(t['intro'].format(endpoint=endpoint))}</p>
<p>{esc(t['limits'].format(timeout=settings.timeout, max_rows=settings.max_rows))}</p>
<form id="q" method="post" action="sparql">
<label for="query">{esc(t['query'])}</label><br>
<textarea id="query" name="query" rows="12">{esc(query)}</textarea><br>
<label for="format">{esc(t['format'])}</label>
<select id="format" name="format">{options}</select>
<button type="submit">{esc(t['run'])}</button>
</form>
<h2>{esc(t['answer'])}</h2>
<pre id="answer"></pre>
<h2>{esc(t['examples'])}</h2>
{examples}
<h2>{esc(t['graphs'])}</h2>
<ul>{graphs}</ul>
<script>{_SCRIPT}</script>
</body></html>
"""


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
        lang = _choose_language(params, self.headers.get("Accept-Language", ""))
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
        accept = self.headers.get("Accept") or "*/*"
        fmt = (params.get("format") or params.get("output") or [None])[0]
        if not acceptable_at_all(accept, fmt):
            self._error(406, f"cannot answer in {fmt or accept!r}; acceptable: "
                        f"{', '.join([*RESULT_TYPES, *GRAPH_TYPES])}")
            return
        job = {
            "query": query,
            "accept": accept,
            "format": fmt,
            "default_graph": params.get("default-graph-uri"),
            "named_graphs": params.get("named-graph-uri"),
            "timeout": settings.timeout,
            "max_rows": settings.max_rows,
        }
        from datacareers.errors import QueryError
        from datacareers.sparql import check_read_only

        try:
            check_read_only(query)
        except QueryError as exc:
            self._error(400, str(exc))
            return
        self._send(self.server.pool.run(job))


def is_loopback(host: str) -> bool:
    """Whether *host* names this machine's loopback interface only."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                settings: Settings | None = None, loader=load_dataset) -> EndpointServer:
    """Start the workers and bind the endpoint (``port=0`` picks a free port)."""
    from datacareers.sparql import example_description, example_queries

    settings = settings or Settings()
    store = loader()  # load errors surface here, before anything is bound
    settings.graphs = graph_titles(store)
    del store
    settings.examples = {
        name: (example_description(path), path.read_text(encoding="utf-8"))
        for name, path in example_queries().items()
    }
    pool = WorkerPool(loader, settings.workers)
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
    "negotiate", "serve_in_thread",
]
