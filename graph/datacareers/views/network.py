"""Project the RDF dataset onto NetworkX graphs.

:func:`full_graph`: every role, skill, sector and employer type with every relation, for
the HTML view and the GraphML / GEXF exports. Each edge keeps the sources (named graphs)
that state it. Career paths read moves of every kind of evidence through
:mod:`datacareers.views.moves`.

>>> from datacareers.store.shipped import shipped_store
>>> g = full_graph(shipped_store())
>>> g.has_edge(ROLE["data-analyst"], ROLE["chief-data-officer"], key="canBecome")
True
>>> sorted(g.edges[ROLE["data-analyst"], ROLE["chief-data-officer"], "canBecome"]["sources"])
['https://w3id.org/datacareers/source/rome-4.0']
"""

from __future__ import annotations

import networkx as nx
from pyoxigraph import Store

from datacareers.constants import BASE_IRI, CAREER, PREFIXES, ROLE

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

#: O*NET technologies (a role's tools): listed in the role's details, not drawn (thousands of nodes).
TOOLS = BASE_IRI + "onet/technology/"

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

    >>> from datacareers.store.shipped import shipped_store
    >>> g = full_graph(shipped_store())
    >>> g.nodes[ROLE["machine-learning-engineer"]]["kind"]
    'role'
    >>> g.has_edge(ROLE["machine-learning-engineer"], ROLE["data-engineer"], key="worksWith")
    True
    """
    graph = nx.MultiDiGraph()
    for row in store.query(FULL_NODES_QUERY, use_default_graph_as_union=True):
        node = row["node"].value
        if node.startswith(TOOLS):
            continue  # technologies are a role's tools, listed with it, not drawn as skills
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


__all__ = ["full_graph", "RELATIONS", "ROLE"]
