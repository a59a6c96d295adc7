"""The profile facets of O*NET occupations: task statements, alternate titles and the
education distribution.

- ``Task Statements.txt``: each task is a ``career:Task`` ``task/<release>-<SOC>-<Task ID>``
  with ``career:text`` @en, ``career:taskCategory`` "core" or "supplemental" (Task Type;
  none where O*NET gives "n/a"), ``dcterms:identifier`` (the Task ID), ``skos:notation``
  (the occupation's code, as ROME tasks carry their fiche's) and ``career:position`` (its
  order among the occupation's tasks in the file, 1 first), linked by ``career:task``;
- ``Alternate Titles.txt``: each Alternate Title and Short Title (not "n/a") is a
  ``skos:altLabel`` @en of its occupation;
- ``Education, Training, and Experience.txt`` (+ its ``Categories`` file): the Required
  Level of Education (scale RL). O*NET asks its respondents (job holders, "Incumbent", or
  occupational experts, "Occupational Expert": the Domain Source) which level of education
  is *required* to do the job; each category's Data Value is the percentage of respondents
  who chose it. It is not the education job holders have. Every category at least one
  respondent chose becomes ``career:education`` -> ``education/<release>-<SOC>-<category>``,
  a ``career:EducationRequirement`` with ``career:levelText`` @en, ``career:share`` (the
  percentage, as published), ``career:respondents`` (N), ``career:respondentGroup`` (the
  Domain Source, as published), ``dcterms:date`` (the month of the rating, ``xsd:gYearMonth``),
  ``career:recommendSuppress`` true where O*NET recommends suppressing the estimate (low
  precision), and an EQF level where the QF-EHEA cycles give one
  (:mod:`datacareers.importers.eqf`). Categories at 0 % are left out: nobody said so.

>>> task_category("Core"), task_category("n/a")
('core', None)
>>> year_month("08/2024").value, year_month("n/a")
('2024-08', None)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import EDUCATION, TASK
from datacareers.importers.common import (
    ALT_LABEL,
    DCTERMS_DATE,
    DCTERMS_IDENTIFIER,
    NOTATION,
    XSD_BOOLEAN,
    XSD_GYEAR_MONTH,
    A,
    SourceInfo,
    decimal,
    integer,
    term,
)
from datacareers.importers.eqf import ONET_CATEGORY_LEVELS
from datacareers.importers.tables import Check, optional
from datacareers.progress import ProgressFactory

#: The optional columns of the education file read with each row, and their checks.
EDUCATION_EXTRAS = ("N", "Recommend Suppress", "Date", "Domain Source")
EDUCATION_CHECKS = {
    "N": optional(Check(r"[0-9]{1,12}|n/a", "a number of respondents (or n/a)")),
    "Recommend Suppress": optional(Check(r"[YN]|n/a", "Y, N or n/a")),
    "Date": optional(Check(r"(?:0[1-9]|1[0-2])/[0-9]{4}|n/a", "a month and year (MM/YYYY)")),
}


def year_month(value: str) -> Literal | None:
    """O*NET's ``MM/YYYY`` Date column as an ``xsd:gYearMonth`` literal, or None."""
    value = value.strip()
    if len(value) != 7 or value[2] != "/":
        return None
    return Literal(f"{value[3:]}-{value[:2]}", datatype=XSD_GYEAR_MONTH)


def task_category(value: str) -> str | None:
    """O*NET's Task Type as ``career:taskCategory`` ("core" / "supplemental"), or None."""
    value = value.strip().lower()
    return value if value in ("core", "supplemental") else None


def _en(text: str) -> Literal:
    return Literal(text, language="en")


def tasks(info: SourceInfo, table, roles: dict[str, NamedNode], g, progress: ProgressFactory) -> Iterator[Quad]:
    task, task_class, text, category = term("task"), term("Task"), term("text"), term("taskCategory")
    position = term("position")
    counts: dict[str, int] = {}
    for code, task_id, statement, kind in table.rows(progress):
        code, statement = code.strip(), statement.strip()
        role = roles.get(code)
        if role is None or not statement:
            continue
        counts[code] = counts.get(code, 0) + 1
        t = NamedNode(TASK[f"{info.release}-{code}-{task_id.strip()}"])
        yield Quad(role, task, t, g)
        yield Quad(t, A, task_class, g)
        yield Quad(t, text, _en(statement), g)
        if task_category(kind):
            yield Quad(t, category, Literal(task_category(kind)), g)
        yield Quad(t, DCTERMS_IDENTIFIER, Literal(task_id.strip()), g)
        yield Quad(t, NOTATION, Literal(code), g)
        yield Quad(t, position, integer(counts[code]), g)


