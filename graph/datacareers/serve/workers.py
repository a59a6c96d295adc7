r"""Query workers for the SPARQL endpoint: each a walled process holding its own read-only
copy of the store, killed and replaced when a query overruns its time limit (pyoxigraph
evaluates in native code and cannot be interrupted from Python).

Each worker, before it loads anything, enters the wall (:mod:`datacareers.serve.wall`): no
network socket, ``max_memory`` bytes of data at most, SIGKILL when the server ends (even by
``kill -9``), SIGINT ignored. Workers are started (spawned: a fresh interpreter, so they
inherit no socket of the server) from one long-lived thread of the pool, because the
kernel's parent-death signal follows the *thread* that started a process; SIGINT is
blocked in that thread so a Ctrl-C during a worker's start-up cannot reach it.
Each query runs on a thread with a large stack, a margin over the nesting the checker allows.

>>> from datacareers.store.shipped import shipped_store
>>> answer = execute(shipped_store(), {"query": "SELECT ?r { ?r a career:Role } LIMIT 1", "format": "csv",
...                                    "accept": "", "max_rows": 10, "max_bytes": 10_000})
>>> answer.status, answer.content_type, answer.body.splitlines()[0]
(200, 'text/csv; charset=utf-8', b'r')
"""

from __future__ import annotations

import io
import multiprocessing
import os
import queue
import signal
import sys
import threading
from multiprocessing import resource_tracker
from pathlib import Path

from pyoxigraph import NamedNode, Store

from datacareers.constants import PREFIXES
from datacareers.errors import DataCareersError
from datacareers.serve import wall
from datacareers.serve.answer import Answer, AnswerError, timed_out, worker_death
from datacareers.serve.conneg import UTF8
from datacareers.serve.respond import respond
from datacareers.store.dataset import open_dataset
from datacareers.store.merged import queryable
from datacareers.store.persist import generation
from datacareers.store.shipped import load_turtle

DEFAULT_WORKERS = 2
#: Memory (data) one query process may use: the graph's copy, the query, its answer.
DEFAULT_MAX_MEMORY = 2 << 30
#: Seconds a worker may run past the time limit (its own deadline check) before it is killed.
KILL_GRACE = 0.5

__all__ = ["Answer", "DEFAULT_MAX_MEMORY", "DEFAULT_WORKERS", "WorkerPool", "execute",
           "graph_titles", "load_dataset", "load_files"]


def execute(store, job: dict, max_memory: int | None = None) -> Answer:
    """Run one protocol request on *store* (inside a worker) and serialize its answer,
    bounded by ``job["max_bytes"]``.

    *job* is described in :mod:`datacareers.serve.respond`.
    """
    body = io.BytesIO()
    try:
        mime = respond(store, job, body, max_memory)
    except AnswerError as exc:
        return exc.as_answer()
    return Answer(200, mime + UTF8, body.getvalue())


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


def _answer_jobs(conn, loader, store, max_memory) -> None:
    """Answer jobs until the pipe closes. With the default loader, a store replaced by an
    import meanwhile is reopened before the next job, so a running endpoint serves what
    was just imported."""
    follows_imports = loader is load_dataset
    stamp = generation() if follows_imports else None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if follows_imports and generation() != stamp:
                stamp = generation()
                store = queryable(loader(), owned=True)
            answer = execute(store, job, max_memory)
        except Exception as exc:  # noqa: BLE001 - one bad query must not end the worker
            answer = Answer.error(500, f"internal error: {type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


def _worker_main(conn, loader, parent_pid: int, max_memory: int | None) -> None:
    """A query worker: raise the wall, load the store, then answer jobs."""
    try:
        wall.enter(parent_pid, max_memory)
        store = queryable(loader(), owned=True)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops
        conn.send(("failed", str(exc) if isinstance(exc, DataCareersError) else f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    wall.on_engine_thread(_answer_jobs, conn, loader, store, max_memory)


class _Worker:
    def __init__(self, loader, context, max_memory) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, loader, os.getpid(), max_memory), daemon=True,
            name="datacareers-query",
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
            raise DataCareersError(f"a query worker could not start: {detail}")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of walled query processes; one that overruns its time is killed and
    replaced, one that dies (out of memory) is replaced."""

    def __init__(self, loader, size: int = DEFAULT_WORKERS,
                 max_memory: int | None = DEFAULT_MAX_MEMORY) -> None:
        self.loader, self.max_memory = loader, max_memory
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self.killed = 0
        self._births: queue.Queue = queue.Queue()
        threading.Thread(target=self._start_workers, daemon=True, name="datacareers-workers").start()
        workers = []
        try:
            for _ in range(max(1, size)):
                workers.append(self._new_worker())
            for worker in workers:
                worker.wait_ready()
        except BaseException:
            for worker in workers:
                worker.kill()
            self._births.put(None)
            raise
        for worker in workers:
            self.idle.put(worker)
        self.size = len(workers)

    def _start_workers(self) -> None:
        """Start every worker, from this one thread (see the module's docstring)."""
        if hasattr(signal, "pthread_sigmask"):
            # Start multiprocessing's resource tracker first: when it starts, it unblocks SIGINT
            # in the thread that started it (CPython 3.11), and the first worker, spawned right
            # after it, would then take a Ctrl-C while it imports (a traceback on stderr).
            resource_tracker.ensure_running()
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        while True:
            reply = self._births.get()
            if reply is None:
                return
            try:
                reply.put(_Worker(self.loader, self.context, self.max_memory))
            except BaseException as exc:  # noqa: BLE001 - handed to the thread that asked
                reply.put(exc)

    def _new_worker(self) -> _Worker:
        reply: queue.Queue = queue.Queue(maxsize=1)
        self._births.put(reply)
        worker = reply.get()
        if isinstance(worker, BaseException):
            raise worker
        return worker

    def _replace(self) -> None:
        def start() -> None:
            try:
                worker = self._new_worker()
                worker.wait_ready()
            except Exception as exc:  # noqa: BLE001 - logged; the pool goes on smaller
                print(f"datacareers serve: could not restart a worker: {exc}", file=sys.stderr)
                return
            if self.closed:
                worker.kill()
            else:
                self.idle.put(worker)

        if not self.closed:
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
        except (EOFError, OSError):
            worker.process.join(1)
            death = worker_death(worker.process.exitcode, self.max_memory)
            worker.kill()
            self._replace()
            return death.as_answer()
        worker.kill()
        self.killed += 1
        self._replace()
        return timed_out(timeout).as_answer()

    def close(self) -> None:
        self.closed = True
        self._births.put(None)
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                break
