"""The whole static site as ``{relative path: bytes}``: ``fr/`` and ``en/`` trees of the
same pages (index, one page per role, the path finder, the map, the sources), and a root
``index.html`` that offers both languages.

Pages are self-contained: styles, scripts and data inline, a Content-Security-Policy that
allows only those inline blocks (by their SHA-256) and forbids every request, so a page
works from ``file://`` with no network. The same data gives the same bytes (everything is
sorted, nothing is dated).

>>> from datacareers.store.shipped import shipped_store
>>> site = render_site(shipped_store())
>>> sorted(p for p in site if p.startswith("fr/") and "/roles/" not in p)
['fr/index.html', 'fr/map.html', 'fr/path.html', 'fr/sources.html']
>>> "fr/roles/data-analyst.html" in site and "en/roles/data-analyst.html" in site
True
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyoxigraph import Store

import datacareers.views.sections as facets
from datacareers.i18n import LANGS, LANGUAGE_NAMES, _, number, using
from datacareers.labels import local_name
from datacareers.store.resolve import linked_fiche
from datacareers.store.textskills import MAX_BYTES
from datacareers.store.walk import all_roles, starting_points
from datacareers.views.describe import role_facts, role_families, role_texts, source_descriptions
from datacareers.views.html.page import json_for_script
from datacareers.views.profile_text import soc_name
from datacareers.views.site.assets_files import asset_text as asset
from datacareers.views.site.jsonld import occupation
from datacareers.views.site.mapview import map_page
from datacareers.views.site.pathdata import EVIDENCE_KINDS, path_data
from datacareers.views.site.words import EVIDENCE, SENIORITY, facet_title, site_words
from datacareers.views.subset import curated_roles

HERE = Path(__file__).resolve().parent

#: Sections a role page shows even when empty.
ALWAYS_SHOWN = ("salaries", "moves_to")

#: The longest path the finder looks for (the CLI searches up to 12 moves).
MAX_STEPS = 12


@cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp(scripts: list[str], styles: list[str]) -> str:
    """A policy that runs only these inline scripts and styles and requests nothing.

    >>> policy = csp([], ["a"])
    >>> policy.startswith("default-src 'none'; script-src 'none'; style-src 'sha256-ypeBEsobvcr6wjGzmiPcTa")
    True
    >>> policy.endswith("img-src data:; base-uri 'none'; form-action 'none'")
    True
    """
    script_src = " ".join(_hash(s) for s in scripts) or "'none'"
    style_src = " ".join(_hash(s) for s in styles) or "'none'"
    return (f"default-src 'none'; script-src {script_src}; style-src {style_src}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def fold(text: str) -> str:
    """*text* as the search compares it: no accents, no case, words split on punctuation.

    >>> fold("Ingénieur  Data/BI")
    'ingenieur data bi'
    """
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def slugs_of(roles: list[str]) -> dict[str, str]:
    """A file-safe, unique slug per role IRI (its local name, cleaned)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for role in sorted(roles):
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", local_name(role)).strip(".-") or "role"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[role] = slug
    return out


def _render(template: str, *, lang: str, page: str, path: str, words: dict, scripts=(), data=(), jsonld=(),
            **context) -> bytes:
    """One page of the site (*path* relative to the language's folder)."""
    depth = path.count("/")
    other = next(x for x in LANGS if x != lang)
    css = asset("site.css")
    html = environment().get_template(template).render(
        lang=lang, page=page, w=words, prefix="../" * depth, other_lang=other, other_name=LANGUAGE_NAMES[other],
        switch_href="../" * (depth + 1) + f"{other}/{path}", css=Markup(css),
        scripts=[Markup(s) for s in scripts], csp=csp(list(scripts), [css]),
        data=[{"id": d, "json": Markup(json_for_script(v))} for d, v in data],
        jsonld=[Markup(json_for_script(doc)) for doc in jsonld], **context)
    return html.encode("utf-8")


