"""A sync's articles held while the network is gone, and let go when it comes back.

A traveller's hotel or airport network drops for 20 s in the middle of a sync: every request
then fails to connect, and each of its articles was failed ("214 failed" on the live line),
the network judged gone only once the sync had burnt through them all, and the articles left
for a sync the traveller must think to run again. Here a failure to connect (refused, reset,
unreachable, no name) at a host that is not known to be down alone holds its article while it
is judged: a second host failing so since, or another host found unreachable by a probe, is
the network gone (`went_at`, said at once by the sync's live line); an answer from elsewhere
since, or a probe of another host connecting, is the host down alone, its article failing as
before. While the network is gone nothing is asked, failed or given up: each article waits,
and a TCP connection to a host that answered in this sync is tried every few seconds. When one
connects, every article held is tried again; when none has for `wait` seconds, the articles
left fail as left for the next sync (`left`), what came staying cached.

One host can't be told from the network: a sync whose every other host is down alone, or
has not answered since it began, fails its articles as before, at once once judged so; nor
can a network absent from the start (nothing answered in the sync: "No connection" says it).
A host refusing again right after the network came back is down on its own (a dead site
refused before the drop too), and so is one refusing with the network found there since; a
request asked as it went and failing once it is back is asked once more. The feeds of a
refresh are held as a sync's articles are (`feed_refresh`).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from ..errors import NO_CONNECTION, ErrorKind, FetchError, NoAnswer
from ..outages import host_of

if TYPE_CHECKING:
    import asyncio

GONE_SIGNS = frozenset({NoAnswer.REFUSED, NoAnswer.NO_HOST, NoAnswer.BROKEN_OFF})
"""How a request fails when the network under it is gone: no connection made (refused,
unreachable, no name found), or the connection made cut off (reset). A timeout is not one:
a host stalling is `StalledHosts'`."""

T = TypeVar("T")

JUDGED_AFTER = 0.3
"""Seconds a host's failure to connect waits for others' (and for answers under way) before
it is judged."""

FIRST_ANSWER_WAIT = 1.5
"""Seconds it waits when nothing has answered in the sync yet: answers under way as the
network went, not yet read, tell a drop from a network absent from the start."""

PROBE_EVERY = (0.5, 1.0, 1.0, 2.0)
"""Seconds between probes while the network is gone: soon at first (a blip), then every 2 s."""


def left_message(went_at: datetime) -> str:
    """Why an article held for the network was not fetched once the wait ran out."""
    return f"the network went at {went_at:%H:%M}: left for the next sync"


class NetworkHold:
    """One sync's judgement of the network, and its articles held while it is gone.

    `wait`: the seconds it waits for the network to come back before leaving the rest;
    `connect_timeout`: a probe's; `changed`: called when the network is found gone or back,
    or the wait runs out (the sync's live line says so at once)."""

    def __init__(self, wait: float, connect_timeout: float, changed: Callable[[], None]) -> None:
        import asyncio

        self._wait = wait
        self._connect_timeout = connect_timeout
        self._changed = changed
        self.went_at: datetime | None = None
        """When the network was last found gone (local time), None before it ever was."""
        self.left = False
        """The network did not come back within `wait`: the articles held are left."""
        self._gone_since = 0.0  # monotonic; 0 while the network is there
        self._back = asyncio.Event()
        self._back.set()
        self._first_answer = asyncio.Event()
        self._there_at = 0.0  # monotonic: the latest moment the network was known there
        self._hosts: set[str] = set()  # every host the sync asks (`expect`)
        self._answered: dict[str, str] = {}  # hosts that answered in this sync, with a link
        self._alone: set[str] = set()  # hosts down on their own, until they answer
        self._probation: set[str] = set()  # held when it came back: refusing again, alone
        self._again_once: set[str] = set()  # asked as it went, failed once it was back
        # Hosts whose failures stood, no other host there to tell them apart by: theirs stand
        # at once (not each waiting its judgement) until another host answers.
        self._untold: set[str] = set()
        # Failures being judged: host, when it failed, and the verdict awaited (True: gone).
        self._suspects: list[tuple[str, float, asyncio.Future[bool]]] = []
        self._prober: asyncio.Task[None] | None = None
        self.probes = 0
        """Probes tried (a connection each), for the curious and the tests."""

    @property
    def alone(self) -> frozenset[str]:
        """The hosts (`host_of`) found down on their own: refusing with the network there."""
        return frozenset(self._alone)

    @property
    def gone(self) -> bool:
        """The network is gone now, the articles held."""
        return not self._back.is_set()

    @staticmethod
    def now() -> float:
        return time.monotonic()

    def expect(self, urls: Iterable[str]) -> None:
        """The sync asks `urls` (its feeds): their hosts are among those it may tell apart."""
        self._hosts.update(host_of(url) for url in urls)

    def answered(self, url: str, began: float = 0.0) -> None:
        """An answer came from `url`'s host (a page, an HTTP error: anything but a failure to
        connect) to a request begun at `began` (`now`): the network was there then. A feed's
        (its request's beginning not known here) names a host to probe, and no more."""
        host = host_of(url)
        if not self._answered:
            # The sync's first answer: hosts that failed before it are down alone (dead
            # sites refuse at once, before anything is read in), as `NetworkWatch` has it.
            self._there(self.now())
        self._answered[host] = url
        self._hosts.add(host)
        self._untold.clear()  # a host there: failures can be told apart again
        self._first_answer.set()
        self._alone.discard(host)
        self._probation.discard(host)
        self._there(began)

    def _there(self, at: float) -> None:
        """The network was there at `at`: every host that failed before is down alone."""
        self._there_at = max(self._there_at, at)
        for suspect in [s for s in self._suspects if s[1] < at]:
            self._suspects.remove(suspect)
            self._alone.add(suspect[0])
            if not suspect[2].done():
                suspect[2].set_result(False)

    async def ready(self, url: str) -> None:
        """Returns when `url` may be asked: at once while the network is there, else once it
        is back. Raises the article's failure as left for the next sync when it was not back
        within the wait."""
        while True:
            if self.left and self.went_at is not None:
                message = left_message(self.went_at)
                raise FetchError(ErrorKind.NETWORK, message, url, no_answer=NoAnswer.NOT_ASKED)
            if not self.gone:
                return
            await self._back.wait()

    async def asked(self, url: str, ask: Callable[[], Awaitable[T]]) -> T:
        """`ask()`, a request of `url`, awaited once the network is there (`ready`), and again
        when it failed as the network went and it came back (`again`)."""
        self._hosts.add(host_of(url))
        while True:
            await self.ready(url)
            began = self.now()
            try:
                result = await ask()
            except FetchError as error:
                if await self.again(url, error, began):
                    continue
                raise
            self.answered(url, began)
            return result

    async def again(self, url: str, error: FetchError, began: float) -> bool:
        """`url`'s request begun at `began` failed with `error`: True when it is to be asked
        again (the network went, and is back: call `ready` first); False when the failure
        stands (the host's own, or an answer). Raises as `ready` does when the network went
        and did not come back within the wait."""
        import asyncio

        if error.kind not in NO_CONNECTION:
            self.answered(url, began)  # an HTTP error, a page that is no article: an answer
            return False
        host = host_of(url)
        if error.no_answer not in GONE_SIGNS or self.left:
            return False
        if self.gone:  # under way as the network went: held with the rest
            await self.ready(url)
            return True
        if host in self._probation and began < self._there_at and url not in self._again_once:
            # Asked while the network was gone, its failure come after it was back (a reset
            # tried again across the return): asked once more, not taken for the host's own.
            self._again_once.add(url)
            return True
        if host in self._alone or host in self._probation:
            self._probation.discard(host)
            self._alone.add(host)  # refusing with the network there: its own
            return False
        if host in self._untold or not self._hosts - {host} - self._alone:
            return False  # the sync's one host (or one left): it can't be told from the network
        failed_at = self.now()
        if self._there_at > failed_at:
            self._alone.add(host)
            return False
        verdict: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._suspects.append((host, failed_at, verdict))
        if self._judged_gone():
            self._went()
        elif self._prober is None:
            self._prober = asyncio.create_task(self._judge())
        if not await asyncio.shield(verdict):
            return False
        await self.ready(url)
        return True

    def _judged_gone(self) -> bool:
        """Two hosts and more failing to connect since the last answer, one of them at
        least there earlier in this sync: a site dead from the start (none of its answers
        came) is judged by a probe of another host, its failures no sign of the network's."""
        hosts = {h for h, _, _ in self._suspects}
        return len(hosts) >= 2 and any(h in self._answered for h in hosts)

    async def _judge(self) -> None:
        """The hosts failing to connect judged: after a moment for others' failures to come
        (a network going takes every host, not in the same microsecond, and a probe in
        between would find one there), another host that answered in this sync probed, each
        in turn until one connects (the failing hosts are down alone) or none does (the
        network is gone). With no other host that answered, the failures stand: one host
        can't be told from the network, nor a network absent from the start from one gone."""
        import asyncio

        try:
            await asyncio.sleep(JUDGED_AFTER)
            if not self._answered:  # answers under way may not be read yet (a busy machine)
                with suppress(TimeoutError):
                    async with asyncio.timeout(FIRST_ANSWER_WAIT - JUDGED_AFTER):
                        await self._first_answer.wait()
            while self._suspects and not self.gone:
                if self._judged_gone():
                    self._went()
                    return
                failing = {h for h, _, _ in self._suspects} | self._alone | self._probation
                others = [link for h, link in self._answered.items() if h not in failing]
                if not others:  # nothing to tell them apart by: their failures stand
                    self._untold.update(h for h, _, _ in self._suspects)
                    for _, _, verdict in self._suspects:
                        if not verdict.done():
                            verdict.set_result(False)
                    self._suspects.clear()
                    return
                for link in others:
                    began = self.now()
                    if await self._probe(link):
                        self._there(began)
                        break
                else:
                    self._went()
                    return
        finally:
            if self._prober is asyncio.current_task():
                self._prober = None

    def _went(self) -> None:
        """Two hosts and more failing to connect, none answering since: the network is gone.
        Every failure being judged is held, and the probes begin."""
        import asyncio

        self._back.clear()
        self.went_at = datetime.now().astimezone()
        self._gone_since = self.now()
        for _, _, verdict in self._suspects:
            if not verdict.done():
                verdict.set_result(True)
        self._probation = {h for h, _, _ in self._suspects}
        self._suspects.clear()
        if self._prober is not None:
            self._prober.cancel()
        self._prober = asyncio.create_task(self._probing())
        self._changed()

    async def _probing(self) -> None:
        """While the network is gone: a host that answered in this sync probed every few
        seconds, a different one each time, until one connects (back) or `wait` runs out."""
        import asyncio

        hosts = list(self._answered.values()) or []
        turn = 0
        try:
            while self.gone:
                pause = PROBE_EVERY[min(turn, len(PROBE_EVERY) - 1)]
                left = self._gone_since + self._wait - self.now()
                if left <= 0:
                    self.left = True
                    self._back.set()  # those held wake to fail, as left
                    self._changed()
                    return
                await asyncio.sleep(min(pause, left))
                if self.now() >= self._gone_since + self._wait:
                    continue
                link = hosts[turn % len(hosts)] if hosts else ""
                turn += 1
                began = self.now()
                if link and await self._probe(link):
                    self._back_at(host_of(link), began)
                    return
        finally:
            if self._prober is asyncio.current_task():
                self._prober = None

    def _back_at(self, host: str, began: float) -> None:
        """A probe of `host` begun at `began` connected: the network is back."""
        self._there_at = max(self._there_at, began)
        self._probation.discard(host)
        self._gone_since = 0.0
        self._back.set()
        self._changed()

    async def _probe(self, link: str) -> bool:
        """A TCP connection to `link`'s host made within the connect timeout, and closed:
        the cheapest sign the network is there (no request, nothing cached or failed)."""
        import asyncio

        self.probes += 1
        parts = urlsplit(link)
        host = parts.hostname or ""
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return False
        try:
            async with asyncio.timeout(self._connect_timeout):
                _, writer = await asyncio.open_connection(host, port)
        except (OSError, TimeoutError):
            return False
        writer.close()
        with suppress(OSError):
            await writer.wait_closed()
        return True

    async def aclose(self) -> None:
        """The sync ended: no probe left running, nothing left waiting."""
        import asyncio

        prober, self._prober = self._prober, None
        if prober is not None:
            prober.cancel()
            await asyncio.wait({prober})  # ended; a cancel of this close itself still raises
        for _, _, verdict in self._suspects:
            if not verdict.done():
                verdict.set_result(False)
        self._suspects.clear()
