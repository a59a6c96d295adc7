#!/usr/bin/env python
"""Benchmark the three importers and the on-disk store.

Imports ESCO, ROME 4.0 and O*NET (each in its own ``datacareers import`` process, into
a throw-away ``DATACAREERS_HOME``), printing wall time and peak RSS per source; then,
with the three imported:

- the cold-process time of ``datacareers path "data analyst" "chief data officer"``
  (skipped, with the error shown, if that command fails or does not exist yet);
- a SPARQL query counting each role's essential skills, on the pyoxigraph store and on
  an rdflib in-memory ``Dataset`` holding the same quads, timed in the same run.

Usage (paths default to ``../shared/datasets`` next to the repository)::

    python scripts/bench_import.py [--esco DIR] [--rome DIR] [--onet DIR] [--no-rdflib]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO.parent / "shared" / "datasets"

QUERY = """
PREFIX career: <https://w3id.org/datacareers/ontology#>
SELECT ?role (COUNT(DISTINCT ?skill) AS ?essential) WHERE {
  GRAPH ?g { ?role career:essentialSkill ?skill }
} GROUP BY ?role ORDER BY DESC(?essential) ?role
"""

CLI = [sys.executable, "-c", "from datacareers.cli import main; main()"]


def _mib(kib: int) -> float:
    return kib / 1024  # Linux ru_maxrss is in KiB


def run_child(args: list[str], env: dict) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS (MiB) of this child alone, exit code, its output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
        # os.wait4 gives this child's own rusage (RUSAGE_CHILDREN only keeps the maximum).
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace").strip()
    return elapsed, _mib(usage.ru_maxrss), proc.returncode, output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--esco", type=Path, default=DATASETS / "esco" / "v1.1.1")
    parser.add_argument("--rome", type=Path, default=DATASETS / "rome" / "v460")
    parser.add_argument("--onet", type=Path, default=DATASETS / "onet",
                        help="folder holding db_29_0_text (and the Career Changers Matrix)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="datacareers-bench-"))
    env = dict(os.environ, DATACAREERS_HOME=str(home), PYTHONUNBUFFERED="1")
    print(f"DATACAREERS_HOME={home}  (cpus: {os.cpu_count()})")
    try:
        total = 0.0
        peak = 0.0
        print(f"\n{'source':6}  {'seconds':>8}  {'peak RSS':>10}  result")
        for kind in ("esco", "rome", "onet"):
            path = getattr(args, kind)
            elapsed, rss, code, output = run_child(
                [*CLI, "import", kind, str(path), "--quiet"], env)
            total += elapsed
            peak = max(peak, rss)
            last = output.splitlines()[-1] if output else ""
            status = last if code == 0 else f"FAILED: {last}"
            print(f"{kind:6}  {elapsed:8.1f}  {rss:7.0f} MiB  {status}")
            if code != 0:
                return 1
        print(f"{'total':6}  {total:8.1f}  {peak:7.0f} MiB  (target: < 60 s, < 2048 MiB)")
        size = sum(f.stat().st_size for f in (home / "store").rglob("*") if f.is_file())
        print(f"store on disk: {size / 2**20:.0f} MiB")

        print("\ncold process: datacareers sources")
        elapsed, rss, code, output = run_child([*CLI, "sources"], env)
        print(f"  {elapsed:.2f} s, peak RSS {rss:.0f} MiB, exit {code}")

        print('cold process: datacareers path "data analyst" "chief data officer"')
        elapsed, rss, code, output = run_child(
            [*CLI, "path", "data analyst", "chief data officer"], env)
        if code == 0:
            print(f"  {elapsed:.2f} s, peak RSS {rss:.0f} MiB")
        else:
            tail = output.splitlines()[-1] if output else ""
            print(f"  skipped (exit {code}): {tail}")

        _compare_queries(home, with_rdflib=not args.no_rdflib)
    finally:
        if args.keep:
            print(f"kept {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    return 0


def _compare_queries(home: Path, with_rdflib: bool) -> None:
    os.environ["DATACAREERS_HOME"] = str(home)
    from pyoxigraph import RdfFormat, Store

    print("\nSPARQL: essential skills per role (GROUP BY, all graphs)")
    start = time.perf_counter()
    store = Store.read_only(str(home / "store"))
    opened = time.perf_counter() - start

    def ox_run() -> int:
        return len(list(store.query(QUERY)))

    start = time.perf_counter()
    rows = ox_run()
    ox_cold = time.perf_counter() - start
    ox_warm = statistics.median(_timed(ox_run) for _ in range(3))
    print(f"  pyoxigraph (on disk): open {opened * 1000:.0f} ms, first run {ox_cold:.3f} s, "
          f"warm {ox_warm:.3f} s, {rows} roles")
    if not with_rdflib:
        return

    from rdflib import Dataset

    start = time.perf_counter()
    data = store.dump(format=RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    del data
    loaded = time.perf_counter() - start
    n_quads = len(dataset)

    def rdflib_run() -> int:
        return len(list(dataset.query(QUERY)))

    start = time.perf_counter()
    rdf_rows = rdflib_run()
    rdf_cold = time.perf_counter() - start
    rdf_warm = _timed(rdflib_run)
    print(f"  rdflib Dataset (in memory, {n_quads:,} quads loaded in {loaded:.1f} s): "
          f"first run {rdf_cold:.3f} s, again {rdf_warm:.3f} s, {rdf_rows} roles")
    print(f"  ratio rdflib / pyoxigraph: first run {rdf_cold / ox_cold:.1f}x, "
          f"warm {rdf_warm / ox_warm:.1f}x")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"  this process peak RSS (holding the rdflib Dataset): {_mib(own):.0f} MiB")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
