"""A role as schema.org JSON-LD (an ``Occupation``), embedded in its page.

The context is given inline (``{"@vocab": "https://schema.org/"}``) rather than as the
URL ``https://schema.org``: the same terms, but a JSON-LD processor reads the page offline
without fetching a remote context, and the page still asks no host for anything.

Only what the data holds is written: ``occupationalCategory`` holds the role's family and
its ROME, O*NET-SOC, ISCO codes and ESCO concepts; ``estimatedSalary`` one entry per pay
figure, named after its source and place: a ``MonetaryAmountDistribution`` where the source
gives a median or percentiles (BLS OEWS, Dares's latest median), a ``MonetaryAmount`` whose
``value`` is a ``QuantitativeValue`` (``minValue``, ``maxValue``, ``unitText`` YEAR or MONTH)
where it gives only a range (the article); ``occupationLocation``
the countries those figures describe (BLS: US; Dares and the French article: FR);
``skills`` and ``educationRequirements`` as the sources list them. The page's language sits
on the ``WebPage`` (``mainEntityOfPage``), where schema.org defines ``inLanguage``.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.views.describe import role_facts
>>> oews = {"https://w3id.org/datacareers/source/bls-oews-2024": "May 2024"}
>>> doc = occupation(role_facts(shipped_store(), ROLE["machine-learning-engineer"], "en"), [], "en", versions=oews)
>>> doc["@type"], sorted(s["value"]["minValue"] for s in doc["estimatedSalary"]
...                      if s["@type"] == "MonetaryAmount" and s["value"].get("unitText") == "YEAR")
('Occupation', [35000, 35000, 45000, 50000])
>>> [c["name"] for c in doc["occupationLocation"]], doc["mainEntityOfPage"]["inLanguage"]
(['FR', 'US'], 'en')
>>> [s["name"] for s in doc["estimatedSalary"] if s["@type"] == "MonetaryAmountDistribution"][:1]
['BLS OEWS May 2024, SOC 15-2051 Data Scientists (United States)']
"""

from __future__ import annotations

from datacareers.constants import ROLE

CONTEXT = {"@vocab": "https://schema.org/"}

#: Code systems of the literal codes in role_facts' ``matches``.
CODE_SETS = {"romeCode": "ROME 4.0", "onetCode": "O*NET-SOC 2019", "iscoCode": "ISCO-08"}

_PERCENTILES = {"p10": "percentile10", "p25": "percentile25", "median": "median", "p75": "percentile75",
                "p90": "percentile90", "min": "minValue", "max": "maxValue"}


#: Where each source's pay figures were measured (ISO 3166 code, name) and how a name cites it,
#: by the source's short name (its graph IRI's last segment, without its edition).
PLACES = {"bls-oews": ("US", "United States", "BLS OEWS"),
          "dares-psm": ("FR", "France", "Dares, Portraits statistiques des métiers"),
          "ml-engineer-article": ("FR", "France", "ml-engineer-article (a French school's page)")}


def place_of(source: str) -> tuple[str, str, str] | None:
    """(country code, country name, citation) of a source's figures, None where unknown.

    >>> place_of("https://w3id.org/datacareers/source/bls-oews-2024")[:2]
    ('US', 'United States')
    >>> place_of("https://w3id.org/datacareers/source/unknown") is None
    True
    """
    short = source.rstrip("/").rsplit("/", 1)[-1]
    return next((v for k, v in PLACES.items() if short == k or short.startswith(k + "-")), None)


def _code_set(name: str) -> dict:
    return {"@type": "CategoryCodeSet", "name": name}


def _categories(facts: dict, families: list[dict]) -> list[dict]:
    found = [{"@type": "CategoryCode", "@id": f["id"], "name": f["label"],
              "inCodeSet": _code_set("datacareers families")}
             for f in families if f.get("id")]
    for m in facts.get("matches", []):
        if m["relation"] in CODE_SETS:
            found.append({"@type": "CategoryCode", "codeValue": m["target"],
                          "inCodeSet": _code_set(CODE_SETS[m["relation"]])})
        elif m["relation"] in ("exactMatch", "closeMatch") and "data.europa.eu/esco/" in m["target"]:
            found.append({"@type": "CategoryCode", "@id": m["target"], "inCodeSet": _code_set("ESCO")})
    return found


def _salary_name(entry: dict, seniority: str, version: str) -> str:
    place = place_of(entry["source"])
    cite = place[2] if place else entry["source"].rsplit("/", 1)[-1]
    parts = [f"{cite} {version}".strip()]
    if entry.get("soc_code"):
        parts.append(f"SOC {entry['soc_code']} {entry.get('soc_title') or ''}".strip())
    if seniority:
        parts.append(seniority)
    if entry.get("year") and entry["year"] not in version:
        parts.append(str(entry["year"]))
    return ", ".join(parts) + (f" ({place[1]})" if place else "")


