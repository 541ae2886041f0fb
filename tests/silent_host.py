"""A host that accepts connections and never answers: a request to it is held until its
timeout (a blackholed network, a dead server behind a live firewall). Counts what it took.
`Listener`, its socket, thread and closing, serves `failing_site.FailingSite` too."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable


class Listener:
    """A listening socket on `host`, polled by a daemon thread running `serve` until closed;
    the connections kept in `held` are closed with it."""

    def __init__(
        self, serve: Callable[[], None], host: str = "127.0.0.1", port: int = 0, backlog: int = 16
    ) -> None:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # back on its port
        self._sock.bind((host, port))
        self._sock.listen(backlog)
        self._sock.settimeout(0.1)  # `serve` polls, to see `_stop`
        self.port: int = self._sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()

    def answer_each(self, answer: Callable[[socket.socket], None]) -> None:
        """A `serve` that hands each connection to `answer`, on a thread of its own."""
        while not self._stop.is_set():
            try:
                conn = self._sock.accept()[0]
            except OSError:
                continue
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for conn in self.held:
            conn.close()
        self._sock.close()


def request_path(conn: socket.socket) -> str | None:
    """The path a request read off `conn` asks for; None, the connection closed, when it
    ended before its head did."""
    asked = request_line(conn)
    return asked[1] if asked is not None else None


def request_line(conn: socket.socket) -> tuple[str, str] | None:
    """The method and the path of a request read off `conn`; None, the connection closed,
    when it ended before its head did."""
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(4096)
        if not chunk:
            conn.close()
            return None
        request += chunk
    method, path = request.split(b" ", 2)[:2]
    return method.decode(), path.decode()


class SilentHost(Listener):
    def __init__(self) -> None:
        self.first = threading.Event()
        """Set at the first connection."""
        super().__init__(self._accept)
        self.url = f"http://127.0.0.1:{self.port}/"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                self.held.append(self._sock.accept()[0])
            except OSError:
                continue
            self.first.set()
