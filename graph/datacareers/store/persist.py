"""The on-disk store of imported sources, in the user's data folder (never the checkout).

Nothing is written until the first ``datacareers import``. Then ``$DATACAREERS_HOME/store``
(see :func:`datacareers.constants.data_home`) is an embedded Oxigraph (RocksDB) store
holding the shipped graphs (vocabulary and curated facts) *and* every imported release,
each in its own named graph (``source:import-...``, never a shipped graph's name).
Inside that folder, ``datacareers.json`` records the digest of the shipped files it
holds and, per imported graph, its name, version, licence, triple count, origin folder,
import time and the name of its copy under ``imports/``: each import's quads are also
kept as gzipped N-Quads, so that removing or replacing an import can rebuild the store
from what stays, which is faster than deleting quad by quad.

Changes are staged and swapped in whole (:mod:`datacareers.store.staging`): a failed
or interrupted import changes nothing. A re-import that would shrink a graph below
:data:`SHRINK_LIMIT` of its triples is refused unless forced.

Readers never write in the usual case, so a read-only data folder can be queried: only
a half-done swap, or shipped files newer than the store's copy of them, makes a reader
try to fix the store, and if it cannot, it reads what is there.

>>> store_dir().name, store_dir().parent == data_home()
('store', True)
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Store, serialize

from datacareers.constants import SOURCE, data_home
from datacareers.errors import BadInputError
from datacareers.store.shipped import shipped_digest
from datacareers.store.staging import (
    CACHE_DIR,
    META_FILE,
    StoreWriteError,
    blank_meta,
    load_shipped_into,
    read_meta,
    readable_folder,
    staged,
    staging_dir,
    store_dir,
)

#: A re-import that would leave a graph with fewer than this share of the triples of the
#: import it replaces is refused unless forced: a release cut short must not replace a
#: good import.
SHRINK_LIMIT = 0.9

_COPY_BATCH = 20_000

__all__ = [
    "SHRINK_LIMIT", "ShrinkError", "StoreWriteError", "count_triples", "data_home", "generation",
    "imported_sources", "open_persistent", "open_with_meta", "read_meta", "remove_source",
    "replace_source", "short_name", "store_dir",
]


class ShrinkError(BadInputError):
    """A re-import that would leave much less than the import it replaces."""


# ----------------------------------------------------------------- reading


def imported_sources() -> dict[str, dict]:
    """What is imported: graph IRI -> its record (name, version, triples, license...)."""
    folder = readable_folder()
    return read_meta(folder)["imports"] if folder else {}


def generation() -> str | None:
    """A stamp that changes whenever an import or removal replaces the live store
    (``None`` while nothing is imported): long-running readers compare it to reload."""
    live = store_dir()
    try:
        return f"{live.stat().st_ino}:{(live / META_FILE).stat().st_mtime_ns}"
    except OSError:
        return None


def open_with_meta() -> tuple[Store | None, dict]:
    """The on-disk store (read-only) with shipped facts in sync, and the metadata of that
    same folder; ``(None, meta)`` when nothing is imported (commands then use the
    in-memory shipped store)."""
    folder = readable_folder()
    if folder is None:
        return None, blank_meta()
    meta = read_meta(folder)
    if not meta["imports"]:
        return None, meta
    if meta["shipped_digest"] != shipped_digest():
        try:
            staged(lambda store, meta, dropped: None)  # re-synced on the way
            folder = store_dir()
            meta = read_meta(folder)
        except StoreWriteError:
            pass  # a read-only data folder: read its copy of the shipped facts as it is
    store = Store.read_only(str(folder))
    _OPENED[:] = [(store, f"{folder.stat().st_ino}:{(folder / META_FILE).stat().st_mtime_ns}")]
    return store, meta


#: The last on-disk store opened in this process, with the stamp of the folder it was opened from.
_OPENED: list = []


def stamp_of(store: Store) -> str | None:
    """The generation of the on-disk store *store* was opened from (see :func:`generation`),
    or None when *store* is not one this process opened (the in-memory shipped store)."""
    return _OPENED[0][1] if _OPENED and _OPENED[0][0] is store else None


def open_persistent() -> Store | None:
    """The on-disk store (read-only) with shipped facts in sync, or ``None`` when nothing
    is imported (commands then use the in-memory shipped store)."""
    return open_with_meta()[0]


def short_name(graph_iri: str) -> str:
    """The name of a source graph, as ``sources`` shows it (``import-esco-1.1.1``)."""
    return graph_iri[len(SOURCE):] if graph_iri.startswith(str(SOURCE)) else graph_iri


def count_triples(store: Store, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


# ----------------------------------------------------------------- changing


def replace_source(
    graph_iri: str, quads: Iterable[Quad], *, info: dict | None = None,
    force: bool = False, replaces: Iterable[str] = (),
) -> int:
    """Replace the named graph *graph_iri* whole by *quads*; returns its triple count.

    *info* (name, version, license, title, path...) is recorded for ``sources``. Imports
    in the graphs *replaces* (older names of the same release) are dropped too. If the
    new graph has fewer than :data:`SHRINK_LIMIT` of the triples of the import it
    replaces, :class:`ShrinkError` unless *force*. If *quads* raises, nothing changes.
    """
    cache = hashlib.sha256(graph_iri.encode()).hexdigest()[:24] + ".nq.gz"

    def change(store: Store, meta: dict, dropped: dict) -> int:
        store.bulk_extend(_with_copy(quads, staging_dir() / CACHE_DIR / cache))
        load_shipped_into(store, graph_iri)
        triples = count_triples(store, graph_iri)
        before = _triples_before(store, graph_iri, dropped)
        if before and not force and triples < SHRINK_LIMIT * before:
            name = (info or {}).get("name") or short_name(graph_iri)
            raise ShrinkError(
                f"{name}: this import has {triples:,} triples where the current one has "
                f"{before:,} ({1 - triples / before:.0%} fewer); the release looks "
                "incomplete, so nothing was changed (pass --force to replace it anyway)"
            )
        record = dict(info or {})
        record.update(graph=graph_iri, triples=triples, cache=cache,
                      imported=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        record.setdefault("name", short_name(graph_iri))
        meta["imports"][graph_iri] = record
        return triples

    return staged(change, drop=[graph_iri, *replaces])


def _triples_before(store: Store, graph_iri: str, dropped: dict) -> int:
    """The triple count of the import being replaced: the same graph, or else an import
    of the same release under its older name, less the shipped facts that name also holds
    (they are back in *store*)."""
    if graph_iri in dropped:
        return int(dropped[graph_iri]["triples"])
    if dropped:
        graph, record = next(iter(dropped.items()))
        return int(record["triples"]) - count_triples(store, graph)
    return 0


def _with_copy(quads: Iterable[Quad], path: Path) -> Iterator[Quad]:
    """*quads*, passed on as they come, also written to *path* (gzipped N-Quads).

    Each batch is compressed and written by a second thread (zlib lets go of the GIL)
    while the next one is read and loaded; at most one batch waits, so memory stays
    bounded."""
    path.parent.mkdir(parents=True, exist_ok=True)
    iterator = iter(quads)
    with gzip.open(path, "wb", compresslevel=1) as out, \
            ThreadPoolExecutor(max_workers=1) as writer:
        pending = None
        while batch := list(islice(iterator, _COPY_BATCH)):
            data = serialize(batch, format=RdfFormat.N_QUADS)
            if pending is not None:
                pending.result()
            pending = writer.submit(out.write, data)
            yield from batch
        if pending is not None:
            pending.result()


def remove_source(graph_iri: str) -> bool:
    """Drop an imported graph; False if no such import. Shipped graphs are untouched."""
    if graph_iri not in imported_sources():
        return False
    staged(lambda store, meta, dropped: None, drop=[graph_iri])
    return True
