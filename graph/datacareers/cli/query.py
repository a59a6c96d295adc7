"""``datacareers query``: read-only SPARQL."""

from __future__ import annotations

import click


@click.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from FILE ('-' for stdin).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              help="table for people; json/xml/csv/tsv are the W3C SPARQL results formats; "
                   "CONSTRUCT/DESCRIBE answers come as Turtle (table, ttl), N-Triples, JSON-LD or RDF/XML.")
@click.option("--list", "list_examples", is_flag=True, help="List the example queries and exit.")
def query(query: str | None, query_file, fmt: str, list_examples: bool) -> None:
    """Run a read-only SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE).

    QUERY is the query text, '-' to read it from stdin, or the name of a shipped
    example (see --list). The prefixes career:, role:, skill:, sector:, employer:,
    source:, skos:, schema:, dcterms:, rdfs:, xsd:, esco: ... are predeclared. Queries
    see the union of every source; GRAPH ?g tells which source states a fact.
    Updates (INSERT, DELETE, LOAD, CLEAR...) and SERVICE are refused (exit 2).

    \b
    Examples:
      datacareers query --list
      datacareers query salaries-by-seniority
      datacareers query 'SELECT ?r WHERE { ?r career:canBecome role:chief-data-officer }'
      datacareers query 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g' --format csv
      datacareers query -f my.rq --format json | jq .
    """
    from datacareers.errors import BadInputError
    from datacareers.views.sparql import example_description, example_queries, format_result, run_query

    examples = example_queries()
    if list_examples:
        for name, path in examples.items():
            click.echo(f"{name:<28} {example_description(path)}")
        return
    if query_file is not None and query is not None:
        raise click.UsageError("give the query as an argument or with -f, not both")
    if query_file is not None:
        text = query_file.read()
    elif query == "-":
        text = click.get_text_stream("stdin").read()
    elif query in examples:
        text = examples[query].read_text(encoding="utf-8")
    elif query:
        text = query
    else:
        raise click.UsageError("give a SPARQL query, -f FILE, '-' for stdin, or an example name (--list)")
    if not text.strip():
        raise BadInputError("the query is empty")
    from datacareers.store.dataset import open_dataset

    result = run_query(open_dataset(), text)
    click.echo(format_result(result, fmt).rstrip("\n"))


