"""The FAP 2009 families of a Dares import, their labels and parents, the PCS and ROME v3
codes Dares groups under them, and the places its figures are published for.

Every family a figure names is minted once, ``fap/<code>`` (a ``career:FapFamily``, with
``career:fapCode``, ``skos:notation``, ``skos:broader`` the family one level up, and its
French label). Labels come from ``part_femmes_3niv.csv`` (its ``libelle``, and the labels
of each row's domain and FAP 87 family, which must be the row's own parents), else from
Dares's data dictionary (``dictionnaire-variables-psm.xlsx``), which also names the
regions. ``FAP_PCS.csv`` and ``fap225_rome.csv`` give ``pcs/<code>`` and ``rome-v3/<code>``
(French label, ``skos:broadMatch`` the FAP 225 family).

>>> from pyoxigraph import NamedNode
>>> families = Families(NamedNode("https://w3id.org/datacareers/source/x"))
>>> families.node("M2Z90").value
'https://w3id.org/datacareers/fap/M2Z90'
>>> sorted(families.codes)
['M', 'M2Z', 'M2Z90']
>>> region_code("11.0", "x"), region_code("1.0", "x"), place("dep", "", "2A", "x")[0]
('11', '01', 'fr-departement-2A')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.errors import ImportFormatError
from datacareers.importers.common import BROADER, NOTATION, PREF_LABEL, SCHEMA, SKOS, SKOS_CONCEPT, A, term
from datacareers.importers.fap import FAP, GEO, PCS, ROME_V3, is_family, parent
from datacareers.importers.sheets import open_workbook
from datacareers.importers.tables import Table
from datacareers.progress import ProgressFactory

BROAD_MATCH = NamedNode(SKOS + "broadMatch")
CONTAINED_IN = NamedNode(SCHEMA + "containedInPlace")
AREA = NamedNode(SCHEMA + "AdministrativeArea")
FRANCE = NamedNode(GEO["fr"])
_REGION = re.compile(r"([0-9]{1,2})(?:\.0)?", re.ASCII)
_DEPARTEMENT = re.compile(r"[0-9]{2}|2[AB]|97[1-6]", re.ASCII)
#: The header of the data dictionary's sheet (its first three columns are read).
DICTIONARY_HEADER = ("Nom_variable", "Modalite", "Label")


def _fr(text: str) -> Literal:
    return Literal(text, language="fr")


def region_code(text: str, where: str) -> str:
    """An INSEE region code as Dares writes it (``11.0``, ``1.0``) -> ``11``, ``01``."""
    match = _REGION.fullmatch(text.strip())
    if not match:
        raise ImportFormatError(f"{where}: {text!r} is not a region code (INSEE, like 11 or 11.0)")
    return match.group(1).zfill(2)


def place(level: str, region: str, departement: str, where: str) -> tuple[str, str]:
    """(local name under geo/, INSEE code) of a row's place: France, a region or a département."""
    if level == "nat":
        return "fr", "FR"
    if level == "reg":
        code = region_code(region, where)
        return f"fr-region-{code}", code
    if level == "dep":
        code = departement.strip()
        if not _DEPARTEMENT.fullmatch(code):
            raise ImportFormatError(f"{where}: {departement!r} is not a département code (like 01, 2A or 971)")
        return f"fr-departement-{code}", code
    raise ImportFormatError(f"{where}: niveau_geo {level!r} is not nat, reg or dep")


