"""Reading one sheet of an Excel workbook (``.xlsx``) as strictly as a delimited file.

The Bureau of Labor Statistics publishes its tables as workbooks, so they are read as a
user's download reads: with openpyxl in read-only mode, which streams the rows of one
sheet (bounded memory; the workbook is never loaded whole). The same rules as
:mod:`datacareers.importers.tables` apply, adapted to sheets:

- the workbook opens and has the expected sheet;
- the header row (found among the first few rows, after a title) has every column we use;
- each record's key column matches its code's shape; the records end at the first row
  whose key column is empty (a footnote), and no record follows a footnote;
- numbers are numbers: a cell holds a number (an integer or a decimal stored by Excel),
  else one of the markers the release documents (:class:`Number`), else it is an error;
- the sheet has at least ``floor`` records.

Each error names the file, the sheet, the row and what is wrong, in one line.

>>> Number().parse(245.9, "x")
Decimal('245.9')
>>> Number(markers={"#": "top"}).parse("#", "x")
'top'
>>> Number().parse("12a", "x")
Traceback (most recent call last):
datacareers.errors.ImportFormatError: x: '12a' is not a number
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from datacareers.errors import ImportFormatError
from datacareers.importers.tables import Check
from datacareers.progress import ProgressFactory, no_progress

#: How far down a sheet its header row may be (a title and a blank row may come first).
HEADER_SEARCH = 10


@dataclass(frozen=True)
class Number:
    """How a numeric cell is read: a number, or one of the release's documented *markers*
    (text -> what it stands for); anything else is an error."""

    markers: Mapping[str, object] = field(default_factory=dict)

    def parse(self, value, where: str):
        """The exact decimal a cell shows (``245.9`` stays 245.9, never 245.900000001),
        the meaning of a marker, or None for an empty cell."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            raise ImportFormatError(f"{where}: {value!r} is not a number")
        if isinstance(value, int | float):
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        text = str(value).strip()
        if text in self.markers:
            return self.markers[text]
        try:
            return Decimal(text.replace(",", "")) if text[:1].isdigit() or text[:1] == "-" else _bad(text, where)
        except InvalidOperation:
            return _bad(text, where)


def _bad(text: str, where: str):
    raise ImportFormatError(f"{where}: {text!r} is not a number")


def open_workbook(path: Path):
    """A read-only workbook, or one clear error if the file is not an .xlsx workbook."""
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFormatError(f"{path.name}: not an Excel .xlsx workbook ({exc})") from None


@dataclass
class Sheet:
    """One sheet of a workbook: the columns we use, the column that keys each record and
    the shape of its values, the fewest records a full release has."""

    path: Path
    sheet: str
    columns: Sequence[str]
    key: str
    key_check: Check
    floor: int = 1
    label: str = ""

    @property
    def name(self) -> str:
        return f"{self.path.name} [{self.sheet}]"

    def _sheet(self, book):
        if self.sheet not in book.sheetnames:
            raise ImportFormatError(f"{self.path.name}: no sheet {self.sheet!r} "
                                    f"(found: {', '.join(book.sheetnames[:8])})")
        return book[self.sheet]

    def _header(self, rows) -> tuple[int, list[str]]:
        for number, row in enumerate(rows, start=1):
            cells = [str(c).strip() if c is not None else "" for c in row]
            if self.key in cells:
                missing = [c for c in self.columns if c not in cells]
                if missing:
                    raise ImportFormatError(f"{self.name}: row {number}: missing column"
                                            f"{'s' if len(missing) > 1 else ''} "
                                            f"{', '.join(repr(c) for c in missing)}")
                return number, cells
            if number >= HEADER_SEARCH:
                break
        raise ImportFormatError(f"{self.name}: no header row with {self.key!r} in its first "
                                f"{HEADER_SEARCH} rows")

    def check(self) -> None:
        """Open the workbook and find the sheet and its header, reading nothing else."""
        book = open_workbook(self.path)
        try:
            self._header(self._sheet(book).iter_rows(values_only=True))
        finally:
            book.close()

    def rows(self, progress: ProgressFactory = no_progress) -> Iterator[tuple[int, dict]]:
        """(row number, {column: raw cell value}) for each record, checked as above."""
        book = open_workbook(self.path)
        try:
            sheet = self._sheet(book)
            rows = sheet.iter_rows(values_only=True)
            start, header = self._header(rows)
            positions = {c: header.index(c) for c in self.columns}
            key = positions[self.key]
            count, ended = 0, None
            with progress(self.label or self.name, sheet.max_row or 0) as bar:
                for number, row in enumerate(rows, start=start + 1):
                    bar.update(1)
                    code = row[key] if key < len(row) else None
                    code = "" if code is None else str(code).strip()
                    if not code:
                        ended = ended or number
                        continue
                    if ended:
                        raise ImportFormatError(f"{self.name}: row {number}: a record after the end of the "
                                                f"table (row {ended} has no {self.key})")
                    problem = self.key_check.problem(code)
                    if problem:
                        raise ImportFormatError(f"{self.name}: row {number}: {self.key}: {problem}")
                    count += 1
                    yield number, {c: (row[i] if i < len(row) else None) for c, i in positions.items()}
        finally:
            book.close()
        if count < max(self.floor, 1):
            raise ImportFormatError(f"{self.name}: only {count:,} records where a full release has at least "
                                    f"{max(self.floor, 1):,}: the sheet looks cut short (pass --partial to "
                                    "import a sample on purpose)")
