"""Role names resolve from slugs, IRIs, FR/EN labels, ignoring case and accents."""

import pytest

from datacareers.constants import ROLE
from datacareers.errors import AmbiguousRoleError, UnknownRoleError
from datacareers.store.resolve import normalize, resolve_role


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Machine learning ingénieur", "machine-learning-engineer"),
        ("ml engineer", "machine-learning-engineer"),
        ("ingenieur machine learning", "machine-learning-engineer"),
        ("INGÉNIEUR MACHINE LEARNING", "machine-learning-engineer"),
        ("machine-learning-engineer", "machine-learning-engineer"),
        ("role:data-analyst", "data-analyst"),
        (ROLE["data-architect"], "data-architect"),
        ("CDO", "chief-data-officer"),
        ("directeur data", "chief-data-officer"),
        ("Directrice des systèmes d'information", "chief-information-officer"),
        ("analyste de données", "data-analyst"),
        ("  data   scientist ", "data-scientist"),
    ],
)
def test_resolves(shipped, name, slug):
    assert resolve_role(shipped, name) == ROLE[slug]


def test_ambiguous_lists_candidates(shipped):
    with pytest.raises(AmbiguousRoleError, match=r"'ingénieur' could mean \d+ roles") as info:
        resolve_role(shipped, "ingénieur")
    assert "machine-learning-engineer" in str(info.value)
    assert "it-engineer" in str(info.value)


def test_unknown_suggests(shipped):
    with pytest.raises(UnknownRoleError, match=r"no role named 'data analist'; did you mean: data analyst"):
        resolve_role(shipped, "data analist")


def test_unknown_without_close_name(shipped):
    with pytest.raises(UnknownRoleError, match="see `datacareers roles`"):
        resolve_role(shipped, "zzzz qqqq")


def test_empty_name(shipped):
    with pytest.raises(UnknownRoleError, match="empty"):
        resolve_role(shipped, "   ")


def test_normalize_strips_accents_and_punctuation():
    assert normalize("Ingénieur·e  d'Études") == normalize("ingenieur e d etudes")
