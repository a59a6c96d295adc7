"""Human-readable and JSON renderings of path and role answers (for the CLI).

Labels come in the language asked for (``fr`` or ``en``), falling back to the other.

>>> from datacareers.i18n import using
>>> with using("fr"):
...     cost_note().split(" = ")[0]
'coût'
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.i18n import N_, _, ngettext, number, using
from datacareers.labels import local_name, pick_label
from datacareers.views.describe import label_map
from datacareers.views.paths import PathResult


def cost_note() -> str:
    """How a path's cost is computed, in the active language."""
    return _("cost = steps + skill gap (share of the target's required skills not yet held; 1 when unknown)")


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
        "cost_model": cost_note(),
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
    with using(lang):
        data = path_json(store, result, lang)
        lines = [ngettext("From {a} to {b}: {n} path, best first.", "From {a} to {b}: {n} paths, best first.",
                          len(data["paths"])).format(a=data["from"]["label"], b=data["to"]["label"],
                                                     n=len(data["paths"])),
                 f"({cost_note()})", ""]
        for i, path in enumerate(data["paths"], 1):
            lines.append(ngettext("Path {i}: cost {cost}, {n} step", "Path {i}: cost {cost}, {n} steps",
                                  len(path["steps"])).format(i=i, cost=number(round(path["cost"], 2)),
                                                             n=len(path["steps"])))
            lines.append("  " + " -> ".join(r["label"] for r in path["roles"]))
            for j, step in enumerate(path["steps"], 1):
                lines += _step_lines(j, step, max_skills)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _step_lines(number_: int, step: dict, max_skills: int) -> list[str]:
    origin = ", ".join(
        local_name(s) + (" (" + _("rank {rank}").format(rank=step["rank"]) + ")" if step["rank"] and "rome" in s
                         else "")
        for s in step["sources"])
    lines = ["  " + _("step {i}: {a} -> {b}").format(i=number_, a=step["from"]["label"], b=step["to"]["label"])
             + "   [" + _("source: {sources}").format(sources=origin) + "]"]
    if step["new_skills"]:
        names = [s["label"] for s in step["new_skills"]]
        shown = ", ".join(names[:max_skills])
        more = " " + _("... and {n} more").format(n=len(names) - max_skills) if len(names) > max_skills else ""
        lines.append("      " + _("skills to add ({n}): {skills}").format(n=len(names), skills=shown) + more)
    elif step["skill_gap"] is None:
        lines.append("      " + _("(no source lists the skills of {b})").format(b=step["to"]["label"]))
    else:
        lines.append("      " + _("skills to add: none listed by the sources"))
    for change in step["salary_change"]:
        lines.append("      " + _("annual salary ({seniority}, {currency}): {f0}-{f1} -> {t0}-{t1}").format(
            seniority=_seniority(change["seniority"]), currency=change["currency"],
            f0=number(change["from"][0]), f1=number(change["from"][1]),
            t0=number(change["to"][0]), t1=number(change["to"][1])))
    return lines


#: Seniority names as the data gives them (career:junior...), marked for translation.
_SENIORITY = {"junior": N_("junior"), "intermediate": N_("intermediate"), "senior": N_("senior")}


def _seniority(name: str | None) -> str:
    return _(_SENIORITY[name]) if name in _SENIORITY else (name or "")


def _src(sources: list[str]) -> str:
    return "[" + ", ".join(local_name(s) for s in sources) + "]"


def show_text(facts: dict, lang: str = "en") -> str:
    """The text answer of ``datacareers show``."""
    with using(lang):
        return _show_text(facts, lang)


_KIND_TITLES = {"hard": N_("hard skills"), "soft": N_("soft skills"), "knowledge": N_("knowledge"),
                None: N_("other")}
_RELATED_TITLES = {
    "sectors": N_("Sectors"), "employers": N_("Employers"), "managed_by": N_("Managed by"),
    "manages": N_("Manages"), "works_with": N_("Works with"), "moves_to": N_("Can become"),
    "moves_from": N_("Reached from"),
}


def _heading(title: str) -> str:
    """*title* followed by a colon, spaced as the language wants it ("Secteurs :")."""
    return _("{title}:").format(title=title)


def _show_text(facts: dict, lang: str) -> str:
    none = "  " + _("(none in the data)")
    other = "fr" if lang == "en" else "en"
    title = facts["label"]
    if facts["labels"].get(other) and facts["labels"][other] != title:
        title += f"  /  {facts['labels'][other]}"
    lines = [title, "=" * len(title), f"id: {facts['slug']}  <{facts['id']}>"]
    if facts["alt_labels"]:
        lines.append(_("Also called: {names}").format(names=", ".join(facts["alt_labels"])))
    if facts["definition"]:
        lines += ["", _("Definition: {text}").format(text=facts["definition"])]
    if facts["missions"]:
        lines += ["", _("Missions:")] + [f"  - {m}" for m in facts["missions"]]
    lines += ["", _("Skills:")]
    if not facts["skills"]:
        lines.append(none)
    for kind in ("hard", "soft", "knowledge", None):
        group = [s for s in facts["skills"] if s["kind"] == kind]
        if group:
            lines.append("  " + _heading(_(_KIND_TITLES[kind])))
            for s in group:
                need = _("essential") if s["essential"] else _("optional") if s["optional"] else ""
                lines.append(f"    - {s['label']}" + (f" ({need})" if need else "") + f" {_src(s['sources'])}")
    lines += ["", _("Salaries (gross):")]
    if not facts["salaries"]:
        lines.append(none)
    for s in facts["salaries"]:
        period = {"P1Y": _("year"), "P1M": _("month")}.get(s["period"], s["period"])
        seniority = _seniority(s["seniority"])
        lines.append(f"  {seniority:<13} {number(s['min']):>7} - {number(s['max']):>7} {s['currency']}/{period}"
                     f"  ({s['year']}) {_src([s['source']])}")
    lines += ["", _("Education:")]
    if not facts["education"]:
        lines.append(none)
    for e in facts["education"]:
        eqf = " (" + _("EQF level {n}").format(n=e["eqf_level"]) + ")" if e["eqf_level"] else ""
        lines.append(f"  {e['text']}{eqf} {_src(e['sources'])}")
    for key, heading in _RELATED_TITLES.items():
        lines += ["", _heading(_(heading))]
        lines += [f"  - {x['label']} {_src(x['sources'])}" for x in facts[key]] or [none]
    if facts["matches"]:
        lines += ["", _("Matches:")]
        lines += [f"  {m['relation']}: {m['target']} {_src([m['source']])}" for m in facts["matches"]]
    lines += ["", _("Sources: {names}").format(names=", ".join(local_name(s) for s in facts["sources"]))]
    return "\n".join(lines) + "\n"
