"""Query workers for the SPARQL endpoint: each a process holding its own read-only
copy of the store, killed and replaced when a query overruns its time limit
(pyoxigraph evaluates in native code and cannot be interrupted from Python).
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    parse_query_results,
    serialize,
)

from datacareers.constants import PREFIXES
from datacareers.errors import DataCareersError, QueryError
from datacareers.serve.conneg import GRAPH_TYPES, RESULT_TYPES, UTF8, wanted_type
from datacareers.store.dataset import open_dataset
from datacareers.store.persist import generation
from datacareers.store.shipped import load_turtle
from datacareers.views.sparql import check_read_only

DEFAULT_WORKERS = 2
#: Seconds a worker may run past the time limit (its own deadline check) before it is killed.
KILL_GRACE = 0.5

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

    return open_dataset()


def load_files(files: list[tuple[str, str]]):
    """A loader for tests and demos: these Turtle files, each into its named graph."""

    store = Store()
    for path, graph in files:
        load_turtle(store, Path(path), graph)
    return store


def graph_titles(store) -> list[tuple[str, str]]:
    """Every named graph with its title (dcterms:title, English first), sorted by IRI."""

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
    """A query worker: load the store, then answer jobs until the pipe closes. With the
    default loader, a store replaced by an import meanwhile is reopened before the next
    job, so a running endpoint serves what was just imported."""

    follows_imports = loader is load_dataset
    stamp = generation() if follows_imports else None
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
            if follows_imports and generation() != stamp:
                stamp = generation()
                store = loader()
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
