"""A server that answers in something else than was asked, said so in words (acc47c C7): an SSH
port's banner or an HTTP/0.9 body (no status line) to an http:// address was "HOST broke off
the connection", retried; an https:// address to a server that takes the connection and never
answers the TLS handshake was "HOST timed out"; one to a server answering in plain text was "it
answered in plain http" whatever it answered in, with no hint of what to try.

Served by raw sockets of their own on 127.0.0.1 (`silent_host.Listener`): one writing an SSH
banner as it accepts, the way sshd does, then closing at the request; one answering each
request with a body and no status line; `SilentHost`, which never says a word."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import FetchLimits
from reader.models import ErrorKind
from tests.cli_run import run_reader
from tests.forwarding_proxy import forwarding_proxy
from tests.silent_host import Listener, SilentHost, request_path
from tests.test_fetch import error_of

BANNER = b"SSH-2.0-OpenSSH_9.6\r\n"
# An HTTP/0.9 answer: its body alone, a terminal escape in it, longer than is shown.
OLD_BODY = b"<html><body>\x1b]0;PWNED\x07Harbour notices for the week: " + b"x" * 300 + b"\n"


class OddServer(Listener):
    """Each connection answered by `answer` on a thread of its own."""

    def __init__(self, answer: bytes, banner_first: bool) -> None:
        self._answer, self._banner_first = answer, banner_first
        super().__init__(self._accept)
        self.url = f"http://127.0.0.1:{self.port}/feed.xml"

    def _accept(self) -> None:
        self.answer_each(self._serve)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            if self._banner_first:
                conn.sendall(self._answer)
                # sshd reads the client's greeting, finds none it knows, and hangs up.
                conn.recv(4096)
                return
            if request_path(conn) is not None:
                conn.sendall(self._answer)


@pytest.fixture
def ssh_port() -> Iterator[OddServer]:
    server = OddServer(BANNER, banner_first=True)
    yield server
    server.close()


@pytest.fixture
def http09() -> Iterator[OddServer]:
    server = OddServer(OLD_BODY, banner_first=False)
    yield server
    server.close()


def _said(server: OddServer, what: str) -> str:
    return (
        f"the server at 127.0.0.1:{server.port} did not answer in HTTP ({what}), so the"
        " address is likely wrong"
    )


def test_an_ssh_banner_is_said_to_be_no_http(ssh_port: OddServer) -> None:
    error = error_of(ssh_port.url)
    assert error.kind == ErrorKind.BAD_URL and not error.retryable
    assert error.message == _said(ssh_port, 'it said "SSH-2.0-OpenSSH_9.6"')


def test_an_http09_body_is_shown_safe_and_cut_short(http09: OddServer) -> None:
    error = error_of(http09.url)
    assert error.kind == ErrorKind.BAD_URL
    shown = '"<html><body>Harbour notices for the week: xxxxxxxxxxxxxxxxx…"'
    assert error.message == _said(http09, f"it said {shown}")
    assert "\x1b" not in error.message and "\x07" not in error.message


def test_reader_add_show_and_sync_say_it(data_dir: Path, ssh_port: OddServer) -> None:
    """`add` says no web server answered (not "nothing answered": one did, in SSH); `show` and
    the sync report say the same line."""
    said = _said(ssh_port, 'it said "SSH-2.0-OpenSSH_9.6"')
    added = run_reader(data_dir, "add", ssh_port.url)
    assert added.returncode == 1
    first = added.stderr.splitlines()[0]
    assert first == f"reader: no web server answered at {ssh_port.url}: {said}: not subscribed"
    shown = run_reader(data_dir, "show", ssh_port.url)
    assert shown.returncode == 1 and said in shown.stderr, shown.stderr
    assert run_reader(data_dir, "add", "--keep", ssh_port.url).returncode == 1
    synced = run_reader(data_dir, "sync")
    assert said in synced.stdout + synced.stderr, synced.stdout + synced.stderr
    assert "broke off" not in synced.stdout + synced.stderr


def test_a_tls_handshake_never_answered_is_said_so() -> None:
    """Connected, then no TLS spoken back within the connect timeout: the server is there."""
    host = SilentHost()
    try:
        url = host.url.replace("http://", "https://")
        error = error_of(url, FetchLimits(retries=0, connect_timeout=1))
    finally:
        host.close()
    assert error.kind == ErrorKind.TIMEOUT and error.connected
    assert error.message == (
        f"127.0.0.1:{host.port} accepted the connection but did not complete the secure (TLS)"
        " handshake within 1 s"
    )


def test_https_to_a_plain_server_says_to_try_http(httpserver: HTTPServer) -> None:
    plain = httpserver.url_for("/feed.xml")
    error = error_of(plain.replace("http://", "https://"), FetchLimits(retries=0))
    host = plain.split("/")[2]
    assert error.kind == ErrorKind.BAD_URL and error.connected
    assert error.message == f"{host} does not speak https (its answer is not TLS): try {plain}"


def test_https_to_an_ssh_port_says_what_it_said(ssh_port: OddServer) -> None:
    """No TLS from an SSH port: what it said, not "try http://…", which answers no better."""
    url = ssh_port.url.replace("http://", "https://")
    error = error_of(url, FetchLimits(retries=0))
    assert error.kind == ErrorKind.BAD_URL and error.connected
    assert error.message == _said(ssh_port, 'it said "SSH-2.0-OpenSSH_9.6"').replace(
        "in HTTP", "in TLS"
    )


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_through_a_proxy_an_ssh_port_is_said_as_the_sites(ssh_port: OddServer, scheme: str) -> None:
    """Through a proxy that speaks HTTP, the site's SSH port: its banner, passed on by the
    proxy (plain http) or met in the tunnel the proxy made (https), is the site's, said as a
    direct request says it; it was "HOST broke off the connection", and over https "cannot
    connect to the proxy" once in two."""
    with forwarding_proxy({"news.example": "127.0.0.1"}) as proxy:
        url = f"{scheme}://news.example:{ssh_port.port}/feed.xml"
        for _ in range(3):  # the same words each time
            error = error_of(url, FetchLimits(retries=0, proxy=proxy.url))
            spoken = "TLS" if scheme == "https" else "HTTP"
            assert error.message == (
                f"the server at news.example:{ssh_port.port} did not answer in {spoken}"
                ' (it said "SSH-2.0-OpenSSH_9.6"), so the address is likely wrong'
            )
            assert error.kind == ErrorKind.BAD_URL


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_proxy_setting_naming_an_ssh_port_is_said_as_the_proxys(
    ssh_port: OddServer, scheme: str
) -> None:
    """`[network] proxy` naming an SSH port: the proxy's failure, named, whatever site is
    asked through it (no feed marked failing); it was "HOST broke off the connection"."""
    proxy = f"http://127.0.0.1:{ssh_port.port}"
    error = error_of(f"{scheme}://news.example/feed.xml", FetchLimits(retries=0, proxy=proxy))
    assert error.kind == ErrorKind.PROXY
    assert error.message == (
        f"the proxy {proxy} ([network] proxy) did not answer in HTTP"
        ' (it said "SSH-2.0-OpenSSH_9.6"), so its address is likely wrong'
    )


