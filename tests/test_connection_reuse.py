"""Bytes a server sends past the answer asked for, on a kept-alive connection, are not read as
the next request's answer: the connection is closed, the next request made on a new one
(acc50a A5: a feed followed, in the same write, by a whole second answer, cached as the next
story's page).

A raw-socket server on 127.0.0.1 in a thread, logging each request with its connection."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from reader.connection_reuse import h11_state_of
from reader.fetch import Fetcher

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>'
REAL = b"<html><body><p>The real story.</p></body></html>"
SMUGGLED = b"<html><body><p>SMUGGLED after the feed.</p></body></html>"


def answer(body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


@pytest.fixture
def desync() -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """A server answering /feed with the feed and, in the same write, an answer unasked for;
    any other path with its real page. Its address, and (connection, path) of each request."""
    listener = socket.create_server(("127.0.0.1", 0))
    log: list[tuple[int, str]] = []

    def serve(conn: socket.socket, number: int) -> None:
        with conn, conn.makefile("rb") as lines:
            while head := lines.readline():
                while lines.readline() not in (b"\r\n", b"\n", b""):
                    pass
                path = head.split(b" ")[1].decode()
                log.append((number, path))
                extra = answer(SMUGGLED) if path == "/feed" else b""
                conn.sendall(answer(FEED if path == "/feed" else REAL) + extra)

    def accept() -> None:
        number = 0
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            number += 1
            threading.Thread(target=serve, args=(conn, number), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", log
    finally:
        listener.close()


def test_bytes_past_an_answer_are_not_the_next_ones(
    desync: tuple[str, list[tuple[int, str]]],
) -> None:
    base, log = desync

    async def run() -> tuple[bytes, bytes, bytes]:
        async with Fetcher() as fetcher:
            feed = await fetcher.get(f"{base}/feed")
            story = await fetcher.get(f"{base}/story0.html")
            again = await fetcher.get(f"{base}/story1.html")
            return feed.body, story.body, again.body

    assert asyncio.run(run()) == (FEED, REAL, REAL)
    # The connection that carried more than its answer was closed; one that didn't, reused.
    assert log == [(1, "/feed"), (2, "/story0.html"), (2, "/story1.html")]


def test_the_connection_under_an_answer_is_found() -> None:
    """`connection_reuse` reaches h11 through httpx's and httpcore's private streams: a later
    release shaped otherwise would leave such connections reused, silently; this says so."""

    async def run() -> object:
        server = await asyncio.start_server(reply, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        url = f"http://127.0.0.1:{port}/"
        async with server, httpx.AsyncClient() as client, client.stream("GET", url) as response:
            return h11_state_of(response)

    async def reply(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(answer(REAL))
        await writer.drain()
        writer.close()

    assert asyncio.run(run()) is not None
