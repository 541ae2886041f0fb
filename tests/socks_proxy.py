"""A SOCKS 5 proxy on 127.0.0.1 for tests, as Tor's port 9050 is (RFC 1928, no authentication or
any user name and password, CONNECT alone): it resolves names itself from `hosts` (the reader's own lookups of them fail, as
a `.onion` name's do), logs each CONNECT as the address it was handed, and passes the bytes
both ways."""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

import pytest

from tests.forwarding_proxy import _pipe


@dataclass
class SocksProxy:
    """A running proxy: its `port`, and each CONNECT it was asked for (`log`): ("name", host,
    port) for a name handed to it, ("address", ip, port) for an address resolved before."""

    port: int
    hosts: dict[str, str]
    log: list[tuple[str, str, int]] = field(default_factory=list)
    users: list[tuple[str, str]] = field(default_factory=list)
    """The host of each CONNECT and the user name it came with ("" for none), as Tor
    isolates streams by it (IsolateSOCKSAuth)."""
    takes_names: bool = True
    """Whether it takes a user name and password (RFC 1929), as Tor does, any; else it
    refuses a client offering nothing else, replying so (Dante)."""
    closes_on_names: bool = False
    """Not taking names, whether it closes the connection instead of replying (`ssh -D`)."""
    closing: bool = False
    """Whether it closes each connection once it has read the CONNECT, answering nothing (a
    Tor restarting, an overloaded proxy)."""

    def url(self, scheme: str = "socks5h") -> str:
        return f"{scheme}://127.0.0.1:{self.port}"


def _read(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        conn: socket.socket = self.request
        with suppress(OSError, ConnectionError):
            proxy = self.server.proxy
            version, count = _read(conn, 2)
            methods = _read(conn, count)
            user = ""
            if 2 in methods and proxy.takes_names:
                conn.sendall(b"\x05\x02")  # a user name and password, any taken
                _read(conn, 1)
                user = _read(conn, _read(conn, 1)[0]).decode()
                _read(conn, _read(conn, 1)[0])
                conn.sendall(b"\x01\x00")
            elif 0 in methods:
                conn.sendall(b"\x05\x00")  # no authentication
            else:
                if not proxy.closes_on_names:
                    conn.sendall(b"\x05\xff")  # no method it takes
                return
            version, command, _, kind = _read(conn, 4)
            if kind == 3:
                host = _read(conn, _read(conn, 1)[0]).decode("idna")
                how = "name"
            elif kind == 1:
                host, how = socket.inet_ntoa(_read(conn, 4)), "address"
            else:
                host, how = socket.inet_ntop(socket.AF_INET6, _read(conn, 16)), "address"
            (port,) = struct.unpack("!H", _read(conn, 2))
            proxy.log.append((how, host, port))
            proxy.users.append((host, user))
            if proxy.closing:
                return
            failed = b"\x05\x04\x00\x01" + bytes(6)  # host unreachable
            if version != 5 or command != 1:
                conn.sendall(failed)
                return
            try:
                upstream = socket.create_connection((proxy.hosts.get(host, host), port))
            except OSError:
                conn.sendall(failed)
                return
            with upstream:
                conn.sendall(b"\x05\x00\x00\x01" + bytes(6))
                _pipe(conn, upstream)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: SocksProxy


@contextmanager
def socks_proxy(hosts: dict[str, str]) -> Iterator[SocksProxy]:
    """A SOCKS 5 proxy resolving the names of `hosts` to their addresses, running till exit."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.proxy = SocksProxy(server.server_address[1], hosts)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.proxy
    finally:
        server.shutdown()
        server.server_close()


def watched_lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names this process looks up from now on (where Python makes the lookups, the one
    place a test sees them), the environment's proxies left out of the test."""
    looked_up: list[str] = []
    real = socket.getaddrinfo

    def watched(host: object, *args: object, **kwargs: object) -> object:
        looked_up.append(str(host))
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", watched)
    for name in ("ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    return looked_up