@pytest.mark.parametrize("connect", ["made", "refused"])
def test_a_sites_ssh_port_is_told_through_a_proxy_asked_for_no_other_address(
    ssh_port: OddServer, connect: str
) -> None:
    """A plain-http site's SSH port through a proxy that drops a request naming no site (a
    minimal one; squid answers it 400): told from the tunnel to the site, or, where the proxy
    refuses a CONNECT to that port (squid's "!SSL_ports"), from the request asked again; the
    proxy asked for nothing but the site (acc49c C5: a bare "GET /" reached its log, and here
    the site's banner was "news.example broke off the connection")."""
    with forwarding_proxy({"news.example": "127.0.0.1"}) as proxy:
        proxy.drops_no_site = True
        if connect == "refused":
            proxy.refused.add(ssh_port.port)
        url = f"http://news.example:{ssh_port.port}/feed.xml"
        error = error_of(url, FetchLimits(retries=0, proxy=proxy.url))
        assert error.message == (
            f"the server at news.example:{ssh_port.port} did not answer in HTTP"
            ' (it said "SSH-2.0-OpenSSH_9.6"), so the address is likely wrong'
        )
        assert proxy.log and all(f"news.example:{ssh_port.port}" in line for line in proxy.log)


def test_a_tls_handshake_never_answered_in_a_proxys_tunnel_is_said_so() -> None:
    """The proxy made its tunnel, and the site at its end never spoke TLS: said as the
    tunnel's, the proxy having done its part (it was "… timed out through the proxy")."""
    host = SilentHost()
    try:
        with forwarding_proxy({"news.example": "127.0.0.1"}) as proxy:
            url = f"https://news.example:{host.port}/feed.xml"
            limits = FetchLimits(retries=0, connect_timeout=1, proxy=proxy.url)
            error = error_of(url, limits)
    finally:
        host.close()
    assert error.kind == ErrorKind.TIMEOUT and error.connected
    assert error.message == (
        f"the proxy {proxy.url} ([network] proxy) made its tunnel to news.example:{host.port},"
        f" but news.example:{host.port} did not complete the secure (TLS) handshake in it"
        " within 1 s"
    )
