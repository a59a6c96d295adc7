"""Why there is no path, and what to try: each constraint relaxed in turn, in the user's language.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class C:
...     evidence: str = "stated"
...     max_steps: int | None = None
...     via: tuple = ()
...     avoid: frozenset = frozenset()
...     have: frozenset = frozenset()
...     desirable: bool = False
...     viable: bool = False
>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.constants import ROLE
>>> a, b = ROLE["data-analyst"], ROLE["machine-learning-engineer"]
>>> print(explain_no_path(shipped_store(), a, b, C(), lambda c: [1] if c.evidence == "inferred" else []))
... # doctest: +NORMALIZE_WHITESPACE
no path from data analyst to machine learning engineer with stated moves only; one exists with
weaker evidence: try --evidence inferred
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pyoxigraph import Store

from datacareers.errors import NoPathError
from datacareers.i18n import N_, _, active
from datacareers.views.describe import label_map
from datacareers.views.moves import EVIDENCE, Moves


def explain_no_path(store: Store, source: str, target: str, constraints, try_search: Callable) -> NoPathError:
    """The error to raise: which constraint blocks the path (by relaxing each in turn) or,
    when none does, which data is missing; with what to try."""
    names = label_map(store, [source, target, *constraints.via, *constraints.avoid], active())
    a, b = names[source], names[target]
    relaxations = []
    if constraints.evidence != "inferred":
        weaker = [k for k in EVIDENCE if k != "stated" and list(EVIDENCE).index(k) > list(EVIDENCE).index(
            constraints.evidence)]
        for kind in weaker:
            relaxations.append((replace(constraints, evidence=kind), _(_ONLY[constraints.evidence]).format(
                a=a, b=b, weaker=kind)))
    if constraints.max_steps is not None:
        relaxations.append((replace(constraints, max_steps=None), _(
            "no path from {a} to {b} in {n} steps or fewer: try a larger --max-steps").format(
            a=a, b=b, n=constraints.max_steps)))
    if constraints.avoid:
        relaxations.append((replace(constraints, avoid=frozenset()), _(
            "every path from {a} to {b} goes through a role you avoid ({roles}): try without --avoid").format(
            a=a, b=b, roles=", ".join(names[r] for r in sorted(constraints.avoid)))))
    if constraints.via:
        relaxations.append((replace(constraints, via=()), _(
            "no path from {a} to {b} goes through {roles}: try without --via").format(
            a=a, b=b, roles=", ".join(names[r] for r in constraints.via))))
    if constraints.desirable:
        relaxations.append((replace(constraints, desirable=False), _(
            "no path from {a} to {b} keeps the median pay at {share} or more of the current one at every step "
            "(--desirable): try without it").format(a=a, b=b, share="75%")))
    if constraints.viable:
        relaxations.append((replace(constraints, viable=False), _(
            "no path from {a} to {b} changes the O*NET job zone by at most 1 at every step (--viable): "
            "try without it").format(a=a, b=b)))
    for relaxed, message in relaxations:
        if try_search(relaxed):
            return NoPathError(message)
    loose = replace(constraints, evidence="inferred", max_steps=None, avoid=frozenset(), via=(),
                    desirable=False, viable=False)
    if relaxations and try_search(loose):
        return NoPathError(_("no path from {a} to {b} meets all these constraints together; "
                             "try dropping some of them").format(a=a, b=b))
    moves = Moves(store)
    return NoPathError(_(
        "no chain of career moves leads from {a} to {b} in the data, even with inferred moves "
        "({a} has {n} moves out, {b} has {m} moves in); try a role in between with --via, "
        "or import the ROME and O*NET releases").format(
        a=a, b=b, n=len(moves.out_of(source)), m=len(moves.into(target))))


_ONLY = {
    "stated": N_("no path from {a} to {b} with stated moves only; one exists with weaker evidence: "
                 "try --evidence {weaker}"),
    "related": N_("no path from {a} to {b} with stated and related moves only; one exists with weaker evidence: "
                  "try --evidence {weaker}"),
}
