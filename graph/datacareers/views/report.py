"""Human-readable and JSON renderings of path and role answers (for the CLI).

Labels come in the language asked for (``fr`` or ``en``), falling back to the other.

>>> from datacareers.i18n import using
>>> with using("fr"):
...     cost_note().split(" = ")[0]
"coût d'une étape"
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.i18n import _, ngettext, number, using
from datacareers.labels import local_name, pick_label
from datacareers.views.describe import label_map
from datacareers.views.into import IntoData
from datacareers.views.nextmoves import NextMoves
from datacareers.views.paths import LONG, Constraints, PathResult
from datacareers.views.sections import Links, sections
from datacareers.views.sections_text import sections_text
from datacareers.views.steps import evidence_name, skill_labels, step_json, step_lines


def cost_note() -> str:
    """How a path's cost is computed, in the active language."""
    return _("cost of a step = evidence weight (stated 1, related 1.5, inferred 2 down to 1.5 "
             "the likelier the transition model finds it) + skill gap (share of the "
             "target's essential skills not yet covered, 0 to 1; a skill of the same group counts half; "
             "1 when unknown)")


def evidence_note() -> str:
    """What the three kinds of evidence mean."""
    return _("evidence: stated = a source says people make this move; related = O*NET lists similar work; "
             "inferred = computed (with the transition model's probability that ROME would state it), no source "
             "states it. (~) = a skill of the same group is "
             "already held")


def _constraints_json(constraints: Constraints) -> dict:
    return {"evidence": constraints.evidence, "max_steps": constraints.max_steps, "via": list(constraints.via),
            "avoid": sorted(constraints.avoid), "have": sorted(constraints.have),
            "desirable": constraints.desirable, "viable": constraints.viable}


def path_json(store: Store, result: PathResult, lang: str = "en") -> dict:
    """The JSON shape of ``datacareers path --format json`` (full IRIs as ids)."""
    with using(lang):
        skills = skill_labels(store, [s for p in result.paths for s in p.steps], lang)

        def role(node):
            return {"id": node, "label": pick_label(result.labels.get(node, {}), lang, local_name(node))}

        out = {
            "from": role(result.source),
            "to": role(result.target),
            "cost_model": cost_note(),
            "constraints": _constraints_json(result.constraints),
            "paths": [
                {"cost": path.cost, "roles": [role(r) for r in path.roles], "warnings": _warnings(path, role),
                 "steps": [step_json(store, step, result.labels, lang, skills) for step in path.steps]}
                for path in result.paths
            ],
        }
        if result.starts:  # a title several occupations share: every path starts from one of them
            out["from"] = {"name": result.asked, "occupations": [role(r) for r in result.starts]}
        if result.through:  # ESCO occupations named like a start: their essential skills are held from it
            out["from"]["through"] = through_items(store, result.through, result.held, lang)
        return out


def through_items(store: Store, through: dict[str, list[str]], held: dict[str, frozenset[str]],
                  lang: str = "en") -> list[dict]:
    """Each ESCO occupation named like a start: its id and name, the fiche, the skills held from it."""
    names = label_map(store, [*through, *(o for occupations in through.values() for o in occupations)], lang)
    skills = label_map(store, [x for h in held.values() for x in h], lang)
    return [{"id": o, "label": names[o], "fiche": {"id": node, "label": names[node]},
             "held": [{"id": x, "label": skills[x]} for x in sorted(held.get(node, ()))]}
            for node, occupations in sorted(through.items()) for o in occupations]


def through_lines(items: list[dict], asked: str, lang: str = "en") -> list[str]:
    """:func:`through_items` in words: what an ESCO occupation named like the start brings."""
    lines = []
    with using(lang):
        for item in items:
            fiche = f"{item['fiche']['label']} ({local_name(item['fiche']['id'])})"
            listed = ", ".join(sorted(s["label"] for s in item["held"]))
            if listed:
                text = ngettext(
                    "« {name} » is ESCO's occupation {occupation}, named like ROME's {fiche} (a link by title, "
                    "source esco-rome-titles): paths from it hold the ESCO essential skill of {occupation} that "
                    "data roles ask: {skills}",
                    "« {name} » is ESCO's occupation {occupation}, named like ROME's {fiche} (a link by title, "
                    "source esco-rome-titles): paths from it hold the {n} ESCO essential skills of {occupation} "
                    "that data roles ask: {skills}", len(item["held"]))
            else:
                text = _("« {name} » is ESCO's occupation {occupation}, named like ROME's {fiche} (a link by "
                         "title, source esco-rome-titles); ESCO lists none of the skills data roles ask for it")
            lines.append("(" + text.format(name=asked, occupation=item["label"], fiche=fiche,
                                           n=len(item["held"]), skills=listed) + ")")
    return lines


