"""Write a query's answer: the one serializer behind ``datacareers query`` and the endpoint.

Answers stream: solutions go from the engine to the output a few kilobytes at a time, so
no answer is ever held whole, and the limits are checked as it flows (rows, bytes, time).
The W3C formats are written by pyoxigraph's own serializers: SELECT solutions are fed to
its results parser as TSV (each term in its N-Triples form, ``str(term)``), read lazily,
and re-serialized as JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE triples go to
:func:`pyoxigraph.serialize` one by one. The W3C CSV/TSV formats define no form for an
ASK answer; as Jena (Fuseki) and Virtuoso do, it is a one-cell table: the column
``_askResult``, one row ``true`` or ``false``.

The ``table`` format is for people (aligned columns, prefixed names) and holds its rows
to align them, so it has a row limit of its own.

>>> from pyoxigraph import Store
>>> import io
>>> out = io.BytesIO()
>>> write_answer(Store().query("SELECT ?x { VALUES ?x { 1 } }"), "text/csv", out)
>>> out.getvalue()
b'x\\r\\n1\\r\\n'
>>> out = io.BytesIO()
>>> write_answer(Store().query("ASK {}"), "text/tab-separated-values", out)
>>> out.getvalue()
b'?_askResult\\ntrue\\n'
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolution,
    RdfFormat,
    parse_query_results,
    serialize,
)

from datacareers.constants import PREFIXES
from datacareers.errors import QueryError

#: Media types of SELECT and ASK answers, and of CONSTRUCT/DESCRIBE answers.
RESULTS_MEDIA = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
BOOLEAN_MEDIA = ("application/sparql-results+json", "application/sparql-results+xml")
#: The column of an ASK answer given as a CSV or TSV table (Jena's name for it).
ASK_COLUMN = "_askResult"
GRAPH_MEDIA = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
#: The media type of the human table (``datacareers query --format table``).
TABLE = "text/plain"
#: Most rows in a table: it is held in memory to align its columns.
TABLE_MAX_ROWS = 100_000
_CHECK_EVERY = 256


class AnswerTooLarge(QueryError):
    """The answer went over a row or byte limit while it was written."""

    def __init__(self, what: str, limit: int) -> None:
        self.what, self.limit = what, limit
        super().__init__(f"the answer has more than {limit} {what}")


class AnswerTimedOut(QueryError):
    """The answer was still being written at the deadline."""


class Limits(NamedTuple):
    """Bounds on one answer: rows (or triples), bytes, and a ``time.monotonic()`` deadline."""

    max_rows: int | None = None
    max_bytes: int | None = None
    deadline: float | None = None

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise AnswerTimedOut("the query ran past its time limit")


class _Output(io.RawIOBase):
    """Where the serializers write: counts bytes and checks the deadline on each chunk."""

    def __init__(self, out: BinaryIO, limits: Limits) -> None:
        self.out, self.limits, self.written = out, limits, 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.written += len(data)
        if self.limits.max_bytes is not None and self.written > self.limits.max_bytes:
            raise AnswerTooLarge("bytes", self.limits.max_bytes)
        self.limits.check_time()
        self.out.write(bytes(data))
        return len(data)


class _SolutionsAsTsv(io.RawIOBase):
    """The engine's solutions as SPARQL TSV, made as pyoxigraph's parser reads it."""

    def __init__(self, solutions: Iterator[QuerySolution], limits: Limits) -> None:
        self.solutions, self.limits, self.rows = solutions, limits, 0
        names = "\t".join("?" + v.value for v in solutions.variables)
        self.pending = bytearray((names + "\n").encode())

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while len(self.pending) < len(target):
            solution = next(self.solutions, None)
            if solution is None:
                break
            self.rows += 1
            if self.limits.max_rows is not None and self.rows > self.limits.max_rows:
                raise AnswerTooLarge("rows", self.limits.max_rows)
            if self.rows % _CHECK_EVERY == 0:
                self.limits.check_time()
            line = "\t".join("" if term is None else str(term) for term in solution)
            self.pending += (line + "\n").encode()
        size = min(len(target), len(self.pending))
        target[:size] = self.pending[:size]
        del self.pending[:size]
        return size


def _triples(result, limits: Limits):
    for count, triple in enumerate(result, 1):
        if limits.max_rows is not None and count > limits.max_rows:
            raise AnswerTooLarge("triples", limits.max_rows)
        if count % _CHECK_EVERY == 0:
            limits.check_time()
        yield triple


NO_LIMITS = Limits()


def answer_kind(result) -> str:
    """``boolean`` (ASK), ``results`` (SELECT) or ``graph`` (CONSTRUCT, DESCRIBE)."""
    if isinstance(result, QueryBoolean):
        return "boolean"
    return "results" if hasattr(result, "variables") else "graph"


def write_answer(result, media_type: str, out: BinaryIO, limits: Limits = NO_LIMITS) -> None:
    """Write *result* (what ``Store.query`` returned) to *out* as *media_type*, streaming;
    raise :class:`AnswerTooLarge` or :class:`AnswerTimedOut` when a limit is reached."""
    kind = answer_kind(result)
    output = _Output(out, limits)
    if media_type == TABLE:
        output.write(format_table(result, limits).encode("utf-8") + b"\n")
    elif kind == "boolean" and media_type in BOOLEAN_MEDIA:
        output.write(result.serialize(format=RESULTS_MEDIA[media_type]))
    elif kind == "boolean" and media_type in RESULTS_MEDIA:
        table = f"?{ASK_COLUMN}\n{'true' if bool(result) else 'false'}\n".encode()
        solutions = parse_query_results(io.BytesIO(table), QueryResultsFormat.TSV)
        solutions.serialize(output, RESULTS_MEDIA[media_type])
    elif kind == "results" and media_type in RESULTS_MEDIA:
        solutions = parse_query_results(_SolutionsAsTsv(result, limits), QueryResultsFormat.TSV)
        solutions.serialize(output, RESULTS_MEDIA[media_type])
    elif kind == "graph" and media_type in GRAPH_MEDIA:
        rdf_format = GRAPH_MEDIA[media_type]
        prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
        serialize(_triples(result, limits), output, rdf_format, prefixes=prefixes)
    else:
        what = {"boolean": "an ASK", "results": "a SELECT", "graph": "a CONSTRUCT/DESCRIBE"}[kind]
        raise QueryError(f"{what} answer cannot be written as {media_type}")


def short_name(term) -> str:
    """A term as a person reads it: prefixed IRI, literal value with its language."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri):]):
                return f"{prefix}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    if isinstance(term, Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    return str(term)


def format_table(result, limits: Limits = NO_LIMITS) -> str:
    """Aligned columns with prefixed IRIs, for a terminal (ASK: true or false;
    CONSTRUCT/DESCRIBE: Turtle with our prefixes)."""
    kind = answer_kind(result)
    if kind == "boolean":
        return "true" if bool(result) else "false"
    if kind == "graph":
        out = io.BytesIO()
        write_answer(result, "text/turtle", out, limits._replace(max_rows=TABLE_MAX_ROWS))
        return out.getvalue().decode("utf-8").rstrip("\n")
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        if len(rows) >= TABLE_MAX_ROWS:
            raise QueryError(f"the table would have more than {TABLE_MAX_ROWS} rows; add a LIMIT, "
                             "or use --format csv, tsv or json, which stream answers of any size")
        if len(rows) % _CHECK_EVERY == 0:
            limits.check_time()
        rows.append([short_name(solution[name]) for name in names])
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
