#!/usr/bin/env python3
"""Held-out figures of the transition model behind the inferred moves, beside simple baselines.

Ground truth: ROME 4.0 mobilités between its 1,584 fiches, split **by fiche** (fixed seed:
a fifth held out, the fiches matched to the curated roles among them; a fifth to calibrate
and choose the threshold; the rest to fit), and, as an independent check of the same
recipe, O*NET 29.0 Related Occupations and the O*NET 25.x Career Changers Matrix (split
by occupation). Prints ROC AUC, average precision, precision@5 and recall@10 per source,
for the model and each baseline, the figures on the moves between fiches matched to
curated roles, the calibration table and the threshold chosen on validation.

    python scripts/evaluate_moves.py [DATASETS]            # print the tables
    python scripts/evaluate_moves.py --write               # record them in docs/move-model-figures.json
    python scripts/evaluate_moves.py --check               # exit 1 if they no longer match the record

Needs scikit-learn (``pip install -e '.[model]'``). Takes a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from generate_facts import DEFAULT_DATASETS, REPO, read_crosswalk

RECORD = REPO / "docs" / "move-model-figures.json"
#: How far a re-run may drift from the record (floating point across library versions).
TOLERANCE = 0.01


def curated_fiches() -> set[str]:
    """The ROME fiches the curated roles match (exactly or closely)."""
    return {code for kinds in read_crosswalk().by_role("rome").values() for codes in kinds.values() for code in codes}


def figures(datasets: Path) -> dict:
    from datacareers.movemodel.evaluate import BASELINES, run

    out = {}
    for ground, result in run(datasets, curated_fiches()).items():
        out[ground] = {"figures": result.figures, "calibration": result.calibration, "threshold": result.threshold,
                       "weights": result.weights, "baselines": BASELINES}
    return out


def _print(found: dict) -> None:
    from datacareers.movemodel.evaluate import BASELINES

    for ground, block in found.items():
        for part, table in block["figures"].items():
            if part == "calibration-worst-gap":
                continue
            print(f"\n{ground} / {part}   scorer                     ROC AUC  avg prec  prec@5  recall@10")
            for scorer, m in table.items():
                label = "model" if scorer == "model" else BASELINES[scorer]
                print(f"  {label[:44]:<44} {m['auc']:>7.3f} {m['ap']:>9.3f} {m['p5']:>7.3f} {m['r10']:>10.3f}")
        print(f"  calibration (held-out, {ground}): tenth  pairs  predicted  observed")
        for row in block["calibration"]:
            print(f"    {row['bin']}  {row['pairs']:>8}  {row['predicted']:>9.3f}  {row['observed']:>8.3f}")
        print(f"  worst gap over tenths of 50+ pairs: {block['figures']['calibration-worst-gap']['model']['gap']}")
        print(f"  threshold chosen on validation: {block['threshold']}")


def _drift(old, new, where="") -> list[str]:
    if isinstance(old, dict):
        return [d for k in old for d in _drift(old[k], new.get(k) if isinstance(new, dict) else None, f"{where}/{k}")]
    if isinstance(old, list):
        if not isinstance(new, list) or len(new) != len(old):
            return [f"{where}: {len(old)} rows recorded"]
        return [d for i, (a, b) in enumerate(zip(old, new, strict=True)) for d in _drift(a, b, f"{where}[{i}]")]
    if isinstance(old, float) and not where.endswith(("pairs", "sources", "stated")):
        return [] if isinstance(new, (int, float)) and abs(old - new) <= TOLERANCE else [f"{where}: {old} -> {new}"]
    return [] if old == new else [f"{where}: {old} -> {new}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DEFAULT_DATASETS)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"record the figures in {RECORD.relative_to(REPO)}")
    mode.add_argument("--check", action="store_true", help="exit 1 if the figures drift from the record")
    args = parser.parse_args(argv)
    if not (args.datasets / "rome" / "v460").is_dir():
        print(f"Error: {args.datasets}: no rome/v460 release folder", file=sys.stderr)
        return 2
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("Error: scikit-learn is needed: pip install -e '.[model]'", file=sys.stderr)
        return 2
    start = time.perf_counter()
    found = json.loads(json.dumps(figures(args.datasets)))
    _print(found)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nwhole inference and evaluation: {time.perf_counter() - start:.0f} s, peak RSS {peak:.0f} MB")
    if args.write:
        tmp = RECORD.with_suffix(".tmp")
        tmp.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(RECORD)
        print(f"wrote {RECORD}")
    if args.check:
        drift = _drift(json.loads(RECORD.read_text(encoding="utf-8")), found)
        for line in drift:
            print(f"drift: {line}", file=sys.stderr)
        if drift:
            return 1
        print(f"the figures match {RECORD.relative_to(REPO)} (within {TOLERANCE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
