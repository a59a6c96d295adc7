"""The HTML view: one self-contained page that works opened from disk, network off.

The page embeds vis-network (shipped inside the pyvis package) and its CSS inline, plus
the graph as JSON (``<``, ``>``, ``&`` escaped, so no label can close the script), and
asks no host for anything: a Content-Security-Policy forbids every fetch. Nodes are
coloured and shaped by kind, roles sized by betweenness in the role graph, edges styled
by relation; a legend doubles as the kind / relation / source filters; a search box
matches French and English preferred and alternative labels; clicking a node explains
it (definition, salaries, education, skills, managers, moves, sources), always as text.

Small graphs settle with a short physics run that then stops; large ones (more than
:data:`LARGE_GRAPH` nodes) are laid out here in pure Python and drawn with physics off.

>>> from datacareers.store.shipped import shipped_store
>>> html = render_html(shipped_store(), lang="en", focus="machine-learning-engineer", depth=1)
>>> "<script src=" in html, "vis.Network" in html
(False, True)
>>> data = view_data(shipped_store(), focus="data-analyst", depth=0)
>>> [n["id"] for n in data["nodes"]]
['https://w3id.org/datacareers/role/data-analyst']
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from pyoxigraph import Literal, Store

from datacareers.constants import PREFIXES
from datacareers.errors import BadInputError, UnknownRoleError
from datacareers.files import write_atomically
from datacareers.labels import pick_label
from datacareers.store.resolve import resolve_role
from datacareers.views.html.layout import cheap_layout
from datacareers.views.network import full_graph, role_graph
from datacareers.views.subset import LARGE_STORE, curated_roles, drawable_subset

LANGS = ("fr", "en")

#: Above this many nodes the layout is computed in Python and physics stays off.
LARGE_GRAPH = 1000

#: Above this many nodes a whole-graph view opens on the career map (skills unticked).
READABLE = 150

#: Physics iterations before the view freezes (small graphs only).
STABILIZATION_ITERATIONS = 300

TEMPLATE_FILE = Path(__file__).resolve().parent / "template.html"

_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

#: Node style by group (a node's kind, skills split by skill kind). Okabe-Ito colours,
#: and a distinct shape per kind so the legend still reads in grey.
NODE_STYLES: dict[str, dict[str, str]] = {
    "role": {"shape": "dot", "color": "#0072B2", "border": "#004a75"},
    "skill-hard": {"shape": "diamond", "color": "#D55E00", "border": "#8a3d00"},
    "skill-soft": {"shape": "diamond", "color": "#CC79A7", "border": "#8c4a70"},
    "skill-knowledge": {"shape": "diamond", "color": "#E69F00", "border": "#9a6a00"},
    "skill": {"shape": "diamond", "color": "#999999", "border": "#666666"},
    "sector": {"shape": "square", "color": "#009E73", "border": "#00664a"},
    "employer": {"shape": "triangle", "color": "#56B4E9", "border": "#2a7fb0"},
}

#: Spacing of the highlighted path steps (vis-network canvas units).
PATH_STEP_X, PATH_ROW_Y = 320.0, 220.0

#: Edge style by relation (the edge key of :func:`datacareers.views.network.full_graph`).
EDGE_STYLES: dict[str, dict] = {
    "canBecome": {"color": "#0072B2", "width": 2.5, "arrows": True, "dashes": False},
    "managedBy": {"color": "#6a3d9a", "width": 1.6, "arrows": True, "dashes": [10, 5]},
    "worksWith": {"color": "#009E73", "width": 1.6, "arrows": False, "dashes": [3, 4]},
    "essentialSkill": {"color": "#D55E00", "width": 1.4, "arrows": True, "dashes": False},
    "optionalSkill": {"color": "#D55E00", "width": 1.0, "arrows": True, "dashes": [5, 5]},
    "requiresSkill": {"color": "#999999", "width": 1.0, "arrows": True, "dashes": False},
    "inSector": {"color": "#7fbfa9", "width": 1.0, "arrows": True, "dashes": [2, 3]},
    "employedBy": {"color": "#8ec9ea", "width": 1.0, "arrows": True, "dashes": [7, 3]},
}

#: The words of the page, by language. ``{x}`` marks are filled in by the page.
I18N: dict[str, dict] = {
    "fr": {
        "title": "Métiers de la donnée",
        "search": "Chercher un métier, une compétence… (FR ou EN)",
        "searchLabel": "Recherche",
        "noMatch": "Aucun résultat pour « {q} ».",
        "legend": "Légende et filtres",
        "kinds": "Types de nœud",
        "relations": "Relations",
        "sources": "Sources",
        "kind": {
            "role": "métier", "skill-hard": "compétence technique",
            "skill-soft": "savoir-être", "skill-knowledge": "connaissance",
            "skill": "compétence", "sector": "secteur", "employer": "type d'employeur",
        },
        "rel": {
            "canBecome": "peut évoluer vers", "managedBy": "managé par",
            "worksWith": "travaille avec", "essentialSkill": "compétence essentielle",
            "optionalSkill": "compétence optionnelle", "requiresSkill": "compétence requise",
            "inSector": "dans le secteur", "employedBy": "employé par",
        },
        "sec": {
            "definition": "Définition", "missions": "Missions", "salaries": "Salaires",
            "education": "Formation", "skills": "Compétences", "managedBy": "Managé par",
            "manages": "Manage", "next": "Évolutions possibles", "prev": "Peut venir de",
            "worksWith": "Travaille avec", "sectors": "Secteurs", "employers": "Employeurs",
            "neededBy": "Demandée par", "roles": "Métiers", "sources": "Sources",
            "iri": "Identifiant",
        },
        "essential": "essentielle", "optional": "optionnelle",
        "seniority": "Niveau", "range": "Fourchette", "year": "Année",
        "perYear": "par an", "perMonth": "par mois", "gross": "brut",
        "eqf": "niveau CEC {n}",
        "noNode": "Aucun nœud ne correspond à ces filtres : {why}.",
        "noKind": "aucun type de nœud n'est coché",
        "noSource": "aucune source n'est cochée",
        "combo": "aucun nœud de type {kinds} dans {sources}",
        "noEdge": "aucun lien affiché (relations ou sources décochées)",
        "reset": "Réinitialiser les filtres",
        "status": "{n} nœuds · {m} liens affichés sur {N} · {M}",
        "hint": "Cliquez sur un nœud (ou cherchez-le) pour voir son détail : définition, "
                "salaires, formation, compétences, managers, évolutions et sources.",
        "settling": "Mise en place du graphe…",
        "fit": "Tout voir",
        "clickHint": "cliquer pour le détail",
        "path": "Parcours",
        "prev": "◀ Étape précédente",
        "nextStep": "Étape suivante ▶",
        "step": "Étape {i} sur {n}",
        "focus": "Autour de « {label} » (profondeur {depth})",
        "shownHidden": "Filtre réactivé pour afficher « {label} ».",
        "skillsHidden": "compétences masquées pour la lisibilité : cochez-les dans la légende",
    },
    "en": {
        "title": "Data careers",
        "search": "Search a role, a skill… (EN or FR)",
        "searchLabel": "Search",
        "noMatch": "No match for “{q}”.",
        "legend": "Legend and filters",
        "kinds": "Node kinds",
        "relations": "Relations",
        "sources": "Sources",
        "kind": {
            "role": "role", "skill-hard": "hard skill", "skill-soft": "soft skill",
            "skill-knowledge": "knowledge", "skill": "skill", "sector": "sector",
            "employer": "employer type",
        },
        "rel": {
            "canBecome": "can become", "managedBy": "managed by", "worksWith": "works with",
            "essentialSkill": "essential skill", "optionalSkill": "optional skill",
            "requiresSkill": "requires skill", "inSector": "in sector",
            "employedBy": "employed by",
        },
        "sec": {
            "definition": "Definition", "missions": "Missions", "salaries": "Salaries",
            "education": "Education", "skills": "Skills", "managedBy": "Managed by",
            "manages": "Manages", "next": "Next roles", "prev": "Can come from",
            "worksWith": "Works with", "sectors": "Sectors", "employers": "Employers",
            "neededBy": "Needed by", "roles": "Roles", "sources": "Sources",
            "iri": "Identifier",
        },
        "essential": "essential", "optional": "optional",
        "seniority": "Seniority", "range": "Range", "year": "Year",
        "perYear": "per year", "perMonth": "per month", "gross": "gross",
        "eqf": "EQF level {n}",
        "noNode": "No node matches these filters: {why}.",
        "noKind": "no node kind is ticked",
        "noSource": "no source is ticked",
        "combo": "no node of kind {kinds} in {sources}",
        "noEdge": "no link shown (relations or sources unticked)",
        "reset": "Reset filters",
        "status": "{n} nodes · {m} links shown of {N} · {M}",
        "hint": "Click a node (or search for it) to see its details: definition, salaries, "
                "education, skills, managers, next roles and sources.",
        "settling": "Laying out the graph…",
        "fit": "Fit",
        "clickHint": "click for details",
        "path": "Path",
        "prev": "◀ Previous step",
        "nextStep": "Next step ▶",
        "step": "Step {i} of {n}",
        "focus": "Around “{label}” (depth {depth})",
        "shownHidden": "Filter turned back on to show “{label}”.",
        "skillsHidden": "skills hidden to keep the map readable: tick them in the legend",
    },
}

# --------------------------------------------------------------------------- queries

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

SALARIES_QUERY = _PROLOGUE + """
SELECT ?role ?s ?g ?min ?max ?cur ?dur ?sen ?rank ?year ?gross ?src WHERE {
  GRAPH ?g { ?role career:salary ?s }
  OPTIONAL { ?s schema:minValue ?min }
  OPTIONAL { ?s schema:maxValue ?max }
  OPTIONAL { ?s schema:currency ?cur }
  OPTIONAL { ?s schema:duration ?dur }
  OPTIONAL { ?s career:seniority ?sen OPTIONAL { ?sen career:rank ?rank } }
  OPTIONAL { ?s career:year ?year }
  OPTIONAL { ?s career:gross ?gross }
  OPTIONAL { ?s dcterms:source ?src }
}"""

EDUCATION_QUERY = _PROLOGUE + """
SELECT ?role ?e ?g ?text ?eqf WHERE {
  GRAPH ?g { ?role career:education ?e }
  OPTIONAL { ?e career:levelText ?text }
  OPTIONAL { ?e career:eqfLevel ?eqf }
}"""

SOURCES_QUERY = _PROLOGUE + """
SELECT ?s ?t WHERE { ?s a career:Source . OPTIONAL { ?s dcterms:title ?t } }"""


# --------------------------------------------------------------------------- helpers


def short_label(text: str, width: int = 18, max_lines: int = 2) -> str:
    """Wrap *text* on word boundaries into at most *max_lines* lines of ~*width* chars.

    >>> short_label("ingénieur machine learning")
    'ingénieur machine\\nlearning'
    >>> short_label("a very long label that goes on and on and on", 10, 2)
    'a very\\nlong label…'
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
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


