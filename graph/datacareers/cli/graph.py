r"""``datacareers build``, ``validate`` and ``export``: the whole graph at once.

>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(export, ["--format", "nt"])
>>> result.exit_code, result.output.count(" .\n") > 5000
(0, True)
"""

from __future__ import annotations

import sys

import click

from datacareers.cli.common import LANG_OPTION, echo_bytes, language


@click.command()
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Folder to write into (default: the checkout's output/ folder).")
@LANG_OPTION
def build(output_dir: str | None, lang: str | None) -> None:
    """Validate the shipped graph, then write every artefact into output/.

    \b
    Writes datacareers.ttl (canonical Turtle: the same sources give the same bytes),
    .jsonld, .nt, .trig (named graphs kept), .graphml and datacareers.html (the
    interactive view, self-contained, works offline). The set is published at once:
    each build writes a folder under output/.builds/, then one rename points
    output/current at it; output/datacareers.html and the other names are links
    through output/current. A failed or killed build leaves the previous set whole
    (the next build removes its leftovers). Exits 1 when the data does not conform
    to ontology/shapes.ttl.

    \b
    Example:
      datacareers build && open output/datacareers.html
    """
    from pathlib import Path

    from datacareers.cli.build import build as run_build
    from datacareers.constants import DEFAULT_OUTPUT_DIR
    from datacareers.store.shipped import shipped_store

    summary = run_build(shipped_store(), Path(output_dir) if output_dir else DEFAULT_OUTPUT_DIR,
                        lang=language(lang))
    click.echo(summary.text())


@click.command()
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


@click.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["ttl", "jsonld", "nt", "trig", "graphml", "gexf"]),
              help="ttl and nt hold the union of all sources; trig and jsonld keep the named graphs; "
                   "graphml and gexf hold the NetworkX projection.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
@LANG_OPTION
def export(fmt: str, output: str | None, lang: str | None) -> None:
    """Export the whole graph (shipped facts and imports) in a standard format.

    \b
    -o FILE replaces FILE with one rename, so readers never see half of it; a link
    is followed (the file it points to is replaced), a device or a named pipe such
    as /dev/stdout is written to directly, a folder is refused.

    \b
    Examples:
      datacareers export --format ttl > careers.ttl
      datacareers export --format trig -o careers.trig
      datacareers export --format graphml --lang fr -o careers.graphml
    """
    from datacareers.files import write_atomically
    from datacareers.store.dataset import open_dataset
    from datacareers.views.export import export_bytes

    data = export_bytes(open_dataset(), fmt, lang=language(lang))
    if output:
        click.echo(f"Wrote {write_atomically(output, data)} ({len(data):,} bytes)", err=True)
    else:
        echo_bytes(data)


