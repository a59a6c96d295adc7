"""Write the dataset in standard formats, deterministically.

Turtle is rdflib's canonical ``longturtle`` (sorted, stable prefixes), so the same
sources give byte-identical files and data diffs stay readable; N-Triples lines are
sorted; TriG comes from Oxigraph's serializer, also stable. Turtle and N-Triples hold
the union of every source; TriG and JSON-LD keep the named graphs. GraphML and GEXF
hold the NetworkX projection (:func:`network.full_graph`).

>>> from datacareers.store.shipped import shipped_store
>>> ttl = export_bytes(shipped_store(), "ttl")
>>> b"role:data-analyst" in ttl
True
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import networkx as nx
from pyoxigraph import RdfFormat, Store, serialize

from datacareers.constants import PREFIXES
from datacareers.errors import BadInputError
from datacareers.store.convert import to_rdflib_dataset, to_rdflib_union
from datacareers.views.network import full_graph

FORMATS = {
    "ttl": "datacareers.ttl",
    "jsonld": "datacareers.jsonld",
    "nt": "datacareers.nt",
    "trig": "datacareers.trig",
    "graphml": "datacareers.graphml",
    "gexf": "datacareers.gexf",
}

#: Above this many quads, Turtle / TriG / JSON-LD are written by Oxigraph's streaming
#: serializers (fast) instead of rdflib's canonical pretty printer (slow on big imports).
RDFLIB_LIMIT = 200_000


def _sorted_ntriples(store: Store) -> bytes:
    nt = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    lines = sorted(set(nt.serialize(format=RdfFormat.N_TRIPLES).splitlines()))
    return b"\n".join(lines) + b"\n"


def _flat(graph):
    """GraphML/GEXF take only scalar attributes: labels per language, sources joined."""

    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        attrs = {"kind": data["kind"], "skill_kind": data.get("skill_kind") or ""}
        for lang, label in sorted(data.get("labels", {}).items()):
            attrs[f"label_{lang or 'none'}"] = label
        flat.add_node(node, **attrs)
    for u, v, key, data in sorted(graph.edges(keys=True, data=True)):
        flat.add_edge(u, v, key=key, relation=key, sources=" ".join(sorted(data["sources"])))
    return flat


def export_bytes(store: Store, fmt: str) -> bytes:
    """The dataset in format *fmt* (one of :data:`FORMATS`), as bytes."""
    if fmt not in FORMATS:
        raise BadInputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    small = len(store) <= RDFLIB_LIMIT
    if fmt == "nt":
        return _sorted_ntriples(store)
    if fmt == "ttl":
        if small:
            return to_rdflib_union(store).serialize(format="longturtle", encoding="utf-8")
        nt = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)

        return serialize(list(nt), format=RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt == "trig":
        return store.dump(format=RdfFormat.TRIG, prefixes=PREFIXES)
    if fmt == "jsonld":
        if not small:
            return store.dump(format=RdfFormat.JSON_LD)
        context = dict(PREFIXES)
        return to_rdflib_dataset(store).serialize(
            format="json-ld", context=context, indent=1, sort_keys=True, encoding="utf-8")

    flat = _flat(full_graph(store))
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer, encoding="utf-8")
    else:
        nx.write_gexf(flat, buffer, encoding="utf-8")
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> Path:
    """Write *data* to *path* through a temporary file in the same folder, then rename:
    readers see the old file or the new one, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
