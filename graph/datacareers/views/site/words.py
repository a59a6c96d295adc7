"""The words of the site, in the active language (from the gettext catalogue).

Data (role names, definitions, skills, source titles) comes from the graph in French and
English; every fixed word a page shows is here, so templates hold no text of their own.
``{x}`` marks are filled in by Python (``.format``) or by the page's script.

>>> from datacareers.i18n import using
>>> with using("fr"):
...     site_words()["nav"]["path"], facet_title("moves_to")
('Trouver un parcours', 'Où aller ensuite')
"""

from __future__ import annotations

from datacareers.i18n import _, active
from datacareers.views.section_words import (  # noqa: F401 (the site's words include the sections')
    EVIDENCE,
    FACET_TITLES,
    MATCHES,
    SENIORITY,
    SKILL_KINDS,
    facet_title,
)


def site_words() -> dict:
    """Every fixed text of the site's pages, in the active language."""
    return {
        "lang": active(),  # the page's language: a line in another one says so (lang="en")
        "site": _("Data careers"),
        "tagline": _("Roles in data, what they ask, what they pay and where they lead, from open sources."),
        "skip": _("Skip to the content"),
        "languages": _("Language"),
        "nav": {"index": _("Roles"), "path": _("Find a path"), "map": _("Map"), "sources": _("Sources"),
                "label": _("Site")},
        "search": _("Search a role or a job title"),
        "searchHint": _("French or English names; accents and capitals do not matter."),
        "noMatch": _("No role matches “{q}”."),
        "fromJob": _("Coming from another job? Find your paths into data from your job today."),
        "searchJobs": _("Look for “{q}” among every job title, in the path finder"),
        "shown": _("{n} of {total} roles shown"),
        "pay": _("Pay"),
        "median": _("median"),
        "range": _("range"),
        "outlook": _("Outlook"),
        "noPay": _("no figure from any source"),
        "noOutlook": _("no outlook from any source"),
        "noFacet": _("None in the data."),
        "region": _("Region:"),
        "perYear": _("per year"), "perMonth": _("per month"),
        "gross": _("gross"),
        "alsoCalled": _("Also called: {names}"),
        "family": _("Family"),
        "otherFamily": _("Other roles"),
        "contents": _("On this page"),
        "definition": _("Definition"),
        "source": _("source"),
        "sourcesOfPage": _("Sources of this page"),
        "essential": _("essential"), "optional": _("optional"),
        "eqf": _("EQF level {n}"),
        "rank": _("listed at position {n}"),  # a source's list order, not a rank of likelihood
        "pathTo": _("path"),
        "pathFrom": _("Plan a path from this role"),
        "onMap": _("See it on the map"),
        "payCols": {"seniority": _("Level"), "p10": _("10th percentile"), "p25": _("25th percentile"),
                    "median": _("median"), "p75": _("75th percentile"), "p90": _("90th percentile"),
                    "min": _("from"), "max": _("to"), "unit": _("unit"), "year": _("year"),
                    "source": _("source")},
        "allLevels": _("all levels"),
        "sources": {
            "title": _("Sources"),
            "intro": _("Every fact of this site lives in the named graph of the source that states it. "
                       "These are the sources, with their licences and the attribution they ask for."),
            "publisher": _("Publisher"), "version": _("Version"), "date": _("Date"), "license": _("Licence"),
            "attribution": _("Attribution"), "url": _("Where to get it"), "rights": _("Rights"),
            "files": _("Files read"), "triples": _("Facts (triples)"), "graph": _("Named graph"),
        },
        "jsonld": _("Machine-readable description (schema.org JSON-LD)"),
        "footer": _("Built offline from the datacareers graph; every line names its source."),
        "path": {
            "title": _("Find a career path"),
            "intro": _("Pick where you are and where you want to go: the best paths are computed here, "
                       "in your browser, with the same costs as `datacareers path`."),
            "from": _("From"), "to": _("To"), "k": _("How many paths"), "evidence": _("Moves to use"),
            "maxSteps": _("At most this many steps"), "skills": _("Skills I already have"),
            "skillsHint": _("Type a skill, then Add: it counts as held at every step."),
            "add": _("Add"), "remove": _("Remove {name}"), "go": _("Find paths"),
            "choose": _("Choose a role"),
            "same": _("Pick two different roles."),
            "none": _("No chain of career moves leads from {a} to {b} with these settings."),
            "unknown": _("Unknown role in the address: “{slug}”."),
            "heading": _("From {a} to {b}: best paths first"),
            "cost": _("cost {cost}"),
            "costModel": _("A path costs the sum of its steps. A step costs the weight of its evidence (a move "
                           "a source states 1, related occupations 1.5, an inferred move 2, down to 1.5 the likelier "
                           "the transition model finds it) plus "
                           "its skill gap: the share, 0 to 1, of the target role's essential skills that you "
                           "do not have yet, a skill of the same group counting half; 1 when no source lists "
                           "them."),
            "evidenceKinds": {k: _(v) for k, v in EVIDENCE.items()},
            "rankOf": _("listed {n} of {of}"), "rankFirstOf": _("listed first of {of}"),
            "similarity": _("shares {pct} of the skills"),
            "probability": _("ROME states {pct} of such moves"),
            "pathN": _("Path {i}"),
            "steps": _("{n} steps"), "oneStep": _("1 step"),
            "step": _("Step {i}: {a} → {b}"),
            "stepCost": _("step cost {cost} (gap {gap})"),
            "gapUnknown": _("unknown"),
            "adds": _("Skills to add ({n}):"),
            "addsNone": _("Skills to add: none listed by the sources."),
            "noSkills": _("No source lists the skills of {b}."),
            "more": _("and {n} more"),
            "link": _("Link to these paths"),
            "map": _("See on the map"),
            "salary": _("Pay ({level}, {unit}): {a} → {b}"),
            "noscript": _("The path finder needs JavaScript; every role page lists its next moves without it."),
            "job": _("Your job today"),
            "jobHint": _("Type your job title (any ROME title, in French, or a data role): pick it in the list, "
                         "it becomes where the path starts."),
            "jobGroup": _("Your job today"),
            "jobNone": _("No occupation has a title with these words."),
            "jobCount": _("{n} occupations match; the first {shown} are shown."),
            "jobOther": _("{title} (ROME {code})"),
            "occupation": _("ROME {code}"),
            "haveText": _("What I can already do"),
            "haveTextHint": _("Paste a CV, a job ad or a list, in French or English, then “Read the skills”: the "
                              "skills whose names it writes count as held (matched in this page, nothing is sent). "
                              "Remove a wrong one with ×."),
            "readText": _("Read the skills"),
            "recognised": _("Skills recognised ({n}), listed below with the words that named them:"),
            "recognisedNone": _("No skill recognised in this text: name tools and methods as they are usually "
                                "written (SQL, statistiques, gestion de projet...)."),
            "tooLong": _("The text is longer than {n} characters: paste a CV, a job ad or a list, not a whole "
                         "corpus."),
            "matched": _("« {words} » → {name}"),
            "escoHeld": _("« {name} » is also an ESCO occupation: the essential skills ESCO gives it that data roles "
                          "ask ({n}) count as held, below."),
            "escoNone": _("« {name} » is also an ESCO occupation; ESCO gives it none of the skills data roles ask."),
            "escoSkill": _("ESCO, {name} → {skill}"),
        },
        "map": {
            "more": _("Show more ({n} hidden)"),
            "all": _("Whole map"),
            "capped": _("{n} of the {total} nodes around “{label}”, the most connected first."),
            "adds": _("adds {n} skills"),
            "stepAdds": _("What each step adds"),
        },
        "units": {"P1Y": _("per year"), "P1M": _("per month"), "PT1H": _("per hour")},
    }
