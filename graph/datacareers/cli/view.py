"""``datacareers view``: the interactive HTML graph, one file that works offline.

>>> import pathlib, tempfile
>>> from click.testing import CliRunner
>>> out = pathlib.Path(tempfile.mkdtemp()) / "analyst.html"
>>> CliRunner().invoke(view_command, ["--focus", "data analyst", "--depth", "0", "-o", str(out)]).exit_code
0
>>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
True
"""

import click

from datacareers.cli.common import LANG_OPTION, language


@click.command("view")
@click.option("--focus", "focus", metavar="ROLE", default=None,
              help="Draw only the neighbourhood of ROLE: a slug (machine-learning-engineer), "
                   "a full IRI, or a French or English name (\"ML engineer\").")
@click.option("--depth", type=int, default=1, show_default=True, metavar="N",
              help="With --focus: how many links away from ROLE to draw (0 = the role alone).")
@click.option("--max-nodes", type=click.IntRange(min=0), default=150, show_default=True, metavar="N",
              help="With --focus: draw at most N nodes, the most relevant first (moves, reporting lines, "
                   "essential skills, sectors, employers, then the rest); 0 = no cap.")
@LANG_OPTION
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, writable=False),
              default="datacareers.html", show_default=True, metavar="FILE",
              help="Where to write the page (replaced atomically).")
@click.option("--title", default=None, help="Page title (default: \"Métiers de la donnée\" / \"Data careers\").")
def view_command(focus: str | None, depth: int, max_nodes: int, lang: str | None, output: str,
                 title: str | None) -> None:
    """Write the interactive HTML view of the graph: one self-contained file.

    The page needs no network (every script and style is inside it): open it from
    disk, send it by mail, put it on a USB key. Nodes are coloured and shaped by kind
    (role, hard / soft skill, knowledge, sector, employer type), roles sized by how
    central they are; the legend doubles as filters (kind, relation, source). Type in
    the search box (French or English, accents optional) to find and centre a node;
    click a node to read its definition, salaries, education, skills, managers, next
    roles and the source of each fact.

    \b
    Examples:
      datacareers view                              # whole graph -> ./datacareers.html
      datacareers view --lang en -o careers.html
      datacareers view --focus machine-learning-engineer
      datacareers view --focus "analyste de données" --depth 2 --max-nodes 300 -o analyst.html

    The path written is printed on stdout.
    """
    if depth < 0:
        raise click.BadParameter(f"must be 0 or more, not {depth}", param_hint="'--depth'")
    if focus is not None and not focus.strip():
        raise click.BadParameter("give a role name, slug or IRI", param_hint="'--focus'")

    from datacareers.i18n import _
    from datacareers.store.dataset import open_dataset
    from datacareers.views.html.page import page_and_data, write_page

    html, data = page_and_data(open_dataset(), lang=language(lang), focus=focus, depth=depth, title=title,
                               max_nodes=max_nodes)
    path = write_page(html, output)
    if data["capped"]:
        shown, total = data["capped"]
        click.echo(_("Drew {shown} of the {total} nodes around the role, the most relevant first; "
                     "--max-nodes 0 draws them all.").format(shown=shown, total=total), err=True)
    click.echo(str(path))
