"""Project the RDF dataset onto NetworkX graphs.

Two projections: :func:`role_graph` (roles and their moves, for career paths) and
:func:`full_graph` (every role, skill, sector and employer type with every relation, for
the HTML view and the GraphML / GEXF exports). Each edge keeps the sources (named
graphs) that state it.

>>> from datacareers.store.shipped import shipped_store
>>> g = role_graph(shipped_store())
>>> g.has_edge(ROLE["data-analyst"], ROLE["chief-data-officer"])
True
>>> sorted(g.edges[ROLE["data-analyst"], ROLE["chief-data-officer"]]["sources"])
['https://w3id.org/datacareers/source/rome-4.0']
"""

from __future__ import annotations

import networkx as nx
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, ROLE
from datacareers.store.walk import all_roles, breadth_first

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

_SKILL_PREDICATES = {
    CAREER["essentialSkill"]: "essential",
    CAREER["optionalSkill"]: "optional",
    CAREER["requiresSkill"]: "required",
}


def move_graph(store: Store) -> nx.DiGraph:
    """Career moves only: an edge per ``career:canBecome``, with the ``sources`` (named
    graphs) stating it. Nodes carry no attributes yet (see :func:`annotate_roles`).

    Reads the move quads directly (no SPARQL join), so it stays fast after a full
    import of ESCO, ROME and O*NET (about 40,000 moves).
    """
    graph = nx.DiGraph()
    for quad in store.quads_for_pattern(None, NamedNode(CAREER["canBecome"]), None, None):
        source, target = quad.subject.value, quad.object.value
        if graph.has_edge(source, target):
            graph.edges[source, target]["sources"].add(quad.graph_name.value)
        else:
            graph.add_edge(source, target, sources={quad.graph_name.value}, rank=None)
    return graph


def local_move_graph(
    store: Store, source: str, target: str, max_moves: int = 12
) -> tuple[nx.DiGraph, int | None]:
    """The moves that can lie on a good path from *source* to *target*, read from the
    store by breadth-first search (never the whole move graph), and the fewest moves
    between them (None when *target* is out of reach within *max_moves*).

    Kept: roles within ``max(2h, h + 3)`` moves in all, where ``h`` is the fewest
    moves. A step costs between 1 and 2, so the cheapest path has at most ``2h``
    moves; the margin leaves room for the next-best paths.
    """
    moves = [CAREER["canBecome"]]
    reach, _ = breadth_first(store, [source], moves, limit=max_moves, stop_at=target)
    graph = nx.DiGraph()
    if target not in reach:
        return graph, None
    fewest = reach[target]
    limit = max(2 * fewest, fewest + 3)
    ahead, forward_edges = breadth_first(store, [source], moves, limit=limit)
    behind, _ = breadth_first(store, [target], moves, limit=limit, forward=False, backward=True)
    keep = {n for n, d in ahead.items() if n in behind and d + behind[n] <= limit}
    for u, v, g in forward_edges:
        if u in keep and v in keep:
            if graph.has_edge(u, v):
                graph.edges[u, v]["sources"].add(g)
            else:
                graph.add_edge(u, v, sources={g}, rank=None)
    return graph, fewest


def annotate_roles(store: Store, graph: nx.DiGraph, nodes) -> None:
    """Give each of *nodes* its ``labels`` (by language), ``skills`` (every required
    skill) and ``essential`` skills, reading only those roles' quads."""
    pref = NamedNode(PREFIXES["skos"] + "prefLabel")
    for node in nodes:
        if node not in graph:
            graph.add_node(node)
        data = graph.nodes[node]
        subject = NamedNode(node)
        labels: dict[str, str] = {}
        for quad in store.quads_for_pattern(subject, pref, None, None):
            if isinstance(quad.object, Literal):
                labels.setdefault(quad.object.language or "", quad.object.value)
        skills: set[str] = set()
        essential: set[str] = set()
        for predicate, kind in _SKILL_PREDICATES.items():
            for quad in store.quads_for_pattern(subject, NamedNode(predicate), None, None):
                skills.add(quad.object.value)
                if kind == "essential":
                    essential.add(quad.object.value)
        data.update(labels=labels, skills=skills, essential=essential)


def annotate_ranks(store: Store, graph: nx.DiGraph, edges) -> None:
    """Set each edge's ``rank``: the best (lowest) rank a ``career:Transition`` gives."""
    from_role, to_role, rank = (NamedNode(CAREER[t]) for t in ("fromRole", "toRole", "rank"))
    for source, target in edges:
        best = None
        for quad in store.quads_for_pattern(None, from_role, NamedNode(source), None):
            transition = quad.subject
            if not any(store.quads_for_pattern(transition, to_role, NamedNode(target), None)):
                continue
            for r in store.quads_for_pattern(transition, rank, None, None):
                value = int(r.object.value)
                best = value if best is None else min(best, value)
        graph.edges[source, target]["rank"] = best


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

    >>> from datacareers.store.shipped import shipped_store
    >>> role_counts(shipped_store(), [ROLE["data-analyst"]])[ROLE["data-analyst"]]["moves_out"] > 0
    True
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


def role_graph(store: Store, include=None, ranks: bool = False) -> nx.DiGraph:
    """Roles as nodes (labels, essential and all skills), career moves as edges.

    Every role and every move is in the graph; roles for which *include* (a predicate
    on the IRI) is false are left unannotated, to save time on big imports. Edge
    attributes: ``sources`` (named graphs stating the move) and, with *ranks*, ``rank``
    (the best, i.e. lowest, rank any source gives, or None).
    """
    graph = move_graph(store)
    graph.add_nodes_from(all_roles(store))
    chosen = [n for n in graph if include is None or include(n)]
    annotate_roles(store, graph, chosen)
    if ranks:
        annotate_ranks(store, graph, [(u, v) for u, v in graph.edges if include is None or include(u)])
    for _, data in graph.nodes(data=True):
        data.setdefault("labels", {})
        data.setdefault("skills", set())
        data.setdefault("essential", set())
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


__all__ = ["role_graph", "move_graph", "annotate_roles", "full_graph", "RELATIONS", "ROLE"]
