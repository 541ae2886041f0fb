"""A host that accepts connections and never answers: a request to it is held until its
timeout (a blackholed network, a dead server behind a live firewall). Counts what it took."""

from __future__ import annotations

import socket
import threading


class SilentHost:
    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/"
        self.held: list[socket.socket] = []
        """The connections it took, held open."""
        self.first = threading.Event()
        """Set at the first connection."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                self.held.append(self._sock.accept()[0])
            except OSError:
                continue
            self.first.set()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for conn in self.held:
            conn.close()
        self._sock.close()
