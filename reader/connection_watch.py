"""What a request's own connection did, as httpcore's `trace` hook tells it: the address it
reached, and whether its TLS handshake was under way. Read only when the request fails, to say
what went wrong: a handshake that timed out is not "timed out" at large (the server took the
connection, and never spoke TLS), and an answer that was not HTTP (an SSH port's banner, an
HTTP/0.9 body with no status line) is asked for again at that address (`first_bytes`), to be
shown. httpx carries neither: its error for both is "Server disconnected without sending a
response." A good fetch pays a few calls of the hook, nothing more. As an answer is closed, the
hook has its connection closed when bytes came past it (`connection_reuse`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpx

from .connection_reuse import close_if_overrun
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
    tunnelled: bool = False
    """Through a proxy, its CONNECT was answered 2xx and the site's TLS begun in the tunnel:
    what fails from there is the site's, not the proxy's."""
    answer: httpx.Response | None = None
    """Its answer once its head came (`Fetcher`): judged as it is closed (`close_if_overrun`)."""


WATCHED: ContextVar[Watched | None] = ContextVar("WATCHED", default=None)
"""The request under way in this task (`Fetcher`), as its trace hook saw it."""

CONNECTED: ContextVar[Callable[[], None] | None] = ContextVar("CONNECTED", default=None)
"""Called each time a request of this task (and of the tasks it starts) makes a connection:
the network is there (`Library.workers_at_first_connection`). Nothing answering (refused,
unreachable, no name found) makes none."""


def watching(inner: Trace | None) -> Trace:
    """A `trace` hook for one request that notes what its connection did in a new `WATCHED`,
    then hands each event on to `inner` (`address_class.connect_guard`), if any."""
    watched = Watched()
    WATCHED.set(watched)

    async def trace(event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            watched.peer = _server_address(info.get("return_value"))
            if (connected := CONNECTED.get()) is not None:
                connected()
        elif event in ("connection.start_tls.started", "proxy.start_tls.started"):
            watched.handshaking = True
            watched.tunnelled = event.startswith("proxy.")
        elif event in ("connection.start_tls.complete", "proxy.start_tls.complete"):
            watched.handshaking = False  # not on its ".failed": that is what is told
        elif event == "http11.response_closed.started" and watched.answer is not None:
            # As its connection is handed back: bytes past the answer close it (its whole
            # body read, httpx closes the answer itself, before `Fetcher` could look).
            close_if_overrun(watched.answer)
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
    not its name resolved again. b"" when it sends none within `timeout`, or can't be
    reached."""
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(*peer)
            writer.write(_request(target, host))
            return await reader.read(PEEKED)
    except (OSError, TimeoutError):
        return b""
    finally:
        if writer is not None:
            writer.close()


async def through_tunnel(
    proxy: tuple[str, int], tunnel: bytes, target: bytes, host: bytes, timeout: float
) -> tuple[bytes, bytes | None]:
    """The proxy at `proxy` asked to CONNECT to `tunnel` ("host:port"), then `target` of
    `host` asked as `first_bytes` asks it in the tunnel made: the first line of the proxy's
    answer, and the first bytes from the tunnel's end; None for those when no tunnel was made
    (refused, or no HTTP answered). An SSH port named as the proxy answers the CONNECT with
    its banner; a site's SSH port sends its own unasked into the tunnel. b"" for what did
    not come within `timeout`."""
    answer, passed = b"", None
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(*proxy)
            writer.write(b"CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (tunnel, tunnel))
            answer = await reader.readline()
            if answer[:5] != b"HTTP/" or answer[9:10] != b"2":  # "HTTP/1.1 200 …"
                return answer, None
            while (await reader.readline()).strip():  # the rest of its head
                pass
            passed = b""
            writer.write(_request(target, host))
            passed = await reader.read(PEEKED)
    except (OSError, TimeoutError, ValueError):  # ValueError: a line past the limit
        pass
    finally:
        if writer is not None:
            writer.close()
    return answer, passed


def _request(target: bytes, host: bytes) -> bytes:
    return b"GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (target, host)


async def not_http_said(failed: str, exc: Exception, timeout: float) -> bytes | None:
    """What the server `failed` reached said instead of HTTP, when its request failed before
    an answer's head came (`exc`: httpx's RemoteProtocolError, or a ReadError as the server
    reset a connection it had written its banner on), asked again at the address it reached
    (`first_bytes`); for an https address, what it said instead of TLS, its handshake refused
    (ConnectError: an SSH port's banner was "try http://…", acc48a/wire48). None when it
    answers in HTTP now (a connection closed as it was reused, a server restarting; a plain
    http server asked in https: `fetch_messages` says so), sends nothing, or was not watched
    (a pooled connection, a proxy's: `proxy_not_http_said`)."""
    import httpx

    watched = WATCHED.get()
    if watched is None or watched.peer is None or HEAD_CAME.get():
        return None
    target = httpx.URL(failed)
    if target.scheme == "https":
        # Over TLS, HTTP/2 may have been spoken once it was made: its errors are its own.
        if not isinstance(exc, httpx.ConnectError) or not watched.handshaking:
            return None
    elif not isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return None
    return _no_http(await first_bytes(watched.peer, target.raw_path, target.netloc, timeout))


async def proxy_not_http_said(
    proxy: str, failed: str, exc: Exception, timeout: float
) -> tuple[bool, bytes] | None:
    """Through the HTTP proxy `proxy`, a request of `failed` that failed before an answer's
    head came (`exc`, as `not_http_said` takes it): who said what in no HTTP. (True, said)
    when the proxy itself answers in none (an SSH port named as the proxy: its banner is its
    answer to a CONNECT too); (False, said) when the site does, through a tunnel to it
    (`through_tunnel`: an https site's handshake refused, a plain-http site's port an SSH
    one), or, where the proxy makes none (a CONNECT to port 80 refused, as squid does), what
    the proxy passes on of the request asked again. None when neither can be told: nothing
    said, a SOCKS proxy. Only `failed`'s site is asked for: a bare "GET /" of the proxy's own
    went to its log, and a proxy dropping a request for no site left it "broke off" (C5)."""
    import httpx

    way, target = httpx.URL(proxy), httpx.URL(failed)
    if way.scheme != "http" or not way.host or HEAD_CAME.get():
        return None
    watched = WATCHED.get()
    if target.scheme == "https" and watched is not None and watched.tunnelled:
        # The proxy made the tunnel: the site's answer to the handshake, asked again through
        # one (an SSH banner comes unasked; a plain http server answers the request).
        if not isinstance(exc, httpx.ConnectError) or not watched.handshaking:
            return None
    elif not isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return None
    at = (way.host, way.port or 80)
    host = target.raw_host if b":" not in target.raw_host else b"[%s]" % target.raw_host
    tunnel = b"%s:%d" % (host, target.port or (443 if target.scheme == "https" else 80))
    answer, passed = await through_tunnel(at, tunnel, target.raw_path, target.netloc, timeout)
    if (said := _no_http(answer)) is not None:
        return True, said
    if passed is None and target.scheme == "http":
        passed = await first_bytes(at, str(target).encode("ascii"), target.netloc, timeout)
    said = _no_http(passed or b"")
    return None if said is None else (False, said)


def _no_http(said: bytes) -> bytes | None:
    """`said`, when it is something and no HTTP answer; else None."""
    return None if not said.strip() or said.lstrip().startswith(b"HTTP/") else said
