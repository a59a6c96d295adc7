"""The one dataset every command reads: shipped facts plus imported sources.

With nothing imported this is the shipped store (a cached read-only copy on disk, see
:mod:`datacareers.store.shipped_cache`); after an import it is the on-disk store in the
user's data folder (see :mod:`datacareers.store.persist`).

>>> store = open_dataset()
>>> len(store) > 1000
True
"""

from __future__ import annotations

from pyoxigraph import Store

from datacareers.store.persist import open_persistent
from datacareers.store.shipped_cache import shipped_dataset


def open_dataset() -> Store:
    """Shipped facts plus any imported sources, one named graph per source."""
    store = open_persistent()
    return store if store is not None else shipped_dataset()
