"""Run read-only SPARQL 1.1 queries with our prefixes, and format the answers.

SELECT, ASK, CONSTRUCT and DESCRIBE run over the RDF merge of every named graph (a set of
triples: a triple two sources state counts once; see :mod:`datacareers.store.merged`)
unless the query names its dataset (``FROM`` / ``FROM NAMED``) or the caller does (the
protocol's ``default-graph-uri`` / ``named-graph-uri``); ``GRAPH ?g`` tells every source
of a fact.
Updates, ``LOAD`` and ``SERVICE`` are refused by parsing the query
(:mod:`datacareers.views.sparql_check`) before anything runs.

:func:`run_query` runs in this process: it is for our own queries and tests. A user's
query runs in a walled worker process (no network, bounded memory and time): see
:mod:`datacareers.serve.workers` and :mod:`datacareers.serve.oneshot`.

>>> from datacareers.store.shipped import shipped_store
>>> result = run_query(shipped_store(), "ASK { role:data-analyst career:canBecome role:chief-data-officer }")
>>> format_result(result, "json")
'{"head":{},"boolean":true}'
>>> run_query(shipped_store(), "DELETE WHERE { ?s ?p ?o }")
Traceback (most recent call last):
datacareers.errors.QueryError: SPARQL updates are refused: this graph is read-only (found DELETE WHERE)
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from pyoxigraph import NamedNode, Store, Variable

from datacareers.constants import PREFIXES, QUERIES_DIR
from datacareers.errors import QueryError
from datacareers.store.merged import queryable
from datacareers.views.sparql_check import CheckedQuery, check_query, check_read_only
from datacareers.views.sparql_write import TABLE, answer_kind, format_table, write_answer

#: Format names (the CLI's ``--format``, the endpoint's ``format=``) -> media type for a
#: SELECT/ASK answer and for a CONSTRUCT/DESCRIBE answer (``None``: no such form).
FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "ttl": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
}
_ENGINE_ERROR = re.compile(r"error at (\d+):(\d+): (?:expected one of |expected )?(.*)", re.DOTALL)
_CHAR_CLASS = re.compile(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")

__all__ = ["check_query", "check_read_only", "dataset_options", "engine_error", "example_queries",
           "example_description", "format_result", "format_table", "run_query", "write_answer"]


def dataset_options(checked: CheckedQuery, default_graph: list[str] | None = None,
                    named_graphs: list[str] | None = None) -> dict:
    """How ``Store.query`` should see the dataset of a store made :func:`queryable`: the
    protocol's graphs when given (no default graph given: an empty one), else the query's
    own ``FROM`` / ``FROM NAMED``, else the store's default graph, which holds the merge.

    >>> dataset_options(check_query("SELECT * FROM <urn:g> { ?s ?p ?o }"))
    {}
    >>> dataset_options(check_query("SELECT * { ?s ?p ?o }"), named_graphs=["urn:g"])
    {'default_graph': [], 'named_graphs': [<NamedNode value=urn:g>]}
    """
    if default_graph is None and named_graphs is None:
        return {}
    try:
        options: dict = {"default_graph": [NamedNode(i) for i in default_graph or []]}
        if named_graphs is not None:
            options["named_graphs"] = [NamedNode(i) for i in named_graphs]
    except ValueError as exc:
        raise QueryError(f"bad graph IRI: {exc}") from None
    return options


def engine_error(exc: Exception) -> str:
    """The engine's error as one short line: its position and what it expected, without
    its lists of Unicode ranges.

    >>> engine_error(SyntaxError("error at 1:22: expected one of Prefix not found, ['%'], ['-' | '0' ..= '9']"))
    'SPARQL syntax error at line 1, column 22: prefix not found'
    """
    text = str(exc)
    found = _ENGINE_ERROR.match(text)
    if not isinstance(exc, SyntaxError):
        return "query failed: " + " ".join(text.split())[:200]
    if found is None:
        return "SPARQL syntax error: " + " ".join(text.split())[:200]
    line, column, detail = found.groups()
    items = [i.strip() for i in _CHAR_CLASS.sub("", " ".join(detail.split())).split(",")]
    items = [i for i in items if i]
    messages = [i for i in items if " " in i and i[:1].isupper()]
    where = f"SPARQL syntax error at line {line}, column {column}"
    if messages:
        return f"{where}: {messages[0][0].lower()}{messages[0][1:]}"
    shown = ", ".join(items[:6]) + (", …" if len(items) > 6 else "")
    return f"{where}: expected {shown}" if shown else where


def example_queries() -> dict[str, Path]:
    """The example queries shipped with the package, by name."""
    return {path.stem: path for path in sorted(QUERIES_DIR.glob("*.rq"))}


def example_description(path: Path) -> str:
    """The first comment line of an example query: what it answers."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def run_query(store: Store, query: str, bindings: dict | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None):
    """Run a read-only *query* on *store*, in this process; our prefixes need no declaration.

    *bindings* maps variable names to pyoxigraph terms (values are substituted by the
    engine, never pasted into the query text). A store without its merge is copied with
    it first (see :func:`datacareers.store.merged.queryable`): give it one that has it
    when running many queries.
    """
    options = dataset_options(check_query(query), default_graph, named_graphs)
    store = queryable(store)
    substitutions = {Variable(k): v for k, v in (bindings or {}).items()}
    try:
        return store.query(query, prefixes=PREFIXES, substitutions=substitutions or None, **options)
    except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
        raise QueryError(engine_error(exc)) from None


def media_type(fmt: str, kind: str) -> str | None:
    """The media type of format name *fmt* for an answer of *kind* (see ``answer_kind``).

    >>> media_type("json", "graph"), media_type("csv", "boolean"), media_type("table", "results")
    ('application/ld+json', 'text/csv', 'text/plain')
    """
    if fmt == "table":
        return TABLE
    results, graph = FORMAT_NAMES.get(fmt, (None, None))
    return graph if kind == "graph" else results


def format_result(result, fmt: str = "table") -> str:
    """Serialize a query answer as text: ``table`` for people, or a W3C format by name
    (json, xml, csv, tsv for SELECT and ASK; ttl, nt, jsonld, json, xml for
    CONSTRUCT / DESCRIBE)."""
    kind = answer_kind(result)
    mime = media_type(fmt, kind)
    if mime is None:
        raise QueryError(unavailable_format(fmt, kind))
    if mime == TABLE:
        return format_table(result)
    out = io.BytesIO()
    write_answer(result, mime, out)
    return out.getvalue().decode("utf-8")


def unavailable_format(fmt: str, kind: str) -> str:
    """Why format *fmt* cannot carry an answer of *kind*, and which formats can."""
    possible = [name for name in ("table", *FORMAT_NAMES) if media_type(name, kind)]
    what = {"boolean": "an ASK", "results": "a SELECT", "graph": "a CONSTRUCT/DESCRIBE"}[kind]
    return f"{what} answer cannot be given as {fmt!r}; use {', '.join(possible)}"
