"""The profile facets of a role read from official releases: pay distributions, outlook,
tasks, tools, job titles, reporting lines with their sentences, and the crosswalk mapping
each fact was read through ("via").

Everything is read from the quads as the graph holds them (whatever an import or the
shipped facts put there), so a facet appears as soon as its data does. Each item names the
named graphs stating it (``sources``) and ``via``: the ``career:Mapping`` nodes through which
those graphs read the role (``career:viaMapping``), narrowed to the item's code when it has
one (a SOC code, a fiche or occupation code), each with its concept, code, scheme, kind
(``exact`` / ``close``) and reason.

>>> from pyoxigraph import Store
>>> store = Store()
>>> pay = tiny_profile(store)
>>> [(d["median"], d["soc_code"], [r["id"][-1] for r in d["shared_with"]]) for d in pay]
[(100, '15-2051', ['b'])]
>>> via = read_through(store, ROLE["a"], "en")
>>> [(v["scheme"], v["code"], v["kind"]) for vs in via.values() for v in vs]
[('onet', '15-2051.00', 'close')]
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Quad, Store

from datacareers.constants import CAREER, PREFIXES, ROLE
from datacareers.i18n import _, number, using
from datacareers.labels import local_name, pick_label
from datacareers.views.profile_text import via_concept

_SCHEMA, _SKOS, _RDF = PREFIXES["schema"], PREFIXES["skos"], PREFIXES["rdf"]
_CONCEPTS = {"esco": "http://data.europa.eu/esco/occupation/", "rome": "https://w3id.org/datacareers/rome/",
             "onet": "https://w3id.org/datacareers/onet/", "fap": "https://w3id.org/datacareers/fap/"}
_KINDS = {_SKOS + "exactMatch": "exact", _SKOS + "closeMatch": "close"}
_SCOPES = {CAREER["broaderConcept"]: "broader", CAREER["narrowerConcept"]: "narrower",
           CAREER["neighbourConcept"]: "neighbour"}
#: Where the SOC codes of the BLS releases live (``importers.common.SOC_OCCUPATION``).
_SOC = "https://w3id.org/datacareers/soc/"


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _objects(store: Store, subject, predicate: str, graph=None):
    node = subject if isinstance(subject, NamedNode) else _n(subject)
    return [q.object for q in store.quads_for_pattern(node, _n(predicate), None, graph)]


def _value(store: Store, subject, predicate: str, graph=None) -> str | None:
    found = _objects(store, subject, predicate, graph)
    return found[0].value if found else None


def to_number(text: str | None) -> int | float | str | None:
    """A literal's lexical form as a number (an integer when it is whole), else the text.

    >>> to_number("45000.0"), to_number("2.5"), to_number("n/a"), to_number(None)
    (45000, 2.5, 'n/a', None)
    """
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def _labels(store: Store, node: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if not node:  # a mapping whose description is not in this store (a cut of a big one)
        return out
    for obj in _objects(store, node, _SKOS + "prefLabel"):
        out.setdefault(getattr(obj, "language", None) or "", obj.value)
    return out


def _scheme_code(concept: str) -> tuple[str, str]:
    for scheme, prefix in _CONCEPTS.items():
        if concept.startswith(prefix):
            return scheme, concept[len(prefix):]
    return "", local_name(concept)


def mapping_info(store: Store, mapping: str, lang: str) -> dict:
    """A crosswalk mapping as people read it: concept, scheme, code, exact/close, reason."""
    concept = _value(store, mapping, CAREER["mappedConcept"]) or ""
    scheme, code = _scheme_code(concept)
    reasons = {getattr(o, "language", None) or "": o.value for o in _objects(store, mapping, CAREER["reason"])}
    kind = _value(store, mapping, CAREER["matchKind"]) or ""
    scope = _value(store, mapping, CAREER["conceptScope"]) or ""
    return {"mapping": mapping, "concept": concept, "scheme": scheme, "code": code,
            "label": pick_label(_labels(store, concept), lang, ""),
            "kind": _KINDS.get(kind, local_name(kind)), "scope": _SCOPES.get(scope, local_name(scope) if scope else ""),
            "reason": pick_label(reasons, lang, "")}


def read_through(store: Store, role: str, lang: str) -> dict[str, list[dict]]:
    """Named graph -> the mappings through which that graph's facts about *role* were read."""
    out: dict[str, list[dict]] = defaultdict(list)
    for quad in store.quads_for_pattern(_n(role), _n(CAREER["viaMapping"]), None, None):
        out[quad.graph_name.value].append(mapping_info(store, quad.object.value, lang))
    return {g: sorted(v, key=lambda m: m["code"]) for g, v in sorted(out.items())}


