"""The one dataset every command reads: shipped facts plus imported sources.

With nothing imported this is the in-memory shipped store (or, for the commands that answer
a person, ``path``, ``next``, ``match`` and ``show``, its cached read-only copy on disk:
:mod:`datacareers.store.shipped_cache`; never for a command that hands the store to a
forked child, ``query`` or ``serve``: RocksDB's threads do not survive a fork); after an
import it is the on-disk store in the user's data folder (see :mod:`datacareers.store.persist`).

>>> store = open_dataset()
>>> len(store) > 1000
True
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.store.persist import open_persistent
from datacareers.store.shipped import shipped_store
from datacareers.store.shipped_cache import shipped_dataset


def open_dataset(cached: bool = False) -> Store:
    """Shipped facts plus any imported sources, one named graph per source; *cached*: the
    shipped facts from their on-disk copy (a process that forks no child reading it)."""
    store = open_persistent()
    if store is not None:
        return store
    return shipped_dataset() if cached else shipped_store()