def titles(table, roles: dict[str, NamedNode], g, progress: ProgressFactory) -> Iterator[Quad]:
    seen: set[tuple[str, str]] = set()
    for code, title, short in table.rows(progress):
        role = roles.get(code.strip())
        if role is None:
            continue
        for name in (title.strip(), short.strip()):
            if name and name != "n/a" and (code, name) not in seen:
                seen.add((code, name))
                yield Quad(role, ALT_LABEL, _en(name), g)


def job_zones(table, roles: dict[str, NamedNode], g, progress: ProgressFactory) -> Iterator[Quad]:
    """``Job Zones.txt``: ``career:jobZone`` on the role (what paths compare) and a
    ``career:jobZoneRating`` -> ``onet/<SOC>/job-zone``, a ``career:JobZoneRating`` with the
    zone, ``dcterms:date`` (the month O*NET rated it, ``xsd:gYearMonth``: the ratings range
    from 2004 to 2024), ``career:respondentGroup`` (the Domain Source, such as "Analyst") and
    ``skos:notation`` (the occupation's code)."""
    job_zone, rating, rating_class = term("jobZone"), term("jobZoneRating"), term("JobZoneRating")
    group = term("respondentGroup")
    for code, zone, date, domain in table.rows(progress):
        role = roles.get(code.strip())
        if role is None:
            continue
        value = integer(zone.strip())
        yield Quad(role, job_zone, value, g)
        node = NamedNode(f"{role.value}/job-zone")
        yield Quad(role, rating, node, g)
        yield Quad(node, A, rating_class, g)
        yield Quad(node, job_zone, value, g)
        yield Quad(node, NOTATION, Literal(code.strip()), g)
        if year_month(date) is not None:
            yield Quad(node, DCTERMS_DATE, year_month(date), g)
        if domain.strip():
            yield Quad(node, group, Literal(domain.strip()), g)


def education(info: SourceInfo, tables, roles: dict[str, NamedNode], g, progress: ProgressFactory) -> Iterator[Quad]:
    levels: dict[str, str] = {}
    if "categories" in tables:
        for scale, category, description in tables["categories"].rows(progress):
            if scale.strip() == "RL":
                levels[category.strip()] = description.strip()
    link, requirement = term("education"), term("EducationRequirement")
    level_text, eqf, share = term("levelText"), term("eqfLevel"), term("share")
    respondents, group, suppress = term("respondents"), term("respondentGroup"), term("recommendSuppress")
    for code, scale, category, value, n, suppressed, date, domain in tables["education"].rows(progress):
        code, category = code.strip(), category.strip()
        if scale.strip() != "RL" or code not in roles or Decimal(value.strip()) == 0:
            continue
        node = NamedNode(EDUCATION[f"{info.release}-{code}-{category}"])
        yield Quad(roles[code], link, node, g)
        yield Quad(node, A, requirement, g)
        text = levels.get(category, f"O*NET education category {category}")
        yield Quad(node, level_text, _en(text.split(" - ")[0].strip()), g)
        yield Quad(node, share, decimal(value.strip()), g)
        yield Quad(node, NOTATION, Literal(code), g)
        if n.strip().isdigit():
            yield Quad(node, respondents, integer(n.strip()), g)
        if domain.strip():
            yield Quad(node, group, Literal(domain.strip()), g)
        if year_month(date) is not None:
            yield Quad(node, DCTERMS_DATE, year_month(date), g)
        if suppressed.strip() == "Y":
            yield Quad(node, suppress, Literal("true", datatype=XSD_BOOLEAN), g)
        if category in ONET_CATEGORY_LEVELS:
            yield Quad(node, eqf, integer(ONET_CATEGORY_LEVELS[category]), g)
