"""The default graph queries see is the RDF merge of the sources (a set of triples): a
triple two sources state counts once, and ``GRAPH ?g`` still tells both sources."""

from __future__ import annotations

import csv
import io

from pyoxigraph import NamedNode, Quad

from datacareers.store import merged, persist
from datacareers.store.dataset import open_dataset
from datacareers.views.export import export_bytes
from datacareers.views.sparql import format_result, run_query

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SHARED = """SELECT ?s ?p ?o (COUNT(?g) AS ?sources) WHERE { GRAPH ?g { ?s ?p ?o } }
            GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1) ORDER BY ?s ?p ?o LIMIT 1"""


def _count(store, query: str = COUNT) -> int:
    return int(next(iter(run_query(store, query)))["n"].value)


def _export_triples(store) -> int:
    return len(set(export_bytes(store, "nt").splitlines()))


def test_count_over_the_default_graph_is_the_exports_distinct_triples(cli, runner, shipped):
    result = runner.invoke(cli, ["query", COUNT, "--format", "csv"])
    assert result.exit_code == 0, result.output
    counted = int(list(csv.DictReader(io.StringIO(result.output)))[0]["n"])
    assert counted == _export_triples(shipped) == _count(shipped)
    assert counted < len(shipped)  # some triples are stated by more than one source


def test_a_triple_two_sources_state_is_one_answer_and_graph_tells_both(shipped):
    shared = next(iter(run_query(shipped, SHARED)))
    bindings = {"s": shared["s"], "p": shared["p"], "o": shared["o"]}
    once = list(run_query(shipped, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", bindings))
    sources = list(run_query(shipped, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", bindings))
    assert len(once) == 1, f"{shared['s']} {shared['p']} {shared['o']}: {len(once)} answers"
    assert len({row["g"] for row in sources}) == int(shared["sources"].value) > 1


def test_the_shipped_example_lists_each_manager_once(shipped):
    rows = run_query(shipped, "SELECT ?m WHERE { role:data-scientist career:managedBy ?m }")
    managers = [row["m"].value for row in rows]
    assert managers and len(managers) == len(set(managers)), managers


def test_after_an_import_the_on_disk_store_is_queried_through_its_merge(shipped, isolated_home):
    graph = "https://w3id.org/datacareers/source/import-test"
    borrowed = next(iter(shipped.quads_for_pattern(None, None, None, None)))
    quads = [Quad(borrowed.subject, borrowed.predicate, borrowed.object, NamedNode(graph)),
             Quad(NamedNode("urn:x:s"), NamedNode("urn:x:p"), NamedNode("urn:x:o"), NamedNode(graph))]
    persist.replace_source(graph, quads, info={"name": "import-test"})
    store = open_dataset()
    assert not merged.has_merge(store)  # the imported store itself holds sources only
    answers = merged.queryable(store)
    assert merged.has_merge(answers)
    assert _count(answers) == _export_triples(store) == _count(shipped) + 1
    assert (isolated_home / "cache").is_dir() and merged.queryable(open_dataset()) is not store
    json_answer = format_result(run_query(store, f"ASK {{ GRAPH <{graph}> {{ <urn:x:s> ?p ?o }} }}"), "json")
    assert '"boolean":true' in json_answer
