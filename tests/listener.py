"""A loopback listener that counts the connections it gets: the tests that prove no query
reaches the network (test_query_wall, test_hostile) count on it.

>>> with Listener() as listener:
...     listener.connections()
0
"""

from __future__ import annotations

import socket
import threading


class Listener:
    """A loopback listener that counts the connections it gets. It accepts and closes at
    once, so an engine that did connect fails fast, never hangs."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.peers: list[int] = []
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while True:
            try:
                conn, peer = self.sock.accept()
            except OSError:
                return
            conn.close()
            with self.changed:
                self.peers.append(peer[1])
                self.changed.notify_all()

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def connections(self) -> int:
        """Connections so far: a probe is accepted after every earlier one (FIFO backlog)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as probe:
            mine = probe.getsockname()[1]
            with self.changed:
                assert self.changed.wait_for(lambda: mine in self.peers, timeout=10)
                return len(self.peers) - 1

    def __exit__(self, *exc) -> None:
        self.sock.close()
