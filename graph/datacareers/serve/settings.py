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
    graphs: list[tuple[str, str]] = field(default_factory=list)
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)