def via_of(through: dict[str, list[dict]], sources, code: str | None = None) -> list[dict]:
    """The mappings the facts of *sources* came through, those of *code* (a prefix) when given."""
    found = [m for g in sorted(set(sources)) for m in through.get(g, [])]
    if code:
        narrowed = [m for m in found if m["code"].startswith(code)]
        found = narrowed or found
    unique = {m["mapping"]: m for m in found}
    return list(unique.values())


def soc_group(store: Store, node, predicate: str, via: list[dict]) -> dict:
    """Whose figure *node* is: the SOC code that holds it through *predicate* (its title as
    the release gives it, ``residual`` when it is an "All Other" group), and ``breakout``:
    the O*NET occupation the role was read through when it is one of several under the code
    (an ``xx-xxxx.0N`` code), whose own figures the release does not publish.

    >>> from pyoxigraph import Store
    >>> store = Store()
    >>> _ = tiny_profile(store)
    >>> soc_group(store, _n("https://w3id.org/datacareers/salary/x"), CAREER["salary"],
    ...           [{"scheme": "onet", "code": "15-2051.01"}])
    {'soc_code': '15-2051', 'soc_title': 'Data Scientists', 'residual': False, 'breakout': '15-2051.01'}
    """
    node = node if isinstance(node, NamedNode) else _n(node)
    holders = [q for q in store.quads_for_pattern(None, _n(predicate), node, None)
               if q.subject.value.startswith(_SOC)]
    if not holders:
        return {}
    soc, graph = holders[0].subject, holders[0].graph_name  # the title as this release writes it
    title = _value(store, soc, _SKOS + "prefLabel", graph)
    residual = _value(store, soc, CAREER["residualGroup"], graph) == "true"
    breakout = next((m["code"] for m in via if m.get("scheme") == "onet" and not m["code"].endswith(".00")), None)
    return {"soc_code": local_name(soc.value), "soc_title": title, "residual": residual,
            "breakout": breakout}


def pay_extras(store: Store, entries: list[dict], role: str, lang: str, through) -> list[dict]:
    """Salary entries with their SOC code and title (:func:`soc_group`), employment, the
    other roles sharing the same distribution (``shared_with``) and ``via``."""
    for entry in entries:
        node = _n(entry["id"])
        entry["soc_code"] = _value(store, node, CAREER["socCode"])
        entry["employment"] = to_number(_value(store, node, CAREER["employment"]))
        entry["shared_with"] = shared_with(store, node, CAREER["salary"], role, lang)
        entry["via"] = via_of(through, [entry["source"]], entry["soc_code"])
        entry.update(soc_group(store, node, CAREER["salary"], entry["via"]))
    return entries


def shared_with(store: Store, node: NamedNode, predicate: str, role: str, lang: str) -> list[dict]:
    """The other curated roles that read the same figure *node*."""
    others = {q.subject.value for q in store.quads_for_pattern(None, _n(predicate), node, None)
              if q.subject.value != role and q.subject.value.startswith(ROLE)}
    return sorted(({"id": o, "label": pick_label(_labels(store, o), lang, local_name(o))} for o in others),
                  key=lambda r: r["label"].casefold())


_OUTLOOK_FIELDS = {"baseYear": "base_year", "projectedYear": "projected_year", "baseEmployment": "base_employment",
                   "projectedEmployment": "projected_employment", "employmentChange": "change",
                   "employmentChangePercent": "change_percent", "annualOpenings": "annual_openings",
                   "socCode": "soc_code"}


def outlook_text(o: dict) -> str:
    """An outlook in one line, in the active language."""
    text = _("{y0}: {e0} jobs; {y1}: {e1}").format(
        y0=o["base_year"], e0=number(o["base_employment"]) if o["base_employment"] is not None else "?",
        y1=o["projected_year"], e1=number(o["projected_employment"]) if o["projected_employment"] is not None else "?")
    if isinstance(o["change_percent"], int | float):
        sign = "+" if o["change_percent"] > 0 else ""
        text += " (" + sign + number(o["change_percent"]) + " %)"
    if isinstance(o["annual_openings"], int | float):
        text += _("; ") + _("{n} openings a year").format(n=number(o["annual_openings"]))  # French: " ; "
    return text


