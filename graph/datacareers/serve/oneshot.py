r"""One query in a walled, killable child process: how ``datacareers query`` runs a user's
query the way the endpoint's workers do (the same wall, the same time limit), with the
answer streamed back to the parent as it is written.

The child is forked on Linux (the command line is single-threaded there, and a fork is
much quicker than a fresh interpreter), spawned elsewhere. It enters the wall
(:mod:`datacareers.serve.wall`) before doing anything else, then runs ``work(*args, out)``
on a thread with a large stack; ``out.write`` sends the answer to the parent in chunks.
Its standard error goes to ``/dev/null`` (the engine's own messages would break the
one-line error the command line promises; the parent says what happened).

The parent only waits: for chunks, then for the end or an error. It kills the child at
the deadline (``timeout`` plus a little grace, as the endpoint does), on Ctrl-C (which the
child ignores), or when its own output goes away; a child that dies is reported by the
signal that killed it (SIGABRT: the engine could not allocate, i.e. the memory limit).

This module imports only the standard library and the wall, so the command line starts
quickly; the work function brings its own imports.

>>> def work(text, out):
...     out.write(text.encode())
...     return "text/plain"
>>> chunks = []
>>> run_walled(work, ("walled hello",), chunks.append, timeout=10, max_memory=None)
'text/plain'
>>> b"".join(chunks)
b'walled hello'
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import sys
import time

from datacareers.errors import QueryError
from datacareers.serve import wall
from datacareers.serve.answer import timed_out, worker_death

#: Seconds the child may run past the time limit (its own deadline check) before it is killed.
KILL_GRACE = 0.5


class _Sender:
    """The child's end: a binary writer whose chunks go to the parent."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def write(self, data) -> int:
        self.conn.send(("out", bytes(data)))
        return len(data)


def _child(conn, work, args: tuple, parent_pid: int, max_memory: int | None) -> None:
    faulthandler.disable()  # it would write the engine's abort to the parent's stderr
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        wall.enter(parent_pid, max_memory)
        media_type = wall.on_engine_thread(work, *args, _Sender(conn))
    except MemoryError:
        conn.send(("died", -6))
    except Exception as exc:  # noqa: BLE001 - each failure goes back as one line
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        conn.send(("error", getattr(exc, "status", 500), message))
    else:
        conn.send(("done", media_type))


def _context():
    method = "fork" if sys.platform == "linux" else "spawn"
    return multiprocessing.get_context(method)


def run_walled(work, args: tuple, on_output, timeout: float, max_memory: int | None) -> str:
    """Run ``work(*args, out)`` in a walled child; pass each chunk it writes to *on_output*;
    return what *work* returned (the answer's media type). Raise
    :class:`~datacareers.errors.QueryError` (one line) if it fails, overruns *timeout*
    seconds (0: no limit) or dies.
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    with wall.sigint_blocked():
        process = context.Process(target=_child, daemon=True, name="datacareers-query",
                                  args=(sender, work, args, os.getpid(), max_memory))
        process.start()
    sender.close()
    deadline = time.monotonic() + timeout + KILL_GRACE if timeout else None
    try:
        while True:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not receiver.poll(wait):
                raise QueryError(timed_out(timeout).message)
            try:
                message = receiver.recv()
            except EOFError:
                process.join(5)
                raise QueryError(worker_death(process.exitcode, max_memory).message) from None
            if message[0] == "out":
                on_output(message[1])
            elif message[0] == "done":
                return message[1]
            elif message[0] == "died":
                raise QueryError(worker_death(message[1], max_memory).message)
            else:
                raise QueryError(message[2])
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
