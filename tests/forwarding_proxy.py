"""A forwarding HTTP proxy on 127.0.0.1 for tests, as a company's or a university's: plain http
asked in absolute form ("GET http://host/path"), HTTPS through CONNECT (bytes passed both ways,
TLS end to end between the reader and the site). It resolves names itself from `hosts` (as the
proxy of a network whose DNS only it reaches: the reader's own lookups of them fail), logs each
request line, and refuses CONNECT to the ports in `refused` with a 403."""

from __future__ import annotations

import select
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class ForwardingProxy:
    """A running proxy: its `url`, the request lines it was sent (`log`)."""

    url: str
    hosts: dict[str, str]
    log: list[str] = field(default_factory=list)
    refused: set[int] = field(default_factory=set)


_BAD_GATEWAY = b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
"""A proxy's answer when it can't reach the site asked."""


def _pipe(one: socket.socket, other: socket.socket) -> None:
    """Bytes passed both ways until either side closes."""
    sockets = [one, other]
    while True:
        ready, _, _ = select.select(sockets, [], [], 30)
        if not ready:
            return
        for side in ready:
            data = side.recv(65536)
            if not data:
                return
            (other if side is one else one).sendall(data)


def _handler(proxy: ForwardingProxy) -> type[socketserver.StreamRequestHandler]:
    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            line = self.rfile.readline().decode("latin-1").strip()
            head = []
            while (header := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                head.append(header)
            proxy.log.append(line)
            method, target, _ = line.split(" ", 2)
            if method == "CONNECT":
                host, _, port = target.rpartition(":")
                if int(port) in proxy.refused:
                    self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                    return
                try:
                    upstream = socket.create_connection((proxy.hosts.get(host, host), int(port)))
                except OSError:
                    self.wfile.write(_BAD_GATEWAY)
                    return
                self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                with upstream:
                    _pipe(self.connection, upstream)
                return
            parts = urlsplit(target)
            address = (proxy.hosts.get(parts.hostname or "", parts.hostname), parts.port or 80)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            try:
                upstream = socket.create_connection(address)
            except OSError:
                self.wfile.write(_BAD_GATEWAY)
                return
            with upstream:
                upstream.sendall(f"{method} {path or '/'} HTTP/1.1\r\n".encode("latin-1"))
                kept = [h for h in head if not h.lower().startswith(b"connection:")]
                upstream.sendall(b"".join(kept) + b"Connection: close\r\n\r\n")
                while data := upstream.recv(65536):
                    self.wfile.write(data)

    return Handler


@contextmanager
def forwarding_proxy(hosts: dict[str, str] | None = None) -> Iterator[ForwardingProxy]:
    """A proxy on a free port of 127.0.0.1, mapping the names in `hosts` to addresses."""
    proxy = ForwardingProxy("", dict(hosts or {}))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _handler(proxy))
    server.daemon_threads = True
    proxy.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield proxy
    finally:
        server.shutdown()
        with suppress(OSError):
            server.server_close()
