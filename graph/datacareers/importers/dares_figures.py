"""The figures of a Dares import, per FAP family: pay, employment, women, diplomas,
sectors, employers. Each figure is a node with its period (or year), the people it counts
(``career:population``), its family's code, its source graph and the survey Dares read it
from (``prov:wasDerivedFrom``); numbers are kept as published (``NA`` gives no figure).

- ``salaire_median_3niv.csv``: ``career:salary`` -> ``salary/<release>-<FAP>-<first>-<last>``,
  a ``career:WageDistribution`` with ``schema:median`` (net monthly pay of full-time
  employees, EUR, ``P1M``, ``career:gross false``);
- ``salaires_3niv.csv``: the 2017-2019 distribution's ``career:band``s (``career:PayBand``:
  ``schema:minValue`` included, ``schema:maxValue`` excluded, ``career:percentage``,
  ``career:thousands``);
- ``effectifs_3niv.csv``: ``career:employmentEstimate`` per year (thousands);
- ``part_femmes_3niv.csv``, ``dipl_restructure_3niv.csv``, ``secteurs_employeurs_3niv.csv``,
  ``categorie_employeur_3niv.csv``, ``specialite_diplome_3niv.csv``: ``career:womenShare``,
  ``diplomaShare``, ``sectorShare``, ``employerShare``, ``fieldShare`` ->
  ``career:WorkforceShare`` (``career:shareOf`` the sector, diploma... it counts).

>>> band_bounds("De 1250 € à moins de 1500 €", "x"), band_bounds("3000 € ou plus", "x")
((1250, 1500), (3000, None))
>>> number("45.4373907127196", "x"), number("NA", "x")
(Decimal('45.4373907127196'), None)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import BASE_IRI, EMPLOYMENT, SALARY, SHARE, _Base
from datacareers.errors import ImportFormatError
from datacareers.importers.common import (
    DCTERMS_SOURCE,
    NOTATION,
    PREF_LABEL,
    SCHEMA,
    SKOS_CONCEPT,
    XSD_DURATION,
    A,
    decimal,
    slug,
    term,
    year,
)
from datacareers.importers.dares_families import Families
from datacareers.importers.fap import is_family, period
from datacareers.importers.fap import year as checked_year
from datacareers.importers.tables import Check, Table
from datacareers.progress import ProgressFactory

NUMBER = Check(r"-?[0-9]+(?:\.[0-9]+)?|NA", "a number (or NA)")
#: Sectors of the NA 2008 in 38 items (``naf/JC``), kinds of employer, diplomas, NSF fields.
NAF = _Base(BASE_IRI + "naf/")
EMPLOYER_KIND = _Base(BASE_IRI + "dares/employeur/")
DIPLOMA = _Base(BASE_IRI + "dares/diplome/")
NSF = _Base(BASE_IRI + "nsf/")
#: The surveys Dares names as the source of each kind of figure.
SURVEY = _Base(BASE_IRI + "survey/")
ENQUETE_EMPLOI = NamedNode(SURVEY["insee-enquete-emploi"])
DERIVED = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
#: The period of the files that give none in their rows (the methodology note gives it).
LATEST = ("2017", "2019")

_BANDS = (re.compile(r"Moins de ([0-9]+) €"), re.compile(r"De ([0-9]+) € à moins de ([0-9]+) €"),
          re.compile(r"([0-9]+) € ou plus"))


def number(text: str, where: str) -> Decimal | None:
    """A published number as an exact decimal; None for ``NA`` or an empty cell."""
    text = text.strip()
    if text in ("", "NA"):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ImportFormatError(f"{where}: {text!r} is not a number") from None


def band_bounds(label: str, where: str) -> tuple[int | None, int | None]:
    """(lower bound included, upper bound excluded) of a band as Dares words it."""
    text = " ".join(label.split())
    low, mid, high = (p.fullmatch(text) for p in _BANDS)
    if low:
        return None, int(low.group(1))
    if mid and int(mid.group(1)) < int(mid.group(2)):
        return int(mid.group(1)), int(mid.group(2))
    if high:
        return int(high.group(1)), None
    raise ImportFormatError(f"{where}: {label!r} is not a pay band (like 'De 1250 € à moins de 1500 €')")


def uniform(counts: Counter, name: str, what: str) -> None:
    """Every family has as many rows as most do: a file cut inside a family's rows (its
    last family short of rows) is refused."""
    if len(set(counts.values())) <= 1:
        return
    expected = Counter(counts.values()).most_common(1)[0][0]
    odd = sorted(code for code, n in counts.items() if n != expected)
    raise ImportFormatError(f"{name}: {odd[0]} has {counts[odd[0]]} {what} where the other families have "
                            f"{expected}: the file looks cut short or damaged")


@dataclass
class Figures:
    """What every figure of one import shares: its release, graph and families."""

    release: str
    graph: NamedNode
    families: Families

    def figure(self, node: NamedNode, kind: str, code: str, when: tuple[str, str] | str,
               population: str | None, survey: NamedNode = ENQUETE_EMPLOI) -> Iterator[Quad]:
        g = self.graph
        yield Quad(node, A, term(kind), g)
        yield Quad(node, term("fapCode"), Literal(code), g)
        if isinstance(when, tuple):
            yield Quad(node, term("periodStart"), year(when[0]), g)
            yield Quad(node, term("periodEnd"), year(when[1]), g)
        else:
            yield Quad(node, term("year"), year(when), g)
        if population:
            yield Quad(node, term("population"), term(population), g)
        yield Quad(node, DCTERMS_SOURCE, g, g)
        yield Quad(node, DERIVED, survey, g)

    # ------------------------------------------------------------- pay

    def distribution(self, code: str, when: tuple[str, str]) -> tuple[NamedNode, list[Quad]]:
        node = NamedNode(SALARY[f"{self.release}-{code}-{when[0]}-{when[1]}"])
        g = self.graph
        quads = [Quad(self.families.node(code), term("salary"), node, g),
                 Quad(node, A, NamedNode(SCHEMA + "MonetaryAmountDistribution"), g),
                 *self.figure(node, "WageDistribution", code, when, "fullTimeEmployees"),
                 *self._money(node),
                 Quad(node, term("gross"), Literal("false", datatype=NamedNode(
                     "http://www.w3.org/2001/XMLSchema#boolean")), g)]
        return node, quads

    def _money(self, node: NamedNode) -> list[Quad]:
        g = self.graph
        return [Quad(node, NamedNode(SCHEMA + "currency"), Literal("EUR"), g),
                Quad(node, NamedNode(SCHEMA + "duration"), Literal("P1M", datatype=XSD_DURATION), g)]

    def medians(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        periods: Counter = Counter()
        for line, (code, text, value) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            when = period(text, where)
            median = number(value, where)
            if not is_family(code):
                continue
            periods[code] += 1
            if median is None:
                continue
            node, quads = self.distribution(code, when)
            yield from quads
            yield Quad(node, NamedNode(SCHEMA + "median"), decimal(median), self.graph)
        uniform(periods, table.name, "periods")

    def bands(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        g, counts = self.graph, Counter()
        for line, (code, label, thousands, percent) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            low, high = band_bounds(label, where)
            values = number(thousands, where), number(percent, where)
            if not is_family(code):
                continue
            counts[code] += 1
            if values == (None, None):
                continue
            node, quads = self.distribution(code, LATEST)
            yield from quads
            band = NamedNode(f"{node.value}-{slug(label)}")
            yield Quad(node, term("band"), band, g)
            yield Quad(band, A, term("PayBand"), g)
            yield Quad(band, PREF_LABEL, Literal(" ".join(label.split()), language="fr"), g)
            yield from self._money(band)
            for prop, bound in ((SCHEMA + "minValue", low), (SCHEMA + "maxValue", high)):
                if bound is not None:
                    yield Quad(band, NamedNode(prop), decimal(bound), g)
            yield from self._amounts(band, *values)
        uniform(counts, table.name, "pay bands")

    def _amounts(self, node: NamedNode, thousands: Decimal | None, percent: Decimal | None,
                 key: str = "percentage") -> Iterator[Quad]:
        if thousands is not None:
            yield Quad(node, term("thousands"), decimal(thousands), self.graph)
        if percent is not None:
            yield Quad(node, term(key), decimal(percent), self.graph)

    # ------------------------------------------------------------- people in the job

    def employment(self, table: Table, codes: list[str], progress: ProgressFactory) -> Iterator[Quad]:
        """``effectifs_3niv.csv``: a row per year, a column per family (thousands)."""
        g = self.graph
        for line, (when, *values) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            when = checked_year(when, where)
            for code, text in zip(codes, values, strict=True):
                value = number(text, f"{where}: {code}")
                if value is None or not is_family(code):
                    continue
                node = NamedNode(EMPLOYMENT[f"{self.release}-{code}-{when}"])
                yield Quad(self.families.node(code), term("employmentEstimate"), node, g)
                yield from self.figure(node, "EmploymentEstimate", code, when, "peopleInEmployment")
                yield Quad(node, term("thousands"), decimal(value), g)

    def _share(self, link: str, code: str, key: str, when: tuple[str, str], population: str) -> Iterator[Quad]:
        node = NamedNode(SHARE[f"{self.release}-{code}-{key}-{when[0]}-{when[1]}"])
        yield Quad(self.families.node(code), term(link), node, self.graph)
        yield from self.figure(node, "WorkforceShare", code, when, population)

    def _category(self, node: NamedNode, concept: NamedNode, kind: NamedNode, label: str,
                  code: str | None = None) -> Iterator[Quad]:
        g = self.graph
        yield Quad(node, term("shareOf"), concept, g)
        yield Quad(concept, A, kind, g)
        yield Quad(concept, PREF_LABEL, Literal(" ".join(label.split()), language="fr"), g)
        if code:
            yield Quad(concept, NOTATION, Literal(code), g)

    def women(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        for line, (code, text, value) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            when, share = period(text, where), number(value, where)
            if share is None or not is_family(code):
                continue
            quads = list(self._share("womenShare", code, "women", when, "peopleInEmployment"))
            yield from quads
            yield Quad(quads[0].object, term("percentage"), decimal(share), self.graph)

    def diplomas(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        groups: Counter = Counter()
        for line, (code, label, text, value) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            when, share = period(text, where), number(value, where)
            if not is_family(code):
                continue
            groups[(code, when)] += 1
            if share is None:
                continue
            key = f"diploma-{slug(label)}"
            quads = list(self._share("diplomaShare", code, key, when, "peopleInEmployment"))
            yield from quads
            node = quads[0].object
            yield from self._category(node, NamedNode(DIPLOMA[slug(label)]), SKOS_CONCEPT, label)
            yield Quad(node, term("proportion"), decimal(share), self.graph)
        uniform(Counter({f"{c} {w[0]}-{w[1]}": n for (c, w), n in groups.items()}), table.name, "diplomas")

    def sectors(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        for line, (code, sector, label, thousands, percent) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            values = number(thousands, where), number(percent, where)
            if not is_family(code) or values == (None, None):
                continue
            quads = list(self._share("sectorShare", code, f"sector-{sector}", LATEST, "peopleInEmployment"))
            yield from quads
            yield from self._category(quads[0].object, NamedNode(NAF[sector]), term("Sector"), label, sector)
            yield from self._amounts(quads[0].object, *values)

    def employers(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        counts: Counter = Counter()
        for line, (code, kind, thousands, percent) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            values = number(thousands, where), number(percent, where)
            if not is_family(code):
                continue
            counts[code] += 1
            if values == (None, None):
                continue
            quads = list(self._share("employerShare", code, f"employer-{slug(kind)}", LATEST, "employees"))
            yield from quads
            yield from self._category(quads[0].object, NamedNode(EMPLOYER_KIND[slug(kind)]),
                                      term("EmployerType"), kind)
            yield from self._amounts(quads[0].object, *values)
        uniform(counts, table.name, "kinds of employer")

    def fields(self, table: Table, progress: ProgressFactory) -> Iterator[Quad]:
        for line, (code, field, label, thousands, percent) in table.rows(progress, numbered=True):
            where = f"{table.name}: line {line}"
            values = number(thousands, where), number(percent, where)
            if not is_family(code) or values == (None, None):
                continue
            quads = list(self._share("fieldShare", code, f"field-{field}", LATEST, "youngGraduates"))
            yield from quads
            yield from self._category(quads[0].object, NamedNode(NSF[field]), SKOS_CONCEPT, label, field)
            yield from self._amounts(quads[0].object, *values)
