"""The on-disk store of imported sources, in the user's data folder.

Nothing is written there until the first ``datacareers import``. (The import issue
fills this module in: atomic replacement of a source, listing sources.)
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.constants import data_home


def store_dir():
    """Folder of the on-disk Oxigraph store (``$DATACAREERS_HOME/store``)."""
    return data_home() / "store"


def open_persistent() -> Store | None:
    """The on-disk store with shipped facts in sync, or ``None`` when nothing is imported."""
    if not store_dir().is_dir():
        return None
    return Store.read_only(str(store_dir()))
