"""Import the U.S. Bureau of Labor Statistics' national wages (OEWS) and employment
projections (EP), each release into its own graph: ``source:import-bls-oews-<year>``,
``source:import-bls-ep-<base>-<end>``.

Download, from https://www.bls.gov/oes/tables.htm, the national "XLS" file
(``oesm24nat.zip`` holding ``national_M2024_dl.xlsx``) and, from
https://www.bls.gov/emp/tables.htm, ``occupation.xlsx``; pass either file or a folder
holding them (several OEWS years import as several releases). Workbooks are read with
openpyxl in read-only mode (:mod:`datacareers.importers.sheets`).

Both are keyed by 6-digit SOC codes: each code becomes ``soc/<code>`` (a ``skos:Concept``
with its title @en, ``skos:notation``, ``career:socCode`` and, for a residual "All Other"
group, ``career:residualGroup`` true (:func:`residual`); not a ``career:Role``: the
O*NET occupations under it are the roles, and the shipped facts reach a SOC code through
the O*NET-SOC code a role matches).

- **OEWS** (sheet ``national_M<year>_dl``, rows whose ``O_GROUP`` is ``detailed``):
  ``career:salary`` -> ``salary/bls-oews-<year>-<SOC>``, a ``career:WageDistribution``
  with the annual wage percentiles ``schema:percentile10``, ``percentile25``, ``median``,
  ``percentile75``, ``percentile90`` (``A_PCT10`` ... ``A_PCT90``), ``schema:currency``
  USD, ``schema:duration`` P1Y, ``career:year``, ``career:employment`` (``TOT_EMP``),
  ``career:socCode`` and ``dcterms:source``. In wage cells ``*`` (no estimate) gives no
  value, and ``#`` (at or above the top of the published range) gives no number either:
  the percentile is named by ``career:topCoded`` and the range's top, as the release's
  notes state it ("$239,200 per year" in May 2024), by ``career:atOrAbove``. ``**`` (no
  employment estimate) gives no employment. A code with no annual percentile at all gets
  no distribution.
- **EP** (sheet ``Table 1.2``, "Line item" rows): ``career:outlook`` ->
  ``outlook/bls-ep-<base>-<end>-<SOC>``, a ``career:EmploymentOutlook`` with base and
  projected years and employment, change, change in percent and annual openings.
  The table gives employment in thousands; it is stored in persons, exactly
  (``245.9`` thousand -> 245900, as decimals, never through a float). And
  ``career:education`` -> ``education/bls-ep-<base>-<end>-<SOC>``: the typical
  education needed for entry (``career:levelText`` @en, ``career:entryLevel`` true, an
  EQF level through the QF-EHEA cycles where one exists, :mod:`datacareers.importers.eqf`)
  with the work experience in a related occupation (``career:workExperience`` @en).
  A dash (no data) gives no value.

>>> oews_year(Path("national_M2024_dl.xlsx"))
'2024'
>>> ceiling("#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year ")
Decimal('239200')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import EDUCATION, OUTLOOK, SALARY
from datacareers.errors import ImportFormatError
from datacareers.importers.common import (
    DCTERMS_SOURCE,
    NOTATION,
    PREF_LABEL,
    SCHEMA,
    SKOS_CONCEPT,
    SOC_OCCUPATION,
    TRUE,
    XSD_DURATION,
    A,
    ImportPlan,
    SourceInfo,
    decimal,
    term,
    year,
)
from datacareers.importers.eqf import DEGREE_LEVELS
from datacareers.importers.sheets import Number, Sheet, open_workbook
from datacareers.importers.tables import Check
from datacareers.progress import ProgressFactory

WHAT = "a BLS OEWS or Employment Projections workbook"
LICENSE = "https://creativecommons.org/publicdomain/mark/1.0/"
ATTRIBUTION = "Source: U.S. Bureau of Labor Statistics."
PUBLISHER = "U.S. Bureau of Labor Statistics"
OEWS_URL = "https://www.bls.gov/oes/tables.htm"
EP_URL = "https://www.bls.gov/emp/tables.htm"

SOC6 = Check(r"[0-9]{2}-[0-9]{4}", "a 6-digit SOC code (like 15-2051)")
#: The fewest records a full release has: about a tenth of May 2024 (831 detailed
#: occupations) and of EP 2024-34 (832 line items).
FLOORS = {"oews": 80, "ep": 80}
#: OEWS annual percentile columns and the schema.org property each becomes.
PERCENTILES = {"A_PCT10": "percentile10", "A_PCT25": "percentile25", "A_MEDIAN": "median",
               "A_PCT75": "percentile75", "A_PCT90": "percentile90"}
TOP, NONE = "top-coded", "no estimate"
WAGE = Number(markers={"#": TOP, "*": NONE})
COUNT = Number(markers={"**": NONE})
DASH = Number(markers={"—": None, "-": None})

_OEWS_FILE = re.compile(r"national_M(\d{4})_dl\.xlsx$", re.IGNORECASE)
_CEILING = re.compile(r"#\s*=.*?\$\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*per\s+year", re.IGNORECASE)
_EMPLOYMENT = re.compile(r"Employment, (\d{4})$")


def oews_year(path: Path) -> str | None:
    """The survey year in an OEWS national file name (``national_M2024_dl.xlsx``)."""
    match = _OEWS_FILE.search(path.name)
    return match.group(1) if match else None


def ceiling(note: str) -> Decimal | None:
    """The annual top of the published range, read from the release's own note on ``#``."""
    match = _CEILING.search(note)
    return Decimal(match.group(1).replace(",", "")) if match else None


