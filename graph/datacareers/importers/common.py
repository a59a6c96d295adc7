"""What the three importers share: IRI bases, term IRIs, graph names, file finding.

Importers turn an official release folder into pyoxigraph ``Quad`` objects, all in the
named graph of the release. They read with :mod:`datacareers.importers.tables` (strict:
a damaged file is an error), never load a whole file in memory, and mint IRIs for every
node (no blank nodes), so two imports of the same release give the same quads.

Graph names: an imported release lands in ``source:import-<release>``, where
``<release>`` is the family and version (``esco-1.1.1``, ``rome-4.0-v460``,
``onet-29.0``). The subsets that ship with the package live in ``source:<folder>``
(``source:esco-1.1.1``...) and no shipped folder starts with ``import-``, so an import
never hides or replaces shipped facts, and removing it never touches them. The IRIs an
import mints for its own nodes (transitions, education requirements) use the release
name alone (``transition/rome-4.0-v460-M1419-M1423``), as before.

>>> slug("Microsoft Excel / VBA")
'microsoft-excel-vba'
>>> [label_slug(x) for x in ("C", "C++", "C#", "Notepad++")]
['c', 'c-plus-plus', 'c-sharp', 'notepad-plus-plus']
>>> ROME_ROLE["M1405"]
'https://w3id.org/datacareers/rome/M1405'
>>> transition_iri("rome-4.0-v460", "M1419", "M1423")
'https://w3id.org/datacareers/transition/rome-4.0-v460-M1419-M1423'
>>> graph_name("esco-1.1.1")
'import-esco-1.1.1'
>>> check_version("1.2.0")
'1.2.0'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import BASE_IRI, CAREER, PREFIXES, TRANSITION, _Base, source_iri
from datacareers.errors import ImportFormatError
from datacareers.progress import ProgressFactory

#: Every imported graph's local name starts with this (shipped graphs never do).
IMPORT_PREFIX = "import-"

_SAFE_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}", re.ASCII)


def graph_name(release: str) -> str:
    """The local name (under ``source:``) of the graph an imported *release* lands in."""
    return IMPORT_PREFIX + release


def check_version(version: str) -> str:
    """*version* if it is safe in a graph name and an IRI (letters, digits, ``.-_``)."""
    if not _SAFE_VERSION.fullmatch(version):
        raise ImportFormatError(
            f"--version {version!r}: use 1 to 40 letters, digits, dots, dashes or "
            "underscores, starting with a letter or digit (e.g. 1.2.0)"
        )
    return version


# ----------------------------------------------------------------- IRI bases

#: ROME fiches: ``rome/M1405``; their skills, knowledge and sectors below it.
ROME_ROLE = _Base(BASE_IRI + "rome/")
ROME_COMPETENCE = _Base(BASE_IRI + "rome/competence/")
ROME_SAVOIR = _Base(BASE_IRI + "rome/savoir/")
ROME_SECTOR = _Base(BASE_IRI + "rome/secteur/")

#: ROME types of employer structure (work contexts "Types de structures"): ``rome/structure/<code_ogr>``.
ROME_STRUCTURE = _Base(BASE_IRI + "rome/structure/")

#: O*NET occupations: ``onet/15-2051.00``; technologies and commodity classes below it.
ONET_ROLE = _Base(BASE_IRI + "onet/")
ONET_TECHNOLOGY = _Base(BASE_IRI + "onet/technology/")
ONET_COMMODITY = _Base(BASE_IRI + "onet/commodity/")

#: US Standard Occupational Classification codes the BLS publishes for: ``soc/15-2051``.
SOC_OCCUPATION = _Base(BASE_IRI + "soc/")

# ----------------------------------------------------------------- term IRIs (as nodes)

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
SCHEMA = PREFIXES["schema"]
DCTERMS = PREFIXES["dcterms"]
XSD = PREFIXES["xsd"]

A = NamedNode(RDF + "type")
PREF_LABEL = NamedNode(SKOS + "prefLabel")
ALT_LABEL = NamedNode(SKOS + "altLabel")
HIDDEN_LABEL = NamedNode(SKOS + "hiddenLabel")
DEFINITION = NamedNode(SKOS + "definition")
BROADER = NamedNode(SKOS + "broader")
NOTATION = NamedNode(SKOS + "notation")
SKOS_CONCEPT = NamedNode(SKOS + "Concept")
SCHEMA_OCCUPATION = NamedNode(SCHEMA + "Occupation")
XSD_INTEGER = NamedNode(XSD + "integer")
XSD_DECIMAL = NamedNode(XSD + "decimal")
XSD_BOOLEAN = NamedNode(XSD + "boolean")
XSD_GYEAR = NamedNode(XSD + "gYear")
XSD_GYEAR_MONTH = NamedNode(XSD + "gYearMonth")
XSD_DURATION = NamedNode(XSD + "duration")
DCTERMS_SOURCE = NamedNode(DCTERMS + "source")
DCTERMS_IDENTIFIER = NamedNode(DCTERMS + "identifier")
DCTERMS_DATE = NamedNode(DCTERMS + "date")


@cache
def term(local: str) -> NamedNode:
    """The node of one of our vocabulary terms (tests check each is declared)."""
    return NamedNode(CAREER[local])


@cache
def integer(value: str | int) -> Literal:
    """An ``xsd:integer`` literal."""
    return Literal(str(int(value)), datatype=XSD_INTEGER)


def decimal(value) -> Literal:
    """An ``xsd:integer`` literal when *value* is whole, else an ``xsd:decimal`` one.

    >>> decimal("33.50").value, decimal(245900).value
    ('33.5', '245900')
    """
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return Literal(str(int(number)), datatype=XSD_INTEGER)
    return Literal(format(number.normalize(), "f"), datatype=XSD_DECIMAL)


@cache
def year(value: str | int) -> Literal:
    """An ``xsd:gYear`` literal."""
    return Literal(str(int(value)), datatype=XSD_GYEAR)


TRUE = Literal("true", datatype=XSD_BOOLEAN)


def slug(text: str) -> str:
    """A readable kebab-case IRI segment: ASCII, lower case, words joined by ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


