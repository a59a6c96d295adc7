"""What a query request gets back when it is answered, and when it is not: kept apart from
the code that makes answers so the parent of a query process can import it cheaply.

>>> Answer.error(503, "the query ran past\\nits time limit").body
b'Error: the query ran past its time limit\\n'
>>> worker_death(-6, 256 << 20).status
503
"""

from __future__ import annotations

import signal
from dataclasses import dataclass

from datacareers.serve.conneg import UTF8


@dataclass
class Answer:
    """What the HTTP layer sends: a status, a media type and the body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        line = " ".join(message.split())
        return cls(status, "text/plain" + UTF8, f"Error: {line}\n".encode())


class AnswerError(Exception):
    """A request that gets no answer: its HTTP status and one line saying why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message

    def as_answer(self) -> Answer:
        return Answer.error(self.status, self.message)


def timed_out(timeout: float) -> AnswerError:
    return AnswerError(503, f"the query ran past the {timeout:g} s time limit (--timeout) and "
                            "was stopped; narrow it or add a LIMIT")


def out_of_memory(max_memory: int | None) -> AnswerError:
    limit = f"the {max_memory >> 20} MB of" if max_memory else "the"
    return AnswerError(503, f"the query needed more than {limit} memory a query may use and was "
                            "stopped; narrow it or add a LIMIT")


def worker_death(exitcode: int | None, max_memory: int | None) -> AnswerError:
    """What to say when a query process died while running its query."""
    if exitcode in (-signal.SIGABRT, -signal.SIGKILL):  # the engine aborts when malloc fails
        return out_of_memory(max_memory)
    if exitcode == -signal.SIGSEGV:
        return AnswerError(500, "the query crashed the query engine (too deeply nested?)")
    return AnswerError(500, f"the query process died while running the query (exit {exitcode})")