def _find(path: str | Path) -> tuple[list[Path], Path | None]:
    if not str(path).strip():
        raise ImportFormatError("no file or folder given (pass the BLS workbooks or their folder)")
    root = Path(path)
    if not root.exists():
        raise ImportFormatError(f"{root}: no such file or folder")
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*.xlsx") if p.is_file())
    oews = [p for p in files if oews_year(p)]
    ep = next((p for p in files if p.name.lower() == "occupation.xlsx"), None)
    if not oews and ep is None:
        raise ImportFormatError(f"{root}: no national_M<year>_dl.xlsx or occupation.xlsx found "
                                f"(is this {WHAT}?)")
    return oews, ep


def plans(path: str | Path, version: str | None = None, partial: bool = False) -> list[ImportPlan]:
    """One checked plan per release found at *path* (OEWS years, EP); *version* is unused
    (each workbook names its own release); *partial* accepts a sample."""
    oews, ep = _find(path)
    out = [_oews_plan(p, partial) for p in oews]
    if ep is not None:
        out.append(_ep_plan(ep, partial))
    return out


# ----------------------------------------------------------------- OEWS


def _notes(path: Path) -> Decimal | None:
    book = open_workbook(path)
    try:
        if "Field Descriptions" not in book.sheetnames:
            return None
        for row in book["Field Descriptions"].iter_rows(values_only=True):
            if row and isinstance(row[0], str) and row[0].lstrip().startswith("#"):
                return ceiling(row[0])
    finally:
        book.close()
    return None


def _oews_plan(path: Path, partial: bool) -> ImportPlan:
    survey = oews_year(path)
    columns = ("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", *PERCENTILES)
    sheet = Sheet(path, f"national_M{survey}_dl", columns, "OCC_CODE", SOC6,
                  floor=1 if partial else FLOORS["oews"])
    sheet.check()
    info = SourceInfo(release=f"bls-oews-{survey}", version=f"May {survey}",
                      title=f"Occupational Employment and Wage Statistics (OEWS), May {survey}, national",
                      publisher=PUBLISHER, license=LICENSE, attribution=ATTRIBUTION, url=OEWS_URL)
    top = _notes(path)

    def quads(progress: ProgressFactory) -> Iterator[Quad]:
        return _oews_quads(info, sheet, survey, top, progress)

    return ImportPlan(info, quads)


def residual(code: str) -> bool:
    """Whether a 6-digit SOC 2018 code is a residual "All Other" group: SOC gives residual
    codes a final 9 (in OEWS May 2024 the 70 detailed codes ending in 9 are exactly the 70
    titled "..., All Other").

    >>> residual("15-1299"), residual("11-9199"), residual("15-2051")
    (True, True, False)
    """
    return code.endswith("9")


