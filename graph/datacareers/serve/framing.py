"""How long a request body is, decided from the headers before a byte of it is read (and
what type it says it is: :func:`content_type`).

The endpoint then reads exactly that many bytes, never "until the client closes" (a
``Content-Length: -1`` once made ``rfile.read(-1)`` take the server to 3.7 GB). The rules
follow RFC 9112 section 6 (message body length) and RFC 9110 section 8.6 (Content-Length):

- ``Content-Length`` must be one field of decimal digits; anything else (``-1``, ``+5``,
  ``1_0``, ``5, 5``, two fields) is 400: we cannot know where the body ends.
- ``Transfer-Encoding`` together with ``Content-Length`` is 400 and the connection is
  closed: RFC 9112 6.3 calls it a possible request-smuggling attempt and requires the close.
- ``Transfer-Encoding`` whose last coding is not ``chunked`` is 400 (RFC 9112 6.3: the
  length cannot be determined). ``Transfer-Encoding: chunked`` alone is 411 Length
  Required: RFC 9112 6.3 lets a server that wants a length refuse a body without
  ``Content-Length`` this way, and the status tells the client exactly what to send
  instead (every SPARQL client we know sends a length). Other codings before ``chunked``
  (``gzip, chunked``) are 501 Not Implemented, as RFC 9112 6.1 asks for a transfer coding
  the server does not understand.
- A body over the limit is 413; one up to :data:`DRAIN_LIMIT` is read and dropped first so
  the client sees the answer rather than a reset connection.

>>> body_length(["12"], [], limit=100)
12
>>> body_length([], [], limit=100)
0
>>> body_length(["-1"], [], limit=100)
Traceback (most recent call last):
datacareers.serve.framing.FramingError: bad Content-Length '-1': it must be a number of bytes
>>> def status(content_lengths, transfer_encodings):
...     try:
...         return body_length(content_lengths, transfer_encodings, limit=100)
...     except FramingError as exc:
...         return exc.status
>>> [status(["5"], ["chunked"]), status([], ["chunked"]), status([], ["gzip, chunked"]),
...  status(["5", "5"], []), status(["2000"], [])]
[400, 411, 501, 400, 413]
"""

from __future__ import annotations

import re
from email.message import Message

from datacareers.errors import BadInputError

#: An over-long body up to this size is read and dropped before the 413; a larger one is not.
DRAIN_LIMIT = 64 * 1024 * 1024
#: More digits than this is more than DRAIN_LIMIT anyway (and stays far from int() limits).
_MAX_DIGITS = 18
_DIGITS = re.compile(r"[0-9]+")


class FramingError(BadInputError):
    """A request whose body length cannot be used: the status to answer and what to drain.

    After any of these the connection is closed: what follows on it cannot be trusted.
    """

    def __init__(self, status: int, message: str, drain: int = 0) -> None:
        super().__init__(message)
        self.status = status
        #: Bytes of body to read and drop before answering (0: none).
        self.drain = drain


def _codings(transfer_encodings: list[str]) -> list[str]:
    return [c.strip().lower() for field in transfer_encodings for c in field.split(",") if c.strip()]


def body_length(content_lengths: list[str], transfer_encodings: list[str], limit: int) -> int:
    """The number of body bytes to read, from every ``Content-Length`` and
    ``Transfer-Encoding`` field of a request, or :class:`FramingError`."""

    codings = _codings(transfer_encodings)
    if transfer_encodings and content_lengths:
        raise FramingError(400, "a request with both Content-Length and Transfer-Encoding is "
                                "ambiguous (request smuggling); send Content-Length only")
    if transfer_encodings:
        if not codings or codings[-1] != "chunked":
            raise FramingError(400, f"Transfer-Encoding {', '.join(codings)!r} does not end with "
                                    "chunked, so the body has no known end")
        if codings == ["chunked"]:
            raise FramingError(411, "chunked request bodies are not accepted; send the body "
                                    "with a Content-Length")
        raise FramingError(501, f"transfer coding {codings[0]!r} is not supported; send the "
                                "body with a Content-Length")
    if not content_lengths:
        return 0
    if len(content_lengths) > 1:
        raise FramingError(400, "more than one Content-Length header")
    value = content_lengths[0].strip()
    if not _DIGITS.fullmatch(value):
        raise FramingError(400, f"bad Content-Length {value[:40]!r}: it must be a number of bytes")
    if len(value) > _MAX_DIGITS:
        raise FramingError(413, f"request body of {value[:40]}... bytes is over the {limit}-byte "
                                "limit for a query")
    length = int(value)
    if length > limit:
        raise FramingError(413, f"request body of {length} bytes is over the {limit}-byte limit "
                                "for a query", drain=length if length <= DRAIN_LIMIT else 0)
    return length


def content_type(header: str | None) -> tuple[str, str | None]:
    """A ``Content-Type`` header's media type and charset, both lower-case (RFC 9110's
    grammar, read by the standard library's MIME parser).

    >>> content_type("Application/SPARQL-Query; charset=UTF-16")
    ('application/sparql-query', 'utf-16')
    >>> content_type(None)
    ('', None)
    """
    if not header or not header.strip():
        return "", None
    message = Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    media = header.split(";")[0].strip().lower()  # as sent: the parser makes a bad one text/plain
    return media, charset.lower() if isinstance(charset, str) else None
