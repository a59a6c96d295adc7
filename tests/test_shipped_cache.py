"""The cached on-disk copy of the shipped store (datacareers.store.shipped_cache): built once
whole, then opened read-only with the same facts; a damaged or partial copy is never read;
a read-only data folder or DATACAREERS_NO_CACHE writes nothing."""

from __future__ import annotations

import os

import pytest

from datacareers.store import shipped_cache
from datacareers.store.shipped import shipped_digest, shipped_stamp, shipped_store


@pytest.fixture
def cached(monkeypatch, isolated_home):
    monkeypatch.delenv("DATACAREERS_NO_CACHE", raising=False)
    return shipped_cache.cache_folder(shipped_digest())


def _facts(store) -> set:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_the_first_command_saves_a_copy_the_next_ones_open_read_only(cached):
    first = shipped_cache.shipped_dataset()
    assert (cached / shipped_cache.MARKER).is_file()
    second = shipped_cache.shipped_dataset()
    assert second is not first and _facts(second) == _facts(shipped_store())
    assert shipped_stamp(second) == "shipped-" + shipped_digest()  # the names index is cached for it too
    with pytest.raises((OSError, RuntimeError)):  # read-only: no command can change the copy
        from pyoxigraph import Literal, NamedNode, Quad

        second.add(Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"), NamedNode("http://e/g")))


def test_a_path_on_the_copy_is_the_path_on_the_shipped_store(cached, runner, cli):
    shipped_cache.shipped_dataset()
    on_copy = runner.invoke(cli, ["path", "comptable", "data analyst", "--format", "json"])
    os.environ["DATACAREERS_NO_CACHE"] = "1"
    try:
        in_memory = runner.invoke(cli, ["path", "comptable", "data analyst", "--format", "json"])
    finally:
        del os.environ["DATACAREERS_NO_CACHE"]
    assert on_copy.exit_code == 0 and on_copy.stdout == in_memory.stdout


def test_a_copy_without_its_marker_or_damaged_is_never_read_but_replaced(cached):
    cached.mkdir(parents=True)
    (cached / "CURRENT").write_text("not a database")  # a partial copy: no marker
    assert len(shipped_cache.shipped_dataset()) == len(shipped_store())
    assert (cached / shipped_cache.MARKER).is_file()  # replaced by a whole copy
    for path in cached.iterdir():
        if path.is_file() and path.name != shipped_cache.MARKER:
            path.write_bytes(b"\x00garbage")  # a damaged copy, marker present
    assert len(shipped_cache.shipped_dataset()) == len(shipped_store())  # read from the package, no traceback
    assert _facts(shipped_cache.shipped_dataset()) == _facts(shipped_store())  # and whole again


def test_no_cache_and_a_read_only_folder_write_nothing(cached, monkeypatch, isolated_home):
    monkeypatch.setenv("DATACAREERS_NO_CACHE", "1")
    shipped_cache.shipped_dataset()
    assert not (isolated_home / "cache").exists()
    monkeypatch.delenv("DATACAREERS_NO_CACHE")
    isolated_home.chmod(0o500)
    try:
        if os.access(isolated_home, os.W_OK):
            pytest.skip("running as a user who may write anywhere (root): a read-only folder cannot be made")
        assert len(shipped_cache.shipped_dataset()) == len(shipped_store())
        assert not (isolated_home / "cache").exists()
    finally:
        isolated_home.chmod(0o700)


def test_commands_that_fork_a_reader_never_open_the_copy(cached, runner, cli):
    """query (a walled child) and export read the in-memory shipped store: RocksDB's threads
    do not survive a fork, and they would need the copy's merge besides."""
    from pyoxigraph import Literal, NamedNode, Quad

    from datacareers.store.dataset import open_dataset

    shipped_cache.shipped_dataset()
    # in memory, so writable (the copy refuses a write: see the first test)
    open_dataset().add(Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"), NamedNode("http://e/g")))
    result = runner.invoke(cli, ["query", "salaries-by-seniority"])
    assert result.exit_code == 0 and "(6 rows)" in result.stdout, result.output[-300:]

