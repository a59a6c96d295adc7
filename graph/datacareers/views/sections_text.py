"""A role's sections (:func:`datacareers.views.sections.sections`, the model the site's role
page and the view's panel render too) as the text lines of ``datacareers show``: the same
sections in the same order, the same lines, tags, notes and "via", so that the terminal, the
site and the panel say the same things.

>>> from datacareers.i18n import using
>>> section = {"key": "sectors", "title": "Sectors", "kind": "lines", "note": "via ROME M1889, a close match",
...            "lines": [{"text": "IT", "tags": [], "sources": [{"short": "rome-4.0"}], "details": []}]}
>>> with using("en"):
...     print("\\n".join(section_lines(section)))
Sectors:
  via ROME M1889, a close match
  - IT [rome-4.0]
"""

from __future__ import annotations

from datacareers.i18n import _
from datacareers.views.profile_text import PERCENTILES

#: Pay columns that are not percentiles.
_RANGE = {"min": "from", "max": "to"}


def _sources(line: dict) -> str:
    shorts = sorted({s["short"] for s in line.get("sources") or []})
    return f" [{', '.join(shorts)}]" if shorts else ""


def line_text(line: dict, indent: str = "  ") -> list[str]:
    """One line: ``- text (tags) [sources]``, then its details (quotes, whose figure it is)."""
    tags = line.get("tags") or []
    head = f"{indent}- {line['text']}" + (f" ({', '.join(tags)})" if tags else "") + _sources(line)
    return [head] + [f"{indent}    {d}" for d in line.get("details") or []]


def _pay_lines(section: dict) -> list[str]:
    out = []
    for row in section["rows"]:
        cells = [f"{_(PERCENTILES[c]) if c in PERCENTILES else _(_RANGE[c])} {v}"
                 for c, v in zip(section["columns"], row["cells"], strict=True) if v]
        when = f" ({row['year']})" if row.get("year") else ""
        out.append(f"  - {row['level']}: {' | '.join(cells)} {row['unit']}{when}" + _sources(row))
        if row.get("notes"):
            out.append(f"      {row['notes']}")
    return out


def section_lines(section: dict, none: str | None = None) -> list[str]:
    """The text of one section: its title, its note, then its lines (or *none*)."""
    out = [_("{title}:").format(title=section["title"])]
    if section.get("note"):
        out.append("  " + section["note"])
    if section.get("kind") == "pay":
        body = _pay_lines(section)
    elif section.get("kind") == "groups":
        body = []
        for group in section["groups"]:
            body.append("  " + _("{title}:").format(title=group["title"]))
            body += [x for ln in group["lines"] for x in line_text(ln, "    ")]
    elif section.get("parts"):
        body = []
        for part in section["parts"]:
            body += ["  " + part["note"]] if part["note"] else []
            body += [x for ln in part["lines"] for x in line_text(ln)]
    else:
        body = [x for ln in section["lines"] for x in line_text(ln)]
    return out + (body or ["  " + (none or _("(none in the data)"))])


def sections_text(sections: list[dict]) -> list[str]:
    """Every section, a blank line between them."""
    out: list[str] = []
    for section in sections:
        out += ["", *section_lines(section)]
    return out