def _occupation(code: str, title, g) -> Iterator[Quad]:
    s = NamedNode(SOC_OCCUPATION[code])
    yield Quad(s, A, SKOS_CONCEPT, g)
    yield Quad(s, NOTATION, Literal(code), g)
    yield Quad(s, term("socCode"), Literal(code), g)
    if residual(code):
        yield Quad(s, term("residualGroup"), Literal(True), g)
    if isinstance(title, str) and title.strip():
        yield Quad(s, PREF_LABEL, Literal(title.strip(), language="en"), g)


def _oews_quads(info: SourceInfo, sheet: Sheet, survey: str, top: Decimal | None,
                progress: ProgressFactory) -> Iterator[Quad]:
    g = NamedNode(info.graph)
    yield from info.quads()
    wage_class = term("WageDistribution")
    for number, row in sheet.rows(progress):
        if str(row["O_GROUP"]).strip() != "detailed":
            continue
        code = str(row["OCC_CODE"]).strip()
        where = f"{sheet.name}: row {number}"
        values = {p: WAGE.parse(row[c], f"{where}: {c}") for c, p in PERCENTILES.items()}
        numbers = {p: v for p, v in values.items() if isinstance(v, Decimal)}
        topped = [p for p, v in values.items() if v == TOP]
        if not numbers:
            continue
        yield from _occupation(code, row["OCC_TITLE"], g)
        w = NamedNode(SALARY[f"{info.release}-{code}"])
        yield Quad(NamedNode(SOC_OCCUPATION[code]), term("salary"), w, g)
        yield Quad(w, A, wage_class, g)
        yield Quad(w, A, NamedNode(SCHEMA + "MonetaryAmountDistribution"), g)
        for prop, value in numbers.items():
            yield Quad(w, NamedNode(SCHEMA + prop), decimal(value), g)
        if topped and top is not None:
            for prop in topped:
                yield Quad(w, term("topCoded"), NamedNode(SCHEMA + prop), g)
            yield Quad(w, term("atOrAbove"), decimal(top), g)
        yield Quad(w, NamedNode(SCHEMA + "currency"), Literal("USD"), g)
        yield Quad(w, NamedNode(SCHEMA + "duration"), Literal("P1Y", datatype=XSD_DURATION), g)
        yield Quad(w, term("year"), year(survey), g)
        employment = COUNT.parse(row["TOT_EMP"], f"{where}: TOT_EMP")
        if isinstance(employment, Decimal):
            yield Quad(w, term("employment"), decimal(employment), g)
        yield Quad(w, term("socCode"), Literal(code), g)
        yield Quad(w, DCTERMS_SOURCE, g, g)


# ----------------------------------------------------------------- Employment Projections

EP_SHEET = "Table 1.2"


def _ep_columns(path: Path) -> tuple[str, str, dict[str, str]]:
    """The base and projected years (from the header's "Employment, <year>" columns) and
    the header names of the columns we use."""
    book = open_workbook(path)
    try:
        if EP_SHEET not in book.sheetnames:
            raise ImportFormatError(f"{path.name}: no sheet {EP_SHEET!r} (found: {', '.join(book.sheetnames[:8])})")
        for row in book[EP_SHEET].iter_rows(max_row=10, values_only=True):
            cells = [str(c).strip() if c is not None else "" for c in row]
            years = [m.group(1) for c in cells if (m := _EMPLOYMENT.match(c))]
            code = next((c for c in cells if c.endswith("National Employment Matrix code")), None)
            if len(years) == 2 and code:
                base, end = years
                span = f"{base}–{end[2:]}"
                return base, end, {
                    "code": code, "title": code.replace(" code", " title"), "type": "Occupation type",
                    "base": f"Employment, {base}", "end": f"Employment, {end}",
                    "change": f"Employment change, numeric, {span}", "percent": f"Employment change, percent, {span}",
                    "openings": f"Occupational openings, {span} annual average",
                    "education": "Typical education needed for entry",
                    "experience": "Work experience in a related occupation"}
    finally:
        book.close()
    raise ImportFormatError(f"{path.name} [{EP_SHEET}]: no header row with two 'Employment, <year>' columns "
                            "and the National Employment Matrix code")


