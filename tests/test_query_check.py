"""The query checker: a parse decides (not keywords), shapes that crash the engine are
refused before any parser sees them, and errors are one short line with a position."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.errors import QueryError
from datacareers.views.sparql_check import MAX_CHAIN, MAX_NESTING, check_query, measure

# Shapes that crashed the engine (segfault, exit 139) at these sizes, and a size each may have.
SHAPES = {
    "nested groups": (lambda n: "SELECT * WHERE " + "{" * n + "}" * n, 3000, 40),
    "nested parentheses": (lambda n: "ASK { FILTER(" + "(" * n + "1" + ")" * n + ") }", 5000, 40),
    "|| terms": (lambda n: "ASK { FILTER(" + " || ".join(["?a"] * n) + ") }", 10000, 200),
    "+ terms": (lambda n: "ASK { BIND(" + " + ".join(["1"] * n) + " AS ?x) }", 7000, 200),
    "UNION branches": (lambda n: "ASK { " + " UNION ".join(["{?s ?p ?o}"] * n) + " }", 7000, 200),
    "OPTIONALs": (lambda n: "ASK { " + " ".join(["OPTIONAL {?s ?p ?o}"] * n) + " }", 2700, 100),
    "BINDs": (lambda n: "ASK { " + " ".join(f"BIND(1 AS ?x{i})" for i in range(n)) + " }", 2700, 100),
    "groups in a row": (lambda n: "ASK { " + "{} " * n + "}", 10000, 200),
    "nested EXISTS": (lambda n: "ASK { FILTER(" + "EXISTS {FILTER(" * n + "true" + ")}" * n + ") }", 720, 20),
    "nested CONCAT": (lambda n: "ASK { BIND(" + "CONCAT(" * n + "'a'" + ")" * n + " AS ?x) }", 930, 40),
    "nested sub-queries": (lambda n: "SELECT * WHERE " + "{ SELECT * WHERE " * n + "{}" + "}" * n, 2700, 20),
    "triple patterns": (lambda n: "ASK { " + " . ".join(["?s <urn:p> ?o"] * n) + " }", 10000, 200),
    "path steps": (lambda n: "ASK { ?s " + "/".join(["<urn:p>"] * n) + " ?o }", 10000, 200),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_engine_crashing_shapes_are_refused_by_the_tokenizer(name):
    make, crashing, _ = SHAPES[name]
    # refused by the cheap bounds, before rdflib parses (their messages, not a syntax error)
    with pytest.raises(QueryError, match=r"nests brackets .* deep|chains more than") as info:
        check_query(make(crashing))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_moderate_shapes_pass(name):
    make, _, moderate = SHAPES[name]
    check_query(make(moderate))


def test_at_the_limits_the_engine_does_not_crash():
    # the deepest and longest shapes the bounds accept, run by the engine in a separate
    # process (a crash there is a segfault, not an exception)
    depth, chain = MAX_NESTING, MAX_CHAIN
    queries = [
        "ASK { BIND(" + "CONCAT(" * (depth - 2) + "'a'" + ")" * (depth - 2) + " AS ?x) }",
        "SELECT * WHERE " + "{" * depth + "}" * depth,
        "ASK { FILTER(" + "EXISTS {FILTER(" * (depth // 2 - 1) + "true" + ")}" * (depth // 2 - 1) + ") }",
        "ASK { " + " ".join(f"BIND(1 AS ?x{i})" for i in range(chain // 2 - 1)) + " }",
        "ASK { FILTER(" + " || ".join(["?a"] * (chain - 1)) + ") }",
    ]
    for query in queries:
        nesting, operators = measure(query)
        assert nesting <= MAX_NESTING and operators <= MAX_CHAIN, (nesting, operators)
    script = "import sys\nfrom pyoxigraph import Store, QueryBoolean\n" \
             "for query in sys.stdin.read().split('\\0'):\n" \
             "    result = Store().query(query)\n" \
             "    _ = bool(result) if isinstance(result, QueryBoolean) else list(result)\n" \
             "print('ran')\n"
    done = subprocess.run([sys.executable, "-c", script], input="\0".join(queries),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "ran" in done.stdout, (done.returncode, done.stderr[-500:])


def test_the_crash_shapes_through_the_cli_are_one_line():
    for make, crashing, _ in SHAPES.values():
        result = CliRunner().invoke(main, ["query", make(crashing)])
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("Error: ")


@pytest.mark.parametrize(("text", "depth"), [
    ("SELECT * { ?s <urn:p> '{{{{' }", 1),
    ('SELECT * { ?s <urn:p> """ {{{{ \n ((( """ }', 1),
    ("SELECT * { ?s <urn:p> ?o } # {{{{{", 1),
    ("PREFIX ex: <http://e/> SELECT * { ?s ex:a\\{\\( ?o }", 1),
    ("SELECT * { ?s <urn:a{b> ?o }", 2),  # not an IRI (no { in IRIs): the { counts
    ("SELECT * \\u007B \\u007B ?s ?p ?o \\u007D \\u007D", 2),
])
def test_measure_knows_strings_iris_comments_and_escapes(text, depth):
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    assert measure(expandUnicodeEscapes(text))[0] == depth


def test_unicode_escaped_brackets_are_counted():
    text = "SELECT * WHERE " + "\\u007B" * 3000 + "\\u007D" * 3000
    with pytest.raises(QueryError, match="nests brackets 3000 deep"):
        check_query(text)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' }",
    'SELECT * WHERE { ?s ?p """LOAD <http://x/>""" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> {}",
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:load ?o }",
    "SELECT ?service WHERE { ?service ?p ?o }",
    "PREFIX ex: <http://e/> SELECT ?o { OPTIONAL { ?s ex:a\\# ?x } }",
])
def test_keywords_that_are_not_keywords_pass(query):
    check_query(query)


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "WITH <urn:g> DELETE { ?s ?p ?o } INSERT { ?o ?p ?s } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/x.ttl>",
    "CLEAR ALL", "DROP GRAPH <urn:g>", "CREATE GRAPH <urn:g>",
    "ADD <urn:a> TO <urn:b>", "MOVE <urn:a> TO <urn:b>", "COPY <urn:a> TO <urn:b>",
    "CLEAR ALL ; LOAD <http://example.org/x.ttl>",
])
def test_every_update_form_is_refused_by_the_parse(update):
    with pytest.raises(QueryError, match="updates are refused"):
        check_query(update)


@pytest.mark.parametrize(("query", "position"), [
    ("SELECT ?x WHERE { ?x ?y }", "line 1, column"),
    ("SELECT ?x\nWHERE {\n  ?x ?y ?z .\n  FILTER(?x > ) }", "line 4, column"),
    ("SELEC * {}", "line 1, column 1"),
])
def test_syntax_errors_are_one_short_line_with_the_position(query, position):
    with pytest.raises(QueryError, match="SPARQL syntax error at " + position) as info:
        check_query(query)
    assert "\n" not in str(info.value) and len(str(info.value)) < 200


def test_the_engines_errors_lose_their_unicode_ranges(shipped):
    from datacareers.views.sparql import run_query

    with pytest.raises(QueryError) as info:
        run_query(shipped, "SELECT * WHERE { ?s nope:thing ?o }")
    message = str(info.value)
    assert message.startswith("SPARQL syntax error at line 1, column") and "prefix not found" in message
    assert "\\u{" not in message and len(message) < 200


def test_dataset_clauses_are_seen():
    assert check_query("SELECT * FROM <urn:g> { ?s ?p ?o }").names_dataset
    assert check_query("SELECT * FROM NAMED <urn:g> { GRAPH ?g { ?s ?p ?o } }").names_dataset
    assert not check_query("SELECT * { GRAPH <urn:g> { ?s ?p ?o } }").names_dataset


def test_huge_query_is_refused_before_parsing():
    with pytest.raises(QueryError, match="over the limit"):
        check_query("ASK {}" + " " * 1_000_001)
