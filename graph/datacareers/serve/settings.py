"""The limits and content of one endpoint, shared by the HTTP layer and its page.

>>> Settings().timeout
5.0
"""

from __future__ import annotations

from dataclasses import dataclass, field

from datacareers.serve.workers import DEFAULT_MAX_MEMORY, DEFAULT_WORKERS

DEFAULT_TIMEOUT = 5.0
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_QUERY_BYTES = 1_000_000
#: Seconds allowed for a stopped worker to be replaced, in the default queue wait.
REPLACE_TIME = 5.0
#: Largest answer body; a larger one is refused (422), as is one over max_rows.
DEFAULT_MAX_ANSWER_BYTES = 64 << 20


@dataclass
class Settings:
    """Limits and content of one endpoint."""

    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES
    workers: int = DEFAULT_WORKERS
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    #: Data (heap) each query worker may use, in bytes.
    max_memory: int = DEFAULT_MAX_MEMORY
    quiet: bool = False
    #: Most queries one client (an IP address) runs at once; None: one worker fewer than
    #: there are (at least 1), so one client alone never holds them all.
    per_client: int | None = None
    #: Seconds a query may wait for a worker before a 503; None: ``timeout`` + 5 s (what a
    #: running query may still take, then the time to replace a stopped worker).
    queue_timeout: float | None = None
    graphs: list[tuple[str, str]] = field(default_factory=list)
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def client_share(self) -> int:
        """Most queries one client runs at once.

        >>> Settings(workers=4).client_share, Settings(workers=4, per_client=4).client_share
        (3, 4)
        >>> Settings(workers=1).client_share
        1
        """
        return max(1, min(self.per_client or self.workers - 1, self.workers))

    @property
    def queue_wait(self) -> float:
        """Seconds a query may wait for a worker.

        >>> Settings(timeout=5).queue_wait
        10.0
        """
        return self.queue_timeout if self.queue_timeout is not None else self.timeout + REPLACE_TIME
