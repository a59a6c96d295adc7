"""Import the O*NET database (text, tab-delimited) into ``source:import-onet-<version>``.

Download "O*NET <version> Database" in *Text* format from
https://www.onetcenter.org/database.html and unzip it (``db_29_0_text/``). Files are
found by name anywhere under the folder. The version comes from the first line of
``Read Me.txt`` ("O*NET 29.0 Database") or else the folder name (``db_29_0_text``).

- ``Occupation Data.txt`` (required): ``https://w3id.org/datacareers/onet/<SOC code>``,
  ``a career:Role, schema:Occupation``, ``skos:prefLabel`` @en (Title),
  ``skos:definition`` @en (Description) and ``career:onetCode``;
- ``Related Occupations.txt`` (a similarity list, not moves people are said to make):
  ``career:relatedMove`` (never ``career:canBecome``) plus a ``career:Transition``
  (``transition/onet-29.0-<from>-<to>``) with ``career:rank`` (Index) and
  ``career:relatednessTier`` ("Primary-Short", "Primary-Long", "Supplemental");
- ``Career Changers Matrix.tsv`` / ``.txt`` (older releases; accepted when present
  anywhere under the folder): ``career:canBecome`` plus a Transition
  ``transition/onet-29.0-changers-<from>-<to>`` with ``career:rank`` (Index); rows whose
  occupations are not in Occupation Data are skipped;
- ``Technology Skills.txt``: each Example becomes a hard skill
  ``onet/technology/<key>`` (:class:`~datacareers.importers.common.LabelKeys`: "C", "C#" and "C++" get
  three IRIs; ``a career:Skill``, ``career:skillKind career:hard``,
  ``skos:broader`` its commodity class ``onet/commodity/<code>``, a ``skos:Concept``
  labelled with the Commodity Title) linked with ``career:requiresSkill``. O*NET's flags
  are kept as two sub-properties of ``career:requiresSkill`` asserted next to it:
  ``career:hotTechnology`` (Hot Technology = Y) and ``career:inDemandTechnology``
  (In Demand = Y), so ``?role career:hotTechnology ?tech`` lists hot technologies;
- ``Job Zones.txt``: ``career:jobZone`` (1-5, ``xsd:integer``) on the role;
- ``Education, Training, and Experience.txt`` (+ its ``Categories`` file), ``Task
  Statements.txt`` and ``Alternate Titles.txt`` (the last two optional): the education
  distribution, tasks and job titles (:mod:`datacareers.importers.onet_profile`).

Every release of the text database has Occupation Data, Technology Skills, Job Zones and
the Education files, and Related Occupations or (before 27.x) the Career Changers
Matrix: a folder without them is refused. Every file is read strictly
(:mod:`datacareers.importers.tables`): O*NET-SOC codes must look like ``15-2051.00``,
indexes, commodity codes and job zones like numbers, flags Y or N. Unless ``partial`` is
set, each file must also hold at least a tenth of the records of 29.0 (:data:`FLOORS`).

>>> detect_version(None, Path("db_29_0_text"))
'29.0'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.errors import ImportFormatError
from datacareers.importers import onet_profile
from datacareers.importers.common import (
    BROADER,
    DEFINITION,
    NOTATION,
    ONET_COMMODITY,
    ONET_ROLE,
    ONET_TECHNOLOGY,
    PREF_LABEL,
    SCHEMA_OCCUPATION,
    SKOS_CONCEPT,
    A,
    ImportPlan,
    LabelKeys,
    SourceInfo,
    check_version,
    find_file,
    integer,
    require_dir,
    term,
    transition_iri,
)
from datacareers.importers.tables import (
    DECIMAL,
    NUMBER,
    SOC_CODE,
    YES_NO,
    Check,
    Table,
    check_tables,
)
from datacareers.importers.tables import optional as may_be_empty
from datacareers.progress import ProgressFactory

WHAT = "an O*NET text database"
DOWNLOAD_URL = "https://www.onetcenter.org/database.html"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
SOC = "O*NET-SOC Code"

#: The fewest records each file of a full release holds: about a tenth of 29.0 (1,016
#: occupations, 18,460 related occupations, 32,470 technology rows, 923 job zones, 36,209
#: education rows, 41 categories; 7,221 rows in the 25.x Career Changers Matrix).
FLOORS = {
    "occupations": 100, "related": 1800, "changers": 700, "technology": 3000,
    "job_zones": 90, "education": 3600, "categories": 4, "tasks": 1800, "titles": 5500,
}

JOB_ZONE = Check(r"[1-5]", "a job zone (1 to 5)")

_README = re.compile(r"O\*NET\s+(\d+(?:\.\d+)*)\s+Database", re.IGNORECASE)
_FOLDER = re.compile(r"db_(\d+)_(\d+)")


def attribution(version: str) -> str:
    return (
        f"This product includes information from the O*NET {version} Database by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). "
        "Used under the CC BY 4.0 license."
    )


def detect_version(readme: Path | None, *folders: Path) -> str | None:
    """From ``Read Me.txt`` ("O*NET 29.0 Database") or a ``db_29_0`` folder name."""
    if readme is not None:
        try:
            with open(readme, encoding="utf-8-sig", errors="replace") as handle:
                match = _README.search(handle.readline())
        except OSError:
            match = None
        if match:
            return match.group(1)
    for folder in folders:
        for part in reversed(Path(folder).parts):
            match = _FOLDER.search(part)
            if match:
                return f"{match.group(1)}.{match.group(2)}"
    return None


def source_info(version: str) -> SourceInfo:
    return SourceInfo(
        release=f"onet-{version}",
        version=version,
        title=f"O*NET {version} Database",
        publisher="National Center for O*NET Development, for USDOL/ETA",
        license=LICENSE,
        attribution=attribution(version),
        url=DOWNLOAD_URL,
    )


def plan(path: str | Path, version: str | None = None, partial: bool = False) -> ImportPlan:
    """Check the release folder (files, headers) and describe what will be imported;
    *partial* accepts files smaller than a full release (a sample)."""
    root = require_dir(path, "O*NET")
    occupations = find_file(root, ["Occupation Data.txt"], WHAT)

    def optional(*names: str) -> Path | None:
        return find_file(root, list(names), WHAT, required=False)

    if version:
        version = check_version(version.strip()).lstrip("vV") or version
    else:
        readme = optional("Read Me.txt")
        version = detect_version(readme, occupations.parent.relative_to(root), root.resolve())
        if not version:
            raise ImportFormatError(
                f"{root}: cannot tell the O*NET version (no 'Read Me.txt' saying "
                "'O*NET 29.0 Database', no db_29_0 folder name); pass --version 29.0"
            )
    info = source_info(version)

    soc = {SOC: SOC_CODE}
    tables = {"occupations": Table(occupations, (SOC, "Title", "Description"), delimiter=TAB,
                                   checks=soc)}
    tables["occupations"].check()  # is this an O*NET text database at all?
    for key, (names, columns, extra, checks) in _SPECS.items():
        found = optional(*names)
        if found:
            tables[key] = Table(found, columns, extra, delimiter=TAB, checks=checks)
        elif key in _REQUIRED:
            find_file(root, list(names), WHAT)  # raises the error
    if "related" not in tables and "changers" not in tables:
        names = _SPECS["related"][0] + _SPECS["changers"][0]
        find_file(root, list(names), WHAT)  # raises the error
    if not partial:
        for key, table in tables.items():
            table.floor = FLOORS[key]
    check_tables(tables.values())

    def quads(progress: ProgressFactory) -> Iterator[Quad]:
        return _quads(info, tables, progress)

    return ImportPlan(info, quads)


TAB = "\t"
_RELATED = "Related O*NET-SOC Code"
#: Each file besides Occupation Data: names, columns, optional columns, value checks.
_SPECS = {
    "related": (("Related Occupations.txt",),
                (SOC, _RELATED, "Relatedness Tier", "Index"), (),
                {SOC: SOC_CODE, _RELATED: SOC_CODE, "Index": NUMBER}),
    "changers": (("Career Changers Matrix.tsv", "Career Changers Matrix.txt"),
                 (SOC, _RELATED, "Index"), (),
                 {SOC: SOC_CODE, _RELATED: SOC_CODE, "Index": NUMBER}),
    "technology": (("Technology Skills.txt",),
                   (SOC, "Example", "Commodity Code", "Commodity Title", "Hot Technology"),
                   ("In Demand",),
                   {SOC: SOC_CODE, "Commodity Code": NUMBER, "Hot Technology": YES_NO,
                    "In Demand": may_be_empty(YES_NO)}),
    "job_zones": (("Job Zones.txt",), (SOC, "Job Zone"), (),
                  {SOC: SOC_CODE, "Job Zone": JOB_ZONE}),
    "education": (("Education, Training, and Experience.txt",),
                  (SOC, "Scale ID", "Category", "Data Value"), (),
                  {SOC: SOC_CODE, "Data Value": DECIMAL}),
    "categories": (("Education, Training, and Experience Categories.txt",),
                   ("Scale ID", "Category", "Category Description"), (), {}),
    "tasks": (("Task Statements.txt",), (SOC, "Task ID", "Task", "Task Type"), (),
              {SOC: SOC_CODE, "Task ID": NUMBER}),
    "titles": (("Alternate Titles.txt",), (SOC, "Alternate Title", "Short Title"), (), {SOC: SOC_CODE}),
}
#: Files every release of the text database has (and one of related / changers).
_REQUIRED = ("technology", "job_zones", "education", "categories")


def _en(text: str) -> Literal:
    return Literal(text, language="en")


def _quads(info: SourceInfo, tables: dict[str, Table], progress: ProgressFactory):
    g = NamedNode(info.graph)
    yield from info.quads()
    roles: dict[str, NamedNode] = {}
    yield from _occupations(tables, g, progress, roles)
    if "related" in tables:
        yield from _moves(tables, "related", info.release, g, progress, roles)
    if "changers" in tables:
        yield from _moves(tables, "changers", f"{info.release}-changers", g, progress, roles)
    if "technology" in tables:
        yield from _technologies(tables, g, progress, roles)
    if "job_zones" in tables:
        job_zone = term("jobZone")
        for code, zone in tables["job_zones"].rows(progress):
            role = roles.get(code.strip())
            if role is not None:
                yield Quad(role, job_zone, integer(zone.strip()), g)
    if "education" in tables:
        yield from onet_profile.education(info, tables, roles, progress=progress, g=g)
    if "tasks" in tables:
        yield from onet_profile.tasks(info, tables["tasks"], roles, g, progress)
    if "titles" in tables:
        yield from onet_profile.titles(tables["titles"], roles, g, progress)


def _occupations(tables, g, progress, roles: dict[str, NamedNode]):
    """Each occupation as a role with its title, description and code; fills ``roles``."""
    role_class, onet_code = term("Role"), term("onetCode")
    for code, title, description in tables["occupations"].rows(progress):
        code = code.strip()
        if not code:
            continue
        s = roles[code] = NamedNode(ONET_ROLE[code])
        yield Quad(s, A, role_class, g)
        yield Quad(s, A, SCHEMA_OCCUPATION, g)
        if title.strip():
            yield Quad(s, PREF_LABEL, _en(title.strip()), g)
        if description.strip():
            yield Quad(s, DEFINITION, _en(description.strip()), g)
        yield Quad(s, onet_code, Literal(code), g)


def _moves(tables, key: str, name: str, g, progress, roles: dict[str, NamedNode]):
    """Career Changers (stated, canBecome) or Related Occupations (relatedMove, with tier)."""
    transition_class, from_role, to_role = term("Transition"), term("fromRole"), term("toRole")
    rank, tier = term("rank"), term("relatednessTier")
    relation = term("canBecome") if key == "changers" else term("relatedMove")
    for row in tables[key].rows(progress):
        source, target, index = row[0].strip(), row[1].strip(), row[-1].strip()
        a, b = roles.get(source), roles.get(target)
        if a is None or b is None or a == b:
            continue
        yield Quad(a, relation, b, g)
        t = NamedNode(transition_iri(name, source, target))
        yield Quad(t, A, transition_class, g)
        yield Quad(t, from_role, a, g)
        yield Quad(t, to_role, b, g)
        if index:
            yield Quad(t, rank, integer(index), g)
        if key == "related" and row[2].strip():
            yield Quad(t, tier, Literal(row[2].strip()), g)


def _technologies(tables, g, progress, roles: dict[str, NamedNode]):
    """Technology Skills: each product once (under its commodity), hot and in-demand flags."""
    skill_class, kind, hard = term("Skill"), term("skillKind"), term("hard")
    requires, hot, in_demand = term("requiresSkill"), term("hotTechnology"), term("inDemandTechnology")
    commodities: set[str] = set()
    technologies: set[str] = set()
    keys = LabelKeys()  # "C", "C#" and "C++" are three products, three IRIs
    for code, example, c_code, c_title, is_hot, is_in_demand in tables["technology"].rows(progress):
        role = roles.get(code.strip())
        example = example.strip()
        if role is None or not example:
            continue
        key = keys(example)
        s = NamedNode(ONET_TECHNOLOGY[key])
        c_code = c_code.strip()
        if key not in technologies:
            technologies.add(key)
            yield Quad(s, A, skill_class, g)
            yield Quad(s, PREF_LABEL, _en(example), g)
            yield Quad(s, kind, hard, g)
            if c_code:
                yield Quad(s, BROADER, NamedNode(ONET_COMMODITY[c_code]), g)
        if c_code and c_code not in commodities:
            commodities.add(c_code)
            c = NamedNode(ONET_COMMODITY[c_code])
            yield Quad(c, A, SKOS_CONCEPT, g)
            yield Quad(c, NOTATION, Literal(c_code), g)
            if c_title.strip():
                yield Quad(c, PREF_LABEL, _en(c_title.strip()), g)
        yield Quad(role, requires, s, g)
        if is_hot.strip().upper() == "Y":
            yield Quad(role, hot, s, g)
        if is_in_demand.strip().upper() == "Y":
            yield Quad(role, in_demand, s, g)
