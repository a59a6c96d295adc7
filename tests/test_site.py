"""The static site, read as files: structure, sources on every line, JSON-LD, honest pay,
self-contained pages, deterministic bytes, all-or-nothing writes, the ``site`` command."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from rdflib import Graph, Namespace, URIRef

from datacareers.constants import PREFIXES, ROLE, source_iri
from datacareers.store.shipped import shipped_store
from datacareers.views import describe
from datacareers.views.sections import HEADER_KEYS
from datacareers.views.site import build, render_site, write_site
from datacareers.views.site.words import FACET_TITLES
from datacareers.views.subset import curated_roles

SCHEMA = Namespace("https://schema.org/")
ANALYST, MLE = ROLE["data-analyst"], ROLE["machine-learning-engineer"]


@pytest.fixture(scope="module")
def site():
    return render_site(shipped_store())


class Page(HTMLParser):
    """Every element of a page (tag, attributes) and the text of each inline script / style."""

    def __init__(self, data: bytes):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.inline: list[tuple[str, dict, str]] = []
        self._open: tuple[str, dict] | None = None
        self._text: list[str] = []
        self.text_parts: list[str] = []
        self.feed(data.decode("utf-8"))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in ("script", "style"):
            self._open, self._text = (tag, attributes), []

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.inline.append((tag, self._open[1], "".join(self._text)))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"[ \t\r\n]+", " ", " ".join(self.text_parts)).strip()  # keeps no-break spaces

    def all(self, tag: str, **wanted) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in wanted.items())]

    def csp(self) -> str:
        return self.all("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_both_languages_have_the_same_pages_and_every_role_one(site, shipped):
    fr = {p[3:] for p in site if p.startswith("fr/")}
    en = {p[3:] for p in site if p.startswith("en/")}
    assert fr == en
    slugs = {r.rsplit("/", 1)[-1] for r in curated_roles(shipped)}
    assert {p[6:-5] for p in fr if p.startswith("roles/")} == slugs
    assert {"index.html", "path.html", "map.html", "sources.html"} <= fr
    assert "index.html" in site


def test_same_data_same_bytes(site):
    assert render_site(shipped_store()) == site


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_says_its_language_and_links_to_the_same_page_in_the_other(site, lang):
    other = "en" if lang == "fr" else "fr"
    for path in (p for p in site if p.startswith(lang + "/")):
        page = Page(site[path])
        assert page.all("html")[0]["lang"] == lang, path
        switch = page.all("a", id="lang-switch")
        if path.endswith("map.html"):  # the map's switch is drawn by its script
            assert b'"other":"' + other.encode() + b'"' in site[path]
            continue
        href = switch[0]["href"]
        target = (Path(path).parent / href).as_posix()
        resolved = re.sub(r"[^/]+/\.\./", "", re.sub(r"[^/]+/\.\./", "", target))
        assert resolved == other + path[2:], (path, href)


def test_pages_are_self_contained_and_run_only_their_own_inline_code(site):
    for path, data in site.items():
        if path.endswith("map.html"):
            continue  # the map is the HTML view, tested in test_view*.py; its policy is checked below
        page = Page(data)
        policy = page.csp()
        assert "default-src 'none'" in policy and "http" not in policy, path
        for tag, attrs, text in page.inline:
            if attrs.get("type") in ("application/json", "application/ld+json"):
                continue
            assert sha(text) in policy, f"{path}: an inline {tag} the policy does not allow"
        assert not page.all("script", src=None) or all("src" not in a for a in page.all("script")), path
        assert not [a for t, a in page.elements if t == "link" and a.get("rel") == "stylesheet"], path
        assert not [a for t, a in page.elements if t in ("img", "iframe", "source", "video", "audio")], path
    maps = Page(site["fr/map.html"]).csp()
    assert "default-src 'none'" in maps and "connect-src 'none'" in maps


def test_every_line_of_a_role_page_names_its_source_and_links_to_it(site):
    sources = Page(site["fr/sources.html"])
    anchors = {a["id"] for a in sources.all("section") if a.get("id")}
    for path in (p for p in site if p.startswith("fr/roles/")):
        html = site[path].decode()
        body = html.split("<section ", 1)[1].split('<section id="page-sources"')[0]  # the facets
        body = re.sub(r'<nav class="toc".*?</nav>', "", body, flags=re.S)  # the table of contents links, not lines
        for item in re.findall(r"<li>(.*?)</li>", body, re.S):
            links = re.findall(r'class="src" href="\.\./sources\.html#([^"]+)"', item)
            assert links, f"{path}: a line without its source: {item[:120]}"
            assert set(links) <= anchors, f"{path}: a source the sources page lacks: {links}"


def test_every_facet_of_role_facts_has_a_section_and_a_title(site, shipped):
    facts = describe.role_facts(shipped, MLE, "fr")
    page = Page(site["fr/roles/machine-learning-engineer.html"])
    ids = {a.get("id") for a in page.all("section")}
    for key, value in facts.items():
        if key in HEADER_KEYS:
            continue
        if key == "french":  # Dares's figures: their own sections with their own titles
            for part in ("pay_fr", "tension"):
                if value.get(part):
                    assert part in ids, f"French facet {part!r} is not on the page"
            continue
        assert key in FACET_TITLES, f"facet {key!r} has no title in views/site/words.py"
        if value:
            assert key in ids, f"facet {key!r} is not on the page"


def test_a_new_facet_appears_without_new_code(monkeypatch, shipped):
    original = describe.role_facts

    def with_outlook(store, role, lang="en"):
        facts = original(store, role, lang)
        facts["outlook"] = [{"label": "much faster than average", "sources": [source_iri("curated")]}]
        facts["brand_new_facet"] = [{"label": "something new", "sources": [source_iri("curated")]}]
        facts["tools"] = [{"label": "Apache Spark", "hot": True, "in_demand": True, "sources": [source_iri("curated")]}]
        return facts

    monkeypatch.setattr(build, "role_facts", with_outlook)
    site = render_site(shipped, langs=("en", "fr"))
    role = site["en/roles/data-analyst.html"].decode()
    assert 'id="outlook"' in role and "much faster than average" in role and "Outlook" in role
    assert 'id="brand_new_facet"' in role and "something new" in role
    tools = role.split('id="tools"')[1].split("</section>")[0]
    assert "Apache Spark" in tools and "hot technology" in tools and "in demand" in tools
    assert "much faster than average" in Page(site["en/index.html"]).text


def _without_wages(store):
    """The shipped store without the OEWS wages (so that only the article gives pay)."""
    store.remove_graph(NamedNode(source_iri("bls-oews-2024")))  # the graph and its quads
    return store


def test_a_role_without_pay_says_so_and_one_with_pay_shows_its_table():
    site = render_site(_without_wages(shipped_store()), langs=("fr",))
    analyst = Page(site["fr/roles/data-analyst.html"]).text
    assert "Rémunération aucun chiffre d’aucune source" in analyst
    mle = site["fr/roles/machine-learning-engineer.html"].decode()
    pay = mle.split('id="salaries"')[1].split("</section>")[0]
    assert "45\u202f000" in pay and "EUR" in pay and "ml-engineer-article" in pay
    index = Page(site["fr/index.html"]).text
    # the article's table (gross) and its headline range (not said to be gross): not called gross
    assert "de 35\u202f000 à 75\u202f000 EUR par an (fourchette, sans médiane)" in index
    assert index.count("aucun chiffre d’aucune source") == len(curated_roles(shipped_store())) - 1


def _with_median(store):
    """The shipped store plus an OEWS-like wage distribution for the data analyst."""
    s = PREFIXES["schema"]
    pay = NamedNode("https://w3id.org/datacareers/salary/test-analyst-oews")
    graph = NamedNode(source_iri("test-oews"))
    store.add(Quad(NamedNode(ANALYST), NamedNode(PREFIXES["career"] + "salary"), pay, graph))
    for term, value in (("percentile10", 52000), ("percentile25", 64000), ("median", 83640),
                        ("percentile75", 107000), ("percentile90", 135000)):
        store.add(Quad(pay, NamedNode(s + term), Literal(str(value), datatype=NamedNode(PREFIXES["xsd"] + "decimal")),
                       graph))
    store.add(Quad(pay, NamedNode(s + "currency"), Literal("USD"), graph))
    store.add(Quad(pay, NamedNode(s + "duration"), Literal("P1Y"), graph))
    return store


def test_wage_distribution_shows_its_percentiles_and_median():
    site = render_site(_with_median(_without_wages(shipped_store())), langs=("fr", "en"))
    index = Page(site["fr/index.html"]).text
    assert "médiane 83\u202f640 USD par an" in index
    pay = site["en/roles/data-analyst.html"].decode().split('id="salaries"')[1].split("</section>")[0]
    for figure in ("52,000", "64,000", "83,640", "107,000", "135,000", "test-oews"):
        assert figure in pay, figure
    doc = _jsonld(site["en/roles/data-analyst.html"])
    medians = {str(doc.value(s, SCHEMA.name)): doc.value(s, SCHEMA.median).toPython()
               for s in doc.subjects(SCHEMA.median, None)}
    assert medians.pop("test-oews") == 83640  # an unknown source: named, no place claimed
    assert all(name.startswith("Dares") and name.endswith("(France)") for name in medians), medians


def _jsonld(data: bytes) -> Graph:
    scripts = [text for _, attrs, text in Page(data).inline if attrs.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    graph = Graph()
    graph.parse(data=scripts[0], format="json-ld")  # the inline context: parsed offline
    return graph


def test_role_jsonld_is_an_occupation_with_codes_skills_and_pay(site, shipped):
    graph = _jsonld(site["en/roles/machine-learning-engineer.html"])
    role = URIRef(MLE)
    assert (role, URIRef(PREFIXES["rdf"] + "type"), SCHEMA.Occupation) in graph
    codes = {str(graph.value(c, SCHEMA.codeValue)) for c in graph.objects(role, SCHEMA.occupationalCategory)}
    facts = describe.role_facts(shipped, MLE, "en")
    expected = {m["target"] for m in facts["matches"] if m["relation"] in ("romeCode", "onetCode")}
    assert expected and expected <= codes
    salaries = list(graph.objects(role, SCHEMA.estimatedSalary))
    dares = {p["fap"] for p in facts["french"]["pay_fr"] if p["median"] is not None}  # the latest period of each
    assert len(salaries) == len(facts["salaries"]) + len(dares)
    rdf_type = URIRef(PREFIXES["rdf"] + "type")
    ranges = [graph.value(s, SCHEMA.value) for s in salaries if (s, rdf_type, SCHEMA.MonetaryAmount) in graph]
    assert {(graph.value(v, SCHEMA.minValue).toPython(), graph.value(v, SCHEMA.maxValue).toPython())
            for v in ranges} == {(s["min"], s["max"]) for s in facts["salaries"] if s["min"] is not None}
    distributions = [s for s in salaries if (s, rdf_type, SCHEMA.MonetaryAmountDistribution) in graph]
    assert len(distributions) + len(ranges) == len(salaries)
    latest = {fap: max((p for p in facts["french"]["pay_fr"] if p["fap"] == fap), key=lambda p: p["end"])
              for fap in dares}
    assert {graph.value(s, SCHEMA.median).toPython() for s in distributions} == {
        s["median"] for s in facts["salaries"] if s["min"] is None} | {  # the OEWS distribution, Dares's medians
        p["median"] for p in latest.values()}
    assert all(str(graph.value(s, SCHEMA.name)).strip() for s in salaries)  # each names its source and place
    places = {str(graph.value(c, SCHEMA.name)) for c in graph.objects(role, SCHEMA.occupationLocation)}
    assert places == {"US", "FR"}  # BLS's figure, the article's and Dares's
    assert len(list(graph.objects(role, SCHEMA.skills))) == len(facts["skills"])
    assert list(graph.objects(role, SCHEMA.educationRequirements))


def test_every_curated_role_has_a_family(shipped):
    families = describe.role_families(shipped, curated_roles(shipped), "fr")
    assert all(f["id"] for f in families), [f["roles"] for f in families if not f["id"]]
    assert all(f["label"] and f["label"] != f["id"] for f in families)


def test_index_groups_every_role_once_and_carries_search_names(site, shipped):
    page = Page(site["fr/index.html"])
    cards = [a["data-search"] for a in page.all("li") if "data-search" in a]
    assert len(cards) == len(curated_roles(shipped))
    analyst = [c for c in cards if "analyste de donnees" in c]
    assert len(analyst) == 1 and "data analyst" in analyst[0]  # French alt label, accents folded


def test_sources_page_describes_every_named_graph(site, shipped):
    text = Page(site["fr/sources.html"]).text
    for graph in shipped.named_graphs():
        assert graph.value in text
    assert "Licence Ouverte / Open Licence (Etalab 2.0)" in text and "CC BY 4.0" in text


def test_pages_are_small(site):
    for path, data in site.items():
        # the map holds the whole drawn graph and every role's full profile (tasks, tools, job titles);
        # the path finder the 13,000 titles of the 1,565 ROME fiches one may start from and their moves
        limit = 6_000_000 if path.endswith("map.html") else 1_300_000 if path.endswith("path.html") else 250_000
        assert len(data) < limit, (path, len(data))


def _path_data(site, lang: str) -> dict:
    page = Page(site[f"{lang}/path.html"])
    return json.loads(next(text for tag, attrs, text in page.inline if attrs.get("id") == "dc-path"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_path_finder_embeds_every_starting_occupation_with_its_titles_and_moves(site, shipped, lang):
    from datacareers.store.walk import SCHEMA_OCCUPATION, all_roles
    from datacareers.views.paths import Constraints, Search

    data = _path_data(site, lang)
    roles = set(all_roles(shipped))
    from datacareers.store.resolve import essential_skills, linked_fiche

    every = {q.subject.value for q in shipped.quads_for_pattern(
        None, NamedNode(PREFIXES["rdf"] + "type"), NamedNode(SCHEMA_OCCUPATION), None)} - roles
    esco = {o for o in every if linked_fiche(shipped, o)}  # start from their fiche, listed apart
    occupations = sorted(every - esco)
    assert len(occupations) > 1500 and len(esco) > 1000
    assert [o[0] for o in data["occupations"]] == [o.rsplit("/", 1)[-1] for o in occupations]
    titles = {o[0]: {o[1], *o[2]} for o in data["occupations"]}
    assert {"Comptable", "Professeur / Professeure de mathématiques"} <= titles["M1203"] | titles["K2107"]
    assert sum(len(t) for t in titles.values()) > 12_000
    nodes = [r["slug"] for r in data["roles"]] + [o[0] for o in data["occupations"]]
    search, missing = Search(shipped, Constraints()), []
    expected = {(a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1]) for a in occupations for b in search.moves.out_of(a)}
    embedded = {(nodes[m[0]], nodes[m[1]]) for m in data["entryMoves"]}
    missing = sorted(expected - embedded)
    assert not missing and embedded <= expected, missing[:10]
    ids = [x["id"] for x in data["skills"]]
    slugs = {o.rsplit("/", 1)[-1]: i for i, o in enumerate(nodes)}
    expected_esco = sorted([slugs[linked_fiche(shipped, o).rsplit("/", 1)[-1]],
                            sorted(ids.index(x.rsplit("/", 1)[-1]) for x in essential_skills(shipped, [o]))]
                           for o in esco)
    assert sorted([e[0], e[2]] for e in data["escoStarts"]) == expected_esco
    assert all(e[1] for e in data["escoStarts"])  # its names, French and English (one when both are the same)
    kinds = ["stated", "related", "inferred"]
    for m in data["entryMoves"]:
        source_kinds = {kinds[k] for k in m[2][1::2]}
        if source_kinds == {"inferred"}:
            assert m[6] is not None, m  # an inferred move from an occupation carries its probability


def test_the_path_finder_embeds_the_clis_text_matcher(site, shipped):
    from datacareers.store.textskills import TextMatcher

    data = _path_data(site, "fr")
    matcher = TextMatcher(shipped)
    ids = [s["id"] for s in data["skills"]]
    embedded = {p: sorted(ids[i] for i in skills) for p, skills in data["matcher"]["phrases"]}
    assert embedded == {" ".join(w): sorted(s.rsplit("/", 1)[-1] for s in skills)
                        for w, skills in matcher.phrases.items()}
    assert set(data["matcher"]["heads"]) == set(matcher.heads)


def test_write_replaces_a_previous_site_whole(tmp_path):
    target = tmp_path / "site"
    write_site({"fr/a.html": b"1", "fr/old.html": b"old"}, target)
    write_site({"fr/a.html": b"2"}, target)
    assert (target / "fr/a.html").read_bytes() == b"2" and not (target / "fr/old.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left


def test_a_failed_write_leaves_the_previous_site_whole(tmp_path, monkeypatch):
    target = tmp_path / "site"
    write_site({"fr/a.html": b"1"}, target)
    original, count = Path.write_bytes, []

    def failing(self, data):
        count.append(self)
        if len(count) == 2:
            raise OSError(28, "No space left on device")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        write_site({"fr/a.html": b"2", "fr/b.html": b"2", "fr/c.html": b"2"}, target)
    assert (target / "fr/a.html").read_bytes() == b"1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_write_never_replaces_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "mine.txt").write_text("keep")
    from datacareers.errors import BadInputError

    with pytest.raises(BadInputError, match="not empty"):
        write_site({"a.html": b"x"}, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep"
    with pytest.raises(ValueError, match="relative"):
        write_site({"../escape.html": b"x"}, tmp_path / "new")


def test_site_command_writes_the_folder(runner, cli, tmp_path):
    result = runner.invoke(cli, ["site", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "out") in result.output
    assert (tmp_path / "out/fr/roles/data-analyst.html").is_file()
    assert json.loads((tmp_path / "out/fr/path.html").read_text().split('id="dc-path">')[1].split("</script>")[0])


def test_site_command_refuses_a_foreign_folder_in_one_line(runner, cli, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    result = runner.invoke(cli, ["site", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "not empty" in result.output


def test_committed_bundle_is_the_one_package_lock_pins_with_every_licence():
    """The bundle is committed (no npm at test or install time); its header names what it
    holds. A package-lock.json changed without `scripts/build_site_js.sh` fails here."""
    root = Path(__file__).resolve().parent.parent
    assets = Path(build.__file__).resolve().parent / "assets"
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    bundled = {p[len("node_modules/"):]: e for p, e in lock["packages"].items()
               if p.startswith("node_modules/") and not e.get("dev")}
    assert {"graphology", "graphology-shortest-path"} <= set(bundled)
    header = (assets / "graphology.min.js").read_text(encoding="utf-8").splitlines()[0]
    licences = (assets / "graphology.LICENSES.txt").read_text(encoding="utf-8")
    for name, entry in bundled.items():
        assert f"{name}@{entry['version']} ({entry['license']})" in header, name
        assert f"==== {name} {entry['version']} ({entry['license']})" in licences, name


def test_a_section_partly_read_through_a_close_match_says_it_once_after_the_direct_lines():
    from datacareers.i18n import using
    from datacareers.views import sections as facets

    via = [{"mapping": "m", "scheme": "onet", "code": "15-2051.01", "label": "", "kind": "close", "reason": ""}]
    tasks = [{"text": "Generate reports", "sources": [source_iri("onet-29.0")], "via": via},
             {"text": "Analyse les données", "sources": [source_iri("rome-4.0")], "via": []},
             {"text": "Maintain dashboards", "sources": [source_iri("onet-29.0")], "via": via}]
    with using("en"):
        [section] = facets.sections({"id": ROLE["data-analyst"], "tasks": tasks}, facets.Links({}, "../", {}))
    direct, borrowed = section["parts"]
    assert [line["text"] for line in direct["lines"]] == ["Analyse les données"] and not direct["note"]
    assert [line["text"] for line in borrowed["lines"]] == ["Generate reports", "Maintain dashboards"]
    assert borrowed["note"] == "via O*NET 15-2051.01, a close match"
    assert not any("via" in tag for line in borrowed["lines"] for tag in line["tags"])


def test_index_pay_says_it_is_a_us_figure_of_a_soc_code(site):
    index = Page(site["fr/index.html"]).text
    with_median = Page(site["en/index.html"]).text
    assert "médiane 112\u202f590 USD par an (États-Unis, SOC 15-2051 Data Scientists)" in index
    assert "median 112,590 USD per year (United States, SOC 15-2051 Data Scientists)" in with_median
    # a residual "All Other" group is said to be one
    assert "(United States, SOC 15-1299 Computer Occupations, All Other; a group of occupations)" in with_median


def test_role_pay_says_what_the_figures_are(site):
    pay = Page(site["fr/roles/business-intelligence-analyst.html"]).text.split("Rémunération", 2)[2]
    for words in ("États-Unis, SOC 15-2051 Data Scientists", "233\u202f440 emplois", "les mêmes chiffres pour : ",
                  "data scientist", "O*NET 15-2051.01, auquel ce métier correspond, est l'un des métiers de ce code"):
        assert words in pay, words


@pytest.mark.parametrize("slug", ["chief-data-officer", "machine-learning-engineer", "gis-specialist"])
def test_the_summary_comes_first_and_says_the_same_everywhere(site, slug):
    """The role page, show and the view's panel open with one summary: the same lines, in the
    same words (issue 23)."""
    from datacareers.i18n import using
    from datacareers.views.html.profile import role_sections
    from datacareers.views.report import show_text

    facts = describe.role_facts(shipped_store(), ROLE[slug], "fr")
    lines = facts["summary"]
    assert [x["what"] for x in lines][:2] == ["definition", "pay"], lines
    page = site[f"fr/roles/{slug}.html"].decode()
    first = page.index('<section id="')
    assert page[first:].startswith('<section id="summary"'), "the summary is not the page's first section"
    summary_html = page[first:page.index("</section>", first)]
    text = show_text(facts, "fr")
    head = text.split("\n\n")[1]  # the first block after the names
    with using("fr"):
        panel = role_sections(facts, lambda graph: 1)[0]
    assert head.startswith("En bref :") and panel["title"] == "En bref"
    for x in lines:  # on the page the definition is the lead paragraph, just above
        words = x["text"].replace("'", "&#39;")
        assert words in (page[:first] if x["what"] == "definition" else summary_html), (x["what"], "page")
        assert x["text"] in head, (x["what"], "show")
        assert any(x["text"] in line["text"] for line in panel["lines"]), (x["what"], "panel")
    assert "Compétences clés : les compétences essentielles" in summary_html


def test_key_skills_are_essential_and_ranked_by_the_rule():
    """Essential skills only, those listed by more sources first, then the rarer among roles."""
    from datacareers.views.summary import KEY_SKILLS, key_skills

    store = shipped_store()
    for slug in ("data-analyst", "data-scientist", "chief-data-officer"):
        facts = describe.role_facts(store, ROLE[slug], "en")
        chosen = key_skills(store, facts["skills"])
        assert 0 < len(chosen) <= KEY_SKILLS and all(s["essential"] for s in chosen), slug
        counts = [len(s["sources"]) for s in chosen]
        assert counts == sorted(counts, reverse=True), slug
        left = [s for s in facts["skills"] if s["essential"] and s not in chosen]
        assert all(len(s["sources"]) <= counts[-1] for s in left), slug


@pytest.mark.parametrize("slug", ["data-scientist", "chief-data-officer"])
def test_role_pages_fold_long_lists_and_put_the_readers_language_first(site, slug):
    """No list shows more than 12 lines before a fold; on a French page an English-only line
    is marked lang="en" and folded under "En anglais, d'après …" (issue 23)."""
    from datacareers.views.sections import FOLD

    page = site[f"fr/roles/{slug}.html"].decode()
    body = re.sub(r"<details.*?</details>", "", page, flags=re.S)  # what shows before any fold
    too_long = [n for n in (m.count("<li") for m in re.findall(r'<ul class="lines">(.*?)</ul>', body, re.S))
                if n > FOLD]
    assert not too_long, too_long
    tasks = page.split('<section id="tasks"')[1].split("</section>")[0]
    shown = tasks.split("<details")[0]
    assert "lang=\"en\"" not in shown and "<li" in shown  # French lines first, not marked
    if slug == "data-scientist":  # O*NET 15-2051.00 is its exact match: its English tasks are there, folded
        assert re.search(r'<details class="fold" lang="en"><summary>En anglais, d&#39;après onet-29\.0 \(\d+\)'
                         r'</summary>', tasks), tasks[:600]
    assert page.count("<details") >= 2
