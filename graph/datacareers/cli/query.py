r"""``datacareers query``: read-only SPARQL, run the way the endpoint runs it.

The query runs in a walled child process (:mod:`datacareers.serve.oneshot`): it cannot
reach the network, its memory is capped, it is killed at ``--timeout`` or on Ctrl-C.
The child loads the graph while it parses the query; the answer streams back.

>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(query, ["ASK { role:data-analyst career:canBecome role:chief-data-officer }",
...                                     "--format", "json"])
>>> result.exit_code, result.output.strip()
(0, '{"head":{},"boolean":true}')
"""

from __future__ import annotations

import sys

import click

#: Bytes read from a query file at most: far more than any query the checker accepts
#: (1,000,000 characters), so a huge file is refused without being read whole.
_READ_LIMIT = 8 << 20
#: Output held back before streaming starts: a small answer cut short prints nothing.
_HOLD = 1 << 20


def _answer(job: dict, out) -> str:
    """In the walled child: load the graph (on a thread) while the query is parsed, then
    answer it through the endpoint's own code path."""
    import contextlib
    import threading

    from datacareers.store.dataset import open_dataset
    from datacareers.store.merged import queryable

    loaded: dict = {}

    def load() -> None:
        try:
            loaded["store"] = queryable(open_dataset(), owned=True)
        except BaseException as exc:  # noqa: BLE001 - raised below, in this thread
            loaded["error"] = exc

    loader = threading.Thread(target=load, name="datacareers-load")
    try:
        loader.start()
    except RuntimeError as exc:  # no room for its stack under --max-memory
        raise MemoryError(str(exc)) from None
    from datacareers.errors import QueryError
    from datacareers.serve.respond import respond
    from datacareers.views.sparql_check import check_query

    with contextlib.suppress(QueryError):
        check_query(job["query"])  # cached: respond() reports what it finds
    loader.join()
    if "error" in loaded:
        raise loaded["error"]
    return respond(loaded["store"], job, out, job["max_memory"])


class _Stdout:
    """Hold the answer up to :data:`_HOLD` bytes, then stream it; end it with a newline."""

    def __init__(self) -> None:
        self.held: list[bytes] = []
        self.size = 0
        self.streaming = False
        self.last = b"\n"
        self.stream = sys.stdout.buffer

    def write(self, chunk: bytes) -> None:
        if chunk:
            self.last = chunk[-1:]
        if self.streaming:
            self.stream.write(chunk)
            return
        self.held.append(chunk)
        self.size += len(chunk)
        if self.size > _HOLD:
            self.flush()
            self.streaming = True

    def flush(self) -> None:
        for chunk in self.held:
            self.stream.write(chunk)
        self.held.clear()
        self.stream.flush()

    def finish(self) -> None:
        if self.last != b"\n":
            self.write(b"\n")
        self.flush()


def _read(source, name: str) -> str:
    """The text of a query file or stdin: UTF-8 (a BOM is dropped), bounded in size."""
    from datacareers.errors import BadInputError

    data = source.read(_READ_LIMIT + 1)
    if len(data) > _READ_LIMIT:
        raise BadInputError(f"{name} is over {_READ_LIMIT >> 20} MB: not a query, refused")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{name} is not UTF-8 text (byte {exc.start}: 0x{data[exc.start]:02x}); "
                            "a SPARQL query must be UTF-8") from None


@click.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("rb"),
              help="Read the query from FILE ('-' for stdin), UTF-8.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              help="table for people; json/xml/csv/tsv are the W3C SPARQL results formats "
                   "(ASK in csv/tsv: a one-cell _askResult table, as Fuseki answers); "
                   "CONSTRUCT/DESCRIBE answers come as Turtle (table, ttl), "
                   "N-Triples (nt), JSON-LD (json, jsonld) or RDF/XML (xml).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0),
              help="Seconds the query may run before it is stopped (0: no limit).")
@click.option("--max-memory", default=2048, show_default=True, type=click.IntRange(64),
              metavar="MB", help="Memory the query may use, in MB.")
@click.option("--list", "list_examples", is_flag=True, help="List the example queries and exit.")
@click.option("--show", "show_example", metavar="NAME",
              help="Print example query NAME whole, PREFIX lines included, ready to paste into any SPARQL tool.")
def query(query: str | None, query_file, fmt: str, timeout: float, max_memory: int,
          list_examples: bool, show_example: str | None) -> None:
    """Run a read-only SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE).

    QUERY is the query text, '-' to read it from stdin, or the name of a shipped
    example (see --list). The prefixes career:, role:, skill:, sector:, employer:,
    source:, skos:, schema:, dcterms:, rdfs:, xsd:, esco: ... are predeclared. Queries
    see the union of every source, unless they name graphs with FROM / FROM NAMED;
    GRAPH ?g tells which source states a fact. Updates (INSERT, DELETE, LOAD, CLEAR...)
    and SERVICE are refused (exit 2), and the query cannot reach the network. Answers
    in csv, tsv, json, xml and the graph formats stream; a table holds at most 100,000
    rows.

    \b
    Examples:
      datacareers query --list
      datacareers query --show who-manages > who-manages.rq   # for Jena, Virtuoso, Comunica...
      datacareers query salaries-by-seniority
      datacareers query 'SELECT ?r WHERE { ?r career:canBecome role:chief-data-officer }'
      datacareers query 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g' --format csv
      datacareers query -f my.rq --format json --timeout 120 | jq .
    """
    from datacareers.constants import QUERIES_DIR
    from datacareers.errors import BadInputError

    examples = {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}  # light: no rdflib here
    if show_example is not None:
        if show_example not in examples:
            raise click.BadParameter(f"no example query {show_example!r} (see --list)", param_hint="--show")
        click.echo(examples[show_example].read_text(encoding="utf-8"), nl=False)
        return
    if list_examples:
        from datacareers.views.sparql import example_description

        for name, path in examples.items():
            click.echo(f"{name:<28} {example_description(path)}")
        return
    if query_file is not None and query is not None:
        raise click.UsageError("give the query as an argument or with -f, not both")
    if query_file is not None:
        text = _read(query_file, query_file.name)
    elif query == "-":
        text = _read(sys.stdin.buffer, "stdin")
    elif query in examples:
        text = examples[query].read_text(encoding="utf-8")
    elif query:
        text = query
    else:
        raise click.UsageError("give a SPARQL query, -f FILE, '-' for stdin, or an example name (--list)")
    if not text.strip():
        raise BadInputError("the query is empty")
    from datacareers.serve.oneshot import run_walled
    from datacareers.serve.wall import status

    if status():
        click.echo(f"Warning: {status()}", err=True)
    job = {"query": text, "format": fmt, "cli": True, "timeout": timeout,
           "max_memory": max_memory << 20}
    stdout = _Stdout()
    run_walled(_answer, (job,), stdout.write, timeout, max_memory << 20)
    stdout.finish()