def _warnings(path, role) -> list[str]:
    """What to be wary of in a path: a long chain, occupations outside the curated roles."""
    out = []
    if len(path.steps) > LONG:
        out.append(_("{n} moves: each move adds uncertainty (--max-steps {m} keeps paths shorter)").format(
            n=len(path.steps), m=LONG))
    if path.outside:
        out.append(_("goes through occupations outside the curated data roles: {names}").format(
            names=", ".join(role(r)["label"] for r in path.outside)))
    return out


def path_text(store: Store, result: PathResult, lang: str = "en", all_skills: bool = False) -> str:
    """The text answer of ``datacareers path``."""
    with using(lang):
        data = path_json(store, result, lang)
        start = f"« {result.asked} »" if result.starts else data["from"]["label"]
        lines = [ngettext("From {a} to {b}: {n} path, best first.", "From {a} to {b}: {n} paths, best first.",
                          len(data["paths"])).format(a=start, b=data["to"]["label"], n=len(data["paths"])),
                 f"({cost_note()})", f"({evidence_note()})", ""]
        lines[1:1] = through_lines(data["from"].get("through", []), result.asked, lang)
        if result.starts:
            lines[1:1] = [_("(« {name} » is a title of {n} occupations: {names}. Each path starts from one of them; "
                            "give a fuller title or a code for one.)").format(
                name=result.asked, n=len(result.starts),
                names="; ".join(f"{r['label']} ({local_name(r['id'])})" for r in data["from"]["occupations"]))]
        for i, path in enumerate(data["paths"], 1):
            lines.append(ngettext("Path {i}: cost {cost}, {n} step", "Path {i}: cost {cost}, {n} steps",
                                  len(path["steps"])).format(i=i, cost=number(round(path["cost"], 2)),
                                                             n=len(path["steps"])))
            lines.append("  " + " -> ".join(r["label"] for r in path["roles"]))
            lines += ["  " + _("warning: {text}").format(text=w) for w in path["warnings"]]
            for j, step in enumerate(path["steps"], 1):
                lines.append("  " + _("step {i}: {a} -> {b}   [{evidence}]").format(
                    i=j, a=step["from"]["label"], b=step["to"]["label"],
                    evidence=evidence_name(step["evidence"])))
                lines += step_lines(step, all_skills)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def next_json(store: Store, answer: NextMoves, lang: str = "en") -> dict:
    """The JSON shape of ``datacareers next --format json``."""
    with using(lang):
        skills = skill_labels(store, answer.moves, lang)
        skills.update(label_map(store, [x["id"] for x in answer.leverage], lang))

        def role(node):
            return {"id": node, "label": pick_label(answer.labels.get(node, {}), lang, local_name(node))}

        return {
            "from": role(answer.role), "cost_model": cost_note(),
            "constraints": _constraints_json(answer.constraints),
            "moves": [step_json(store, step, answer.labels, lang, skills) for step in answer.moves],
            "skill_leverage": [{"id": x["id"], "label": skills[x["id"]], "opens": len(x["moves"]),
                                "moves": [role(m) for m in x["moves"]]} for x in answer.leverage],
        }


