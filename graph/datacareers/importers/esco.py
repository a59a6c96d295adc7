"""Import the official ESCO CSV export (v1.1 and later) into ``source:import-esco-<version>``.

Download the CSV release (one language at a time: English, and French for @fr labels)
from https://esco.ec.europa.eu/en/use-esco/download and unzip it into one folder. Files
are found by name anywhere under that folder (``en/``, ``fr/``, ``relations/``...):

- ``occupations_en.csv`` (required): each occupation keeps its ESCO concept URI and
  becomes ``a career:Role, schema:Occupation`` with ``skos:prefLabel``/``altLabel``/
  ``hiddenLabel`` @en, ``skos:definition`` @en (the *description* column),
  ``career:iscoCode`` (its ISCO-08 unit group) and ``skos:notation`` (its ESCO code);
- ``skills_en.csv`` (required): each skill becomes ``a career:Skill`` with labels,
  definition, ``career:reuseLevel`` (ESCO's reuse level, verbatim) and
  ``career:skillKind``, mapped as follows:

  ========================  ======================  ====================
  ESCO skillType            ESCO reuseLevel         career:skillKind
  ========================  ======================  ====================
  ``knowledge``             any                     ``career:knowledge``
  other                     ``transversal``         ``career:soft``
  other, filed under ESCO's transversal groups T4 (social and
  communication) or T3.2-T3.4 (self-management)     ``career:soft``
  other                     any other / empty       ``career:hard``
  ========================  ======================  ====================

  (The groups come from ``broaderRelationsSkillPillar.csv`` and ``skillGroups_en.csv``
  when present, :mod:`datacareers.importers.esco_groups`; without them only the reuse
  level decides.)
- ``occupationSkillRelations.csv`` or ``.csv.gz`` (required): ``essential`` gives
  ``career:essentialSkill``, ``optional`` gives ``career:optionalSkill``; both also
  assert ``career:requiresSkill`` so queries need no inference;
- ``ISCOGroups_en.csv`` (optional): ISCO groups as ``skos:Concept`` with their labels
  and ``career:iscoCode``;
- ``broaderRelationsOccPillar.csv`` (optional): ``skos:broader`` between occupations
  and ISCO groups; without it each occupation gets ``skos:broader`` its ISCO group;
- ``occupations_fr.csv``, ``skills_fr.csv``, ``ISCOGroups_fr.csv`` (optional): the same
  labels and definitions @fr. Without ``skills_fr.csv``, the French skill collections
  (``digitalSkillsCollection_fr.csv``, ``transversal...``, ``language...``, ``research...``,
  ``green...``, ``digComp...``) give the French labels of the skills they hold.

Every file is read strictly (:mod:`datacareers.importers.tables`): URIs must be IRIs
under ``http://data.europa.eu/esco/``, ISCO groups digits, relation types ``essential``
or ``optional``. Unless ``partial`` is set, each file must also hold at least a tenth
of the records of v1.1.1 (:data:`FLOORS`), so that an empty or cut file is refused.

>>> skill_kind("knowledge", "transversal").value.rsplit("#", 1)[1]
'knowledge'
>>> skill_kind("skill/competence", "transversal").value.rsplit("#", 1)[1]
'soft'
>>> skill_kind("skill/competence", "sector-specific").value.rsplit("#", 1)[1]
'hard'
>>> detect_version(Path("ESCO dataset - v1.1.1 - classification - en - csv"))
'1.1.1'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.errors import ImportFormatError
from datacareers.importers.common import (
    ALT_LABEL,
    BROADER,
    DEFINITION,
    HIDDEN_LABEL,
    NOTATION,
    PREF_LABEL,
    SCHEMA_OCCUPATION,
    SKOS_CONCEPT,
    A,
    ImportPlan,
    SourceInfo,
    check_version,
    find_file,
    require_dir,
    split_lines,
    term,
)
from datacareers.importers.esco_groups import soft_groups, under
from datacareers.importers.tables import ESCO_URI, Check, Table, check_tables, optional
from datacareers.progress import ProgressFactory

WHAT = "an ESCO CSV"
DOWNLOAD_URL = "https://esco.ec.europa.eu/en/use-esco/download"
LICENSE = "http://data.europa.eu/eli/dec/2011/833/oj"
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ISCO_BASE = "http://data.europa.eu/esco/isco/C"

#: The fewest records each file of a full release holds: about a tenth of v1.1.1
#: (3,007 occupations, 13,896 skills, 123,855 occupation-skill relations, 619 ISCO
#: groups, 3,617 broader relations; the French files have as many rows as the English).
FLOORS = {
    "occupations": 300, "skills": 1300, "relations": 12000, "isco": 60, "broader": 360,
    "occupations_fr": 300, "skills_fr": 1300, "isco_fr": 60, "skill_broader": 2000, "skill_groups": 60,
    # the French skill collections of v1.1.1: 1,201 digital, 96 transversal, 346 language,
    # 40 research, 570 green, 26 DigComp skills
    "collection_digital": 120, "collection_transversal": 9, "collection_language": 34,
    "collection_research": 4, "collection_green": 57, "collection_digComp": 2,
}
#: ESCO's French skill collections, read in this order (a skill in several keeps the first label).
COLLECTIONS = ("digital", "transversal", "language", "research", "green", "digComp")

ISCO_GROUP = Check(r"[0-9]{1,4}", "an ISCO-08 group (1 to 4 digits)")
RELATION = Check(r"essential|optional", "an ESCO relation type (essential or optional)")

_VERSION = re.compile(r"(?:^|[^0-9A-Za-z])v?(\d+\.\d+(?:\.\d+)*)(?![0-9.])")

KNOWLEDGE = term("knowledge")
SOFT = term("soft")
HARD = term("hard")


def skill_kind(skill_type: str, reuse_level: str, in_soft_group: bool = False) -> NamedNode:
    """career:knowledge / soft / hard from ESCO's skillType, reuseLevel and whether the skill
    is filed under a soft transversal group (see above)."""
    if skill_type.strip() == "knowledge":
        return KNOWLEDGE
    if reuse_level.strip() == "transversal" or in_soft_group:
        return SOFT
    return HARD


def normalise_version(version: str) -> str:
    """``v1.1.1`` -> ``1.1.1``."""
    version = version.strip()
    return version[1:] if version[:1] in "vV" and version[1:2].isdigit() else version


def detect_version(*folders: Path) -> str | None:
    """The version in the first folder name that carries one (``v1.1.1``, ``1.2.0``)."""
    for folder in folders:
        for part in reversed(Path(folder).parts):
            match = _VERSION.search(part)
            if match:
                return match.group(1)
    return None


def source_info(version: str) -> SourceInfo:
    return SourceInfo(
        release=f"esco-{version}",
        version=version,
        title=f"ESCO (European Skills, Competences, Qualifications and Occupations) v{version}",
        publisher="European Commission",
        license=LICENSE,
        attribution=ATTRIBUTION,
        url=DOWNLOAD_URL,
    )


def plan(path: str | Path, version: str | None = None, partial: bool = False) -> ImportPlan:
    """Check the release folder (files, headers) and describe what will be imported;
    *partial* accepts files smaller than a full release (a sample)."""
    root = require_dir(path, "ESCO")
    occupations = find_file(root, ["occupations_en.csv"], WHAT)
    skills = find_file(root, ["skills_en.csv"], WHAT)
    relations = find_file(
        root,
        [
            "occupationSkillRelations.csv",
            "occupationSkillRelations.csv.gz",
            "occupationSkillRelations_en.csv",
            "occupationSkillRelations_en.csv.gz",
        ],
        WHAT,
    )
    isco = find_file(root, ["ISCOGroups_en.csv"], WHAT, required=False)
    broader = find_file(
        root, ["broaderRelationsOccPillar.csv", "broaderRelationsOccPillar_en.csv"], WHAT,
        required=False,
    )
    french = {
        name: find_file(root, [f"{name}_fr.csv"], WHAT, required=False)
        for name in ("occupations", "skills", "ISCOGroups")
    }
    collections = {} if french["skills"] else {
        name: path for name in COLLECTIONS
        if (path := find_file(root, [f"{name}SkillsCollection_fr.csv"], WHAT, required=False))}
    skill_broader = find_file(root, ["broaderRelationsSkillPillar.csv"], WHAT, required=False)
    groups = find_file(root, ["skillGroups_en.csv"], WHAT, required=False)

    if version:
        version = normalise_version(check_version(version.strip()))
    else:
        version = detect_version(occupations.parent.relative_to(root), root.resolve())
        if not version:
            raise ImportFormatError(
                f"{root}: cannot tell the ESCO version from the folder name; "
                "pass it with --version (e.g. --version 1.2.0)"
            )
    info = source_info(version)

    occ_cols = ("conceptUri", "preferredLabel", "altLabels", "description", "iscoGroup")
    occ_opt = ("hiddenLabels", "code")
    skill_cols = ("conceptUri", "preferredLabel", "altLabels", "description", "skillType",
                  "reuseLevel")
    uri = {"conceptUri": ESCO_URI}
    tables = {
        "occupations": Table(occupations, occ_cols, occ_opt,
                             checks={**uri, "iscoGroup": optional(ISCO_GROUP)}),
        "skills": Table(skills, skill_cols, ("hiddenLabels",), checks=uri),
        "relations": Table(relations, ("occupationUri", "relationType", "skillUri"),
                           checks={"occupationUri": ESCO_URI, "relationType": RELATION,
                                   "skillUri": ESCO_URI}),
    }
    if isco:
        tables["isco"] = Table(isco, ("conceptUri", "code", "preferredLabel"),
                               ("altLabels", "description"), checks=uri)
    if broader:
        tables["broader"] = Table(broader, ("conceptUri", "broaderUri"),
                                  checks={**uri, "broaderUri": ESCO_URI})
    if french["occupations"]:
        tables["occupations_fr"] = Table(french["occupations"], occ_cols[:4], ("hiddenLabels",),
                                         checks=uri)
    if french["skills"]:
        tables["skills_fr"] = Table(french["skills"], skill_cols[:4], ("hiddenLabels",),
                                    checks=uri)
    if french["ISCOGroups"]:
        tables["isco_fr"] = Table(french["ISCOGroups"], ("conceptUri", "preferredLabel"),
                                  ("altLabels", "description"), checks=uri)
    for name, path in collections.items():
        tables[f"collection_{name}"] = Table(path, skill_cols[:4], checks=uri)
    if skill_broader and groups:
        tables["skill_broader"] = Table(skill_broader, ("conceptUri", "broaderUri"),
                                        checks={**uri, "broaderUri": ESCO_URI})
        tables["skill_groups"] = Table(groups, ("conceptUri", "code"), checks=uri)
    if not partial:
        for key, table in tables.items():
            table.floor = FLOORS.get(key, 1)
    check_tables(tables.values())

    def quads(progress: ProgressFactory) -> Iterator[Quad]:
        return _quads(info, tables, progress)

    return ImportPlan(info, quads)


def _labels(subject, pref, alts, hidden, description, lang, g) -> Iterator[Quad]:
    pref = pref.strip()
    if pref:
        yield Quad(subject, PREF_LABEL, Literal(pref, language=lang), g)
    for alt in dict.fromkeys(split_lines(alts)):
        if alt != pref:
            yield Quad(subject, ALT_LABEL, Literal(alt, language=lang), g)
    for label in dict.fromkeys(split_lines(hidden)):
        yield Quad(subject, HIDDEN_LABEL, Literal(label, language=lang), g)
    description = description.strip()
    if description:
        yield Quad(subject, DEFINITION, Literal(description, language=lang), g)


def _soft_skills(tables: dict[str, Table], progress: ProgressFactory) -> set[str]:
    """The skills filed under ESCO's soft transversal groups (empty without the files)."""
    if "skill_broader" not in tables:
        return set()
    broader: dict[str, set[str]] = {}
    for uri, parent in tables["skill_broader"].rows(progress):
        broader.setdefault(uri.strip(), set()).add(parent.strip())
    return under(broader, soft_groups(tables["skill_groups"].rows(progress)))


