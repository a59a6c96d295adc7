#!/usr/bin/env python3
"""Print docs/paths.md's reachability table: each curated role's moves out and in on the
shipped graph, all and by evidence (stated / related / inferred), and the roles left
without a move in or out.    Usage: python scripts/reachability.py
"""

from __future__ import annotations

from collections import Counter

from datacareers.constants import SOURCE
from datacareers.store.shipped import shipped_store
from datacareers.store.walk import all_roles
from datacareers.views.moves import Moves

KINDS = ("stated", "related", "inferred")


def _counts(moves: dict[str, dict[str, str]]) -> tuple[int, Counter]:
    """How many neighbours, and how many reached by each kind of evidence."""
    return len(moves), Counter(kind for sources in moves.values() for kind in set(sources.values()))


def main() -> None:
    store = shipped_store()
    moves = Moves(store)
    stranded = []
    print("| role | out: all (stated / related / inferred) | in: all (stated / related / inferred) |")
    print("|---|---|---|")
    for role in sorted(all_roles(store, SOURCE["curated"])):
        cells = []
        for found in (moves.out_of(role), moves.into(role)):
            total, kinds = _counts(found)
            cells.append(f"{total}: " + " / ".join(str(kinds[k]) for k in KINDS))
            stranded += [] if total else [str(role)]
        print(f"| {str(role).rsplit('/', 1)[-1]} | {cells[0]} | {cells[1]} |")
    print(f"\nroles without a move in or out: {', '.join(stranded) or 'none'}")


if __name__ == "__main__":
    main()
