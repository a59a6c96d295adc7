"""Bounded loopback load test of ``datacareers serve``: requests/s, p50/p95 latency, errors.

Starts the endpoint on a free loopback port (in this process, with its worker processes),
sends a fixed number of requests from a few concurrent clients, prints the figures and
stops by itself. Exits 1 if any request failed.

    python scripts/bench_serve.py                 # 400 requests, 4 clients, 2 workers
    python scripts/bench_serve.py --requests 1000 --clients 8 --workers 2
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    settings = serve.Settings(timeout=10, workers=args.workers, quiet=True)
    started = time.monotonic()
    server = serve.make_server("127.0.0.1", 0, settings)
    serve.serve_in_thread(server)
    url = serve.endpoint_url(server)
    print(f"endpoint {url} ready in {time.monotonic() - started:.2f} s "
          f"({args.workers} workers)")

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(args.requests))

    def client() -> None:
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            accept, query = QUERIES[number % len(QUERIES)]
            data = urllib.parse.urlencode({"query": query}).encode()
            request = urllib.request.Request(url, data=data, headers={"Accept": accept})
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except Exception as exc:  # noqa: BLE001 - counted and reported
                ok = False
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
            elapsed = time.perf_counter() - t0
            with lock:
                if ok:
                    latencies.append(elapsed)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - t0
    server.shutdown()
    server.server_close()

    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    print(f"{args.requests} requests, {args.clients} clients: {wall:.2f} s, "
          f"{len(latencies) / wall:.0f} requests/s")
    if latencies:
        print(f"latency p50 {statistics.median(latencies) * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
