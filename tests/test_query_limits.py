"""Bounded resources: every query has a time limit, a memory limit and (on the endpoint)
an answer-size limit, each refused with one clear line; Ctrl-C stops a query at once; no
query process outlives the process that started it."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.serve import endpoint as serve
from datacareers.store.shipped import shipped_files

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# A string that doubles itself to gigabytes in a few BINDs: memory, fast.
LETTERS = "'0123456789abcdef0123456789abcdef'"
HUNGRY = "SELECT (STRLEN(?j) AS ?n) { BIND(" + LETTERS + " AS ?a) " + " ".join(
    f"BIND(CONCAT({', '.join([f'?{a}'] * 8)}) AS ?{b})" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
) + " BIND(CONCAT(?i, ?i, ?i, ?i) AS ?j) }"
CLI = [sys.executable, "-c", "from datacareers.cli import main; main()"]
#: Seconds a subprocess gets to start, stop or die. Generous on purpose: on a loaded 2-core
#: machine, with PYTHONDONTWRITEBYTECODE=1 making every interpreter compile every module,
#: starting or stopping takes seconds. It weakens nothing: the runaway query never ends on
#: its own, so a process that ignored the signal still fails the test (later, that is all);
#: how fast Ctrl-C stops things is for a benchmark to say, not a test.
DEADLINE = 120.0


def one_line_error(result, pattern: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and re.search(pattern, lines[0]), lines


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition, timeout: float = DEADLINE) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc; the wall is Linux's")


# ----------------------------------------------------------------- time


def test_cli_timeout_stops_a_runaway_query():
    started = time.monotonic()
    result = CliRunner().invoke(main, ["query", "--timeout", "1", RUNAWAY])
    one_line_error(result, r"ran past the 1 s time limit \(--timeout\)")
    assert time.monotonic() - started < 10


def test_cli_timeout_zero_means_none():
    result = CliRunner().invoke(main, ["query", "--timeout", "0", "ASK { ?s ?p ?o }"])
    assert result.exit_code == 0 and result.output.strip() == "true"


def start(*args: str, home) -> subprocess.Popen:
    """The command line in its own session, as a terminal runs it (Ctrl-C hits the group)."""
    env = {**os.environ, "DATACAREERS_HOME": str(home)}
    return subprocess.Popen([*CLI, *args], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_ctrl_c_stops_a_query_at_once_without_a_traceback(isolated_home):
    process = start("query", "--timeout", "0", RUNAWAY, home=isolated_home)
    try:
        assert wait_until(lambda: children(process.pid)), "the query process never started"
        worker = children(process.pid)[0]
        assert wait_until(lambda: cpu_seconds(worker) > 0.2), "the query never ran"
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        process.wait(DEADLINE)
    finally:
        process.kill()
    stderr = process.stderr.read()
    assert "Traceback" not in stderr and "Aborted" in stderr
    assert wait_until(lambda: not running(worker))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_the_query_process_dies_with_the_command(isolated_home, sig):
    process = start("query", "--timeout", "0", RUNAWAY, home=isolated_home)
    try:
        assert wait_until(lambda: children(process.pid))
        worker = children(process.pid)[0]
        process.send_signal(sig)
        process.wait(DEADLINE)
    finally:
        process.kill()
    assert wait_until(lambda: not running(worker)), "the query process outlived its parent"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_busy_serve_workers_die_with_serve(isolated_home, sig):
    process = start("serve", "--port", "0", "--quiet", "--workers", "1", "--timeout", "600",
                    home=isolated_home)
    try:
        url = re.search(r"(http://\S+/sparql)", process.stderr.readline()).group(1)
        workers = children(process.pid)
        ask_in_background(url, RUNAWAY)
        assert wait_until(lambda: any(cpu_seconds(w) > 0.3 for w in workers)), "no worker got busy"
        process.send_signal(sig)
        process.wait(DEADLINE)
    finally:
        process.kill()
    assert wait_until(lambda: not any(running(w) for w in workers)), "orphaned workers"


def ask_in_background(url: str, query: str) -> None:
    def ask() -> None:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query}), timeout=60)

    threading.Thread(target=ask, daemon=True).start()


@pytest.mark.parametrize("moment", ["starting", "idle", "busy"])
def test_ctrl_c_stops_serve_without_worker_tracebacks(isolated_home, moment):
    process = start("serve", "--port", "0", "--quiet", "--workers", "2", "--timeout", "600",
                    home=isolated_home)
    try:
        if moment == "starting":
            assert wait_until(lambda: len(children(process.pid)) >= 2)
        else:
            url = re.search(r"(http://\S+/sparql)", process.stderr.readline()).group(1)
        workers = children(process.pid)
        if moment == "busy":
            ask_in_background(url, RUNAWAY)
            assert wait_until(lambda: any(cpu_seconds(w) > 0.3 for w in workers)), "no worker got busy"
        os.killpg(process.pid, signal.SIGINT)  # the whole group, as a terminal does
        process.wait(DEADLINE)
    finally:
        process.kill()
    stderr = process.stderr.read()
    assert "Traceback" not in stderr and "Process datacareers-query" not in stderr, stderr
    assert wait_until(lambda: not any(running(w) for w in workers))


# ----------------------------------------------------------------- memory


def test_cli_memory_limit(isolated_home):
    # a fresh command (the query process is forked from it, and the limit counts what it
    # inherits: a fork of this test process would start far above 256 MB)
    process = start("query", "--max-memory", "256", "--timeout", "60", HUNGRY, home=isolated_home)
    _, stderr = process.communicate(timeout=90)
    assert process.returncode == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "needed more than the 256 MB of memory" in lines[0], lines


@pytest.fixture(scope="module")
def small_endpoint():
    settings = serve.Settings(timeout=20, workers=1, quiet=True, max_rows=1000,
                              max_answer_bytes=200_000, max_memory=256 << 20)
    loader = functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])
    server = serve.make_server("127.0.0.1", 0, settings, loader=loader)
    serve.serve_in_thread(server)
    yield serve.endpoint_url(server), server
    server.shutdown()
    server.server_close()


def get(url: str, query: str, accept: str = "*/*") -> tuple[int, bytes]:
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def worker_pids(server) -> list[int]:
    return [w.process.pid for w in list(server.pool.idle.queue)]


def test_endpoint_workers_run_under_the_memory_limit(small_endpoint):
    url, server = small_endpoint
    assert get(url, "ASK {}")[0] == 200
    for pid in worker_pids(server):
        limits = Path(f"/proc/{pid}/limits").read_text()
        assert re.search(r"Max data size\s+268435456\s+268435456", limits), limits


def test_endpoint_memory_limit_is_a_503_and_the_worker_is_replaced(small_endpoint):
    url, server = small_endpoint
    status, body = get(url, HUNGRY)
    assert status == 503 and b"needed more than the 256 MB of memory" in body
    assert body.count(b"\n") == 1
    assert wait_until(lambda: server.pool.idle.qsize() == 1, timeout=60)
    assert get(url, "ASK { ?s ?p ?o }")[0] == 200


# ----------------------------------------------------------------- answer size


def test_endpoint_answer_over_max_rows_is_a_422(small_endpoint):
    url, _ = small_endpoint
    status, body = get(url, "SELECT * WHERE { ?s ?p ?o }", "text/csv")
    assert status == 422 and b"more than 1000 rows" in body and body.count(b"\n") == 1


def test_endpoint_answer_over_max_bytes_is_a_422(small_endpoint):
    url, _ = small_endpoint
    # few rows, each one long: the byte limit, not the row limit, stops it
    query = ("SELECT ?x WHERE { VALUES ?i { 1 2 3 4 5 6 7 8 } BIND(CONCAT(" + ", ".join(
        ["'" + "x" * 1000 + "'"] * 50) + ") AS ?x) }")
    status, body = get(url, query, "application/sparql-results+json")
    assert status == 422 and b"more than 0 MB" not in body and b"answer size limit" in body


def test_endpoint_construct_over_max_triples_is_a_422(small_endpoint):
    url, _ = small_endpoint
    status, body = get(url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert status == 422 and b"more than 1000 triples" in body


def test_cli_table_has_a_row_limit_other_formats_stream(monkeypatch):
    from datacareers.views import sparql_write

    monkeypatch.setattr(sparql_write, "TABLE_MAX_ROWS", 50)  # the forked child inherits it
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o }"])
    one_line_error(result, r"table would have more than 50 rows; .*--format csv")
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "tsv"])
    assert result.exit_code == 0 and result.output.count("\n") > 1000


def test_answers_stream_from_the_engine():
    # the serializer writes long before the engine has produced every solution
    from pyoxigraph import Store

    from datacareers.views.sparql_write import write_answer

    consumed = []

    class Counted:  # the engine's solutions, counting what the writer took
        def __init__(self, result):
            self.result, self.variables = result, result.variables

        def __iter__(self):
            return self

        def __next__(self):
            consumed.append(1)
            return next(self.result)

    class Out(io.RawIOBase):
        first_write_at = None

        def write(self, data):
            if self.first_write_at is None:
                self.first_write_at = len(consumed)
            return len(data)

    ten = "{ 0 1 2 3 4 5 6 7 8 9 }"
    result = Store().query(f"SELECT ?i WHERE {{ VALUES ?a {ten} VALUES ?b {ten} VALUES ?c {ten} "
                           f"VALUES ?d {ten} BIND(?a + ?b * 10 + ?c * 100 + ?d * 1000 AS ?i) }}")
    out = Out()
    write_answer(Counted(result), "application/sparql-results+json", out)
    assert len(consumed) > 10_000  # every solution was written in the end
    assert out.first_write_at is not None and out.first_write_at < 2_000