def json_for_script(obj) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028/9 escaped.

    >>> json_for_script({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's standalone JS and CSS, from the installed pyvis package."""

    base = Path(pyvis.__file__).resolve().parent
    for folder in (base / "templates" / "lib" / "vis-9.1.2", base / "lib" / "vis-9.1.2"):
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            break
    else:  # pragma: no cover - depends on the installed pyvis
        raise BadInputError(f"vis-network 9.1.2 not found inside pyvis ({base})")
    script = re.sub(r"//# sourceMappingURL=\S+", "", js.read_text(encoding="utf-8"))
    style = re.sub(r"/\*# sourceMappingURL=\S+ \*/", "", css.read_text(encoding="utf-8"))
    # Inline code must not be able to end its own element.
    script = re.sub(r"</(script)", r"<\\/\1", script, flags=re.IGNORECASE)
    style = re.sub(r"</(style)", r"<\\/\1", style, flags=re.IGNORECASE)
    return script, style


def _resolve_focus(store: Store, name: str, graph: nx.MultiDiGraph) -> str:
    """The role IRI *name* designates (slug, ``role:slug``, IRI or label)."""

    iri = resolve_role(store, name)
    if iri not in graph:
        raise UnknownRoleError(f"role {name!r} ({iri}) has nothing to draw")
    return iri


def _role_sizes(store: Store, roles: list[str]) -> dict[str, float]:
    """Node size per role from betweenness (plus a little degree) in the role graph."""
    moves = role_graph(store).to_undirected()
    if moves.number_of_nodes() == 0:
        return {}
    k = None if moves.number_of_nodes() <= 400 else 150
    between = nx.betweenness_centrality(moves, k=k, seed=7)
    degree = nx.degree_centrality(moves) if moves.number_of_nodes() > 1 else {}
    score = {r: 0.75 * between.get(r, 0.0) + 0.25 * degree.get(r, 0.0) for r in roles}
    top = max(score.values(), default=0.0) or 1.0
    return {r: round(14 + 26 * math.sqrt(s / top), 1) for r, s in score.items()}


# --------------------------------------------------------------------------- data


def _neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> set[str]:
    undirected = graph.to_undirected(as_view=True)
    return set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))


