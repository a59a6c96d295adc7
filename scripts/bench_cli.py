"""Cold-process timings of the CLI, as ratios to `python -c "import click"` in the same run.

Targets: `datacareers --help` under 2x the floor; a path query on the shipped graph
under 300 ms. Each command runs --repeat times in fresh processes; medians are reported
(these machines are noisy, so compare ratios, not absolute numbers).

    python scripts/bench_cli.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def cold(cmd: list[str], repeat: int) -> float:
    """Median wall time of *cmd* in fresh processes, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


if __name__ == "__main__":
    main()
