#!/usr/bin/env python3
"""How well ``path --have-text`` recognises skills: precision and recall of the matcher
(datacareers.store.textskills) on hand-checked CV, job-ad and list texts
(docs/examples/have-text/, the skills each claims in expected.json), beside a naive
baseline (every label found anywhere in the text, case and accents ignored).

    python scripts/evaluate_matcher.py           # the table
    python scripts/evaluate_matcher.py --check   # exit 1 below the published figures
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from datacareers.labels import local_name
from datacareers.store.resolve import normalize
from datacareers.store.shipped import shipped_store
from datacareers.store.textskills import TextMatcher

CASES = Path(__file__).resolve().parent.parent / "docs" / "examples" / "have-text"
#: The figures docs/paths.md publishes for the matcher; --check fails below them.
PUBLISHED = {"precision": 0.95, "recall": 0.75}


def naive(matcher: TextMatcher, text: str) -> set[str]:
    """Every skill one of whose labels appears anywhere in the text (no word boundaries)."""
    folded = normalize(text)
    return {skill for words, skills in matcher.phrases.items() if " ".join(words) in folded for skill in skills} | \
        {skill for head, skills in matcher.heads.items() if normalize(head) in folded for skill in skills}


def measure(found: dict[str, set[str]], expected: dict[str, set[str]]) -> dict[str, float]:
    hits = sum(len(found[name] & expected[name]) for name in expected)
    guessed = sum(len(found[name]) for name in expected)
    wanted = sum(len(expected[name]) for name in expected)
    return {"precision": round(hits / guessed, 3) if guessed else 0.0, "recall": round(hits / wanted, 3),
            "found": guessed, "right": hits, "expected": wanted}


def evaluate() -> tuple[dict, dict, dict]:
    """(matcher figures, naive figures, per text: (found, expected))."""
    expected = {name: set(skills) for name, skills in json.loads((CASES / "expected.json").read_text("utf-8")).items()
                if not name.startswith("_")}
    matcher = TextMatcher(shipped_store())
    ours, theirs = {}, {}
    for name in expected:
        text = (CASES / name).read_text(encoding="utf-8")
        ours[name] = {local_name(m.skill) for m in matcher.match(text)}
        theirs[name] = {local_name(s) for s in naive(matcher, text)}
    return measure(ours, expected), measure(theirs, expected), {n: (ours[n], expected[n]) for n in expected}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if below the published figures")
    args = parser.parse_args(argv)
    figures, baseline, cases = evaluate()
    for name, (found, wanted) in cases.items():
        print(f"{name:30} right {len(found & wanted):2} of {len(wanted):2}; wrong: {sorted(found - wanted) or '-'}")
    print(f"\n{len(cases)} texts, {figures['expected']} skills claimed")
    for label, row in (("matcher", figures), ("naive: every label anywhere", baseline)):
        print(f"  {label:28} precision {row['precision']:.3f}  recall {row['recall']:.3f}  ({row['right']} right of "
              f"{row['found']} found)")
    if args.check:
        low = [k for k, v in PUBLISHED.items() if figures[k] < v]
        if low:
            print(f"below the published figures: {', '.join(low)}", file=sys.stderr)
            return 1
        print("at or above the published figures:", PUBLISHED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
