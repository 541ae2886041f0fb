"""A host that sends half of each article's answer, then resets the connection (a flaky hotel
link, a proxy dying mid-answer): said as a connection broken off, left for the next sync, not
as an address the reader refused ("refused a feed's link from a loopback address to a loopback
one", acc46b A2: the peer of a connection reset as its answer came can't be read).

Served by a raw socket server of its own on 127.0.0.1: its feed whole, each article's head and
half its body, then an RST (SO_LINGER 0)."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_run import run_reader
from tests.served_feed import story_page
from tests.test_portal import quay_items


class CuttingHost:
    """Its feed whole at /feed.xml; every other page half sent, then reset."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def feed(self) -> bytes:
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette</title>'
            f"{quay_items(self.url)}</channel></rss>"
        ).encode()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        asked = b""
        while b"\r\n\r\n" not in asked:
            chunk = conn.recv(4096)
            if not chunk:
                conn.close()
                return
            asked += chunk
        path = asked.split(b" ")[1].decode()
        feed = path == "/feed.xml"
        body = self.feed() if feed else story_page(f"The {path} story", times=30).encode()
        kind = b"application/rss+xml" if feed else b"text/html; charset=utf-8"
        head = b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
        conn.sendall(head % (kind, len(body)))
        if feed:
            conn.sendall(body)
            conn.close()
            return
        conn.sendall(body[: len(body) // 2])
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def cutting_host() -> Iterator[CuttingHost]:
    host = CuttingHost()
    yield host
    host.close()


def test_a_host_resetting_each_answer_midway_broke_off_the_connection(
    data_dir: Path, cutting_host: CuttingHost
) -> None:
    assert run_reader(data_dir, "add", cutting_host.url("/feed.xml")).returncode == 0
    synced = run_reader(data_dir, "sync")
    said = synced.stdout + synced.stderr
    assert (
        f"127.0.0.1:{cutting_host.port} broke off the connection: 3 articles not fetched;"
        " the next sync asks again" in said
    ), said
    assert "refused" not in said, said
    assert "0 articles cached for offline" in said, said