def french_labels(path: Path, partial: bool = True) -> Iterator[tuple[str, str]]:
    """(skill URI, French preferred label) from a French skills file (``skills_fr.csv`` or a
    collection), read strictly: the generator's fallback to an older release's labels."""
    table = Table(path, ("conceptUri", "preferredLabel"), checks={"conceptUri": ESCO_URI},
                  floor=1 if partial else FLOORS["skills_fr"])
    for uri, label in table.rows():
        if uri.strip() and label.strip():
            yield uri.strip(), label.strip()


def _quads(info: SourceInfo, tables: dict[str, Table], progress: ProgressFactory):
    g = NamedNode(info.graph)
    yield from info.quads()
    yield from _occupations(tables, g, progress)
    yield from _skills(tables, g, progress)
    yield from _relations(tables, g, progress)
    yield from _isco(tables, g, progress)
    if "broader" in tables:
        for uri, broader in tables["broader"].rows(progress):
            if uri and broader:
                yield Quad(NamedNode(uri.strip()), BROADER, NamedNode(broader.strip()), g)


def _occupations(tables, g, progress):
    """Occupations with their English (and French) names, ISCO group and ESCO code."""
    role, isco_code = term("Role"), term("iscoCode")
    has_broader_file = "broader" in tables
    for uri, pref, alts, desc, group, hidden, code in tables["occupations"].rows(progress):
        if not uri:
            continue
        s = NamedNode(uri.strip())
        yield Quad(s, A, role, g)
        yield Quad(s, A, SCHEMA_OCCUPATION, g)
        yield from _labels(s, pref, alts, hidden, desc, "en", g)
        group = group.strip()
        if group:
            yield Quad(s, isco_code, Literal(group), g)
            if not has_broader_file:
                yield Quad(s, BROADER, NamedNode(ISCO_BASE + group), g)
        if code.strip():
            yield Quad(s, NOTATION, Literal(code.strip()), g)
    if "occupations_fr" in tables:
        for uri, pref, alts, desc, hidden in tables["occupations_fr"].rows(progress):
            if uri:
                yield from _labels(NamedNode(uri.strip()), pref, alts, hidden, desc, "fr", g)


