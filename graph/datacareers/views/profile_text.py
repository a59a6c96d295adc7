"""The profile facets of ``datacareers show`` as text lines, in the active language: pay
distributions, outlook, education, tasks, tools, job titles, the sentence behind each
reporting line, and "via" under every fact that came through a close match.

>>> from datacareers.i18n import using
>>> item = {"via": [{"scheme": "rome", "code": "M1889", "kind": "close", "label": "",
...                  "reason": "a broader fiche"}]}
>>> with using("en"):
...     via_lines(item)
['      via ROME M1889, a close match: a broader fiche']
>>> entry = {"p10": 50000, "p25": None, "median": 90000, "p75": None, "p90": 150000, "currency": "USD",
...          "period": "P1Y", "year": "2024", "soc_code": "15-2051", "employment": 202900,
...          "source": "https://w3id.org/datacareers/source/bls", "shared_with": [], "via": []}
>>> with using("en"):
...     print("\\n".join(distribution_lines(entry)))
  SOC 15-2051 (2024), USD per year, 202,900 jobs [bls]
    10th percentile 50,000 | median 90,000 | 90th percentile 150,000
"""

from __future__ import annotations

from datacareers.i18n import N_, _, ngettext, number
from datacareers.labels import local_name

#: Names of the classifications, as their publishers write them (not translated).
SCHEMES = {"esco": "ESCO", "rome": "ROME", "onet": "O*NET", "fap": "FAP"}
#: Percentile columns of a wage distribution, marked for translation.
PERCENTILES = {"p10": N_("10th percentile"), "p25": N_("25th percentile"), "median": N_("median"),
               "p75": N_("75th percentile"), "p90": N_("90th percentile")}
_PERIODS = {"P1Y": N_("per year"), "P1M": N_("per month"), "PT1H": N_("per hour")}


def src(sources) -> str:
    """``[short, short]``: the named graphs a line comes from."""
    return "[" + ", ".join(local_name(s) for s in sorted(set(sources))) + "]"


def via_concept(mapping: dict) -> str:
    """The concept a mapping reads, as people name it: "O*NET 15-2051.01"."""
    return f"{SCHEMES.get(mapping['scheme'], mapping['scheme'])} {mapping['code']}"


def via_texts(item: dict, with_labels: bool = True) -> list[str]:
    """What each close mapping a fact came through says (exact ones need no warning)."""
    out = []
    for m in item.get("via") or []:
        if m["kind"] != "close":
            continue
        concept = via_concept(m) + (f" {m['label']}" if with_labels and m.get("label") else "")
        text = _("via {concept}, a close match").format(concept=concept)
        out.append(_("{text}: {reason}").format(text=text, reason=m["reason"]) if m.get("reason") else text)
    return out


def via_lines(item: dict, indent: str = "      ") -> list[str]:
    """One line per close mapping a fact came through (exact ones need no warning)."""
    return [indent + text for text in via_texts(item)]


def statement_lines(item: dict, indent: str = "      ") -> list[str]:
    """The sentences that state a reporting line or a collaboration, quoted."""
    out = []
    for s in item.get("statements") or []:
        where = ", ".join(x for x in (" ".join(y for y in (local_name(s["source"]), s["code"] or "") if y),
                                      _("sentence {n}").format(n=s["position"]) if s["position"] else "") if x)
        out.append(indent + _("\u201c{quote}\u201d ({where})").format(quote=s["quote"], where=where or local_name(
            s["source"])))
    return out


def is_distribution(entry: dict) -> bool:
    """A wage distribution (percentiles) rather than a salary range (min, max)."""
    return any(isinstance(entry.get(k), int | float) for k in PERCENTILES)


def pay_cell(entry: dict, key: str) -> str:
    """A percentile as written: its amount, "≥ ceiling" when the source gives it only as at
    or above its published ceiling, else "".

    >>> pay_cell({"p90": None, "top_coded": ["p90"], "at_or_above": 239200}, "p90")
    '≥ 239,200'
    """
    if isinstance(entry.get(key), int | float):
        return number(entry[key])
    if key in (entry.get("top_coded") or []) and isinstance(entry.get("at_or_above"), int | float):
        return "\u2265 " + number(entry["at_or_above"])
    return ""


