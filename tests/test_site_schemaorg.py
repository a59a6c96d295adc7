"""Every role page's JSON-LD, checked against schema.org's definitions (a pinned cut of
release 12.0, tests/data/schemaorg/) and Google's Occupation structured data fields; every
failing entry is named by page and property."""

from __future__ import annotations

import pytest
from rdflib import Graph
from schemaorg import GOOGLE_RECOMMENDED, google_problems, google_recommended, problems
from test_site import _jsonld

from datacareers.store.shipped import shipped_store
from datacareers.views.site import render_site
from datacareers.views.subset import curated_roles


@pytest.fixture(scope="module")
def role_pages():
    site = render_site(shipped_store())
    return {path: _jsonld(data) for path, data in site.items() if "/roles/" in path}


def test_every_role_page_has_its_occupation(role_pages):
    assert len(role_pages) == 2 * len(curated_roles(shipped_store()))


def test_role_pages_follow_schema_org(role_pages):
    found = [p for path, graph in sorted(role_pages.items()) for p in problems(graph, path)]
    assert not found, "\n".join(found)


def test_role_pages_have_googles_required_occupation_fields(role_pages):
    found = [p for path, graph in sorted(role_pages.items()) for p in google_problems(graph, path)]
    assert not found, "\n".join(found)


def test_role_pages_carry_googles_recommended_fields(role_pages):
    present = {path: google_recommended(graph) for path, graph in role_pages.items()}
    # what every page has (the others are not in the data: no experience, qualifications, sample size)
    common = set.intersection(*present.values())
    assert {"description", "mainEntityOfPage", "occupationalCategory"} <= common, sorted(common)
    assert common <= set(GOOGLE_RECOMMENDED)


def _doc(text: str) -> Graph:
    return Graph().parse(data='{"@context": {"@vocab": "https://schema.org/"}, ' + text, format="json-ld")


def test_the_check_names_properties_outside_their_type_and_values_outside_their_range():
    graph = _doc('"@type": "Occupation", "name": "x", "inLanguage": "en", "estimatedSalary": '
                 '{"@type": "MonetaryAmountDistribution", "name": "", "minValue": 1, "validFrom": "2022",'
                 ' "duration": "yearly", "currency": "EUR"}, "occupationalCategory": {"@type": "CategoryCode",'
                 ' "codeValue": "M1405", "inCodeSet": "ROME 4.0"}}')
    found = problems(graph, "p.html")
    for expected in ("Occupation x: inLanguage is not a property of Occupation",
                     "minValue is not a property of MonetaryAmountDistribution",
                     "validFrom is not a property of MonetaryAmountDistribution",
                     "duration = yearly is not of an allowed type",
                     "inCodeSet = ROME 4.0 is not of an allowed type"):
        assert any(expected in p for p in found), (expected, found)
    google = google_problems(graph, "p.html")
    assert "p.html: Occupation x: no occupationLocation (required by Google)" in google
    assert any("estimatedSalary without name" in p for p in google), google


def test_the_check_accepts_googles_own_example():
    graph = _doc('"@type": "Occupation", "name": "Software Developer, Applications", "mainEntityOfPage": '
                 '{"@type": "WebPage", "lastReviewed": "2024-07-23T14:20:00-05:00"}, "estimatedSalary": '
                 '[{"@type": "MonetaryAmountDistribution", "name": "base", "currency": "USD", "duration": "P1Y",'
                 ' "percentile10": 100000.5, "median": 150000}], "occupationLocation": [{"@type": "City",'
                 ' "name": "Mountain View"}]}')
    assert problems(graph, "p.html") == []
    assert google_problems(graph, "p.html") == []
