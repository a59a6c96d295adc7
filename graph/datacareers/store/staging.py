"""How the on-disk store changes without ever being half-changed: lock, stage, swap.

Every change is staged (see :mod:`datacareers.store.persist` for what the store holds):

1. under an exclusive lock (``$DATACAREERS_HOME/.lock``), a staging store
   ``store.staging-<pid>`` is made: a copy of the live store (an Oxigraph backup: hard
   links, cheap) when graphs are only added, or, when a graph is dropped, a new store
   loaded from the shipped files and the copies of the imports that stay, when that is
   cheaper than deleting in place (see :data:`REBUILD_RATIO`);
2. the staging store is changed (new quads bulk-loaded, shipped graphs re-synced if the
   shipped files changed) and closed; the copies of the imports that stay are
   hard-linked in;
3. the folders are swapped by two renames: ``store`` -> ``store.old``,
   ``store.staging-<pid>`` -> ``store``, then ``store.old`` is deleted.

A half-done swap (``store.old`` without ``store``) is put back by the next writer, or
by a reader that can write; a reader that cannot reads ``store.old``.

>>> staging_dir().name.startswith("store.staging-")
True
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import json
import os
import shutil
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, RdfFormat, Store

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from datacareers.constants import data_home
from datacareers.errors import BadInputError
from datacareers.files import write_atomically
from datacareers.store.shipped import load_shipped, load_turtle, shipped_digest, shipped_graphs

META_FILE = "datacareers.json"
FORMAT = 2
#: The folder, inside the store folder, holding each import's quads (gzipped N-Quads).
CACHE_DIR = "imports"

#: Dropping a graph rebuilds the store from the copies of what stays when the triples
#: that stay are at most this many times those dropped; otherwise they are deleted in
#: place. On a 2-core machine deleting a quad in place cost 2.8 to 5 times loading one
#: from its copy, about 3 times when the machine is otherwise idle
#: (``scripts/bench_import.py`` times both ways on the three releases).
REBUILD_RATIO = 3.0

#: ``change(store, meta, dropped)``: what a staged change does to the staging store.
Change = Callable[[Store, dict, dict], Any]


class StoreWriteError(BadInputError):
    """The data folder cannot be written (read-only, no space, wrong owner)."""


def store_dir() -> Path:
    """Folder of the on-disk Oxigraph store (``$DATACAREERS_HOME/store``)."""
    return data_home() / "store"


def old_dir() -> Path:
    return data_home() / "store.old"


def staging_dir() -> Path:
    """The staging folder of this process."""
    return data_home() / f"store.staging-{os.getpid()}"


# ----------------------------------------------------------------- metadata


def blank_meta() -> dict:
    """The record of a store that holds nothing yet."""
    return {"format": FORMAT, "shipped_digest": "", "imports": {}}


def read_meta(folder: Path | None = None) -> dict:
    """The ``datacareers.json`` of a store folder (the live one by default); a blank
    record when there is none."""
    try:
        meta = json.loads(((folder or store_dir()) / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    return {**blank_meta(), **meta}


def write_meta(folder: Path, meta: dict) -> None:
    meta["format"] = FORMAT
    write_atomically(folder / META_FILE, (json.dumps(meta, indent=2, sort_keys=True) + "\n").encode())


# ----------------------------------------------------------------- locking and recovery


@contextlib.contextmanager
def lock(blocking: bool = True) -> Iterator[bool]:
    """An exclusive lock on the data folder; yields False if not *blocking* and busy."""
    home = data_home()
    if fcntl is None:  # pragma: no cover - Windows: no advisory locks, run unguarded
        yield True
        return
    try:
        home.mkdir(parents=True, exist_ok=True)
        handle = open(home / ".lock", "a")  # noqa: SIM115 - closed just below
    except OSError as exc:
        raise StoreWriteError(
            f"{home}: cannot write the data folder ({exc.strerror or exc}); "
            "set DATACAREERS_HOME to a folder you can write"
        ) from None
    with handle:
        flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _recover() -> None:
    """Finish or undo a half-done swap; delete leftover staging folders (lock held)."""
    live, old = store_dir(), old_dir()
    if old.exists():
        if live.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(live)
    for stale in data_home().glob("store.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


def readable_folder() -> Path | None:
    """The store folder readers use: the live one, or the previous one mid-swap. Writes
    only to recover a half-done swap, and only if the folder can be written."""
    if old_dir().exists() or any(data_home().glob("store.staging-*")):
        try:
            with lock(blocking=False) as locked:
                if locked:
                    _recover()
        except (OSError, StoreWriteError):
            pass  # read-only: read store.old below
    for folder in (store_dir(), old_dir()):
        if folder.is_dir():
            return folder
    return None


def _swap(staging: Path) -> None:
    live, old = store_dir(), old_dir()
    if live.exists():
        live.rename(old)
    staging.rename(live)
    shutil.rmtree(old, ignore_errors=True)


# ----------------------------------------------------------------- staged changes


def staged(change: Change, drop: Iterable[str] = ()) -> Any:
    """Apply *change(store, meta, dropped)* to a staging store in which the imported
    graphs *drop* are already gone (*dropped*: their records), and swap it in; if
    *change* raises or is interrupted, the staging store is thrown away and the live
    store is untouched."""
    with lock():
        _recover()
        live = store_dir() if store_dir().is_dir() else None
        staging = staging_dir()
        store = None
        try:
            meta = read_meta(live) if live else blank_meta()
            dropped = {g: meta["imports"].pop(g) for g in drop if g in meta["imports"]}
            store = _staging_store(live, staging, meta, dropped)
            result = change(store, meta, dropped)
            store.flush()
            store = None  # the last reference: Oxigraph closes the database here
            gc.collect()
            _link_caches(live, staging, meta)
            write_meta(staging, meta)
            _swap(staging)
            return result
        except BaseException as exc:
            # Release the staging store (frames of the failed change may hold it too).
            store = None
            traceback.clear_frames(exc.__traceback__)
            gc.collect()
            shutil.rmtree(staging, ignore_errors=True)
            raise


def _staging_store(live: Path | None, staging: Path, meta: dict, dropped: dict) -> Store:
    """A writable store at *staging*: the live store minus the *dropped* graphs, with the
    shipped graphs as they are now."""
    if live is not None and dropped and _worth_rebuilding(live, meta, dropped):
        try:
            return _rebuilt(live, staging, meta)
        except (OSError, SyntaxError, ValueError) as exc:  # a damaged copy: delete in place
            traceback.clear_frames(exc.__traceback__)  # frames hold the half-built store
            gc.collect()
            shutil.rmtree(staging, ignore_errors=True)
    if live is not None:
        source = Store(str(live))
        source.backup(str(staging))
        del source
        gc.collect()
    store = Store(str(staging))
    if meta["shipped_digest"] != shipped_digest():
        _sync_shipped(store, meta, dropped)
    for graph in dropped:
        store.remove_graph(NamedNode(graph))
        load_shipped_into(store, graph)
    return store


def _rebuilt(live: Path, staging: Path, meta: dict) -> Store:
    """A new store with the shipped graphs and the copies of the imports in *meta*; a
    copy that does not load is forgotten (its import stays, without a copy)."""
    store = Store(str(staging))
    load_shipped(store)
    for record in meta["imports"].values():
        try:
            with gzip.open(live / CACHE_DIR / record["cache"], "rb") as copy:
                store.bulk_load(copy, format=RdfFormat.N_QUADS, lenient=True)
        except (OSError, SyntaxError, ValueError):
            record.pop("cache")
            raise
    meta["shipped_digest"] = shipped_digest()
    return store


def _worth_rebuilding(live: Path, meta: dict, dropped: dict) -> bool:
    """Every import that stays has its copy, and loading them costs less than deleting."""
    staying = meta["imports"].values()
    if not all(r.get("cache") and (live / CACHE_DIR / r["cache"]).is_file() for r in staying):
        return False
    kept = sum(int(r.get("triples", 0)) for r in staying)
    removed = sum(int(r.get("triples", 0)) for r in dropped.values())
    return kept <= REBUILD_RATIO * removed


def _link_caches(live: Path | None, staging: Path, meta: dict) -> None:
    """Hard-link the copies of the imports that stay into the staging folder."""
    (staging / CACHE_DIR).mkdir(exist_ok=True)
    for record in meta["imports"].values():
        name = record.get("cache")
        if not name or (staging / CACHE_DIR / name).exists():
            continue
        source = live / CACHE_DIR / name if live else None
        if source is None or not source.is_file():
            record.pop("cache")  # an import from before copies were kept
            continue
        try:
            os.link(source, staging / CACHE_DIR / name)
        except OSError:
            shutil.copy2(source, staging / CACHE_DIR / name)


def load_shipped_into(store: Store, graph: str) -> None:
    """Add the shipped files of *graph* (if it is a shipped graph) to *store*."""
    for path in shipped_graphs().get(graph, []):
        load_turtle(store, path, graph)


def _sync_shipped(store: Store, meta: dict, dropped: dict | None = None) -> None:
    """Replace every non-imported graph by the shipped files, as they are now."""
    imported = set(meta["imports"]) | set(dropped or ())
    for graph in list(store.named_graphs()):
        if isinstance(graph, NamedNode) and graph.value not in imported:
            store.remove_graph(graph)
    load_shipped(store)
    meta["shipped_digest"] = shipped_digest()