def distribution_lines(entry: dict) -> list[str]:
    """A wage distribution: its code, year, unit and employment, then its percentiles."""
    per = _(_PERIODS[entry["period"]]) if entry.get("period") in _PERIODS else (entry.get("period") or "")
    head = " ".join(x for x in ("SOC " + entry["soc_code"] if entry.get("soc_code") else "",
                                f"({entry['year']})" if entry.get("year") else "") if x)
    unit = " ".join(x for x in (entry.get("currency") or "", per) if x)
    parts = [head + ("," if head and unit else ""), unit]
    if isinstance(entry.get("employment"), int | float):
        parts[-1] += ","
        parts.append(_("{n} jobs").format(n=number(entry["employment"])))
    lines = ["  " + " ".join(p for p in parts if p) + " " + src([entry["source"]])]
    cells = [f"{_(name)} {pay_cell(entry, key)}" for key, name in PERCENTILES.items() if pay_cell(entry, key)]
    lines.append("    " + " | ".join(cells))
    if entry.get("shared_with"):
        lines.append("    " + _("the same figures for: {roles}").format(
            roles=", ".join(r["label"] for r in entry["shared_with"])))
    return lines + via_lines(entry, "    ")


def education_lines(entries: list[dict]) -> list[str]:
    """The education requirements: those read directly first, then those read through a
    close match, the match said once above the lines it covers."""
    out: list[str] = []
    groups: dict[tuple, list[dict]] = {}
    for e in entries:
        groups.setdefault(_via_key(e), []).append(e)
    for key in sorted(groups, key=lambda k: (bool(k), k)):
        if key:
            out += via_lines(groups[key][0], "  ")
        out += [line for e in groups[key] for line in education_line(e, with_via=False)]
    return out


def education_line(e: dict, with_via: bool = True) -> list[str]:
    """One education requirement: level, share of job holders, entry level, experience, EQF."""
    notes = []
    if isinstance(e.get("share"), int | float):
        notes.append(_("share of job holders: {n}%").format(n=number(e["share"])))
    if e.get("entry_level"):
        notes.append(_("typical entry level"))
    if e.get("work_experience"):
        notes.append(_("work experience: {text}").format(text=e["work_experience"]))
    if e.get("eqf_level"):
        notes.append(_("EQF level {n}").format(n=e["eqf_level"]))
    text = e["text"] + (" (" + _("; ").join(notes) + ")" if notes else "")  # French: " ; "
    return [f"  - {text} {src(e['sources'])}"] + (via_lines(e, "      ") if with_via else [])


def task_lines(tasks: list[dict]) -> list[str]:
    """Tasks grouped by source and code: ROME sentences in order, O*NET core tasks first."""
    out, group = [], None
    for t in tasks:
        key = (tuple(t["sources"]), t["code"])
        if key != group:
            group = key
            scheme = SCHEMES.get(t["via"][0]["scheme"], "") if t.get("via") else ""
            out.append("  " + " ".join(x for x in (scheme, t["code"] or "", src(t["sources"])) if x))
            out += via_lines(t, "    ")
        mark = {"core": _("core"), "supplemental": _("supplemental")}.get(t["category"] or "", "")
        out.append("    - " + t["text"] + (f" ({mark})" if mark else ""))
    return out


def tool_lines(tools: list[dict]) -> list[str]:
    """Technologies: hot and in-demand ones first, one a line and flagged; the others on one
    line per source; a close match the whole section came through said once, above."""
    out = []
    readings = {_via_key(t) for t in tools}
    shared = len(readings) == 1 and next(iter(readings))
    if shared:
        out += via_lines(tools[0], "  ")
    others: dict[tuple, list[dict]] = {}
    for t in tools:
        flags = [x for x, on in ((_("hot technology"), t["hot"]), (_("in demand"), t["in_demand"])) if on]
        if not flags:
            others.setdefault((tuple(t["sources"]), _via_key(t)), []).append(t)
            continue
        out.append(f"  - {t['label']} ({', '.join(flags)}) {src(t['sources'])}")
        out += [] if shared else via_lines(t, "      ")
    for (sources, _key), group in others.items():
        names = ", ".join(t["label"] for t in group)
        text = ngettext("{n} other technology: {names}", "{n} other technologies: {names}", len(group))
        out.append("  - " + text.format(n=len(group), names=names) + f" {src(sources)}")
        out += [] if shared else via_lines(group[0], "      ")
    return out


def _via_key(item: dict) -> tuple:
    return tuple(sorted(m["mapping"] for m in item.get("via") or [] if m["kind"] == "close"))


def title_lines(titles: list[dict]) -> list[str]:
    """Job titles by language and source."""
    groups: dict[tuple[str, str], list[str]] = {}
    for t in titles:
        groups.setdefault((t["lang"], src(t["sources"])), []).append(t["label"])
    return [f"  {lang or '-'}: {', '.join(names)} {where}" for (lang, where), names in groups.items()]


def outlook_lines(items: list[dict]) -> list[str]:
    """Each outlook in one line, with its SOC code and source."""
    out = []
    for o in items:
        code = f" (SOC {o['soc_code']})" if o.get("soc_code") else ""
        out.append(f"  - {o['text']}{code} {src(o['sources'])}")
        out += via_lines(o, "      ")
    return out
