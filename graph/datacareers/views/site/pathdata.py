"""The graph the path finder (``path.html``) walks in the browser, as plain JSON-ready data.

Python decides what a move is and what it costs today (:mod:`datacareers.views.paths`):
each move carries its evidence, sources, rank and the CLI's own step cost (``cost``); each
role its skills and essential skills, so the page's one cost function
(``stepCost`` in ``assets/path.js``) recomputes the same cost, and the test checks both
agree. Skills and sources are listed once and referred to by number, to keep pages small.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.constants import ROLE
>>> data = path_data(shipped_store(), [ROLE["data-analyst"], ROLE["chief-data-officer"]], "fr")
>>> [r["slug"] for r in data["roles"]], [(m["from"], m["to"], m["evidence"]) for m in data["moves"]]
(['chief-data-officer', 'data-analyst'], [(1, 0, ['stated'])])
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.labels import local_name, pick_label
from datacareers.views.describe import label_map, salaries
from datacareers.views.network import role_graph
from datacareers.views.paths import skill_gap, step_cost

#: Evidence kinds, strongest first. Today every ``career:canBecome`` is a move a source
#: states; related (O*NET Related Occupations) and inferred (shared skills) moves will
#: come as ``career:Transition`` nodes with their kind.
EVIDENCE_KINDS = ("stated", "related", "inferred")


def _slug(iri: str) -> str:
    return local_name(iri)


def path_data(store: Store, roles: list[str], lang: str, names: dict[str, list[str]] | None = None,
              seniority: dict[str, str] | None = None) -> dict:
    """Roles (slug, label, search names, skill numbers, annual pay), skills (label), sources
    and moves (from, to, evidence, sources, rank, cost) among *roles*."""
    chosen = sorted(set(roles), key=_slug)
    graph = role_graph(store, include=set(chosen).__contains__, ranks=True).subgraph(chosen)
    every_skill = sorted({s for r in chosen for s in graph.nodes[r]["skills"]})
    skill_names = label_map(store, every_skill, lang)
    skill_index = {s: i for i, s in enumerate(every_skill)}
    role_index = {r: i for i, r in enumerate(chosen)}
    sources = sorted({g for _, _, d in graph.edges(data=True) for g in d["sources"]})
    source_index = {s: i for i, s in enumerate(sources)}
    pay = salaries(store, chosen)
    out_roles = []
    for role in chosen:
        data = graph.nodes[role]
        out_roles.append({
            "slug": _slug(role), "iri": role, "label": pick_label(data["labels"], lang, _slug(role)),
            "names": (names or {}).get(role, sorted(set(data["labels"].values()))),
            "skills": sorted(skill_index[s] for s in data["skills"]),
            "essential": sorted(skill_index[s] for s in data["essential"]),
            "pay": [{"level": (seniority or {}).get(e["seniority"] or "", e["seniority"] or ""),
                     "key": e["seniority"] or "", "currency": e["currency"], "min": e["min"], "max": e["max"]}
                    for e in pay[role] if e["period"] == "P1Y" and e["min"] is not None],
        })
    moves = []
    for u, v in sorted(graph.edges, key=lambda e: (role_index[e[0]], role_index[e[1]])):
        data = graph.edges[u, v]
        gap = skill_gap(graph, u, v)
        moves.append({"from": role_index[u], "to": role_index[v], "evidence": ["stated"],
                      "sources": sorted(source_index[g] for g in data["sources"]), "rank": data.get("rank"),
                      "cost": round(step_cost(graph, u, v), 6), "gap": None if gap is None else round(gap, 6)})
    return {
        "roles": out_roles,
        "skills": [{"id": local_name(s), "label": skill_names[s]} for s in every_skill],
        "sources": [{"short": local_name(s)} for s in sources],
        "moves": moves,
        "evidence": [k for k in EVIDENCE_KINDS if any(k in m["evidence"] for m in moves)],
    }
