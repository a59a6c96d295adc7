"""Fair shares of the query workers between clients.

Without it, a client repeating runaway queries holds every worker for a whole time limit
at a time and everyone else times out waiting (a review measured 47 % success for the
other clients). The gate in front of the worker pool lets at most ``slots`` queries run
at once (one per worker) and at most ``per_client`` of them come from one client. The
requests that wait are served client by client: when a worker frees, it goes to the
waiting client with the fewest queries running, then to the one served least recently,
so a client that asks rarely is served next even while others keep every worker busy
and always have older requests waiting. A request
waits at most ``wait`` seconds, and a client has at most ``max_waiting`` requests waiting;
beyond either it gets :class:`Busy` (the endpoint answers 503 with ``Retry-After``).

A client is an IP address. Behind a reverse proxy every request comes from the proxy,
and on loopback every local program is ``127.0.0.1``: they share one client's budget.

>>> gate = FairGate(slots=2, per_client=1, wait=0.05)
>>> with gate.admit("192.0.2.1"), gate.admit("192.0.2.2"):
...     gate.running()
{'192.0.2.1': 1, '192.0.2.2': 1}
>>> with gate.admit("192.0.2.1"), gate.admit("192.0.2.1"):
...     pass
Traceback (most recent call last):
datacareers.serve.fairness.Busy: server busy: no query slot came free within 0.05 s ...
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from datacareers.errors import DataCareersError

#: Requests one client may have waiting at once; more are refused at once.
MAX_WAITING = 8


class Busy(DataCareersError):
    """No query slot for this request: it waited too long or its client has too many waiting."""


@dataclass
class _Ticket:
    serial: int
    granted: bool = False


class FairGate:
    """At most *slots* queries at once, at most *per_client* from one client, fair waiting."""

    def __init__(self, slots: int, per_client: int, wait: float,
                 max_waiting: int = MAX_WAITING) -> None:
        self.slots = max(1, slots)
        self.per_client = max(1, min(per_client, self.slots))
        self.wait = wait
        self.max_waiting = max_waiting
        self._condition = threading.Condition()
        self._free = self.slots
        self._running: dict[str, int] = {}
        self._waiting: dict[str, deque[_Ticket]] = {}
        #: When each active client (running or waiting) was last given a slot.
        self._served: dict[str, int] = {}
        self._serial = itertools.count()

    def running(self) -> dict[str, int]:
        """Queries running now, by client."""
        with self._condition:
            return dict(self._running)

    def waiting(self) -> dict[str, int]:
        """Requests waiting now, by client."""
        with self._condition:
            return {client: len(queue) for client, queue in self._waiting.items()}

    @contextmanager
    def admit(self, client: str) -> Iterator[None]:
        """Hold a query slot for *client* while the block runs, or raise :class:`Busy`."""
        self._enter(client)
        try:
            yield
        finally:
            self._leave(client)

    def _enter(self, client: str) -> None:
        with self._condition:
            queue = self._waiting.setdefault(client, deque())
            if len(queue) >= self.max_waiting:
                raise Busy(f"too many queries from {client} at once: {self.per_client} may run "
                           f"and {self.max_waiting} wait; try again later")
            ticket = _Ticket(next(self._serial))
            queue.append(ticket)
            self._dispatch()
            deadline = time.monotonic() + self.wait
            while not ticket.granted:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    queue.remove(ticket)
                    if not queue:
                        del self._waiting[client]
                        if client not in self._running:
                            self._served.pop(client, None)
                    raise Busy(f"server busy: no query slot came free within {self.wait:g} s "
                               f"(at most {self.per_client} queries run at once per client); "
                               "try again later")
                self._condition.wait(remaining)

    def _leave(self, client: str) -> None:
        with self._condition:
            self._running[client] -= 1
            if not self._running[client]:
                del self._running[client]
                if client not in self._waiting:
                    self._served.pop(client, None)  # only active clients are remembered
            self._free += 1
            self._dispatch()

    def _dispatch(self) -> None:
        """Give free slots to waiting requests: to the client with the fewest running, then
        the one served least recently (never first), then the oldest request."""
        granted = False
        while self._free > 0:
            candidates = [
                (self._running.get(client, 0), self._served.get(client, -1), queue[0].serial, client)
                for client, queue in self._waiting.items()
                if self._running.get(client, 0) < self.per_client
            ]
            if not candidates:
                break
            *_, client = min(candidates)
            queue = self._waiting[client]
            queue.popleft().granted = True
            if not queue:
                del self._waiting[client]
            self._running[client] = self._running.get(client, 0) + 1
            self._served[client] = next(self._serial)
            self._free -= 1
            granted = True
        if granted:
            self._condition.notify_all()
