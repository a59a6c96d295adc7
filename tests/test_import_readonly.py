"""Reading never needs to write: a read-only data folder can be queried, and a crash in
the middle of a swap does not make imports look shipped."""

import fcntl
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.store import persist

ROME = Path(__file__).parent / "data" / "rome" / "v460"
NAME = "import-rome-4.0-v460"
CLI = [sys.executable, "-c", "from datacareers.cli import main; main()"]


def run(*args):
    return CliRunner().invoke(main, list(args))


def kinds() -> dict[str, str]:
    result = run("sources", "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["name"]: row["kind"] for row in json.loads(result.stdout)}


#: Root may write anywhere: as root, the readers run as 'nobody' (util-linux setpriv).
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def read_only_home(monkeypatch):
    """A data folder with an import, then made read-only (for root too: the commands
    then run as 'nobody', since root may write anywhere)."""
    home = Path(tempfile.mkdtemp(prefix="datacareers-ro-"))  # not under pytest's 0700 tree
    monkeypatch.setenv("DATACAREERS_HOME", str(home))
    assert run("import", "rome", str(ROME), "-q", "--partial").exit_code == 0
    for path in [home, *home.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    yield home
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(home)


@functools.cache
def _nobody_can_run_us() -> bool:
    probe = subprocess.run([*AS_NOBODY, sys.executable, "-c", "import datacareers"], capture_output=True,
                           timeout=60, cwd="/")
    return probe.returncode == 0


def run_read_only(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DATACAREERS_HOME=str(home))
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        prefix = AS_NOBODY
        if not _nobody_can_run_us():
            pytest.skip("the checkout is not readable by 'nobody' (a private folder, e.g. `mktemp -d`'s "
                        "mode 700): the unprivileged reader cannot even start")
    return subprocess.run([*prefix, *CLI, *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd="/")


@pytest.mark.parametrize("args", [
    ("query", "ASK { GRAPH source:import-rome-4.0-v460 { ?s ?p ?o } }"),
    ("sources", "--format", "tsv"),
    ("roles",),
])
def test_read_only_data_folder_can_be_read(read_only_home, args):
    result = run_read_only(read_only_home, *args)
    assert result.returncode == 0, result.stderr
    assert "lock" not in result.stderr
    if args[0] == "query":
        assert "true" in result.stdout.lower()
    if args[0] == "sources":
        assert f"{NAME}\timported" in result.stdout


def test_read_only_data_folder_mid_swap_is_read_from_the_previous_store(monkeypatch):
    home = Path(tempfile.mkdtemp(prefix="datacareers-ro-"))
    monkeypatch.setenv("DATACAREERS_HOME", str(home))
    try:
        assert run("import", "rome", str(ROME), "-q", "--partial").exit_code == 0
        (home / "store").rename(home / "store.old")  # a crash between the two renames
        for path in [home, *home.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        result = run_read_only(home, "sources", "--format", "tsv")
        assert result.returncode == 0, result.stderr
        assert f"{NAME}\timported" in result.stdout
    finally:
        for path in [home, *home.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(home)


def test_first_sources_after_a_crash_in_the_swap_lists_imports_as_imported():
    assert run("import", "rome", str(ROME), "-q", "--partial").exit_code == 0
    persist.store_dir().rename(persist.store_dir().with_name("store.old"))
    assert kinds()[NAME] == "imported"
    assert persist.store_dir().is_dir()  # and the swap was finished on the way


def test_sources_mid_swap_while_another_process_holds_the_lock():
    assert run("import", "rome", str(ROME), "-q", "--partial").exit_code == 0
    persist.store_dir().rename(persist.store_dir().with_name("store.old"))
    with open(persist.data_home() / ".lock", "a") as handle:  # another writer, busy
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            assert kinds()[NAME] == "imported"
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