def pay_summary(salaries: list[dict], links: facets.Links) -> dict | None:
    """The pay line of the index: a median when a source gives one, else the range of the
    ranges in the same unit, else None ("no figure from any source")."""
    if not salaries:
        return None
    annual = [e for e in salaries if e.get("period") == "P1Y"] or salaries
    medians = [e for e in annual if isinstance(e.get("median"), int | float)]
    if medians:
        best = min(medians, key=lambda e: (e.get("seniority") is not None, str(e.get("year") or "")))
        if best.get("soc_code"):  # a national statistic of a US occupation code, said so
            code = soc_name(best) + ("; " + _("a group of occupations") if best.get("residual") else "")
            text = _("median {value} {unit} (United States, {code})").format(
                value=number(best["median"]), unit=facets.unit(best), code=code)
        else:
            text = _("median {value} {unit}").format(value=number(best["median"]), unit=facets.unit(best))
        return {"text": text, "sources": links.sources(facets._item_sources(best))}
    ranges = [e for e in annual if isinstance(e.get("min"), int | float) and isinstance(e.get("max"), int | float)]
    if not ranges:
        return None
    same = [e for e in ranges if (e["currency"], e["period"]) == (ranges[0]["currency"], ranges[0]["period"])]
    gross = all(e.get("gross") for e in same)  # gross only if every range says so
    text = _("{low} to {high} {unit} (range, no median)").format(
        low=number(min(e["min"] for e in same)), high=number(max(e["max"] for e in same)),
        unit=facets.unit({**same[0], "gross": gross}))
    return {"text": text, "sources": links.sources({s for e in same for s in facets._item_sources(e)})}


def outlook_summary(facts: dict, links: facets.Links) -> dict | None:
    """The outlook line of the index, when a source gives one."""
    value = facts.get("outlook")
    items = value if isinstance(value, list) else [value] if value else []
    if not items:
        return None
    first = items[0]
    text = facets._text_of(first)
    return {"text": text, "sources": links.sources(facets._item_sources(first) if isinstance(first, dict) else [])}


def _one_line(text: str, width: int = 170) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def site_roles(store: Store) -> list[str]:
    """The roles that get a page: our curated ones (the whole set when none is curated)."""
    return curated_roles(store) or all_roles(store)


def site_starts(store: Store, roles: list[str]) -> list[str]:
    """The occupations the path finder may start from besides *roles*: the shipped ones
    (``schema:Occupation``, the ROME fiches no curated role matches), sorted; not the ESCO
    occupations named like a fiche, which start from it."""
    taken = set(all_roles(store)) | set(roles)
    return [o for o in starting_points(store) if o not in taken and linked_fiche(store, o) is None]


def render_site(store: Store, langs: tuple[str, ...] = LANGS) -> dict[str, bytes]:
    """Every file of the site, by path relative to the site's folder."""
    roles = site_roles(store)
    slugs = slugs_of(roles)
    files: dict[str, bytes] = {}
    every_source = {s["id"]: s for s in source_descriptions(store, "en")}
    urls = {iri: s["url"] for iri, s in every_source.items() if s["url"]}
    versions = {iri: s["version"] for iri, s in every_source.items() if s.get("version")}
    for lang in langs:
        with using(lang):
            files.update(_language(store, lang, roles, slugs, urls, versions))
    with using(langs[0]):
        files["index.html"] = _root(langs)
    return dict(sorted(files.items()))


