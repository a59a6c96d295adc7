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


def _register_optional_commands() -> None:
    """Commands defined in their own modules (each imports only click at top level)."""
    from datacareers.cli_import import import_group, sources_command
    from datacareers.cli_serve import push_command, serve_command
    from datacareers.cli_view import view_command

    for command in (import_group, sources_command, view_command, serve_command, push_command):
        main.add_command(command)


_register_optional_commands()
