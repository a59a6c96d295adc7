#!/usr/bin/env python3
"""What the shipped starting points (scripts/generate_entries.py) cost: the shipped store
loaded without them (the baseline) and with them, in this process, each timed a few times
(best of), then a path search on each and a path from a job title; prints ratios.

    python scripts/bench_entries.py [--repeat 5]

The files of the starting points: ontology/facts/rome-4.0/occupations.ttl,
rome-4.0/entry-moves.ttl, inferred-move-model/entry-moves.ttl, and the ESCO occupations
named like a fiche, esco-1.1.1/occupations.ttl and esco-rome-titles/links.ttl.
"""

from __future__ import annotations

import argparse
import time

from pyoxigraph import Store

from datacareers.constants import ROLE
from datacareers.store import resolve
from datacareers.store.shipped import load_turtle, shipped_files
from datacareers.views.paths import Constraints, find_paths

ENTRY_FILES = {("rome-4.0", "occupations.ttl"), ("rome-4.0", "entry-moves.ttl"),
               ("inferred-move-model", "entry-moves.ttl"), ("esco-1.1.1", "occupations.ttl"),
               ("esco-rome-titles", "links.ttl")}


def load(with_entries: bool) -> Store:
    store = Store()
    for path, graph in shipped_files():
        if with_entries or (path.parent.name, path.name) not in ENTRY_FILES:
            load_turtle(store, path, graph)
    return store


def best_of(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def path_search(store: Store, source: str, target: str):
    resolve._FULL_INDEX.clear()
    a, b = resolve.resolve_role(store, source), resolve.resolve_role(store, target)
    return find_paths(store, a, b, k=3, constraints=Constraints())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    rows = []
    for label, with_entries in (("without starting points", False), ("with starting points", True)):
        seconds, store = best_of(repeat, lambda w=with_entries: load(w))
        search, _ = best_of(repeat, lambda s=store: path_search(s, "data analyst", "chief data officer"))
        rows.append((label, len(store), seconds, search))
    (_, n0, load0, search0), (_, n1, load1, search1) = rows
    for label, n, seconds, search in rows:
        print(f"{label:26} {n:>7,} quads  load {seconds:.3f} s  path data analyst -> CDO {search:.3f} s")
    print(f"ratio with / without: load x{load1 / load0:.2f}, path x{search1 / search0:.2f}, quads x{n1 / n0:.2f}")
    store = load(True)
    seconds, result = best_of(repeat, lambda: path_search(store, "comptable", "data analyst"))
    print(f"path comptable -> data analyst (with): {seconds:.3f} s, {len(result.paths)} paths, "
          f"x{seconds / search1:.2f} the curated search; first path ends at "
          f"{result.paths[0].roles[-1] == ROLE['data-analyst']}")


if __name__ == "__main__":
    main()
