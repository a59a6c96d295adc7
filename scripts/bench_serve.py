"""Bounded loopback load tests of ``datacareers serve``; stops by itself.

Starts the endpoint on a free loopback port (in this process, with its worker processes)
and runs two loads:

- simple: a fixed number of cheap queries from a few concurrent clients, first with a new
  connection per request (the baseline), then the same over keep-alive connections;
  prints requests/s, p50/p95 latency and the keep-alive/new-connection ratio.
- mixed: for a fixed time, cheap, expensive and runaway clients at once, each client its
  own loopback address (127.0.0.x: the endpoint shares its workers per IP address). The
  cheap clients first run alone (the baseline), then with the others. Prints each
  client's success rate and p50/p95/p99 latency of its answers, the cheap clients' p95
  against the baseline, and the server's memory (its process plus workers) before/after.

Exits 1 if a request of the simple load failed or a cheap client of the mixed load
answered under 90 %.

    python scripts/bench_serve.py                          # both loads
    python scripts/bench_serve.py --load simple --requests 1000 --clients 8
    python scripts/bench_serve.py --load mixed --duration 30 --timeout 2
"""

from __future__ import annotations

import argparse
import http.client
import os
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from datacareers.serve import endpoint as serve

QUERIES = [
    ("application/sparql-results+json",
     "SELECT ?r ?l WHERE { ?r a career:Role ; skos:prefLabel ?l } ORDER BY ?l"),
    ("text/csv",
     "SELECT ?r (COUNT(?s) AS ?n) WHERE { ?r career:requiresSkill ?s } GROUP BY ?r"),
    ("application/sparql-results+json",
     "ASK { role:data-analyst career:canBecome role:chief-data-officer }"),
    ("text/turtle", "DESCRIBE role:machine-learning-engineer"),
]
#: About 0.2-0.3 s on the shipped graph: real work, well inside the time limit.
EXPENSIVE = ("SELECT ?a ?b WHERE { ?a a career:Skill ; skos:prefLabel ?x . ?b a ?t ; skos:prefLabel ?y "
             "VALUES ?t { career:Role career:Sector career:EmployerType } "
             "FILTER(CONTAINS(?x, ?y) && ?a != ?b) } LIMIT 1000")