def _group(attrs: dict) -> str:
    if attrs["kind"] == "skill":
        kind = attrs.get("skill_kind")
        return f"skill-{kind}" if f"skill-{kind}" in NODE_STYLES else "skill"
    return attrs["kind"]


def _best_lang(values: dict[str, list], lang: str) -> list:
    for key in (lang, "en", "fr", ""):
        if values.get(key):
            return values[key]
    return next(iter(values.values()), [])


def _drawable_part(store: Store, focus: str | None, depth: int, paths: list[list[str]] | None):
    """On a big dataset (after imports), the part the view will draw, as a small store:
    the focus role's neighbourhood, the highlighted paths and their neighbours, or else
    the curated roles and what they link to directly."""

    if focus is not None:
        focus = resolve_role(store, focus)
        return drawable_subset(store, [focus], depth), focus, paths
    if paths:
        return drawable_subset(store, {r for p in paths for r in p}, 1), None, paths
    return drawable_subset(store, curated_roles(store), 1), None, paths


def view_data(store: Store, *, lang: str = "fr", focus: str | None = None, depth: int = 2,
              highlight_paths: list[list[str]] | None = None, title: str | None = None) -> dict:
    """Everything the page draws and explains, as plain JSON-ready data."""
    if lang not in LANGS:
        raise BadInputError(f"language {lang!r} not supported; use one of {', '.join(LANGS)}")
    if not isinstance(depth, int) or depth < 0:
        raise BadInputError(f"depth must be a whole number >= 0, not {depth!r}")
    if len(store) > LARGE_STORE:
        store, focus, highlight_paths = _drawable_part(store, focus, depth, highlight_paths)
    graph = full_graph(store)
    words = I18N[lang]

    # -- which nodes to draw
    keep: set[str] | None = None
    focus_iri = None
    if focus is not None:
        focus_iri = _resolve_focus(store, focus, graph)
        keep = _neighbourhood(graph, focus_iri, depth)
    paths = [list(p) for p in (highlight_paths or []) if p]
    step_of: dict[str, list[str]] = defaultdict(list)
    path_edges: set[tuple[str, str]] = set()
    for number, path in enumerate(paths, 1):
        for i, role in enumerate(path):
            if role not in graph:
                raise BadInputError(f"path {number} goes through {role!r}, not in the graph")
            label = f"{i + 1}" if len(paths) == 1 else f"{chr(64 + number)}{i + 1}"
            step_of[role].append(label)
        path_edges.update(zip(path, path[1:], strict=False))
    if paths:
        around = {n for p in paths for r in p for n in _neighbourhood(graph, r, 1)}
        keep = around if keep is None else keep | around
    sub = graph if keep is None else graph.subgraph(keep)

    # -- labels (every language, pref + alt) for drawing and search
    pref: dict[str, dict[str, str]] = defaultdict(dict)
    names: dict[str, list[str]] = defaultdict(list)
    for row in store.query(LABELS_QUERY, use_default_graph_as_union=True):
        node, literal = row["n"].value, row["l"]
        predicate = row["p"].value
        if predicate == PREFIXES["rdfs"] + "label":
            pref[node].setdefault("rdfs:" + (literal.language or ""), literal.value)
            continue
        if predicate == PREFIXES["skos"] + "prefLabel":
            pref[node].setdefault(literal.language or "", literal.value)
        if node in graph and literal.value not in names[node]:
            names[node].append(literal.value)

    def label_of(iri: str) -> str:
        own = {k: v for k, v in pref.get(iri, {}).items() if not k.startswith("rdfs:")}
        if not own:
            own = {k[5:]: v for k, v in pref.get(iri, {}).items() if k.startswith("rdfs:")}
        return pick_label(own, lang, _local_name(iri))

    # -- sources: index them, describe them
    source_ids: dict[str, int] = {}
    source_titles: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.query(SOURCES_QUERY, use_default_graph_as_union=True):
        if row["t"] is not None:
            source_titles[row["s"].value].setdefault(row["t"].language or "", row["t"].value)

    def src(iri: str) -> int:
        if iri not in source_ids:
            source_ids[iri] = len(source_ids)
        return source_ids[iri]

    node_sources: dict[str, set[int]] = defaultdict(set)
    for row in store.query(TYPED_IN_QUERY):
        if row["n"].value in sub:
            node_sources[row["n"].value].add(src(row["g"].value))

    # -- texts, salaries, education
    texts: dict[str, dict[str, dict[str, list]]] = defaultdict(
        lambda: {"def": defaultdict(list), "mis": defaultdict(list)})
    for row in store.query(TEXTS_QUERY):
        node = row["n"].value
        if node not in sub or not isinstance(row["v"], Literal):
            continue
        which = "def" if row["p"].value.endswith("definition") else "mis"
        bucket = texts[node][which][row["v"].language or ""]
        value = row["v"].value
        for item in bucket:
            if item[0] == value:
                item[1].append(src(row["g"].value))
                break
        else:
            bucket.append([value, [src(row["g"].value)]])
    salaries: dict[str, list[dict]] = defaultdict(list)
    seen_salary: dict[tuple[str, str], dict] = {}
    for row in store.query(SALARIES_QUERY, use_default_graph_as_union=True):
        role = row["role"].value
        if role not in sub:
            continue
        key = (role, row["s"].value)
        graphs = {src(row["g"].value)}
        if row["src"] is not None:
            graphs.add(src(row["src"].value))
        if key in seen_salary:
            seen_salary[key]["src"] = sorted(set(seen_salary[key]["src"]) | graphs)
            continue

        def num(term):
            if term is None:
                return None
            try:
                value = float(term.value)
            except ValueError:
                return term.value
            return int(value) if value.is_integer() else value

        entry = {
            "sen": label_of(row["sen"].value) if row["sen"] is not None else None,
            "rank": num(row["rank"]),
            "min": num(row["min"]), "max": num(row["max"]),
            "cur": row["cur"].value if row["cur"] is not None else None,
            "dur": row["dur"].value if row["dur"] is not None else None,
            "year": row["year"].value if row["year"] is not None else None,
            "gross": (row["gross"].value == "true") if row["gross"] is not None else None,
            "src": sorted(graphs),
        }
        seen_salary[key] = entry
        salaries[role].append(entry)
    for entries in salaries.values():
        entries.sort(key=lambda e: (e["dur"] or "", e["rank"] if isinstance(e["rank"], int)
                                    else 99, e["min"] if isinstance(e["min"], int | float) else 0))
    education: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in store.query(EDUCATION_QUERY, use_default_graph_as_union=True):
        role = row["role"].value
        if role not in sub:
            continue
        entry = education[role].setdefault(row["e"].value, {"text": {}, "eqf": None, "src": set()})
        entry["src"].add(src(row["g"].value))
        if row["text"] is not None:
            entry["text"].setdefault(row["text"].language or "", row["text"].value)
        if row["eqf"] is not None:
            entry["eqf"] = row["eqf"].value

    # -- links, by relation, both directions, from the full graph (so a focused view
    #    still explains what lies outside it)
    links: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, o, rel, data in graph.edges(keys=True, data=True):
        srcs = sorted(src(g) for g in data["sources"])
        if s in sub:
            links[s][rel + ">"].append([o, label_of(o), _group(graph.nodes[o]), srcs])
        if o in sub:
            links[o][rel + "<"].append([s, label_of(s), _group(graph.nodes[s]), srcs])
    for s, o, _rel, data in sub.edges(keys=True, data=True):
        for g in data["sources"]:
            node_sources[s].add(src(g))
            node_sources[o].add(src(g))

    # -- sizes and layout
    roles = [n for n, a in sub.nodes(data=True) if a["kind"] == "role"]
    sizes = _role_sizes(store, roles)
    large = sub.number_of_nodes() > LARGE_GRAPH
    positions = cheap_layout(nx.Graph(sub.to_undirected(as_view=True))) if large else {}

    # path steps in rows, left to right (path A on top), so the route reads at a glance
    path_positions: dict[str, tuple[float, float]] = {}
    for number, path in enumerate(paths):
        for i, role in enumerate(path):
            path_positions.setdefault(role, (i * PATH_STEP_X, (number - (len(paths) - 1) / 2) * PATH_ROW_Y))

    nodes = []
    details = {}
    for node in sorted(sub, key=lambda n: (graph.nodes[n]["kind"] != "role", label_of(n))):
        attrs = graph.nodes[node]
        group = _group(attrs)
        full = label_of(node)
        definition = _best_lang(texts[node]["def"], lang) if node in texts else []
        tooltip = f"{full}\n{words['kind'][group]}"
        if definition:
            first = definition[0][0]
            tooltip += "\n" + (first if len(first) <= 180 else first[:179] + "…")
        tooltip += f"\n({words['clickHint']})"
        item = {
            "id": node, "label": short_label(full), "full": full, "kind": group,
            "size": sizes.get(node, 14) if attrs["kind"] == "role" else 10,
            "src": sorted(node_sources.get(node, set())),
            "names": names.get(node, [full]), "title": tooltip,
        }
        if node in positions:
            item["x"], item["y"] = positions[node]
        if node in step_of:
            item["step"] = ", ".join(step_of[node])
        if node in path_positions:
            item["x"], item["y"] = path_positions[node]
            item["pinned"] = True
        if paths and node not in step_of:
            item["dim"] = True
        if node == focus_iri:
            item["focus"] = True
        nodes.append(item)
        detail: dict = {"iri": node}
        if definition:
            detail["def"] = definition
        missions = _best_lang(texts[node]["mis"], lang) if node in texts else []
        if missions:
            detail["mis"] = missions
        if salaries.get(node):
            detail["sal"] = salaries[node]
        if education.get(node):
            detail["edu"] = [
                {"text": pick_label(e["text"], lang, ""), "eqf": e["eqf"], "src": sorted(e["src"])}
                for _, e in sorted(education[node].items())
            ]
        if node in links:
            detail["links"] = {k: sorted(v, key=lambda x: x[1].casefold())
                               for k, v in sorted(links[node].items())}
        details[node] = detail

    edges = []
    for number, (s, o, rel, data) in enumerate(sorted(sub.edges(keys=True, data=True),
                                                      key=lambda e: (e[0], e[1], e[2]))):
        item = {"id": f"e{number}", "from": s, "to": o, "rel": rel,
                "src": sorted(src(g) for g in data["sources"])}
        if paths:
            if (s, o) in path_edges and rel == "canBecome":
                item["path"] = True
            else:
                item["dim"] = True
        edges.append(item)
    # a path step no canBecome edge states (should not happen) is still drawn
    drawn = {(e["from"], e["to"]) for e in edges if e.get("path")}
    for s, o in sorted(path_edges - drawn):
        edges.append({"id": f"e{len(edges)}", "from": s, "to": o, "rel": "canBecome",
                      "src": [], "path": True})

    for iri in list(source_ids):
        source_titles.setdefault(iri, {})
    sources = [
        {"id": i, "iri": iri, "short": _local_name(iri),
         "title": pick_label(source_titles.get(iri, {}), lang, _local_name(iri))}
        for iri, i in sorted(source_ids.items(), key=lambda kv: kv[1])
    ]
    heading = title or words["title"]
    subtitle = ""
    if focus_iri is not None:
        subtitle = words["focus"].replace("{label}", label_of(focus_iri)).replace(
            "{depth}", str(depth))
    path_list = [[{"id": r, "label": label_of(r)} for r in p] for p in paths]
    return {
        "lang": lang,
        "title": heading,
        "subtitle": subtitle,
        "i18n": words,
        "nodeStyles": NODE_STYLES,
        "edgeStyles": EDGE_STYLES,
        "nodes": nodes,
        "edges": edges,
        "details": details,
        "sources": sources,
        "paths": path_list,
        "focus": focus_iri,
        "layout": {"fixed": large, "iterations": STABILIZATION_ITERATIONS},
        "initiallyOff": ([g for g in NODE_STYLES if g.startswith("skill")]
                         if focus_iri is None and len(nodes) > READABLE else []),
    }


