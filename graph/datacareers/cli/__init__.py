"""The ``datacareers`` command line (click). Heavy imports live inside commands."""

from __future__ import annotations

import sys

import click

from datacareers import __version__


class Group(click.Group):
    """Turn our own errors into one line on stderr and their exit code."""

    def invoke(self, ctx: click.Context):
        from datacareers.errors import DataCareersError

        try:
            return super().invoke(ctx)
        except DataCareersError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            # The reader went away (`datacareers export ... | head`): stop quietly.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:
            # A path we cannot read or write (missing folder, no permission, full disk).
            where = f" {exc.filename}" if exc.filename else ""
            click.echo(f"Error: cannot use{where}: {exc.strerror or exc}", err=True)
            sys.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="datacareers")
def main() -> None:
    """An open knowledge graph of data careers: roles, skills, salaries, moves.

    \b
    Examples:
      datacareers roles
      datacareers show "ML engineer"
      datacareers path "data analyst" "chief data officer"
      datacareers query salaries-by-seniority
      datacareers build
    """


LANG_OPTION = click.option(
    "--lang", type=click.Choice(["fr", "en"]), default=None,
    help="Language of labels and text (default: French if $LANG is French, else English).",
)


def _lang(value: str | None) -> str:
    import os

    if value:
        return value
    env = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "fr" if env.lower().startswith("fr") else "en"


def _echo_bytes(data: bytes) -> None:
    stream = click.get_binary_stream("stdout")
    stream.write(data)
    stream.flush()


