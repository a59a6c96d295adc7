"""The graph the path finder (``path.html``) walks in the browser, as plain JSON-ready data.

Python decides what a move is and what it costs (:mod:`datacareers.views.paths`): each move
carries its evidence per source (stated, related, inferred), the source's rank, the
similarity or the model's probability of an inferred move, and the CLI's own step cost
with every kind of evidence allowed (``cost``);
each role its skills, essential skills and skill groups; ``weights`` the evidence weights.
The page's one cost function (``stepCost`` in ``assets/path.js``) recomputes the same
cost: evidence weight + skill gap with half credit through skill groups, and the test
checks both agree. Skills, groups and sources are listed once and referred to by number.

*starts* are the occupations a path may start from (the shipped ROME fiches, with their job
titles): listed after the roles as ``occupations`` ``[slug, label, [other titles]]``, their
moves (into other starts or into the roles) in ``entryMoves`` as arrays ``[from, to,
[source, kind, ...], rank, outOf, similarity, probability, cost]``, a third of the size of
a move object; ``assets/path.js`` unpacks them into nodes without skills and moves.
``escoStarts`` are the ESCO occupations named like a start, ``[start, [names], [skills]]``:
their preferred names find the start too, and hold their essential skills (as ``path``
does). ``matcher`` is the skill recognition of ``--have-text`` (:mod:`datacareers.store.textskills`):
each folded label with its skill numbers, and the heads matched by exact spelling.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.constants import ROLE
>>> data = path_data(shipped_store(), [ROLE["data-analyst"], ROLE["data-scientist"]], "fr")
>>> [r["slug"] for r in data["roles"]]
['data-analyst', 'data-scientist']
>>> [(m["evidence"], m["probability"]) for m in data["moves"] if (m["from"], m["to"]) == (0, 1)]
[(['inferred'], 0.361)]
>>> data["weights"]
{'stated': 1.0, 'related': 1.5, 'inferred': 2.0}
>>> from datacareers.constants import BASE_IRI
>>> starts = [BASE_IRI + "rome/M1203", BASE_IRI + "rome/M1201"]  # comptable, analyste financier
>>> data = path_data(shipped_store(), [ROLE["data-analyst"]], "fr", starts=starts)
>>> [o[:2] for o in data["occupations"]]
[['M1201', 'Analyste financier / Analyste financière'], ['M1203', 'Comptable']]
>>> sorted(tuple(m[:2]) for m in data["entryMoves"])  # comptable -> analyste -> data analyst
[(1, 0), (2, 1)]
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Store

from datacareers.constants import PREFIXES, SOURCE
from datacareers.labels import local_name, pick_label
from datacareers.skillgap import PARTIAL_CREDIT
from datacareers.store.resolve import TITLE_LINKS, essential_skills
from datacareers.store.textskills import MAX_BYTES, TextMatcher
from datacareers.views.describe import label_map, salaries
from datacareers.views.moves import EVIDENCE, INFERRED_FLOOR, WEIGHT, evidence_items, evidence_weight, strongest
from datacareers.views.paths import Constraints, Search

#: Evidence kinds, strongest first (the order ``stepCost`` picks the strongest allowed one in).
EVIDENCE_KINDS = tuple(EVIDENCE)


def _pay(store: Store, roles: list[str], seniority: dict[str, str] | None) -> dict[str, list[dict]]:
    return {role: [{"level": (seniority or {}).get(e["seniority"] or "", e["seniority"] or ""),
                    "key": e["seniority"] or "", "currency": e["currency"], "min": e["min"], "max": e["max"]}
                   for e in entries if e["period"] == "P1Y" and e["min"] is not None]
            for role, entries in salaries(store, roles).items()}


def _titles(store: Store, occupation: str) -> list[str]:
    """Every French or English name of *occupation* (ROME appellations), sorted."""
    return sorted({q.object.value for p in ("prefLabel", "altLabel")
                   for q in store.quads_for_pattern(NamedNode(occupation), NamedNode(PREFIXES["skos"] + p), None)})


def _esco_starts(store: Store, role_index: dict[str, int], skill_index: dict[str, int]) -> list[list]:
    """``[fiche, [preferred labels], [essential skills]]`` of each ESCO occupation named like a
    start (``source:esco-rome-titles``): picking one of its names holds its skills."""
    out = []
    for quad in sorted(store.quads_for_pattern(None, NamedNode(PREFIXES["skos"] + "closeMatch"), None,
                                               NamedNode(TITLE_LINKS)), key=lambda q: q.subject.value):
        fiche = role_index.get(quad.object.value)
        if fiche is None:
            continue
        names = sorted({q.object.value for q in store.quads_for_pattern(
            quad.subject, NamedNode(PREFIXES["skos"] + "prefLabel"), None, NamedNode(SOURCE["esco-1.1.1"]))})
        skills = sorted(skill_index[s] for s in essential_skills(store, [quad.subject.value]) if s in skill_index)
        out.append([fiche, names, skills])
    return out


def _matcher(matcher: TextMatcher, skill_index: dict[str, int]) -> dict:
    return {"phrases": sorted([" ".join(words), sorted(skill_index[s] for s in skills)]
                              for words, skills in matcher.phrases.items()),
            "heads": {head: sorted(skill_index[s] for s in skills) for head, skills in sorted(matcher.heads.items())}}


def path_data(store: Store, roles: list[str], lang: str, names: dict[str, list[str]] | None = None,
              seniority: dict[str, str] | None = None, slugs: dict[str, str] | None = None,
              starts: list[str] = ()) -> dict:
    """Roles (slug, label, search names, skill numbers, annual pay), skills (label, groups),
    sources, evidence weights and moves (from, to, evidence, sources, rank, cost) among *roles*,
    then the *starts*, their moves and the text matcher (see above).
    *slugs* are the site's addresses of the roles (their local names by default)."""

    def _slug(iri: str) -> str:
        return (slugs or {}).get(iri) or local_name(iri)

    search = Search(store, Constraints())
    chosen = sorted(set(roles), key=_slug)
    starting = sorted(set(starts) - set(chosen), key=_slug)
    members = set(chosen) | set(starting)
    profiles = {r: search.profiles[r] for r in chosen}
    matcher = TextMatcher(store)
    every_skill = sorted({s for p in profiles.values() for s in p["skills"]}
                         | {s for found in [*matcher.phrases.values(), *matcher.heads.values()] for s in found})
    skill_names = label_map(store, every_skill, lang)
    every_group = sorted({g for s in every_skill for g in search.profiles.groups(s)})
    group_index = {g: i for i, g in enumerate(every_group)}
    skill_index = {s: i for i, s in enumerate(every_skill)}
    role_index = {r: i for i, r in enumerate(chosen + starting)}
    found = {(u, v): sources for u in chosen + starting for v, sources in search.moves.out_of(u).items()
             if v in members}
    source_list = sorted({g for sources in found.values() for g in sources})
    source_index = {s: i for i, s in enumerate(source_list)}
    pay = _pay(store, chosen, seniority)
    out_roles = [{
        "slug": _slug(r), "label": pick_label(profiles[r]["labels"], lang, _slug(r)),
        "names": (names or {}).get(r, sorted(set(profiles[r]["labels"].values()))),
        "skills": sorted(skill_index[s] for s in profiles[r]["skills"]),
        "essential": sorted(skill_index[s] for s in profiles[r]["essential"]),
        "pay": pay[r],
    } for r in chosen]
    moves, entry_moves = [], []
    for (u, v), sources in sorted(found.items(), key=lambda kv: (role_index[kv[0][0]], role_index[kv[0][1]])):
        gap = search.step_gap(u, v)
        items = evidence_items(store, search.moves.aliases, u, v, sources)
        ranked = [i for i in items if i["rank"]]
        similar = [i["similarity"] for i in items if i["similarity"] is not None]
        likely = [i["probability"] for i in items if i["probability"] is not None and i["evidence"] == "inferred"]
        probability = max(likely) if likely else None
        evidence = strongest(sources.values())
        (entry_moves if u in starting else moves).append({
            "from": role_index[u], "to": role_index[v],
            "evidence": [k for k in EVIDENCE_KINDS if k in sources.values()],
            "sources": [[source_index[g], EVIDENCE_KINDS.index(k)] for g, k in sorted(sources.items())],
            "rank": ranked[0]["rank"] if ranked else None, "outOf": ranked[0]["out_of"] if ranked else None,
            "similarity": max(similar) if similar else None, "probability": probability,
            "cost": round(evidence_weight(evidence, probability if evidence == "inferred" else None)
                          + (1.0 if gap is None else gap), 4),
        })
    return {
        "roles": out_roles,
        "skills": [{"id": local_name(s), "label": skill_names[s],
                    "groups": [group_index[g] for g in search.profiles.groups(s)]} for s in every_skill],
        "sources": [{"short": local_name(s)} for s in source_list],
        "weights": dict(WEIGHT), "inferredFloor": INFERRED_FLOOR, "partialCredit": PARTIAL_CREDIT,
        "moves": moves,
        "occupations": [[_slug(o), pick_label(search.profiles[o]["labels"], lang, _slug(o)),
                         [t for t in _titles(store, o) if t != pick_label(search.profiles[o]["labels"], lang, "")]]
                        for o in starting],
        "entryMoves": [[m["from"], m["to"], [x for pair in m["sources"] for x in pair], m["rank"] or 0,
                        m["outOf"] or 0, m["similarity"], m["probability"], m["cost"]] for m in entry_moves],
        "escoStarts": _esco_starts(store, role_index, skill_index) if starting else [],
        "matcher": _matcher(matcher, skill_index), "maxText": MAX_BYTES,
        "evidence": [k for k in EVIDENCE_KINDS if any(k in m["evidence"] for m in moves + entry_moves)],
    }
