"""The words of the HTML view, in the active language (from the gettext catalogue).

``{x}`` marks are filled in by the page's script.

>>> from datacareers.i18n import using
>>> with using("fr"):
...     page_words()["kind"]["role"]
'métier'
"""

from __future__ import annotations

from datacareers.i18n import _


def page_words() -> dict:
    """Every text the page shows, as the JSON the page's script reads (``DATA.i18n``)."""
    return {
        "title": _("Data careers"),
        "search": _("Search a role, a skill… (EN or FR)"),
        "searchLabel": _("Search"),
        "noMatch": _("No match for “{q}”."),
        "legend": _("Legend and filters"),
        "kinds": _("Node kinds"),
        "relations": _("Relations"),
        "sources": _("Sources"),
        "kind": {
            "role": _("role"), "skill-hard": _("hard skill"), "skill-soft": _("soft skill"),
            "skill-knowledge": _("knowledge"), "skill": _("skill"), "sector": _("sector"),
            "employer": _("employer type"),
        },
        "rel": {
            "canBecome": _("can become"), "managedBy": _("managed by"), "worksWith": _("works with"),
            "essentialSkill": _("essential skill"), "optionalSkill": _("optional skill"),
            "requiresSkill": _("requires skill"), "inSector": _("in sector"),
            "employedBy": _("employed by"),
        },
        "sec": {
            "definition": _("Definition"), "missions": _("Missions"), "salaries": _("Salaries"),
            "education": _("Education"), "skills": _("Skills"), "managedBy": _("Managed by"),
            "manages": _("Manages"), "next": _("Next roles"), "prev": _("Can come from"),
            "worksWith": _("Works with"), "sectors": _("Sectors"), "employers": _("Employers"),
            "neededBy": _("Needed by"), "roles": _("Roles"), "sources": _("Sources"),
            "iri": _("Identifier"),
        },
        "essential": _("essential"), "optional": _("optional"),
        "seniority": _("Seniority"), "range": _("Range"), "year": _("Year"),
        "perYear": _("per year"), "perMonth": _("per month"), "gross": _("gross"),
        "eqf": _("EQF level {n}"),
        "entry": _("typical entry level"),
        "experience": _("work experience: {text}"),
        "noNode": _("No node matches these filters: {why}."),
        "noKind": _("no node kind is ticked"),
        "noSource": _("no source is ticked"),
        "combo": _("no node of kind {kinds} in {sources}"),
        "noEdge": _("no link shown (relations or sources unticked)"),
        "reset": _("Reset filters"),
        "status": _("{n} nodes · {m} links shown of {N} · {M}"),
        "hint": _("Click a node (or search for it) to see its details: definition, salaries, education, "
                  "skills, managers, next roles and sources."),
        "settling": _("Laying out the graph…"),
        "fit": _("Fit"),
        "clickHint": _("click for details"),
        "path": _("Path"),
        "prev": _("◀ Previous step"),
        "nextStep": _("Next step ▶"),
        "step": _("Step {i} of {n}"),
        "stepCost": _("cost {cost}, {evidence} move"),
        "evidence": {"stated": _("stated"), "related": _("related"), "inferred": _("inferred")},
        "stepAdds": _("adds: {skills}"),
        "stepOptional": _("and {n} optional skills"),
        "focus": _("Around “{label}” (depth {depth})"),
        "capped": _("{shown} of {total} nodes drawn, the most relevant first (--max-nodes to change)"),
        "shownHidden": _("Filter turned back on to show “{label}”."),
        "skillsHidden": _("skills hidden to keep the map readable: tick them in the legend"),
    }
