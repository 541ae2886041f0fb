"""What a request's own connection did, as httpcore's `trace` hook tells it: the address it
reached, and whether its TLS handshake was under way. Read only when the request fails, to say
what went wrong: a handshake that timed out is not "timed out" at large (the server took the
connection, and never spoke TLS), and an answer that was not HTTP (an SSH port's banner, an
HTTP/0.9 body with no status line) is asked for again at that address (`first_bytes`), to be
shown. httpx carries neither: its error for both is "Server disconnected without sending a
response." A good fetch pays a few calls of the hook, nothing more.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .unanswered import HEAD_CAME

Trace = Callable[[str, dict[str, Any]], Awaitable[None]]

PEEKED = 256
"""Bytes of a server's answer read to show what it said: its first line is what is shown."""


@dataclass
class Watched:
    """What the connection of the request under way did."""

    peer: tuple[str, int] | None = None
    """The address and port its new connection reached; None for a pooled one, or none made."""
    handshaking: bool = False
    """Its TLS handshake was begun and not finished (failed, or still under way)."""


WATCHED: ContextVar[Watched | None] = ContextVar("WATCHED", default=None)
"""The request under way in this task (`Fetcher`), as its trace hook saw it."""


def watching(inner: Trace | None) -> Trace:
    """A `trace` hook for one request that notes what its connection did in a new `WATCHED`,
    then hands each event on to `inner` (`address_class.connect_guard`), if any."""
    watched = Watched()
    WATCHED.set(watched)

    async def trace(event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            watched.peer = _server_address(info.get("return_value"))
        elif event == "connection.start_tls.started":
            watched.handshaking = True
        elif event == "connection.start_tls.complete":
            watched.handshaking = False  # not on its ".failed": that is what is told
        if inner is not None:
            await inner(event, info)

    return trace


def _server_address(stream: object) -> tuple[str, int] | None:
    try:
        address = stream.get_extra_info("server_addr")  # type: ignore[attr-defined]
    except Exception:  # a stream of another make, closed under us: not told
        return None
    if isinstance(address, tuple) and len(address) >= 2:
        return str(address[0]), int(address[1])
    return None


async def first_bytes(peer: tuple[str, int], target: bytes, host: bytes, timeout: float) -> bytes:
    """The first bytes the server at `peer` sends when asked for `target` of `host` in plain
    HTTP/1.1, with nothing else (no cookie, no agent): the address the failed request reached,
    not its name resolved again. b"" when it sends none within `timeout`, or can't be reached."""
    request = b"GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (target, host)
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(*peer)
            writer.write(request)
            return await reader.read(PEEKED)
    except (OSError, TimeoutError):
        return b""
    finally:
        if writer is not None:
            writer.close()


async def not_http_said(failed: str, exc: Exception, timeout: float) -> bytes | None:
    """What the server `failed` (a plain-http request's address) reached said instead of HTTP,
    when its request failed before an answer's head came (`exc`: httpx's RemoteProtocolError,
    or a ReadError as the server reset a connection it had written its banner on), asked
    again at the address it reached (`first_bytes`); None when it answers in HTTP now (a
    connection closed as it was reused, a server restarting), sends nothing, or was not
    watched (a pooled connection, a proxy's)."""
    import httpx

    watched = WATCHED.get()
    if (
        not isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError)
        or HEAD_CAME.get()
        or watched is None
        or watched.peer is None
    ):
        return None
    target = httpx.URL(failed)
    if target.scheme != "http":
        return None  # over TLS, HTTP/2 may have been spoken: its errors are its own
    said = await first_bytes(watched.peer, target.raw_path, target.netloc, timeout)
    if not said.strip() or said.lstrip().startswith(b"HTTP/"):
        return None
    return said
