r"""What every command shares: the error-to-exit-code group, the --lang option, output helpers.

>>> language("fr")
'fr'
>>> from click.testing import CliRunner
>>> import click
>>> @click.command()
... def hello():
...     echo_text("tab\tstays, escape\x1b[2J goes")
>>> CliRunner().invoke(hello).output
'tab\tstays, escape[2J goes\n'
"""

from __future__ import annotations

import os
import sys

import click

from datacareers.errors import DataCareersError


class Group(click.Group):
    """Turn our own errors into one line on stderr and their exit code."""

    def invoke(self, ctx: click.Context):
        language(None)  # errors raised before a command picks its language speak the default one
        try:
            return super().invoke(ctx)
        except DataCareersError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            # The reader went away (`datacareers export ... | head`): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:
            # A path we cannot read or write (missing folder, no permission, full disk).
            where = f" {exc.filename}" if exc.filename else ""
            click.echo(f"Error: cannot use{where}: {exc.strerror or exc}", err=True)
            sys.exit(2)


LANG_OPTION = click.option(
    "--lang", type=click.Choice(["fr", "en"]), default=None,
    help="Language of labels and text. Default: $DATACAREERS_LANG, else your locale "
         "($LC_ALL, $LC_MESSAGES, $LANG), else English.",
)


def language(value: str | None) -> str:
    """The language of this command (the one policy: see :mod:`datacareers.i18n`), now active."""
    from datacareers import i18n

    chosen = value or i18n.default_language()
    i18n.set_language(chosen)
    return chosen


def echo_text(text: str, nl: bool = True) -> None:
    """Text for a terminal: control characters a label may carry (escape sequences) removed."""
    from datacareers.labels import printable

    click.echo(printable(text), nl=nl)


def echo_bytes(data: bytes) -> None:
    stream = click.get_binary_stream("stdout")
    stream.write(data)
    stream.flush()


