"""Every named graph of the dataset with its description, for ``datacareers sources``.

>>> rows = list_sources()
>>> any(row.name == "curated" and row.kind == "shipped" for row in rows)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, PREFIXES
from datacareers.store.persist import count_triples, open_with_meta, short_name
from datacareers.store.shipped import shipped_store


@dataclass(frozen=True)
class SourceRow:
    """One line of ``datacareers sources``."""

    name: str
    graph: str
    version: str
    triples: int
    license: str
    kind: str  # "shipped" or "imported"


def list_sources() -> list[SourceRow]:
    """Every named graph of the dataset (shipped and imported) with its description.

    Which graphs are imports is read from the same store folder as the graphs (even
    mid-swap, when that folder is the previous one)."""
    store, meta = open_with_meta()
    imports = meta["imports"] if store is not None else {}
    if store is None:
        store = shipped_store()
    described = _descriptions(store)
    rows = []
    for graph_node in store.named_graphs():
        if not isinstance(graph_node, NamedNode):
            continue
        graph = graph_node.value
        record = imports.get(graph)
        version, license_ = described.get(graph, ("", ""))
        if record:
            rows.append(SourceRow(
                name=record.get("name") or short_name(graph), graph=graph,
                version=record.get("version") or version, triples=int(record["triples"]),
                license=record.get("license") or license_, kind="imported",
            ))
        else:
            rows.append(SourceRow(
                name=short_name(graph), graph=graph, version=version,
                triples=count_triples(store, graph), license=license_, kind="shipped",
            ))
    return sorted(rows, key=lambda row: (row.kind != "shipped", row.name))


def _descriptions(store: Store) -> dict[str, tuple[str, str]]:
    """graph IRI -> (version, licence) from each source's description, wherever it is."""
    query = f"""
        SELECT ?g (SAMPLE(?v) AS ?version) (SAMPLE(?l) AS ?license) WHERE {{
          GRAPH ?any {{
            {{ ?g <{CAREER["version"]}> ?v }} UNION {{ ?g <{PREFIXES["dcterms"]}license> ?l }}
          }}
        }} GROUP BY ?g"""
    out = {}
    for solution in store.query(query):
        g = solution["g"]
        if isinstance(g, NamedNode):
            version = solution["version"]
            license_ = solution["license"]
            out[g.value] = (version.value if version else "", license_.value if license_ else "")
    return out
