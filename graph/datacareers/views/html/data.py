"""What the HTML view draws and explains, as plain JSON-ready data (one function per part).

:func:`view_data` chooses the nodes (the whole graph, a role's neighbourhood, or the
highlighted paths and what surrounds them), then builds the drawn ``nodes`` and
``edges`` and the ``details`` shown when a node is clicked, each fact with its sources.

>>> from datacareers.store.shipped import shipped_store
>>> data = view_data(shipped_store(), focus="data-analyst", depth=0)
>>> [n["id"] for n in data["nodes"]]
['https://w3id.org/datacareers/role/data-analyst']
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from pyoxigraph import Literal, Store

from datacareers.constants import CAREER, PREFIXES
from datacareers.errors import BadInputError
from datacareers.i18n import LANGS, active, using
from datacareers.labels import local_name, pick_label
from datacareers.store.resolve import resolve_role
from datacareers.views.describe import education, salaries
from datacareers.views.html.layout import same_layout
from datacareers.views.html.profile import profile_details
from datacareers.views.html.select import MAX_FOCUS_NODES, Selection, select
from datacareers.views.html.style import EDGE_STYLES, NODE_STYLES
from datacareers.views.html.words import page_words
from datacareers.views.network import full_graph
from datacareers.views.subset import curated_roles, drawable_subset, is_large
from datacareers.views.survey import share_note

#: Above this many nodes the layout is computed in Python and physics stays off.
LARGE_GRAPH = 1000

#: Above this many nodes a whole-graph view opens on the career map (skills unticked).
READABLE = 150

#: Physics iterations before the view freezes (small graphs only).
STABILIZATION_ITERATIONS = 300

#: Spacing of the highlighted path steps (vis-network canvas units).
PATH_STEP_X, PATH_ROW_Y = 320.0, 220.0

_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

LABELS_QUERY = _PROLOGUE + """
SELECT ?n ?p ?l WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel rdfs:label }
  ?n ?p ?l .
}"""

TEXTS_QUERY = _PROLOGUE + """
SELECT ?n ?p ?v ?g WHERE {
  VALUES ?p { skos:definition career:mission }
  GRAPH ?g { ?n ?p ?v }
}"""

TYPED_IN_QUERY = _PROLOGUE + """
SELECT DISTINCT ?n ?g WHERE {
  VALUES ?c { career:Role career:Skill career:Sector career:EmployerType }
  GRAPH ?g { ?n a ?c }
}"""

SOURCES_QUERY = _PROLOGUE + """
SELECT ?s ?t WHERE { ?s a career:Source . OPTIONAL { ?s dcterms:title ?t } }"""


def short_label(text: str, width: int = 18, max_lines: int = 2) -> str:
    """Wrap *text* on word boundaries into at most *max_lines* lines of ~*width* chars.

    >>> short_label("ingénieur machine learning")
    'ingénieur machine\\nlearning'
    >>> short_label("a very long label that goes on and on and on", 10, 2)
    'a very\\nlong label…'
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        if len(word) > width:
            word = word[: width - 1] + "…"
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return "\n".join(lines)


@dataclass
class Sources:
    """Source graphs numbered in order of first use (the page refers to them by number)."""

    ids: dict[str, int] = field(default_factory=dict)

    def __call__(self, iri: str) -> int:
        return self.ids.setdefault(iri, len(self.ids))

    def listing(self, store: Store, lang: str) -> list[dict]:
        titles: dict[str, dict[str, str]] = defaultdict(dict)
        for row in store.query(SOURCES_QUERY, use_default_graph_as_union=True):
            if row["t"] is not None:
                titles[row["s"].value].setdefault(row["t"].language or "", row["t"].value)
        return [{"id": i, "iri": iri, "short": local_name(iri),
                 "title": pick_label(titles.get(iri, {}), lang, local_name(iri))}
                for iri, i in sorted(self.ids.items(), key=lambda kv: kv[1])]


