"""One step of a path (or one next move), as JSON and as the lines a person reads.

Every step says why: its evidence and source in words ("ROME 4.0 lists this move 4th of
the 9 from data analyst"), how likely an inferred move is (the transition model's
probability, in words) or, for moves an import inferred from skills alone, their similarity; its cost, the skills to
acquire (essential ones first and marked), the pay and job-zone change where both roles
have the same kind of figure, or that the figure is missing.

>>> from datacareers.i18n import using
>>> with using("en"):
...     ordinal(1), ordinal(2), ordinal(12), ordinal(23)
('1st', '2nd', '12th', '23rd')
>>> with using("fr"):
...     ordinal(1), ordinal(4)
('1re', '4e')
"""

from __future__ import annotations

from babel.numbers import format_percent
from pyoxigraph import Store

from datacareers.i18n import N_, _, active, number
from datacareers.labels import local_name, pick_label
from datacareers.views.describe import label_map
from datacareers.views.moves import WEIGHT

#: Evidence kinds as people read them.
EVIDENCE_NAMES = {"stated": N_("stated"), "related": N_("related"), "inferred": N_("inferred")}


def evidence_name(kind: str) -> str:
    """An evidence kind in the active language."""
    name = EVIDENCE_NAMES[kind]
    return _(name)


def seniority_name(kind: str | None) -> str:
    """A seniority (junior...) in the active language."""
    if kind not in _SENIORITY:
        return kind or ""
    name = _SENIORITY[kind]
    return _(name)


def percent(share: float, lang: str | None = None) -> str:
    """*share* (0.52) as a percentage the active language's way (52%, 52 %).

    >>> percent(0.523, "en"), percent(0.523, "fr").replace("\\xa0", " ")
    ('52%', '52 %')
    """
    return format_percent(share, locale=lang or active())


def ordinal(n: int) -> str:
    """*n* as an ordinal in the active language (4th, 4e)."""
    if active() == "fr":
        return "1re" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def source_name(iri: str) -> str:
    """A short name for a source graph (ROME 4.0, O*NET 29.0, the article...)."""
    name = local_name(iri)
    if "career-changers" in name or "changers" in name:
        return _("O*NET Career Changers")
    if "move-model" in name:
        return _("transition model (computed)")
    if "inferred" in name:
        return _("skill overlap (computed)")
    if name == "ml-engineer-article":
        return _("the ML engineer article")
    for key, title in (("rome", "ROME"), ("onet", "O*NET"), ("esco", "ESCO")):
        if key in name:
            version = name.split(key + "-", 1)[-1].split("-")[0]
            return f"{title} {version}".strip()
    return name


def why(item: dict, a: str, b: str) -> str:
    """One piece of evidence in words."""
    name = source_name(item["source"])
    if item["evidence"] == "inferred" and item.get("probability") is not None:
        return _("inferred by the transition model: ROME states a move between occupations this close in {pct} "
                 "of cases; no source states this move").format(pct=percent(item["probability"]))
    if item["evidence"] == "inferred":
        return _("inferred from skills: {a} already covers {pct} of the skills of {b} (similarity {sim}); "
                 "no source states this move").format(a=a, b=b, pct=percent(item["similarity"] or 0),
                                                     sim=number(item["similarity"] or 0))
    if item["evidence"] == "related":
        text = _("{source} lists {b} as an occupation related to {a} (similar work, not a stated move)").format(
            source=name, a=a, b=b)
        if item["rank"] and item["out_of"]:
            text += " " + _("({nth} of {n})").format(nth=ordinal(item["rank"]), n=item["out_of"])
        return text
    if item["rank"] and item["out_of"]:
        return _("{source} lists this move {nth} of the {n} from {a}").format(
            source=name, nth=ordinal(item["rank"]), n=item["out_of"], a=a)
    if item["rank"]:
        return _("{source} lists this move ({nth})").format(source=name, nth=ordinal(item["rank"]))
    return _("{source} names this move").format(source=name)


