"""The HTML view without a browser: offline, escaped, complete, focused, written atomically."""

from __future__ import annotations

import json
import re

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import PREFIXES, ROLE, source_iri
from datacareers.errors import BadInputError, UnknownRoleError
from datacareers.store.shipped import shipped_store
from datacareers.views.html import data as view_data_module
from datacareers.views.html import page as view
from datacareers.views.html.data import view_data
from datacareers.views.html.layout import cheap_layout
from datacareers.views.html.select import MAX_FOCUS_NODES
from datacareers.views.html.style import NODE_STYLES
from datacareers.views.network import full_graph

EVIL = '</script><img src=x onerror="window.__xss=1">&amp;'
MLE = ROLE["machine-learning-engineer"]


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="dc-data">(.*?)</script>', html, re.S)
    assert match, "the page embeds its data as JSON"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def default_html():
    return view.render_html(shipped_store())


@pytest.fixture(scope="module")
def evil_store():
    store = shipped_store()
    graph = NamedNode(source_iri("curated"))
    for lang in ("fr", "en"):
        store.add(Quad(NamedNode(ROLE["data-analyst"]), NamedNode(PREFIXES["skos"] + "altLabel"),
                       Literal(EVIL, language=lang), graph))
    store.add(Quad(NamedNode(ROLE["data-analyst"]), NamedNode(PREFIXES["skos"] + "definition"),
                   Literal(EVIL, language="fr"), graph))
    return store


def test_no_remote_script_style_or_font(default_html):
    tags = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", default_html, re.I)
    assert not [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, re.I)], tags
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", default_html, re.I)
    assert not re.search(r"@import", default_html)
    assert "sourceMappingURL" not in default_html


def test_content_security_policy_forbids_fetching(default_html):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', default_html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp


def test_vis_network_is_inline(default_html):
    assert "vis-network" in default_html and "vis.Network" in default_html
    # data, vis-network, the page's code: three script elements, none with a src
    assert len(re.findall(r"^<script\b", default_html, re.M)) == 3


def test_data_is_json_escaped(evil_store):
    html = view.render_html(evil_store, lang="fr")
    assert "</script><img" not in html
    assert "\\u003c/script\\u003e\\u003cimg" in html
    data = page_data(html)
    assert EVIL in data["nodes"][[n["id"] for n in data["nodes"]].index(ROLE["data-analyst"])]["names"]
    assert data["details"][ROLE["data-analyst"]]["def"][0][0] == EVIL


