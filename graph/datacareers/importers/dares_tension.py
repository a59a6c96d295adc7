"""Hiring tensions of a Dares import: Dares and Pôle emploi's indicator per FAP family.

- ``tensions/tensions.csv`` (2019): per family (FAP 225 and FAP 87) and place (France,
  every region, every département), ``career:tension`` ->
  ``tension/<release>-<FAP>-<year>-<place>``, a ``career:HiringTension`` with the synthetic
  indicator (``schema:value``, centred and scaled on 2014-2018), its category 1-5
  (``career:tensionCategory``), its six components on a 1-5 scale (:data:`COMPONENTS`),
  the average employment it is computed on (``career:employment``), ``career:year`` and
  ``career:geography``. A row with no indicator gives nothing; a place given twice for a
  family is an error.
- ``tensions/evol_tensions.csv``: the national indicator for 2011-2019, the same nodes
  (``...-<year>-fr``) with the value only; where both files give a year, they must agree.

>>> category("5.0", "x"), category("", "x")
(5, None)
>>> category("6.0", "x")
Traceback (most recent call last):
datacareers.errors.ImportFormatError: x: '6.0' is not a category from 1 to 5
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import NamedNode, Quad

from datacareers.constants import TENSION
from datacareers.errors import ImportFormatError
from datacareers.importers.common import SCHEMA, decimal, integer, term
from datacareers.importers.dares_families import place
from datacareers.importers.dares_figures import SURVEY, Figures, number
from datacareers.importers.fap import FAP_CODE, is_family
from datacareers.importers.fap import year as checked_year
from datacareers.importers.tables import Table
from datacareers.progress import ProgressFactory

TENSION_SURVEY = NamedNode(SURVEY["dares-pole-emploi-tensions"])
#: The columns of the six components (Dares's words) and the property each becomes.
COMPONENTS = {
    "Intensité d'embauches": "hiringIntensity",
    "Lien formation-emploi": "trainingEmploymentLink",
    "Manque de main-d'œuvre disponible": "labourShortage",
    "Non-durabilité de l'emploi": "jobNonDurability",
    "Conditions de travail contraignantes": "workingConditions",
    "Inadéquation géographique": "geographicMismatch",
}
COLUMNS = ("fap", "Emploi moyen", "Tension", "Catégorie Tension", *COMPONENTS, "Année", "niveau_geo",
           "niveau_fap", "reg", "dep")
SERIES_COLUMNS = ("fap", "Tension", "Année")
_LEVELS = {"fap 225": 5, "fap 87": 3}


def category(text: str, where: str) -> int | None:
    """A 1-5 class as Dares writes it (``5.0``), or None for an empty cell."""
    value = number(text, where)
    if value is None:
        return None
    if value != value.to_integral_value() or not 1 <= value <= 5:
        raise ImportFormatError(f"{where}: {text!r} is not a category from 1 to 5")
    return int(value)


class Tensions:
    """Reads both tension files into one set of nodes."""

    def __init__(self, figures: Figures):
        self.figures = figures
        self.national: dict[tuple[str, str], Decimal] = {}

    def _node(self, code: str, when: str, local: str) -> NamedNode:
        return NamedNode(TENSION[f"{self.figures.release}-{code}-{when}-{local}"])

    def _start(self, node: NamedNode, code: str, when: str, local: str, geo: str) -> Iterator[Quad]:
        g, families = self.figures.graph, self.figures.families
        yield Quad(families.node(code), term("tension"), node, g)
        yield from self.figures.figure(node, "HiringTension", code, when, None, TENSION_SURVEY)
        yield Quad(node, term("geography"), families.place(local, geo), g)

    def indicators(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        g, seen = self.figures.graph, set()
        for line, row in table.rows(progress, numbered=True):
            record = dict(zip(COLUMNS, row, strict=True))
            where = f"{table.name}: line {line}"
            code, when = record["fap"], checked_year(record["Année"], where)
            level = record["niveau_fap"].strip()
            if _LEVELS.get(level) != len(code):
                raise ImportFormatError(f"{where}: {code} is not a {level or 'FAP'} family")
            local, geo = place(record["niveau_geo"].strip(), record["reg"], record["dep"], where)
            if (code, when, local) in seen:
                raise ImportFormatError(f"{where}: a second row for {code}, {when}, {local}")
            seen.add((code, when, local))
            value = number(record["Tension"], f"{where}: Tension")
            if value is None:
                continue
            if local == "fr":
                self.national[(code, when)] = value
            node = self._node(code, when, local)
            yield from self._start(node, code, when, local, geo)
            yield Quad(node, NamedNode(SCHEMA + "value"), decimal(value), g)
            found = category(record["Catégorie Tension"], f"{where}: Catégorie Tension")
            if found is not None:
                yield Quad(node, term("tensionCategory"), integer(found), g)
            for column, prop in COMPONENTS.items():
                found = category(record[column], f"{where}: {column}")
                if found is not None:
                    yield Quad(node, term(prop), integer(found), g)
            employment = number(record["Emploi moyen"], f"{where}: Emploi moyen")
            if employment is not None:
                yield Quad(node, term("employment"), decimal(employment), g)

    def series(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        g, seen = self.figures.graph, set()
        for line, (code, text, when) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            when = checked_year(when, where)
            value = number(text, f"{where}: Tension")
            if value is None or not is_family(code):
                continue
            if (code, when) in seen:
                raise ImportFormatError(f"{where}: a second value for {code} in {when}")
            seen.add((code, when))
            known = self.national.get((code, when))
            if known is not None:
                if known != value:
                    raise ImportFormatError(f"{where}: {code} {when}: {value} here, {known} in tensions.csv")
                continue
            node = self._node(code, when, "fr")
            yield from self._start(node, code, when, "fr", "FR")
            yield Quad(node, NamedNode(SCHEMA + "value"), decimal(value), g)


__all__ = ["COLUMNS", "COMPONENTS", "FAP_CODE", "SERIES_COLUMNS", "Tensions", "category"]