def step_json(store: Store, step, labels: dict[str, dict[str, str]], lang: str, skill_names: dict[str, str]) -> dict:
    """The JSON of one step (see ``path --format json``)."""
    a = pick_label(labels.get(step.source, {}), lang, local_name(step.source))
    b = pick_label(labels.get(step.target, {}), lang, local_name(step.target))
    ranks = [i["rank"] for i in step.items if i["rank"]]
    return {
        "from": {"id": step.source, "label": a}, "to": {"id": step.target, "label": b},
        "cost": step.cost, "skill_gap": step.gap, "evidence": step.evidence,
        "evidence_weight": WEIGHT[step.evidence] if step.weight is None else step.weight,
        "similarity": step.similarity, "probability": step.probability,
        "sources": step.sources, "rank": min(ranks) if ranks else None,
        "why": _unique([{**item, "text": why(item, a, b)} for item in step.items]),
        "new_skills": [{"id": s["id"], "label": skill_names.get(s["id"], local_name(s["id"])),
                        "essential": s["essential"], "partial": s["partial"]} for s in step.new_skills],
        "salary_change": step.salary_change,
        "job_zone": {"from": step.job_zone[0], "to": step.job_zone[1],
                     "rated_from": step.job_zone_dates[0], "rated_to": step.job_zone_dates[1]},
        "education": {"eqf_from": step.eqf[0], "eqf_to": step.eqf[1]},
    }


def _unique(items: list[dict]) -> list[dict]:
    """One entry per text: a shipped source and its imported release say the same thing."""
    seen: dict[str, dict] = {}
    for item in items:
        if item["text"] in seen:
            seen[item["text"]].setdefault("also", []).append(item["source"])
        else:
            seen[item["text"]] = item
    return list(seen.values())


def skill_labels(store: Store, steps, lang: str) -> dict[str, str]:
    return label_map(store, {s["id"] for step in steps for s in step.new_skills}, lang)


def _rated(zone: int | None, dates: list[str] | None) -> str:
    """A job zone with the month(s) O*NET rated it: "5 (rated 07/2012)".

    >>> from datacareers.i18n import using
    >>> with using("en"):
    ...     _rated(5, ["2012-07"]), _rated(4, [])
    ('5 (rated 07/2012)', '4')
    """
    if zone is None or not dates:
        return "" if zone is None else str(zone)
    months = ", ".join(f"{d[5:]}/{d[:4]}" if len(d) == 7 else d for d in dates)
    return _("{zone} (rated {dates})").format(zone=zone, dates=months)


def step_lines(step: dict, all_skills: bool = False, max_skills: int = 12) -> list[str]:
    """The text of one step (from its JSON), indented under its heading."""
    pad = "      "
    gap = _("unknown, counted as 1") if step["skill_gap"] is None else number(round(step["skill_gap"], 2))
    lines = [pad + _("cost {cost} = {evidence} move {weight} + skill gap {gap}").format(
        cost=number(round(step["cost"], 2)), evidence=evidence_name(step["evidence"]),
        weight=number(step["evidence_weight"]), gap=gap)]
    lines += [pad + _("why: {text}").format(text=item["text"]) for item in step["why"]]
    lines += _skill_lines(step, all_skills, max_skills, pad)
    lines += _pay_lines(step, pad)
    zone = step["job_zone"]
    a, b = (_rated(zone["from"], zone.get("rated_from")), _rated(zone["to"], zone.get("rated_to")))
    if zone["from"] is not None and zone["to"] is not None:
        lines.append(pad + _("O*NET job zone: {a} -> {b}").format(a=a, b=b))
    elif zone["from"] is not None or zone["to"] is not None:
        lines.append(pad + _("O*NET job zone: {a} -> {b} (not known for both roles)").format(
            a=a if zone["from"] is not None else "?", b=b if zone["to"] is not None else "?"))
    edu = step["education"]
    if edu["eqf_from"] and edu["eqf_to"] and edu["eqf_from"] != edu["eqf_to"]:
        lines.append(pad + _("education: EQF level {a} -> {b}").format(a=edu["eqf_from"], b=edu["eqf_to"]))
    return lines


