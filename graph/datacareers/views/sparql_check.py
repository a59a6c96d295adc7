r"""Decide what a SPARQL query is before anything runs it: with a parser, not a keyword scan.

Three steps, each one bounding the next:

1. the text's length and how deep its brackets nest, measured by a small lexer that knows
   SPARQL's strings, IRIs, comments and escapes (``\#`` in a prefixed name is not a
   comment, ``\'`` is not a quote), so the parser is never asked to recurse deeper than we
   allow (deep nesting segfaults the engine, and slows rdflib's parser);
2. rdflib's SPARQL 1.1 grammar parses the text as *one query*: an update, ``LOAD``, two
   requests in one, or anything else the grammar does not accept is refused with the line
   and column where it stops;
3. the parse tree is walked (with an explicit stack, never recursion): ``SERVICE``
   anywhere is refused, and so are chains too long for the engine (``a || b || ...``,
   ``{} {} ...``, ``UNION`` after ``UNION``), which Oxigraph folds into left-deep trees
   that overflow its stack, as nesting does.

It fails closed: a query this grammar does not accept is refused even where Oxigraph would
run it (rdflib is stricter in a few corners: ``!!true``, or a prefixed name ending in
``\#`` before a ``SERVICE``). Two parsers can still disagree on what a text means; that is
why queries also run in processes that cannot open a network socket
(:mod:`datacareers.serve.wall`).

>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE <http://x/>' } # LOAD")
CheckedQuery(form='SELECT', names_dataset=False)
>>> check_query("ASK FROM <urn:g> { ?s ?p ?o }")
CheckedQuery(form='ASK', names_dataset=True)
>>> check_query("PREFIX ex: <http://e/> SELECT * { ?s ex:a\\# ?o SERVICE <http://127.0.0.1/> {} }")
Traceback (most recent call last):
datacareers.errors.QueryError: SPARQL syntax error at line 1, column 48 (near 'SERVICE <http://127.…')
>>> check_query("LOAD <http://example.org/data.ttl>")
Traceback (most recent call last):
datacareers.errors.QueryError: SPARQL updates are refused: this graph is read-only (found LOAD)
>>> measure("SELECT ?s { ?s ex:a\\{ 'x{' } # { UNION")
(1, 1)
>>> measure("SELECT ?s { { ?s ex:p ?o } UNION { FILTER(?o > 1 || ?o < -1) } }")
(3, 7)
"""

from __future__ import annotations

import functools
import re
import sys
from typing import NamedTuple

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from datacareers.errors import QueryError

#: Longest query text accepted (a hostile or mistaken multi-megabyte query is refused).
MAX_QUERY_CHARS = 1_000_000
#: Deepest bracket nesting accepted. Oxigraph overflows an 8 MB stack at about 900 nested
#: function calls and 2,200 nested groups; rdflib's parser slows down well before that.
MAX_NESTING = 100
#: Most operators and patterns in a chain (all of them in the text; along one branch in the
#: parse tree). Oxigraph overflows an 8 MB stack at about 2,600 BINDs or OPTIONALs in a row
#: and 6,000 ``+`` terms; rdflib's parser takes seconds for a few hundred.
MAX_CHAIN = 500
#: Python frames rdflib's parser may use (about 60 per nesting level; pure Python in 3.11).
PARSE_RECURSION = 50_000

_TOO_LONG = (f"the query chains more than {MAX_CHAIN} operators or patterns (||, +, UNION, "
             "OPTIONAL, BIND...), over the engine's limit: refused; use VALUES or IN for long lists")
FORMS = {"SelectQuery": "SELECT", "ConstructQuery": "CONSTRUCT", "AskQuery": "ASK",
         "DescribeQuery": "DESCRIBE"}
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
            "Move": "MOVE", "Copy": "COPY", "InsertData": "INSERT DATA",
            "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT"}
# The parameters that hold a chain the engine folds into a left-deep tree (one level each).
_CHAINS = {
    "ConditionalOrExpression": "other", "ConditionalAndExpression": "other",
    "AdditiveExpression": "other", "MultiplicativeExpression": "other",
    "GroupOrUnionGraphPattern": "graph", "GroupGraphPatternSub": "part",
    "PathAlternative": "part", "PathSequence": "part", "TriplesBlock": "triples",
}

