"""How private an address is, and how far a request may be led: the policy that keeps a page on
the internet from sending the reader into the network it runs in.

Three classes, ordered: a public address, a private network's (RFC 1918, CGNAT, link-local with
the cloud metadata address, IPv6 unique-local and link-local) and this computer's own
(loopback). A request the user made (a feed subscribed, an address typed) may go anywhere;
whatever a server or a page leads on from it (a redirect, a refresh, a feed's links, a pager's
next page, an AMP version) may go no more private than the most public address it has come
through, as browsers' Private Network Access has it. The class is that of the address a
connection really reached (a public-looking name can resolve to 127.0.0.1), and of a literal
address before any connection is made, in every spelling a resolver accepts (2130706433,
0x7f.1, 0177.0.0.1, [::ffff:127.0.0.1]).

Stdlib only: the models use `Reach`.
"""

from __future__ import annotations

import ipaddress
import socket
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from .errors import ErrorKind, FetchError
from .models import Reach as Reach
from .safe import safe_line

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


_LOOPBACK = tuple(
    ipaddress.ip_network(n)
    # 0.0.0.0/8 and :: are "this host": connecting to 0.0.0.0 reaches the loopback on Linux.
    for n in ("127.0.0.0/8", "0.0.0.0/8", "::1/128", "::/128")
)
_PRIVATE = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",  # carrier-grade NAT: the provider's network, not the internet
        "169.254.0.0/16",  # link-local, where clouds answer with credentials (169.254.169.254)
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",  # site-local: deprecated, still routed inside some networks
    )
)
# IPv6 addresses that carry an IPv4 one, reached as that one: mapped (::ffff:a.b.c.d),
# compatible (::a.b.c.d) and the NAT64 prefix (64:ff9b::a.b.c.d).
_CARRIERS = tuple(ipaddress.ip_network(n) for n in ("::ffff:0:0/96", "::/96", "64:ff9b::/96"))
# What a browser reads as a dot in a host name (UTS 46 maps these to ".").
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def ip_reach(address: IPAddress) -> Reach:
    """The class of one IP address."""
    if isinstance(address, ipaddress.IPv6Address):
        carried = next((n for n in _CARRIERS if address in n), None)
        if carried is not None:
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if any(address in n for n in _LOOPBACK if n.version == address.version):
        return Reach.LOOPBACK
    if any(address in n for n in _PRIVATE if n.version == address.version):
        return Reach.PRIVATE
    return Reach.PUBLIC


def _ipv4_number(part: str) -> int | None:
    """One part of a numeric IPv4 host as a URL parser reads it: decimal, 0x hex, 0 octal."""
    base = 10
    if part[:2] in ("0x", "0X"):
        part, base = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, base = part[1:], 8
    if part == "":
        return 0 if base == 16 else None
    try:
        return int(part, base) if part.isascii() and part.isalnum() else None
    except ValueError:
        return None


def _ipv4_literal(host: str) -> ipaddress.IPv4Address | None:
    """`host` read as an IPv4 address the way browsers and C's inet_aton read one: one to
    four parts, each decimal, hex or octal, the last filling the bytes left ("127.1",
    "2130706433", "0x7f.0.0.1", "0177.0.0.1"); None when it is a name."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:  # one trailing dot: "127.0.0.1."
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_ipv4_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    *first, last = [n for n in numbers if n is not None]
    if any(n > 255 for n in first) or last >= 256 ** (5 - len(parts)):
        return None
    value = last
    for position, number in enumerate(first):
        value += number << (8 * (3 - position))
    return ipaddress.IPv4Address(value)


def literal_address(host: str) -> IPAddress | None:
    """The IP address a URL's host names by itself, in whatever spelling; None for a name."""
    host = unicodedata.normalize("NFKC", host).translate(_DOTS).strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%", 1)[0])  # a zone (fe80::1%eth0) aside
        except ValueError:
            return None
    return _ipv4_literal(host)


def host_reach(host: str) -> Reach | None:
    """The class of a URL's host known before connecting: that of a literal address, and
    loopback for "localhost" and names under it (RFC 6761); None for any other name, whose
    class is the address it resolves to."""
    address = literal_address(host)
    if address is not None:
        return ip_reach(address)
    name = unicodedata.normalize("NFKC", host).translate(_DOTS).strip().lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return Reach.LOOPBACK
    return None


