"""Reading the delimited files of a release strictly: a damaged file is an error, never
a smaller import.

A release file that was cut short, re-saved by a spreadsheet or concatenated twice must
not import quietly as a smaller graph that replaces a good one. So every record is held
to the shape of the file (:class:`Table`):

- it has exactly as many fields as the header (a cut or an extra delimiter changes that);
- a quoted field is closed (``csv`` in strict mode: an unclosed quote either meets a
  stray character or the end of the file), and no record spans more than
  :data:`MAX_LINES_PER_RECORD` lines (an unclosed quote that swallowed the file);
- it does not repeat the header (two files pasted together);
- the file ends with a line break (a file cut mid-line does not);
- the values that become IRIs or numbers match the shape the release gives them
  (:class:`Check`: a ROME code is a letter and four digits, an ESCO URI an IRI under
  ``http://data.europa.eu/esco/``...);
- the file has at least ``floor`` records (a file with only its header, or a fraction
  of its rows, is refused; each importer sets floors from the real releases).

Each error names the file, the line and what is wrong, in one line.

>>> ROME_CODE.problem("M1405") is None
True
>>> ROME_CODE.problem("M14 05")
"'M14 05' is not a ROME code (a letter A to N and four digits, e.g. M1405)"
>>> NUMBER.problem("²")
"'²' is not a whole number (digits 0-9)"
"""

from __future__ import annotations

import csv
import gzip
import io
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode

from datacareers.errors import ImportFormatError
from datacareers.progress import ProgressFactory, no_progress

#: No record of the real releases spans more than 156 lines (an ESCO skill's labels);
#: one spanning more is an unclosed quote that swallowed the rest of the file.
MAX_LINES_PER_RECORD = 2000


@dataclass(frozen=True)
class Check:
    """The shape of a column's values: a regular expression a value (stripped) must match
    whole, what it means in words, and whether it must also be a valid IRI."""

    pattern: str
    what: str
    iri: bool = False
    empty_ok: bool = False
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, re.ASCII))

    def fits(self, value: str) -> bool:
        """The quick test of most values: True means *value* fits; False, look closer
        with :meth:`problem`."""
        if self.iri:
            return _PLAIN_IRI.fullmatch(value) is not None and self.regex.fullmatch(value) is not None
        return self.regex.fullmatch(value) is not None

    def problem(self, value: str) -> str | None:
        """Why *value* does not fit, or None."""
        value = value.strip()
        if not value and self.empty_ok:
            return None
        if not self.regex.fullmatch(value):
            return f"{value!r} is not {self.what}"
        if self.iri:
            try:
                NamedNode(value)
            except ValueError as exc:
                return f"{value!r} is not a valid IRI ({exc})"
        return None


#: An IRI made only of these characters is valid as it is (no escapes, no fragment).
_PLAIN_IRI = re.compile(r"https?://[A-Za-z0-9._~/-]+", re.ASCII)

ROME_CODE = Check(r"[A-N][0-9]{4}", "a ROME code (a letter A to N and four digits, e.g. M1405)")
SOC_CODE = Check(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}",
                 "an O*NET-SOC code (like 15-2051.00)")
ESCO_URI = Check(r"http://data\.europa\.eu/esco/[^\s<>\"{}|\\^`]+",
                 "an ESCO URI (an IRI starting with http://data.europa.eu/esco/)", iri=True)
NUMBER = Check(r"[0-9]{1,12}", "a whole number (digits 0-9)")
DECIMAL = Check(r"[0-9]{1,12}(?:\.[0-9]{1,12})?", "a number (digits 0-9, maybe a decimal point)")
YES_NO = Check(r"[YN]", "Y or N")


def optional(check: Check) -> Check:
    """The same check, but an empty value is fine."""
    return Check(check.pattern, check.what, check.iri, empty_ok=True)


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


class _Lines:
    """The lines of a text stream, remembering whether the last one ended with a line
    break (a file cut mid-line does not)."""

    def __init__(self, text):
        self._text = text
        self.last = ""

    def __iter__(self) -> Iterator[str]:
        for line in self._text:
            self.last = line
            yield line

    @property
    def cut(self) -> bool:
        return bool(self.last) and not self.last.endswith(("\n", "\r"))


_READ_ERRORS = (UnicodeDecodeError, gzip.BadGzipFile, EOFError, csv.Error)


