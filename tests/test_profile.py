"""Every profile facet shown to people, in French and English, each line with its source and
its "via" when it came through a close match: role_facts, show (text and JSON), roles
--facets, the view's detail panel, the site's sections and docs/coverage.md.

Built on a small store in the vocabulary the releases are read into (tests/profile_store.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from profile_store import ALPHA, BETA, GAMMA, profile_store

from datacareers.i18n import number, using
from datacareers.views.coverage import FACETS, role_coverage
from datacareers.views.describe import role_facts
from datacareers.views.report import show_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store():
    return profile_store()


@pytest.fixture(scope="module")
def alpha(store):
    return role_facts(store, ALPHA, "en")


def test_pay_distribution_is_read_with_its_code_and_who_shares_it(alpha):
    [pay] = [s for s in alpha["salaries"] if s["median"] is not None]
    assert (pay["p10"], pay["median"], pay["p90"], pay["soc_code"], pay["employment"], pay["year"]) == (
        63650, 112590, 194410, "15-2051", 202900, "2024")
    assert [r["id"] for r in pay["shared_with"]] == [BETA]
    assert [(m["code"], m["kind"]) for m in pay["via"]] == [("15-2051.00", "close")]


def test_outlook_values_are_typed(alpha):
    [o] = alpha["outlook"]
    assert (o["base_employment"], o["projected_employment"], o["change_percent"], o["annual_openings"]) == (
        245900, 328300, 33.5, 23400)
    assert o["base_year"] == "2024" and o["sources"] == ["https://w3id.org/datacareers/source/bls-ep-2024"]


def test_education_keeps_share_entry_level_and_experience(alpha):
    by_text = {e["text"]: e for e in alpha["education"]}
    assert by_text["Master's degree"]["share"] == 41.5 and by_text["Master's degree"]["eqf_level"] == 7
    assert by_text["Bachelor's degree"]["entry_level"] is True
    assert by_text["Bachelor's degree"]["work_experience"] == "None"


def test_us_education_categories_read_in_french_with_the_release_words(store):
    by_id = {e["id"]: e for e in role_facts(store, ALPHA, "fr")["education"]}
    texts = sorted(e["text"] for e in by_id.values())
    assert "bachelor, premier cycle universitaire (« Bachelor's degree »)" in texts
    assert "master (« Master's degree »)" in texts
    [entry] = [e for e in by_id.values() if e["entry_level"]]
    assert entry["work_experience"] == "aucune (« None »)"


def test_every_us_education_category_in_the_shipped_graph_is_translated():
    from rdflib import Graph, URIRef

    from datacareers.constants import CAREER
    from datacareers.views.categories import CATEGORIES

    unknown, seen = set(), 0
    for folder in ("bls-ep-2024-34", "onet-29.0"):
        graph = Graph().parse(ROOT / "ontology" / "facts" / folder / "education.ttl")
        for predicate in ("levelText", "workExperience"):
            values = {str(o) for o in graph.objects(None, URIRef(CAREER[predicate]))}
            seen += len(values)
            unknown |= {v for v in values if v.casefold() not in CATEGORIES}
    assert seen and not unknown, sorted(unknown)


def test_tasks_core_first_and_in_their_own_language(alpha):
    onet = [t for t in alpha["tasks"] if t["code"] == "15-2051.00"]
    assert [t["category"] for t in onet] == ["core", "supplemental"]
    [rome] = [t for t in alpha["tasks"] if t["code"] == "M1405"]
    assert rome["lang"] == "fr" and rome["position"] == 2 and rome["via"][0]["kind"] == "exact"


def test_tools_flag_hot_and_in_demand_first(alpha):
    assert [(t["label"], t["hot"], t["in_demand"]) for t in alpha["tools"]] == [
        ("Python", True, True), ("SAS", False, False)]


def test_reporting_line_carries_its_sentence(alpha):
    [manager] = alpha["managed_by"]
    assert manager["id"] == GAMMA
    [said] = manager["statements"]
    assert (said["quote"], said["code"], said["position"]) == ("Gère les équipes d'analystes alpha", "M1423", 6)
    assert [m["mapping"].rsplit("/", 1)[-1] for m in manager["via"]] == ["gamma-rome-M1423"]


def test_job_titles_name_their_source(alpha):
    titles = {(t["label"], t["lang"]): [s.rsplit("/", 1)[-1] for s in t["sources"]] for t in alpha["job_titles"]}
    assert titles == {("Quantitative Analyst", "en"): ["onet-29.0"], ("Analyste alpha junior", "fr"): ["rome-4.0"]}


def test_show_text_english_has_every_facet_with_source_and_via(alpha):
    text = show_text(alpha, "en")
    for needle in ("Pay:", "median 112,590", "the same figures for: beta scientist",
                   "  via O*NET 15-2051.00, a close match\n",
                   "O*NET 15-2051.00: O*NET files Alpha Analyst under Data Scientists. [bls-ep-2024, bls-oews-2024, "
                   "onet-29.0]", "Outlook:", "23,400 openings a year (SOC 15-2051)",
                   "share of job holders: 41.5%", "typical entry level", "Tasks:",
                   "Deliver presentations of the results. (core)", "Python (hot technology, in demand) [onet-29.0]",
                   "Job titles:", "Quantitative Analyst [onet-29.0]",
                   "\u201cGère les équipes d'analystes alpha\u201d (rome-4.0 M1423, sentence 6)",
                   "IT and telecommunications [rome-4.0]", "Companies and workplaces [rome-4.0]"):
        assert needle in text, needle
    # a technology is listed once, under tools, not again under skills
    assert text.count("Python") == 1


def test_show_text_reads_as_french(store):
    text = show_text(role_facts(store, ALPHA, "fr"), "fr")
    with using("fr"):
        median, jobs = number(112590), number(245900)
    for needle in (f"médiane {median}", f"2024 : {jobs} emplois", "Rémunération :",
                   "via O*NET 15-2051.00, une correspondance proche",
                   "O*NET 15-2051.00 : O*NET range Alpha Analyst sous Data Scientists.",
                   "« Gère les équipes d'analystes alpha » (rome-4.0 M1423, phrase 6)", "niveau d'entrée habituel",
                   "les mêmes chiffres pour : scientifique bêta", "Appellations :", "(essentielle)"):
        assert needle in text, needle
    assert "per year" not in text and "jobs" not in text


def test_show_json_keys_are_stable_and_values_typed(alpha):
    data = json.loads(json.dumps(alpha, ensure_ascii=False))
    assert {"salaries", "outlook", "tasks", "tools", "job_titles", "read_through", "managed_by"} <= set(data)
    [pay] = [s for s in data["salaries"] if s["median"] is not None]
    assert isinstance(pay["median"], int) and isinstance(pay["employment"], int)
    assert set(data["tasks"][0]) == {"id", "text", "lang", "category", "position", "code", "sources", "via"}
    assert set(data["read_through"][0]) >= {"mapping", "concept", "scheme", "code", "kind", "reason", "source"}


def test_coverage_names_the_graphs_of_each_facet(store):
    found = role_coverage(store, ALPHA)
    assert found["pay"] == ["bls-oews-2024"] and found["outlook"] == ["bls-ep-2024"]
    assert found["tools"] == ["onet-29.0"] and found["skills"] == []
    assert found["tasks"] == ["onet-29.0", "rome-4.0"]
    assert found["managed_by"] == ["rome-4.0"] and found["job_titles"] == ["onet-29.0", "rome-4.0"]
    assert set(found) == {key for key, _title in FACETS}
    assert role_coverage(store, GAMMA)["pay"] == []


def test_view_detail_panel_has_the_profile_sections(store):
    from datacareers.views.html.data import view_data

    details = view_data(store, lang="fr")["details"][ALPHA]
    titles = [s["title"] for s in details["prof"]]
    pay = titles.index("Rémunération")
    assert titles[pay + 1] == "Perspectives"
    [row] = details["prof"][pay]["rows"]
    assert "SOC 15-2051" in row["text"] and "via O*NET 15-2051.00" in row["text"]
    said = next(s for s in details["prof"] if s["title"] == "Rend compte à")["lines"][0]
    assert said["via"] == "« Gère les équipes d'analystes alpha » (rome-4.0 M1423, phrase 6)" and said["src"]
    # the pay table of ranges leaves distributions to the profile section
    assert "sal" not in details


def test_site_sections_title_every_new_facet(alpha):
    from datacareers.views.sections import Links, sections

    found = {s["key"]: s for s in sections(alpha, Links(roles={ALPHA: "alpha", GAMMA: "gamma"}))}
    untitled = [k for k, s in found.items() if s["title"] == k.replace("_", " ")]
    assert not untitled, untitled
    tools = found["tools"]["lines"]
    assert tools[0]["text"] == "Python" and "hot technology" in tools[0]["tags"]
    assert any(t.startswith("via O*NET 15-2051.00") for t in found["outlook"]["lines"][0]["tags"])


def test_roles_facets_columns_in_french(runner, cli):
    result = runner.invoke(cli, ["roles", "--facets", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert "encadrement" in header and "perspectives" in header
    start = header.index("encadrement")
    row = next(r for r in rows if r.startswith("data-analyst "))
    assert row[start:start + len("encadrement")].strip() == "x"  # ROME M1423 names who manages it
    other = next(r for r in rows if r.startswith("gis-specialist "))
    assert other[start:start + len("encadrement")].strip() == "."


def test_roles_facets_json_gives_sources(runner, cli):
    result = runner.invoke(cli, ["roles", "--facets", "--format", "json"])
    rows = {r["slug"]: r for r in json.loads(result.output)}
    assert rows["data-analyst"]["facets"]["managed_by"] == ["rome-4.0"]
    assert rows["gis-specialist"]["facets"]["managed_by"] == []
    assert rows["chief-data-officer"]["facets"]["definition"] == ["curated"]


def test_coverage_doc_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "coverage.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_shipped_show_quotes_the_cdo_sentence(runner, cli):
    result = runner.invoke(cli, ["show", "data analyst", "--lang", "fr"])
    assert "« Gère les équipes de data analysts, data scientists et autres spécialistes des données »" in result.output


def test_a_mapping_missing_from_the_store_does_not_break_the_profile():
    """A cut of a big store may hold the viaMapping link but not the mapping's description."""
    from pyoxigraph import NamedNode, Quad

    from datacareers.views.profile import read_through

    store = profile_store()
    store.add(Quad(NamedNode(BETA), NamedNode("https://w3id.org/datacareers/ontology#viaMapping"),
                   NamedNode("https://w3id.org/datacareers/mapping/beta-onet-15-2051.00"),
                   NamedNode("https://w3id.org/datacareers/source/bls-oews-2024")))
    [via] = [m for ms in read_through(store, BETA, "en").values() for m in ms]
    assert (via["concept"], via["kind"], via["reason"]) == ("", "", "")
    assert "beta scientist" in show_text(role_facts(store, BETA, "en"), "en")