def test_json_for_script_escapes_every_breakout():
    text = view.json_for_script({"x": "<>&\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"x": "<>&\u2028\u2029"}


def test_title_is_html_escaped(shipped):
    html = view.render_html(shipped, title="<b>x</b>")
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in html


def test_legend_and_filters_present(default_html):
    for element in ("f-kinds", "f-rels", "f-srcs", "legend-title", "search", "notice"):
        assert f'id="{element}"' in default_html
    assert page_data(default_html)["i18n"]["kind"]["role"] == "role"
    data = page_data(view.render_html(shipped_store(), lang="fr"))
    assert set(data["nodeStyles"]) >= {"role", "skill-hard", "skill-soft", "sector", "employer"}
    assert data["i18n"]["kind"]["role"] == "métier"
    assert data["i18n"]["noNode"].startswith("Aucun nœud ne correspond à ces filtres")


def test_node_and_edge_counts_match_full_graph(shipped):
    graph = full_graph(shipped)
    data = view_data(shipped)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert {e["rel"] for e in data["edges"]} == {k for *_, k in graph.edges(keys=True)}


def test_every_node_has_a_style_and_label(shipped):
    data = view_data(shipped, lang="en")
    for node in data["nodes"]:
        assert node["kind"] in NODE_STYLES, node["id"]
        assert node["label"] and node["full"], node["id"]
        assert all(len(line) <= 19 for line in node["label"].split("\n")), node["label"]
    assert {n["id"]: n["full"] for n in data["nodes"]}[MLE] == "machine learning engineer"


def test_language_chooses_labels(shipped):
    fr = {n["id"]: n["full"] for n in view_data(shipped, lang="fr")["nodes"]}
    assert fr[MLE] == "ingénieur machine learning"


def test_roles_sized_by_centrality(shipped):
    sizes = {n["id"]: n["size"] for n in view_data(shipped)["nodes"] if n["kind"] == "role"}
    assert sizes[MLE] > min(sizes.values())
    assert all(14 <= s <= 40 for s in sizes.values())


def test_role_details_explain_salary_education_skills_and_sources(shipped):
    data = view_data(shipped, lang="en")
    details = data["details"][MLE]
    assert details["def"][0][0].startswith("Builds, deploys")
    salaries = details["sal"]
    assert {(s["sen"], s["min"], s["max"], s["cur"], s["dur"]) for s in salaries} >= {
        ("junior", 35000, 45000, "EUR", "P1Y")}
    shorts = {s["id"]: s["short"] for s in data["sources"]}
    article = [e for e in details["edu"] if {shorts[i] for i in e["src"]} == {"ml-engineer-article"}]
    assert sorted(e["eqf"] for e in article) == [7, 8]  # its Master and Doctorat (the releases' come with theirs)
    links = details["links"]
    assert {x[0] for x in links["managedBy>"]} == {ROLE["chief-data-officer"], ROLE["digital-strategy-director"]}
    assert ROLE["data-scientist"] in {x[0] for x in links["canBecome>"]}
    assert {shorts[i] for s in salaries for i in s["src"]} == {"ml-engineer-article"}


def test_focus_draws_the_neighbourhood(shipped):
    graph = full_graph(shipped)
    expected = {MLE} | set(graph.successors(MLE)) | set(graph.predecessors(MLE))
    data = view_data(shipped, focus="machine-learning-engineer", depth=1)
    drawn = {n["id"] for n in data["nodes"]}  # the whole neighbourhood, or its most relevant MAX_FOCUS_NODES
    assert MLE in drawn and drawn <= expected and len(drawn) == min(len(expected), MAX_FOCUS_NODES)
    assert [n["id"] for n in data["nodes"] if n.get("focus")] == [MLE]
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])


def test_focus_accepts_iri_slug_and_label(shipped):
    by = [view_data(shipped, focus=name, depth=0)["focus"]
          for name in (MLE, "machine-learning-engineer", "ingénieur machine learning", "ML engineer")]
    assert by == [MLE] * 4


def test_focus_unknown_role(shipped):
    with pytest.raises(UnknownRoleError, match="no role named 'astronaut'"):
        view_data(shipped, focus="astronaut")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"depth": -1}, "depth must be"), ({"lang": "de"}, "language 'de' not supported")])
def test_bad_arguments(shipped, kwargs, message):
    with pytest.raises(BadInputError, match=message):
        view_data(shipped, **kwargs)


def test_big_whole_graph_opens_on_the_career_map(shipped, monkeypatch):
    monkeypatch.setattr(view_data_module, "READABLE", 10)
    assert set(view_data(shipped)["initiallyOff"]) == {g for g in NODE_STYLES if g.startswith("skill")}
    assert view_data(shipped, focus="data-analyst")["initiallyOff"] == []
    monkeypatch.setattr(view_data_module, "READABLE", 10_000)
    assert view_data(shipped)["initiallyOff"] == []


def test_highlight_paths_number_steps_and_dim_the_rest(shipped):
    path = [ROLE["data-analyst"], ROLE["chief-data-officer"], ROLE["data-architect"]]
    data = view_data(shipped, highlight_paths=[path])
    steps = {n["id"]: n.get("step") for n in data["nodes"] if n.get("step")}
    assert steps == {path[0]: "1", path[1]: "2", path[2]: "3"}
    assert all(n.get("dim") for n in data["nodes"] if n["id"] not in steps)
    on_path = {(e["from"], e["to"]) for e in data["edges"] if e.get("path")}
    assert on_path == {(path[0], path[1]), (path[1], path[2])}
    assert [s["id"] for s in data["paths"][0]] == path


def test_highlight_paths_rejects_unknown_nodes(shipped):
    with pytest.raises(BadInputError, match="not in the graph"):
        view_data(shipped, highlight_paths=[[ROLE["nobody"]]])


