"""The wall around a process that runs users' SPARQL: no network, bounded memory, no life of
its own. Each query process (the endpoint's workers, the one ``datacareers query`` forks)
calls :func:`enter` before it loads the graph or reads a query.

Why a second wall: pyoxigraph answers ``SERVICE <url>`` by making the HTTP request itself,
and its Python API has no switch to stop that (``Store.query`` in 0.5 takes no such option;
the Rust ``SparqlEvaluator::without_default_http_service_handler`` is not exposed). Our
parser refuses SERVICE first (:mod:`datacareers.views.sparql_check`), but two parsers can
read one text differently; behind them, the process itself cannot reach the network.

What :func:`enter` does, in this order:

- **no network** (Linux): a seccomp filter makes ``socket()`` fail with EPERM for every
  address family but ``AF_UNIX`` (the pipe to the parent is a Unix socket made before),
  ``io_uring`` (which can open sockets past the filter) fail with ENOSYS, and every system
  call made through another ABI (32-bit on x86-64, x32) fail with EPERM. It needs no
  privilege: only ``no_new_privs``, which it sets. Measured on Linux 6.18 (x86-64): the
  filter goes up as root and as an unprivileged user (``setpriv --reuid nobody``); the
  engine's SERVICE call then fails with "Operation not permitted" and no connection
  reaches a listener. A new network namespace (``unshare``) would also do, and works here
  for both users, but an unprivileged one needs user namespaces, which several
  distributions and container runtimes turn off; seccomp is there on every Linux since 3.5;
- **bounded memory**: ``RLIMIT_DATA`` (heap and private mappings, not the read-only maps of
  an on-disk store), soft and hard, so a query cannot lift it; the engine aborts when an
  allocation fails and the parent reports the limit;
- **dies with its parent** (Linux): ``PR_SET_PDEATHSIG`` with SIGKILL, then a check that the
  parent did not die before that; elsewhere a thread polls the parent's pid;
- **Ctrl-C is the parent's**: SIGINT is ignored (the parent kills the worker instead).

Where the wall cannot be raised: on Linux, :func:`enter` raises :class:`WallError` and the
query does not run (the network wall costs nothing there, so failing to raise it means the
system forbids it, and we cannot then promise that no request leaves). On other systems
there is no seccomp; queries run with the parser's check only, and :func:`status` says so
(``query`` prints it as a one-line warning).

>>> status() in (None, "no network wall on this system (Linux only): SERVICE and LOAD are refused by the parser alone")
True
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal
import struct
import sys
import threading
import time

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None

from datacareers.errors import DataCareersError

# seccomp and prctl constants (linux/seccomp.h, linux/prctl.h, linux/audit.h)
_PR_SET_PDEATHSIG, _PR_SET_NO_NEW_PRIVS = 1, 38
_SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC = 1, 1
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_EPERM, _ENOSYS, _AF_UNIX = 1, 38, 1
_LD_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, JMP|JEQ|K, JMP|JGE|K, RET|K
_X32_BIT = 0x40000000
_IO_URING = (425, 426, 427)  # io_uring_setup, _enter, _register (same on both ABIs)
#: machine -> (audit arch, socket(), seccomp(), has the x32 ABI)
#: Stack of the thread that parses and runs queries (the engine recurses as queries nest).
ENGINE_STACK = 64 << 20
_ABIS = {
    "x86_64": (0xC000003E, 41, 317, True),
    "aarch64": (0xC00000B7, 198, 277, False),
}


class WallError(DataCareersError):
    """The walls around a query process could not be raised: the query does not run."""


def status() -> str | None:
    """``None`` where the network wall can be raised, else why not (a one-line warning)."""
    if sys.platform == "linux" and platform.machine() in _ABIS:
        return None
    return ("no network wall on this system (Linux only): SERVICE and LOAD are refused by "
            "the parser alone")


def _program(audit_arch: int, socket_nr: int, has_x32: bool) -> bytes:
    """The BPF program: deny foreign ABIs, io_uring, and socket() but for AF_UNIX."""

    def op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    def refuse(nr: int, errno: int) -> bytes:  # if nr == k: return errno
        return op(_JEQ, nr, 0, 1) + op(_RET, _RET_ERRNO | errno)

    code = op(_LD_ABS, 4) + op(_JEQ, audit_arch, 1, 0) + op(_RET, _RET_ERRNO | _EPERM)
    code += op(_LD_ABS, 0)
    if has_x32:
        code += op(_JGE, _X32_BIT, 0, 1) + op(_RET, _RET_ERRNO | _EPERM)
    code += b"".join(refuse(nr, _ENOSYS) for nr in _IO_URING)
    code += op(_JEQ, socket_nr, 1, 0) + op(_RET, _RET_ALLOW)
    code += op(_LD_ABS, 16) + op(_JEQ, _AF_UNIX, 0, 1) + op(_RET, _RET_ALLOW)
    return code + op(_RET, _RET_ERRNO | _EPERM)


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def block_network() -> None:
    """Install the seccomp filter on every thread of this process (Linux); irreversible."""
    audit_arch, socket_nr, seccomp_nr, has_x32 = _ABIS[platform.machine()]
    libc = _libc()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise WallError(f"cannot raise the network wall: no_new_privs: "
                        f"{os.strerror(ctypes.get_errno())}")
    code = _program(audit_arch, socket_nr, has_x32)
    buffer = ctypes.create_string_buffer(code, len(code))
    program = _Program(len(code) // 8, ctypes.addressof(buffer))
    if libc.syscall(seccomp_nr, _SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC,
                    ctypes.byref(program)) != 0:
        raise WallError(f"cannot raise the network wall: seccomp: {os.strerror(ctypes.get_errno())}")


def limit_memory(max_bytes: int) -> None:
    """Cap this process's data (heap and private mappings) at *max_bytes*, for good."""
    if resource is None or not hasattr(resource, "RLIMIT_DATA"):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))


def die_with_parent(parent_pid: int) -> None:
    """End this process as soon as *parent_pid* (the process that started it) ends."""
    if sys.platform == "linux":
        _libc().prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before the line above
            os._exit(1)
        return

    def watch() -> None:  # pragma: no cover - other systems
        while os.getppid() == parent_pid:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="datacareers-parent-watch").start()


def enter(parent_pid: int, max_memory: int | None) -> None:
    """Make this process a walled query process (see the module's docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    die_with_parent(parent_pid)
    if max_memory:
        limit_memory(max_memory)
    if status() is None:
        block_network()


def on_engine_thread(function, *args):
    """Run *function* on a fresh thread with an :data:`ENGINE_STACK` stack; return its result."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, function(*args)))
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            outcome.append((False, exc))

    previous = threading.stack_size(ENGINE_STACK)
    try:
        thread = threading.Thread(target=run, name="datacareers-engine")
        thread.start()
    except RuntimeError as exc:  # no room for its stack under the memory limit
        raise MemoryError(str(exc)) from None
    finally:
        threading.stack_size(previous)
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


class sigint_blocked:  # noqa: N801 - reads as a statement: ``with sigint_blocked(): ...``
    """Block SIGINT in this thread while a child is started: the child inherits the mask,
    so a Ctrl-C cannot reach it before it ignores SIGINT (no worker tracebacks)."""

    def __enter__(self) -> None:
        self._saved = None
        if hasattr(signal, "pthread_sigmask"):
            self._saved = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def __exit__(self, *exc) -> None:
        if self._saved is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self._saved)
