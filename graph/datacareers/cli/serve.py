r"""``datacareers serve`` and ``datacareers push``. Only click is imported at module level.

>>> from click.testing import CliRunner
>>> from datacareers.cli import main
>>> result = CliRunner().invoke(main, ["push", "ftp://example.org/sparql"])
>>> result.exit_code, result.output.count("\n")
(2, 1)
"""

import click


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind: a name or an IPv4/IPv6 address (::1, [::1], :: for all). "
                   "Anything but loopback exposes the graph to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--timeout", default=5.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Most rows (or triples) in one answer; a larger answer is refused.")
@click.option("--max-query-bytes", default=1_000_000, show_default=True,
              type=click.IntRange(100), help="Largest query text accepted (413 beyond).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query processes (each holds a copy of the graph).")
@click.option("--per-client", type=click.IntRange(1, 64), default=None,
              help="Most queries one client (an IP address) runs at once. Default: --workers "
                   "minus 1 (at least 1), so one client never holds every worker.")
@click.option("--queue-timeout", type=click.FloatRange(0.1, 3600), default=None,
              help="Seconds a query may wait for a free worker before a 503 with Retry-After. "
                   "Default: --timeout + 5.")
@click.option("--max-memory", default=2048, show_default=True, type=click.IntRange(64), metavar="MB",
              help="Memory each query process may use; a query that needs more is stopped (503) and "
                   "its process replaced.")
@click.option("--max-answer-mb", default=64, show_default=True, type=click.IntRange(1), metavar="MB",
              help="Largest answer body; a larger answer is refused (422).")
@click.option("--quiet", is_flag=True, help="Do not log each request on stderr.")
def serve_command(host: str, port: int, timeout: float, max_rows: int, max_query_bytes: int,
                  workers: int, per_client: int | None, queue_timeout: float | None,
                  max_memory: int, max_answer_mb: int, quiet: bool) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (http://HOST:PORT/sparql).

    \b
    GET or POST a query; the answer's format follows the Accept header
    (SPARQL JSON by default, XML, CSV, TSV; Turtle, N-Triples, JSON-LD, RDF/XML
    for CONSTRUCT and DESCRIBE). GET /sparql without a query gives the service
    description. Open http://127.0.0.1:7878/ in a browser for a query box and
    the example queries.

    \b
    Examples:
      datacareers serve
      datacareers serve --host ::1 --port 8000
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/sparql
    """
    from datacareers.errors import BadInputError
    from datacareers.serve import endpoint as serve

    settings = serve.Settings(timeout=timeout, max_rows=max_rows,
                              max_query_bytes=max_query_bytes, workers=workers, quiet=quiet,
                              per_client=per_client, queue_timeout=queue_timeout,
                              max_memory=max_memory << 20, max_answer_bytes=max_answer_mb << 20)
    try:
        server = serve.make_server(host, port, settings)
    except OSError as exc:
        raise BadInputError(f"cannot listen on {serve.url_authority(host.strip('[]'), port)}: "
                            f"{exc.strerror or exc}") from None
    if not serve.is_loopback(host):
        click.echo(f"Warning: listening on {host}, not only on loopback: anyone who can reach this "
                   f"machine on port {server.server_address[1]} can query the graph (read-only).", err=True)
    from datacareers.serve.wall import status

    if status():
        click.echo(f"Warning: {status()}", err=True)
    click.echo(serve.describe(server), err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()


@click.command("push")
@click.argument("url")
@click.option("--graph-store", metavar="URL",
              help="Graph Store Protocol endpoint receiving the PUTs, when it is not URL "
                   "(Virtuoso: .../sparql-graph-crud-auth, Fuseki: .../DATASET/data).")
@click.option("--user", help="User name for HTTP Basic or Digest authentication.")
@click.option("--password", envvar="DATACAREERS_PUSH_PASSWORD",
              help="Password (or set DATACAREERS_PUSH_PASSWORD).")
@click.option("--batch-size", default=50_000, show_default=True, type=click.IntRange(1),
              help="Triples per request; a graph's first batch replaces it (PUT), the "
                   "others are added (POST).")
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Push only this named graph (repeatable). Default: every graph.")
@click.option("--verify/--no-verify", default=True, show_default=True,
              help="Afterwards, count each graph's triples through the SPARQL endpoint URL.")
@click.option("--timeout", default=120.0, show_default=True, type=click.FloatRange(1),
              help="Deadline in seconds for each HTTP request, answer included.")
def push_command(url: str, graph_store: str | None, user: str | None, password: str | None,
                 batch_size: int, graphs: tuple[str, ...], verify: bool,
                 timeout: float) -> None:
    """Push every named graph to a triple store (SPARQL 1.1 Graph Store Protocol).

    URL is the server's SPARQL query endpoint, used to check the counts afterwards;
    each graph is sent to --graph-store (default URL) with PUT ?graph=IRI, so it is
    replaced whole and a failed push can simply be re-run. Redirects are refused
    (give the URL that answers directly); credentials may be written in the URL
    (http://user:password@host/...) and are never printed.

    \b
    Examples:
      datacareers push http://127.0.0.1:7879/query --graph-store http://127.0.0.1:7879/store
      datacareers push http://127.0.0.1:8891/sparql \\
        --graph-store http://127.0.0.1:8891/sparql-graph-crud-auth --user dba --password dba
    """
    from datacareers.cli.progress import bar_if_terminal
    from datacareers.serve.push import push_dataset
    from datacareers.store.dataset import open_dataset

    store = open_dataset()
    report = push_dataset(
        store, url, graph_store=graph_store, user=user, password=password,
        batch_size=batch_size, only=list(graphs) or None, verify=verify, timeout=timeout,
        progress=bar_if_terminal(),
    )
    click.echo(report)