def test_large_graphs_get_a_python_layout_and_no_physics(shipped, monkeypatch):
    monkeypatch.setattr(view_data_module, "LARGE_GRAPH", 5)
    data = view_data(shipped)
    assert data["layout"]["fixed"] is True
    assert all(isinstance(n.get("x"), float | int) and isinstance(n.get("y"), float | int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])


def test_cheap_layout_scales_and_packs_lonely_nodes():
    import networkx as nx

    graph = nx.grid_2d_graph(30, 30)
    graph.add_nodes_from(["lonely-1", "lonely-2"])
    pos = cheap_layout(graph)
    assert len(pos) == 902
    assert pos["lonely-1"][0] > max(x for v, (x, _) in pos.items() if not str(v).startswith("lonely"))


def test_write_view_is_atomic(shipped, tmp_path, monkeypatch):
    target = tmp_path / "out" / "view.html"
    assert view.write_view(shipped, target) == target
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")

    def boom(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(view, "render_html", boom)
    with pytest.raises(RuntimeError):
        view.write_view(shipped, target)
    assert target.read_text(encoding="utf-8") == first
    assert [p.name for p in target.parent.iterdir()] == ["view.html"]


def test_write_view_refuses_unwritable_places(shipped, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BadInputError, match="is not a folder"):
        view.write_view(shipped, blocker / "view.html")
    with pytest.raises(BadInputError, match="is a folder"):
        view.write_view(shipped, tmp_path)


# ----------------------------------------------------------------------------- CLI


def test_cli_help_teaches(runner, cli):
    result = runner.invoke(cli, ["view", "--help"])
    assert result.exit_code == 0
    assert "--focus ROLE" in result.output and "Examples:" in result.output
    assert "datacareers view --focus machine-learning-engineer" in result.output
    assert "--max-nodes" in result.output


def test_cli_writes_default_file_and_prints_path(runner, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["view"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "datacareers.html"
    assert (tmp_path / "datacareers.html").is_file()


def test_cli_focus_and_lang(runner, cli, tmp_path):
    out = tmp_path / "mle.html"
    result = runner.invoke(cli, ["view", "--focus", "ML engineer", "--depth", "1", "--lang", "en",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["focus"] == MLE and data["lang"] == "en"


@pytest.mark.parametrize(("args", "message"), [
    (["--depth", "-1"], "must be 0 or more"),
    (["--focus", "astronaut"], "no role named 'astronaut'"),
    (["--lang", "de"], "'de' is not one of"),
])
def test_cli_bad_input_exits_2(runner, cli, tmp_path, args, message):
    result = runner.invoke(cli, ["view", *args, "-o", str(tmp_path / "v.html")])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "v.html").exists()


def test_focus_view_is_capped_to_its_most_relevant_nodes(shipped):
    """A focus view draws at most max_nodes nodes: the role itself, then its moves and reporting
    lines before its skills; the page says how many it left out."""
    whole = view_data(shipped, lang="en", focus="data-scientist", depth=1, max_nodes=0)
    assert whole["capped"] is None and len(whole["nodes"]) > 20
    cut = view_data(shipped, lang="en", focus="data-scientist", depth=1, max_nodes=20)
    assert len(cut["nodes"]) == 20 and cut["capped"] == (20, len(whole["nodes"]))
    kept = {n["id"] for n in cut["nodes"]}
    assert ROLE["data-scientist"] in kept
    moves = {e["to"] for e in whole["edges"] if e["from"] == ROLE["data-scientist"] and e["rel"] == "canBecome"}
    assert 0 < len(moves) < 19, "pick a cap above the role's moves for this test"
    assert moves <= kept  # its moves come before any of its skills
    skills = [n["id"] for n in whole["nodes"] if n["kind"].startswith("skill")]
    assert len(skills) > 20 and not set(skills) <= kept
    assert "20 of" in cut["subtitle"]


def test_cli_says_when_a_focus_view_is_capped(runner, cli, tmp_path):
    result = runner.invoke(cli, ["view", "--focus", "data scientist", "--max-nodes", "10", "-o",
                                 str(tmp_path / "v.html")])
    assert result.exit_code == 0, result.output
    assert "Drew 10 of the" in result.stderr
