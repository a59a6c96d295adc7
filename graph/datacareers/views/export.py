"""Write the dataset in standard formats, deterministically.

Turtle is rdflib's canonical ``longturtle`` (sorted, stable prefixes), so the same
sources give byte-identical files and data diffs stay readable; N-Triples lines are
sorted; TriG comes from Oxigraph's serializer, also stable. JSON-LD is rdflib's, with
blank nodes named by RDF canonicalization (RDFC-1.0) and every unordered array sorted,
so it is byte-identical too. Turtle and N-Triples hold the union of every source; TriG
and JSON-LD keep the named graphs.

GraphML and GEXF hold the NetworkX projection (:func:`network.full_graph`): node ids
are short safe tokens (``n0``, ``n1``...; an IRI is not a valid XML name token) with
the IRI in the ``iri`` attribute and the name in ``label`` (in *lang*); every edge has
its own id (``e0``, ``e1``...) and its relation in ``relation``. Both validate against
their published schemas (GraphML 1.0, GEXF 1.2draft).

>>> from datacareers.store.shipped import shipped_store
>>> ttl = export_bytes(shipped_store(), "ttl")
>>> b"role:data-analyst" in ttl
True
"""

from __future__ import annotations

import io
import json

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, RdfFormat, Store, serialize

from datacareers.constants import PREFIXES
from datacareers.errors import BadInputError
from datacareers.labels import local_name, pick_label
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


# ----------------------------------------------------------------- JSON-LD


def canonical_quads(store: Store) -> list:
    """The quads of *store* with blank nodes named by RDFC-1.0 (same data, same names).

    >>> from pyoxigraph import Literal, NamedNode, Quad
    >>> def one():
    ...     s = Store()
    ...     s.add(Quad(BlankNode(), NamedNode("http://e/p"), Literal("x"), NamedNode("http://e/g")))
    ...     return canonical_quads(s)
    >>> one() == one()
    True
    """
    quads = list(store)
    if any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object)):
        dataset = Dataset(quads)
        dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return quads


def _normalised(value, ordered: bool = False):
    """JSON-LD with every unordered array sorted (``@list`` arrays keep their order)."""
    if isinstance(value, dict):
        return {key: _normalised(item, ordered=key == "@list") for key, item in value.items()}
    if isinstance(value, list):
        items = [_normalised(item) for item in value]
        if not ordered:
            items.sort(key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
        return items
    return value


def _jsonld(store: Store) -> bytes:
    dataset = to_rdflib_dataset(canonical_quads(store))
    data = json.loads(dataset.serialize(format="json-ld", context=dict(PREFIXES)))
    text = json.dumps(_normalised(data), indent=1, sort_keys=True, ensure_ascii=False)
    return text.encode("utf-8") + b"\n"


# ----------------------------------------------------------------- GraphML and GEXF


def flat_graph(store: Store, lang: str = "en") -> nx.MultiDiGraph:
    """The projection with scalar attributes only, safe ids and one id per edge.

    >>> from datacareers.store.shipped import shipped_store
    >>> g = flat_graph(shipped_store(), "fr")
    >>> [g.nodes[n] for n in g if g.nodes[n]["iri"].endswith("/role/data-analyst")][0]["label"]
    'data analyst'
    >>> len({key for _, _, key in g.edges(keys=True)}) == g.number_of_edges()
    True
    """
    graph = full_graph(store)
    ids = {iri: f"n{number}" for number, iri in enumerate(sorted(graph))}
    flat = nx.MultiDiGraph()
    for iri in sorted(graph):
        data = graph.nodes[iri]
        labels = data.get("labels", {})
        attrs = {"label": pick_label(labels, lang, local_name(iri)), "iri": iri,
                 "kind": data["kind"], "skill_kind": data.get("skill_kind") or ""}
        for label_lang, label in sorted(labels.items()):
            attrs[f"label_{label_lang or 'none'}"] = label
        flat.add_node(ids[iri], **attrs)
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for number, (u, v, relation, data) in enumerate(edges):
        flat.add_edge(ids[u], ids[v], key=f"e{number}", id=f"e{number}", label=relation,
                      relation=relation, sources=" ".join(sorted(data["sources"])))
    return flat


def _graphml(flat: nx.MultiDiGraph) -> bytes:
    for _, _, data in flat.edges(data=True):
        del data["id"]  # GraphML takes the edge key as the id; "id" would be a data column
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue()


def _gexf(flat: nx.MultiDiGraph) -> bytes:
    writer = GEXFWriter(encoding="utf-8", version="1.2draft")
    writer.add_graph(flat)
    # GEXF 1.2draft has no graph name attribute; the date would make every day's file differ
    for element in writer.xml.iter():
        if element.tag == "graph":
            element.attrib.pop("name", None)
        elif element.tag == "meta":
            element.attrib.pop("lastmodifieddate", None)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def export_bytes(store: Store, fmt: str, lang: str = "en") -> bytes:
    """The dataset in format *fmt* (one of :data:`FORMATS`), as bytes; *lang* picks the
    ``label`` of GraphML and GEXF nodes."""
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
        # big imports hold no blank nodes and Oxigraph dumps in a stable order
        return _jsonld(store) if small else store.dump(format=RdfFormat.JSON_LD)
    flat = flat_graph(store, lang)
    return _graphml(flat) if fmt == "graphml" else _gexf(flat)
