"""Cheap probes of the network a sync's hold makes (`network_hold`): nothing cached, failed or
counted against a host by them.

A connection made (`connects`) tells a network there from one gone (refused, unreachable).
It can't tell one that stalls: a captive portal, or Wi-Fi that associates and passes nothing,
may take the connection (or a server's backlog does) and never answer. `answers` waits for
the far end to say something: the head of a bare HEAD over plain HTTP, the TLS handshake's
answer over HTTPS (nothing of ours sent over it: the handshake is not checked, only heard).
Both take the path the fetches take (`proxies.Route`): directly, or to the proxy a link's
requests go through, which is asked for the link (a CONNECT to its host, a HEAD of it over
plain http; a SOCKS 5 one its CONNECT, the host by name as the requests hand it): a probe
taking another path than the requests would judge a network they don't take (behind a proxy,
the only way out, a direct probe finds nothing, acc43b B6). A HEAD says the User-Agent the
requests send (`[network] user_agent`): the reader's own, in a watched site's log among a
browser's, gave it away (acc50f A5).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from contextlib import suppress
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from ..config import USER_AGENT

if TYPE_CHECKING:
    import asyncio
    import ssl


_PORTS = {"https": 443, "socks5": 1080, "socks5h": 1080}


@cache
def _handshake_only() -> ssl.SSLContext:
    """A TLS context that checks nothing: the handshake's answer is all a probe wants, and
    nothing is sent over it (no authorities loaded, so made in no time). `ssl` imported here:
    the commands that only read the library import nothing of the network (test_start_imports)."""
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _head(link: str, proxied: bool = False, agent: str = USER_AGENT) -> bytes:
    """A bare HEAD of `link`: its path and query as they answered (a feed's link is a
    stranger's: anything that could end the line quoted), its host without any user:password;
    to a proxy, the whole address (absolute form); `agent` the requests' User-Agent (the
    config's, checked there: no line's end in it)."""
    parts = urlsplit(link)
    safe = "/%:@!$&'()*+,;=-._~"
    path = quote(parts.path or "/", safe=safe)
    if parts.query:
        path += "?" + quote(parts.query, safe=safe + "?")
    host = quote(parts.netloc.rpartition("@")[2], safe="[]:.-_~")
    if proxied:
        path = f"http://{host}{path}"
    return (
        f"HEAD {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {agent}\r\nConnection: close\r\n\r\n"
    ).encode("ascii", "replace")


def _address(link: str) -> tuple[str, int, bool] | None:
    """`link`'s host, port, and whether it is HTTPS (a SOCKS proxy's: 1080 by default); None
    for one that names no port."""
    parts = urlsplit(link)
    try:
        port = parts.port or _PORTS.get(parts.scheme, 80)
    except ValueError:
        return None
    return parts.hostname or "", port, parts.scheme == "https"


async def connects(link: str, timeout: float, proxy: str | None = None) -> bool:
    """A TCP connection to `link`'s host (or to `proxy`, its requests' proxy) made within
    `timeout` seconds, and closed."""
    import asyncio

    address = _address(proxy or link)
    if address is None:
        return False
    try:
        async with asyncio.timeout(timeout):
            _, writer = await asyncio.open_connection(address[0], address[1])
    except (OSError, TimeoutError):
        return False
    writer.close()
    with suppress(OSError):
        await writer.wait_closed()
    return True


async def answers(
    link: str, timeout: float, proxy: str | None = None, agent: str = USER_AGENT
) -> bool:
    """`link`'s host answered within `timeout` seconds: a HEAD of `link`'s path (saying
    `agent`) got its status line (any status: an answer), or, over HTTPS, the TLS handshake
    completed. Through `proxy`, the proxy's answer for it (`_through`, `_socks`)."""
    import asyncio
    import ssl

    address = _address(proxy or link)
    if address is None:
        return False
    host, port, secure = address
    writer: asyncio.StreamWriter | None = None
    try:
        async with asyncio.timeout(timeout):
            if proxy is not None and urlsplit(proxy).scheme.startswith("socks"):
                reader, writer = await asyncio.open_connection(host, port)
                return await _socks(link, proxy, reader, writer)
            if proxy is not None:
                tls = _handshake_only() if secure else None
                reader, writer = await asyncio.open_connection(
                    host, port, ssl=tls, server_hostname=(host or None) if secure else None
                )
                return await _through(link, reader, writer, agent)
            if secure:
                _, writer = await asyncio.open_connection(
                    host, port, ssl=_handshake_only(), server_hostname=host or None
                )
                return True
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(_head(link, agent=agent))
            return (await reader.readline()).startswith(b"HTTP/")
    except (OSError, TimeoutError, ssl.SSLError, ValueError, EOFError):
        return False
    finally:
        if writer is not None:
            writer.close()
            with suppress(OSError, ssl.SSLError):
                await writer.wait_closed()


async def _through(
    link: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, agent: str
) -> bool:
    """A proxy's answer for `link`: to a CONNECT to its host (HTTPS), or to a HEAD of it
    (plain http, asked in absolute form). Its own 502, 503 or 504 says the site was out of
    its reach: no answer."""
    parts = urlsplit(link)
    if parts.scheme == "https":
        authority = quote(parts.netloc.rpartition("@")[2], safe="[]:.-_~")
        authority += "" if parts.port else ":443"
        writer.write(f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode("ascii"))
    else:
        writer.write(_head(link, proxied=True, agent=agent))
    status = await reader.readline()
    return status.startswith(b"HTTP/") and status.split(b" ")[1:2] not in (
        [b"502"],
        [b"503"],
        [b"504"],
    )


async def _socks(
    link: str, proxy: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> bool:
    """A SOCKS 5 proxy's answer for `link` (RFC 1928): its CONNECT to the link's host, by
    name as the requests hand it (the proxy resolves it: nothing asked of the local DNS),
    granted. Was a HEAD in HTTP to the SOCKS port, which a SOCKS proxy never answers and Tor
    answers "501 Tor is not an HTTP Proxy" to, an answer whatever the network (acc50f A5).
    The proxy's name and password, where its address gives them, as RFC 1929 sends them."""
    import ipaddress

    auth = urlsplit(proxy)
    method = 2 if auth.username else 0
    writer.write(bytes([5, 1, method]))
    if await reader.readexactly(2) != bytes([5, method]):
        return False
    if method == 2:
        name = unquote(auth.username or "").encode()
        password = unquote(auth.password or "").encode()
        writer.write(bytes([1, len(name)]) + name + bytes([len(password)]) + password)
        if (await reader.readexactly(2))[1] != 0:
            return False
    parts = urlsplit(link)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        literal = ipaddress.ip_address(host)
        target = bytes([1 if literal.version == 4 else 4]) + literal.packed
    except ValueError:
        name = host.encode("idna")
        target = bytes([3, len(name)]) + name
    writer.write(bytes([5, 1, 0]) + target + port.to_bytes(2, "big"))
    reply = await reader.readexactly(2)
    return reply == bytes([5, 0])


async def any_of(links: Iterable[str], probe: Callable[[str], Awaitable[bool]]) -> bool:
    """`probe` of each of `links` at once: True as soon as one succeeds, False when none did
    (one after another, a stalled network took a probe's whole timeout a host)."""
    import asyncio

    pending = {asyncio.ensure_future(probe(link)) for link in links}
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            if any(not task.cancelled() and task.result() for task in done):
                return True
        return False
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)