@dataclass
class Names:
    """Every node's preferred labels (``rdfs:label`` as a fallback) and searchable names."""

    pref: dict[str, dict[str, str]]
    fallback: dict[str, dict[str, str]]
    search: dict[str, list[str]]
    lang: str

    @classmethod
    def read(cls, store: Store, graph: nx.MultiDiGraph, lang: str) -> Names:
        pref: dict[str, dict[str, str]] = defaultdict(dict)
        fallback: dict[str, dict[str, str]] = defaultdict(dict)
        search: dict[str, list[str]] = defaultdict(list)
        for row in store.query(LABELS_QUERY, use_default_graph_as_union=True):
            node, literal, predicate = row["n"].value, row["l"], row["p"].value
            if predicate == PREFIXES["rdfs"] + "label":
                fallback[node].setdefault(literal.language or "", literal.value)
                continue
            if predicate == PREFIXES["skos"] + "prefLabel":
                pref[node].setdefault(literal.language or "", literal.value)
            if node in graph and literal.value not in search[node]:
                search[node].append(literal.value)
        return cls(pref, fallback, search, lang)

    def __call__(self, iri: str) -> str:
        return pick_label(self.pref.get(iri) or self.fallback.get(iri, {}), self.lang, local_name(iri))


def _group(attrs: dict) -> str:
    if attrs["kind"] == "skill":
        kind = attrs.get("skill_kind")
        return f"skill-{kind}" if f"skill-{kind}" in NODE_STYLES else "skill"
    return attrs["kind"]


def _role_sizes(sub, roles: list[str]) -> dict[str, float]:
    """Node size per role from betweenness (plus a little degree) among the drawn roles' moves."""
    moves = nx.Graph()
    moves.add_nodes_from(roles)
    moves.add_edges_from((u, v) for u, v, rel in sub.edges(keys=True)
                         if rel == "canBecome" and u in moves and v in moves)
    if moves.number_of_nodes() == 0:
        return {}
    k = None if moves.number_of_nodes() <= 400 else 150
    between = nx.betweenness_centrality(moves, k=k, seed=7)
    degree = nx.degree_centrality(moves) if moves.number_of_nodes() > 1 else {}
    score = {r: 0.75 * between.get(r, 0.0) + 0.25 * degree.get(r, 0.0) for r in roles}
    top = max(score.values(), default=0.0) or 1.0
    return {r: round(14 + 26 * math.sqrt(s / top), 1) for r, s in score.items()}


def texts(store: Store, sub, sources: Sources) -> dict[str, dict[str, dict[str, list]]]:
    """Definitions (``def``) and missions (``mis``) per node, by language, each with its sources."""
    found: dict[str, dict[str, dict[str, list]]] = defaultdict(
        lambda: {"def": defaultdict(list), "mis": defaultdict(list)})
    for row in store.query(TEXTS_QUERY):
        node = row["n"].value
        if node not in sub or not isinstance(row["v"], Literal):
            continue
        which = "def" if row["p"].value.endswith("definition") else "mis"
        bucket = found[node][which][row["v"].language or ""]
        value = row["v"].value
        for item in bucket:
            if item[0] == value:
                item[1].append(sources(row["g"].value))
                break
        else:
            bucket.append([value, [sources(row["g"].value)]])
    return found


def salary_details(store: Store, roles: list[str], names: Names, sources: Sources) -> dict[str, list[dict]]:
    """Each role's salary ranges as the detail panel shows them."""
    out: dict[str, list[dict]] = {}
    for role, entries in salaries(store, roles).items():
        entries = [e for e in entries if e["min"] is not None or e["max"] is not None]
        if entries:
            out[role] = [{
                "sen": names(CAREER[e["seniority"]]) if e["seniority"] else None,
                "min": e["min"], "max": e["max"], "cur": e["currency"], "dur": e["period"],
                "year": e["year"], "gross": e["gross"], "note": pick_label(e["notes"], active(), "") or None,
                "src": sorted({sources(e["source"])} | ({sources(e["cited"])} if e["cited"] else set())),
            } for e in entries]
    return out


def education_details(store: Store, roles: list[str], lang: str, sources: Sources) -> dict[str, list[dict]]:
    """Each role's education requirements as the detail panel shows them."""
    return {role: [{"text": pick_label(e["texts"], lang, ""), "eqf": e["eqf_level"], "share": share_note(e),
                    "entry": e["entry_level"], "exp": pick_label(e["work_experience"], lang, "") or None,
                    "src": sorted(sources(g) for g in e["sources"])} for e in entries]
            for role, entries in education(store, roles).items() if entries}


def links(graph: nx.MultiDiGraph, sub, names: Names, sources: Sources) -> dict[str, dict[str, list]]:
    """Links by relation and direction (``rel>`` out, ``rel<`` in), read from the whole graph
    so a focused view still explains what lies outside it."""
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, o, rel, data in graph.edges(keys=True, data=True):
        srcs = sorted(sources(g) for g in data["sources"])
        if s in sub:
            found[s][rel + ">"].append([o, names(o), _group(graph.nodes[o]), srcs])
        if o in sub:
            found[o][rel + "<"].append([s, names(s), _group(graph.nodes[s]), srcs])
    return found