# --------------------------------------------------------------------------- HTML


def _html_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def render_html(store: Store, *, lang: str = "fr", focus: str | None = None, depth: int = 2,
                highlight_paths: list[list[str]] | None = None, title: str | None = None) -> str:
    """The whole page as one string: vis-network, styles, data and code inline."""
    data = view_data(store, lang=lang, focus=focus, depth=depth,
                     highlight_paths=highlight_paths, title=title)
    script, style = vis_assets()
    template = TEMPLATE_FILE.read_text(encoding="utf-8")
    values = {
        "LANG": data["lang"],
        "TITLE": _html_escape(data["title"] + (f" — {data['subtitle']}" if data["subtitle"] else "")),
        "VIS_CSS": style,
        "VIS_JS": script,
        "DATA_JSON": json_for_script(data),
    }
    # one pass, so nothing inserted is ever scanned for another placeholder
    return re.sub(r"%%([A-Z_]+)%%", lambda m: values[m.group(1)], template)


def write_view(store: Store, path: str | os.PathLike, *, lang: str = "fr",
               focus: str | None = None, depth: int = 2,
               highlight_paths: list[list[str]] | None = None,
               title: str | None = None) -> Path:
    """Render the view and write it to *path* atomically (temp file, then rename)."""

    html = render_html(store, lang=lang, focus=focus, depth=depth,
                       highlight_paths=highlight_paths, title=title)
    target = Path(path).expanduser()
    if target.is_dir():
        raise BadInputError(f"{target} is a folder; give a file name such as {target / 'view.html'}")
    try:
        return write_atomically(target, html.encode("utf-8"))
    except (FileExistsError, NotADirectoryError):
        raise BadInputError(f"cannot write {target}: {target.parent} is not a folder") from None
    except OSError as exc:
        raise BadInputError(f"cannot write {target}: {exc.strerror or exc}") from None


__all__ = ["render_html", "write_view", "view_data", "cheap_layout", "json_for_script",
           "short_label", "NODE_STYLES", "EDGE_STYLES", "LARGE_GRAPH"]
