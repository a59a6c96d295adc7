"""The atomic writer and the staged publication of a build's set of files."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.files import BUILDS, CURRENT, OutputError, publish, write_atomically

# ----------------------------------------------------------------- write_atomically


def _device(tmp_path, name: str, major: int, minor: int):
    """A copy of a character device (1,3 is /dev/null, 1,7 is /dev/full) in tmp_path."""
    path = tmp_path / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc}); needs root on Linux")
    try:
        with open(path, "wb"):
            pass
    except PermissionError:
        pytest.skip("device nodes cannot be opened on this file system (mounted nodev)")
    return path


def test_write_to_a_character_device_writes_in_place(tmp_path):
    null = _device(tmp_path, "null", 1, 3)
    write_atomically(null, b"thrown away")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_full_device_is_one_line_exit_2_and_stays_a_device(tmp_path, monkeypatch):
    full = _device(tmp_path, "full", 1, 7)
    monkeypatch.setenv("DATACAREERS_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(main, ["export", "--format", "nt", "-o", str(full)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot write {full}: No space left on device"]
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_write_to_a_fifo_writes_into_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open does not wait
    try:
        write_atomically(fifo, b"through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(OutputError, match="it is a folder"):
        write_atomically(tmp_path, b"x")
    result = CliRunner().invoke(main, ["export", "--format", "nt", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.stderr  # click's usage error


def test_a_link_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "data.ttl"
    target.write_bytes(b"old")
    link = tmp_path / "data.ttl"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["data.ttl"]


def test_a_dangling_link_creates_its_target(tmp_path):
    link = tmp_path / "out.ttl"
    link.symlink_to(tmp_path / "made.ttl")
    write_atomically(link, b"made")
    assert link.is_symlink() and (tmp_path / "made.ttl").read_bytes() == b"made"


# ----------------------------------------------------------------- publish


OLD = {"a.ttl": "old a", "b.html": "old b", "gone.nt": "only in the old set"}
#: What builds wrote before the staged layout: plain files, the same names every time.
PLAIN = {"a.ttl": "old a", "b.html": "old b"}
NEW = {"a.ttl": "new a", "b.html": "new b", "added.gexf": "only in the new set"}
NEXT = {"a.ttl": "next a", "b.html": "next b"}

#: Run publish(NEW) in a child that kills itself (SIGKILL) at its LIMIT-th file-system
#: step (rename, link, fsync, unlink...); with LIMIT 0 it runs through and prints the count.
KILLER = r"""
import json, os, signal, sys
from datacareers import files
folder, limit, payload = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
count = 0
def hook(real):
    def step(*args, **kwargs):
        global count
        count += 1
        if count == limit:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step
for name in ("replace", "rename", "symlink", "link", "fsync", "unlink", "rmdir", "mkdir", "chmod"):
    setattr(os, name, hook(getattr(os, name)))
files.publish(folder, {k: v.encode() for k, v in payload.items()})
print(count)
"""


def _visible(folder) -> dict[str, str]:
    """What a reader sees through the stable names."""
    seen = {}
    for name in sorted(set(OLD) | set(NEW) | set(NEXT)):
        with contextlib.suppress(FileNotFoundError):
            seen[name] = (folder / name).read_text()
    return seen


def _kill_at(folder, limit: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLER, str(folder), str(limit), json.dumps(NEW)],
                          capture_output=True, text=True, timeout=60)


def _old_set(folder, layout: str) -> dict[str, str]:
    if layout == "staged":
        publish(folder, {k: v.encode() for k, v in OLD.items()})
        return OLD
    folder.mkdir()
    for name, text in PLAIN.items():
        (folder / name).write_text(text)
    return PLAIN


def _assert_clean(folder) -> None:
    version = os.readlink(folder / CURRENT).split("/", 1)[1]
    left = sorted(p.name for p in (folder / BUILDS).iterdir())
    assert version in left and len(left) <= 3, left  # lock, current and the previous set
    assert not [name for name in left if name.startswith(".")], left
    assert not list(folder.glob(".*.tmp"))


@pytest.mark.parametrize("layout", ["staged", "plain"])
def test_a_killed_build_leaves_a_whole_set_and_the_next_build_cleans_up(tmp_path, layout):
    _old_set(tmp_path / "count", layout)
    steps = int(_kill_at(tmp_path / "count", 0).stdout)
    assert steps > 10
    for limit in range(1, steps + 1):
        folder = tmp_path / f"{layout}-{limit}"
        old = _old_set(folder, layout)
        killed = _kill_at(folder, limit)
        assert killed.returncode == -9, killed.stderr
        seen = _visible(folder)
        assert seen in (old, NEW), f"killed at step {limit}/{steps}: {seen}"
        publish(folder, {k: v.encode() for k, v in NEXT.items()})
        assert _visible(folder) == NEXT
        _assert_clean(folder)


def test_publish_keeps_the_stable_names_and_two_sets(tmp_path):
    for number in range(3):
        publish(tmp_path, {"a.ttl": f"{number}".encode(), "b.html": b"b"})
    assert (tmp_path / "a.ttl").is_symlink() and (tmp_path / "a.ttl").read_text() == "2"
    assert (tmp_path / CURRENT / "a.ttl").read_text() == "2"
    versions = [p for p in (tmp_path / BUILDS).iterdir() if p.is_dir()]
    assert len(versions) == 2  # the current set and the one before, for readers still on it
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / CURRENT).iterdir()} == {0o644}


def test_publish_refuses_a_folder_in_the_way(tmp_path):
    (tmp_path / "a.ttl").mkdir()
    with pytest.raises(OutputError, match="a folder is in the way"):
        publish(tmp_path, {"a.ttl": b"x"})


def test_publish_leaves_other_files_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / ".mine.tmp").write_text("mine too")
    publish(tmp_path, {"a.ttl": b"x"})
    publish(tmp_path, {"a.ttl": b"y"})
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / ".mine.tmp").read_text() == "mine too"


def test_concurrent_publishers_each_leave_a_whole_set(tmp_path):
    errors = []

    def run(tag: str) -> None:
        try:
            for _ in range(5):
                publish(tmp_path, {"a.ttl": tag.encode(), "b.html": tag.encode()})
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(tag,)) for tag in "xy"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    a, b = (tmp_path / "a.ttl").read_text(), (tmp_path / "b.html").read_text()
    assert a == b and a in "xy"
    _assert_clean(tmp_path)


def test_without_symbolic_links_each_file_is_still_whole(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", refuse)
    publish(tmp_path, {"a.ttl": b"1"})
    publish(tmp_path, {"a.ttl": b"2"})
    assert (tmp_path / "a.ttl").read_bytes() == b"2" and not (tmp_path / "a.ttl").is_symlink()
