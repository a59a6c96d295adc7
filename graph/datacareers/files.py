"""Writing files so that readers never see half of one, nor half of a set.

:func:`write_atomically` writes one file through a temporary file and a rename. It
never renames over something that is not a regular file: a character device or a FIFO
(``/dev/stdout``, ``/dev/null``, a named pipe) is written to directly, a folder or a
block device is refused. A symbolic link is followed: the file it points to is replaced
and the link stays a link.

:func:`publish` replaces a whole set of files at once (``datacareers build``)::

    output/
      .builds/20261125T101500-4242/   one complete set per build (the newest two kept)
      current -> .builds/20261125T101500-4242
      datacareers.html -> current/datacareers.html   (one stable name per file)

A build writes its set into ``.builds/.staging-*``, renames it to a version folder,
creates the stable names, then swaps ``current`` with one rename: the commit point.
Whoever opens ``output/datacareers.html`` gets the old file or the new one, whole;
whoever resolves ``output/current`` once (``cd output/current``, ``realpath``) reads
one whole set, which stays until the build after next. A build killed at any point
leaves the previous set in place, and the next build removes what it left. Copy the
folder with its links (``cp -r output dest``) or dereferenced (``cp -rL``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "a.txt", b"hello").read_bytes()
b'hello'
>>> [path.name for path, _ in publish(folder / "out", {"a.ttl": b"1", "b.nt": b"2"})]
['a.ttl', 'b.nt']
>>> (folder / "out" / "a.ttl").read_bytes(), (folder / "out" / "current" / "b.nt").read_bytes()
(b'1', b'2')
>>> [(p.name, n) for p, n in publish(folder / "out", {"a.ttl": b"1", "site/fr/index.html": b"<p>"})]
[('a.ttl', 1), ('site', 3)]
>>> (folder / "out" / "site" / "fr" / "index.html").read_bytes(), (folder / "out" / "b.nt").exists()
(b'<p>', False)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from datacareers.errors import BadInputError

BUILDS = ".builds"
CURRENT = "current"
_STAGING = ".staging-"
_LOCK = "lock"


class OutputError(BadInputError):
    """An output path that cannot or must not be written (exit code 2)."""


# ----------------------------------------------------------------- one file


def _blocker(path: Path) -> Path:
    """The first ancestor of *path* that exists but is not a folder (else its parent)."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path.parent


