"""Human-readable and JSON renderings of path and role answers (for the CLI).

Labels come in the language asked for (``fr`` or ``en``), falling back to the other.
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.labels import pick_label
from datacareers.views.describe import label_map
from datacareers.views.paths import PathResult

_WORDS = {
    "en": {
        "from_to": "From {a} to {b}: {n} path(s), best first.",
        "cost_note": "cost = steps + skill gap (share of the target's required skills not yet held; 1 when unknown)",
        "path": "Path {i}: cost {cost:.2f}, {steps} step(s)",
        "step": "step {i}: {a} -> {b}",
        "sources": "source", "rank": "rank",
        "skills": "skills to add ({n})", "no_skills": "skills to add: none listed by the sources",
        "unknown_gap": "(no source lists the skills of {b})",
        "salary": "annual salary ({sen}, {cur}): {f0}-{f1} -> {t0}-{t1}",
        "more": "... and {n} more",
    },
    "fr": {
        "from_to": "De {a} à {b} : {n} parcours, le meilleur d'abord.",
        "cost_note": (
            "coût = étapes + écart de compétences "
            "(part des compétences requises du métier visé pas encore acquises ; 1 si inconnue)"
        ),
        "path": "Parcours {i} : coût {cost:.2f}, {steps} étape(s)",
        "step": "étape {i} : {a} -> {b}",
        "sources": "source", "rank": "rang",
        "skills": "compétences à acquérir ({n})", "no_skills": "compétences à acquérir : aucune listée par les sources",
        "unknown_gap": "(aucune source ne liste les compétences de {b})",
        "salary": "salaire annuel ({sen}, {cur}) : {f0}-{f1} -> {t0}-{t1}",
        "more": "... et {n} autres",
    },
}


def _label_of(result: PathResult, node: str, lang: str) -> str:
    return pick_label(result.graph.nodes[node].get("labels", {}), lang, node.rsplit("/", 1)[-1])


def path_json(store: Store, result: PathResult, lang: str = "en") -> dict:
    """The JSON shape of ``datacareers path --format json`` (full IRIs as ids)."""
    every_skill = {s for p in result.paths for step in p.steps for s in step.new_skills}

    skills = label_map(store, every_skill, lang)

    def role(node):
        return {"id": node, "label": _label_of(result, node, lang)}

    return {
        "from": role(result.source),
        "to": role(result.target),
        "cost_model": _WORDS["en"]["cost_note"],
        "paths": [
            {
                "cost": path.cost,
                "roles": [role(r) for r in path.roles],
                "steps": [
                    {
                        "from": role(step.source), "to": role(step.target), "cost": step.cost,
                        "skill_gap": step.gap,
                        "new_skills": [
                            {"id": s, "label": skills[s]}
                            for s in sorted(step.new_skills, key=lambda s, v=step.target: (
                                s not in result.graph.nodes[v]["essential"], skills[s].casefold()))
                        ],
                        "sources": step.sources, "rank": step.rank,
                        "salary_change": step.salary_change,
                    }
                    for step in path.steps
                ],
            }
            for path in result.paths
        ],
    }


def path_text(store: Store, result: PathResult, lang: str = "en", max_skills: int = 12) -> str:
    """The text answer of ``datacareers path``."""
    words = _WORDS[lang]
    data = path_json(store, result, lang)
    lines = [words["from_to"].format(a=data["from"]["label"], b=data["to"]["label"], n=len(data["paths"])),
             f"({words['cost_note']})", ""]
    for i, path in enumerate(data["paths"], 1):
        lines.append(words["path"].format(i=i, cost=path["cost"], steps=len(path["steps"])))
        lines.append("  " + " -> ".join(r["label"] for r in path["roles"]))
        for j, step in enumerate(path["steps"], 1):
            origin = ", ".join(
                s.rsplit("/", 1)[-1] + (f" ({words['rank']} {step['rank']})" if step["rank"] and "rome" in s else "")
                for s in step["sources"])
            lines.append("  " + words["step"].format(i=j, a=step["from"]["label"], b=step["to"]["label"])
                         + f"   [{words['sources']}: {origin}]")
            if step["new_skills"]:
                names = [s["label"] for s in step["new_skills"]]
                shown = ", ".join(names[:max_skills])
                more = " " + words["more"].format(n=len(names) - max_skills) if len(names) > max_skills else ""
                lines.append(f"      {words['skills'].format(n=len(names))}: {shown}{more}")
            elif step["skill_gap"] is None:
                lines.append(f"      {words['unknown_gap'].format(b=step['to']['label'])}")
            else:
                lines.append(f"      {words['no_skills']}")
            for change in step["salary_change"]:
                lines.append("      " + words["salary"].format(
                    sen=change["seniority"], cur=change["currency"], f0=change["from"][0],
                    f1=change["from"][1], t0=change["to"][0], t1=change["to"][1]))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_SHOW = {
    "en": {"alt": "Also called", "definition": "Definition", "missions": "Missions",
           "skills": "Skills", "hard": "hard", "soft": "soft", "knowledge": "knowledge", "None": "other",
           "essential": "essential", "optional": "optional", "salaries": "Salaries (gross)",
           "education": "Education", "eqf": "EQF level", "sectors": "Sectors", "employers": "Employers",
           "managed_by": "Managed by", "manages": "Manages", "works_with": "Works with",
           "moves_to": "Can become", "moves_from": "Reached from", "matches": "Matches",
           "sources": "Sources", "none": "(none in the data)", "month": "month", "year": "year"},
    "fr": {"alt": "Autres noms", "definition": "Définition", "missions": "Missions",
           "skills": "Compétences", "hard": "techniques", "soft": "savoir-être", "knowledge": "savoirs",
           "None": "autres", "essential": "essentielle", "optional": "optionnelle",
           "salaries": "Salaires (bruts)", "education": "Formation", "eqf": "niveau CEC",
           "sectors": "Secteurs", "employers": "Employeurs", "managed_by": "Managé par",
           "manages": "Manage", "works_with": "Travaille avec", "moves_to": "Peut devenir",
           "moves_from": "Accessible depuis", "matches": "Correspondances", "sources": "Sources",
           "none": "(rien dans les données)", "month": "mois", "year": "an"},
}


def _src(sources: list[str]) -> str:
    return "[" + ", ".join(s.rsplit("/", 1)[-1] for s in sources) + "]"


def show_text(facts: dict, lang: str = "en") -> str:
    """The text answer of ``datacareers show``."""
    w = _SHOW[lang]
    other = "fr" if lang == "en" else "en"
    title = facts["label"]
    if facts["labels"].get(other) and facts["labels"][other] != title:
        title += f"  /  {facts['labels'][other]}"
    lines = [title, "=" * len(title), f"id: {facts['slug']}  <{facts['id']}>"]
    if facts["alt_labels"]:
        lines.append(f"{w['alt']}: {', '.join(facts['alt_labels'])}")
    if facts["definition"]:
        lines += ["", f"{w['definition']}: {facts['definition']}"]
    if facts["missions"]:
        lines += ["", f"{w['missions']}:"] + [f"  - {m}" for m in facts["missions"]]
    lines += ["", f"{w['skills']}:"]
    if not facts["skills"]:
        lines.append(f"  {w['none']}")
    for kind in ("hard", "soft", "knowledge", None):
        group = [s for s in facts["skills"] if s["kind"] == kind]
        if group:
            lines.append(f"  {w[str(kind)]}:")
            for s in group:
                need = w["essential"] if s["essential"] else w["optional"] if s["optional"] else ""
                lines.append(f"    - {s['label']}" + (f" ({need})" if need else "") + f" {_src(s['sources'])}")
    lines += ["", f"{w['salaries']}:"]
    if not facts["salaries"]:
        lines.append(f"  {w['none']}")
    for s in facts["salaries"]:
        period = w["year"] if s["period"] == "P1Y" else w["month"] if s["period"] == "P1M" else s["period"]
        lines.append(f"  {s['seniority'] or '':<13} {s['min']:>7,} - {s['max']:>7,} {s['currency']}/{period}"
                     f"  ({s['year']}) {_src([s['source']])}")
    lines += ["", f"{w['education']}:"]
    if not facts["education"]:
        lines.append(f"  {w['none']}")
    for e in facts["education"]:
        eqf = f" ({w['eqf']} {e['eqf_level']})" if e["eqf_level"] else ""
        lines.append(f"  {e['text']}{eqf} {_src(e['sources'])}")
    for key in ("sectors", "employers", "managed_by", "manages", "works_with", "moves_to", "moves_from"):
        lines += ["", f"{w[key]}:"]
        items = facts[key]
        lines += [f"  - {x['label']} {_src(x['sources'])}" for x in items] or [f"  {w['none']}"]
    if facts["matches"]:
        lines += ["", f"{w['matches']}:"]
        lines += [f"  {m['relation']}: {m['target']} {_src([m['source']])}" for m in facts["matches"]]
    lines += ["", f"{w['sources']}: " + ", ".join(s.rsplit('/', 1)[-1] for s in facts["sources"])]
    return "\n".join(lines) + "\n"