def peer_reach(server_addr: object) -> Reach | None:
    """The class of the address a connection reached (a socket's peer: (host, port, …));
    None when it can't be told."""
    if not isinstance(server_addr, tuple) or not server_addr:
        return None
    try:
        return ip_reach(ipaddress.ip_address(str(server_addr[0]).split("%", 1)[0]))
    except ValueError:
        return None


def peer_of(stream: Any) -> tuple[Reach | None, str]:
    """The class of the address a connection (httpcore's network stream) reached, and that
    address; (None, "") when it can't be told."""
    try:
        address = stream.get_extra_info("server_addr")
    except Exception:  # a stream of another make, closed under us: not told, and so refused
        return None, ""
    return peer_reach(address), str(address[0]) if isinstance(address, tuple) else ""


def connect_guard(
    ceiling: Reach, lead: str, url: str
) -> Callable[[str, dict[str, Any]], Awaitable[None]]:
    """httpcore's `trace` hook for one request: as soon as a new connection is made, before a
    byte of the request is sent on it (or TLS begun), one to an address more private than
    `ceiling` is closed and refused. A name resolving to 127.0.0.1 is caught here, which no
    look at the URL can do."""

    async def guard(event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        reach, peer = peer_of(stream)
        if reach is None and not peer:
            # Its peer gone as it was made (a host going away mid-sync resets it): a
            # connection that failed, said as any other, not one refused ("refused a feed's
            # link from a loopback address to a loopback one" stood for "the network went
            # away", ci54). Nothing is sent on it either way.
            await stream.aclose()
            import httpcore  # loaded by then: it called this

            raise httpcore.ConnectError("the connection closed as it was made")
        if reach is None or reach > ceiling:
            await stream.aclose()
            raise refusal(lead, ceiling, reach or Reach.LOOPBACK, url, peer)

    return guard


def is_onion(host: str) -> bool:
    """`host` is an onion service's name (`.onion`, RFC 7686): Tor's to resolve alone."""
    host = host.rstrip(".").lower()
    return host == "onion" or host.endswith(".onion")


async def resolved_reach(url: str, proxy: str | None = None, timeout: float = 5.0) -> Reach:
    """The class of `url`'s host as it resolves now: the most public of its addresses (the
    one least trusted); public when it doesn't resolve. For a lead whose start was never
    fetched by this version of the reader (a feed not refreshed since), nothing better is
    known. With the `proxy` its requests go through (`Route.proxy_for`), not looked up here:
    the proxy resolves it, and a lookup here told this network's DNS every host an import or
    a sync was to ask through Tor (acc50f); a name is public then, as one not resolving is."""
    import asyncio

    host = urlsplit(url).hostname or ""
    known = host_reach(host)
    if known is not None:
        return known
    # An onion service's name is Tor's to look up, never this network's DNS (RFC 7686): a
    # lookup told it the onion addresses a reader reads (acc51d D1).
    if proxy is not None or is_onion(host):
        return Reach.PUBLIC
    try:
        async with asyncio.timeout(timeout):
            found = await asyncio.get_running_loop().getaddrinfo(
                host, None, type=socket.SOCK_STREAM
            )
    except (OSError, TimeoutError, UnicodeError, ValueError):
        return Reach.PUBLIC
    reaches = [peer_reach(info[4]) for info in found]
    return min((r for r in reaches if r is not None), default=Reach.PUBLIC)


def refusal(lead: str, ceiling: Reach, reach: Reach, url: str, peer: str = "") -> FetchError:
    """The error of a request `lead` ("a redirect") tried to take from an address of class
    `ceiling` to a more private one: one line saying so, the address (and, for a name, the
    address it reached)."""
    where = safe_line(url, 120)
    if peer and literal_address(urlsplit(url).hostname or "") is None:
        where += f" (it resolved to {safe_line(peer, 60)})"
    message = f"refused {lead} from a {ceiling.noun} address to a {reach.noun} one: {where}"
    return FetchError(ErrorKind.BAD_URL, message, url, refused=True)
