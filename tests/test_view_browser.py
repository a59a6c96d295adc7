"""The HTML view in a real headless Chromium: offline, complete, searchable, safe.

Needs Debian's ``chromium`` (or ``DATACAREERS_CHROMIUM=/path/to/chrome``) and the
``playwright`` Python package; never ``playwright install``. Skipped otherwise, with the
reason. ``DATACAREERS_SCREENSHOT=docs/view.png`` also saves the README screenshot there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from site_browser import ARGS, CHROMIUM, Recorded

from datacareers.constants import PREFIXES, ROLE, source_iri
from datacareers.store.shipped import shipped_store
from datacareers.views.html import page as view
from datacareers.views.html.select import MAX_FOCUS_NODES
from datacareers.views.network import full_graph

CHROMIUM_ARGS = ARGS
EVIL = '<img src=x onerror="window.__xss=1">'
MLE = ROLE["machine-learning-engineer"]

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    _reason = None if Path(CHROMIUM).exists() else f"no Chromium at {CHROMIUM} (apt-get install chromium)"
except ImportError:
    PlaywrightTimeout = TimeoutError
    _reason = "the playwright package is not installed (pip install playwright)"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(_reason is not None, reason=_reason or "")]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM,
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 860})
        yield context
        context.close()


class Opened(Recorded):
    """The view opened from disk, once drawn and still: the page sets data-stable then
    (wait_for_function would need eval, which its Content-Security-Policy rightly forbids)."""

    def __init__(self, context, path: Path):
        super().__init__(context, path.resolve().as_uri(), "body[data-stable=true]", timeout=20_000)


@pytest.fixture
def open_page(browser, tmp_path):
    opened: list[Opened] = []

    def _open(store=None, name="view.html", **kwargs) -> Opened:
        kwargs.setdefault("lang", "fr")  # these tests read the page in French
        path = view.write_view(store or shipped_store(), tmp_path / name, **kwargs)
        page = Opened(browser, path)
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.close()


#: Resolves once the page has drawn 20 more frames (a moving layout would have moved by then).
FRAMES = """() => new Promise(done => { let n = 0;
    const tick = () => (++n >= 20 ? done(n) : requestAnimationFrame(tick)); requestAnimationFrame(tick); })"""


def assert_offline_and_clean(page: Opened) -> None:
    assert page.requests == [page.url], f"requests beyond the file: {page.requests}"
    errors = [c for c in page.console if c[0] in ("error", "pageerror", "warning")]
    assert not errors, errors


def test_loads_offline_with_every_node_and_edge(open_page, shipped):
    page = open_page()
    assert_offline_and_clean(page)
    graph = full_graph(shipped)
    counts = page.js("""() => { const v = datacareersView;
        return {nodes: v.data.nodes.length, edges: v.data.edges.length,
                drawnNodes: v.nodeView.length, drawnEdges: v.edgeView.length}; }""")
    assert counts["nodes"] == graph.number_of_nodes() and counts["edges"] == graph.number_of_edges()
    assert set(page.js("() => datacareersView.nodes.getIds()")) == set(graph.nodes)
    off = page.js("() => datacareersView.data.initiallyOff")
    if off:  # a big graph opens on its career map, and says skills are hidden
        assert counts["drawnNodes"] == sum(1 for _, a in graph.nodes(data=True) if a["kind"] != "skill")
        assert "compétences masquées" in page.page.inner_text("#status")
        page.js("() => datacareersView.resetFilters()")
        page.page.wait_for_selector("body[data-stable=true]", state="attached", timeout=20_000)
    shown = page.js("() => datacareersView.shown")
    assert shown == {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    assert page.js("() => datacareersView.network.physics.physicsEnabled") is False
    legend = page.page.inner_text("#side")
    assert "métier" in legend and "peut évoluer vers" in legend and "ml-engineer-article" in legend
    assert_offline_and_clean(page)


def test_screenshot(open_page):
    """The README's picture: the default view with the machine learning engineer explained."""
    page = open_page()
    page.page.fill("#search", "ingénieur machine learning")
    page.page.press("#search", "Enter")
    page.page.wait_for_selector("body[data-animating=false]", state="attached")  # centred
    path = os.environ.get("DATACAREERS_SCREENSHOT") or str(Path(page.url[7:]).with_suffix(".png"))
    page.page.screenshot(path=path)
    assert Path(path).stat().st_size > 20_000


def test_physics_stops_once_settled(open_page):
    page = open_page()
    assert page.js("() => datacareersView.network.physics.physicsEnabled") is False
    before = page.js("() => datacareersView.network.getPositions()")
    page.js(FRAMES)
    assert page.js("() => datacareersView.network.getPositions()") == before


@pytest.mark.parametrize(("lang", "typed", "heading"), [
    ("fr", "ingénieur machine", "ingénieur machine learning"),
    ("en", "ML engineer", "machine learning engineer"),
    ("fr", "ingenieur ml", "ingénieur machine learning"),
])
def test_search_finds_selects_and_explains(open_page, lang, typed, heading):
    page = open_page(lang=lang)
    page.page.fill("#search", typed)
    first = page.page.locator("#results li").first
    assert first.get_attribute("data-id") == MLE
    page.page.press("#search", "Enter")
    assert page.js("() => datacareersView.selected") == MLE
    assert page.js("() => datacareersView.network.getSelectedNodes()") == [MLE]
    assert page.page.inner_text("#info h2") == heading
    info = page.page.inner_text("#info")
    assert "EUR" in info and "ml-engineer-article" in info  # salaries, with their source
    assert_offline_and_clean(page)


