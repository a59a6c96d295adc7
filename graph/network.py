"""Project the RDF dataset onto NetworkX graphs.

Two projections: :func:`role_graph` (roles and their moves, for career paths) and
:func:`full_graph` (every role, skill, sector and employer type with every relation, for
the HTML view and the GraphML / GEXF exports). Each edge keeps the sources (named
graphs) that state it.

>>> from datacareers.store import shipped_store
>>> g = role_graph(shipped_store())
>>> g.has_edge(ROLE["data-analyst"], ROLE["chief-data-officer"])
True
>>> sorted(g.edges[ROLE["data-analyst"], ROLE["chief-data-officer"]]["sources"])
['https://w3id.org/datacareers/source/rome-4.0']
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, ROLE

_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

#: Relations drawn in the full graph: predicate -> short name.
RELATIONS = {
    CAREER["canBecome"]: "canBecome",
    CAREER["managedBy"]: "managedBy",
    CAREER["worksWith"]: "worksWith",
    CAREER["essentialSkill"]: "essentialSkill",
    CAREER["optionalSkill"]: "optionalSkill",
    CAREER["requiresSkill"]: "requiresSkill",
    CAREER["inSector"]: "inSector",
    CAREER["employedBy"]: "employedBy",
}

#: Node kinds by class, in the order a node's kind is decided.
KINDS = {
    CAREER["Role"]: "role",
    CAREER["Skill"]: "skill",
    CAREER["Sector"]: "sector",
    CAREER["EmployerType"]: "employer",
}

ROLES_QUERY = _PROLOGUE + """
SELECT ?role ?label WHERE {
  ?role a career:Role .
  OPTIONAL { ?role skos:prefLabel ?label }
}"""

MOVES_QUERY = _PROLOGUE + """
SELECT ?from ?to ?g ?rank WHERE {
  GRAPH ?g { ?from career:canBecome ?to }
  OPTIONAL { ?t career:fromRole ?from ; career:toRole ?to ; career:rank ?rank }
}"""

ROLE_SKILLS_QUERY = _PROLOGUE + """
SELECT ?role ?skill ?p WHERE {
  VALUES ?p { career:essentialSkill career:optionalSkill career:requiresSkill }
  ?role a career:Role ; ?p ?skill .
}"""


def _value(term) -> str:
    return term.value


def labels_by_lang(store: Store, subject: str) -> dict[str, str]:
    """The skos:prefLabel of *subject* in each language, e.g. ``{"en": ..., "fr": ...}``."""
    out: dict[str, str] = {}
    for quad in store.quads_for_pattern(NamedNode(subject), NamedNode(PREFIXES["skos"] + "prefLabel"), None):
        obj = quad.object
        if isinstance(obj, Literal):
            out.setdefault(obj.language or "", obj.value)
    return out


def pick_label(labels: dict[str, str], lang: str, fallback: str) -> str:
    """The label in *lang*, else English, else French, else any, else *fallback*.

    >>> pick_label({"en": "data analyst", "fr": "analyste"}, "fr", "x")
    'analyste'
    >>> pick_label({}, "fr", "role/x")
    'role/x'
    """
    for key in (lang, "en", "fr", ""):
        if labels.get(key):
            return labels[key]
    return next(iter(labels.values()), fallback)


def role_graph(store: Store) -> nx.DiGraph:
    """Roles as nodes (labels, essential and all skills), career moves as edges.

    Edge attributes: ``sources`` (named graphs stating the move) and ``rank`` (the best,
    i.e. lowest, rank any source gives, or None).
    """
    graph = nx.DiGraph()
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.query(ROLES_QUERY, use_default_graph_as_union=True):
        role = row["role"].value
        graph.add_node(role, essential=set(), skills=set())
        label = row["label"]
        if label is not None:
            labels[role].setdefault(label.language or "", label.value)
    for role, by_lang in labels.items():
        graph.nodes[role]["labels"] = by_lang
    for row in store.query(ROLE_SKILLS_QUERY, use_default_graph_as_union=True):
        node = graph.nodes[row["role"].value]
        node["skills"].add(row["skill"].value)
        if row["p"].value == CAREER["essentialSkill"]:
            node["essential"].add(row["skill"].value)
    for row in store.query(MOVES_QUERY, use_default_graph_as_union=True):
        source, target = row["from"].value, row["to"].value
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, essential=set(), skills=set(), labels={})
        data = graph.get_edge_data(source, target) or {"sources": set(), "rank": None}
        data["sources"].add(row["g"].value)
        if row["rank"] is not None:
            rank = int(row["rank"].value)
            data["rank"] = rank if data["rank"] is None else min(rank, data["rank"])
        graph.add_edge(source, target, **data)
    for _, data in graph.nodes(data=True):
        data.setdefault("labels", {})
    return graph


FULL_NODES_QUERY = _PROLOGUE + """
SELECT ?node ?class ?label ?kind WHERE {
  VALUES ?class { career:Role career:Skill career:Sector career:EmployerType }
  ?node a ?class .
  OPTIONAL { ?node skos:prefLabel ?label }
  OPTIONAL { ?node career:skillKind ?kind }
}"""

FULL_EDGES_QUERY = _PROLOGUE + """
SELECT ?s ?p ?o ?g WHERE {{
  VALUES ?p {{ {} }}
  GRAPH ?g {{ ?s ?p ?o }}
}}""".format(" ".join(f"<{p}>" for p in RELATIONS))


def full_graph(store: Store) -> nx.MultiDiGraph:
    """Every role, skill, sector and employer type, with every relation between them.

    Node attributes: ``kind`` (role, skill, sector, employer), ``skill_kind`` (hard,
    soft, knowledge or None), ``labels`` (by language). Edge key: the relation's short
    name; edge attribute ``sources``. ``requiresSkill`` is dropped where an essential or
    optional link already says more.

    >>> from datacareers.store import shipped_store
    >>> g = full_graph(shipped_store())
    >>> g.nodes[ROLE["machine-learning-engineer"]]["kind"]
    'role'
    >>> g.has_edge(ROLE["machine-learning-engineer"], ROLE["data-engineer"], key="worksWith")
    True
    """
    graph = nx.MultiDiGraph()
    for row in store.query(FULL_NODES_QUERY, use_default_graph_as_union=True):
        node = row["node"].value
        kind = KINDS[row["class"].value]
        if node in graph and graph.nodes[node]["kind"] == "role":
            kind = "role"  # a role is a role first, whatever else it is
        attrs = graph.nodes[node] if node in graph else {"labels": {}, "skill_kind": None}
        attrs["kind"] = kind
        if row["label"] is not None:
            attrs["labels"].setdefault(row["label"].language or "", row["label"].value)
        if row["kind"] is not None:
            attrs["skill_kind"] = row["kind"].value.rsplit("#", 1)[-1]
        graph.add_node(node, **attrs)
    for row in store.query(FULL_EDGES_QUERY):
        s, o = row["s"].value, row["o"].value
        if s not in graph or o not in graph:
            continue
        key = RELATIONS[row["p"].value]
        if graph.has_edge(s, o, key=key):
            graph.edges[s, o, key]["sources"].add(row["g"].value)
        else:
            graph.add_edge(s, o, key=key, relation=key, sources={row["g"].value})
    for s, o in [(s, o) for s, o, k in graph.edges(keys=True) if k == "requiresSkill"]:
        if graph.has_edge(s, o, key="essentialSkill") or graph.has_edge(s, o, key="optionalSkill"):
            graph.remove_edge(s, o, key="requiresSkill")
    return graph


__all__ = ["role_graph", "full_graph", "labels_by_lang", "pick_label", "RELATIONS", "ROLE"]
