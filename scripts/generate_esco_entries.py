#!/usr/bin/env python3
"""ESCO occupations as starting points, for scripts/generate_facts.py: the ESCO 1.1.1
occupations whose French name is the title of exactly one shipped ROME fiche (a starting
point of scripts/generate_entries.py), so that `path "accountant" "data analyst"` starts
from that fiche, with what ESCO says the occupation asks.

- ``esco-1.1.1/occupations.ttl`` (source:esco-1.1.1): each such occupation, by its ESCO URI,
  a ``schema:Occupation`` with its preferred and alternative labels @en and @fr, and its
  essential skills among the shipped ones (the skills some curated role asks: the only ones
  a step's gap counts; what a path from it holds from the start);
- ``esco-rome-titles/links.ttl`` (source:esco-rome-titles): ``skos:closeMatch`` from the
  occupation to the fiche. The link is ours, made by name, and neither ESCO's nor France
  Travail's: the occupation's French preferred label, in either gender form, is the
  fiche's title or one of its appellations (case, accents and plurals ignored, as
  ``datacareers.store.resolve.name_key``), and no other fiche's; failing that, one of its
  alternative labels is, for that one fiche only.

Left out: occupations a curated role maps to (facts/curated/crosswalk.ttl), those whose
names are titles of several fiches or of none (1,756 of 3,007), and those that name a fiche
standing for a curated role (the role is the start then).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from generate_facts import ATTRIBUTION, CAREER, ESCO_DIR, ESCO_OCCUPATION, ESCO_RELATIONS, SKOS, Crosswalk, _open_csv
from generate_moves import ROME_CONCEPT, ROME_DIR, _n
from projection.turtle import render
from pyoxigraph import Literal, NamedNode, RdfFormat, Store

from datacareers.importers.common import A
from datacareers.store.resolve import esco_forms as forms
from datacareers.store.resolve import gendered_forms, name_key

SCHEMA_OCCUPATION = "https://schema.org/Occupation"
ROME_CODES = f"{ROME_DIR}/unix_referentiel_code_rome_v460_utf8.csv"
ROME_APPELLATIONS = f"{ROME_DIR}/unix_referentiel_appellation_v460_utf8.csv"
ESCO_FR = f"{ESCO_DIR}/fr/occupations_fr.csv"
ESCO_EN = f"{ESCO_DIR}/en/occupations_en.csv"
LINKS = "esco-rome-titles"


def fiche_titles(datasets: Path, fiches: set[str]) -> dict[str, set[str]]:
    """name key -> the fiches among *fiches* whose title or an appellation it is (either gender)."""
    out: dict[str, set[str]] = defaultdict(set)

    def add(code: str, title: str) -> None:
        if code in fiches:
            for form in gendered_forms(title.strip()):
                out[name_key(form)].add(code)

    with _open_csv(datasets, ROME_CODES) as fh:
        for row in csv.DictReader(fh):
            add(row["code_rome"].strip(), row["libelle_rome"])
    with _open_csv(datasets, ROME_APPELLATIONS) as fh:
        for row in csv.DictReader(fh):
            add(row["code_rome"].strip(), row["libelle_appellation_long"])
    return out


def _labels(datasets: Path, rel: str) -> dict[str, tuple[str, list[str]]]:
    with _open_csv(datasets, rel) as fh:
        return {row["conceptUri"]: (row["preferredLabel"].strip(),
                                    [a.strip() for a in row["altLabels"].split("\n") if a.strip()])
                for row in csv.DictReader(fh)}


def link(titles: dict[str, set[str]], preferred: str, alternatives: list[str]) -> tuple[str, str] | None:
    """(fiche, "preferred" or "alternative") the French names point to, when exactly one."""
    for kind, labels in (("preferred", [preferred]), ("alternative", alternatives)):
        found = {f for label in labels for form in forms(label) for f in titles.get(name_key(form), ())}
        if len(found) == 1:
            return next(iter(found)), kind
        if found:
            return None  # names of several fiches: no link
    return None


def shipped_skills(skills_turtle: str) -> set[str]:
    """The skills the generated ``esco-1.1.1/skills.ttl`` ships (``career:Skill``)."""
    store = Store()
    store.load(skills_turtle.encode("utf-8"), format=RdfFormat.TURTLE)
    return {q.subject.value for q in store.quads_for_pattern(None, A, NamedNode(CAREER + "Skill"))}


def rome_codes(datasets: Path) -> list[str]:
    """Every fiche of the ROME release."""
    with _open_csv(datasets, ROME_CODES) as fh:
        return sorted({row["code_rome"].strip() for row in csv.DictReader(fh)})


def generate(datasets: Path, crosswalk: Crosswalk, skills: set[str]) -> dict[str, str]:
    """The ESCO starting-point files (path under ontology/facts -> text), keeping the skills in *skills*."""
    from generate_entries import starting_fiches

    titles = fiche_titles(datasets, set(starting_fiches(crosswalk, rome_codes(datasets))))
    french, english = _labels(datasets, ESCO_FR), _labels(datasets, ESCO_EN)
    mapped = {ESCO_OCCUPATION + code for code in crosswalk.esco}
    relations: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    with _open_csv(datasets, ESCO_RELATIONS) as fh:
        for row in csv.DictReader(fh):
            if row["skillUri"] in skills:
                relations[row["occupationUri"]][row["relationType"].strip()].add(row["skillUri"])
    occupations, links, kinds = set(), set(), defaultdict(int)
    for uri in sorted(set(french) - mapped):
        found = link(titles, *french[uri])
        if not found or uri not in english:
            continue
        fiche, kind = found
        kinds[kind] += 1
        s = _n(uri)
        links.add((s, _n(SKOS + "closeMatch"), _n(ROME_CONCEPT + fiche)))
        occupations |= {(s, A, _n(SCHEMA_OCCUPATION))}
        for lang, (preferred, alternatives) in (("fr", french[uri]), ("en", english[uri])):
            occupations.add((s, _n(SKOS + "prefLabel"), Literal(preferred, language=lang)))
            occupations |= {(s, _n(SKOS + "altLabel"), Literal(a, language=lang))
                            for a in alternatives if a != preferred}
        occupations |= {(s, _n(CAREER + "essentialSkill"), _n(skill)) for skill in relations[uri]["essential"]}
    release = "ESCO v1.1.1"
    occupations_text = render(occupations, [
        f"GENERATED by scripts/generate_facts.py from {ESCO_FR}, {ESCO_EN}, {ESCO_RELATIONS} ({release})"
        " — do not edit by hand",
        ATTRIBUTION["esco"],
        "Named graph: source:esco-1.1.1. The ESCO occupations whose French name is the title of exactly one shipped",
        "ROME fiche (esco-rome-titles/links.ttl), as starting points: schema:Occupation, labels @en and @fr,",
        "essential skills among the shipped ones (scripts/generate_esco_entries.py).", ""])
    links_text = render(links, [
        f"GENERATED by scripts/generate_facts.py from {ESCO_FR}, {ROME_CODES}, {ROME_APPELLATIONS}"
        " — do not edit by hand",
        ATTRIBUTION["esco"], ATTRIBUTION["rome"],
        f"Named graph: source:{LINKS}. Made by datacareers, by name: an ESCO occupation -> the one shipped ROME fiche",
        "whose title or appellation is its French preferred label, either gender form, case, accents and plurals",
        f"ignored ({kinds['preferred']} occupations), else one of its alternative labels"
        f" ({kinds['alternative']}); never a fiche several names point to.", ""])
    return {"esco-1.1.1/occupations.ttl": occupations_text, f"{LINKS}/links.ttl": links_text}
