"""A SOCKS 5 proxy on 127.0.0.1 for tests, as Tor's port 9050 is (RFC 1928, no authentication,
CONNECT alone): it resolves names itself from `hosts` (the reader's own lookups of them fail, as
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

from tests.forwarding_proxy import _pipe


@dataclass
class SocksProxy:
    """A running proxy: its `port`, and each CONNECT it was asked for (`log`): ("name", host,
    port) for a name handed to it, ("address", ip, port) for an address resolved before."""

    port: int
    hosts: dict[str, str]
    log: list[tuple[str, str, int]] = field(default_factory=list)
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
            version, methods = _read(conn, 2)
            _read(conn, methods)
            conn.sendall(b"\x05\x00")  # no authentication
            version, command, _, kind = _read(conn, 4)
            if kind == 3:
                host = _read(conn, _read(conn, 1)[0]).decode("idna")
                how = "name"
            elif kind == 1:
                host, how = socket.inet_ntoa(_read(conn, 4)), "address"
            else:
                host, how = socket.inet_ntop(socket.AF_INET6, _read(conn, 16)), "address"
            (port,) = struct.unpack("!H", _read(conn, 2))
            self.server.proxy.log.append((how, host, port))
            if self.server.proxy.closing:
                return
            failed = b"\x05\x04\x00\x01" + bytes(6)  # host unreachable
            if version != 5 or command != 1:
                conn.sendall(failed)
                return
            try:
                upstream = socket.create_connection((self.server.proxy.hosts.get(host, host), port))
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