def _write_stream(path: Path, data: bytes) -> Path:
    """Write to a device or a pipe in place: there is nothing to rename over."""
    try:
        with os.fdopen(os.open(path, os.O_WRONLY), "wb") as out:
            out.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _replace_file(path: Path, data: bytes) -> None:
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write *data* to *path* so that readers see the old file or the new one, never
    half of one; returns *path*. Raises :class:`OutputError` (one line) when *path*
    cannot be written.

    >>> import tempfile, pathlib
    >>> write_atomically(tempfile.mkdtemp(), b"x")
    Traceback (most recent call last):
    datacareers.files.OutputError: cannot write /...: it is a folder; give a file name
    """
    path = Path(path)
    try:
        info = os.stat(path)  # follows symbolic links
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise OutputError(f"cannot use {path}: {_blocker(path)} is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot use {path}: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"cannot write {path}: it is a folder; give a file name")
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
            return _write_stream(path, data)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"refusing to write {path}: it is not a regular file")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace_file(target, data)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"cannot use {path}: {_blocker(target)} is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot use {path}: {exc.strerror or exc}") from None
    return path


# ----------------------------------------------------------------- a set of files


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One writer at a time in a folder (another build waits)."""
    if fcntl is None:  # pragma: no cover - Windows: no advisory locks
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _point(link: Path, target: str) -> None:
    """Make *link* a symbolic link to *target* with one rename (atomic for readers)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _current(folder: Path) -> str | None:
    """The version folder name ``current`` points to, if it points into .builds/."""
    link = folder / CURRENT
    if not link.is_symlink():
        return None
    target = os.readlink(link)
    prefix = f"{BUILDS}/"
    return target[len(prefix):] if target.startswith(prefix) else None


def _check(folder: Path, names: list[str]) -> None:
    current = folder / CURRENT
    if current.exists() and not current.is_symlink():
        raise OutputError(f"cannot publish into {folder}: {current} is not a link made by a build; "
                          "move it away")
    for name in names:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            raise OutputError(f"cannot publish {path}: a folder is in the way; move it away")


def _adopt(folder: Path, names: list[str], builds: Path) -> None:
    """Turn plain files left by an older layout into the current set, keeping what
    readers see: each is hard-linked into a version folder, then replaced by a link."""
    plain = [n for n in names if (folder / n).is_file() and not (folder / n).is_symlink()]
    if not plain:
        return
    version = _current(folder)
    if version is None or not (builds / version).is_dir():
        version = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-kept"
        (builds / version).mkdir(exist_ok=True)
    for name in plain:
        kept = builds / version / name
        if not kept.exists():
            try:
                os.link(folder / name, kept)
            except OSError:
                shutil.copy2(folder / name, kept)
    _fsync_folder(builds / version)
    _point(folder / CURRENT, f"{BUILDS}/{version}")
    for name in plain:
        _point(folder / name, f"{CURRENT}/{name}")


def clean_strays(folder: str | os.PathLike, names, keep: set[str] = frozenset()) -> list[str]:
    """Remove what killed builds left in *folder*: staging and unused version folders
    (all but ``current`` and *keep*) and the temporary files of *names*; returns what
    it removed."""
    folder = Path(folder)
    builds = folder / BUILDS
    keep = set(keep) | {_current(folder) or "", _LOCK}
    removed = []
    if builds.is_dir():
        for entry in sorted(builds.iterdir()):
            if entry.name in keep:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(f"{BUILDS}/{entry.name}")
    for entry in sorted(folder.glob(".*.tmp")):
        if any(entry.name.startswith(f".{name}.") for name in [*names, CURRENT]) and \
                (entry.is_symlink() or entry.is_file()):
            entry.unlink(missing_ok=True)
            removed.append(entry.name)
    return removed


def _symlinks_work(builds: Path) -> bool:
    probe = builds / f".probe-{os.getpid()}"
    try:
        probe.unlink(missing_ok=True)
        os.symlink(".", probe)
    except (OSError, NotImplementedError):
        return False
    probe.unlink()
    return True


def _relative(name: str) -> PurePosixPath:
    """*name* as a path inside the set: relative, no ``..``, no empty part."""
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(part in ("", ".", "..") for part in path.parts):
        raise OutputError(f"cannot publish {name!r}: not a plain relative path")
    return path


def _stage(builds: Path, files: dict[str, bytes]) -> str:
    """Write every file (sub-folders allowed: ``site/fr/index.html``) into a staging
    folder, then rename it to a version folder."""
    staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=builds))
    for name, data in files.items():
        path = staging.joinpath(*_relative(name).parts)
        for parent in reversed(path.relative_to(staging).parents[:-1]):
            if not (staging / parent).is_dir():
                (staging / parent).mkdir()
                os.chmod(staging / parent, 0o755)
        with open(path, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(path, 0o644)
    os.chmod(staging, 0o755)
    _fsync_folder(staging)
    version = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{staging.name[len(_STAGING):]}"
    os.rename(staging, builds / version)
    _fsync_folder(builds)
    return version


def publish(folder: str | os.PathLike, files: dict[str, bytes]) -> list[tuple[Path, int]]:
    """Replace the set of *files* (relative path -> bytes) in *folder* at once; returns
    each stable top-level path (a file, or a sub-folder such as ``site``) with its size in
    bytes. See the module docstring for the layout."""
    folder = Path(folder)
    tops = sorted({_relative(name).parts[0] for name in files})
    sizes = {top: 0 for top in tops}
    for name, data in files.items():
        sizes[_relative(name).parts[0]] += len(data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        builds = folder / BUILDS
        builds.mkdir(exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"cannot use {folder}: {_blocker(folder / BUILDS)} is not a folder") from None
    with _locked(builds / _LOCK):
        if not _symlinks_work(builds):  # e.g. a FAT drive: one file at a time, each whole
            return [(write_atomically(folder / name, data), len(data)) for name, data in files.items()]
        _check(folder, tops)
        _adopt(folder, tops, builds)
        previous = _current(folder)
        clean_strays(folder, tops, keep={previous or ""})
        version = _stage(builds, files)
        for name in tops:  # a new name dangles until the swap: absent before it, as it was
            _point(folder / name, f"{CURRENT}/{name}")
        _point(folder / CURRENT, f"{BUILDS}/{version}")  # the commit point
        _fsync_folder(folder)
        for entry in folder.iterdir():  # names the new set no longer has
            if entry.name not in sizes and entry.is_symlink() and \
                    os.readlink(entry).startswith(f"{CURRENT}/"):
                entry.unlink()
        clean_strays(folder, tops, keep={previous or ""})
    return [(folder / top, sizes[top]) for top in tops]
