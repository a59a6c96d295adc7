"""A role as schema.org JSON-LD (an ``Occupation``), embedded in its page.

The context is given inline (``{"@vocab": "https://schema.org/"}``) rather than as the
URL ``https://schema.org``: the same terms, but a JSON-LD processor reads the page offline
without fetching a remote context, and the page still asks no host for anything.

Only what the data holds is written: ``occupationalCategory`` holds the role's family and
its ROME, O*NET-SOC, ISCO codes and ESCO concepts; ``estimatedSalary`` one
``MonetaryAmountDistribution`` per pay figure (range and percentiles as the source gives
them); ``skills`` and ``educationRequirements`` as the sources list them.

>>> from datacareers.store.shipped import shipped_store
>>> from datacareers.views.describe import role_facts
>>> doc = occupation(role_facts(shipped_store(), ROLE["machine-learning-engineer"], "en"), [], "en")
>>> doc["@type"], sorted(s["minValue"] for s in doc["estimatedSalary"] if s["duration"] == "P1Y" and "minValue" in s)
('Occupation', [35000, 35000, 45000, 50000])
"""

from __future__ import annotations

from datacareers.constants import ROLE

CONTEXT = {"@vocab": "https://schema.org/"}

#: Code systems of the literal codes in role_facts' ``matches``.
CODE_SETS = {"romeCode": "ROME 4.0", "onetCode": "O*NET-SOC 2019", "iscoCode": "ISCO-08"}

_PERCENTILES = {"p10": "percentile10", "p25": "percentile25", "median": "median", "p75": "percentile75",
                "p90": "percentile90", "min": "minValue", "max": "maxValue"}


def _categories(facts: dict, families: list[dict]) -> list[dict]:
    found = [{"@type": "CategoryCode", "@id": f["id"], "name": f["label"], "inCodeSet": "datacareers families"}
             for f in families if f.get("id")]
    for m in facts.get("matches", []):
        if m["relation"] in CODE_SETS:
            found.append({"@type": "CategoryCode", "codeValue": m["target"], "inCodeSet": CODE_SETS[m["relation"]]})
        elif m["relation"] in ("exactMatch", "closeMatch") and "data.europa.eu/esco/" in m["target"]:
            found.append({"@type": "CategoryCode", "@id": m["target"], "inCodeSet": "ESCO"})
    return found


def _salary(entry: dict, name: str) -> dict:
    out = {"@type": "MonetaryAmountDistribution", "name": name}
    if entry.get("currency"):
        out["currency"] = entry["currency"]
    if entry.get("period"):
        out["duration"] = entry["period"]
    for key, term in _PERCENTILES.items():
        if isinstance(entry.get(key), int | float):
            out[term] = entry[key]
    if entry.get("year"):
        out["validFrom"] = str(entry["year"])
    return out


def occupation(facts: dict, families: list[dict], lang: str, seniority_names: dict | None = None) -> dict:
    """The schema.org ``Occupation`` of a role (``facts`` from ``role_facts``)."""
    names = seniority_names or {}
    doc: dict = {"@context": CONTEXT, "@type": "Occupation", "@id": facts["id"], "name": facts["label"],
                 "inLanguage": lang}
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
    if facts.get("salaries"):
        doc["estimatedSalary"] = [_salary(e, names.get(e.get("seniority"), e.get("seniority") or ""))
                                  for e in facts["salaries"]]
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


__all__ = ["occupation", "CONTEXT", "ROLE"]