@main.command()
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Folder to write into (default: the checkout's output/ folder).")
@LANG_OPTION
def build(output_dir: str | None, lang: str | None) -> None:
    """Validate the shipped graph, then write every artefact into output/.

    \b
    Writes datacareers.ttl (canonical Turtle: the same sources give the same bytes),
    .jsonld, .nt, .trig (named graphs kept), .graphml and datacareers.html (the
    interactive view, self-contained, works offline). Files are replaced only once all
    of them are ready, each by an atomic rename: a failed build changes nothing.
    Exits 1 when the data does not conform to ontology/shapes.ttl.

    \b
    Example:
      datacareers build && open output/datacareers.html
    """
    from pathlib import Path

    from datacareers.cli.build import build as run_build
    from datacareers.constants import DEFAULT_OUTPUT_DIR
    from datacareers.store.shipped import shipped_store

    summary = run_build(shipped_store(), Path(output_dir) if output_dir else DEFAULT_OUTPUT_DIR,
                        lang=_lang(lang) if lang else "fr")
    click.echo(summary.text())


@main.command()
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


@main.command()
@click.argument("from_role", metavar="FROM")
@click.argument("to_role", metavar="TO")
@click.option("-k", "k", type=click.IntRange(min=1, max=50), default=3, show_default=True,
              help="How many paths to show, best first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--view", "view_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write the HTML view with these paths highlighted to this file.")
@LANG_OPTION
def path(from_role: str, to_role: str, k: int, fmt: str, view_file: str | None, lang: str | None) -> None:
    """The best career paths from one role to another, with the skills each step adds.

    FROM and TO are role names in French or English (preferred or alternative labels:
    "ML engineer", "ingénieur machine learning", "CDO", "directeur data"...), ids
    (data-analyst) or IRIs; case and accents do not matter.

    \b
    How paths are ranked: a path costs the sum of its steps. A step costs 1 (the move)
    plus its skill gap: the share, 0 to 1, of the target role's required skills
    (essential ones where the source says which) that the current role lacks; when no
    source lists the target's skills the gap counts as 1. Moves come from the sources
    only (the article, ROME 4.0, imports); each step names its sources.

    \b
    Exit codes: 0 paths found, 1 no path, 2 unknown or ambiguous role.

    \b
    Examples:
      datacareers path "data analyst" "chief data officer"
      datacareers path "ML engineer" DSI -k 5
      datacareers path "ingénieur machine learning" CDO --format json
      datacareers path data-analyst chief-data-officer --view paths.html
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role
    from datacareers.views.paths import find_paths
    from datacareers.views.report import path_json, path_text

    store = open_dataset()
    source = resolve_role(store, from_role)
    target = resolve_role(store, to_role)
    language = _lang(lang)
    result = find_paths(store, source, target, k=k)
    if fmt == "json":
        click.echo(json.dumps(path_json(store, result, language), ensure_ascii=False, indent=2))
    else:
        click.echo(path_text(store, result, language), nl=False)
    if view_file:
        from datacareers.views.html.page import write_view

        written = write_view(store, view_file, lang=language, highlight_paths=[p.roles for p in result.paths])
        click.echo(f"View written to {written}", err=True)


@main.command()
@click.argument("role")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def show(role: str, fmt: str, lang: str | None) -> None:
    """Everything the graph says about one role, with the source of each fact.

    \b
    Labels, definition, missions, skills by kind, salary bands, education, sectors,
    employers, managers, collaborators, moves in and out, classification matches.

    \b
    Examples:
      datacareers show "ML engineer"
      datacareers show chief-data-officer --lang fr
      datacareers show "data scientist" --format json
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role
    from datacareers.views.describe import role_facts
    from datacareers.views.report import show_text

    store = open_dataset()
    language = _lang(lang)
    facts = role_facts(store, resolve_role(store, role), language)
    if fmt == "json":
        click.echo(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        click.echo(show_text(facts, language), nl=False)


@main.command()
@click.option("--all", "show_all", is_flag=True, help="Include imported occupations, not only curated roles.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def roles(show_all: bool, fmt: str, lang: str | None) -> None:
    """List the roles: id, name, how many skills and moves the sources give.

    \b
    Examples:
      datacareers roles
      datacareers roles --lang fr
      datacareers roles --all --format json
    """
    import json

    from pyoxigraph import NamedNode

    from datacareers.constants import ROLE, SOURCE
    from datacareers.labels import pick_label
    from datacareers.store.dataset import open_dataset
    from datacareers.store.walk import all_roles
    from datacareers.views.network import role_counts

    language = _lang(lang)
    store = open_dataset()
    pref = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    rows = []
    for role in all_roles(store) if show_all else all_roles(store, SOURCE["curated"]):
        labels = {q.object.language or "": q.object.value for q in store.quads_for_pattern(NamedNode(role), pref, None)}
        rows.append({
            "id": role, "slug": role[len(ROLE):] if role.startswith(ROLE) else role,
            "label": pick_label(labels, language, role), **role_counts(store, role),
        })
    rows.sort(key=lambda r: r["label"].casefold())
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(r["slug"]) for r in rows), default=2)
    click.echo(f"{'id':<{width}}  {'name':<34} skills  moves out/in")
    for r in rows:
        click.echo(f"{r['slug']:<{width}}  {r['label'][:34]:<34} {r['skills']:>6}  {r['moves_out']:>5}/{r['moves_in']}")
    click.echo(f"({len(rows)} roles)")


@main.command()
@click.option("--with-imports", is_flag=True,
              help="Also validate imported sources (slow on full releases).")
def validate(with_imports: bool) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl.

    \b
    Prints a report naming each focus node that breaks a shape. Exit 0 when the data
    conforms, 1 when it does not.
    """
    from datacareers.store.dataset import open_dataset
    from datacareers.store.shipped import shipped_store
    from datacareers.store.validate import validate_store

    store = open_dataset() if with_imports else shipped_store()
    if len(store) > 200_000:
        click.echo(f"Validating {len(store):,} triples with pySHACL: this takes minutes and several GB "
                   "of memory.", err=True)
    report = validate_store(store)
    click.echo(report.text())
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["ttl", "jsonld", "nt", "trig", "graphml", "gexf"]),
              help="ttl and nt hold the union of all sources; trig and jsonld keep the named graphs; "
                   "graphml and gexf hold the NetworkX projection.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
def export(fmt: str, output: str | None) -> None:
    """Export the whole graph (shipped facts and imports) in a standard format.

    \b
    Examples:
      datacareers export --format ttl > careers.ttl
      datacareers export --format trig -o careers.trig
      datacareers export --format graphml -o careers.graphml
    """
    from datacareers.files import write_atomically
    from datacareers.store.dataset import open_dataset
    from datacareers.views.export import export_bytes

    data = export_bytes(open_dataset(), fmt)
    if output:
        click.echo(f"Wrote {write_atomically(output, data)} ({len(data):,} bytes)", err=True)
    else:
        _echo_bytes(data)


def _register_optional_commands() -> None:
    """Commands defined in their own modules (each imports only click at top level)."""
    from datacareers.cli.imports import import_group, sources_command
    from datacareers.cli.serve import push_command, serve_command
    from datacareers.cli.view import view_command

    for command in (import_group, sources_command, view_command, serve_command, push_command):
        main.add_command(command)


_register_optional_commands()
