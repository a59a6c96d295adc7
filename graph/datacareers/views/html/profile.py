"""The profile facets of a role for the view's detail panel: pay, outlook, tasks, tools, job
titles, reporting lines with their sentences, and the concepts the facts were read through,
made from the sections model the site and ``show`` render too (:mod:`datacareers.views.sections`),
in the page's language; the template lays out ``sections`` generically (a title, lines with
their sources and notes, or a table).

>>> from collections.abc import Callable

from pyoxigraph import Store
>>> profile_details(Store(), ["https://w3id.org/datacareers/role/x"], "en", lambda graph: 0)
{}
"""

from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Store

from datacareers.i18n import _, using
from datacareers.views.describe import role_facts
from datacareers.views.profile_text import PERCENTILES
from datacareers.views.sections import Links, sections

#: A source IRI -> its number in the page's source list.
Sources = Callable[[str], int]


#: The sections of :mod:`datacareers.views.sections` the panel shows (the rest of a role is
#: in the panel's own lists: skills, sectors, moves...).
PANEL = ("summary", "pay_fr", "tension", "salaries", "outlook", "tasks", "tools", "job_titles", "managed_by",
         "manages", "works_with", "read_through")


def _numbers(line: dict, sources: Sources) -> list[int]:
    return sorted({sources(s["iri"]) for s in line.get("sources") or [] if s.get("iri")})


def _line(line: dict, sources: Sources) -> dict:
    """A line of the model as the panel shows it: text and tags, its sources' numbers, and
    below it what the line says of itself (quotes, whose figure it is)."""
    tags = line.get("tags") or []
    text = line["text"] + (f" ({', '.join(tags)})" if tags else "")
    if line.get("name"):  # a summary line says what it is
        text = _("{title}:").format(title=line["name"]) + " " + text
    return {"text": text, "src": _numbers(line, sources), "via": " / ".join(line.get("details") or [])}


def _pay(section: dict, sources: Sources) -> dict | None:
    """The wage distributions (the panel lists salary ranges on their own)."""
    chosen = [r for r in section["rows"] if r["distribution"]]
    if not chosen:
        return None
    words = {"min": _("from"), "max": _("to"), **{k: _(v) for k, v in PERCENTILES.items()}}
    keep = [i for i, _c in enumerate(section["columns"]) if any(r["cells"][i] for r in chosen)]
    head = [_("Level"), *(words[section["columns"][i]] for i in keep)]
    rows = [{"text": "; ".join(x for x in (r["unit"], str(r["year"] or ""), r["notes"]) if x),
             "src": _numbers(r, sources), "via": "", "cells": [r["level"], *(r["cells"][i] for i in keep)]}
            for r in chosen]
    return {"title": section["title"], "head": head, "rows": rows}


def _lines(section: dict, sources: Sources) -> dict | None:
    """A section of lines; a note the section has (a close match all its lines came
    through) said once; parts (direct lines, then lines read through one close match) in order."""
    parts = section.get("parts") or [section]
    lines = []
    for part in parts:  # the reader's language first, then the folds
        ordered = part.get("shown", part["lines"]) + [x for fold in part.get("folds") or [] for x in fold["lines"]]
        for i, line in enumerate(ordered):
            shown = _line(line, sources)
            if i == 0 and part.get("note") and part is not section:
                shown["via"] = " / ".join(x for x in (part["note"], shown["via"]) if x)
            lines.append(shown)
    if not lines:
        return None
    return {"title": section["title"], "via": section.get("note") or "", "lines": lines}


def role_sections(facts: dict, sources: Sources) -> list[dict]:
    """The detail panel sections of one role's facts (empty facets are left out), made from
    the same model as the site's role page and ``show`` (:mod:`datacareers.views.sections`)."""
    found = [(_pay if s["key"] == "salaries" else _lines)(s, sources)
             for s in sections(facts, Links(roles={})) if s["key"] in PANEL]
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
