"""Where the endpoint listens: the ``--host`` value checked and resolved to a socket
address (IPv4 or IPv6), and the host part of the URLs it prints and describes.

>>> resolve_address("[::1]", 7878)
(<AddressFamily.AF_INET6: 10>, ('::1', 7878, 0, 0))
>>> resolve_address("999.1.1.1", 7878)
Traceback (most recent call last):
datacareers.errors.BadInputError: --host 999.1.1.1: not a valid IP address
>>> url_authority("::1", 7878)
'[::1]:7878'
"""

from __future__ import annotations

import ipaddress
import re
import socket

from datacareers.errors import BadInputError

#: A Host header we are willing to repeat in a URL: a name, an IPv4 or a bracketed IPv6
#: address, and an optional port (RFC 3986 authority without user information).
_HOST_HEADER = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))(?::[0-9]{1,5})?")


def resolve_address(host: str, port: int) -> tuple[socket.AddressFamily, tuple]:
    """The address family and socket address to bind for *host*, or :class:`BadInputError`.

    ``[::1]`` is taken as ``::1``. A name made of digits and dots only, or an IPv6
    literal, is parsed as an address and never looked up; a name under ``.invalid``
    is refused without a lookup (RFC 6761 6.4: it never resolves).
    """
    name = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not name:
        raise BadInputError("--host is empty; give a name or an IP address such as 127.0.0.1")
    numeric = ":" in name or all(label.isascii() and label.isdigit() for label in name.split("."))
    if numeric:
        flags = socket.AI_PASSIVE | socket.AI_NUMERICHOST
    elif name.rstrip(".").lower().rsplit(".", 1)[-1] == "invalid":
        raise BadInputError(f"--host {host}: no such host (names under .invalid never resolve)")
    else:
        flags = socket.AI_PASSIVE
    try:
        found = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM, flags=flags)
    except (socket.gaierror, UnicodeError) as exc:
        if numeric:
            raise BadInputError(f"--host {host}: not a valid IP address") from None
        raise BadInputError(f"--host {host}: no such host ({getattr(exc, 'strerror', exc)})") from None
    for family, _, _, _, address in found:
        if family in (socket.AF_INET, socket.AF_INET6):
            return family, address
    raise BadInputError(f"--host {host}: no IPv4 or IPv6 address")


def is_loopback(host: str) -> bool:
    """Whether *host* names this machine's loopback interface only.

    >>> is_loopback("[::1]"), is_loopback("0.0.0.0")
    (True, False)
    """

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_authority(host: str, port: int) -> str:
    """``host:port`` for a URL, with an IPv6 address in brackets."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def request_authority(host_header: str | None, fallback: str) -> str:
    """The ``Host`` header when it is a plain ``host[:port]``, else *fallback*: the
    endpoint's own URL never repeats markup or spaces a client put there.

    >>> request_authority("localhost:7878", "127.0.0.1:7878")
    'localhost:7878'
    >>> request_authority("x<script>", "127.0.0.1:7878")
    '127.0.0.1:7878'
    """
    if host_header and _HOST_HEADER.fullmatch(host_header):
        return host_header
    return fallback
