"""The path view: steps pinned left to right, one row per path, other nodes dimmed, and
each step explained (cost, evidence, source, skills it adds)."""

from datacareers.constants import ROLE
from datacareers.views.html.data import view_data
from datacareers.views.paths import find_paths
from datacareers.views.report import path_json


def test_path_steps_are_pinned_in_order(shipped):
    result = find_paths(shipped, ROLE["data-analyst"], ROLE["data-scientist"], k=3)
    data = view_data(shipped, lang="en", highlight_paths=[p.roles for p in result.paths])
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len({len(p.roles) for p in result.paths}) > 1, "paths of different lengths"
    for path in result.paths:
        xs = [nodes[r]["x"] for r in path.roles]
        assert xs == sorted(xs) and len(set(xs)) == len(xs), path.roles
        assert all(nodes[r]["pinned"] and "step" in nodes[r] for r in path.roles)
    on_paths = {r for p in result.paths for r in p.roles}
    assert all(n.get("dim") for i, n in nodes.items() if i not in on_paths)


def test_each_step_says_what_it_adds_costs_and_rests_on(shipped):
    result = find_paths(shipped, ROLE["data-analyst"], ROLE["chief-data-officer"], k=2)
    steps = [p["steps"] for p in path_json(shipped, result, "en")["paths"]]
    data = view_data(shipped, lang="en", highlight_paths=[p.roles for p in result.paths], path_steps=steps)
    first = data["paths"][0]
    assert "step" not in first[0]
    note = first[1]["step"]
    assert note["cost"] == result.paths[0].steps[0].cost and note["evidence"] == "stated"
    assert any("ROME 4.0 lists this move 4th of the 9" in w for w in note["why"])
    assert note["essential"] and all(isinstance(s, str) for s in note["essential"])