def _skills(tables, g, progress):
    """Skills with their kind (soft from the transversal groups), reuse level and names;
    French names from the French skills file, else from the French collections."""
    skill_class, reuse, kind = term("Skill"), term("reuseLevel"), term("skillKind")
    soft_skills = _soft_skills(tables, progress)
    for uri, pref, alts, desc, skill_type, reuse_level, hidden in tables["skills"].rows(progress):
        if not uri:
            continue
        s = NamedNode(uri.strip())
        yield Quad(s, A, skill_class, g)
        yield from _labels(s, pref, alts, hidden, desc, "en", g)
        yield Quad(s, kind, skill_kind(skill_type, reuse_level, uri.strip() in soft_skills), g)
        if reuse_level.strip():
            yield Quad(s, reuse, Literal(reuse_level.strip()), g)
    if "skills_fr" in tables:
        for uri, pref, alts, desc, hidden in tables["skills_fr"].rows(progress):
            if uri:
                yield from _labels(NamedNode(uri.strip()), pref, alts, hidden, desc, "fr", g)
    labelled: set[str] = set()
    for name in COLLECTIONS:
        if f"collection_{name}" not in tables:
            continue
        for uri, pref, alts, desc in tables[f"collection_{name}"].rows(progress):
            if uri.strip() and uri.strip() not in labelled:
                labelled.add(uri.strip())
                yield from _labels(NamedNode(uri.strip()), pref, alts, "", desc, "fr", g)


