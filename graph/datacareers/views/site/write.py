"""Writing the site into a folder so that a failure leaves the previous site whole.

Every file is written into a staging folder next to the target; only when all are there
is the previous folder renamed aside, the new one renamed into place, and the old one
removed. If the second rename fails, the first is undone. A folder is only ever replaced
when it is empty or was written here (it holds :data:`MARKER`), so ``-o ~`` cannot move
someone's home aside.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "site"
>>> write_site({"fr/index.html": b"<p>x</p>"}, out) == out
True
>>> sorted(p.name for p in out.iterdir())
['.datacareers-site', 'fr']
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from datacareers.errors import BadInputError
from datacareers.i18n import _

#: The file that says a folder holds a site written by datacareers (and may be replaced).
MARKER = ".datacareers-site"


def _checked(relative: str) -> PurePosixPath:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts or relative.endswith("/"):
        raise ValueError(f"not a relative file path inside the site: {relative!r}")
    return path


def _replaceable(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise BadInputError(_("cannot write the site to {path}: it is a file, not a folder").format(path=target))
    if any(target.iterdir()) and not (target / MARKER).is_file():
        raise BadInputError(_("{path} is not empty and holds no site written by datacareers; "
                              "give a new or empty folder").format(path=target))


def write_site(files: Mapping[str, bytes], target: str | os.PathLike) -> Path:
    """Write *files* (``{relative path: bytes}``) as the folder *target*, all or nothing."""
    target = Path(target).expanduser().absolute()
    _replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    try:
        for relative, data in {**files, MARKER: b"written by datacareers; replaced whole on each run\n"}.items():
            path = stage.joinpath(*_checked(relative).parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for folder in (stage, *[p for p in stage.rglob("*") if p.is_dir()]):
            folder.chmod(0o755)  # mkdtemp makes it private; a site is for reading
        _swap(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return target


def _swap(stage: Path, target: Path) -> None:
    """Put *stage* where *target* is; the old *target* is removed once the new one is in."""
    if not target.exists():
        os.rename(stage, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rmdir(old)  # only its unique name is needed
    os.rename(target, old)
    try:
        os.rename(stage, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
