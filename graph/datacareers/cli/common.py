"""What every command shares: the error-to-exit-code group, the --lang option, output helpers."""

from __future__ import annotations

import os
import sys

import click

from datacareers.errors import DataCareersError


class Group(click.Group):
    """Turn our own errors into one line on stderr and their exit code."""

    def invoke(self, ctx: click.Context):
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
    help="Language of labels and text (default: French if $LANG is French, else English).",
)


def language(value: str | None) -> str:
    if value:
        return value
    env = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "fr" if env.lower().startswith("fr") else "en"


def echo_bytes(data: bytes) -> None:
    stream = click.get_binary_stream("stdout")
    stream.write(data)
    stream.flush()