@dataclass
class Table:
    """One delimited file of a release: its path, delimiter, the columns we use, the
    shape of their values (*checks*, by column) and the fewest records it must have."""

    path: Path
    columns: Sequence[str]
    optional: Sequence[str] = ()
    delimiter: str = ","
    label: str = field(default="")
    checks: Mapping[str, Check] = field(default_factory=dict)
    floor: int = 1
    #: The text encoding (strict); a release with mixed encodings decides each file's with
    #: :mod:`datacareers.importers.decoding` first.
    encoding: str = "utf-8-sig"

    @property
    def name(self) -> str:
        return self.path.name

    def _open_text(self, on_read: Callable[[int], None] | None = None):
        raw = open(self.path, "rb", buffering=0)  # noqa: SIM115 - closed by the wrapper
        stream = _CountingRaw(raw, on_read) if on_read else raw
        binary = io.BufferedReader(stream, buffer_size=1 << 16)
        if self.path.suffix == ".gz":
            binary = gzip.GzipFile(fileobj=binary, mode="rb")
        return io.TextIOWrapper(binary, encoding=self.encoding, newline="")

    def _reader(self, lines):
        if self.delimiter == "\t":
            return csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
        return csv.reader(lines, delimiter=self.delimiter, strict=True)

    def check(self) -> None:
        """Read the header only: a missing column or a bad encoding fails here."""
        with self._open_text() as text:
            self._header(self._reader(_Lines(text)))

    def _header(self, reader) -> list[str]:
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFormatError(f"{self.name}: empty file (no header row)") from None
        except _READ_ERRORS as exc:
            raise ImportFormatError(f"{self.name}: {_describe(exc)}") from None
        header = [h.strip() for h in header]
        missing = [c for c in self.columns if c not in header]
        if missing:
            quoted = ", ".join(repr(c) for c in missing)
            plural = "s" if len(missing) > 1 else ""
            raise ImportFormatError(
                f"{self.name}: missing column{plural} {quoted} "
                f"(found: {', '.join(header[:12])}{', ...' if len(header) > 12 else ''})"
            )
        return header

    def rows(self, progress: ProgressFactory = no_progress, numbered: bool = False) -> Iterator[tuple]:
        """Each record as a tuple of the requested columns (then the optional ones, ""
        where the file lacks them), after checking it (see the module docstring); with
        *numbered*, ``(line, record)`` so a later check can name the line."""
        label = self.label or self.name
        with progress(label, self.path.stat().st_size) as bar, \
                self._open_text(bar.update) as text:
            lines = _Lines(text)
            reader = self._reader(lines)
            header = self._header(reader)
            yield from self._records(reader, header, lines, numbered)

    def _records(self, reader, header: list[str], lines: _Lines, numbered: bool = False) -> Iterator[tuple]:
        width = len(header)
        wanted = [*self.columns, *self.optional]
        positions = [header.index(c) if c in header else width for c in wanted]
        getter = operator.itemgetter(*positions)
        single, padded = len(positions) == 1, width in positions
        checks = [(header.index(c), c, check) for c, check in self.checks.items()
                  if c in header]
        count, start = 0, reader.line_num + 1
        try:
            for record in reader:
                line, start = start, reader.line_num + 1
                if not record:
                    continue  # a blank line (ROME's sector file has some)
                self._check_record(record, header, line, reader.line_num - line + 1)
                for index, column, check in checks:
                    if not check.fits(record[index]):
                        problem = check.problem(record[index])
                        if problem:
                            raise ImportFormatError(f"{self.name}: line {line}: {column}: {problem}")
                count += 1
                values = getter([*record, ""] if padded else record)
                values = (values,) if single else values
                yield (line, values) if numbered else values
        except _READ_ERRORS as exc:
            raise ImportFormatError(
                f"{self.name}: line {start}: {_describe(exc)} (is the file complete?)"
            ) from None
        if lines.cut:
            raise ImportFormatError(
                f"{self.name}: line {reader.line_num}: the file ends in the middle of a line "
                "(cut short?)"
            )
        if count == 0:
            raise ImportFormatError(f"{self.name}: no record after the header")
        if count < self.floor:
            raise ImportFormatError(
                f"{self.name}: only {count:,} records where a full release has at least "
                f"{self.floor:,}: the file looks cut short (pass --partial to import a "
                "sample on purpose)"
            )

    def _check_record(self, record: list[str], header: list[str], line: int, spans: int) -> None:
        if len(record) != len(header):
            raise ImportFormatError(
                f"{self.name}: line {line}: the header has {len(header)} fields, this record "
                f"{len(record)} (a cut or damaged line?)"
            )
        if spans > MAX_LINES_PER_RECORD:
            raise ImportFormatError(
                f"{self.name}: line {line}: a record spans {spans:,} lines "
                "(a quote opened and never closed?)"
            )
        if record[0].strip() == header[0] and [value.strip() for value in record] == header:
            raise ImportFormatError(f"{self.name}: line {line}: the header row again")


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
