"""The curated roles ranked by how much of their essential skills a set of skills covers
(``datacareers match FILE``: the skills a CV names), each with its gap, computed as a
path step's gap is (a skill of the same ESCO group counts half).

>>> from datacareers.store.shipped import shipped_store
>>> sql = "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"
>>> ranked = rank_roles(shipped_store(), {sql})
>>> 0 <= ranked[0].gap <= ranked[-1].gap <= 1
True
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Store

from datacareers.constants import SOURCE
from datacareers.i18n import _, number, using
from datacareers.labels import local_name, pick_label
from datacareers.skillgap import gap as skill_gap
from datacareers.store.walk import all_roles
from datacareers.views.describe import label_map
from datacareers.views.moves import Moves, Profiles
from datacareers.views.steps import percent

#: How many of the best roles list their missing essential skills, and how many of them.
DETAILED, SHOWN_SKILLS = 3, 8


@dataclass
class RoleMatch:
    role: str
    gap: float
    covered: list[str]  # the role's essential skills the skills held cover (fully)
    missing: list[str]  # its essential skills not covered, those of a held group last
    labels: dict[str, str]


def rank_roles(store: Store, have: set[str]) -> list[RoleMatch]:
    """Every curated role with skills, the smallest gap first."""
    profiles = Profiles(store, Moves(store).aliases)
    have_groups = profiles.groups_of(have)
    found = []
    for role in all_roles(store, SOURCE["curated"]):
        data = profiles[role]
        needed = data["essential"] or data["skills"]
        if not needed:
            continue
        gap = skill_gap(have, needed, profiles.group_map(needed), have_groups)
        missing = sorted(needed - set(have), key=lambda s: (any(g in have_groups for g in profiles.groups(s)), s))
        found.append(RoleMatch(role, gap, sorted(needed & set(have)), missing, data["labels"]))
    return sorted(found, key=lambda m: (m.gap, m.role))


def match_json(store: Store, ranked: list[RoleMatch], limit: int, lang: str = "en") -> dict:
    """The JSON of ``datacareers match --format json``: the *limit* best roles."""
    shown = ranked[:limit]
    names = label_map(store, {s for m in shown for s in m.covered + m.missing}, lang)
    return {"roles": [{"id": m.role, "label": pick_label(m.labels, lang, local_name(m.role)), "gap": m.gap,
                       "covers": round(1 - m.gap, 4),
                       "covered": [{"id": s, "label": names.get(s, local_name(s))} for s in m.covered],
                       "missing": [{"id": s, "label": names.get(s, local_name(s))} for s in m.missing]}
                      for m in shown]}


def match_text(store: Store, ranked: list[RoleMatch], limit: int, lang: str = "en") -> str:
    """The text of ``datacareers match``: the best roles, the first few with their gap."""
    with using(lang):
        data = match_json(store, ranked, limit, lang)
        lines = [_("The curated roles by how much of their essential skills the text covers "
                   "(a skill of the same group counts half):"), ""]
        for i, role in enumerate(data["roles"], 1):
            lines.append(f"{i:>2}. " + _("{role}   covers {pct} (gap {gap})").format(
                role=role["label"], pct=percent(role["covers"], lang), gap=number(round(role["gap"], 2))))
            if i <= DETAILED and role["missing"]:
                more = len(role["missing"]) - SHOWN_SKILLS
                lines.append("      " + _("to learn: {skills}").format(
                    skills=", ".join(s["label"] for s in role["missing"][:SHOWN_SKILLS])
                    + (" " + _("and {n} more").format(n=more) if more > 0 else "")))
    return "\n".join(lines).rstrip() + "\n"