def _skill_lines(step: dict, all_skills: bool, max_skills: int, pad: str) -> list[str]:
    skills = step["new_skills"]
    if not skills:
        if step["skill_gap"] is None:
            return [pad + _("(no source lists the skills of {b})").format(b=step["to"]["label"])]
        return [pad + _("skills to add: none listed by the sources")]

    def name(s):
        return s["label"] + (" (~)" if s["partial"] else "")

    essential = [name(s) for s in skills if s["essential"]]
    optional = [name(s) for s in skills if not s["essential"]]
    lines = []
    if essential:
        shown = essential if all_skills else essential[:max_skills]
        more = len(essential) - len(shown)
        lines.append(pad + _("essential skills to add ({n}): {skills}").format(
            n=len(essential), skills=", ".join(shown)) + (" " + _("... and {n} more").format(n=more) if more else ""))
    if optional:
        if all_skills:
            lines.append(pad + _("optional skills to add ({n}): {skills}").format(n=len(optional),
                                                                                  skills=", ".join(optional)))
        elif essential:
            lines.append(pad + _("and {n} optional skills (--all-skills lists them)").format(n=len(optional)))
        else:
            lines.append(pad + _("skills to add ({n}, none marked essential): {skills}").format(
                n=len(optional), skills=", ".join(optional[:max_skills])))
    return lines


def _net_pay_line(change: dict, sources: str) -> str:
    """A change of Dares's median net monthly pay (EUR), between two FAP families."""
    if change["kind"] == "shared":
        return _("median net pay: {a} EUR a month for both, the same figures (one FAP family, {code}, covers "
                 "both roles): no difference to read ({sources})").format(
            a=number(round(change["from"])), code=change["fap_from"], sources=sources)
    pct = ("+" if change["ratio"] >= 1 else "") + percent(change["ratio"] - 1) if change["ratio"] else "?"
    period = f"{change['start']}-{change['year_from']}" if change.get("start") else change.get("year_from") or ""
    return _("median net pay: {a} -> {b} EUR a month ({pct}, FAP {f} -> {t}, {period}; {sources})").format(
        a=number(round(change["from"])), b=number(round(change["to"])), pct=pct, f=change["fap_from"],
        t=change["fap_to"], period=period, sources=sources)


def _pay_lines(step: dict, pad: str) -> list[str]:
    lines = []
    for change in step["salary_change"]:
        period = _("a year") if change.get("period") == "P1Y" else _("a month") if change.get("period") == "P1M" else ""
        sources = ", ".join(local_name(s) for s in change.get("sources", []))
        if change.get("fap_from"):  # Dares: net monthly pay of full-time employees, one FAP family each
            lines.append(pad + _net_pay_line(change, sources))
        elif change["kind"] == "shared":
            lines.append(pad + _("median pay: {a} {currency} {period} for both, the same figures "
                                 "(one SOC code, {code}, covers both roles): no difference to read ({sources})").format(
                a=number(round(change["from"])), currency=change["currency"], period=period,
                code=change.get("soc_from") or "?", sources=sources))
        elif change["kind"] == "median":
            pct = ("+" if change["ratio"] >= 1 else "") + percent(change["ratio"] - 1) if change["ratio"] else "?"
            codes = ""
            if change.get("soc_from") and change.get("soc_to"):
                codes = _(", SOC {a} -> {b}").format(a=change["soc_from"], b=change["soc_to"])
            lines.append(pad + _("median pay: {a} -> {b} {currency} {period} ({pct}{codes}; {sources})").format(
                a=number(round(change["from"])), b=number(round(change["to"])), currency=change["currency"],
                period=period, pct=pct, codes=codes, sources=sources))
        else:
            lines.append(pad + _("annual salary ({seniority}, {currency}): {f0}-{f1} -> {t0}-{t1}").format(
                seniority=seniority_name(change["seniority"]),
                currency=change["currency"], f0=number(change["from"][0]), f1=number(change["from"][1]),
                t0=number(change["to"][0]), t1=number(change["to"][1])))
    if not lines:
        lines.append(pad + _("pay: no comparable figure for both roles in the data"))
    return lines


_SENIORITY = {"junior": N_("junior"), "intermediate": N_("intermediate"), "senior": N_("senior")}
