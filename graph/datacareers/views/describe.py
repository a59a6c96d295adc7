"""Everything the dataset says about one role, gathered for ``show`` and ``path``.

>>> from datacareers.store.shipped import shipped_store
>>> facts = role_facts(shipped_store(), ROLE["machine-learning-engineer"], "en")
>>> facts["label"]
'machine learning engineer'
>>> [(s["seniority"], s["min"], s["max"]) for s in facts["salaries"] if s["period"] == "P1Y" and s["seniority"]]
[('junior', 35000, 45000), ('intermediate', 45000, 55000), ('senior', 50000, 75000)]
>>> sorted(m["label"] for m in facts["managed_by"])
['chief data officer', 'digital strategy director']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import NamedNode, Store, Variable

from datacareers.constants import CAREER, PREFIXES, ROLE, SOURCE
from datacareers.i18n import LANGS, using
from datacareers.labels import local_name, pick_label
from datacareers.views.categories import with_translations
from datacareers.views.french import french_facts
from datacareers.views.profile import profile_facets, to_number
from datacareers.views.summary import summary

_SENIORITY_ORDER = {"junior": 1, "intermediate": 2, "senior": 3}


def _q(store: Store, query: str, role: str):
    """Run *query* with ``?role`` bound to *role* by the engine (SEP-0007 substitution,
    which wants the bound variable projected: every template here selects it first)."""
    query = query.replace("SELECT ", "SELECT ?role ", 1)
    return store.query(
        query, prefixes=PREFIXES, use_default_graph_as_union=True,
        substitutions={_var("role"): NamedNode(role)},
    )


def _var(name: str):

    return Variable(name)


def label_map(store: Store, nodes: Iterable[str], lang: str) -> dict[str, str]:
    """The best preferred label of each node in *lang* (its local name when it has none)."""
    pref = NamedNode(PREFIXES["skos"] + "prefLabel")
    out = {}
    for node in nodes:
        labels: dict[str, str] = {}
        for quad in store.quads_for_pattern(NamedNode(node), pref, None, None):
            labels.setdefault(quad.object.language or "", quad.object.value)
        out[node] = pick_label(labels, lang, local_name(node))
    return out


_SALARY = NamedNode(CAREER["salary"])
_EDUCATION = NamedNode(CAREER["education"])
_SALARY_FIELDS = {
    CAREER["seniority"]: "seniority", PREFIXES["schema"] + "minValue": "min",
    PREFIXES["schema"] + "maxValue": "max", PREFIXES["schema"] + "currency": "currency",
    PREFIXES["schema"] + "duration": "period", CAREER["year"]: "year", CAREER["gross"]: "gross",
    PREFIXES["dcterms"] + "source": "cited",
    PREFIXES["skos"] + "note": "notes",  # a caveat on the figures (datacareers's, in source:curated)
    # a wage distribution (schema:MonetaryAmountDistribution) from a statistical release
    PREFIXES["schema"] + "percentile10": "p10", PREFIXES["schema"] + "percentile25": "p25",
    PREFIXES["schema"] + "median": "median", PREFIXES["schema"] + "percentile75": "p75",
    PREFIXES["schema"] + "percentile90": "p90",
    CAREER["topCoded"]: "top_coded", CAREER["atOrAbove"]: "at_or_above",
}
#: schema.org percentile property -> its key above (a top-coded percentile names one).
_PERCENTILE_KEYS = {p[len(PREFIXES["schema"]):]: k for p, k in _SALARY_FIELDS.items()
                    if p.startswith(PREFIXES["schema"] + "percentile") or p == PREFIXES["schema"] + "median"}
_NUMBERS = {"min", "max", "p10", "p25", "median", "p75", "p90"}


def salaries(store: Store, roles: Iterable[str]) -> dict[str, list[dict]]:
    """Each role's salary ranges, read from the quads (no query text): ``id``, ``seniority``
    (local name or None), ``min``, ``max``, the percentiles ``p10``, ``p25``, ``median``, ``p75``,
    ``p90`` (None where the source gives none), ``top_coded`` (the percentile keys the source
    gives only as at or above ``at_or_above``, its published ceiling), ``currency``, ``period``,
    ``year``, ``gross``, ``source`` (the named graph stating it), ``cited`` (its
    ``dcterms:source``, if any) and ``notes`` (a caveat, language -> text: the article's
    figures that contradict each other say so)."""
    found: dict[str, list[dict]] = {}
    for role in roles:
        entries = []
        for link in store.quads_for_pattern(NamedNode(role), _SALARY, None, None):
            entry = {"id": link.object.value, "seniority": None, "min": None, "max": None,
                     **dict.fromkeys(("p10", "p25", "median", "p75", "p90")),
                     "currency": None, "period": None, "year": None, "gross": None,
                     "top_coded": [], "at_or_above": None,
                     "source": link.graph_name.value, "cited": None, "notes": {}}
            for quad in store.quads_for_pattern(link.object, None, None, None):
                key = _SALARY_FIELDS.get(quad.predicate.value)
                if key in _NUMBERS or key == "at_or_above":
                    entry[key] = to_number(quad.object.value)
                elif key == "top_coded":
                    entry[key].append(_PERCENTILE_KEYS.get(local_name(quad.object.value), ""))
                elif key == "seniority":
                    entry[key] = local_name(quad.object.value)
                elif key == "gross":
                    entry[key] = quad.object.value == "true"
                elif key == "notes":
                    entry[key].setdefault(getattr(quad.object, "language", None) or "", quad.object.value)
                elif key:
                    entry[key] = quad.object.value
            entries.append(entry)
        entries.sort(key=lambda e: (e["period"] or "", _SENIORITY_ORDER.get(e["seniority"] or "", 0),
                                    e["min"] if isinstance(e["min"], int | float) else 0))
        found[role] = entries
    return found


def role_salaries(store: Store, role: str) -> list[dict]:
    """Salary ranges of *role* (see :func:`salaries`)."""
    return salaries(store, [role])[role]


def education(store: Store, roles: Iterable[str]) -> dict[str, list[dict]]:
    """Each role's education requirements: ``id``, ``texts`` (by language), ``eqf_level``,
    ``share`` (% of the people surveyed who say the level is required, O*NET) with
    ``respondents`` (N), ``respondent_group`` (who answered), ``date`` and ``suppress`` (O*NET
    advises against publishing it), ``entry_level`` (the typical entry level, BLS),
    ``work_experience`` (by language), ``sources`` (named graphs stating the link). A US
    category name gets its translation (:mod:`datacareers.views.categories`)."""
    found: dict[str, list[dict]] = {}
    level_text, eqf = NamedNode(CAREER["levelText"]), NamedNode(CAREER["eqfLevel"])
    share, entry_level = NamedNode(CAREER["share"]), NamedNode(CAREER["entryLevel"])
    experience = NamedNode(CAREER["workExperience"])
    survey = {"respondents": NamedNode(CAREER["respondents"]), "respondent_group": NamedNode(CAREER["respondentGroup"]),
              "date": NamedNode(PREFIXES["dcterms"] + "date"), "suppress": NamedNode(CAREER["recommendSuppress"])}
    for role in roles:
        entries: dict[str, dict] = {}
        for link in store.quads_for_pattern(NamedNode(role), _EDUCATION, None, None):
            entry = entries.setdefault(link.object.value, {
                "id": link.object.value, "texts": {}, "eqf_level": None, "share": None, "entry_level": False,
                "work_experience": {}, "sources": set(), **dict.fromkeys(survey)})
            entry["sources"].add(link.graph_name.value)
            for quad in store.quads_for_pattern(link.object, level_text, None, None):
                entry["texts"].setdefault(quad.object.language or "", quad.object.value)
            for quad in store.quads_for_pattern(link.object, eqf, None, None):
                entry["eqf_level"] = int(quad.object.value)
            for quad in store.quads_for_pattern(link.object, share, None, None):
                entry["share"] = to_number(quad.object.value)
            for key, predicate in survey.items():
                for quad in store.quads_for_pattern(link.object, predicate, None, None):
                    entry[key] = to_number(quad.object.value) if key == "respondents" else quad.object.value
            entry["suppress"] = entry["suppress"] == "true"
            for quad in store.quads_for_pattern(link.object, entry_level, None, None):
                entry["entry_level"] = quad.object.value == "true"
            for quad in store.quads_for_pattern(link.object, experience, None, None):
                entry["work_experience"].setdefault(quad.object.language or "", quad.object.value)
        for entry in entries.values():
            for lang in LANGS:
                entry["texts"] = with_translations(entry["texts"], lang)
                entry["work_experience"] = with_translations(entry["work_experience"], lang)
        found[role] = [dict(e, sources=sorted(e["sources"])) for _, e in sorted(entries.items())]
    return found


def role_facts(store: Store, role: str, lang: str = "en") -> dict:
    """A plain dict of what the dataset says about *role* (labels in *lang*)."""
    labels = defaultdict(dict)
    alt, definitions, missions = [], [], []
    for r in _q(store, "SELECT ?p ?o WHERE { ?role ?p ?o FILTER(isLiteral(?o)) }", role):
        p, o = r["p"].value, r["o"]
        if p == PREFIXES["skos"] + "prefLabel":
            labels[o.language or ""] = o.value
        elif p == PREFIXES["skos"] + "altLabel":
            alt.append(o)
        elif p == PREFIXES["skos"] + "definition":
            definitions.append(o)
        elif p == CAREER["mission"]:
            missions.append(o)

    def in_lang(literals):
        chosen = [x.value for x in literals if x.language == lang] or [x.value for x in literals]
        return chosen

    skills = []
    skill_rows = list(_q(store, """
        SELECT ?skill ?p ?kind ?g WHERE {
          VALUES ?p { career:essentialSkill career:optionalSkill career:requiresSkill }
          GRAPH ?g { ?role ?p ?skill }
          OPTIONAL { ?skill career:skillKind ?kind }
        }""", role))
    by_skill: dict[str, dict] = {}
    for r in skill_rows:
        entry = by_skill.setdefault(r["skill"].value, {
            "id": r["skill"].value, "kind": local_name(r["kind"].value) if r["kind"] else None,
            "essential": False, "optional": False, "sources": set()})
        entry["sources"].add(r["g"].value)
        if r["p"].value == CAREER["essentialSkill"]:
            entry["essential"] = True
        elif r["p"].value == CAREER["optionalSkill"]:
            entry["optional"] = True

    def related(query: str) -> list[dict]:
        found: dict[str, set[str]] = defaultdict(set)
        for r in _q(store, query, role):
            found[r["x"].value].add(r["g"].value)
        names = label_map(store, set(found), lang)
        return sorted(({"id": x, "label": names[x], "sources": sorted(g)} for x, g in found.items()),
                      key=lambda d: d["label"].casefold())

    names = label_map(store, set(by_skill), lang)
    for entry in by_skill.values():
        entry["label"] = names[entry["id"]]
        entry["sources"] = sorted(entry["sources"])
        skills.append(entry)
    skills.sort(key=lambda s: (not s["essential"], s["label"].casefold()))

    edu_out = [{"id": e["id"], "text": pick_label(e["texts"], lang, ""), "lang": _lang_of(e["texts"], lang),
                "eqf_level": e["eqf_level"], "share": e["share"], "entry_level": e["entry_level"],
                **{k: e[k] for k in ("respondents", "respondent_group", "date", "suppress")},
                "work_experience": pick_label(e["work_experience"], lang, "") or None, "sources": e["sources"]}
               for e in education(store, [role])[role]]
    edu_out.sort(key=lambda e: (e["sources"], -(e["share"] or 0), e["text"]))

    matches = []
    for r in _q(store, """
        SELECT ?p ?o ?g WHERE {
          VALUES ?p { skos:exactMatch skos:closeMatch career:romeCode career:onetCode career:iscoCode }
          GRAPH ?g { ?role ?p ?o } }""", role):
        matches.append({"relation": local_name(r["p"].value), "target": r["o"].value, "source": r["g"].value})
    matches.sort(key=lambda m: (m["relation"], m["target"]))

    facts = {
        "id": role,
        "slug": role[len(ROLE):] if role.startswith(ROLE) else role,
        "label": pick_label(dict(labels), lang, role),
        "labels": dict(sorted(labels.items())),
        "alt_labels": sorted({x.value for x in alt}, key=str.casefold),
        "definition": " ".join(in_lang(definitions)),
        "missions": in_lang(missions),
        "skills": skills,
        "salaries": [{**{k: v for k, v in s.items() if k != "notes"}, "note": pick_label(s["notes"], lang, "") or None}
                     for s in role_salaries(store, role)],
        "education": edu_out,
        "sectors": related("SELECT ?x ?g WHERE { GRAPH ?g { ?role career:inSector ?x } }"),
        "employers": related("SELECT ?x ?g WHERE { GRAPH ?g { ?role career:employedBy ?x } }"),
        "managed_by": related("SELECT ?x ?g WHERE { GRAPH ?g { ?role career:managedBy ?x } }"),
        "manages": related("SELECT ?x ?g WHERE { GRAPH ?g { ?x career:managedBy ?role } }"),
        "works_with": related(
            "SELECT ?x ?g WHERE { GRAPH ?g { { ?role career:worksWith ?x } UNION { ?x career:worksWith ?role } } }"
        ),
        "moves_to": related("SELECT ?x ?g WHERE { GRAPH ?g { ?role career:canBecome ?x } }"),
        "moves_from": related("SELECT ?x ?g WHERE { GRAPH ?g { ?x career:canBecome ?role } }"),
        "matches": matches,
    }
    profile_facets(store, role, lang, facts)
    facts["french"] = french_facts(store, role, lang)  # Dares's net pay has its own section
    dares_pay = {p["id"] for p in facts["french"]["pay_fr"]}
    facts["salaries"] = [s for s in facts["salaries"] if s["id"] not in dares_pay]
    tools = {t["id"] for t in facts["tools"]}  # technologies are listed as tools, not again as skills
    facts["skills"] = [s for s in facts["skills"] if s["id"] not in tools]
    if role.startswith(ROLE):  # our roles' other names are the ones we curate; release titles are job titles
        facts["alt_labels"] = sorted({t["label"] for t in facts["job_titles"] if SOURCE["curated"] in t["sources"]},
                                     key=str.casefold)
    facts["sources"] = sorted(_all_sources(facts))
    with using(lang):
        facts["summary"] = summary(store, facts, lang)
    return facts


def _lang_of(texts: dict[str, str], lang: str) -> str:
    """The language :func:`pick_label` picks among *texts*."""
    chosen = pick_label(texts, lang, "")
    return next((k for k, v in texts.items() if v == chosen), "")


def _all_sources(facts: dict) -> set[str]:
    found: set[str] = set()
    for key in ("skills", "education", "sectors", "employers", "managed_by", "manages",
                "works_with", "moves_to", "moves_from", "outlook", "tasks", "tools", "job_titles"):
        for item in facts[key]:
            found.update(item["sources"])
    found.update(s["source"] for s in facts["salaries"])
    found.update(x["source"] for key in ("pay_fr", "tension") for x in facts.get("french", {}).get(key, []))
    found.update(m["source"] for m in facts["matches"])
    return found


_CATEGORY = NamedNode(PREFIXES["schema"] + "occupationalCategory")
_NOTATION = NamedNode(PREFIXES["skos"] + "notation")


def role_families(store: Store, roles: Iterable[str], lang: str = "en") -> list[dict]:
    """The families *roles* belong to (``schema:occupationalCategory`` -> a SKOS concept
    with a label), in the order of their ``skos:notation``: ``id``, ``label``, ``roles``
    (sorted IRIs) and ``sources``. Roles with no family come last, in a family whose
    ``id`` is None.

    >>> from datacareers.store.shipped import shipped_store
    >>> families = role_families(shipped_store(), [ROLE["data-analyst"], ROLE["chief-data-officer"]], "fr")
    >>> [[r.rsplit("/", 1)[-1] for r in f["roles"]] for f in families]
    [['data-analyst'], ['chief-data-officer']]
    >>> families[0]["label"]
    'analyse de données et décisionnel'
    """
    found: dict[str | None, dict] = {}
    for role in roles:
        families = [q for q in store.quads_for_pattern(NamedNode(role), _CATEGORY, None, None)
                    if isinstance(q.object, NamedNode)]
        if not families:
            found.setdefault(None, {"id": None, "label": "", "roles": [], "sources": set(), "order": ""})
            found[None]["roles"].append(role)
        for quad in families:
            family = quad.object.value
            entry = found.setdefault(family, {"id": family, "roles": [], "sources": set(), "order": ""})
            entry["roles"].append(role)
            entry["sources"].add(quad.graph_name.value)
    names = label_map(store, [f for f in found if f], lang)
    for family, entry in found.items():
        if family:
            entry["label"] = names[family]
            notation = next(store.quads_for_pattern(NamedNode(family), _NOTATION, None, None), None)
            entry["order"] = notation.object.value if notation else ""
        entry["roles"].sort()
        entry["sources"] = sorted(entry["sources"])

    def rank(entry: dict):
        order = entry.pop("order")
        number = to_number(order) if order else None
        return (entry["id"] is None, not isinstance(number, int), number if isinstance(number, int) else 0,
                entry["label"].casefold())

    return sorted(found.values(), key=rank)


#: What a source's description says, by predicate: the key it gets in :func:`source_descriptions`.
_SOURCE_FIELDS = {
    PREFIXES["dcterms"] + "title": "title", PREFIXES["dcterms"] + "publisher": "publisher",
    CAREER["version"]: "version", PREFIXES["dcterms"] + "date": "date",
    PREFIXES["dcterms"] + "license": "license", PREFIXES["dcterms"] + "rights": "rights",
    CAREER["attribution"]: "attribution", PREFIXES["schema"] + "url": "url",
    PREFIXES["dcterms"] + "source": "files",
}


def source_descriptions(store: Store, lang: str = "en") -> list[dict]:
    """Every named graph of *store* and every described ``career:Source``, with its
    description (each text in *lang* where it has one) and its size in triples: ``id``,
    ``short``, ``triples`` and the keys of ``_SOURCE_FIELDS`` ('' where not said).

    >>> from datacareers.store.shipped import shipped_store
    >>> rome = [s for s in source_descriptions(shipped_store(), "fr") if s["short"] == "rome-4.0"][0]
    >>> rome["version"], rome["license"]
    ('v460', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/')
    """
    graphs = {g.value for g in store.named_graphs() if isinstance(g, NamedNode)}
    rdf_type, source_class = NamedNode(PREFIXES["rdf"] + "type"), NamedNode(CAREER["Source"])
    described = {q.subject.value for q in store.quads_for_pattern(None, rdf_type, source_class, None)}
    out = []
    for iri in sorted(graphs | described):
        texts: dict[str, dict[str, str]] = defaultdict(dict)
        for quad in store.quads_for_pattern(NamedNode(iri), None, None, None):
            key = _SOURCE_FIELDS.get(quad.predicate.value)
            if key:
                language = getattr(quad.object, "language", None) or ""
                texts[key].setdefault(language, quad.object.value)
        entry = {key: pick_label(texts.get(key, {}), lang, "") for key in dict.fromkeys(_SOURCE_FIELDS.values())}
        entry.update(id=iri, short=local_name(iri),
                     triples=sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(iri)))
                     if iri in graphs else 0)
        out.append(entry)
    return out


def role_texts(store: Store, role: str, lang: str = "en") -> dict[str, list[dict]]:
    """*role*'s definitions and missions with the named graphs stating each: ``definition``
    and ``missions``, lists of ``{"text", "sources"}`` in *lang* (else in any language).

    >>> from datacareers.store.shipped import shipped_store
    >>> texts = role_texts(shipped_store(), ROLE["data-analyst"], "fr")
    >>> texts["definition"][0]["sources"]
    ['https://w3id.org/datacareers/source/curated']
    """
    found: dict[str, dict[str, dict[str, set[str]]]] = {"definition": {}, "missions": {}}
    keys = {PREFIXES["skos"] + "definition": "definition", CAREER["mission"]: "missions"}
    for predicate, key in keys.items():
        for quad in store.quads_for_pattern(NamedNode(role), NamedNode(predicate), None, None):
            language = getattr(quad.object, "language", None) or ""
            found[key].setdefault(language, {}).setdefault(quad.object.value, set()).add(quad.graph_name.value)
    out = {}
    for key, by_lang in found.items():
        chosen = by_lang.get(lang) or next((by_lang[k] for k in sorted(by_lang)), {})
        out[key] = [{"text": text, "sources": sorted(graphs)} for text, graphs in sorted(chosen.items())]
    return out
