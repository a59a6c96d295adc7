"""Everything the dataset says about one role, gathered for ``show`` and ``path``.

>>> from datacareers.store.shipped import shipped_store
>>> facts = role_facts(shipped_store(), ROLE["machine-learning-engineer"], "en")
>>> facts["label"]
'machine learning engineer'
>>> [(s["seniority"], s["min"], s["max"]) for s in facts["salaries"] if s["period"] == "P1Y"]
[('junior', 35000, 45000), ('intermediate', 45000, 55000), ('senior', 50000, 75000)]
>>> sorted(m["label"] for m in facts["managed_by"])
['chief data officer', 'digital strategy director']
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Store, Variable

from datacareers.constants import CAREER, PREFIXES, ROLE
from datacareers.labels import pick_label

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


def label_map(store: Store, nodes: set[str], lang: str) -> dict[str, str]:
    """The best label of each node in *lang*, by one query per node set."""
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    if nodes:
        values = " ".join(f"<{n}>" for n in sorted(nodes))
        query = f"SELECT ?n ?l WHERE {{ VALUES ?n {{ {values} }} ?n skos:prefLabel ?l }}"
        for row in store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True):
            labels[row["n"].value].setdefault(row["l"].language or "", row["l"].value)
    return {n: pick_label(labels.get(n, {}), lang, n.rsplit("/", 1)[-1]) for n in nodes}


def _texts(rows, key: str, lang: str) -> list[str]:
    """Literal values in *lang* (else every value when none is in *lang*)."""
    values = [r[key] for r in rows if isinstance(r[key], Literal)]
    chosen = [v.value for v in values if v.language == lang] or [v.value for v in values]
    return list(dict.fromkeys(chosen))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def role_salaries(store: Store, role: str) -> list[dict]:
    """Salary ranges of *role*: seniority, min, max, currency, period, year, gross, source."""
    query = """
    SELECT ?s ?seniority ?min ?max ?currency ?period ?year ?gross ?g WHERE {
      GRAPH ?g { ?role career:salary ?s }
      ?s schema:minValue ?min ; schema:maxValue ?max ; schema:currency ?currency .
      OPTIONAL { ?s career:seniority ?seniority } OPTIONAL { ?s schema:duration ?period }
      OPTIONAL { ?s career:year ?year } OPTIONAL { ?s career:gross ?gross }
    }"""
    out = []
    for r in _q(store, query, role):
        out.append({
            "id": r["s"].value,
            "seniority": _local(r["seniority"].value) if r["seniority"] else None,
            "min": _number(r["min"].value), "max": _number(r["max"].value),
            "currency": r["currency"].value,
            "period": r["period"].value if r["period"] else None,
            "year": r["year"].value if r["year"] else None,
            "gross": r["gross"].value == "true" if r["gross"] else None,
            "source": r["g"].value,
        })
    out.sort(key=lambda s: (s["period"] or "", _SENIORITY_ORDER.get(s["seniority"] or "", 9), s["min"]))
    return out


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


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
            "id": r["skill"].value, "kind": _local(r["kind"].value) if r["kind"] else None,
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

    education = []
    for r in _q(store, """
        SELECT ?e ?text ?eqf ?g WHERE { GRAPH ?g { ?role career:education ?e }
          OPTIONAL { ?e career:levelText ?text } OPTIONAL { ?e career:eqfLevel ?eqf } }""", role):
        education.append(r)
    edu_out = []
    for e in sorted({r["e"].value for r in education}):
        rows = [r for r in education if r["e"].value == e]
        eqf = next((int(r["eqf"].value) for r in rows if r["eqf"] is not None), None)
        edu_out.append({"id": e, "text": "; ".join(_texts(rows, "text", lang)), "eqf_level": eqf,
                        "sources": sorted({r["g"].value for r in rows})})

    matches = []
    for r in _q(store, """
        SELECT ?p ?o ?g WHERE {
          VALUES ?p { skos:exactMatch skos:closeMatch career:romeCode career:onetCode career:iscoCode }
          GRAPH ?g { ?role ?p ?o } }""", role):
        matches.append({"relation": _local(r["p"].value), "target": r["o"].value, "source": r["g"].value})
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
        "salaries": role_salaries(store, role),
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
    facts["sources"] = sorted(_all_sources(facts))
    return facts


def _all_sources(facts: dict) -> set[str]:
    found: set[str] = set()
    for key in ("skills", "education", "sectors", "employers", "managed_by", "manages",
                "works_with", "moves_to", "moves_from"):
        for item in facts[key]:
            found.update(item["sources"])
    found.update(s["source"] for s in facts["salaries"])
    found.update(m["source"] for m in facts["matches"])
    return found
