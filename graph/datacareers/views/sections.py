"""A role's facets (what :func:`datacareers.views.describe.role_facts` returns) as the
sections of its page: each section a title and lines, each line its text, its tags, its
link and its sources.

Known facets get a renderer of their own (skills grouped by kind, pay as a table, moves
with a link to the path finder); any other facet is shown by :func:`generic`, which reads
the usual keys of an item (``label`` / ``text`` / ``name``, ``id``, ``sources`` /
``source``), so a new facet appears on the pages as soon as ``role_facts`` gives it, and
only needs its title in :data:`datacareers.views.site.words.FACET_TITLES`.

>>> links = Links(roles={"https://w3id.org/datacareers/role/a": "a"}, prefix="../")
>>> section = generic("sectors", [{"id": "https://w3id.org/datacareers/role/a", "label": "A",
...                                "sources": ["https://w3id.org/datacareers/source/curated"]}], links)
>>> line = section["lines"][0]
>>> line["text"], line["href"], line["sources"][0]["href"]
('A', '../roles/a.html', '../sources.html#src-curated')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from datacareers.i18n import _, active, number
from datacareers.labels import local_name
from datacareers.views.french_sections import french_sections
from datacareers.views.profile_text import (
    as_written,
    figure_notes,
    is_distribution,
    pay_cell,
    soc_name,
    statement_texts,
    via_concept,
)
from datacareers.views.section_words import (
    EVIDENCE,
    KEY_SKILLS_RULE,
    LANGUAGE_NAMES,
    MATCHES,
    SENIORITY,
    SKILL_KINDS,
    SUMMARY_LINES,
    facet_title,
)
from datacareers.views.steps import ordinal
from datacareers.views.survey import share_note

#: Keys of role_facts that are the page's header, not sections.
HEADER_KEYS = {"id", "slug", "label", "labels", "alt_labels", "definition", "sources"}

#: The order sections come in; facets not named here follow, in role_facts' order.
ORDER = ["summary", "missions", "tasks", "skills", "tools", "french", "salaries", "outlook", "education",
         "job_titles", "sectors",
         "employers", "managed_by", "manages", "works_with", "moves_to", "moves_from", "matches", "read_through"]

#: Percentile and range columns of the pay table, in order.
PAY_COLUMNS = ("p10", "p25", "median", "p75", "p90", "min", "max")


@dataclass
class Links:
    """Where things link to from one page: role pages, the sources page, the path finder."""

    roles: dict[str, str]  # role IRI -> slug, for the roles that have a page
    prefix: str = ""  # from this page to the language's top folder ("" or "../")
    urls: dict[str, str] = field(default_factory=dict)  # source IRI -> its public URL

    def role(self, iri: str) -> str | None:
        slug = self.roles.get(iri)
        return f"{self.prefix}roles/{slug}.html" if slug else None

    def sources(self, iris) -> list[dict]:
        return [{"short": local_name(s), "href": f"{self.prefix}sources.html#src-{local_name(s)}",
                 "url": self.urls.get(s, ""), "iri": s} for s in sorted(set(iris))]

    def path(self, source: str, target: str) -> str | None:
        if source in self.roles and target in self.roles:
            return f"{self.prefix}path.html?from={self.roles[source]}&to={self.roles[target]}"
        return None


def line(text: str, sources=(), links: Links | None = None, href: str | None = None,
         tags: list[str] | None = None, extra: dict | None = None) -> dict:
    """One line of a section."""
    out = {"text": text, "href": href, "tags": tags or [],
           "sources": links.sources(sources) if links else []}
    out.update(extra or {})
    return out


def _item_sources(item: dict) -> list[str]:
    found = list(item.get("sources") or [])
    for key in ("source", "cited"):
        if item.get(key):
            found.append(item[key])
    return found


def _item_tags(item: dict) -> list[str]:
    tags = []
    if item.get("essential"):
        tags.append(_("essential"))
    elif item.get("optional"):
        tags.append(_("optional"))
    if share_note(item):  # the share of those surveyed who say the level is required
        tags.append(share_note(item))
    if item.get("entry_level"):
        tags.append(_("typical entry level"))
    if item.get("work_experience") and isinstance(item["work_experience"], str):
        tags.append(_("work experience: {text}").format(text=item["work_experience"]))
    if item.get("eqf_level"):
        tags.append(_("EQF level {n}").format(n=item["eqf_level"]))
    if item.get("rank"):  # where the source lists it: an order, not a rank of likelihood
        tags.append(_("listed {nth}").format(nth=ordinal(item["rank"])))
    for kind in item.get("evidence") or []:
        tags.append(_(EVIDENCE[kind]) if kind in EVIDENCE else str(kind))
    if item.get("hot") or item.get("hot_technology"):
        tags.append(_("hot technology"))
    if item.get("in_demand") or item.get("in_demand_technology"):
        tags.append(_("in demand"))
    if item.get("category") == "core":
        tags.append(_("core"))
    for m in item.get("via") or []:  # a fact borrowed through a close match says so
        if m.get("kind") == "close":
            tags.append(_("via {concept}, a close match").format(concept=via_concept(m)))
    return tags


def _text_of(item) -> str:
    if isinstance(item, dict):
        for key in ("label", "text", "name", "value", "target", "id"):
            if item.get(key) not in (None, ""):
                return str(item[key])
        return ""
    return str(item)


def details(item: dict) -> list[str]:
    """What a line says below itself: the sentences stating it, whose figure it is."""
    return statement_texts(item) + (figure_notes(item) if item.get("soc_code") else [])


def generic(key: str, value, links: Links) -> dict:
    """Any facet: a list of items (dicts or texts) as lines, a single value as one line."""
    items = value if isinstance(value, list) else [value] if value not in (None, "", {}) else []
    lines = []
    for item in items:
        if isinstance(item, dict):
            href = links.role(item["id"]) if isinstance(item.get("id"), str) else None
            text, tags = _text_of(item), _item_tags(item)
            if item.get("soc_code") and key == "outlook":  # a figure of a SOC code says whose
                text += f" ({soc_name(item)})"
            elif item.get("soc_code"):
                tags.insert(0, soc_name(item))
            lines.append(line(text, _item_sources(item), links, href, tags,
                              {"details": details(item), "lang": item.get("lang") or ""}))
        else:
            lines.append(line(_text_of(item), (), links))
    return {"key": key, "title": facet_title(key), "kind": "lines", "lines": lines}




def skills(key: str, value: list[dict], links: Links) -> dict:
    """Skills grouped by kind (hard, soft, knowledge, other), essential ones first."""
    groups = []
    for kind in ("hard", "soft", "knowledge", None):
        chosen = [s for s in value if s.get("kind") == kind]
        if chosen:
            chosen.sort(key=lambda s: (not s.get("essential"), s["label"].casefold()))
            groups.append({"title": _(SKILL_KINDS[kind]),
                           "lines": [line(as_written(s["label"]), s["sources"], links, None, _item_tags(s),
                                          {"essential": bool(s.get("essential"))}) for s in chosen]})
    return {"key": key, "title": facet_title(key), "kind": "groups", "groups": groups,
            "lines": [ln for g in groups for ln in g["lines"]]}


def unit(entry: dict) -> str:
    """A pay figure's unit: currency, gross, per year / month / hour."""
    per = {"P1Y": _("per year"), "P1M": _("per month"), "PT1H": _("per hour")}.get(entry.get("period") or "",
                                                                                  entry.get("period") or "")
    text = " ".join(x for x in (entry.get("currency") or "", per) if x)
    return text + (", " + _("gross") if entry.get("gross") else "")