def outlook(store: Store, role: str, lang: str, through) -> list[dict]:
    """The employment outlooks of *role* (``career:outlook``)."""
    out = []
    with using(lang):
        for link in store.quads_for_pattern(_n(role), _n(CAREER["outlook"]), None, None):
            entry = {"id": link.object.value, **dict.fromkeys(_OUTLOOK_FIELDS.values()),
                     "cited": _value(store, link.object, PREFIXES["dcterms"] + "source"),
                     "sources": [link.graph_name.value]}
            for name, key in _OUTLOOK_FIELDS.items():
                raw = _value(store, link.object, CAREER[name])
                entry[key] = raw if key in ("soc_code", "base_year", "projected_year") else to_number(raw)
            entry["text"] = outlook_text(entry)
            entry["via"] = via_of(through, entry["sources"], entry["soc_code"])
            entry["shared_with"] = shared_with(store, link.object, CAREER["outlook"], role, lang)
            entry.update(soc_group(store, link.object, CAREER["outlook"], entry["via"]))
            out.append(entry)
    return sorted(out, key=lambda o: (o["soc_code"] or "", o["base_year"] or ""))


def tasks(store: Store, role: str, lang: str, through) -> list[dict]:
    """The tasks of *role*: ROME sentences by position, O*NET core tasks before supplemental
    ones; each in its source's language (``text``, ``lang``)."""
    found: dict[str, dict] = {}
    for link in store.quads_for_pattern(_n(role), _n(CAREER["task"]), None, None):
        entry = found.setdefault(link.object.value, {"id": link.object.value, "sources": set()})
        entry["sources"].add(link.graph_name.value)
    out = []
    for iri, entry in found.items():
        texts = {getattr(o, "language", None) or "": o.value for o in _objects(store, iri, CAREER["text"])}
        chosen = lang if lang in texts else next(iter(sorted(texts)), "")
        code = _value(store, iri, _SKOS + "notation")
        position = to_number(_value(store, iri, CAREER["position"]))
        out.append({"id": iri, "text": texts.get(chosen, ""), "lang": chosen,
                    "category": _value(store, iri, CAREER["taskCategory"]), "position": position,
                    "code": code, "sources": sorted(entry["sources"]),
                    "via": via_of(through, entry["sources"], code)})
    order = {"core": 0, "supplemental": 1}
    return sorted(out, key=lambda t: (t["sources"], t["code"] or "", order.get(t["category"] or "", 2),
                                      t["position"] if isinstance(t["position"], int) else 0, t["text"]))


def tools(store: Store, role: str, lang: str, through) -> list[dict]:
    """Technologies the role uses (skills under ``onet/technology/``), hot / in-demand flagged."""
    prefix = _CONCEPTS["onet"] + "technology/"
    found: dict[str, dict] = {}
    for name, flag in (("requiresSkill", None), ("hotTechnology", "hot"), ("inDemandTechnology", "in_demand")):
        for quad in store.quads_for_pattern(_n(role), _n(CAREER[name]), None, None):
            if not quad.object.value.startswith(prefix):
                continue
            entry = found.setdefault(quad.object.value, {"id": quad.object.value, "hot": False, "in_demand": False,
                                                         "sources": set()})
            entry["sources"].add(quad.graph_name.value)
            if flag:
                entry[flag] = True
    out = []
    for iri, entry in found.items():
        entry.update(label=pick_label(_labels(store, iri), lang, local_name(iri)), sources=sorted(entry["sources"]))
        entry["via"] = via_of(through, entry["sources"])
        out.append(entry)
    return sorted(out, key=lambda t: (not t["hot"], not t["in_demand"], t["label"].casefold()))


