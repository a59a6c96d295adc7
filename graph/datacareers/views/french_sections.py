"""A role's French figures (:func:`datacareers.views.french.french_figures`) as sections of
its page, ``show`` and the view's panel: net pay and hiring tension, each saying its FAP
family, that it is a close match ("via FAP M2Z90, une correspondance proche : …"), its
period, net and full-time, and the other roles with the same figures.

Net and gross are never mixed: Dares's pay is the **net** monthly pay of full-time
employees; the article's bands (the Pay section) are gross, and the BLS's are US wages.

>>> from datacareers.i18n import using
>>> via = [{"scheme": "fap", "code": "M2Z90", "kind": "close", "label": "Ingénieurs"}]
>>> pay = [{"fap": "M2Z90", "start": "2017", "end": "2019", "median": 3100, "bands": [], "via": via,
...         "source": "https://w3id.org/datacareers/source/dares-psm-2022", "shared": ["ingénieur data"]}]
>>> with using("fr"):
...     (section,) = french_sections({"pay_fr": pay, "tension": [], "tension_series": []})
>>> section["note"]
'via FAP M2Z90, une correspondance proche : Ingénieurs'
>>> section["lines"][0]["text"]
'salaire mensuel net médian des salariés à temps complet : 3\\u202f100 EUR (2017-2019)'
>>> with using("fr"):
...     tension_words(5, "2019")
'tensions très fortes au recrutement en 2019 (5/5)'
"""

from __future__ import annotations

from datacareers.i18n import N_, _, number
from datacareers.views.french import COMPONENTS
from datacareers.views.profile_text import via_concept

#: The words a counsellor uses for each tension category (Dares's 1-5 classes).
CATEGORY_WORDS = {
    1: N_("very low hiring tension in {year} ({n}/5)"),
    2: N_("low hiring tension in {year} ({n}/5)"),
    3: N_("moderate hiring tension in {year} ({n}/5)"),
    4: N_("high hiring tension in {year} ({n}/5)"),
    5: N_("very high hiring tension in {year} ({n}/5)"),
}
#: Dares's six components of a tension, in its order.
COMPONENT_WORDS = {
    "hiringIntensity": N_("hiring intensity"),
    "trainingEmploymentLink": N_("link between training and job"),
    "labourShortage": N_("shortage of available labour"),
    "jobNonDurability": N_("non-durability of jobs"),
    "workingConditions": N_("demanding working conditions"),
    "geographicMismatch": N_("geographic mismatch"),
}
assert tuple(COMPONENT_WORDS) == COMPONENTS


def tension_words(category: int | None, year: str | None) -> str:
    """A tension category in words: "very high hiring tension in 2019 (5/5)"."""
    if category not in CATEGORY_WORDS:
        return _("hiring tension in {year}: no category").format(year=year or "?")
    return _(CATEGORY_WORDS[category]).format(year=year or "?", n=category)


def via_note(entry: dict) -> str:
    """"via FAP M2Z90, a close match: <family label>" (or the exact match)."""
    notes = []
    for m in entry.get("via") or []:
        concept = via_concept(m)
        text = (_("via {concept}, a close match").format(concept=concept) if m.get("kind") == "close"
                else _("via {concept}").format(concept=concept))
        notes.append(text + (_(": {label}").format(label=m["label"]) if m.get("label") else ""))
    return "; ".join(notes)


def _shared(entry: dict) -> list[str]:
    names = entry.get("shared") or []
    return [_("the same figures for: {roles}").format(roles=", ".join(names))] if names else []


def _source(entry: dict) -> list[dict]:
    short = (entry.get("source") or "").rsplit("/", 1)[-1]
    return [{"short": short, "href": "", "url": "", "iri": entry.get("source")}] if short else []


def _line(text: str, entry: dict, details: list[str], links) -> dict:
    sources = links.sources([entry["source"]]) if links and entry.get("source") else _source(entry)
    return {"text": text, "href": None, "tags": [], "sources": sources, "details": details}


def _bands(entry: dict) -> list[str]:
    parts = []
    for band in entry.get("bands") or []:
        if isinstance(band.get("percentage"), int | float):
            parts.append(_("{band}: {pct} %").format(band=band["label"], pct=number(round(band["percentage"], 1))))
    return [_("by band ({start}-{end}): {bands}").format(start=entry["start"], end=entry["end"],
                                                         bands=_("; ").join(parts))] if parts else []


def pay_section(pay: list[dict], links=None) -> dict:
    """The net pay section: one line per period, latest first, its bands below."""
    lines = []
    for entry in pay:
        if entry.get("median") is None:
            continue
        text = _("median net monthly pay of full-time employees: {amount} EUR ({start}-{end})").format(
            amount=number(entry["median"]), start=entry["start"], end=entry["end"])
        lines.append(_line(text, entry, _bands(entry) + (_shared(entry) if entry is pay[0] else []), links))
    return {"key": "pay_fr", "title": _("Pay in France (Dares, net)"), "kind": "lines", "lines": lines,
            "note": via_note(pay[0]) if pay else ""}


def _components(entry: dict) -> list[str]:
    parts = [_("{component} {n}/5").format(component=_(COMPONENT_WORDS[key]), n=number(value))
             for key, value in (entry.get("components") or {}).items() if key in COMPONENT_WORDS]
    return [_("components: {parts}").format(parts=_("; ").join(parts))] if parts else []


def tension_section(places: list[dict], series: list[dict], links=None) -> dict:
    """The tension section: France in words with its components, its series, the regions."""
    national = [t for t in places if t["place"]["level"] == "national"]
    regions = [t for t in places if t["place"]["level"] == "region" and t.get("category")]
    lines = []
    for entry in national[:1]:
        value = number(round(entry["value"], 2)) if isinstance(entry.get("value"), int | float) else "?"
        text = _("France: {words}, indicator {value}").format(
            words=tension_words(entry.get("category"), entry.get("year")), value=value)
        details = _components(entry)
        points = [f"{s['year']} {number(round(s['value'], 2))}" for s in series
                  if isinstance(s.get("value"), int | float)]
        if len(points) > 1:
            details.append(_("indicator by year: {points}").format(points=_("; ").join(points)))
        if regions:
            details.append(_("by region: {regions}").format(regions=_("; ").join(
                f"{r['place']['label'] or r['place']['code']} {r['category']}/5" for r in regions)))
        lines.append(_line(text, entry, details + _shared(entry), links))
    picker = [{"code": r["place"]["code"], "label": r["place"]["label"] or r["place"]["code"],
               "text": _("; ").join([tension_words(r.get("category"), r.get("year")), *_components(r)])}
              for r in sorted(regions, key=lambda r: (r["place"]["label"] or "").casefold())]
    return {"key": "tension", "title": _("Hiring tension in France (Dares and Pôle emploi)"), "kind": "lines",
            "lines": lines, "note": via_note(national[0]) if national else "", "regions": picker}


def french_sections(french: dict, links=None) -> list[dict]:
    """The French sections that have something to say."""
    out = []
    if french.get("pay_fr"):
        out.append(pay_section(french["pay_fr"], links))
    if french.get("tension"):
        out.append(tension_section(french["tension"], french.get("tension_series") or [], links))
    return [s for s in out if s["lines"]]
