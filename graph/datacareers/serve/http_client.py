"""An HTTP client for writes that must land where they were sent, on time, quietly.

urllib with three changes (used by :mod:`datacareers.serve.push`):

- a deadline for each whole request (connection, upload, answer): a watchdog shuts the
  connection down when it is over, so a server that drips one byte at a time cannot
  hold a client for ever (a socket timeout only bounds each read);
- redirects are refused, never followed: urllib would follow a 302/303 answer to a
  POST with a bodiless GET, possibly to another host, and the write would look done;
- credentials are never printed: :func:`check_url` takes them out of a URL, and
  :class:`Scrubber` blanks a password out of any text, whatever a server echoes back.

Basic and Digest authentication come from urllib's own handlers, with one change: once
a server has asked for credentials, later requests to it carry them from the start. A
server that answers 401 to an upload and closes the connection while the body is still
being sent (Virtuoso does, on big graphs: "Broken pipe", "Connection reset by peer")
never sees a big body without them: before the first big upload a bodiless ``HEAD``
learns the challenge, and an upload reset all the same is retried once when the caller
says it may be (a graph ``PUT`` replaces the graph: sending it twice changes nothing).

>>> Scrubber("me", "s3cret")("denied: http://me:s3cret@host/ (s3cret)")
'denied: http://host/ (***)'
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from datacareers.errors import BadInputError, DataCareersError

_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")
#: The user information of a URL: at the start of a text (anything up to the host), or
#: of any URL inside a text (no spaces).
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")
_USERINFO_INSIDE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\s]*@")


class RequestError(DataCareersError):
    """A request the server refused, or that could not reach it in time (exit code 1)."""

    exit_code = 1


# ----------------------------------------------------------------- URLs and secrets


def _without_userinfo(text: str) -> str:
    return _USERINFO_INSIDE.sub(r"\1", _USERINFO.sub(r"\1", text))


def check_url(url: str) -> tuple[str, str | None, str | None]:
    """*url* made safe to request and to print (no credentials, an ASCII host, path
    and query percent-encoded), and the user and password it carried.

    >>> check_url("http://me:s3cret@Example.org:8890/sparql")
    ('http://example.org:8890/sparql', 'me', 's3cret')
    >>> check_url("https://bücher.example/données?x=é")[0]
    'https://xn--bcher-kva.example/donn%C3%A9es?x=%C3%A9'
    >>> check_url("ftp://example.org/")
    Traceback (most recent call last):
    datacareers.errors.BadInputError: not an http(s) URL: 'ftp://example.org/'
    """
    shown = _without_userinfo(url)
    if _SPACE_OR_CONTROL.search(url):
        raise BadInputError(f"a URL cannot hold spaces or control characters (encode a space as %20): {shown!r}")
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise BadInputError(f"not a usable URL: {shown!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadInputError(f"not an http(s) URL: {shown!r}")
    try:
        port = parts.port
        host = parts.hostname if parts.hostname.isascii() else parts.hostname.encode("idna").decode("ascii")
    except (ValueError, UnicodeError) as exc:
        raise BadInputError(f"not a usable URL: {shown!r} ({exc})") from None
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    user = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return urlunsplit((parts.scheme.lower(), netloc, path, query, "")), user, password


class Scrubber:
    """Takes a password (and the ways it travels) out of any text."""

    def __init__(self, user: str | None, password: str | None) -> None:
        secrets = set()
        if password:
            secrets |= {password, quote(password, safe=""), quote(password)}
            if user is not None:
                secrets.add(base64.b64encode(f"{user}:{password}".encode()).decode())
        self.secrets = sorted((s for s in secrets if s), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        """*text* with every secret that stands on its own blanked out: a password that is
        also a word of an IRI (``datacareers`` in ``https://w3id.org/datacareers/…``) is
        left in the IRI, which would otherwise read ``https://w3id.org/***/…``.

        >>> Scrubber("dba", "datacareers")("401 for https://w3id.org/datacareers/source/x: password datacareers.")
        '401 for https://w3id.org/datacareers/source/x: password ***.'
        """
        text = _without_userinfo(text)
        for secret in self.secrets:
            text = re.sub(rf"(?<![\w/.#-]){re.escape(secret)}(?![\w/#-]|\.\w)", "***", text)
        return text


# ----------------------------------------------------------------- HTTP with a deadline


class _Deadline:
    """Shuts a request's connections down when its time is up."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            # a duplicate stays usable when TLS takes the original over
            self._sockets.append(sock.dup())
            if self.expired:
                self._shut(self._sockets[-1])

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()


def _watched(base):
    """An http.client connection class whose sockets a :class:`_Deadline` can shut."""

    class Connection(base):
        def __init__(self, *args, deadline: _Deadline, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._deadline = deadline
            # http.client opens its socket through this hook (before any TLS handshake)
            self._create_connection = self._connect_watched

        def _connect_watched(self, address, timeout=None, source_address=None):
            sock = socket.create_connection(address, self._deadline.remaining(), source_address)
            self._deadline.watch(sock)
            return sock

    return Connection


_HTTPConnection = _watched(http.client.HTTPConnection)
_HTTPSConnection = _watched(http.client.HTTPSConnection)


class _Clock:
    current: _Deadline | None = None


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def http_open(self, req):
        return self.do_open(functools.partial(_HTTPConnection, deadline=self.clock.current), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def https_open(self, req):
        return self.do_open(functools.partial(_HTTPSConnection, deadline=self.clock.current), req,
                            context=self._context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Every 3xx answer becomes an error: a write must reach the URL it was sent to."""

    def _refuse(self, req, fp, code, msg, headers):
        raise urllib.error.HTTPError(req.full_url, code, msg, headers, fp)

    http_error_301 = http_error_302 = http_error_303 = http_error_307 = http_error_308 = _refuse


def _host(request: urllib.request.Request) -> str:
    return urlsplit(request.full_url).netloc


class _Basic(urllib.request.HTTPBasicAuthHandler):
    """Basic authentication that remembers which hosts asked for it."""

    def __init__(self, manager, asked: dict) -> None:
        super().__init__(manager)
        self.asked = asked

    def retry_http_basic_auth(self, host, req, realm):
        self.asked[_host(req)] = ("basic", None)
        return super().retry_http_basic_auth(host, req, realm)


class _Digest(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that remembers each host's challenge (realm, nonce...)."""

    def __init__(self, manager, asked: dict) -> None:
        super().__init__(manager)
        self.asked = asked

    def retry_http_digest_auth(self, req, auth):
        challenge = auth.split(" ", 1)[1] if " " in auth else ""
        fields = urllib.request.parse_http_list(challenge)
        self.asked[_host(req)] = ("digest", urllib.request.parse_keqv_list([f for f in fields if "=" in f]))
        return super().retry_http_digest_auth(req, auth)


#: Bodies over this many bytes are sent only once the server's challenge is known.
BIG_BODY = 64 * 1024


def _was_reset(exc: BaseException) -> bool:
    """Whether the connection was cut under the request (reset, broken pipe, closed)."""
    reason = getattr(exc, "reason", exc)
    return isinstance(reason, ConnectionResetError | BrokenPipeError | http.client.RemoteDisconnected)


class Client:
    """Requests with a deadline, no redirects, and credentials sent once a host asked.

    >>> client = Client(["http://127.0.0.1:9/"], "me", "pw", 1.0)
    >>> client.asked["127.0.0.1:9"] = ("basic", None)
    >>> request = urllib.request.Request("http://127.0.0.1:9/store", data=b"x", method="PUT")
    >>> client.authorize(request); request.unredirected_hdrs["Authorization"]
    'Basic bWU6cHc='
    """

    def __init__(self, urls: list[str], user: str | None, password: str | None, timeout: float) -> None:
        self.timeout = timeout
        self.clock = _Clock()
        self.user, self.password = user, password
        self.asked: dict[str, tuple] = {}
        handlers = [_HTTPHandler(self.clock), _HTTPSHandler(self.clock), _NoRedirects()]
        self.digest = None
        if user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in urls:
                parts = urlsplit(url)
                manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", user, password or "")
            self.digest = _Digest(manager, self.asked)
            handlers += [_Basic(manager, self.asked), self.digest]
        self.opener = urllib.request.build_opener(*handlers)

    def authorize(self, request: urllib.request.Request) -> None:
        """Give *request* the credentials its host asked for before (nothing if it never did)."""
        known = self.asked.get(_host(request))
        if known is None or self.user is None:
            return
        scheme, challenge = known
        if scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")
        elif self.digest is not None:
            answer = self.digest.get_authorization(request, challenge)
            if answer:
                request.add_unredirected_header("Authorization", f"Digest {answer}")

    def learn(self, url: str) -> None:
        """Ask *url* (a bodiless HEAD) whether it wants credentials, and how: whatever it
        answers, only its challenge is kept."""
        if self.user is None or urlsplit(url).netloc in self.asked:
            return
        with contextlib.suppress(RequestError):
            self._send(urllib.request.Request(url, method="HEAD"), 0, "HEAD")

    def fetch(self, request: urllib.request.Request, limit: int, what: str, retry: bool = False) -> bytes:
        """The answer's body (at most *limit* bytes); a one-line RequestError otherwise.
        *what* names the request in messages, e.g. ``graph <IRI>: PUT``; with *retry*, a
        request whose connection was cut (reset, broken pipe) is sent once more."""
        if request.data is not None and len(request.data) > BIG_BODY:
            self.learn(request.full_url)
        try:
            return self._send(request, limit, what)
        except _Reset as exc:
            if not retry:
                raise RequestError(str(exc)) from None
        self.learn(request.full_url)
        try:
            return self._send(request, limit, what)
        except _Reset as exc:
            raise RequestError(f"{exc} (sent twice)") from None

    def _send(self, request: urllib.request.Request, limit: int, what: str) -> bytes:
        self.authorize(request)
        where = request.full_url.split("?")[0]
        late = RequestError(f"{what}: no complete answer from {where} within {self.timeout:g} s (--timeout)")
        with _Deadline(self.timeout) as deadline:
            self.clock.current = deadline
            try:
                with self.opener.open(request, timeout=deadline.remaining()) as response:
                    body = response.read(limit)
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                if deadline.expired:
                    raise late from None
                if isinstance(exc, urllib.error.HTTPError):
                    raise RequestError(f"{what} refused with {_reason(exc)} ({where})") from None
                reason = getattr(exc, "reason", None) or exc
                kind = _Reset if _was_reset(exc) else RequestError
                raise kind(f"{what}: cannot reach {where}: {reason}") from None
            if deadline.expired:  # a connection shut at the deadline can look like a short answer
                raise late
        return body


class _Reset(RequestError):
    """The connection was cut under a request (see :meth:`Client.fetch`)."""


def _reason(error: urllib.error.HTTPError) -> str:
    status = f"HTTP {error.code} {error.reason}"
    if 300 <= error.code < 400:
        where = error.headers.get("Location", "") if error.headers else ""
        return (f"{status}, a redirect{f' to {where[:200]}' if where else ''}; push does not "
                "follow redirects: give the URL that answers directly")
    try:
        body = error.read(2000).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        body = ""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return status + (f": {first[:200]}" if first else "")