#: Never finishes: computes until the worker is killed at the time limit.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def rss_mb(pid: int) -> float:
    """Resident memory of process *pid* in MB (Linux /proc), 0 if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def server_rss() -> tuple[float, float]:
    """(this process, its child processes: the query workers) resident memory in MB."""
    children = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            children += rss_mb(int(stat.parent.name))
    return rss_mb(os.getpid()), children


# --------------------------------------------------------------------------- simple load


def simple_load(url: str, requests: int, clients: int, keep_alive: bool) -> tuple[float, list, list]:
    """Send *requests* cheap queries from *clients* threads: (seconds, latencies, errors)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    parts = urllib.parse.urlsplit(url)

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                break
            accept, query = QUERIES[number % len(QUERIES)]
            data = urllib.parse.urlencode({"query": query}).encode()
            headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
            t0 = time.perf_counter()
            try:
                if keep_alive:
                    connection.request("POST", parts.path, body=data, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                else:
                    request = urllib.request.Request(url, data=data, headers=headers)
                    with urllib.request.urlopen(request, timeout=30) as answer:
                        answer.read()
                        ok = answer.status == 200
            except Exception as exc:  # noqa: BLE001 - counted and reported
                ok = False
                connection.close()
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
            elapsed = time.perf_counter() - t0
            with lock:
                if ok:
                    latencies.append(elapsed)
        connection.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - t0, latencies, errors


def run_simple(args) -> bool:
    settings = serve.Settings(timeout=10, workers=args.workers, quiet=True)
    started = time.monotonic()
    server = serve.make_server("127.0.0.1", 0, settings)
    serve.serve_in_thread(server)
    url = serve.endpoint_url(server)
    print(f"simple load: endpoint {url} ready in {time.monotonic() - started:.2f} s "
          f"({args.workers} workers), {args.requests} requests, {args.clients} clients")
    rates, failed = {}, False
    try:
        for keep_alive in (False, True):
            wall, latencies, errors = simple_load(url, args.requests, args.clients, keep_alive)
            name = "keep-alive" if keep_alive else "new connection each"
            rates[keep_alive] = len(latencies) / wall
            print(f"  {name:20s} {wall:6.2f} s, {rates[keep_alive]:5.0f} requests/s, "
                  f"p50 {percentile(latencies, 0.5) * 1000:5.1f} ms, "
                  f"p95 {percentile(latencies, 0.95) * 1000:5.1f} ms, "
                  f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
            failed = failed or bool(errors)
    finally:
        server.shutdown()
        server.server_close()
    print(f"  keep-alive / new connection: x{rates[True] / rates[False]:.2f} requests/s")
    return not failed


# --------------------------------------------------------------------------- mixed load


class Client(threading.Thread):
    """One client (its own loopback address) sending one kind of query until *stop*."""

    def __init__(self, name: str, ip: str, url: str, queries: list, stop: threading.Event,
                 connections: int = 1, timeout: float = 60) -> None:
        super().__init__(daemon=True)
        self.name, self.ip, self.url, self.queries = name, ip, url, queries
        self.stop, self.connections, self.timeout = stop, connections, timeout
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.refusals: dict[str, int] = {}  # the first line of each kind of error answer

    def run(self) -> None:
        threads = [threading.Thread(target=self._loop, args=(n,)) for n in range(self.connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _loop(self, offset: int) -> None:
        parts = urllib.parse.urlsplit(self.url)
        number = offset
        while not self.stop.is_set():
            accept, query = self.queries[number % len(self.queries)]
            number += 1
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout,
                                                    source_address=(self.ip, 0))
            t0 = time.perf_counter()
            try:
                connection.request("GET", parts.path + "?" + urllib.parse.urlencode({"query": query}),
                                   headers={"Accept": accept})
                response = connection.getresponse()
                body = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                status, body = 0, f"{type(exc).__name__}: {exc}".encode()
            finally:
                connection.close()
            elapsed = time.perf_counter() - t0
            with self.lock:
                self.statuses[status] = self.statuses.get(status, 0) + 1
                if status != 200:
                    why = body.decode("utf-8", "replace").split(";")[0].split("(")[0].strip()[:70]
                    self.refusals[why] = self.refusals.get(why, 0) + 1
                if status == 200:
                    self.latencies.append(elapsed)

    def report(self) -> str:
        total = sum(self.statuses.values())
        ok = self.statuses.get(200, 0)
        others = ", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(self.statuses.items()) if s != 200)
        ms = [percentile(self.latencies, share) * 1000 for share in (0.5, 0.95, 0.99)]
        return (f"  {self.name:12s} {self.ip:11s} {total:5d} requests, {100 * ok / max(total, 1):5.1f} % ok, "
                f"p50 {ms[0]:7.1f} ms, p95 {ms[1]:7.1f} ms, p99 {ms[2]:7.1f} ms"
                + (f" ({others})" if others else ""))

    @property
    def success(self) -> float:
        return self.statuses.get(200, 0) / max(sum(self.statuses.values()), 1)


def run_phase(url: str, specs: list[tuple], duration: float) -> list[Client]:
    stop = threading.Event()
    clients = [Client(name, ip, url, queries, stop, connections) for name, ip, queries, connections in specs]
    for client in clients:
        client.start()
    time.sleep(duration)  # the load runs for a fixed time, by design
    stop.set()
    for client in clients:
        client.join()
    return clients


def run_mixed(args) -> bool:
    settings = serve.Settings(timeout=args.timeout, workers=args.workers, quiet=True)
    server = serve.make_server("127.0.0.1", 0, settings)
    serve.serve_in_thread(server)
    url = serve.endpoint_url(server)
    cheap = [("cheap-1", "127.0.0.11", QUERIES, 1), ("cheap-2", "127.0.0.12", QUERIES, 1)]
    hostile = [("expensive", "127.0.0.13", [("text/csv", EXPENSIVE)], 1),
               ("runaway-1", "127.0.0.21", [("text/csv", RUNAWAY)], 2),
               ("runaway-2", "127.0.0.22", [("text/csv", RUNAWAY)], 2)]
    print(f"mixed load: endpoint {url}, {args.workers} workers, {args.timeout:g} s time limit; "
          f"cheap clients alone for {args.duration / 3:.0f} s, then everyone for {args.duration:.0f} s")
    try:
        before = server_rss()
        alone = run_phase(url, cheap, args.duration / 3)
        print(" cheap clients alone (baseline):")
        for client in alone:
            print(client.report())
        mixed = run_phase(url, cheap + hostile, args.duration)
        print(" everyone:")
        for client in mixed:
            print(client.report())
            for why, count in client.refusals.items():
                print(f"      {count} x {why}")
        deadline = time.monotonic() + 30  # let killed workers be replaced before measuring
        while server.pool.idle.qsize() < args.workers and time.monotonic() < deadline:
            time.sleep(0.05)
        after = server_rss()
    finally:
        server.shutdown()
        server.server_close()
    for base, loaded in zip(alone, mixed[:len(cheap)], strict=True):
        print(f"  {base.name}: success {100 * loaded.success:.0f} % (alone {100 * base.success:.0f} %), "
              f"p95 x{percentile(loaded.latencies, 0.95) / percentile(base.latencies, 0.95):.1f} "
              "the baseline")
    print(f"  server memory: process {before[0]:.0f} -> {after[0]:.0f} MB, "
          f"workers {before[1]:.0f} -> {after[1]:.0f} MB")
    return all(client.success >= 0.9 for client in mixed[:len(cheap)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load", choices=["simple", "mixed", "both"], default="both")
    parser.add_argument("--requests", type=int, default=400, help="simple load: requests")
    parser.add_argument("--clients", type=int, default=4, help="simple load: concurrent clients")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=float, default=15.0, help="mixed load: seconds")
    parser.add_argument("--timeout", type=float, default=2.0, help="mixed load: query time limit")
    args = parser.parse_args()
    ok = True
    if args.load in ("simple", "both"):
        ok = run_simple(args) and ok
    if args.load in ("mixed", "both"):
        ok = run_mixed(args) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