def job_titles(store: Store, role: str, through) -> list[dict]:
    """Every alternative label of *role*, with its language and the graphs stating it."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for quad in store.quads_for_pattern(_n(role), _n(_SKOS + "altLabel"), None, None):
        if isinstance(quad.object, Literal):
            found[(quad.object.value, quad.object.language or "")].add(quad.graph_name.value)
    return [{"label": label, "lang": language, "sources": sorted(graphs), "via": via_of(through, graphs)}
            for (label, language), graphs in sorted(found.items(), key=lambda x: (x[0][1], x[0][0].casefold()))]


def statements(store: Store, subject: str, relation: str, obj: str, graphs) -> list[dict]:
    """The sentences (``career:Statement``) that state ``subject relation obj`` in *graphs*."""
    out = []
    for graph in sorted(set(graphs)):
        g = _n(graph)
        for quad in store.quads_for_pattern(None, _n(CAREER["subjectRole"]), _n(subject), g):
            s = quad.subject
            if _value(store, s, CAREER["relation"], g) != relation or _value(store, s, CAREER["objectRole"], g) != obj:
                continue
            quotes = _objects(store, s, CAREER["quote"], g)
            out.append({"id": s.value, "quote": quotes[0].value if quotes else "",
                        "lang": (getattr(quotes[0], "language", None) or "") if quotes else "",
                        "code": _value(store, s, _SKOS + "notation", g),
                        "position": to_number(_value(store, s, CAREER["position"], g)), "source": graph})
    return sorted(out, key=lambda x: (x["source"], x["code"] or "", x["position"] or 0))


def add_statements(store: Store, role: str, facts: dict, lang: str, through: dict | None = None) -> None:
    """Give each manager / managed / collaborator line its sentences, and ``via``: the
    mappings (of either role) to the fiche or occupation each sentence comes from."""
    managed, works = CAREER["managedBy"], CAREER["worksWith"]
    cache: dict[str, dict[str, list[dict]]] = {} if through is None else {role: through}
    for key, relation, outward in (("managed_by", managed, True), ("manages", managed, False),
                                   ("works_with", works, True)):
        for item in facts.get(key, []):
            pairs = [(role, item["id"])] if outward else [(item["id"], role)]
            if key == "works_with":
                pairs.append((item["id"], role))
            found = [s for a, b in pairs for s in statements(store, a, relation, b, item["sources"])]
            via: dict[str, dict] = {}
            for s in found:
                for who in (role, item["id"]):
                    through = cache.setdefault(who, read_through(store, who, lang))
                    via.update({m["mapping"]: m for m in through.get(s["source"], []) if m["code"] == s["code"]})
            item["statements"], item["via"] = found, list(via.values())


def profile_facets(store: Store, role: str, lang: str, facts: dict) -> dict:
    """Add the profile facets to *facts* (the dict :func:`role_facts` builds)."""
    through = read_through(store, role, lang)
    pay_extras(store, facts["salaries"], role, lang, through)
    facts["outlook"] = outlook(store, role, lang, through)
    facts["tasks"] = tasks(store, role, lang, through)
    facts["tools"] = tools(store, role, lang, through)
    facts["job_titles"] = job_titles(store, role, through)
    for key in ("education", "sectors", "employers", "moves_to", "moves_from"):
        for item in facts.get(key, []):
            item["via"] = via_of(through, item.get("sources", []))
    for item in facts.get("education", []):  # a BLS entry level is its SOC code's
        found = soc_group(store, item["id"], CAREER["education"], item["via"])
        if found:
            item.update(found, via=via_of(through, item.get("sources", []), found["soc_code"]))
            item["shared_with"] = shared_with(store, _n(item["id"]), CAREER["education"], role, lang)
    add_statements(store, role, facts, lang, through)
    with using(lang):
        facts["read_through"] = [dict(m, source=g, text=_("{concept}: {reason}").format(
            concept=via_concept(m), reason=m["reason"])) for g, ms in through.items() for m in ms]
    return facts


def tiny_profile(store: Store) -> list[dict]:
    """A two-role store sharing one wage distribution, for the examples; returns role a's pay."""
    g, wage = _n("https://w3id.org/datacareers/source/bls"), _n("https://w3id.org/datacareers/salary/x")
    curated = _n("https://w3id.org/datacareers/source/curated")
    m = _n("https://w3id.org/datacareers/mapping/a-onet-15-2051.00")
    for who in ("a", "b"):
        store.add(Quad(_n(ROLE[who]), _n(CAREER["salary"]), wage, g))
    store.add(Quad(wage, _n(_SCHEMA + "median"), Literal("100", datatype=_n(PREFIXES["xsd"] + "integer")), g))
    store.add(Quad(wage, _n(CAREER["socCode"]), Literal("15-2051"), g))
    soc = _n(_SOC + "15-2051")
    store.add(Quad(soc, _n(CAREER["salary"]), wage, g))
    store.add(Quad(soc, _n(_SKOS + "prefLabel"), Literal("Data Scientists", language="en"), g))
    store.add(Quad(_n(ROLE["a"]), _n(CAREER["viaMapping"]), m, g))
    store.add(Quad(m, _n(CAREER["mappedConcept"]), _n(_CONCEPTS["onet"] + "15-2051.00"), curated))
    store.add(Quad(m, _n(CAREER["matchKind"]), _n(_SKOS + "closeMatch"), curated))
    entries = [{"id": wage.value, "source": g.value, "median": 100}]
    return pay_extras(store, entries, ROLE["a"], "en", read_through(store, ROLE["a"], "en"))