def node_sources(store: Store, sub, sources: Sources) -> dict[str, set[int]]:
    """The sources that type each node or state one of its drawn links."""
    found: dict[str, set[int]] = defaultdict(set)
    for row in store.query(TYPED_IN_QUERY):
        if row["n"].value in sub:
            found[row["n"].value].add(sources(row["g"].value))
    for s, o, _rel, data in sub.edges(keys=True, data=True):
        for g in data["sources"]:
            found[s].add(sources(g))
            found[o].add(sources(g))
    return found


def positions(store: Store, chosen: Selection) -> tuple[dict[str, tuple[float, float]], bool]:
    """Fixed node positions: path steps in rows, left to right (path A on top); the whole
    layout computed here when the graph is too large for physics in the page."""
    large = chosen.sub.number_of_nodes() > LARGE_GRAPH
    placed = dict(same_layout(nx.Graph(chosen.sub.to_undirected(as_view=True)))) if large else {}
    column: dict[str, int] = {}
    row: dict[str, int] = {}
    for number, path in enumerate(chosen.paths):
        for i, role in enumerate(path):
            # a role on several paths keeps the row of the first and the furthest column,
            # so every path still reads left to right when they have different lengths
            column[role] = max(column.get(role, 0), i)
            row.setdefault(role, number)
    for role in column:
        placed[role] = (column[role] * PATH_STEP_X, (row[role] - (len(chosen.paths) - 1) / 2) * PATH_ROW_Y)
    return placed, large


def nodes(store: Store, chosen: Selection, names: Names, words: dict, definitions, sources_of,
          placed) -> list[dict]:
    """The drawn nodes: label, kind, size, sources, search names, tooltip, position, path marks."""
    graph = chosen.sub
    sizes = _role_sizes(graph, [n for n, a in graph.nodes(data=True) if a["kind"] == "role"])
    pinned = {r for p in chosen.paths for r in p}
    out = []
    for node in sorted(graph, key=lambda n: (graph.nodes[n]["kind"] != "role", names(n))):
        attrs, group, full = graph.nodes[node], _group(graph.nodes[node]), names(node)
        tooltip = f"{full}\n{words['kind'][group]}"
        if definitions.get(node):
            first = definitions[node][0][0]
            tooltip += "\n" + (first if len(first) <= 180 else first[:179] + "…")
        item = {
            "id": node, "label": short_label(full), "full": full, "kind": group,
            "size": sizes.get(node, 14) if attrs["kind"] == "role" else 10,
            "src": sorted(sources_of.get(node, set())), "names": names.search.get(node, [full]),
            "title": tooltip + f"\n({words['clickHint']})",
        }
        if node in placed:
            item["x"], item["y"] = placed[node]
        if node in pinned:
            item["pinned"] = True
        if node in chosen.steps:
            item["step"] = ", ".join(chosen.steps[node])
        elif chosen.paths:
            item["dim"] = True
        if node == chosen.focus:
            item["focus"] = True
        out.append(item)
    return out


