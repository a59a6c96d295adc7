"""A read-only on-disk copy of the shipped store in the data folder's cache: ``path``,
``next``, ``match`` and ``show`` open the shipped facts (122,000 quads) in milliseconds
instead of parsing 5 MB of Turtle each time (0.3-0.45 s, most of a cold ``path``). Not
``query`` or ``serve``, which hand the store to forked children (RocksDB's threads do not
survive a fork) and need the merge besides (:mod:`datacareers.store.merged`).

The copy is named after the shipped files' digest (``cache/shipped-<digest>/``), so a newer
package never reads an older copy. It is written aside and renamed into place whole, a
``complete`` marker inside written last; a copy without its marker, or one that fails to
open, is never read: it is replaced. A read-only data folder, or
``DATACAREERS_NO_CACHE=1`` in the environment, uses the in-memory store and writes nothing.

>>> cache_folder("ab" * 32).name
'shipped-abababababababab'
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

from pyoxigraph import Store

from datacareers.constants import data_home
from datacareers.store.shipped import mark_shipped_copy, shipped_digest, shipped_store

#: The file written last in a complete copy.
MARKER = "complete"


def cache_folder(digest: str) -> Path:
    """Where the copy of the shipped files with this digest lives."""
    return data_home() / "cache" / f"shipped-{digest[:16]}"


def shipped_dataset() -> Store:
    """The shipped facts: the cached on-disk copy when there is one, else the in-memory store
    (and a copy saved for the next command, when the data folder can be written)."""
    if os.environ.get("DATACAREERS_NO_CACHE"):
        return shipped_store()
    digest = shipped_digest()
    folder = cache_folder(digest)
    if (folder / MARKER).is_file():
        try:
            return mark_shipped_copy(Store.read_only(str(folder)), digest)
        except (OSError, RuntimeError, ValueError):
            pass
    # damaged, or not a copy this module wrote (those arrive whole, marker inside): replaced
    shutil.rmtree(folder, ignore_errors=True)
    store = shipped_store()
    save_copy(store, folder)
    return store


def save_copy(store: Store, folder: Path) -> None:
    """Write *store* to *folder* whole or not at all (a read-only data folder: not at all)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        aside = Path(tempfile.mkdtemp(prefix=".shipped-", dir=folder.parent))
    except OSError:
        return
    try:
        copy = Store(str(aside / "store"))
        copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
        copy.flush()
        del copy
        gc.collect()  # RocksDB lets go of the folder only when the store is freed: before it moves
        (aside / "store" / MARKER).write_text("shipped facts copied whole\n", encoding="utf-8")
        os.replace(aside / "store", folder)
        for old in folder.parent.glob("shipped-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass  # another command saved it first, or the disk is full: the next one tries again
    finally:
        shutil.rmtree(aside, ignore_errors=True)
