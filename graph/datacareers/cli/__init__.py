"""The ``datacareers`` command line (click): the only layer that imports click.

One module per command family; each imports its heavy dependencies inside the command,
so ``datacareers --help`` stays instant.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["--version"]).output.startswith("datacareers, version")
True
"""

from __future__ import annotations

import click

from datacareers import __version__
from datacareers.cli.common import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="datacareers")
def main() -> None:
    """An open knowledge graph of data careers: roles, skills, salaries, moves.

    \b
    Examples:
      datacareers roles
      datacareers show "ML engineer"
      datacareers path "data analyst" "chief data officer"
      datacareers path "comptable" "data analyst" --have-text cv.txt
      datacareers match cv.txt
      datacareers query salaries-by-seniority
      datacareers build
    """



def _register_commands() -> None:
    from datacareers.cli.graph import build, export, validate
    from datacareers.cli.imports import import_group, sources_command
    from datacareers.cli.match import match_command
    from datacareers.cli.moves import import_inferred, next_command
    from datacareers.cli.query import query
    from datacareers.cli.roles import path, roles, show
    from datacareers.cli.serve import push_command, serve_command
    from datacareers.cli.site import site_command
    from datacareers.cli.view import view_command

    for command in (build, query, path, next_command, match_command, show, roles, validate, export, import_group,
                    sources_command, view_command, serve_command, push_command, site_command):
        main.add_command(command)
    import_group.add_command(import_inferred)


_register_commands()
