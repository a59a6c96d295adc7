"""Exports: GraphML and GEXF valid against their published schemas and loadable by
networkx and igraph; JSON-LD byte-reproducible and faithful to the quads."""

from __future__ import annotations

import collections
import io
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, Literal, NamedNode, Quad, RdfFormat, parse

from datacareers.constants import ROLE, SOURCE
from datacareers.store.shipped import shipped_store
from datacareers.views.export import canonical_quads, export_bytes
from datacareers.views.network import full_graph

SCHEMAS = Path(__file__).parent / "data" / "schemas"
XSD = {"graphml": SCHEMAS / "graphml-1.0" / "graphml.xsd",
       "gexf": SCHEMAS / "gexf-1.2draft" / "gexf.xsd"}
EDGE = {"graphml": "{http://graphml.graphdrawing.org/xmlns}edge",
        "gexf": "{http://www.gexf.net/1.2draft}edge"}


@pytest.fixture(scope="module")
def shipped():
    return shipped_store()


@pytest.fixture(scope="module")
def projection(shipped):
    return full_graph(shipped)


def _by_iri(graph) -> dict:
    return {data["iri"]: data for _, data in graph.nodes(data=True)}


def _bilingual_role(projection) -> tuple[str, dict]:
    """A role whose French and English names differ (so the label's language shows)."""
    return next((iri, data["labels"]) for iri, data in sorted(projection.nodes(data=True))
                if data["kind"] == "role" and data["labels"].get("fr") not in (None, data["labels"].get("en")))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_export_is_valid_against_its_schema(shipped, fmt):
    schema = etree.XMLSchema(etree.parse(str(XSD[fmt])))
    valid = schema.validate(etree.fromstring(export_bytes(shipped, fmt)))
    assert valid, "\n".join(str(error) for error in list(schema.error_log)[:5])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_every_edge_has_its_own_id_and_keeps_its_relation(shipped, projection, fmt):
    edges = list(etree.fromstring(export_bytes(shipped, fmt)).iter(EDGE[fmt]))
    ids = [edge.get("id") for edge in edges]
    assert len(ids) == len(set(ids)) == projection.number_of_edges()
    loaded = nx.read_graphml(io.BytesIO(export_bytes(shipped, fmt))) if fmt == "graphml" \
        else nx.read_gexf(io.BytesIO(export_bytes(shipped, fmt)))
    relations = collections.Counter(data["relation"] for _, _, data in loaded.edges(data=True))
    assert relations == collections.Counter(key for _, _, key in projection.edges(keys=True))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_networkx_reads_labels_in_the_language_and_iris(shipped, projection, lang):
    iri, labels = _bilingual_role(projection)
    graphml = nx.read_graphml(io.BytesIO(export_bytes(shipped, "graphml", lang=lang)))
    gexf = nx.read_gexf(io.BytesIO(export_bytes(shipped, "gexf", lang=lang)))
    for graph in (graphml, gexf):
        nodes = _by_iri(graph)
        assert set(nodes) == set(projection)
        assert nodes[iri]["label"] == labels[lang]
        assert nodes[iri]["kind"] == "role"
        assert graph.number_of_edges() == projection.number_of_edges()
        assert all(":" not in node for node in graph)  # safe ids, not IRIs


def test_igraph_reads_the_graphml(shipped, projection, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is not installed (pip install -e '.[test]')")
    path = tmp_path / "careers.graphml"
    path.write_bytes(export_bytes(shipped, "graphml", lang="en"))
    graph = igraph.Graph.Read_GraphML(str(path))
    assert graph.is_directed()
    assert graph.vcount() == projection.number_of_nodes()
    assert graph.ecount() == projection.number_of_edges()
    names = dict(zip(graph.vs["iri"], graph.vs["label"], strict=True))
    assert names[ROLE["data-analyst"]] == projection.nodes[ROLE["data-analyst"]]["labels"]["en"]
    moves = [e for e in graph.es if e["relation"] == "canBecome"]
    assert moves and all(graph.vs[e.source]["kind"] == "role" for e in moves)


#: Prints the digest of each export of the shipped graph, one "format digest" a line.
DIGESTS = """
import hashlib, sys
{prelude}
from datacareers.store.shipped import shipped_store
from datacareers.views.export import export_bytes
store = shipped_store()
for fmt in ("jsonld", "graphml", "gexf"):
    print(fmt, hashlib.sha256(export_bytes(store, fmt)).hexdigest())
"""


def _digests_in_child(seed: str, prelude: str = "") -> dict[str, str]:
    run = subprocess.run([sys.executable, "-c", DIGESTS.format(prelude=prelude)], check=True,
                         capture_output=True, text=True, env={"PYTHONHASHSEED": seed, "PATH": ""},
                         timeout=120)
    return dict(line.split() for line in run.stdout.splitlines())


@pytest.fixture(scope="module")
def child_digests():
    """Digests from three processes: two hash seeds, and one whose clock says 1999."""
    another_day = "import time; time.strftime = lambda *args: '1999-12-31'"
    return [_digests_in_child("1"), _digests_in_child("2"), _digests_in_child("1", another_day)]


@pytest.mark.parametrize("fmt", ["jsonld", "graphml", "gexf"])
def test_export_is_byte_identical_across_processes(child_digests, fmt):
    first, second, _ = child_digests
    assert first[fmt] == second[fmt]


def test_gexf_does_not_change_with_the_date(child_digests):
    first, _, another_day = child_digests
    assert first["gexf"] == another_day["gexf"]


def test_jsonld_parses_back_to_the_same_quads(shipped):
    store = shipped_store()
    graph = NamedNode(SOURCE["curated"])
    first, second = BlankNode(), BlankNode()  # blank nodes get canonical names
    store.add(Quad(NamedNode(ROLE["data-analyst"]), NamedNode("http://e/q"), first, graph))
    store.add(Quad(first, NamedNode("http://e/r"), second, graph))
    store.add(Quad(second, NamedNode("http://e/v"), Literal("profond", language="fr"), graph))
    data = export_bytes(store, "jsonld")
    back = Dataset(parse(data, format=RdfFormat.JSON_LD))
    back.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    assert set(back) == set(canonical_quads(store))
