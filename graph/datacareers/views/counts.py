"""How many skills and moves each role has (``datacareers roles``), without NetworkX.

Kept apart from :mod:`datacareers.views.network` so listing roles does not pay for
importing NetworkX (0.2 s of a cold start).

>>> from datacareers.constants import ROLE
>>> from datacareers.store.shipped import shipped_store
>>> role_counts(shipped_store(), [ROLE["data-analyst"]])[ROLE["data-analyst"]]["skills"] > 10
True
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, ROLE, SKOS, SOURCE
from datacareers.labels import pick_label
from datacareers.store.walk import all_roles

_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_SKILL_PREDICATES = (CAREER["essentialSkill"], CAREER["optionalSkill"], CAREER["requiresSkill"])


#: Up to this many roles, :func:`role_counts` looks each one up; beyond, it counts for
#: every role at once.
FEW_ROLES = 200

_COUNT_QUERIES = {
    # A UNION of the three patterns ran 30% faster than VALUES over the predicate.
    "skills": _PROLOGUE + """SELECT ?role (COUNT(DISTINCT ?skill) AS ?n) WHERE {
      { ?role career:requiresSkill ?skill } UNION { ?role career:essentialSkill ?skill }
      UNION { ?role career:optionalSkill ?skill } } GROUP BY ?role""",
    "moves_out": _PROLOGUE + """SELECT ?role (COUNT(DISTINCT ?next) AS ?n) WHERE {
      ?role career:canBecome ?next } GROUP BY ?role""",
    "moves_in": _PROLOGUE + """SELECT ?role (COUNT(DISTINCT ?previous) AS ?n) WHERE {
      ?previous career:canBecome ?role } GROUP BY ?role""",
}


def role_counts(store: Store, roles) -> dict[str, dict[str, int]]:
    """For each of *roles*: how many skills, distinct next roles and distinct previous
    roles it has, over every graph.

    A few roles are looked up one by one; many (``roles --all`` after full imports:
    5,600 roles, 430,000 skill and move links) are counted in three aggregate queries,
    each one pass over the skill or move links inside the engine, with no per-link
    Python object.

    """
    roles = list(roles)
    if len(roles) <= FEW_ROLES:
        return {role: _counts_of(store, role) for role in roles}
    counts = {role: {"skills": 0, "moves_out": 0, "moves_in": 0} for role in roles}
    for key, query in _COUNT_QUERIES.items():
        for row in store.query(query, use_default_graph_as_union=True):
            row_counts = counts.get(row["role"].value)
            if row_counts is not None:
                row_counts[key] = int(row["n"].value)
    return counts


def _counts_of(store: Store, role: str) -> dict[str, int]:
    here = NamedNode(role)
    skills = {q.object.value for p in _SKILL_PREDICATES
              for q in store.quads_for_pattern(here, NamedNode(p), None, None)}
    move = NamedNode(CAREER["canBecome"])
    out = {q.object.value for q in store.quads_for_pattern(here, move, None, None)}
    into = {q.subject.value for q in store.quads_for_pattern(None, move, here, None)}
    return {"skills": len(skills), "moves_out": len(out), "moves_in": len(into)}


def role_labels(store: Store, roles: list[str]) -> dict[str, dict[str, str]]:
    """Each role's preferred labels by language: looked up one by one for a few roles,
    read in one query for many (``roles --all`` after full imports: 5,600 roles)."""
    pref = NamedNode(SKOS + "prefLabel")
    if len(roles) <= FEW_ROLES:
        return {role: {q.object.language or "": q.object.value
                       for q in store.quads_for_pattern(NamedNode(role), pref, None)}
                for role in roles}
    labels: dict[str, dict[str, str]] = {}
    query = f"SELECT ?role ?label WHERE {{ ?role a <{CAREER['Role']}> ; <{pref.value}> ?label }}"
    for row in store.query(query, use_default_graph_as_union=True):
        if isinstance(row["label"], Literal):
            labels.setdefault(row["role"].value, {})[row["label"].language or ""] = row["label"].value
    return labels


def role_rows(store: Store, lang: str, include_imported: bool = False) -> list[dict]:
    """One record per curated role (every role an import brought too, with
    *include_imported*), sorted by name in *lang*: ``id``, ``slug``, ``label`` and its
    counts (``skills``, ``moves_out``, ``moves_in``): what ``datacareers roles`` lists.

    >>> from datacareers.store.shipped import shipped_store
    >>> [r["label"] for r in role_rows(shipped_store(), "fr") if r["slug"] in ("data-scientist", "statistician")]
    ['data scientist', 'statisticien']
    """
    roles = all_roles(store) if include_imported else all_roles(store, SOURCE["curated"])
    counts = role_counts(store, roles)
    labels = role_labels(store, roles)
    rows = [{"id": role, "slug": role[len(ROLE):] if role.startswith(ROLE) else role,
             "label": pick_label(labels.get(role, {}), lang, role), **counts[role]} for role in roles]
    return sorted(rows, key=lambda r: r["label"].casefold())
