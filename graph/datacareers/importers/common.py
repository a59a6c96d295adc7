"""What the three importers share: IRI bases, term IRIs, file finding and table reading.

Importers turn an official release folder into pyoxigraph ``Quad`` objects, all in the
named graph of the release (``source:esco-1.1.1``, ``source:rome-4.0-v460``,
``source:onet-29.0``). They read with the :mod:`csv` module, never load a whole file
in memory, and mint IRIs for every node (no blank nodes), so two imports of the same
release give the same quads.

>>> slug("Microsoft Excel / VBA")
'microsoft-excel-vba'
>>> ROME_ROLE["M1405"]
'https://w3id.org/datacareers/rome/M1405'
>>> transition_iri("rome-4.0-v460", "M1419", "M1423")
'https://w3id.org/datacareers/transition/rome-4.0-v460-M1419-M1423'
"""

from __future__ import annotations

import csv
import gzip
import io
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import BASE_IRI, CAREER, PREFIXES, TRANSITION, _Base, source_iri
from datacareers.errors import ImportFormatError
from datacareers.progress import ProgressFactory, no_progress

# ----------------------------------------------------------------- IRI bases

#: ROME fiches: ``rome/M1405``; their skills, knowledge and sectors below it.
ROME_ROLE = _Base(BASE_IRI + "rome/")
ROME_COMPETENCE = _Base(BASE_IRI + "rome/competence/")
ROME_SAVOIR = _Base(BASE_IRI + "rome/savoir/")
ROME_SECTOR = _Base(BASE_IRI + "rome/secteur/")

#: O*NET occupations: ``onet/15-2051.00``; technologies and commodity classes below it.
ONET_ROLE = _Base(BASE_IRI + "onet/")
ONET_TECHNOLOGY = _Base(BASE_IRI + "onet/technology/")
ONET_COMMODITY = _Base(BASE_IRI + "onet/commodity/")

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


def term(local: str) -> NamedNode:
    """The node of one of our vocabulary terms (tests check each is declared)."""
    return NamedNode(CAREER[local])


def integer(value: str | int) -> Literal:
    """An ``xsd:integer`` literal."""
    return Literal(str(int(value)), datatype=XSD_INTEGER)


TRUE = Literal("true", datatype=XSD_BOOLEAN)


def slug(text: str) -> str:
    """A readable kebab-case IRI segment: ASCII, lower case, words joined by ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


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

    name: str  # e.g. "esco-1.1.1": the local name of the graph IRI under source:
    version: str
    title: str
    publisher: str
    license: str  # an IRI
    attribution: str
    url: str

    @property
    def graph(self) -> str:
        return source_iri(self.name)

    def quads(self) -> Iterator[Quad]:
        """The description of the source, subject = graph IRI, in the same graph."""
        g = NamedNode(self.graph)
        yield Quad(g, A, term("Source"), g)
        yield Quad(g, NamedNode(DCTERMS + "title"), Literal(self.title, language="en"), g)
        yield Quad(g, NamedNode(DCTERMS + "publisher"), Literal(self.publisher), g)
        yield Quad(g, term("version"), Literal(self.version), g)
        yield Quad(g, NamedNode(DCTERMS + "license"), NamedNode(self.license), g)
        yield Quad(g, term("attribution"), Literal(self.attribution, language="en"), g)
        yield Quad(g, NamedNode(SCHEMA + "url"), NamedNode(self.url), g)


# ----------------------------------------------------------------- finding files


def require_dir(path: Path, what: str) -> Path:
    """*path* as a folder, or a clear error."""
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


# ----------------------------------------------------------------- reading tables


class _CountingRaw(io.RawIOBase):
    """A raw binary stream that reports how many bytes were read (for progress bars)."""

    def __init__(self, raw, on_read: Callable[[int], None]):
        self._raw = raw
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)
        if n:
            self._on_read(n)
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass
class Table:
    """One delimited file of a release: its path, delimiter and the columns we use."""

    path: Path
    columns: Sequence[str]
    optional: Sequence[str] = ()
    delimiter: str = ","
    label: str = field(default="")

    @property
    def name(self) -> str:
        return self.path.name

    def _open_text(self, on_read: Callable[[int], None] | None = None):
        raw = open(self.path, "rb", buffering=0)  # noqa: SIM115 - closed by the wrapper
        stream = _CountingRaw(raw, on_read) if on_read else raw
        binary = io.BufferedReader(stream, buffer_size=1 << 16)
        if self.path.suffix == ".gz":
            binary = gzip.GzipFile(fileobj=binary, mode="rb")
        return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")

    def _reader(self, text):
        if self.delimiter == "\t":
            return csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE)
        return csv.reader(text, delimiter=self.delimiter)

    def check(self) -> None:
        """Read the header only: a missing column or a bad encoding fails here."""
        with self._open_text() as text:
            self._header(self._reader(text))

    def _header(self, reader) -> list[int]:
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFormatError(f"{self.name}: empty file (no header row)") from None
        except (UnicodeDecodeError, gzip.BadGzipFile, EOFError, csv.Error) as exc:
            raise ImportFormatError(f"{self.name}: {_describe(exc)}") from None
        header = [h.strip() for h in header]
        positions = {h: i for i, h in enumerate(header)}
        missing = [c for c in self.columns if c not in positions]
        if missing:
            quoted = ", ".join(repr(c) for c in missing)
            plural = "s" if len(missing) > 1 else ""
            raise ImportFormatError(
                f"{self.name}: missing column{plural} {quoted} "
                f"(found: {', '.join(header[:12])}{', ...' if len(header) > 12 else ''})"
            )
        return [positions.get(c, -1) for c in (*self.columns, *self.optional)]

    def rows(self, progress: ProgressFactory = no_progress) -> Iterator[tuple[str, ...]]:
        """Each record as a tuple of the requested columns (then the optional ones, "" if
        the file lacks them); short records are padded with ""."""
        size = self.path.stat().st_size
        label = self.label or self.name
        with progress(label, size) as bar, self._open_text(bar.update) as text:
            reader = self._reader(text)
            positions = self._header(reader)
            width = max(positions) + 1
            present = [p if p >= 0 else width for p in positions]
            getter = operator.itemgetter(*present)
            single = len(present) == 1
            pad = [""] * (width + 1)
            try:
                for record in reader:
                    if not record:
                        continue
                    if len(record) <= width:
                        record = record + pad[: width + 1 - len(record)]
                    values = getter(record)
                    yield (values,) if single else values
            except (UnicodeDecodeError, gzip.BadGzipFile, EOFError, csv.Error) as exc:
                raise ImportFormatError(
                    f"{self.name}: line {reader.line_num}: {_describe(exc)}"
                ) from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text ({exc.reason} at byte {exc.start} of a block); save it as UTF-8"
    if isinstance(exc, gzip.BadGzipFile | EOFError):
        return f"not a valid gzip file ({exc})"
    return f"not a valid delimited file ({exc})"


def check_tables(tables: Iterable[Table]) -> None:
    """Check every table's header before anything is written."""
    for table in tables:
        table.check()


# ----------------------------------------------------------------- the importer contract


@dataclass
class ImportPlan:
    """A checked release: its description and a generator of its quads."""

    source: SourceInfo
    quads: Callable[[ProgressFactory], Iterator[Quad]]

    @property
    def graph(self) -> str:
        return self.source.graph

