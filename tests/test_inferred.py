"""Inferred moves: the sparse all-pairs scoring agrees with the plain definition, the
threshold and top-N are honoured, and `import inferred` stores described moves that paths use."""

import itertools
import random

import pytest
from pyoxigraph import NamedNode

from datacareers.constants import CAREER, PREFIXES, ROLE, SOURCE
from datacareers.importers.inferred import Method, read_groups, read_profiles, similar_pairs
from datacareers.skillgap import Profile, coverage

ESCO = "tests/data/esco/v1.1.1"


def _random_profiles(seed=4, roles=12, skills=30):
    rng = random.Random(seed)
    names = [f"s{i}" for i in range(skills)]
    groups = {s: {f"g{rng.randrange(6)}"} for s in names if rng.random() < 0.8}
    profiles = {}
    for r in range(roles):
        chosen = rng.sample(names, rng.randrange(3, 10))
        cut = rng.randrange(1, len(chosen))
        profiles[f"r{r}"] = Profile(frozenset(chosen[:cut]), frozenset(chosen[cut:]))
    return profiles, groups


def test_matrix_scores_equal_the_plain_definition():
    profiles, groups = _random_profiles()
    found = {(a, b): s for a, b, s in similar_pairs(profiles, groups, method=Method(threshold=0, top=100))}
    for a, b in itertools.permutations(profiles, 2):
        assert found[a, b] == pytest.approx(coverage(profiles[a].skills, profiles[b], groups), abs=1e-6)


def test_threshold_and_top_are_honoured():
    profiles, groups = _random_profiles()
    method = Method(threshold=0.3, top=2)
    pairs = similar_pairs(profiles, groups, method=method)
    assert pairs and all(s >= 0.3 for _, _, s in pairs)
    every = {(a, b): s for a, b, s in similar_pairs(profiles, groups, method=Method(threshold=0, top=100))}
    for a, b, _ in pairs:  # among a's best two out, or b's best two in
        outs = sorted((s for (x, _), s in every.items() if x == a), reverse=True)[:2]
        ins = sorted((s for (_, y), s in every.items() if y == b), reverse=True)[:2]
        assert every[a, b] >= min(outs) or every[a, b] >= min(ins)
    assert all(a != b for a, b, _ in pairs)


def test_esco_files_are_read_with_groups():
    from pathlib import Path

    profiles = read_profiles(Path(ESCO) / "relations" / "occupationSkillRelations.csv.gz")
    groups = read_groups(Path(ESCO) / "relations" / "broaderRelationsSkillPillar.csv")
    assert len(profiles) == 3
    assert all(not (p.essential & p.optional) for p in profiles.values())
    assert all(g for g in groups.values())
    assert {s for p in profiles.values() for s in p.skills} <= set(groups)  # each reaches a skill group
    assert all(g.startswith("http://data.europa.eu/esco/") for gs in groups.values() for g in gs)


def test_import_inferred_stores_described_moves_that_paths_use(runner, cli):
    result = runner.invoke(cli, ["import", "esco", "-q", "--partial", ESCO], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["import", "inferred", ESCO, "--threshold", "0"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    from datacareers.store.dataset import open_dataset

    store = open_dataset()
    graph = NamedNode(SOURCE["import-inferred-skill-similarity-esco-1.1.1"])
    moves = list(store.quads_for_pattern(None, NamedNode(CAREER["inferredMove"]), None, graph))
    assert moves
    assert not any(store.quads_for_pattern(None, NamedNode(CAREER["canBecome"]), None, graph))
    for predicate in ("threshold", "partialCredit", "optionalWeight", "maxMoves", "version"):
        assert any(store.quads_for_pattern(graph, NamedNode(CAREER[predicate]), None, graph)), predicate
    titles = {q.object.language for q in store.quads_for_pattern(graph, NamedNode(PREFIXES["dcterms"] + "title"),
                                                                  None, graph)}
    assert titles == {"en", "fr"}
    # the curated data analyst is the ESCO data analyst (exact match): it gets its inferred moves
    from datacareers.views.moves import Moves

    esco_analyst = "http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2"
    assert any(q.subject.value == esco_analyst for q in moves)
    out = Moves(store, ["inferred"]).out_of(ROLE["data-analyst"])
    assert any(graph.value in sources for sources in out.values())


def test_a_shrinking_reimport_of_inferred_moves_is_refused_unless_forced(runner, cli):
    assert runner.invoke(cli, ["import", "esco", "-q", "--partial", ESCO]).exit_code == 0
    assert runner.invoke(cli, ["import", "inferred", ESCO, "--threshold", "0", "-q"]).exit_code == 0
    refused = runner.invoke(cli, ["import", "inferred", ESCO, "--threshold", "0.99", "-q"])
    assert refused.exit_code == 2 and "--force" in refused.output, refused.output
    forced = runner.invoke(cli, ["import", "inferred", ESCO, "--threshold", "0.99", "-q", "--force"])
    assert forced.exit_code == 0 and ", was " in forced.output, forced.output


def test_import_inferred_refuses_a_version_unsafe_in_a_graph_name(runner, cli):
    result = runner.invoke(cli, ["import", "inferred", ESCO, "--version", "a b"])
    assert result.exit_code == 2 and "--version 'a b'" in result.output and "Traceback" not in result.output