def edges(chosen: Selection, sources: Sources) -> list[dict]:
    """The drawn edges, path moves marked and the rest dimmed when paths are shown."""
    out = []
    ordered = sorted(chosen.sub.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for number, (s, o, rel, data) in enumerate(ordered):
        item = {"id": f"e{number}", "from": s, "to": o, "rel": rel,
                "src": sorted(sources(g) for g in data["sources"])}
        if chosen.paths:
            if (s, o) in chosen.path_edges and rel == "canBecome":
                item["path"] = True
            else:
                item["dim"] = True
        out.append(item)
    drawn = {(e["from"], e["to"]) for e in out if e.get("path")}
    for s, o in sorted(chosen.path_edges - drawn):  # a step no canBecome edge states is still drawn
        out.append({"id": f"e{len(out)}", "from": s, "to": o, "rel": "canBecome", "src": [], "path": True})
    return out


def _drawable_part(store: Store, focus: str | None, depth: int, paths: list[list[str]] | None):
    """On a big dataset (after imports), the part the view will draw, as a small store."""
    if focus is not None:
        focus = resolve_role(store, focus)
        return drawable_subset(store, [focus], depth), focus
    if paths:
        return drawable_subset(store, {r for p in paths for r in p}, 1), None
    return drawable_subset(store, curated_roles(store), 1), None


def view_data(store: Store, *, lang: str = "en", focus: str | None = None, depth: int = 1,
              highlight_paths: list[list[str]] | None = None, title: str | None = None,
              path_steps: list[list[dict]] | None = None, max_nodes: int = MAX_FOCUS_NODES) -> dict:
    """Everything the page draws and explains, as plain JSON-ready data."""
    if lang not in LANGS:
        raise BadInputError(f"language {lang!r} not supported; use one of {', '.join(LANGS)}")
    if not isinstance(depth, int) or depth < 0:
        raise BadInputError(f"depth must be a whole number >= 0, not {depth!r}")
    whole = store  # the profile facets read the mappings they came through from the whole store
    if is_large(store):
        store, focus = _drawable_part(store, focus, depth, highlight_paths)
    graph = full_graph(store)
    with using(lang):
        words = page_words()
    chosen = select(store, graph, focus, depth, highlight_paths, max_nodes)
    names, sources = Names.read(store, graph, lang), Sources()
    sources_of = node_sources(store, chosen.sub, sources)
    text = texts(store, chosen.sub, sources)
    roles = sorted(n for n, a in chosen.sub.nodes(data=True) if a["kind"] == "role")
    curated = set(curated_roles(store))
    definitions = {n: pick_label(t["def"], lang, []) for n, t in text.items()}
    placed, large = positions(store, chosen)
    drawn = nodes(store, chosen, names, words, definitions, sources_of, placed)
    details = details_of(chosen, graph, names, sources, definitions, {
        "mis": {n: pick_label(t["mis"], lang, []) for n, t in text.items()},
        "sal": salary_details(store, roles, names, sources),
        "edu": education_details(store, roles, lang, sources),
        "prof": profile_details(whole, [r for r in roles if r in curated], lang, sources),
    })
    subtitle = ""
    if chosen.focus is not None:
        subtitle = words["focus"].replace("{label}", names(chosen.focus)).replace("{depth}", str(depth))
        if chosen.capped:
            subtitle += " — " + words["capped"].replace("{shown}", str(chosen.capped[0])).replace(
                "{total}", str(chosen.capped[1]))
    return {
        "lang": lang, "title": title or words["title"], "subtitle": subtitle, "i18n": words,
        "nodeStyles": NODE_STYLES, "edgeStyles": EDGE_STYLES,
        "nodes": drawn, "edges": edges(chosen, sources), "details": details,
        "sources": sources.listing(store, lang),
        "paths": [[{"id": r, "label": names(r), **step_note(path_steps, n, i)} for i, r in enumerate(p)]
                  for n, p in enumerate(chosen.paths)],
        "focus": chosen.focus,
        "capped": chosen.capped,
        "layout": {"fixed": large, "iterations": STABILIZATION_ITERATIONS},
        "initiallyOff": ([g for g in NODE_STYLES if g.startswith("skill")]
                         if chosen.focus is None and len(drawn) > READABLE else []),
    }


def step_note(path_steps: list[list[dict]] | None, path: int, index: int) -> dict:
    """What the step into role *index* of path *path* adds, costs and rests on (for the path panel)."""
    if not path_steps or index == 0 or path >= len(path_steps) or index > len(path_steps[path]):
        return {}
    step = path_steps[path][index - 1]
    skills = step.get("new_skills", [])
    return {"step": {
        "cost": step["cost"], "evidence": step["evidence"], "why": [w["text"] for w in step.get("why", [])],
        "essential": [s["label"] for s in skills if s.get("essential")],
        "optional": sum(1 for s in skills if not s.get("essential")),
    }}


def details_of(chosen: Selection, graph, names: Names, sources: Sources, definitions: dict,
               facts: dict[str, dict]) -> dict[str, dict]:
    """The detail panel of every drawn node: definition, missions, salaries, education, links."""
    linked = links(graph, chosen.sub, names, sources)
    out = {}
    for node in chosen.sub:
        detail: dict = {"iri": node}
        if definitions.get(node):
            detail["def"] = definitions[node]
        for key, values in facts.items():
            if values.get(node):
                detail[key] = values[node]
        if node in linked:
            detail["links"] = {k: sorted(v, key=lambda x: x[1].casefold()) for k, v in sorted(linked[node].items())}
        out[node] = detail
    return out
