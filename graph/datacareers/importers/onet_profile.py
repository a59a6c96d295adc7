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
  Level of Education (scale RL) distribution. Each category that at least
  :data:`SHARE_CUT` percent of job holders report becomes ``career:education`` ->
  ``education/<release>-<SOC>-<category>``, a ``career:EducationRequirement`` with
  ``career:levelText`` @en, ``career:share`` (the percentage, as published) and an EQF
  level where the QF-EHEA cycles give one (:mod:`datacareers.importers.eqf`).

>>> task_category("Core"), task_category("n/a")
('core', None)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import EDUCATION, TASK
from datacareers.importers.common import (
    ALT_LABEL,
    DCTERMS_IDENTIFIER,
    NOTATION,
    A,
    SourceInfo,
    decimal,
    integer,
    term,
)
from datacareers.importers.eqf import ONET_CATEGORY_LEVELS
from datacareers.progress import ProgressFactory

#: The smallest share of job holders (%) at which an education category is kept: the
#: levels people in the job really hold, not the long tail of the survey.
SHARE_CUT = Decimal(10)


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


def education(info: SourceInfo, tables, roles: dict[str, NamedNode], g, progress: ProgressFactory) -> Iterator[Quad]:
    levels: dict[str, str] = {}
    if "categories" in tables:
        for scale, category, description in tables["categories"].rows(progress):
            if scale.strip() == "RL":
                levels[category.strip()] = description.strip()
    link, requirement = term("education"), term("EducationRequirement")
    level_text, eqf, share = term("levelText"), term("eqfLevel"), term("share")
    for code, scale, category, value in tables["education"].rows(progress):
        code, category = code.strip(), category.strip()
        if scale.strip() != "RL" or code not in roles or Decimal(value.strip()) < SHARE_CUT:
            continue
        node = NamedNode(EDUCATION[f"{info.release}-{code}-{category}"])
        yield Quad(roles[code], link, node, g)
        yield Quad(node, A, requirement, g)
        text = levels.get(category, f"O*NET education category {category}")
        yield Quad(node, level_text, _en(text.split(" - ")[0].strip()), g)
        yield Quad(node, share, decimal(value.strip()), g)
        yield Quad(node, NOTATION, Literal(code), g)
        if category in ONET_CATEGORY_LEVELS:
            yield Quad(node, eqf, integer(ONET_CATEGORY_LEVELS[category]), g)
