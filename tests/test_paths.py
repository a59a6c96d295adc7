"""Career paths: known answers on the shipped graph, costs, and the no-path case."""

import networkx as nx
import pytest

from datacareers.constants import ROLE, SOURCE
from datacareers.errors import BadInputError, NoPathError
from datacareers.views.paths import find_paths, skill_gap, step_cost


def slugs(path):
    return [r.rsplit("/", 1)[-1] for r in path.roles]


def test_data_analyst_to_cdo_is_the_rome_move(shipped):
    result = find_paths(shipped, ROLE["data-analyst"], ROLE["chief-data-officer"], k=3)
    first = result.paths[0]
    assert slugs(first) == ["data-analyst", "chief-data-officer"]
    assert first.steps[0].sources == [SOURCE["rome-4.0"]]
    assert first.steps[0].rank is not None


def test_article_moves_are_sourced(shipped):
    result = find_paths(shipped, ROLE["machine-learning-engineer"], ROLE["chief-data-officer"], k=1)
    assert slugs(result.paths[0]) == ["machine-learning-engineer", "chief-data-officer"]
    assert SOURCE["ml-engineer-article"] in result.paths[0].steps[0].sources


def test_k_paths_are_distinct_and_sorted_by_cost(shipped):
    result = find_paths(shipped, ROLE["machine-learning-engineer"], ROLE["chief-information-officer"], k=5)
    assert len(result.paths) >= 2
    assert len({tuple(p.roles) for p in result.paths}) == len(result.paths)
    costs = [p.cost for p in result.paths]
    assert costs == sorted(costs)
    for path in result.paths:
        assert path.roles[0] == ROLE["machine-learning-engineer"]
        assert path.roles[-1] == ROLE["chief-information-officer"]
        assert path.cost == pytest.approx(sum(s.cost for s in path.steps))


def test_no_path_is_a_check_failure(shipped):
    with pytest.raises(NoPathError, match="no chain of career moves leads from"):
        find_paths(shipped, ROLE["chief-information-officer"], ROLE["data-analyst"])


def test_same_role_is_bad_input(shipped):
    with pytest.raises(BadInputError, match="same"):
        find_paths(shipped, ROLE["data-analyst"], ROLE["data-analyst"])


def _toy():
    g = nx.DiGraph()
    g.add_node("a", essential=set(), skills={"python", "sql"}, labels={})
    g.add_node("b", essential={"python", "stats"}, skills={"python", "stats", "viz"}, labels={})
    g.add_node("c", essential=set(), skills=set(), labels={})
    g.add_edge("a", "b", sources={"s"}, rank=None)
    g.add_edge("a", "c", sources={"s"}, rank=None)
    return g


def test_skill_gap_counts_missing_essential_skills():
    g = _toy()
    assert skill_gap(g, "a", "b") == 0.5
    assert step_cost(g, "a", "b") == 1.5


def test_unknown_gap_costs_a_full_gap():
    g = _toy()
    assert skill_gap(g, "a", "c") is None
    assert step_cost(g, "a", "c") == 2.0


def test_new_skills_are_what_the_target_has_and_the_source_lacks(shipped):
    # ML engineer -> data scientist: whatever the data scientist requires that the ML
    # engineer does not have must be listed, and nothing the ML engineer already has.
    from datacareers.views.network import role_graph

    graph = role_graph(shipped)
    result = find_paths(shipped, ROLE["machine-learning-engineer"], ROLE["data-scientist"], k=1)
    step = result.paths[0].steps[0]
    have = graph.nodes[ROLE["machine-learning-engineer"]]["skills"]
    assert not set(step.new_skills) & have
    assert set(step.new_skills) == graph.nodes[ROLE["data-scientist"]]["skills"] - have