def next_text(store: Store, answer: NextMoves, lang: str = "en", all_skills: bool = False) -> str:
    """The text answer of ``datacareers next``."""
    with using(lang):
        data = next_json(store, answer, lang)
        lines = [ngettext("From {a}: {n} move, cheapest first.", "From {a}: {n} moves, cheapest first.",
                          len(data["moves"])).format(a=data["from"]["label"], n=len(data["moves"])),
                 f"({cost_note()})", f"({evidence_note()})", ""]
        for i, step in enumerate(data["moves"], 1):
            lines.append(f"{i:>2}. " + _("{b}   [{evidence}]").format(
                b=step["to"]["label"], evidence=evidence_name(step["evidence"])))
            lines += step_lines(step, all_skills, max_skills=6)
        if data["skill_leverage"]:
            lines += ["", _("Skills that would narrow the gap of the most moves:")]
            for x in data["skill_leverage"]:
                lines.append("  - " + ngettext(
                    "{skill}: essential for {n} of these moves ({roles})",
                    "{skill}: essential for {n} of these moves ({roles})", x["opens"]).format(
                    skill=x["label"], n=x["opens"], roles=", ".join(m["label"] for m in x["moves"][:5])
                    + (", ..." if x["opens"] > 5 else "")))
    return "\n".join(lines).rstrip() + "\n"




def into_json(store: Store, answer: IntoData, lang: str = "en") -> dict:
    """The JSON shape of ``datacareers next ROLE --into data --format json``."""
    with using(lang):
        skills = skill_labels(store, [r.first for r in answer.reached], lang)

        def role(node):
            return {"id": node, "label": pick_label(answer.labels.get(node, {}), lang, local_name(node))}

        return {
            "from": role(answer.source), "cost_model": cost_note(),
            "constraints": _constraints_json(answer.constraints),
            "reached": [{"role": role(r.role), "cost": r.cost, "steps": len(r.roles) - 1,
                         "path": [role(n) for n in r.roles],
                         "first_step": step_json(store, r.first, answer.labels, lang, skills)} for r in answer.reached],
            "unreached": [role(n) for n in answer.unreached],
        }


def into_text(store: Store, answer: IntoData, lang: str = "en") -> str:
    """The text answer of ``datacareers next ROLE --into data``: each data role within reach,
    its cheapest path and the first step's evidence."""
    with using(lang):
        data = into_json(store, answer, lang)
        lines = [ngettext("From {a} into the data roles: {n} within reach, cheapest first.",
                          "From {a} into the data roles: {n} within reach, cheapest first.",
                          len(data["reached"])).format(a=data["from"]["label"], n=len(data["reached"])),
                 f"({cost_note()})", f"({evidence_note()})", ""]
        for i, r in enumerate(data["reached"], 1):
            lines.append(f"{i:>2}. " + ngettext("{b}   cost {cost}, {n} step", "{b}   cost {cost}, {n} steps",
                                                r["steps"]).format(b=r["role"]["label"],
                                                                   cost=number(round(r["cost"], 2)), n=r["steps"]))
            lines.append("      " + " -> ".join(n["label"] for n in r["path"]))
            first = r["first_step"]
            lines.append("      " + _("first step: {b}   [{evidence}]").format(
                b=first["to"]["label"], evidence=evidence_name(first["evidence"])))
            lines += ["        " + _("why: {text}").format(text=item["text"]) for item in first["why"]]
        if data["unreached"]:
            lines += ["", _("No path reaches: {roles}").format(roles=", ".join(n["label"] for n in data["unreached"]))]
    return "\n".join(lines).rstrip() + "\n"


def show_text(facts: dict, lang: str = "en") -> str:
    """The text answer of ``datacareers show``."""
    with using(lang):
        return _show_text(facts, lang)


def _show_text(facts: dict, lang: str) -> str:
    """The header (names, id, definition), then every section as the site and the view's
    panel show them (:mod:`datacareers.views.sections`, :mod:`datacareers.views.sections_text`)."""
    other = "fr" if lang == "en" else "en"
    title = facts["label"]
    if facts["labels"].get(other) and facts["labels"][other] != title:
        title += f"  /  {facts['labels'][other]}"
    lines = [title, "=" * len(title), f"id: {facts['slug']}  <{facts['id']}>"]
    if facts["alt_labels"]:
        lines.append(_("Also called: {names}").format(names=", ".join(facts["alt_labels"])))
    if facts["definition"] and not facts.get("summary"):  # the summary says it first otherwise
        lines += ["", _("Definition: {text}").format(text=facts["definition"])]
    lines += sections_text(sections(facts, Links(roles={})))
    lines += ["", _("Sources: {names}").format(names=", ".join(local_name(s) for s in facts["sources"]))]
    return "\n".join(lines) + "\n"
