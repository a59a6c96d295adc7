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

#: In a fresh process: lay the old set out in BASE/count, then publish NEW there while
#: counting file-system steps (rename, link, fsync, unlink...); then, for each step k,
#: lay the old set out in BASE/k and publish NEW in a forked child that kills itself
#: (SIGKILL) at step k. Prints the number of steps and whether each child was killed.
KILLER = r"""
import json, os, signal, sys
from pathlib import Path
from datacareers import files

base, layout = Path(sys.argv[1]), sys.argv[2]
old, new = json.loads(sys.argv[3]), json.loads(sys.argv[4])
STEPS = ("replace", "rename", "symlink", "link", "fsync", "unlink", "rmdir", "mkdir", "chmod")

os.fsync = lambda fd: None

def lay_out(folder):
    if layout == "staged":
        files.publish(folder, {k: v.encode() for k, v in old.items()})
    else:  # with the stray temporary file an older build killed mid-write left
        folder.mkdir()
        for name, text in old.items():
            (folder / name).write_text(text)
        (folder / ".a.ttl.k1lled.tmp").write_text("half a file")

def publish_in_child(folder, kill_at):
    pid = os.fork()
    if pid == 0:
        count = 0
        def hook(real):
            def step(*args, **kwargs):
                nonlocal count
                count += 1
                if count == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)
            return step
        for name in STEPS:  # fsync is a no-op here (above), still counted as a step
            setattr(os, name, hook(getattr(os, name)))
        files.publish(folder, {k: v.encode() for k, v in new.items()})
        (base / "steps").write_text(str(count))
        os._exit(0)
    return os.waitpid(pid, 0)[1]

lay_out(base / "count")
publish_in_child(base / "count", 0)
steps = int((base / "steps").read_text())
killed = []
for k in range(1, steps + 1):
    lay_out(base / str(k))
    status = publish_in_child(base / str(k), k)
    killed.append(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL)
print(json.dumps({"steps": steps, "killed": killed}))
"""


def _visible(folder) -> dict[str, str]:
    """What a reader sees through the stable names."""
    seen = {}
    for name in sorted(set(OLD) | set(NEW) | set(NEXT)):
        with contextlib.suppress(FileNotFoundError):
            seen[name] = (folder / name).read_text()
    return seen


def _assert_clean(folder) -> None:
    version = os.readlink(folder / CURRENT).split("/", 1)[1]
    left = sorted(p.name for p in (folder / BUILDS).iterdir())
    assert version in left and len(left) <= 3, left  # lock, current and the previous set
    assert not [name for name in left if name.startswith(".")], left
    assert not list(folder.glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
@pytest.mark.parametrize("layout", ["staged", "plain"])
def test_a_killed_build_leaves_a_whole_set_and_the_next_build_cleans_up(tmp_path, monkeypatch, layout):
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # fast; durability is not what is tested
    old = OLD if layout == "staged" else PLAIN  # plain: files as builds wrote them before
    run = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path), layout, json.dumps(old),
                          json.dumps(NEW)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["steps"] > 10 and all(report["killed"]), report
    for step in range(1, report["steps"] + 1):
        folder = tmp_path / str(step)
        seen = _visible(folder)
        assert seen in (old, NEW), f"killed at step {step}/{report['steps']}: {seen}"
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
