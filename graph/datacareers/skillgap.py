"""How much of a role's skills someone already covers: the one measure behind the skill
gap of a path step and the similarity of an inferred move.

A needed skill counts 1 when it is held, ``PARTIAL_CREDIT`` (0.5) when something else of
the same group is held (a skill whose ESCO skill group, or O*NET commodity class, is one
of the groups of the needed skill), 0 otherwise. Groups come from the data (``skos:broader``
links from a skill to its groups); a skill without a group gets no partial credit.

- the **skill gap** of a move into a role is the share of that role's *essential* skills
  not covered: ``1 - mean(credit)`` over them (over every required skill when no source
  marks any as essential);
- the **similarity** of a move A -> B is the share of B's skills that A covers, essential
  skills weighing 1 and optional ones ``OPTIONAL_WEIGHT`` (0.5). It is asymmetric: a
  chief data officer covers much of a data analyst's skills, not the other way round.

>>> groups = {"python": {"programming"}, "r": {"programming"}, "sql": {"databases"}}
>>> target = Profile(essential=frozenset({"python", "sql"}), optional=frozenset({"spark"}))
>>> gap({"r"}, target.essential, groups)    # r gives half of python, nothing of sql
0.75
>>> round(coverage({"r", "sql"}, target, groups), 3)   # (0.5 + 1 + 0 * 0.5) / 2.5
0.6
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: What a needed skill counts for when only another skill of its group is held.
PARTIAL_CREDIT = 0.5
#: The weight of an optional skill of the target in the similarity (an essential one weighs 1).
OPTIONAL_WEIGHT = 0.5

Groups = Mapping[str, Iterable[str]]


@dataclass(frozen=True)
class Profile:
    """The essential and optional skills of one role (optional excludes essential)."""

    essential: frozenset[str]
    optional: frozenset[str] = frozenset()

    @property
    def skills(self) -> frozenset[str]:
        return self.essential | self.optional


def groups_of(skills: Iterable[str], groups: Groups) -> set[str]:
    """Every group of the given skills."""
    return {g for s in skills for g in groups.get(s, ())}


def credit(skill: str, have: set[str] | frozenset[str], have_groups: set[str], groups: Groups) -> float:
    """1 if *skill* is held, PARTIAL_CREDIT if a skill of one of its groups is, else 0.

    >>> credit("python", {"r"}, {"programming"}, {"python": ["programming"]})
    0.5
    """
    if skill in have:
        return 1.0
    if any(g in have_groups for g in groups.get(skill, ())):
        return PARTIAL_CREDIT
    return 0.0


def gap(have: Iterable[str], needed: Iterable[str], groups: Groups,
        have_groups: set[str] | None = None) -> float | None:
    """Share of *needed* not covered by *have* (partial credit through groups); None when
    nothing is needed (the gap is then unknown, not zero). *have_groups*, when given, are
    the groups of *have* already known."""
    needed = list(needed)
    if not needed:
        return None
    have = set(have)
    if have_groups is None:
        have_groups = groups_of(have, groups)
    covered = sum(credit(s, have, have_groups, groups) for s in needed)
    return round(1.0 - covered / len(needed), 4)


def coverage(have: Iterable[str], target: Profile, groups: Groups,
             optional_weight: float = OPTIONAL_WEIGHT) -> float | None:
    """Weighted share of *target*'s skills that *have* covers (the similarity of a move);
    None when the target has no skills."""
    have = set(have)
    have_groups = groups_of(have, groups)
    total = len(target.essential) + optional_weight * len(target.optional)
    if not total:
        return None
    got = sum(credit(s, have, have_groups, groups) for s in target.essential)
    got += optional_weight * sum(credit(s, have, have_groups, groups) for s in target.optional)
    return got / total