def _model(key: str, items: list[dict]) -> dict:
    from datacareers.views.sections import Links, sections

    return next(x for x in sections({"id": "x", key: items}, Links(roles={})) if x["key"] == key)


def test_tools_say_a_shared_close_match_once():
    from datacareers.views.sections_text import section_lines

    via = [{"mapping": "m", "scheme": "onet", "code": "11-3021.00", "label": "", "kind": "close", "reason": ""}]
    tools = [{"id": name, "label": name, "hot": hot, "in_demand": False, "sources": ["s/onet"], "via": via}
             for name, hot in (("Python", True), ("SQL", True), ("Canu", False))]
    with using("en"):
        lines = section_lines(_model("tools", tools))
    assert lines == ["Tools and technologies:", "  via O*NET 11-3021.00, a close match",
                     "  - Python (hot technology) [onet]", "  - SQL (hot technology) [onet]", "  - Canu [onet]"]
    tools[2]["via"] = []  # read directly: said first, the close match said once above the others
    with using("en"):
        lines = section_lines(_model("tools", tools))
    assert lines[1:3] == ["  - Canu [onet]", "  via O*NET 11-3021.00, a close match"]


def test_education_read_through_one_close_match_says_it_once_after_the_direct_lines():
    from datacareers.views.sections_text import section_lines

    via = [{"mapping": "m", "scheme": "onet", "code": "11-3021.00", "label": "", "kind": "close", "reason": ""}]
    entries = [{"text": "Bachelor's degree", "sources": ["s/bls"], "via": via, "entry_level": True},
               {"text": "Master's Degree", "sources": ["s/onet"], "via": via, "share": 14.36},
               {"text": "Bac + 5", "sources": ["s/rome"], "via": [], "eqf_level": 7}]
    with using("en"):
        lines = section_lines(_model("education", entries))
    assert lines == ["Education:", "  - Bac + 5 (EQF level 7) [rome]", "  via O*NET 11-3021.00, a close match",
                     "  - Bachelor's degree (typical entry level) [bls]",
                     "  - Master's Degree (share of job holders: 14.36%) [onet]"]


