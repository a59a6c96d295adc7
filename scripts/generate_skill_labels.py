#!/usr/bin/env python3
"""French names for the shipped ESCO skills, so French answers (`path`, `next`, `show`) read as French.

ESCO v1.1.1's full French skills file is not in the dataset copy we build from; its French
*collection* files (digital, transversal, language, research, green, DigComp skills) are, and
so is a third-party copy of ESCO v1.0's French skills (the same URIs; labels may differ from
v1.1.1). So, for each shipped skill:

- ``esco-1.1.1/skill-labels-fr.ttl``: its French label from a v1.1.1 collection file;
- ``esco-1.0-fr/skill-labels.ttl``: else its v1.0 French label, in its own named graph so
  that the version shows (described in ``facts/curated/sources.ttl``).

Skills found in neither keep their English name only.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from generate_facts import ATTRIBUTION, ESCO_DIR, FACTS_DIR, SKOS, _open_csv, header, literal, skill_ref

COLLECTIONS = [f"{ESCO_DIR}/fr/{name}SkillsCollection_fr.csv"
               for name in ("digital", "transversal", "language", "research", "green", "digComp")]
V10 = "esco/v1.0-fr-skills/skills_fr.csv"
PREFIXES = {"escoskill": "http://data.europa.eu/esco/skill/", "skos": SKOS}


def _labels(datasets: Path, rel: str, wanted: set[str]) -> dict[str, str]:
    found = {}
    with _open_csv(datasets, rel) as fh:
        for row in csv.DictReader(fh):
            uri = row["conceptUri"].strip()
            if uri in wanted and row["preferredLabel"].strip():
                found[uri] = row["preferredLabel"].strip()
    return found


def _render(labels: dict[str, str]) -> str:
    return "\n".join(f"{skill_ref(uri)} skos:prefLabel {literal(label, 'fr')} ."
                     for uri, label in sorted(labels.items()))


def generate(datasets: Path, facts: Path = FACTS_DIR) -> dict[str, str]:
    """The two label files: path under ontology/facts -> text."""
    text = (facts / "esco-1.1.1" / "skills.ttl").read_text(encoding="utf-8")
    wanted = {PREFIXES["escoskill"] + local for local in re.findall(r"escoskill:([0-9a-f-]{36}) a career:Skill", text)}
    recent: dict[str, str] = {}
    for rel in COLLECTIONS:
        recent.update(_labels(datasets, rel, wanted - set(recent)))
    older = _labels(datasets, V10, wanted - set(recent))
    missing = len(wanted) - len(recent) - len(older)
    return {
        "esco-1.1.1/skill-labels-fr.ttl": header(
            COLLECTIONS, "ESCO v1.1.1", ATTRIBUTION["esco"], "esco-1.1.1",
            ["French names of shipped skills, from ESCO v1.1.1's French skill collections."], PREFIXES)
        + "\n" + _render(recent) + "\n",
        "esco-1.0-fr/skill-labels.ttl": header(
            [V10], "ESCO v1.0 (French skills, third-party copy with columns dropped)", ATTRIBUTION["esco"],
            "esco-1.0-fr", ["French names of the shipped skills that ESCO v1.1.1's French collections lack,",
                            f"from ESCO v1.0 (same URIs; labels may differ from v1.1.1). {missing} shipped skills",
                            "have no French name in either."], PREFIXES)
        + "\n" + _render(older) + "\n",
    }