def _ep_plan(path: Path, partial: bool) -> ImportPlan:
    base, end, names = _ep_columns(path)
    sheet = Sheet(path, EP_SHEET, tuple(names.values()), names["code"], SOC6,
                  floor=1 if partial else FLOORS["ep"])
    sheet.check()
    release = f"bls-ep-{base}-{end[2:]}"
    info = SourceInfo(release=release, version=f"{base}-{end[2:]}",
                      title=f"Employment Projections {base}-{end[2:]} (National Employment Matrix, Table 1.2)",
                      publisher=PUBLISHER, license=LICENSE, attribution=ATTRIBUTION, url=EP_URL)

    def quads(progress: ProgressFactory) -> Iterator[Quad]:
        return _ep_quads(info, sheet, names, base, end, progress)

    return ImportPlan(info, quads)


def persons(thousands: Decimal, where: str) -> Decimal:
    """Thousands as published -> persons, exactly (an error if not a whole number).

    >>> persons(Decimal("245.9"), "x")
    Decimal('245900.0')
    """
    value = thousands * 1000
    if value != value.to_integral_value():
        raise ImportFormatError(f"{where}: {thousands} thousand is not a whole number of persons")
    return value


def _ep_quads(info: SourceInfo, sheet: Sheet, names: dict[str, str], base: str, end: str,
              progress: ProgressFactory) -> Iterator[Quad]:
    g = NamedNode(info.graph)
    yield from info.quads()
    for number, row in sheet.rows(progress):
        if str(row[names["type"]]).strip() != "Line item":
            continue
        code = str(row[names["code"]]).strip()
        where = f"{sheet.name}: row {number}"
        value = {k: DASH.parse(row[names[k]], f"{where}: {names[k]}")
                 for k in ("base", "end", "change", "percent", "openings")}
        yield from _occupation(code, row[names["title"]], g)
        s = NamedNode(SOC_OCCUPATION[code])
        if value["base"] is not None and value["end"] is not None:
            o = NamedNode(OUTLOOK[f"{info.release}-{code}"])
            yield Quad(s, term("outlook"), o, g)
            yield Quad(o, A, term("EmploymentOutlook"), g)
            yield Quad(o, term("baseYear"), year(base), g)
            yield Quad(o, term("projectedYear"), year(end), g)
            for key, prop in (("base", "baseEmployment"), ("end", "projectedEmployment"),
                              ("change", "employmentChange"), ("openings", "annualOpenings")):
                if value[key] is not None:
                    yield Quad(o, term(prop), decimal(persons(value[key], f"{where}: {names[key]}")), g)
            if value["percent"] is not None:
                yield Quad(o, term("employmentChangePercent"), decimal(value["percent"]), g)
            yield Quad(o, term("socCode"), Literal(code), g)
            yield Quad(o, DCTERMS_SOURCE, g, g)
        yield from _entry_education(info, row, names, code, s, g)


def _text(value) -> str:
    text = str(value).strip() if value is not None else ""
    return "" if text in ("—", "-") else text


def _entry_education(info: SourceInfo, row: dict, names: dict[str, str], code: str, s, g) -> Iterator[Quad]:
    level = _text(row[names["education"]])
    if not level:
        return
    e = NamedNode(EDUCATION[f"{info.release}-{code}"])
    yield Quad(s, term("education"), e, g)
    yield Quad(e, A, term("EducationRequirement"), g)
    yield Quad(e, term("levelText"), Literal(level, language="en"), g)
    yield Quad(e, term("entryLevel"), TRUE, g)
    if level in DEGREE_LEVELS:
        yield Quad(e, term("eqfLevel"), decimal(DEGREE_LEVELS[level]), g)
    experience = _text(row[names["experience"]])
    if experience:
        yield Quad(e, term("workExperience"), Literal(experience, language="en"), g)
    yield Quad(e, DCTERMS_SOURCE, g, g)
