"""The path view: steps pinned left to right, one row per path, other nodes dimmed."""

from datacareers.constants import ROLE
from datacareers.views.html.data import view_data
from datacareers.views.paths import find_paths


def test_path_steps_are_pinned_in_order(shipped):
    result = find_paths(shipped, ROLE["data-analyst"], ROLE["data-scientist"], k=2)
    data = view_data(shipped, lang="en", highlight_paths=[p.roles for p in result.paths])
    nodes = {n["id"]: n for n in data["nodes"]}
    for path in result.paths:
        xs = [nodes[r]["x"] for r in path.roles]
        assert xs == sorted(xs) and len(set(xs)) == len(xs), path.roles
        assert all(nodes[r]["pinned"] and "step" in nodes[r] for r in path.roles)
    on_paths = {r for p in result.paths for r in p.roles}
    assert all(n.get("dim") for i, n in nodes.items() if i not in on_paths)
    assert any(k.startswith("skill") for k in data["initiallyOff"])