def pay(key: str, value: list[dict], links: Links) -> dict:
    """Pay as a table: one row per range or distribution, only the columns some row fills."""
    columns = [c for c in PAY_COLUMNS if any(pay_cell(e, c) for e in value)]
    rows = []
    for entry in value:
        band = entry.get("seniority")
        level = _(SENIORITY[band]) if band in SENIORITY else (band or _("all levels"))
        cells = [pay_cell(entry, c) for c in columns]
        rows.append({"level": level, "cells": cells, "unit": unit(entry), "year": entry.get("year") or "",
                     "sources": links.sources(_item_sources(entry)), "notes": _pay_notes(entry, level),
                     "distribution": is_distribution(entry)})
    return {"key": key, "title": facet_title(key), "kind": "pay", "columns": columns, "rows": rows,
            "lines": rows}


def _pay_notes(entry: dict, level: str) -> str:
    """What a row of figures is: a US occupation code's distribution (its title, its jobs,
    :func:`~datacareers.views.profile_text.figure_notes`) and the close match it came through."""
    notes = []
    if entry.get("soc_code"):
        notes.append(_("United States, {code}").format(code=soc_name(entry)))
    if isinstance(entry.get("employment"), int | float):
        notes.append(_("{n} jobs").format(n=number(entry["employment"])))
    notes += figure_notes(entry)
    notes += _item_tags({"via": entry.get("via") or []})
    if entry.get("note"):
        notes.append(entry["note"])
    return _("{title}:").format(title=level) + " " + _("; ").join(notes) if notes else ""


def moves(key: str, value: list[dict], links: Links, role: str) -> dict:
    """Moves in or out: each role linked to its page, and (out) to the path finder."""
    section = generic(key, value, links)
    for item, ln in zip(value, section["lines"], strict=True):
        target = item.get("id")
        if isinstance(target, str):
            ln["path"] = links.path(role, target) if key == "moves_to" else links.path(target, role)
    return section


def matches(key: str, value: list[dict], links: Links) -> dict:
    """Classification links: codes as text, concept IRIs as links."""
    lines = []
    for m in value:
        kind = m["relation"]
        relation = _(MATCHES[kind]) if kind in MATCHES else kind
        target = m["target"]
        href = target if target.startswith(("http://", "https://")) else None
        lines.append(line(f"{relation} {target}", [m["source"]], links, href))
    return {"key": key, "title": facet_title(key), "kind": "lines", "lines": lines}


