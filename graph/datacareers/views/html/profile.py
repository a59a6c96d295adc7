"""The profile facets of a role for the view's detail panel: pay percentiles, outlook,
tasks, tools, job titles, the sentences behind reporting lines, and the concepts the facts
were read through. Texts are made here, in the page's language; the template lays out
``sections`` generically (a title, lines with their sources, "via" and quotes, or a table).

>>> from collections.abc import Callable

from pyoxigraph import Store
>>> profile_details(Store(), ["https://w3id.org/datacareers/role/x"], "en", lambda graph: 0)
{}
"""

from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Store

from datacareers.i18n import _, number, using
from datacareers.views.describe import role_facts
from datacareers.views.profile_text import (
    PERCENTILES,
    figure_notes,
    is_distribution,
    pay_cell,
    soc_name,
    via_concept,
    via_texts,
)

#: A source IRI -> its number in the page's source list.
Sources = Callable[[str], int]


def _via(item: dict) -> str:
    """'via ROME M1889, a close match: <reason>' for the close mappings of *item* ('' if none)."""
    return " / ".join(via_texts(item, with_labels=False))


def _line(text: str, item: dict, sources: Sources, **extra) -> dict:
    graphs = list(item.get("sources") or []) + ([item["source"]] if item.get("source") else [])
    return {"text": text, "src": sorted({sources(g) for g in graphs}), "via": _via(item), **extra}


def _pay(facts: dict, sources: Sources) -> dict | None:
    rows = [e for e in facts["salaries"] if is_distribution(e)]
    if not rows:
        return None
    per = {"P1Y": _("per year"), "P1M": _("per month"), "PT1H": _("per hour")}
    head = [_("code"), *(_(name) for name in PERCENTILES.values())]
    body = []
    for e in rows:
        unit = " ".join(x for x in (e.get("currency") or "", per.get(e.get("period") or "", "")) if x)
        cells = [f"{soc_name(e) or '?'} ({e['year'] or '?'})",
                 *(pay_cell(e, k) for k in PERCENTILES)]
        notes = [unit]
        if isinstance(e.get("employment"), int | float):
            notes.append(_("{n} jobs").format(n=number(e["employment"])))
        notes += figure_notes(e)
        body.append(_line("; ".join(n for n in notes if n), e, sources, cells=cells))
    return {"title": _("Pay distributions (percentiles)"), "head": head, "rows": body}


def _lines(title: str, lines: list[dict]) -> dict | None:
    """A section of lines; a "via" every line shares is said once, for the section."""
    if not lines:
        return None
    shared = {x["via"] for x in lines}
    if len(shared) == 1 and lines[0]["via"]:
        return {"title": title, "via": lines[0]["via"], "lines": [dict(x, via="") for x in lines]}
    return {"title": title, "lines": lines}


def role_sections(facts: dict, sources: Sources) -> list[dict]:
    """The detail panel sections of one role's facts (empty facets are left out)."""
    tasks = [_line(t["text"] + (f" ({_('core')})" if t["category"] == "core" else ""), t, sources,
                   code=t["code"] or "") for t in facts["tasks"]]
    tools = [_line(t["label"] + "".join(f" ({x})" for x, on in ((_("hot technology"), t["hot"]),
                                                                 (_("in demand"), t["in_demand"])) if on), t, sources)
             for t in facts["tools"]]
    titles = [_line(t["label"] + (f" ({t['lang']})" if t["lang"] else ""), t, sources) for t in facts["job_titles"]]
    said = []
    for key, title in (("managed_by", _("Managed by")), ("manages", _("Manages")), ("works_with", _("Works with"))):
        for item in facts[key]:
            said += [_line(_("{title}: {name}").format(title=title, name=item["label"]),
                           dict(item, sources=[s["source"]]), sources, quote=s["quote"],
                           code=" ".join(str(x) for x in (s["code"], s["position"]) if x))
                     for s in item.get("statements", [])]
    outlook = [_line(o["text"] + (f" ({soc_name(o)})" if o["soc_code"] else "")
                     + "".join(f"; {note}" for note in figure_notes(o)), o, sources) for o in facts["outlook"]]
    through = [_line(f"{via_concept(m)} — "
                     + (_("exact match") if m["kind"] == "exact" else _("close match")) + f": {m['reason']}",
                     {"source": m["source"]}, sources) for m in facts["read_through"]]
    found = [_pay(facts, sources), _lines(_("Outlook"), outlook),
             _lines(_("Tasks (in the words of the sources)"), tasks),
             _lines(_("Tools and technologies"), tools), _lines(_("Job titles"), titles),
             _lines(_("Who says so"), said), _lines(_("Read through"), through)]
    return [s for s in found if s]


def profile_details(store: Store, roles: list[str], lang: str, sources: Sources) -> dict[str, list[dict]]:
    """Each role's profile sections, for the roles that have any."""
    out = {}
    with using(lang):
        for role in roles:
            found = role_sections(role_facts(store, role, lang), sources)
            if found:
                out[role] = found
    return out
