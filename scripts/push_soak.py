"""Push the dataset to a fresh Virtuoso N times in a row (default 20) and check, after
each push, that Virtuoso answers like the local store (triples per graph, and the moves
with their graphs). Prints one line per push and a summary; exit 1 if any push failed.

    python scripts/push_soak.py            # 20 pushes of the shipped dataset
    python scripts/push_soak.py -n 5       # fewer
    DATACAREERS_HOME=~/dc python scripts/push_soak.py   # an imported dataset (big graphs)

Needs Debian's virtuoso-opensource (``bash scripts/virtuoso.sh install`` as root); the
database is a throw-away one on loopback (scripts/virtuoso.sh), on ports of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from datacareers.errors import DataCareersError
from datacareers.serve.push import push_dataset
from datacareers.store.dataset import open_dataset
from datacareers.views.sparql import run_query

ROOT = Path(__file__).resolve().parents[1]
COMPARED = {
    "triples per graph": "SELECT ?n ?g WHERE { { SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                         "GROUP BY ?g } }",
    "moves": "SELECT ?a ?b ?g WHERE { GRAPH ?g { ?a <https://w3id.org/datacareers/ontology#canBecome> ?b } }",
}


def remote_rows(endpoint: str, query: str) -> set[tuple]:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310 - our loopback Virtuoso
        data = json.load(answer)
    names = data["head"]["vars"]
    return {tuple(b[n]["value"] for n in names) for b in data["results"]["bindings"]}


def local_rows(store, query: str) -> set[tuple]:
    result = run_query(store, query)
    names = [v.value for v in result.variables]
    return {tuple(s[n].value for n in names) for s in result}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20, help="pushes in a row (default 20)")
    parser.add_argument("--http-port", type=int, default=8897)
    parser.add_argument("--sql-port", type=int, default=1117)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="datacareers-soak-")
    env = dict(os.environ, VIRTUOSO_HTTP_PORT=str(args.http_port), VIRTUOSO_SQL_PORT=str(args.sql_port))
    script = str(ROOT / "scripts" / "virtuoso.sh")
    try:
        subprocess.run(["bash", script, "start", folder], env=env, check=True, capture_output=True, timeout=300)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, FileNotFoundError) as exc:
        print(f"cannot start a fresh Virtuoso: {exc}", file=sys.stderr)
        return 2
    base = f"http://127.0.0.1:{args.http_port}"
    store = open_dataset()
    expected = {name: local_rows(store, query) for name, query in COMPARED.items()}
    ours = {g.value for g in store.named_graphs()}
    times, failures = [], 0
    try:
        for number in range(1, args.n + 1):
            started = time.monotonic()
            try:
                push_dataset(store, base + "/sparql", graph_store=base + "/sparql-graph-crud-auth",
                             user="datacareers", password="datacareers")
                differ = [name for name, query in COMPARED.items()  # Virtuoso's own graphs left out
                          if {r for r in remote_rows(base + "/sparql", query) if r[-1] in ours} != expected[name]]
                outcome = "answers like the local store" if not differ else "DIFFERS: " + ", ".join(differ)
                failures += bool(differ)
            except (DataCareersError, OSError) as exc:
                outcome, failures = f"FAILED: {exc}", failures + 1
            times.append(time.monotonic() - started)
            print(f"push {number:>2}: {times[-1]:.1f} s, {outcome}", flush=True)
    finally:
        subprocess.run(["bash", script, "stop", folder], env=env, capture_output=True, timeout=120)
    print(f"{args.n - failures}/{args.n} pushes succeeded and answered like the local store "
          f"({len(store):,} quads; median {statistics.median(times):.1f} s, max {max(times):.1f} s per push)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
