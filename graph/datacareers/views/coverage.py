"""Which facets the graph gives each role, and from which named graphs: the columns of
``datacareers roles --facets`` and the table of ``docs/coverage.md`` (scripts/coverage.py).

>>> from pyoxigraph import Store
>>> [key for key, _title in FACETS][:4]
['definition', 'missions', 'skills', 'tools']
>>> role_coverage(Store(), "https://w3id.org/datacareers/role/nobody")["skills"]
[]
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Store

from datacareers.i18n import N_, _
from datacareers.labels import local_name
from datacareers.views.describe import role_facts, role_texts
from datacareers.views.french import french_figures
from datacareers.views.profile import read_through
from datacareers.views.profile_text import is_distribution

#: The facets, in the order they are shown, each with its (translatable) column title.
FACETS = [
    ("definition", N_("definition")), ("missions", N_("missions")), ("skills", N_("skills")),
    ("tools", N_("tools")), ("salaries", N_("salary ranges")), ("pay", N_("pay percentiles")),
    ("pay_fr", N_("net pay (France)")), ("outlook", N_("outlook")),
    ("tension", N_("hiring tension (France)")), ("education", N_("education")), ("tasks", N_("tasks")),
    ("job_titles", N_("job titles")), ("sectors", N_("sectors")), ("employers", N_("employers")),
    ("managed_by", N_("managers")), ("works_with", N_("collaborators")), ("moves_to", N_("moves")),
]


def facet_titles() -> list[str]:
    """The column titles, in the active language."""
    return [_(title) for _key, title in FACETS]


def _sources(items: Iterable[dict]) -> list[str]:
    found: set[str] = set()
    for item in items:
        found.update(item.get("sources") or [])
        if item.get("source"):
            found.add(item["source"])
    return sorted(local_name(s) for s in found)


def role_coverage(store: Store, role: str, lang: str = "en") -> dict[str, list[str]]:
    """Facet -> the short names of the named graphs that give it for *role* ([] when none)."""
    facts = role_facts(store, role, lang)
    texts = role_texts(store, role, lang)
    french = facts.get("french") or french_figures(store, role, lang, read_through(store, role, lang))
    tools = {t["id"] for t in facts["tools"]}
    items = {
        "definition": texts["definition"], "missions": texts["missions"],
        "skills": [s for s in facts["skills"] if s["id"] not in tools],
        "salaries": [s for s in facts["salaries"] if not is_distribution(s)],
        "pay": [s for s in facts["salaries"] if is_distribution(s) and s.get("soc_code")],
        "pay_fr": [p for p in french["pay_fr"] if p["median"] is not None],
        "tension": [t for t in french["tension"] if t["place"]["level"] == "national" and t["category"]],
        # job titles as a release gives them (the curated alternative labels are ours)
        "job_titles": [dict(t, sources=[s for s in t["sources"] if local_name(s) != "curated"])
                       for t in facts["job_titles"]],
    }
    return {key: _sources(items[key] if key in items else facts[key]) for key, _title in FACETS}


def coverage(store: Store, roles: Iterable[str], lang: str = "en") -> dict[str, dict[str, list[str]]]:
    """:func:`role_coverage` of each role."""
    return {role: role_coverage(store, role, lang) for role in roles}
