"""Progress bars for the command line: the one place that turns progress callbacks into
``click.progressbar`` on stderr (lower layers only call back).

>>> bar_if_terminal(quiet=True).__name__
'no_progress'
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager

import click

from datacareers.progress import no_progress


def click_progress(label: str, length: int) -> AbstractContextManager:
    """A ``click.progressbar`` on stderr, sized in units of *length* (bytes, triples)."""
    return click.progressbar(length=max(length, 1), label=label, file=sys.stderr, width=30)


def bar_if_terminal(quiet: bool = False):
    """A progress factory: bars when stderr is a terminal (piped, an error stays one
    line) and not *quiet*, else none."""
    return click_progress if sys.stderr.isatty() and not quiet else no_progress
