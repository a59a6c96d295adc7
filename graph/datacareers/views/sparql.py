"""Run read-only SPARQL 1.1 queries with our prefixes, and format the answers.

SELECT, ASK, CONSTRUCT and DESCRIBE run over the union of every named graph (use
``GRAPH ?g`` to see where a fact comes from). Updates, ``LOAD`` and ``SERVICE`` are
refused before anything runs: the graph never changes and no request leaves the machine.

>>> from datacareers.store.shipped import shipped_store
>>> result = run_query(shipped_store(), "ASK { role:data-analyst career:canBecome role:chief-data-officer }")
>>> format_result(result, "json")
'{"head":{},"boolean":true}'
>>> check_read_only("DELETE WHERE { ?s ?p ?o }")
Traceback (most recent call last):
datacareers.errors.QueryError: SPARQL updates are refused: this graph is read-only (found DELETE)
"""

from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Variable,
    serialize,
)

from datacareers.constants import PREFIXES, QUERIES_DIR
from datacareers.errors import QueryError

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "xml")

_RESULT_FORMATS = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}
_GRAPH_FORMATS = {
    "table": RdfFormat.TURTLE,
    "ttl": RdfFormat.TURTLE,
    "csv": RdfFormat.N_TRIPLES,
    "tsv": RdfFormat.N_TRIPLES,
    "nt": RdfFormat.N_TRIPLES,
    "json": RdfFormat.JSON_LD,
    "jsonld": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
}

#: Longest query text accepted (a hostile or mistaken multi-megabyte query is refused).
MAX_QUERY_CHARS = 1_000_000

_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
# Strings, IRIs and comments, removed before looking for keywords.
_LEXICAL = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _keywords(query: str) -> list[str]:
    """The bare words of *query*, upper-cased, outside strings, IRIs and comments."""
    return [w.upper() for w in _WORD.findall(_LEXICAL.sub(" ", query))]


def check_read_only(query: str) -> None:
    """Refuse updates, LOAD and SERVICE (which would fetch from the network).

    >>> check_read_only("SELECT * WHERE { ?s ?p 'INSERT' }")
    >>> check_read_only("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    datacareers.errors.QueryError: SERVICE is refused: queries run offline, on this graph only
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query)} characters long, over the limit of "
                         f"{MAX_QUERY_CHARS}: refused")
    words = _keywords(query)
    # Skip the prologue: PREFIX name: <iri> and BASE <iri> leave only their keyword and name.
    position = 0
    while position < len(words) and words[position] in ("PREFIX", "BASE"):
        position += 2 if words[position] == "PREFIX" else 1
    first = words[position] if position < len(words) else ""
    if first in _UPDATE_WORDS or "LOAD" in words and first not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        raise QueryError(f"SPARQL updates are refused: this graph is read-only (found {first})")
    if "SERVICE" in words:
        raise QueryError("SERVICE is refused: queries run offline, on this graph only")


def example_queries() -> dict[str, Path]:
    """The example queries shipped with the package, by name."""
    return {path.stem: path for path in sorted(QUERIES_DIR.glob("*.rq"))}


def example_description(path: Path) -> str:
    """The first comment line of an example query: what it answers."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def run_query(store: Store, query: str, bindings: dict | None = None):
    """Run a read-only *query* on *store*; our prefixes need no declaration.

    *bindings* maps variable names to pyoxigraph terms (values are substituted by the
    engine, never pasted into the query text).
    """

    check_read_only(query)
    substitutions = {Variable(k): v for k, v in (bindings or {}).items()}
    try:
        return store.query(
            query, prefixes=PREFIXES, use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        if any(word in _UPDATE_WORDS for word in _keywords(query)[:1]):
            raise QueryError(f"SPARQL updates are refused: {message}") from None
        raise QueryError(f"SPARQL syntax error: {message}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None


def _short(term) -> str:
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


def format_table(result: QuerySolutions) -> str:
    """Aligned columns with prefixed IRIs, for a terminal."""
    names = [v.value for v in result.variables]
    rows = [[_short(solution[name]) for name in names] for solution in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_result(result, fmt: str = "table") -> str:
    """Serialize a query answer: W3C SPARQL Results (json, xml, csv, tsv) or a table;
    CONSTRUCT / DESCRIBE answers as Turtle (table, ttl), N-Triples (nt, csv, tsv),
    JSON-LD (json, jsonld) or RDF/XML (xml)."""
    if isinstance(result, QueryBoolean):
        if fmt == "table":
            return "true" if bool(result) else "false"
        if fmt in ("csv", "tsv"):
            return "true" if bool(result) else "false"
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    if isinstance(result, QuerySolutions):
        if fmt == "table":
            return format_table(result)
        if fmt not in _RESULT_FORMATS:
            raise QueryError(f"format {fmt!r} is for CONSTRUCT/DESCRIBE; SELECT takes {', '.join(SELECT_FORMATS)}")
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    rdf_format = _GRAPH_FORMATS.get(fmt)
    if rdf_format is None:
        raise QueryError(f"unknown format {fmt!r} for a CONSTRUCT/DESCRIBE answer")
    if rdf_format is RdfFormat.TURTLE:

        return serialize(list(result), format=rdf_format, prefixes=PREFIXES).decode("utf-8")
    return result.serialize(format=rdf_format).decode("utf-8")
