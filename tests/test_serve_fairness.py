"""Fair shares of the query workers: a client repeating runaway queries cannot starve the
others. Clients are IP addresses; on loopback every 127.x.y.z address is a distinct client."""

from __future__ import annotations

import functools
import http.client
import threading
import time
import urllib.parse

import pytest

from datacareers.serve import endpoint as serve
from datacareers.serve.fairness import Busy, FairGate
from datacareers.store.shipped import shipped_files

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHEAP = "ASK { role:data-analyst career:canBecome ?x }"


def wait_for(condition, timeout: float = 10.0, what: str = "condition") -> None:
    """Poll *condition* until it holds; fail after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} not reached within {timeout} s"
        time.sleep(0.01)


class Holder(threading.Thread):
    """A request that holds its slot until released."""

    def __init__(self, gate: FairGate, client: str) -> None:
        super().__init__(daemon=True)
        self.gate, self.client = gate, client
        self.entered, self.release = threading.Event(), threading.Event()
        self.error: Exception | None = None
        self.start()

    def run(self) -> None:
        try:
            with self.gate.admit(self.client):
                self.entered.set()
                self.release.wait(10)
        except Busy as exc:
            self.error = exc


# ----------------------------------------------------------------- the gate


def test_a_freed_slot_goes_to_the_client_served_least():
    gate = FairGate(slots=2, per_client=2, wait=10)
    a1, b1 = Holder(gate, "a"), Holder(gate, "b")
    wait_for(lambda: a1.entered.is_set() and b1.entered.is_set())
    a2, b2 = Holder(gate, "a"), Holder(gate, "b")
    wait_for(lambda: gate.waiting() == {"a": 1, "b": 1}, what="greedy requests waiting")
    polite = Holder(gate, "p")  # newer than a2 and b2, but never served
    wait_for(lambda: gate.waiting().get("p") == 1)
    a1.release.set()
    assert polite.entered.wait(5)
    assert gate.running() == {"b": 1, "p": 1} and gate.waiting() == {"a": 1, "b": 1}
    for holder in (b1, polite, a2, b2):
        holder.release.set()
    for holder in (a1, b1, a2, b2, polite):
        holder.join(5)
    assert gate.running() == {} and gate.waiting() == {}
    assert not any(h.error for h in (a1, b1, a2, b2, polite))


def test_per_client_limit_and_wait_limit():
    gate = FairGate(slots=3, per_client=1, wait=0.2, max_waiting=1)
    first = Holder(gate, "a")
    assert first.entered.wait(5)
    other = Holder(gate, "b")  # another client still gets a slot at once
    assert other.entered.wait(5)
    second = Holder(gate, "a")  # over a's share: waits, then gives up
    wait_for(lambda: gate.waiting() == {"a": 1})
    with pytest.raises(Busy, match="too many queries from a"), gate.admit("a"):
        pass
    second.join(5)
    assert isinstance(second.error, Busy) and "within 0.2 s" in str(second.error)
    first.release.set()
    other.release.set()


def test_clients_that_ran_into_the_time_limit_leave_a_worker_to_the_others():
    idle = [2]  # ready, idle workers, as the pool would say
    gate = FairGate(slots=2, per_client=2, wait=5, time_limit=0.05, spare_workers=lambda: idle[0])
    with gate.admit("r"):
        started = time.monotonic()
        wait_for(lambda: time.monotonic() - started > 0.05)  # a query that ran to the limit
    assert gate.slow() == {"r"}
    first = Holder(gate, "r")
    assert first.entered.wait(5)
    idle[0] = 1
    second = Holder(gate, "r")  # a slot is free, but it is the others' worker
    wait_for(lambda: gate.waiting() == {"r": 1})
    polite = Holder(gate, "p")
    assert polite.entered.wait(5) and not second.entered.is_set()
    idle[0] = 0
    first.release.set()  # its worker was killed and is being replaced: still nothing spare
    first.join(5)
    idle[0] = 1
    assert not second.entered.is_set() and gate.waiting() == {"r": 1}
    polite.release.set()
    polite.join(5)
    idle[0] = 2  # the replacement is ready: the slow client's request goes in
    assert second.entered.wait(5)
    second.release.set()
    second.join(5)
    assert not any(h.error for h in (first, second, polite))


# ----------------------------------------------------------------- the endpoint


def get(client_ip: str, server, query: str, timeout: float) -> int:
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=timeout,
                                            source_address=(client_ip, 0))
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


@pytest.mark.slow
def test_a_polite_client_is_answered_while_two_greedy_clients_repeat_runaways():
    loader = functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])
    settings = serve.Settings(timeout=1.5, workers=2, quiet=True)
    server = serve.make_server("127.0.0.1", 0, settings, loader=loader)
    serve.serve_in_thread(server)
    polite_timeout = settings.queue_wait + settings.timeout + 5
    stop = threading.Event()

    def greedy(ip: str) -> None:
        while not stop.is_set():
            get(ip, server, RUNAWAY, timeout=polite_timeout)

    threads = [threading.Thread(target=greedy, args=(ip,), daemon=True)
               for ip in ("127.0.0.2", "127.0.0.3") for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        wait_for(lambda: server.pool.idle.qsize() == 0, what="every worker busy")
        statuses = [get("127.0.0.4", server, CHEAP, timeout=polite_timeout) for _ in range(2)]
        assert statuses == [200, 200]
    finally:
        # Closing the pool ends the greedy requests still queued or running within one
        # time limit; their client threads are daemons and stop on the next request.
        stop.set()
        server.shutdown()
        server.server_close()
