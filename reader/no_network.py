"""What this machine itself says of its network when a connection fails, where that is sure.

A host down says "no such name" (its name lapsed), "refused" (nothing listening) or nothing at
all; only half the hosts failing so is the network (`outages.network_wide`): 500 of a 1,000-site
library asked in turn offline (acc51b B7). The machine's own words are surer: the kernel's
"Network is unreachable" is no route out of it, and glibc's "Temporary failure in name
resolution" (EAI_AGAIN) a name server that did not answer, where a lapsed name is "Name or
service not known". Neither is any site's doing. With no default route either, nothing beyond
this machine's own links can answer (`no_default_route`).
"""

from __future__ import annotations

import errno
import socket
from enum import StrEnum
from pathlib import Path

from .errors import Offline

_ROUTES = (Path("/proc/net/route"), Path("/proc/net/ipv6_route"))


def offline_said(exc: BaseException) -> Offline | None:
    """How the failure `exc` (an httpx error, the OS's beneath it) is this machine saying it
    has no network; None when it says nothing of the kind. The OS's error is looked for down
    the chain: anyio's "All connection attempts failed" hides the kernel's under it."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, socket.gaierror) and cause.errno == socket.EAI_AGAIN:
            return Offline.NO_RESOLVER
        if isinstance(cause, OSError) and cause.errno == errno.ENETUNREACH:
            return Offline.NO_ROUTE
        cause = cause.__cause__ or cause.__context__
    return None


def no_default_route() -> bool:
    """Whether this machine has no default route (IPv4 nor IPv6): no way past its own links.
    False where the routing tables can't be read (not Linux): not known is not "none"."""
    try:
        tables = [path.read_text(encoding="ascii", errors="replace") for path in _ROUTES]
    except OSError:
        return False
    v4, v6 = tables
    for line in v4.splitlines()[1:]:
        fields = line.split()
        # Destination 00000000 with mask 00000000: the default route.
        if len(fields) > 7 and fields[1] == "00000000" and fields[7] == "00000000":
            return False
    for line in v6.splitlines():
        fields = line.split()
        # ::/0 through a device other than the loopback (its "unreachable" default is no way out).
        if len(fields) > 9 and fields[0] == "0" * 32 and fields[1] == "00" and fields[9] != "lo":
            return False
    return True


class Lookup(StrEnum):
    """How a name's lookup went, asked again after a connection to it timed out: the wait may
    have been the lookup's, not the connection's ("timed out" said of a name server that never
    answered, acc51b B7)."""

    FOUND = "found"  # it resolves: the connection itself timed out
    UNANSWERED = "unanswered"  # no name server answered (EAI_AGAIN), or not within the wait
    NO_SUCH_NAME = "no-such-name"  # the name server answered: there is no such name


async def looked_up(host: str, within: float) -> Lookup:
    """`host` (a name, not an address) looked up again, waiting `within` seconds at most: how
    that went. In the loop's executor, as `address_class.resolved_reach` looks names up."""
    import asyncio

    try:
        async with asyncio.timeout(within):
            await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except TimeoutError:
        return Lookup.UNANSWERED
    except socket.gaierror as error:
        return Lookup.UNANSWERED if error.errno == socket.EAI_AGAIN else Lookup.NO_SUCH_NAME
    except (OSError, UnicodeError, ValueError):
        return Lookup.FOUND  # not the lookup's to say: the connection's words stand
    return Lookup.FOUND