def _relations(tables, g, progress):
    """Occupation-skill links, essential or optional (both also as requiresSkill)."""
    essential, optional = term("essentialSkill"), term("optionalSkill")
    requires = term("requiresSkill")
    for occupation, relation, skill in tables["relations"].rows(progress):
        if not occupation or not skill:
            continue
        o, s = NamedNode(occupation.strip()), NamedNode(skill.strip())
        relation = relation.strip()
        if relation == "essential":
            yield Quad(o, essential, s, g)
        elif relation == "optional":
            yield Quad(o, optional, s, g)
        yield Quad(o, requires, s, g)


def _isco(tables, g, progress):
    """ISCO groups as SKOS concepts with their codes and names."""
    isco_code = term("iscoCode")
    if "isco" in tables:
        for uri, code, pref, alts, desc in tables["isco"].rows(progress):
            if not uri:
                continue
            s = NamedNode(uri.strip())
            yield Quad(s, A, SKOS_CONCEPT, g)
            yield from _labels(s, pref, alts, "", desc, "en", g)
            if code.strip():
                yield Quad(s, isco_code, Literal(code.strip()), g)
    if "isco_fr" in tables:
        for uri, pref, alts, desc in tables["isco_fr"].rows(progress):
            if uri:
                yield from _labels(NamedNode(uri.strip()), pref, alts, "", desc, "fr", g)
