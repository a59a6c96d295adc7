"""``datacareers site``: the static, offline, bilingual site, written as one folder.

>>> import pathlib, tempfile
>>> from click.testing import CliRunner
>>> out = pathlib.Path(tempfile.mkdtemp()) / "site"
>>> CliRunner().invoke(site_command, ["-o", str(out)]).exit_code
0
>>> sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
['en', 'fr', 'index.html']
"""

import click


@click.command("site")
@click.option("-o", "--output", "output", type=click.Path(file_okay=False), default="site", show_default=True,
              metavar="DIR", help="The folder to write (replaced whole, atomically: staged, then swapped in).")
def site_command(output: str) -> None:
    """Write the static site: a French and an English tree of pages that work offline.

    \b
    DIR/index.html            the choice of language
    DIR/fr/index.html         the roles by family, with search, pay and outlook
    DIR/fr/roles/<slug>.html  one page per role: every fact with its source, schema.org JSON-LD
    DIR/fr/path.html          the path finder (path.html?from=data-analyst&to=chief-data-officer&k=3),
                              also from a ROME fiche, found by any of its titles (?from=M1203),
                              with the skills a pasted CV names
    DIR/fr/map.html           the map (map.html?focus=data-analyst, map.html?path=a,b,c)
    DIR/fr/sources.html       every source with its licence and attribution
    DIR/en/...                the same pages in English

    Every page is self-contained (no request to any host) and opens from disk. The
    folder is built aside and swapped in only once whole: a failure leaves the previous
    site as it was. DIR must be new, empty, or a site written by this command.

    \b
    Examples:
      datacareers site -o site && xdg-open site/fr/index.html
      datacareers site -o /srv/www/careers

    The folder written and its size are printed on stdout.
    """
    from datacareers.i18n import _, number
    from datacareers.store.dataset import open_dataset
    from datacareers.views.site import render_site, write_site

    files = render_site(open_dataset())
    target = write_site(files, output)
    size = sum(len(data) for data in files.values())
    click.echo(_("{path}  ({n} files, {size} bytes)").format(path=target, n=number(len(files)), size=number(size)))
