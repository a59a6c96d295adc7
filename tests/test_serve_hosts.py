"""Where ``datacareers serve`` listens: IPv4 and IPv6 hosts work, bad hosts and a port in
use are one line on stderr and exit 2 (never a traceback)."""

from __future__ import annotations

import functools
import http.client
import re
import socket

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.serve import endpoint as serve
from datacareers.store.shipped import shipped_files


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


needs_ipv6 = pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback on this machine")


def ask(host: str, port: int) -> int:
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("GET", "/sparql?query=ASK%7B%7D")
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.mark.parametrize(("host", "clients"), [
    pytest.param("::1", ["::1"], marks=needs_ipv6),
    pytest.param("[::1]", ["::1"], marks=needs_ipv6),
    pytest.param("::", ["::1", "127.0.0.1"], marks=needs_ipv6),  # dual stack
    ("localhost", ["localhost"]),
])
def test_hosts_bind_and_serve(host, clients):
    loader = functools.partial(serve.load_files, [(str(p), g) for p, g in shipped_files()])
    server = serve.make_server(host, 0, serve.Settings(workers=1, quiet=True), loader=loader)
    serve.serve_in_thread(server)
    try:
        port = server.server_address[1]
        assert serve.endpoint_url(server).endswith(f":{port}/sparql")
        if ":" in server.server_address[0]:
            assert "[" in serve.endpoint_url(server)
        for client in clients:
            assert ask(client, port) == 200, client
    finally:
        server.shutdown()
        server.server_close()


def assert_one_line_error(result, pattern: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and re.search(pattern, lines[0]), lines[0]


@pytest.mark.parametrize(("host", "pattern"), [
    ("bogus.invalid", "no such host"),
    ("999.1.1.1", "not a valid IP address"),
    ("::g", "not a valid IP address"),
    ("", "empty"),
])
def test_bad_hosts_are_one_line(host, pattern):
    assert_one_line_error(CliRunner().invoke(main, ["serve", "--host", host]), pattern)


def test_port_in_use_is_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port), "--workers", "1"])
    assert_one_line_error(result, f"cannot listen on 127.0.0.1:{port}: .*in use")