def test_show_the_site_and_the_panel_render_one_model_for_a_role_of_mixed_sources():
    """The ML engineer has the article's facts and ROME's, read through a close match: show
    used to leave out ROME's sectors, employers and education and print "via" under the
    article's lines. show, the site's role page and the panel now render one model."""
    from datacareers.constants import ROLE
    from datacareers.store.shipped import shipped_store
    from datacareers.views.html.profile import PANEL, role_sections
    from datacareers.views.sections import Links, sections

    facts = role_facts(shipped_store(), ROLE["machine-learning-engineer"], "en")
    with using("en"):
        model = sections(facts, Links(roles={}))
        text = show_text(facts, "en").splitlines()
        panel = role_sections(facts, lambda graph: 1)
    by_key = {s["key"]: s for s in model}
    for key, rome_line in (("sectors", "IT and telecommunications"),
                           ("employers", "Research and development laboratory"),
                           ("education", "Cet emploi est accessible avec un Bac + 5")):
        section = by_key[key]
        title = text.index(section["title"] + ":")
        block = text[title + 1:text.index("", title)]
        rome = next(i for i, line in enumerate(block) if rome_line in line)
        article = [i for i, line in enumerate(block) if "[ml-engineer-article]" in line]
        assert article and max(article) < rome, (key, block)  # the article's lines first
        note = [line for line in block[:rome] if line.strip().startswith("via ROME M1889")]
        above = [i for i, line in enumerate(block) if line.strip().startswith("via ROME M1889")]
        assert note or "via ROME M1889" in block[rome], (key, block)  # said above the ROME lines, or on them
        assert all(i > max(article) for i in above), (key, block)  # never under the article's lines
    for section in model:  # every line of the model is in the text
        lines = section.get("lines") or section.get("rows") or []
        assert all(any(str(line.get("text") or line.get("level")) in t for t in text) for line in lines), section["key"]
    shown = [s["key"] for s in model if s["key"] in PANEL and (s.get("lines") or s.get("rows"))]
    assert [s["title"] for s in panel] == [by_key[k]["title"] for k in shown]


def test_matches_are_named_in_the_readers_language():
    from datacareers.constants import ROLE
    from datacareers.store.shipped import shipped_store

    store = shipped_store()
    french = show_text(role_facts(store, ROLE["chief-data-officer"], "fr"), "fr")
    assert "proche de https://w3id.org/datacareers/onet/11-3021.00" in french
    assert "code ROME M1423" in french and "closeMatch" not in french