#: Symbols that tell products apart ("C", "C++", "C#") and would vanish from a plain slug:
#: spelled out, so that no two labels of a release meet in one IRI.
_SPELLED = {"+": " plus ", "#": " sharp "}


def label_slug(text: str) -> str:
    """:func:`slug` with the symbols that name products spelled out (``C++`` -> ``c-plus-plus``)."""
    return slug(re.sub(r"[+#]", lambda m: _SPELLED[m.group()], text))


class LabelKeys:
    """IRI segments for labels that never collide: each label's :func:`label_slug`, and for
    a second, different label that still meets one (say "SAS" and "S.A.S."), that slug
    followed by a short hash of the label itself.

    >>> keys = LabelKeys()
    >>> keys("C++"), keys("C"), keys("C++")
    ('c-plus-plus', 'c', 'c-plus-plus')
    >>> keys("c") == keys("C")
    False
    """

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}  # key -> the label that owns it
        self._keys: dict[str, str] = {}  # label -> its key

    def __call__(self, label: str) -> str:
        if label in self._keys:
            return self._keys[label]
        key = label_slug(label)
        if self._labels.setdefault(key, label) != label:
            key = f"{key}-{hashlib.sha256(label.encode()).hexdigest()[:8]}"
            self._labels[key] = label
        self._keys[label] = key
        return key


def transition_iri(source_name: str, from_code: str, to_code: str) -> str:
    """The IRI of a qualified career move a source names (deterministic)."""
    return TRANSITION[f"{source_name}-{from_code}-{to_code}"]


def split_lines(cell: str) -> list[str]:
    """The values of an ESCO multi-valued cell (one per line), stripped, empty ones dropped."""
    return [v for v in (part.strip() for part in cell.split("\n")) if v]


# ----------------------------------------------------------------- source descriptions


@dataclass(frozen=True)
class SourceInfo:
    """What describes one imported release: it becomes the graph's own description."""

    release: str  # e.g. "esco-1.1.1": family and version, the base of the IRIs it mints
    version: str
    title: str
    publisher: str
    license: str  # an IRI ("" when the publisher states none: then *rights* says the terms)
    attribution: str
    url: str
    rights: str = ""
    language: str = "en"  # of the title and the attribution

    @property
    def name(self) -> str:
        """The graph's local name under ``source:`` (``import-esco-1.1.1``)."""
        return graph_name(self.release)

    @property
    def graph(self) -> str:
        return source_iri(self.name)

    @property
    def legacy_graph(self) -> str:
        """Where imports of this release went before (``source:esco-1.1.1``): a
        re-import drops such an old import."""
        return source_iri(self.release)

    def quads(self) -> Iterator[Quad]:
        """The description of the source, subject = graph IRI, in the same graph."""
        g = NamedNode(self.graph)
        yield Quad(g, A, term("Source"), g)
        yield Quad(g, NamedNode(DCTERMS + "title"), Literal(self.title, language=self.language), g)
        yield Quad(g, NamedNode(DCTERMS + "publisher"), Literal(self.publisher), g)
        yield Quad(g, term("version"), Literal(self.version), g)
        if self.license:
            yield Quad(g, NamedNode(DCTERMS + "license"), NamedNode(self.license), g)
        if self.rights:
            yield Quad(g, NamedNode(DCTERMS + "rights"), Literal(self.rights, language=self.language), g)
        yield Quad(g, term("attribution"), Literal(self.attribution, language=self.language), g)
        yield Quad(g, NamedNode(SCHEMA + "url"), NamedNode(self.url), g)


# ----------------------------------------------------------------- finding files


def require_dir(path: str | Path, what: str) -> Path:
    """*path* as a folder, or a clear error (an empty path is not "here")."""
    if not str(path).strip():
        raise ImportFormatError(f"no folder given (pass the {what} release folder)")
    path = Path(path)
    if not path.exists():
        raise ImportFormatError(f"{path}: no such folder")
    if not path.is_dir():
        raise ImportFormatError(f"{path}: not a folder (pass the {what} release folder)")
    return path


def find_file(root: Path, names: Sequence[str], what: str, required: bool = True) -> Path | None:
    """The first of *names* found under *root* (recursively, shallowest first)."""
    for name in names:
        hits = sorted(root.rglob(name), key=lambda p: (len(p.parts), str(p)))
        hits = [hit for hit in hits if hit.is_file()]
        if hits:
            return hits[0]
    if required:
        raise ImportFormatError(
            f"{root}: no {' or '.join(names)} found (is this {what} release folder?)"
        )
    return None


# ----------------------------------------------------------------- the importer contract


@dataclass
class ImportPlan:
    """A checked release: its description and a generator of its quads."""

    source: SourceInfo
    quads: Callable[[ProgressFactory], Iterator[Quad]]

    @property
    def graph(self) -> str:
        return self.source.graph

