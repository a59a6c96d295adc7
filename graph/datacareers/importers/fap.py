"""The FAP 2009 code system (Dares's *familles professionnelles*) and the periods of the
Dares files, checked strictly.

A FAP code has three levels: a **domain** letter (``M`` Informatique et
télécommunications), a **FAP 87** family of three characters (``M2Z`` Ingénieurs de
l'informatique) and a **FAP 225** family of five (``M2Z90`` Ingénieurs et cadres d'étude,
recherche et développement en informatique, chefs de projets informatiques). Each level's
parent is its code cut to the level above. The files also hold rows that are no family:
``Ensemble`` / ``ENS`` (every occupation), ``Z`` / ``ZZZ`` / ``ZZZZZ`` (not stated or
other): :data:`NOT_A_FAMILY`, read as such and left out.

A period is two years, the first before the last (``2017-2019``: the three years pooled by
the Enquête Emploi); a year is four digits.

>>> level("M2Z90"), parent("M2Z90"), parent("M2Z"), parent("M")
('fap225', 'M2Z', 'M', None)
>>> FAP_CODE.problem("M2Z9")
"'M2Z9' is not a FAP 2009 code (a domain letter like M, a FAP 87 family like M2Z, a FAP 225 family like M2Z90)"
>>> period("2017-2019", "x")
('2017', '2019')
>>> period("2019-2017", "salaires.csv: line 3")
Traceback (most recent call last):
datacareers.errors.ImportFormatError: salaires.csv: line 3: '2019-2017' is not a period (its first year, ...)
"""

from __future__ import annotations

import re

from datacareers.constants import BASE_IRI, _Base
from datacareers.errors import ImportFormatError
from datacareers.importers.tables import Check

#: FAP families of every level: ``fap/M``, ``fap/M2Z``, ``fap/M2Z90``.
FAP = _Base(BASE_IRI + "fap/")
#: The INSEE socio-professional categories (PCS 2003) a FAP groups: ``pcs/388a``.
PCS = _Base(BASE_IRI + "pcs/")
#: The ROME v3 fiches (before ROME 4.0) a FAP groups: ``rome-v3/M1805``.
ROME_V3 = _Base(BASE_IRI + "rome-v3/")
#: Places: ``geo/fr``, ``geo/fr-region-11``, ``geo/fr-departement-75``.
GEO = _Base(BASE_IRI + "geo/")

#: Rows of the files that are no family (every occupation, not stated): read, then left out.
NOT_A_FAMILY = frozenset({"Ensemble", "ENS", "Z", "ZZZ", "ZZZZZ"})

_LEVELS = {1: "domain", 3: "fap87", 5: "fap225"}
_SHAPE = r"[A-Z]|[A-Z][0-9][A-Z]|[A-Z][0-9][A-Z][0-9]{2}"
_WHAT = "a FAP 2009 code (a domain letter like M, a FAP 87 family like M2Z, a FAP 225 family like M2Z90)"
#: A FAP code of any level, or one of the rows that are no family.
FAP_CODE = Check("|".join([_SHAPE, *sorted(NOT_A_FAMILY)]), _WHAT)
#: A FAP 225 family only (the level Dares links to PCS and ROME).
FAP225_CODE = Check(r"[A-Z][0-9][A-Z][0-9]{2}", "a FAP 225 code (like M2Z90)")
PCS_CODE = Check(r"[0-9]{3}[a-z]", "a PCS 2003 code (three digits and a letter, like 388a)")
ROME_V3_CODE = Check(r"[A-N][0-9]{4}|NA", "a ROME v3 code (a letter A to N and four digits, like M1805)")
YEAR = Check(r"[0-9]{4}", "a year (four digits)")
PERIOD = Check(r"[0-9]{4}-[0-9]{4}", "a period (two years, like 2017-2019)")

_PERIOD = re.compile(r"([0-9]{4})-([0-9]{4})", re.ASCII)


def level(code: str) -> str:
    """``domain``, ``fap87`` or ``fap225``."""
    return _LEVELS[len(code)]


def parent(code: str) -> str | None:
    """The family one level up (None for a domain)."""
    return {5: code[:3], 3: code[:1]}.get(len(code))


def is_family(code: str) -> bool:
    return code not in NOT_A_FAMILY


def period(text: str, where: str) -> tuple[str, str]:
    """(first year, last year) of a period such as ``2017-2019``, or one clear error."""
    match = _PERIOD.fullmatch(text.strip())
    if not match:
        raise ImportFormatError(f"{where}: {text!r} is not a period (two years, like 2017-2019)")
    first, last = match.groups()
    if first >= last:
        why = f"its first year, {first}, is after its last, {last}" if first > last else "it is one year"
        raise ImportFormatError(f"{where}: {text!r} is not a period ({why})")
    return first, last


def year(text: str, where: str) -> str:
    """A four-digit year, or one clear error."""
    text = text.strip()
    if YEAR.problem(text):
        raise ImportFormatError(f"{where}: {text!r} is not a year (four digits)")
    return text
