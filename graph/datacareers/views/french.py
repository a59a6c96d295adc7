"""The French figures of a role, read from the quads (Dares, through the role's FAP family):
net pay, hiring tension by place, employment, and who the people in the job are.

Every item names its FAP code, its period (or year), the graph stating it (``source``) and
``via``: the crosswalk mapping it was read through (always a close match: a FAP family
groups several jobs), and ``shared_with``, the other curated roles read through the same
family (so a page can say "the same figures for: ...").

- ``pay_fr``: the median net monthly pay of full-time employees per period (``median``,
  ``currency``, ``per`` P1M, ``gross`` False, ``start``/``end``) and its ``bands`` (label, min,
  max, percentage, thousands), latest period first;
- ``tension``: per place (France first, then regions, then départements), the 2019 indicator
  ``value``, ``category`` 1-5 and ``components`` (:data:`COMPONENTS`, each 1-5), ``employment``;
  ``tension_series``: the national indicator by year;
- ``employment_fr`` (thousands by year), ``women`` (% by period), ``diplomas`` (highest diploma
  held, proportion 0-1 by period), ``sectors_fr``, ``employers_fr``, ``fields`` (shares).

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.views.profile import read_through
>>> store = shipped_store()
>>> role = "https://w3id.org/datacareers/role/data-scientist"
>>> found = french_figures(store, role, "fr", read_through(store, role, "fr"))
>>> [(p["fap"], p["start"], p["end"], p["median"]) for p in found["pay_fr"]]
[('M2Z90', '2017', '2019', 3100), ('M2Z90', '2003', '2005', 2590)]
>>> national = found["tension"][0]
>>> national["place"]["code"], national["year"], national["category"], national["components"]["labourShortage"]
('FR', '2019', 5, 5)
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, ROLE
from datacareers.labels import local_name, pick_label
from datacareers.views.profile import read_through, to_number, via_of

_SCHEMA, _SKOS = PREFIXES["schema"], PREFIXES["skos"]
#: The six components of a tension, in Dares's order (the vocabulary's local names).
COMPONENTS = ("hiringIntensity", "trainingEmploymentLink", "labourShortage", "jobNonDurability",
              "workingConditions", "geographicMismatch")
_GEO = "https://w3id.org/datacareers/geo/"
_SHARES = {"womenShare": "women", "diplomaShare": "diplomas", "sectorShare": "sectors_fr",
           "employerShare": "employers_fr", "fieldShare": "fields"}


def _props(store: Store, node) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for quad in store.quads_for_pattern(node if isinstance(node, NamedNode) else NamedNode(node), None, None, None):
        out[quad.predicate.value].append(quad.object)
    return out


def _first(props: dict, iri: str):
    values = props.get(iri) or []
    return values[0].value if values else None


def _labels(store: Store, node: str, lang: str, fallback: str = "") -> str:
    labels: dict[str, str] = {}
    for quad in store.quads_for_pattern(NamedNode(node), NamedNode(_SKOS + "prefLabel"), None, None):
        labels.setdefault(getattr(quad.object, "language", None) or "", quad.object.value)
    return pick_label(labels, lang, fallback)


def _links(store: Store, role: str, predicate: str) -> list[tuple[NamedNode, str]]:
    return [(q.object, q.graph_name.value)
            for q in store.quads_for_pattern(NamedNode(role), NamedNode(CAREER[predicate]), None, None)
            if isinstance(q.object, NamedNode)]


def _base(props: dict, node, graph: str, through) -> dict:
    code = _first(props, CAREER["fapCode"])
    return {"id": node.value, "fap": code, "start": _first(props, CAREER["periodStart"]),
            "end": _first(props, CAREER["periodEnd"]), "year": _first(props, CAREER["year"]),
            "population": _first(props, CAREER["population"]), "source": graph, "sources": [graph],
            "via": via_of(through, [graph], code)}


def place_of(store: Store, node: str | None, lang: str) -> dict:
    """A place as people read it: ``level`` (national, region, departement), ``code``, ``label``."""
    if not node:
        return {"id": None, "level": "", "code": "", "label": ""}
    name = node[len(_GEO):] if node.startswith(_GEO) else local_name(node)
    level = "national" if name == "fr" else "region" if "-region-" in name else "departement"
    code = "FR" if level == "national" else name.rsplit("-", 1)[-1]
    return {"id": node, "level": level, "code": code, "label": _labels(store, node, lang, "")}


def _shared(store: Store, role: str, predicate: str, node) -> list[str]:
    return sorted({q.subject.value for q in store.quads_for_pattern(None, NamedNode(CAREER[predicate]), node, None)
                   if q.subject.value != role and q.subject.value.startswith(ROLE)})


def pay(store: Store, role: str, lang: str, through) -> list[dict]:
    out = []
    for node, graph in _links(store, role, "salary"):
        props = _props(store, node)
        if not _first(props, CAREER["fapCode"]):
            continue  # a US or an article's figure
        entry = _base(props, node, graph, through)
        bands = []
        for band in dict.fromkeys(props.get(CAREER["band"], [])):  # a band several graphs state, once
            b = _props(store, band)
            bands.append({"id": band.value, "label": _labels(store, band.value, lang),
                          "min": to_number(_first(b, _SCHEMA + "minValue")),
                          "max": to_number(_first(b, _SCHEMA + "maxValue")),
                          "percentage": to_number(_first(b, CAREER["percentage"])),
                          "thousands": to_number(_first(b, CAREER["thousands"]))})
        bands.sort(key=lambda b: b["min"] if isinstance(b["min"], int | float) else -1)
        entry.update(median=to_number(_first(props, _SCHEMA + "median")),
                     currency=_first(props, _SCHEMA + "currency"), per=_first(props, _SCHEMA + "duration"),
                     gross=_first(props, CAREER["gross"]) == "true", bands=bands,
                     shared_with=_shared(store, role, "salary", node))
        out.append(entry)
    return sorted(out, key=lambda e: (e["end"] or "", e["fap"] or ""), reverse=True)


def tension(store: Store, role: str, lang: str, through) -> tuple[list[dict], list[dict]]:
    """(2019-style indicators by place, the national series by year)."""
    places, series = [], []
    order = {"national": 0, "region": 1, "departement": 2}
    for node, graph in _links(store, role, "tension"):
        props = _props(store, node)
        entry = _base(props, node, graph, through)
        entry.update(value=to_number(_first(props, _SCHEMA + "value")),
                     category=to_number(_first(props, CAREER["tensionCategory"])),
                     components={c: to_number(_first(props, CAREER[c])) for c in COMPONENTS
                                 if _first(props, CAREER[c]) is not None},
                     employment=to_number(_first(props, CAREER["employment"])),
                     place=place_of(store, _first(props, CAREER["geography"]), lang))
        if entry["place"]["level"] == "national":
            series.append(entry)
        if entry["category"] is not None or entry["components"]:
            places.append(entry)
    places.sort(key=lambda e: (-(int(e["year"] or 0)), order.get(e["place"]["level"], 3), e["place"]["code"]))
    series.sort(key=lambda e: e["year"] or "")
    for entry in places[:1]:
        entry["shared_with"] = _shared(store, role, "tension", NamedNode(entry["id"]))
    return places, series


def people(store: Store, role: str, lang: str, through) -> dict[str, list[dict]]:
    """Employment by year and the shares (women, diplomas, sectors, employers, fields)."""
    out: dict[str, list[dict]] = {key: [] for key in ("employment_fr", *_SHARES.values())}
    for node, graph in _links(store, role, "employmentEstimate"):
        props = _props(store, node)
        out["employment_fr"].append(dict(_base(props, node, graph, through),
                                         thousands=to_number(_first(props, CAREER["thousands"]))))
    for predicate, key in _SHARES.items():
        for node, graph in _links(store, role, predicate):
            props = _props(store, node)
            of = _first(props, CAREER["shareOf"])
            out[key].append(dict(_base(props, node, graph, through),
                                 label=_labels(store, of, lang) if of else "",
                                 code=_first(_props(store, of), _SKOS + "notation") if of else None,
                                 percentage=to_number(_first(props, CAREER["percentage"])),
                                 proportion=to_number(_first(props, CAREER["proportion"])),
                                 thousands=to_number(_first(props, CAREER["thousands"]))))
    out["employment_fr"].sort(key=lambda e: e["year"] or "")
    for key in _SHARES.values():
        out[key].sort(key=lambda e: (e["end"] or "", _share_of(e)), reverse=True)
    return out


def _share_of(entry: dict) -> float:
    for key in ("percentage", "proportion"):
        if isinstance(entry.get(key), int | float):
            return float(entry[key])
    return 0.0


def french_figures(store: Store, role: str, lang: str, through) -> dict:
    """Every French figure of *role* (see the module docstring)."""
    places, series = tension(store, role, lang, through)
    return {"pay_fr": pay(store, role, lang, through), "tension": places, "tension_series": series,
            **people(store, role, lang, through)}


def french_facts(store: Store, role: str, lang: str) -> dict:
    """:func:`french_figures` read through the role's mappings, each ``shared_with`` role
    also named (``shared``: labels in *lang*), as ``show`` and the pages print them."""
    found = french_figures(store, role, lang, read_through(store, role, lang))
    for entry in found["pay_fr"] + found["tension"]:
        if entry.get("shared_with"):
            entry["shared"] = sorted((_labels(store, r, lang, local_name(r)) for r in entry["shared_with"]),
                                     key=str.casefold)
    return found
