"""The profile files of the shipped facts: every release imported in memory, projected onto
the curated roles (:mod:`projection.project`), one file per shipped graph and facet, plus the
French skill names (official v1.1.1 collections first, then the v1.0 copy).
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode

from datacareers.constants import PREFIXES
from datacareers.importers import esco
from projection.project import french_split, project, read_mappings, skills_of
from projection.releases import ESCO_V10_FR, RELEASES, Release, load
from projection.turtle import render

#: What each facet file holds (its header's description).
FACETS = {
    "skills": "the skills of each role (career:essentialSkill / career:optionalSkill, both also "
              "career:requiresSkill; essential through one concept wins over optional through another), "
              "each skill with its label and career:skillKind",
    "skill-labels-fr": "the French preferred names the release gives the shipped skills",
    "tools": "technologies each role uses (career:requiresSkill), O*NET's Hot Technology "
             "(career:hotTechnology) and In Demand (career:inDemandTechnology) flags, each with its commodity class",
    "tasks": "tasks (career:task -> career:Task with career:text, career:position, skos:notation = the "
             "fiche / occupation, and O*NET's Task Type as career:taskCategory, Task ID as dcterms:identifier)",
    "education": "education (career:education -> career:EducationRequirement: the source's words, "
                 "career:share (O*NET: the % of respondents saying the level is required, not of job holders "
                 "having it; every category chosen by at least one respondent) with career:respondents (N), "
                 "career:respondentGroup and dcterms:date, career:entryLevel, career:workExperience and an EQF "
                 "level where a standard mapping exists: see datacareers.importers.eqf) and O*NET's "
                 "career:jobZone with its dated rating (career:jobZoneRating)",
    "sectors": "sectors (career:inSector), with their French labels (English ones: curated/rome-labels-en.ttl)",
    "employers": "types of employer structure (career:employedBy -> career:EmployerType rome/structure/<code_ogr>)",
    "titles": "job titles people use (skos:altLabel): a title several roles share names them all",
    "pay": "annual wage percentiles of the SOC code (career:salary -> career:WageDistribution, one node per "
           "code, shared by every role read through it; '#' cells as career:topCoded / career:atOrAbove, '*' "
           "cells left out). Percentiles are never turned into seniority bands",
    "outlook": "the employment outlook of the SOC code (career:outlook -> career:EmploymentOutlook); "
               "employment is published in thousands and stored in persons, exactly",
    "tension": "Dares and Pôle emploi's hiring-tension indicator of the FAP family (career:tension -> "
               "career:HiringTension: schema:value, career:tensionCategory 1-5, its six components 1-5, the average "
               "employment it is computed on, career:year, career:geography): 2019 for France and each region (the "
               "departements are in the import), and the national series 2011-2019",
    "employment": "employment of the FAP family by year, in thousands as published (career:employmentEstimate)",
    "workforce": "the people in the job (career:WorkforceShare, each with its period and population): share of women "
                 "(career:womenShare), highest diploma held (career:diplomaShare, a proportion 0-1 as published), "
                 "field of the diplomas of those under 30 (career:fieldShare)",
    "families": "the FAP 2009 families the roles are read through and their parents (career:FapFamily, code, French "
                "label, skos:broader)",
    "read-through": "the crosswalk mapping each role's facts in this graph were read through "
                    "(career:viaMapping): exact matches the release holds, else close matches",
}
#: What a facet file of one family holds, where it differs from :data:`FACETS`.
FAMILY_FACETS = {"dares": {
    "pay": "the median net monthly pay of full-time employees (apprentices and trainees excluded) of the FAP family "
           "per period (career:salary -> career:WageDistribution: schema:median, EUR, P1M, career:gross false, "
           "career:periodStart / periodEnd) and its bands (career:band, 2017-2019). Never turned into seniority bands",
    "employers": "the shares of the people in the job by sector (career:sectorShare, NA 2008 in 38 items) and of the "
                 "employees by kind of employer (career:employerShare), 2017-2019",
}}
SOURCES = {"esco": "esco", "rome": "rome", "onet": "onet-29.0", "bls": "bls", "dares": "dares"}


def header(release: Release, facet: str, attribution: str) -> list[str]:
    holds = FAMILY_FACETS.get(release.family, {}).get(facet, FACETS[facet])
    files = release.path if release.path.endswith(".xlsx") else f"{release.path}/ ({', '.join(release.files)})"
    return [
        f"GENERATED by scripts/generate_facts.py from {files} ({release.title}) — do not edit by hand",
        attribution,
        f"Named graph: source:{release.shipped}. Holds {holds}.",
        "Read by the importer of `datacareers import` (datacareers.importers), then projected onto the curated",
        "roles through facts/curated/crosswalk.ttl (scripts/projection/project.py: exact matches the release",
        "holds, else close matches; career:viaMapping says which). Regenerate: `python scripts/generate_facts.py`.",
        "",
    ]


def generate(datasets: Path, crosswalk: Path, attribution: dict[str, str]) -> dict[str, str]:
    """Path under ontology/facts -> text, for every profile file."""
    store, graphs = load(datasets)
    mappings = read_mappings(crosswalk)
    files: dict[str, str] = {}
    esco_skills: set[str] = set()
    labelled: set[str] = set()
    for release in RELEASES:
        facets = project(store, release, graphs[release.shipped], mappings)
        if release.family == "esco":
            facets["skills"], french = french_split(facets["skills"])
            facets["skill-labels-fr"] = french
            esco_skills = skills_of(facets["skills"])
            labelled = {s.value for s, _, _ in french}
        text = attribution[SOURCES[release.family]]
        for facet, triples in sorted(facets.items()):
            files[f"{release.shipped}/{facet}.ttl"] = render(triples, header(release, facet, text))
    files["esco-1.0-fr/skill-labels.ttl"] = older_labels(datasets, esco_skills - labelled, attribution["esco"])
    return files


def older_labels(datasets: Path, wanted: set[str], attribution: str) -> str:
    """French names from ESCO v1.0 (a third-party copy) for the skills v1.1.1 leaves unnamed."""
    pref = NamedNode(PREFIXES["skos"] + "prefLabel")
    found = {uri: label for uri, label in esco.french_labels(datasets / ESCO_V10_FR) if uri in wanted}
    triples = {(NamedNode(uri), pref, Literal(label, language="fr")) for uri, label in found.items()}
    return render(triples, [
        f"GENERATED by scripts/generate_facts.py from {ESCO_V10_FR} (ESCO v1.0 French skills, a third-party copy "
        "with columns dropped) — do not edit by hand",
        attribution,
        "Named graph: source:esco-1.0-fr. French names of the shipped ESCO skills that ESCO v1.1.1's French",
        f"collections lack, from ESCO v1.0 (same URIs; labels may differ from v1.1.1). {len(wanted) - len(found)} "
        "shipped skills have a French name in neither.",
        "",
    ])