def _language(store: Store, lang: str, roles: list[str], slugs: dict[str, str], urls: dict,
              versions: dict[str, str]) -> dict[str, bytes]:
    words = site_words()
    facts = {r: role_facts(store, r, lang) for r in roles}
    families = role_families(store, roles, lang)
    family_of = {r: f for f in families for r in f["roles"]}
    top = facets.Links(slugs, "", urls)
    out: dict[str, bytes] = {}
    index_families = []
    for family in families:
        cards = []
        for role in sorted(family["roles"], key=lambda r: facts[r]["label"].casefold()):
            f = facts[role]
            names = sorted({*f["labels"].values(), *f["alt_labels"], slugs[role].replace("-", " ")})
            cards.append({"slug": slugs[role], "label": f["label"], "definition": _one_line(f["definition"]),
                          "search": " | ".join(fold(n) for n in names),
                          "pay": pay_summary(f["salaries"], top), "outlook": outlook_summary(f, top)})
        index_families.append({"label": family["label"] or words["otherFamily"], "roles": cards})
    out[f"{lang}/index.html"] = _render(
        "index.html", lang=lang, page="index", path="index.html", words=words, title=words["nav"]["index"],
        description=words["tagline"], families=index_families, scripts=[asset("dom.js"), asset("index.js")],
        data=[("dc-words", {"noMatch": words["noMatch"], "shown": words["shown"],
                             "searchJobs": words["searchJobs"]})])
    seniority = {k: _(v) for k, v in SENIORITY.items()}
    for role in roles:
        out[f"{lang}/roles/{slugs[role]}.html"] = _role_page(
            store, facts[role], family_of.get(role), lang, words, slugs, urls, seniority, versions)
    sources = source_descriptions(store, lang)
    for s in sources:
        s["triples_text"] = number(s["triples"])
    out[f"{lang}/sources.html"] = _render(
        "sources.html", lang=lang, page="sources", path="sources.html", words=words, title=words["sources"]["title"],
        description=words["sources"]["intro"], sources=sources, scripts=[], data=[])
    names = {r: sorted({*facts[r]["labels"].values(), *facts[r]["alt_labels"]}) for r in roles}
    graph = path_data(store, roles, lang, names, seniority, slugs, starts=site_starts(store, roles))
    picker = [{"label": f["label"] or words["otherFamily"],
               "roles": [{"slug": slugs[r], "label": facts[r]["label"]}
                         for r in sorted(f["roles"], key=lambda r: facts[r]["label"].casefold())]} for f in families]
    evidence = [{"key": k, "label": _(EVIDENCE[k])} for k in EVIDENCE_KINDS if k in graph["evidence"]]
    out[f"{lang}/path.html"] = _render(
        "path.html", lang=lang, page="path", path="path.html", words=words, title=words["path"]["title"],
        description=words["path"]["intro"], families=picker, evidence=evidence, max_steps=MAX_STEPS,
        max_text=MAX_BYTES,
        scripts=[asset("graphology.min.js"), asset("dom.js"), asset("textskills.js"), asset("jobsearch.js"),
                 asset("path.js")],
        data=[("dc-path", graph), ("dc-words", {**words["path"], "units": words["units"],
                                                 "essential": words["essential"], "rank": words["rank"]})])
    out[f"{lang}/map.html"] = map_page(store, lang, slugs, words)
    return out


def _role_page(store: Store, facts: dict, family: dict | None, lang: str, words: dict, slugs: dict[str, str],
               urls: dict, seniority: dict, versions: dict[str, str]) -> bytes:
    links = facets.Links(slugs, "../", urls)
    texts = role_texts(store, facts["id"], lang)
    every = facets.sections(facts, links, texts)
    # Pay and next moves always show (an honest "none"); other empty facets share one line.
    sections = [x for x in every if x["lines"] or x["key"] in ALWAYS_SHOWN]
    empty = [x["title"] for x in every if x not in sections]
    other = next(x for x in LANGS if x != lang)
    other_name = facts["labels"].get(other, "")
    slug = slugs[facts["id"]]
    role = {
        "label": facts["label"],
        "other_name": other_name if other_name and other_name != facts["label"] else "",
        "also": words["alsoCalled"].format(names=", ".join(facts["alt_labels"])) if facts["alt_labels"] else "",
        "definitions": [{"text": d["text"], "sources": links.sources(d["sources"])} for d in texts["definition"]],
    }
    page_sources = links.sources(facts["sources"])
    family_line = _("Family: {name}").format(name=family["label"]) if family and family.get("id") else ""
    doc = occupation(facts, [family] if family else [], lang, seniority, versions)
    return _render(
        "role.html", lang=lang, page="role", path=f"roles/{slug}.html", words=words, title=facts["label"],
        description=_one_line(facts["definition"]), role=role, sections=sections, family_line=family_line,
        moves_title=facet_title("moves_to"), path_href=f"../path.html?from={slug}",
        map_href=f"../map.html?focus={slug}",
        page_sources=page_sources, jsonld=[doc], data=[],
        scripts=[asset("print.js")] + ([asset("region.js")] if any(s.get("regions") for s in sections) else []),
        empty=_("Nothing in the data yet for: {names}.").format(names=", ".join(empty)) if empty else "")


def _root(langs: tuple[str, ...]) -> bytes:
    css = asset("site.css")
    entries = []
    for lang in langs:
        with using(lang):
            words = site_words()
        entries.append({"lang": lang, "site": words["site"], "tagline": words["tagline"]})
    html = environment().get_template("root.html").render(lang=langs[0], langs=entries, css=Markup(css),
                                                          csp=csp([], [css]))
    return html.encode("utf-8")
