"""Progress reporting without a user interface: lower layers call back, the CLI draws.

Importers and ``push`` take a *progress factory*: ``progress(label, total)`` returns a
context manager whose value has ``update(n)``. The command line passes one built on
``click.progressbar``; everything else gets :func:`no_progress`.

>>> with no_progress("reading", 10) as bar:
...     bar.update(5)
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

#: ``progress(label, total)`` -> a context manager whose value has ``update(n)``.
ProgressFactory = Callable[[str, int], AbstractContextManager]


class _NoBar:
    def update(self, n: int) -> None:
        pass


def no_progress(label: str, length: int) -> AbstractContextManager:
    """The default: no progress display."""
    return nullcontext(_NoBar())