class Families:
    """The families and places an import names, described once at the end."""

    def __init__(self, graph: NamedNode):
        self.graph = graph
        self.codes: set[str] = set()
        self.labels: dict[str, str] = {}
        self.fallback: dict[str, str] = {}  # from the data dictionary
        self.places: dict[str, str] = {}  # local name -> INSEE code
        self.region_names: dict[str, str] = {}

    def node(self, code: str) -> NamedNode:
        """``fap/<code>``, remembered with its parents."""
        found = code
        while found and found not in self.codes:
            self.codes.add(found)
            found = parent(found)
        return NamedNode(FAP[code])

    def place(self, local: str, code: str) -> NamedNode:
        self.places[local] = code
        return NamedNode(GEO[local])

    def read_labels(self, table: Table, progress: ProgressFactory) -> None:
        """Labels of each family and of its parents, from ``part_femmes_3niv.csv``."""
        for line, (code, label, domain, domain_label, fap87, fap87_label) in table.rows(progress, numbered=True):
            if not is_family(code):
                continue
            where = f"{table.name}: line {line}"
            for own, expected, text in ((code, code, label), (domain, code[:1], domain_label),
                                        (fap87, code[:3] if len(code) >= 3 else "NA", fap87_label)):
                if own == "NA":
                    continue
                if own != expected:
                    raise ImportFormatError(f"{where}: {code} is given the parent {own}, not {expected}")
                self._label(own, text.strip(), where)

    def _label(self, code: str, text: str, where: str) -> None:
        if not text or text == code or text == "NA":
            return  # the file gives the code itself where it has no label
        known = self.labels.setdefault(code, text)
        if known != text:
            raise ImportFormatError(f"{where}: {code} is labelled {text!r}, and {known!r} on an earlier line")

    def read_dictionary(self, path: Path) -> None:
        """FAP 225 labels and region names from Dares's data dictionary (a workbook)."""
        book = open_workbook(path)
        try:
            rows = book.worksheets[0].iter_rows(values_only=True)
            header = tuple(str(c).strip() if c is not None else "" for c in next(rows, ())[:3])
            if header != DICTIONARY_HEADER:
                raise ImportFormatError(f"{path.name}: the first row is {header}, not {DICTIONARY_HEADER} "
                                        "(is this Dares's dictionnaire des variables?)")
            for number, row in enumerate(rows, start=2):
                name, value, label = (list(row[:3]) + [None] * 3)[:3]
                if name == "fap (ou Fap)" and value and label:
                    self.fallback[str(value).strip()] = str(label).strip()
                elif name == "code_reg" and value is not None and label:
                    self.region_names[region_code(str(value), f"{path.name}: row {number}")] = str(label).strip()
        finally:
            book.close()

    def quads(self) -> Iterator[Quad]:
        g = self.graph
        for code in sorted(self.codes):
            s = NamedNode(FAP[code])
            yield Quad(s, A, term("FapFamily"), g)
            yield Quad(s, A, SKOS_CONCEPT, g)
            yield Quad(s, term("fapCode"), Literal(code), g)
            yield Quad(s, NOTATION, Literal(code), g)
            label = self.labels.get(code) or self.fallback.get(code)
            if label:
                yield Quad(s, PREF_LABEL, _fr(label), g)
            if parent(code):
                yield Quad(s, BROADER, NamedNode(FAP[parent(code)]), g)
        for local, code in sorted(self.places.items()):
            s = NamedNode(GEO[local])
            yield Quad(s, A, AREA, g)
            yield Quad(s, NOTATION, Literal(code), g)
            if local == "fr":
                yield Quad(s, PREF_LABEL, _fr("France"), g)
                yield Quad(s, PREF_LABEL, Literal("France", language="en"), g)
                continue
            yield Quad(s, CONTAINED_IN, FRANCE, g)
            if local.startswith("fr-region-") and code in self.region_names:
                yield Quad(s, PREF_LABEL, _fr(self.region_names[code]), g)


def correspondences(table: Table, families: Families, base, progress: ProgressFactory) -> Iterator[Quad]:
    """PCS (``FAP_PCS.csv``) or ROME v3 (``fap225_rome.csv``) codes and the family each is in."""
    g = families.graph
    seen: set[str] = set()
    for code, other, label in table.rows(progress):
        if not code or other == "NA":  # the file ends with empty records; a family with no ROME fiche
            continue
        s = NamedNode(base[other])
        yield Quad(s, BROAD_MATCH, families.node(code), g)
        if other not in seen:
            seen.add(other)
            yield Quad(s, A, SKOS_CONCEPT, g)
            yield Quad(s, NOTATION, Literal(other), g)
            if label.strip() and label != "NA":
                yield Quad(s, PREF_LABEL, _fr(label.strip()), g)


__all__ = ["PCS", "ROME_V3", "Families", "correspondences", "place", "region_code"]
