"""The on-disk store: replace whole, stage and swap, recover, keep shipped graphs in sync."""

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from datacareers.constants import source_iri
from datacareers.errors import ImportFormatError
from datacareers.importers import onet, rome
from datacareers.progress import no_progress
from datacareers.store import persist, staging
from datacareers.store.shipped import shipped_digest, shipped_files
from datacareers.store.sources import list_sources

DATA = Path(__file__).parent / "data"
G = "https://w3id.org/datacareers/source/test-source"
P = NamedNode("http://example.org/p")



def quads(n: int, tag: str = "a", graph: str = G):
    g = NamedNode(graph)
    for i in range(n):
        yield Quad(NamedNode(f"http://example.org/{tag}{i}"), P, Literal(str(i)), g)


def graph_subjects(graph: str = G) -> set[str]:
    store = persist.open_persistent()
    assert store is not None
    return {q.subject.value for q in store.quads_for_pattern(None, None, None, NamedNode(graph))}


def test_nothing_imported_means_no_store(isolated_home):
    assert persist.open_persistent() is None
    assert not persist.store_dir().exists()
    assert persist.store_dir() == isolated_home / "store"


def test_store_holds_shipped_graphs_and_the_import():
    assert persist.replace_source(G, quads(3), info={"version": "1"}) == 3
    store = persist.open_persistent()
    graphs = {g.value for g in store.named_graphs()}
    assert G in graphs
    assert {graph for _, graph in shipped_files()} <= graphs
    assert persist.read_meta()["shipped_digest"] == shipped_digest()


def test_reimport_replaces_the_graph_whole():
    persist.replace_source(G, quads(5, "old"))
    persist.replace_source(G, quads(2, "new"), force=True)
    assert graph_subjects() == {"http://example.org/new0", "http://example.org/new1"}
    assert persist.imported_sources()[G]["triples"] == 2


def test_reimport_that_shrinks_the_graph_is_refused_unless_forced():
    persist.replace_source(G, quads(100, "old"))
    with pytest.raises(persist.ShrinkError, match=r"has 89 triples where the current one has 100"):
        persist.replace_source(G, quads(89, "new"))
    assert len(graph_subjects()) == 100 and "http://example.org/old0" in graph_subjects()
    persist.replace_source(G, quads(90, "new"))  # 90% is enough
    assert "http://example.org/new0" in graph_subjects()


def test_other_imports_are_left_alone():
    other = source_iri("other")
    persist.replace_source(other, quads(4, "o", other))
    persist.replace_source(G, quads(1))
    persist.replace_source(G, quads(2))
    assert len(graph_subjects(other)) == 4


def test_failing_import_leaves_the_previous_state(isolated_home):
    persist.replace_source(G, quads(3, "kept"))

    def broken():
        yield from quads(1000, "partial")
        raise ImportFormatError("occupations_en.csv: line 1001: not UTF-8 text")

    with pytest.raises(ImportFormatError, match="line 1001"):
        persist.replace_source(G, broken())
    assert graph_subjects() == {f"http://example.org/kept{i}" for i in range(3)}
    leftovers = sorted(p.name for p in isolated_home.iterdir())
    assert leftovers == [".lock", "store"]


def test_interrupted_first_import_writes_no_store():
    def interrupted():
        yield from quads(10)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        persist.replace_source(G, interrupted())
    assert persist.open_persistent() is None
    assert not persist.store_dir().exists()


def test_recovers_from_a_half_done_swap():
    persist.replace_source(G, quads(2))
    # Crash between "store -> store.old" and "staging -> store":
    persist.store_dir().rename(persist.store_dir().with_name("store.old"))
    staging = persist.store_dir().with_name("store.staging-99999")
    staging.mkdir()
    assert len(graph_subjects()) == 2
    assert not staging.exists()
    assert not persist.store_dir().with_name("store.old").exists()


def test_shipped_graphs_resync_when_their_digest_changes():
    persist.replace_source(G, quads(2))
    meta = persist.read_meta()
    meta["shipped_digest"] = "stale"
    staging.write_meta(persist.store_dir(), meta)
    # Simulate a shipped graph that disappeared from the package since the last sync.
    ghost = source_iri("removed-shipped-graph")
    store = Store(str(persist.store_dir()))
    store.add(Quad(NamedNode("http://example.org/x"), P, Literal("x"), NamedNode(ghost)))
    del store
    import gc

    gc.collect()
    store = persist.open_persistent()
    graphs = {g.value for g in store.named_graphs()}
    assert ghost not in graphs
    assert G in graphs
    assert persist.read_meta()["shipped_digest"] == shipped_digest()


def test_shipped_graph_with_an_imported_name_is_re_added():
    path, shipped_graph = next(iter(shipped_files()))
    persist.replace_source(shipped_graph, quads(2, "imp", shipped_graph))
    subjects = graph_subjects(shipped_graph)
    assert "http://example.org/imp0" in subjects
    assert len(subjects) > 2  # the shipped triples are back too


def test_remove_source():
    persist.replace_source(G, quads(2))
    assert persist.remove_source(G)
    assert not persist.remove_source(G)
    assert persist.open_persistent() is None  # nothing imported any more


def test_real_importers_end_to_end():
    for module, path in ((rome, DATA / "rome" / "v460"), (onet, DATA / "onet")):
        plan = module.plan(path, partial=True)
        persist.replace_source(plan.graph, plan.quads(no_progress),
                               info={"version": plan.source.version})
    rows = {row.name: row for row in list_sources()}
    assert rows["import-rome-4.0-v460"].kind == "imported"
    assert rows["import-rome-4.0-v460"].version == "v460"
    assert rows["import-onet-29.0"].license == onet.LICENSE
    assert rows["import-onet-29.0"].triples > 50
    assert rows["vocabulary"].kind == "shipped"
    assert rows["onet-29.0"].kind == "shipped"  # the shipped subset is still listed
