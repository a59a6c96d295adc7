#!/usr/bin/env python
"""Benchmark the importers and the on-disk store.

Imports ESCO, ROME 4.0, O*NET and the BLS workbooks (each in its own ``datacareers import`` process, into
a throw-away ``DATACAREERS_HOME``), printing wall time and peak RSS per source; then,
with the three imported:

- the cold-process time of ``datacareers path "data analyst" "chief data officer"``
  (skipped, with the error shown, if that command fails or does not exist yet);
- ``datacareers roles --all`` (cold process), counting for every role at once against
  the baseline of counting role by role, in the same run;
- ``datacareers import remove`` of each release (on a copy of the data folder, cold
  process), rebuilding the store from the copies of what stays against the baseline of
  deleting the release's quads in place, and the choice the store makes by itself;
- a SPARQL query counting each role's essential skills, on the pyoxigraph store and on
  an rdflib in-memory ``Dataset`` holding the same quads, timed in the same run.

Usage (paths default to ``../shared/datasets`` next to the repository)::

    python scripts/bench_import.py [--esco DIR] [--rome DIR] [--onet DIR] [--bls DIR] [--no-rdflib]
                                   [--no-remove] [--only esco rome onet bls]
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

#: A CLI process with one module constant set first: ``PATCHED MODULE NAME VALUE ARGS...``.
PATCHED = [sys.executable, "-c", (
    "import importlib, sys; module = importlib.import_module(sys.argv[1]); "
    "setattr(module, sys.argv[2], float(sys.argv[3])); "
    "from datacareers.cli import main; main(sys.argv[4:])"
)]

GRAPHS = {"esco": "import-esco-1.1.1", "rome": "import-rome-4.0-v460", "onet": "import-onet-29.0"}


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
    parser.add_argument("--bls", type=Path, default=DATASETS / "bls",
                        help="folder holding national_M<year>_dl.xlsx and occupation.xlsx (BLS OEWS and EP)")
    parser.add_argument("--only", nargs="+", choices=("esco", "rome", "onet", "bls"),
                        help="import only these and stop (no path, roles, removal or query timings)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--no-remove", action="store_true", help="skip the removal timings")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="datacareers-bench-"))
    env = dict(os.environ, DATACAREERS_HOME=str(home), PYTHONUNBUFFERED="1")
    print(f"DATACAREERS_HOME={home}  (cpus: {os.cpu_count()})")
    try:
        total = 0.0
        peak = 0.0
        print(f"\n{'source':6}  {'seconds':>8}  {'peak RSS':>10}  result")
        for kind in args.only or ("esco", "rome", "onet", "bls"):
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
        if args.only:
            return 0

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

        _compare_roles(env)
        if not args.no_remove:
            _compare_removals(home)
        _compare_queries(home, with_rdflib=not args.no_rdflib)
    finally:
        if args.keep:
            print(f"kept {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    return 0


def _compare_roles(env: dict) -> None:
    print("\ncold process: datacareers roles --all")
    by_one, _, code, out = run_child(
        [*PATCHED, "datacareers.views.network", "FEW_ROLES", "1e9", "roles", "--all"], env)
    at_once, rss, code2, out2 = run_child([*CLI, "roles", "--all"], env)
    if code or code2:
        print(f"  failed: {(out or out2).splitlines()[-1:]}")
        return
    assert out == out2, "the two ways of counting disagree"
    print(f"  role by role (baseline) {by_one:.2f} s; all at once {at_once:.2f} s "
          f"({by_one / at_once:.1f}x faster), peak RSS {rss:.0f} MiB, "
          f"{out2.splitlines()[-1]}")


def _compare_removals(home: Path) -> None:
    """Each release removed from a copy of the data folder, three ways."""
    print("\ncold process: datacareers import remove NAME (on a copy of the data folder)")
    print(f"  {'graph':22}  {'in place':>9}  {'rebuild':>8}  {'auto':>6}  in place / auto")
    ways = {"in place": "0", "rebuild": "1e9", "auto": None}
    for graph in GRAPHS.values():
        times = {}
        for way, ratio in ways.items():
            copy = Path(tempfile.mkdtemp(prefix="datacareers-bench-rm-"))
            shutil.rmtree(copy)
            shutil.copytree(home, copy)
            env = dict(os.environ, DATACAREERS_HOME=str(copy))
            args = ["import", "remove", graph]
            command = [*CLI, *args] if ratio is None else [
                *PATCHED, "datacareers.store.staging", "REBUILD_RATIO", ratio, *args]
            times[way], _, code, output = run_child(command, env)
            shutil.rmtree(copy, ignore_errors=True)
            if code:
                print(f"  {graph}: {way} failed: {output.splitlines()[-1:]}")
                return
        print(f"  {graph:22}  {times['in place']:8.1f}s  {times['rebuild']:7.1f}s  "
              f"{times['auto']:5.1f}s  {times['in place'] / times['auto']:.1f}x")


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