#: A pay period (ISO 8601) as the unit Google reads on a QuantitativeValue (JobPosting's baseSalary).
UNITS = {"P1Y": "YEAR", "P1M": "MONTH", "P1W": "WEEK", "P1D": "DAY", "PT1H": "HOUR"}


def _salary(entry: dict, seniority: str, version: str = "") -> dict:
    """A distribution where the source gives a median or percentiles, else a ``MonetaryAmount``
    whose ``value`` is a range (``QuantitativeValue``: ``minValue``, ``maxValue``, ``unitText``):
    schema.org defines neither a range on a distribution nor a ``duration`` on an amount."""
    spread = {term: entry[key] for key, term in _PERCENTILES.items() if isinstance(entry.get(key), int | float)}
    name = _salary_name(entry, seniority, version)
    if any(term not in ("minValue", "maxValue") for term in spread):
        out = {"@type": "MonetaryAmountDistribution", "name": name}
        if entry.get("currency"):
            out["currency"] = entry["currency"]
        if entry.get("period"):
            out["duration"] = entry["period"]
        return out | {t: v for t, v in spread.items() if t not in ("minValue", "maxValue")}
    value = {"@type": "QuantitativeValue", **spread}
    if entry.get("period") in UNITS:
        value["unitText"] = UNITS[entry["period"]]
    currency = {"currency": entry["currency"]} if entry.get("currency") else {}
    return {"@type": "MonetaryAmount", "name": name, **currency, "value": value}


def _dares(pay_fr: list[dict], versions: dict[str, str]) -> list[dict]:
    """Dares's latest median net monthly pay per FAP family, as a distribution."""
    latest: dict[str, dict] = {}
    for p in pay_fr:
        if isinstance(p.get("median"), int | float) and p["end"] >= latest.get(p["fap"], {}).get("end", ""):
            latest[p["fap"]] = p
    out = []
    for fap, p in sorted(latest.items()):
        label = next((v["label"] for v in p.get("via", []) if v.get("code") == fap), "")
        cite = f"{PLACES['dares-psm'][2]} {versions.get(p['source'], '')}".strip()
        name = f"{cite}, FAP {fap} {label}, " \
               f"median net monthly pay of full-time employees {p['start']}-{p['end']} (France)"
        out.append({"@type": "MonetaryAmountDistribution", "name": name, "currency": p["currency"],
                    "duration": p["per"], "median": p["median"]})
    return out


def _locations(facts: dict) -> list[dict]:
    codes = [place_of(e["source"]) for e in facts.get("salaries", [])]
    codes += [place_of(p["source"]) for p in facts.get("french", {}).get("pay_fr", [])]
    seen = list(dict.fromkeys(c[0] for c in codes if c))
    return [{"@type": "Country", "name": code} for code in seen]


def occupation(facts: dict, families: list[dict], lang: str, seniority_names: dict | None = None,
               versions: dict[str, str] | None = None) -> dict:
    """The schema.org ``Occupation`` of a role (``facts`` from ``role_facts``); ``versions``
    gives each source's edition (its IRI -> e.g. "May 2024") for the pay entries' names."""
    names, versions = seniority_names or {}, versions or {}
    doc: dict = {"@context": CONTEXT, "@type": "Occupation", "@id": facts["id"], "name": facts["label"],
                 "mainEntityOfPage": {"@type": "WebPage", "inLanguage": lang}}
    if facts.get("alt_labels"):
        doc["alternateName"] = facts["alt_labels"]
    if facts.get("definition"):
        doc["description"] = facts["definition"]
    categories = _categories(facts, families)
    if categories:
        doc["occupationalCategory"] = categories
    same = sorted(m["target"] for m in facts.get("matches", []) if m["relation"] == "exactMatch"
                  and m["target"].startswith("http"))
    if same:
        doc["sameAs"] = same
    pay = [_salary(e, names.get(e.get("seniority"), e.get("seniority") or ""), versions.get(e["source"], ""))
           for e in facts.get("salaries", [])] + _dares(facts.get("french", {}).get("pay_fr", []), versions)
    if pay:
        doc["estimatedSalary"] = pay
    places = _locations(facts)
    if places:
        doc["occupationLocation"] = places
    if facts.get("skills"):
        doc["skills"] = [{"@type": "DefinedTerm", "@id": s["id"], "name": s["label"]} for s in facts["skills"]]
    if facts.get("education"):
        doc["educationRequirements"] = [
            {"@type": "EducationalOccupationalCredential", "credentialCategory": e["text"],
             **({"educationalLevel": f"EQF {e['eqf_level']}"} if e.get("eqf_level") else {})}
            for e in facts["education"]]
    if facts.get("missions"):
        doc["responsibilities"] = facts["missions"]
    return doc


__all__ = ["occupation", "place_of", "CONTEXT", "PLACES", "ROLE"]
