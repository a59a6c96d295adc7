"""Views of a big dataset are drawn from a small subset, with the same content."""

import pytest

from datacareers.constants import ROLE
from datacareers.views import subset
from datacareers.views.html.data import view_data
from datacareers.views.subset import drawable_subset, neighbourhood


def test_neighbourhood_follows_relations_both_ways(shipped):
    around = neighbourhood(shipped, [ROLE["data-scientist"]], 1)
    assert ROLE["machine-learning-engineer"] in around  # ML engineer -> data scientist (incoming)
    assert ROLE["chief-data-officer"] in around  # data scientist managed by the CDO (outgoing)
    assert ROLE["chief-information-officer"] not in around


def test_subset_keeps_everything_about_kept_nodes(shipped):
    small = drawable_subset(shipped, [ROLE["machine-learning-engineer"]], 0)
    from datacareers.views.describe import role_facts

    full = role_facts(shipped, ROLE["machine-learning-engineer"], "en")
    cut = role_facts(small, ROLE["machine-learning-engineer"], "en")
    for facet in ("salaries", "education", "outlook", "tasks", "read_through"):
        assert cut[facet] == full[facet], facet
    assert cut["definition"] == full["definition"]
    assert len(small) < len(shipped)


@pytest.mark.parametrize("focus", [None, "data analyst"])
def test_big_store_view_draws_the_same_focus(shipped, monkeypatch, focus):
    whole = view_data(shipped, lang="en", focus=focus, depth=1)
    monkeypatch.setattr(subset, "LARGE_STORE", 0)  # treat the shipped graph as a big import
    cut = view_data(shipped, lang="en", focus=focus, depth=1)
    ids = lambda data: {n["id"] for n in data["nodes"]}  # noqa: E731
    if focus:
        assert ids(cut) == ids(whole)
    else:
        assert {n for n in ids(whole) if n.startswith(ROLE)} <= ids(cut)
