"""Fair shares of the query workers between clients.

Without it, a client repeating runaway queries holds every worker for a whole time limit
at a time and everyone else times out waiting (a review measured 47 % success for the
other clients). The gate in front of the worker pool:

- lets at most ``slots`` queries run at once (one per worker), at most ``per_client`` of
  them from one client;
- serves waiting requests client by client: a free worker goes to the waiting client with
  the fewest queries running, then to the one served least recently, so a client that asks
  rarely is served next even while others keep every worker busy and always have older
  requests waiting;
- lets a request in only when a worker is ready for it (``spare_workers``: a killed
  worker takes a while to be replaced), so requests wait here, in turn, not in the pool;
- keeps a worker for everyone else: a client whose query held its slot for a whole time
  limit (a runaway, stopped) is *slow* for ``penalty`` seconds, and slow clients together
  hold at most ``slots - 1`` workers (with two workers or more), and only while another
  worker is ready and idle. Other clients are then answered at once instead of after the
  next runaway is stopped; when only slow clients ask, one worker stays idle;
- bounds the wait: a request waits at most ``wait`` seconds and a client has at most
  ``max_waiting`` requests waiting; beyond either it gets :class:`Busy` (the endpoint
  answers 503 with ``Retry-After``).

A client is an IP address. Behind a reverse proxy every request comes from the proxy,
and on loopback every local program is ``127.0.0.1``: they share one client's share.

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from datacareers.errors import DataCareersError

#: Requests one client may have waiting at once; more are refused at once.
MAX_WAITING = 8
#: How many time limits a client that ran into one stays slow.
PENALTY_LIMITS = 10
#: Seconds between two looks of a waiting request at what changed outside the gate
#: (a replaced worker is ready, a penalty is over).
RECHECK = 0.1


class Busy(DataCareersError):
    """No query slot for this request: it waited too long or its client has too many waiting."""


@dataclass
class _Ticket:
    serial: int
    granted: bool = False


class FairGate:
    """At most *slots* queries at once, at most *per_client* from one client, fair waiting;
    clients whose queries run into *time_limit* share ``slots - 1`` workers."""

    def __init__(self, slots: int, per_client: int, wait: float, time_limit: float | None = None,
                 spare_workers: Callable[[], int] | None = None,
                 max_waiting: int = MAX_WAITING) -> None:
        self.slots = max(1, slots)
        self.per_client = max(1, min(per_client, self.slots))
        self.wait = wait
        self.time_limit = time_limit
        self.penalty = PENALTY_LIMITS * time_limit if time_limit else 0.0
        #: How many workers are ready and idle now (None: as many as free slots).
        self.spare_workers = spare_workers
        self.max_waiting = max_waiting
        self._condition = threading.Condition()
        self._free = self.slots
        self._running: dict[str, int] = {}
        self._waiting: dict[str, deque[_Ticket]] = {}
        #: When each active client (running or waiting) was last given a slot.
        self._served: dict[str, int] = {}
        #: Slow clients, until when (time.monotonic()).
        self._slow: dict[str, float] = {}
        self._serial = itertools.count()

    def running(self) -> dict[str, int]:
        """Queries running now, by client."""
        with self._condition:
            return dict(self._running)

    def waiting(self) -> dict[str, int]:
        """Requests waiting now, by client."""
        with self._condition:
            return {client: len(queue) for client, queue in self._waiting.items()}

    def slow(self) -> set[str]:
        """Clients slow now (a query of theirs held its slot for a whole time limit)."""
        with self._condition:
            now = time.monotonic()
            return {client for client, until in self._slow.items() if until > now}

    @contextmanager
    def admit(self, client: str) -> Iterator[None]:
        """Hold a query slot for *client* while the block runs, or raise :class:`Busy`."""
        self._enter(client)
        started = time.monotonic()
        try:
            yield
        finally:
            self._leave(client, time.monotonic() - started)

    def _enter(self, client: str) -> None:
        with self._condition:
            queue = self._waiting.setdefault(client, deque())
            if len(queue) >= self.max_waiting:
                raise Busy(f"too many queries from {client} at once: {self.per_client} may run "
                           f"and {self.max_waiting} wait; try again later")
            ticket = _Ticket(next(self._serial))
            queue.append(ticket)
            deadline = time.monotonic() + self.wait
            while True:
                self._dispatch()
                if ticket.granted:
                    return
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
                self._condition.wait(min(remaining, RECHECK))

    def _leave(self, client: str, held: float) -> None:
        with self._condition:
            if self.time_limit and held >= self.time_limit:
                self._slow[client] = time.monotonic() + self.penalty
            self._running[client] -= 1
            if not self._running[client]:
                del self._running[client]
                if client not in self._waiting:
                    self._served.pop(client, None)  # only active clients are remembered
            self._free += 1
            self._dispatch()

    def _dispatch(self) -> None:
        """Give free slots to waiting requests: to a client that is not slow, with the
        fewest running, served least recently (never first), then to the oldest request."""
        now = time.monotonic()
        for client in [c for c, until in self._slow.items() if until <= now]:
            del self._slow[client]
        slow_running = sum(self._running.get(client, 0) for client in self._slow)
        slow_share = self.slots - 1 if self.slots > 1 else self.slots
        # a request goes in when a worker is ready for it, so it waits here, in turn, rather
        # than in the pool while a killed worker is replaced; a slow client's only when
        # another worker stays ready for everyone else
        spare = self.spare_workers() if self.spare_workers else self._free
        granted = False
        while self._free > 0:
            candidates = [
                (client in self._slow, self._running.get(client, 0), self._served.get(client, -1),
                 queue[0].serial, client)
                for client, queue in self._waiting.items()
                if self._running.get(client, 0) < self.per_client
                and spare >= (2 if client in self._slow and self.slots > 1 else 1)
                and (client not in self._slow or slow_running < slow_share)
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
            slow_running += client in self._slow
            spare -= 1
            self._free -= 1
            granted = True
        if granted:
            self._condition.notify_all()