# SPARQL's tokens, as far as bounding a query needs: what is skipped (space, comments,
# strings, IRIs, variables; names and numbers with their \-escapes) and what is counted
# (brackets, and the operators and keywords that chain). One pass, each character read once.
_TOKENS = re.compile(
    r"""(?P<skip>\s+|\#[^\n\r]*"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)|'\'\'(?:[^'\\]|\\.|'(?!''))*(?:'\'\'|$)'''
    r"""|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\x00-\x20]*>|[?$]\w+)"""
    r"""|(?P<word>(?:[\w:%]|\\.)(?:[\w.:%\-\u00b7]|\\.)*)"""
    r"""|(?P<open>[{(\[])|(?P<close>[})\]])"""
    r"""|(?P<operator>\|\||&&|[-+*/|^!.;])"""
    r"""|(?P<other>.)""",
    re.DOTALL,
)
_CHAIN_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "BIND", "FILTER"})


class CheckedQuery(NamedTuple):
    """What running a query needs to know: its form, and whether it names its dataset."""

    form: str
    names_dataset: bool


def measure(text: str) -> tuple[int, int]:
    """How deep brackets nest in *text*, and how many operators, separators, groups and
    keywords that chain it holds, outside strings, IRIs and comments (linear time)."""
    depth = deepest = operators = 0
    for token in _TOKENS.finditer(text):
        kind = token.lastgroup
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            operators += token.group() == "{"
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "operator" or kind == "word" and token.group().upper() in _CHAIN_WORDS:
            operators += 1
    return deepest, operators


def _near(text: str, offset: int) -> str:
    """A few characters of *text* from *offset*, on one line, for an error message."""
    snippet = " ".join(text[offset:offset + 24].split())
    if not snippet:
        return "the end of the query"
    return repr(snippet[:20] + ("…" if len(snippet) > 20 else ""))


def _parse(parser, text: str):
    """Run one of rdflib's parsers with room for the nesting we allow."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, PARSE_RECURSION))
    try:
        return parser(text)
    finally:
        sys.setrecursionlimit(previous)


def _update_operations(text: str) -> list[str]:
    """The operations of *text* if it parses as a SPARQL update, else an empty list."""
    try:
        update = _parse(parseUpdate, text)
    except (ParseBaseException, RecursionError, ValueError):
        return []
    return [_UPDATES.get(op.name, op.name.upper()) for op in update.get("request", [])
            if isinstance(op, CompValue)]


def _walk(query: CompValue) -> None:
    """Refuse SERVICE anywhere in the parse tree, and chains too long for the engine."""
    stack: list[tuple[object, int]] = [(query, 0)]
    while stack:
        node, chained = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise QueryError("SERVICE is refused: queries run offline, on this graph only")
            chain = _CHAINS.get(node.name)
            for key, value in dict.items(node):
                length = 0
                if key == chain and isinstance(value, list | ParseResults):
                    length = len(value) if node.name != "TriplesBlock" else sum(
                        len(t) // 3 for t in value if isinstance(t, list | ParseResults))
                if chained + length > MAX_CHAIN:
                    raise QueryError(_TOO_LONG)
                stack.append((value, chained + length))
        elif isinstance(node, list | ParseResults):
            stack.extend((item, chained) for item in node)


@functools.lru_cache(maxsize=256)
def check_query(text: str) -> CheckedQuery:
    """Parse *text* as one read-only SPARQL query and bound its shape; raise
    :class:`~datacareers.errors.QueryError` (one line) if it may not run."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text)} characters long, over the limit of "
                         f"{MAX_QUERY_CHARS}: refused")
    try:
        depth, operators = measure(expandUnicodeEscapes(text))
    except ValueError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    if depth > MAX_NESTING:
        raise QueryError(f"the query nests brackets {depth} deep, over the limit of "
                         f"{MAX_NESTING}: refused")
    if operators > MAX_CHAIN:
        raise QueryError(_TOO_LONG)
    try:
        tree = _parse(parseQuery, text)
    except ParseBaseException as exc:
        operations = _update_operations(text)
        if operations:
            raise QueryError("SPARQL updates are refused: this graph is read-only "
                             f"(found {', '.join(operations)})") from None
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col} "
                         f"(near {_near(exc.pstr, exc.loc)})") from None
    except RecursionError:
        raise QueryError("the query is nested too deeply to check: refused") from None
    except ValueError as exc:  # a bad \u escape
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    query = tree[-1]
    _walk(query)
    return CheckedQuery(FORMS[query.name], bool(dict.get(query, "datasetClause")))


def check_read_only(text: str) -> None:
    """Refuse what may not run (updates, LOAD, SERVICE, malformed or oversized queries).

    >>> check_read_only("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    datacareers.errors.QueryError: SERVICE is refused: queries run offline, on this graph only
    """
    check_query(text)
