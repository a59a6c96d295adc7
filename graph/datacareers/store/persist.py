"""The on-disk store of imported sources, in the user's data folder (never the checkout).

Nothing is written until the first ``datacareers import``. Then ``$DATACAREERS_HOME/store``
(see :func:`datacareers.constants.data_home`) is an embedded Oxigraph (RocksDB) store
holding the shipped graphs (vocabulary and curated facts) *and* every imported release,
each in its own named graph. A small JSON file inside that folder,
``datacareers.json``, records the digest of the shipped files it holds and, per imported
graph, its name, version, licence, triple count, origin folder and import time.

Every change is staged, so an interrupted or failed import leaves the previous state
intact:

1. under an exclusive lock (``$DATACAREERS_HOME/.lock``), the live store is copied to
   ``store.staging-<pid>`` (an Oxigraph backup: hard links, cheap);
2. the staging copy is changed (the source's graph dropped whole, the new quads
   bulk-loaded, shipped graphs re-synced if they changed) and closed;
3. the folders are swapped by two renames: ``store`` -> ``store.old``,
   ``store.staging-<pid>`` -> ``store``, then ``store.old`` is deleted.

On open, a half-done swap is recovered (``store.old`` without ``store`` is put back,
leftover staging folders are deleted). When the shipped files change (a new version of
the package, an edited fact file), the next open re-syncs the shipped graphs the same
staged way, leaving imported graphs alone. A shipped graph that has the same name as an
imported graph is re-added to it after the import.

>>> store_dir().name, store_dir().parent == data_home()
('store', True)
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Quad, Store

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from datacareers.constants import SOURCE, data_home
from datacareers.files import write_atomically
from datacareers.store.shipped import load_shipped, load_turtle, shipped_digest, shipped_graphs

META_FILE = "datacareers.json"
FORMAT = 1

QuadsOrLoader = Iterable[Quad] | Callable[[Store], Any]


def store_dir() -> Path:
    """Folder of the on-disk Oxigraph store (``$DATACAREERS_HOME/store``)."""
    return data_home() / "store"


def _old_dir() -> Path:
    return data_home() / "store.old"


def _staging_dir() -> Path:
    return data_home() / f"store.staging-{os.getpid()}"


# ----------------------------------------------------------------- metadata


def read_meta(folder: Path | None = None) -> dict:
    """The ``datacareers.json`` of a store folder (the live one by default)."""
    path = (folder or store_dir()) / META_FILE
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    meta.setdefault("format", FORMAT)
    meta.setdefault("shipped_digest", "")
    meta.setdefault("imports", {})
    return meta


def _write_meta(folder: Path, meta: dict) -> None:
    write_atomically(folder / META_FILE, (json.dumps(meta, indent=2, sort_keys=True) + "\n").encode())


# ----------------------------------------------------------------- locking and recovery


@contextlib.contextmanager
def _lock(blocking: bool = True) -> Iterator[bool]:
    """An exclusive lock on the data folder; yields False if not *blocking* and busy."""
    home = data_home()
    home.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover - Windows: no advisory locks, run unguarded
        yield True
        return
    with open(home / ".lock", "a") as handle:
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
    live, old = store_dir(), _old_dir()
    if old.exists():
        if live.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(live)
    for stale in data_home().glob("store.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _swap(staging: Path) -> None:
    live, old = store_dir(), _old_dir()
    if live.exists():
        live.rename(old)
    staging.rename(live)
    shutil.rmtree(old, ignore_errors=True)


# ----------------------------------------------------------------- shipped graphs


def _load_shipped_into(store: Store, graph: str) -> None:
    for path in shipped_graphs().get(graph, []):
        load_turtle(store, path, graph)


def _sync_shipped(store: Store, meta: dict) -> None:
    """Replace every non-imported graph by the shipped files, as they are now."""
    imported = set(meta["imports"])
    for graph in list(store.named_graphs()):
        if isinstance(graph, NamedNode) and graph.value not in imported:
            store.remove_graph(graph)
    load_shipped(store)
    meta["shipped_digest"] = shipped_digest()


# ----------------------------------------------------------------- staged changes


def _staged(change: Callable[[Store, dict], Any]) -> Any:
    """Apply *change(store, meta)* to a writable copy of the live store (or to a new
    store holding the shipped graphs) and swap the copy in; if *change* raises or is
    interrupted, the copy is thrown away and the live store is untouched."""
    with _lock():
        _recover()
        live, staging = store_dir(), _staging_dir()
        try:
            if live.is_dir():
                _backup(live, staging)
                meta = read_meta(live)
                stale = meta["shipped_digest"] != shipped_digest()
            else:
                meta = read_meta(staging)
                stale = True
            result = _change(staging, meta, change, stale)
            _write_meta(staging, meta)
            _swap(staging)
            return result
        except BaseException as exc:
            # Release the staging store (frames of the failed change may hold it).
            traceback.clear_frames(exc.__traceback__)
            gc.collect()
            shutil.rmtree(staging, ignore_errors=True)
            raise


def _backup(live: Path, staging: Path) -> None:
    source = Store(str(live))
    source.backup(str(staging))
    del source
    gc.collect()


def _change(staging: Path, meta: dict, change, stale: bool) -> Any:
    store = Store(str(staging))
    if stale:
        _sync_shipped(store, meta)
    result = change(store, meta)
    store.flush()
    del store  # the last reference: Oxigraph closes the database here
    gc.collect()
    return result


def count_triples(store: Store, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


def replace_source(
    graph_iri: str, quads: QuadsOrLoader, *, info: dict | None = None
) -> int:
    """Replace the named graph *graph_iri* whole by *quads* (an iterable of ``Quad``, or
    a callable that fills the store it is given); returns the graph's triple count.

    *info* (name, version, license, title, path...) is recorded for ``sources``. If
    *quads* raises, nothing changes on disk.
    """
    graph = NamedNode(graph_iri)

    def change(store: Store, meta: dict) -> int:
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
        if callable(quads):
            quads(store)
        else:
            store.bulk_extend(quads)
        if graph_iri in shipped_graphs():
            _load_shipped_into(store, graph_iri)
        triples = count_triples(store, graph_iri)
        record = dict(info or {})
        record.update(
            graph=graph_iri,
            triples=triples,
            imported=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        )
        record.setdefault("name", short_name(graph_iri))
        meta["imports"][graph_iri] = record
        return triples

    return _staged(change)


def remove_source(graph_iri: str) -> bool:
    """Drop an imported graph; False if no such import. Shipped graphs come back."""
    if graph_iri not in read_meta()["imports"]:
        return False
    graph = NamedNode(graph_iri)

    def change(store: Store, meta: dict) -> None:
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
        meta["imports"].pop(graph_iri, None)
        if graph_iri in shipped_graphs():
            _load_shipped_into(store, graph_iri)

    _staged(change)
    return True


def sync_shipped() -> None:
    """Re-sync the shipped graphs of the on-disk store now (if there is one)."""
    if store_dir().is_dir():
        _staged(_sync_shipped)


# ----------------------------------------------------------------- reading


def imported_sources() -> dict[str, dict]:
    """What is imported: graph IRI -> its record (name, version, triples, license...)."""
    return read_meta()["imports"] if store_dir().is_dir() else {}


def generation() -> str | None:
    """A stamp that changes whenever an import or removal replaces the live store
    (``None`` while nothing is imported): long-running readers compare it to reload."""
    live = store_dir()
    try:
        return f"{live.stat().st_ino}:{(live / META_FILE).stat().st_mtime_ns}"
    except OSError:
        return None


def open_persistent() -> Store | None:
    """The on-disk store (read-only) with shipped facts in sync, or ``None`` when nothing
    is imported (commands then use the in-memory shipped store)."""
    live, old = store_dir(), _old_dir()
    if not live.is_dir() and not old.is_dir():
        return None
    with _lock(blocking=False) as locked:
        if locked:
            _recover()
    if not live.is_dir():  # another process is swapping right now
        live = old if old.is_dir() else live
        if not live.is_dir():
            return None
    meta = read_meta(live)
    if not meta["imports"]:
        return None
    if meta["shipped_digest"] != shipped_digest():
        _staged(lambda store, meta: None)  # the staged copy is re-synced on the way
        live = store_dir()
    return Store.read_only(str(live))


def short_name(graph_iri: str) -> str:
    """The name of a source graph, as ``sources`` shows it (``esco-1.1.1``)."""
    return graph_iri[len(SOURCE):] if graph_iri.startswith(str(SOURCE)) else graph_iri
