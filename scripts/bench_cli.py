"""Cold-process timings of the CLI, as ratios to `python -c "import click"` in the same run.

Targets: `datacareers --help` under 2x the floor; `path` and `next` on the shipped graph
under 300 ms cold between curated roles, under 1 s from a job title (ROME or ESCO); with
ESCO, ROME, O*NET and inferred moves imported (point DATACAREERS_HOME at such a data
folder) under 1 s cold, and `path -k 5` under 200 ms warm
(the same question asked again in one process). Each command runs --repeat times in fresh
processes; medians are reported (these machines are noisy, so compare ratios, not absolute
numbers).

    python scripts/bench_cli.py [--repeat 15]
    DATACAREERS_HOME=/tmp/full-home python scripts/bench_cli.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

#: The commands run as a user's install runs them: with Python's bytecode cache. An
#: environment that sets PYTHONDONTWRITEBYTECODE (some CI and sandbox images do) would time
#: the compiling of every module on every run instead, and favour fewer, larger modules.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold(cmd: list[str], repeat: int) -> float:
    """Median wall time of *cmd* in fresh processes, in seconds (after one untimed run that
    fills the bytecode cache)."""
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    cli = [os.path.join(os.path.dirname(sys.executable), "datacareers")]
    cases = {
        "floor: python -c 'import click'": [sys.executable, "-c", "import click"],
        "datacareers --help": cli + ["--help"],
        "datacareers path 'data analyst' 'chief data officer'": cli + ["path", "data analyst", "chief data officer"],
        "datacareers path 'data analyst' 'data scientist'": cli + ["path", "data analyst", "data scientist"],
        "datacareers path 'data analyst' 'ML engineer' -k 5": cli + ["path", "data analyst", "ML engineer", "-k", "5"],
        "datacareers path comptable 'data analyst'": cli + ["path", "comptable", "data analyst"],
        "datacareers path 'financial controller' 'data analyst'": cli + ["path", "financial controller",
                                                                           "data analyst"],
        "datacareers path 'technicien de laboratoire' bioinformaticien": cli + ["path", "technicien de laboratoire",
                                                                                 "bioinformaticien"],
        "datacareers next 'data analyst'": cli + ["next", "data analyst"],
        "datacareers show 'ML engineer'": cli + ["show", "ML engineer"],
        "datacareers query salaries-by-seniority": cli + ["query", "salaries-by-seniority"],
    }
    env_home = os.environ.get("DATACAREERS_HOME")
    print(f"DATACAREERS_HOME={env_home or '(default)'}; {args.repeat} cold runs each, median")
    floor = None
    for name, cmd in cases.items():
        median = cold(cmd, args.repeat)
        floor = floor or median
        print(f"{name:<58} {median * 1000:8.1f} ms   {median / floor:5.2f}x floor")
    warm = warm_path(args.repeat)
    print(f"{'warm: path data analyst -> ML engineer -k 5 (in process)':<58} {warm * 1000:8.1f} ms   "
          f"{warm / floor:5.2f}x floor")


def warm_path(repeat: int) -> float:
    """Median time of the same path question asked again in one process (caches warm)."""
    from datacareers.constants import ROLE
    from datacareers.store.dataset import open_dataset
    from datacareers.views.paths import find_paths
    from datacareers.views.report import path_text

    store = open_dataset()
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        result = find_paths(store, ROLE["data-analyst"], ROLE["machine-learning-engineer"], k=5)
        path_text(store, result)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


if __name__ == "__main__":
    main()