def sections(facts: dict, links: Links, texts: dict[str, list[dict]] | None = None) -> list[dict]:
    """Every facet of *facts* as a section, known ones in :data:`ORDER`, then the rest.

    *texts* gives the sources of plain-text facets (``missions``) when known.
    """
    keys = [k for k in ORDER if k in facts] + [k for k in facts if k not in ORDER and k not in HEADER_KEYS]
    out = []
    for key in keys:
        value = facts[key]
        if key == "french":  # Dares's net pay and tension, France first
            out += french_sections(value, links)
            continue
        if key == "skills":  # technologies have their own section
            tools = {t.get("id") for t in facts.get("tools") or [] if isinstance(t, dict)} - {None}
            section = skills(key, [x for x in value if x.get("id") not in tools], links)
        elif key == "salaries":
            section = pay(key, value, links)
        elif key in ("moves_to", "moves_from"):
            section = moves(key, value, links, facts["id"])
        elif key == "matches":
            section = matches(key, value, links)
        elif key == "summary":
            section = summary_section(key, value, links)
        elif key == "read_through":  # a mapping several graphs read through, said once
            section = generic(key, _merged(value), links)
        elif texts and key in texts and value and all(isinstance(v, str) for v in value):
            section = generic(key, texts[key], links)
        else:
            section = generic(key, value, links)
        out.append(folded(_shared_via(section, value), active()))
    return out


#: How many lines a list shows before the rest is folded ("and 54 more").
FOLD = 12


def _fold(lines: list[dict], lang: str) -> tuple[list[dict], list[dict]]:
    """(lines shown, folds): the reader's language first; lines only another language gives
    folded under "In English, from O*NET (16)"; beyond :data:`FOLD`, the rest under "and N more"."""
    own = [x for x in lines if not x.get("lang") or x["lang"] == lang]
    other = [x for x in lines if x.get("lang") and x["lang"] != lang]
    if not own:  # nothing in the reader's language: the others are all there is
        own, other = other, []
    folds = []
    if len(own) > FOLD:
        folds.append({"title": _("and {n} more").format(n=len(own) - FOLD), "lines": own[FOLD:], "lang": ""})
        own = own[:FOLD]
    for language in sorted({x["lang"] for x in other}):
        chosen = [x for x in other if x["lang"] == language]
        names = sorted({s["short"] for x in chosen for s in x.get("sources") or []})
        folds.append({"title": _("In {language}, from {sources} ({n})").format(
            language=_(LANGUAGE_NAMES.get(language, language)), sources=", ".join(names), n=len(chosen)),
            "lines": chosen, "lang": language})
    return own, folds


def folded(section: dict, lang: str) -> dict:
    """Fold each list of *section* (its lines, its parts', its groups'): ``shown`` and
    ``folds`` beside ``lines``, which keeps every line (JSON, counts)."""
    if section.get("kind") in ("pay", "summary"):
        return section
    for holder in section.get("groups") or section.get("parts") or [section]:
        holder["shown"], holder["folds"] = _fold(holder["lines"], lang)
    return section


def summary_section(key: str, value: list[dict], links: Links) -> dict:
    """The summary: one line per fact a reader asks first, each named, with its sources."""
    lines = [line(item["text"], item["sources"], links, extra={"what": item["what"], "details": [],
                                                                "name": _(SUMMARY_LINES[item["what"]])})
             for item in value]
    return {"key": key, "title": facet_title(key), "kind": "summary", "lines": lines,
            "note": _(KEY_SKILLS_RULE) if any(x["what"] == "skills" for x in value) else ""}


def _merged(items: list[dict]) -> list[dict]:
    """Items of the same text as one, with the sources of all."""
    found: dict[str, dict] = {}
    for item in items:
        seen = found.setdefault(item["text"], dict(item, sources=[]))
        seen["sources"] = sorted(set(seen["sources"]) | set(_item_sources(item)))
        seen.pop("source", None)
    return list(found.values())


def _shared_via(section: dict, items) -> dict:
    """Say once, under the title, the close match every line of a section came through
    (a role's 400 tools read through one O*NET occupation need not repeat it 400 times);
    when some lines are read directly and the others through one close match, the direct
    ones come first and the match is said once above the others (``parts``)."""
    lines = section.get("lines")
    if not lines or len(lines) < 2 or section.get("kind") in ("pay", "groups") or not isinstance(items, list):
        return section
    vias = [tuple(t for t in _item_tags(item) if t not in _item_tags({**item, "via": []}))
            for item in items if isinstance(item, dict)]
    if len(vias) != len(lines) or not any(vias):
        return section
    kinds = set(vias)
    if len(kinds) == 1:
        shared = set(vias[0])
        for line in lines:
            line["tags"] = [t for t in line["tags"] if t not in shared]
        section["note"] = "; ".join(vias[0])
    elif len(kinds) == 2 and () in kinds:
        # lines read directly first, then those read through the one close match, said once above them
        (through,) = kinds - {()}
        direct = [line for line, via in zip(lines, vias, strict=True) if not via]
        borrowed = [line for line, via in zip(lines, vias, strict=True) if via]
        for line in borrowed:
            line["tags"] = [t for t in line["tags"] if t not in set(through)]
        section["parts"] = [{"note": "", "lines": direct}, {"note": "; ".join(through), "lines": borrowed}]
    return section