def test_search_says_when_nothing_matches(open_page):
    page = open_page(lang="en")
    page.page.fill("#search", "zzz astronaut")
    assert "No match" in page.page.inner_text("#results")


def test_filters_never_blank_the_page_silently(open_page):
    page = open_page()
    for box in page.page.locator("#f-kinds input").all():
        box.uncheck()
    assert page.page.is_visible("#notice")
    assert "Aucun nœud ne correspond à ces filtres" in page.page.inner_text("#notice")
    assert "aucun type de nœud" in page.page.inner_text("#notice")
    page.page.click("#reset")
    assert not page.page.is_visible("#notice")
    assert page.js("() => datacareersView.shown.nodes") == page.js("() => datacareersView.data.nodes.length")


def test_source_filter_hides_only_that_source(open_page):
    page = open_page()
    total = page.js("() => datacareersView.shown.edges")
    page.page.locator("#f-srcs label", has_text="rome-4.0").locator("input").uncheck()
    shown = page.js("() => datacareersView.shown")
    assert 0 < shown["edges"] < total and shown["nodes"] > 0


def test_focus_view_draws_the_neighbourhood(open_page, shipped):
    graph = full_graph(shipped)
    around = {MLE} | set(graph.successors(MLE)) | set(graph.predecessors(MLE))
    page = open_page(focus="machine-learning-engineer", depth=1, lang="en")
    drawn = set(page.js("() => datacareersView.nodeView.getIds()"))
    # the whole neighbourhood, or (past the cap) the cap's worth of it, moves and people first
    assert drawn <= around and len(drawn) == min(len(around), MAX_FOCUS_NODES)
    people = {v for _, v, rel in graph.out_edges(MLE, keys=True) if rel in ("canBecome", "managedBy", "worksWith")}
    people |= {u for u, _, rel in graph.in_edges(MLE, keys=True) if rel in ("canBecome", "managedBy", "worksWith")}
    assert people and people <= drawn, sorted(people - drawn)
    assert page.page.inner_text("#info h2") == "machine learning engineer"
    assert "depth 1" in page.page.inner_text("#subtitle")
    assert_offline_and_clean(page)


def test_path_view_numbers_the_steps(open_page):
    path = [ROLE["data-analyst"], ROLE["chief-data-officer"], ROLE["data-architect"]]
    page = open_page(highlight_paths=[path], lang="en")
    steps = page.page.locator("#path ol li").all_inner_texts()
    assert steps == ["data analyst", "chief data officer", "data architect"]
    page.page.get_by_role("button", name="Next step ▶").click()
    page.page.get_by_role("button", name="Next step ▶").click()
    assert page.js("() => datacareersView.selected") == path[1]
    assert "Step 2 of 3" in page.page.inner_text("#path")
    labels = page.js("() => datacareersView.nodes.get().filter(n => n.opacity === undefined).map(n => n.id)")
    assert set(labels) == set(path)  # everything else is dimmed
    assert_offline_and_clean(page)


def test_labels_with_html_show_as_text_and_never_run(open_page):
    store = shipped_store()
    graph = NamedNode(source_iri("curated"))
    analyst = NamedNode(ROLE["data-analyst"])
    store.remove(Quad(analyst, NamedNode(PREFIXES["skos"] + "prefLabel"), Literal("data analyst", language="en"),
                      graph))
    store.add(Quad(analyst, NamedNode(PREFIXES["skos"] + "prefLabel"), Literal(EVIL, language="en"), graph))
    store.add(Quad(analyst, NamedNode(PREFIXES["skos"] + "definition"), Literal(EVIL, language="en"), graph))
    page = open_page(store, lang="en")
    page.page.fill("#search", "img src")
    assert page.page.locator("#results li").first.get_attribute("data-id") == ROLE["data-analyst"]
    page.page.press("#search", "Enter")
    page.page.wait_for_selector("body[data-animating=false]", state="attached")  # centred: it stays put
    assert page.page.inner_text("#info h2") == EVIL
    assert EVIL in page.page.inner_text("#info")
    # hover it too: vis-network's tooltip must show the text, not parse it
    position = page.js("""() => { const n = datacareersView.network;
        const p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]); return p; }""".replace(
        "arguments[0]", repr(ROLE["data-analyst"])))
    box = page.page.locator("#graph").bounding_box()
    for jiggle in range(10):  # vis-network shows its tooltip once the pointer rests on the node
        page.page.mouse.move(box["x"] + position["x"] + jiggle % 2, box["y"] + position["y"])
        try:
            page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    assert page.page.locator("div.vis-tooltip").is_visible()
    assert page.page.locator("img").count() == 0
    assert page.js("() => window.__xss") is None
    assert_offline_and_clean(page)  # an <img src=x> would have been requested
