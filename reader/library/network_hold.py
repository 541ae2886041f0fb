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
left fail as left for the next sync (`left`), the tries under way cut short (`trying`), what
came staying cached.

A network that stalls (a captive portal swallowing connections, Wi-Fi that associates and
passes nothing) is held the same way: a try timing out is judged before it counts
(`retries.NETWORK_JUDGE`, `timed_out`). Timeouts with no answer heard since (`heard`), and a
short HEAD to another host that answered in this sync getting none either (or, every such host
timing out too, at two hosts and more), are the network stalling. Held so, a try is asked again
once it is back, not counted against its host (no tries spent, no host given up), and the
probes wait for an answer (`network_probes.answers`) since a stalled network may still take a
connection. Hosts timing out while another answers are slow on their own, their timeouts
counted as before (`StalledHosts`): two sites slow at once time out together as a stalled
network's hosts do.

One host can't be told from the network: a sync whose every other host is down alone, or
has not answered since it began, fails its articles as before, at once once judged so (`untold`:
its line names the network or the host); nor
can a network absent from the start (nothing answered in the sync: "No connection" says it).
A host refusing again right after the network came back is down on its own (a dead site
refused before the drop too), and so is one refusing with the network found there since; a
request asked as it went and failing once it is back is asked once more. The feeds of a
refresh are held as a sync's articles are (`feed_refresh`), and so are the stories a sync asks
for again, their feeds telling them anew (`asked`'s `failure`).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from ..config import USER_AGENT
from ..errors import NO_CONNECTION, ErrorKind, FetchError, NoAnswer
from ..outages import host_of
from ..retries import NETWORK_JUDGE
from ..urls import page_asked
from . import network_probes

if TYPE_CHECKING:
    import asyncio

GONE_SIGNS = frozenset({NoAnswer.REFUSED, NoAnswer.NO_HOST, NoAnswer.BROKEN_OFF})
"""How a request fails when the network under it is gone: no connection made (refused,
unreachable, no name found), or the connection made cut off (reset). A timeout is judged
apart (`NetworkHold.timed_out`): a host stalling alone is `StalledHosts'`."""

T = TypeVar("T")

JUDGED_AFTER = 0.3
"""Seconds a host's failure to connect waits for others' (and for answers under way) before
it is judged."""

FIRST_ANSWER_WAIT = 1.5
"""Seconds it waits when nothing has answered in the sync yet: answers under way as the
network went, not yet read, tell a drop from a network absent from the start."""

PROBE_EVERY = (0.5, 1.0, 1.0, 2.0)
"""Seconds between probes while the network is gone: soon at first (a blip), then every 2 s."""


ASKED_AGAIN_AT_MOST = 8
"""Times one request is asked again across the network's going and coming back in one sync,
its failure standing after: a judgement wrong without end (a host taken for the network)
asked a page ~9 times a second for as long as the sync ran, cron's never ending (acc52a)."""


def failed_at(asked: str, error: FetchError) -> str:
    """The address whose host a failure of the request of `asked` is judged by: the one it
    failed at, a redirect's or a page's refresh's target (`FetchError.url`), not the page
    asked. A page of a host that answers, sending on to a name that is nowhere, was taken
    for that host failing: with a second such, the network "went", a probe of the host found
    it back, and the article was asked again without end (acc52a: 350 times each)."""
    return error.url or asked


def left_message(went_at: datetime) -> str:
    """Why an article held for the network was not fetched once the wait ran out."""
    return f"the network went at {went_at:%H:%M}: left for the next sync"


class NetworkHold:
    """One sync's judgement of the network, and its articles held while it is gone.

    `wait`: the seconds it waits for the network to come back before leaving the rest;
    `connect_timeout`: a probe's; `changed`: called when the network is found gone or back,
    or the wait runs out (the sync's live line says so at once)."""

    def __init__(
        self,
        wait: float,
        connect_timeout: float,
        changed: Callable[[], None],
        proxy_for: Callable[[str], str | None] = lambda _link: None,
        agent_of: Callable[[str], str] = lambda _link: USER_AGENT,
    ) -> None:
        import asyncio

        self._wait = wait
        # The proxy a link's requests go through (`proxies.Route.proxy_of_site`): probed through it.
        self._proxy_for = proxy_for
        # The User-Agent a link's requests send (`Fetcher.agent_of`): a probe's HEAD says it.
        self._agent_of = agent_of
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
        self._waiting: set[str] = set()  # hosts that answered a 429 asking to wait: not probed
        self._alone: set[str] = set()  # hosts down on their own, until they answer
        self._slow: set[str] = set()  # hosts stalling on their own, until they answer
        self._probation: set[str] = set()  # held when it came back: refusing again, alone
        self._again_once: set[str] = set()  # asked as it went, failed once it was back
        # Hosts whose failures stood, no other host there to tell them apart by: theirs stand
        # at once (not each waiting its judgement) until another host answers.
        self._untold: set[str] = set()
        # Hosts whose last failure stood for nothing to tell it from the network's (`untold`).
        self._unjudged: set[str] = set()
        # Failures being judged: host, when it failed, the verdict awaited (True: gone), and
        # whether it timed out (a stall's sign) rather than failed to connect.
        self._suspects: list[tuple[str, float, asyncio.Future[bool], bool]] = []
        self._stalled = False  # gone by stalling: probes wait for an answer, not a connection
        self._closed = False  # the sync ended: a try timing out after counts as before
        self._prober: asyncio.Task[None] | None = None
        self._tries: set[asyncio.Timeout] = set()  # tries under way (`trying`): cut when left
        self.probes = 0
        """Probes tried (a connection, or a stall's HEAD, each), for the curious and the
        tests."""

    @property
    def alone(self) -> frozenset[str]:
        """The hosts (`host_of`) found down on their own: refusing with the network there."""
        return frozenset(self._alone)

    @property
    def untold(self) -> frozenset[str]:
        """The hosts (`host_of`) whose last failure stood for want of another host to tell it
        from the network's (the sync's one host, or every other one down or silent): down,
        or given up, with the network or alone, nothing can say which."""
        return frozenset(self._unjudged)

    @property
    def stalled(self) -> bool:
        """The network was last found gone by stalling (requests timing out, none answering),
        not by refusing connections."""
        return self._stalled

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
        self._slow.discard(host)
        self._probation.discard(host)
        self._unjudged.discard(host)
        self._there(began)

    def _there(self, at: float) -> None:
        """The network was there at `at`: every host that failed before is down alone."""
        self._there_at = max(self._there_at, at)
        for suspect in [s for s in self._suspects if s[1] < at]:
            self._suspects.remove(suspect)
            (self._slow if suspect[3] else self._alone).add(suspect[0])
            self._unjudged.discard(suspect[0])
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

    @asynccontextmanager
    async def trying(self, url: str) -> AsyncIterator[None]:
        """One try of `url` (`retries.TimeoutJudge.trying`): begun once the network is there
        (`ready`), and cut short when the wait runs out, raising as `ready` does. A try sent
        as the network went (queued for a connection to its host, then sent into the stall)
        held the sync a read timeout past the wait, and the next queued one another: a stall
        for good ended 25 s after the line said "left for the next sync"."""
        import asyncio

        if self._closed:
            yield
            return
        await self.ready(url)
        try:
            async with asyncio.timeout(None) as cut:
                self._tries.add(cut)
                try:
                    yield
                finally:
                    self._tries.discard(cut)
        except TimeoutError:
            if not (cut.expired() and self.left):
                raise
            await self.ready(url)  # raises: left

    @contextmanager
    def judging(self) -> Iterator[None]:
        """Within the block (and the tasks it starts), each try that times out is judged by
        this hold before it counts (`timed_out`)."""
        token = NETWORK_JUDGE.set(self)
        try:
            yield
        finally:
            NETWORK_JUDGE.reset(token)

    async def asked(
        self,
        url: str,
        ask: Callable[[], Awaitable[T]],
        failure: Callable[[T], FetchError | None] = lambda _: None,
    ) -> T:
        """`ask()`, a request of `url`, awaited once the network is there (`ready`), and again
        when it failed as the network went and it came back (`again`); its tries that time
        out judged (`timed_out`). `failure`: the failure a result returned stands for (a
        story's re-fetch returns what came of it, a failure among them), held as a raised
        one is.

        Its host is the one the page is asked at (`page_asked`), which a probe may go to: not
        the click tracker of a headline's link, nor with its tracking parameters."""
        at = page_asked(url)
        self._hosts.add(host_of(at))
        for _ in range(ASKED_AGAIN_AT_MOST):
            await self.ready(url)
            began = self.now()
            try:
                with self.judging():
                    result = await ask()
            except FetchError as error:
                if await self.again(failed_at(at, error), error, began):
                    continue
                raise
            if (error := failure(result)) is None:
                self.answered(at, began)
            elif await self.again(failed_at(at, error), error, began):
                continue
            return result
        await self.ready(url)  # its last failure stands: no request is held without end
        return await ask()

    async def again(self, url: str, error: FetchError, began: float) -> bool:
        """`url`'s request begun at `began` failed with `error`: True when it is to be asked
        again (the network went, and is back: call `ready` first); False when the failure
        stands (the host's own, or an answer). Raises as `ready` does when the network went
        and did not come back within the wait."""
        if error.kind not in NO_CONNECTION:
            self.answered(url, began)  # an HTTP error, a page that is no article: an answer
            if error.asks_to_wait:
                # Told to wait: no probe's HEAD goes there either (acc40b P3: one 11 s after).
                self._waiting.add(host_of(url))
            return False
        if error.no_answer not in GONE_SIGNS or self.left:
            return False
        return await self._judged(url, began, stall=False)

    async def timed_out(self, url: str, error: FetchError, began: float) -> bool:
        """A try of `url` begun at `began` timed out (`retries.NETWORK_JUDGE`): True when it
        is to be tried again, uncounted (the network stalled or went, and is back); False
        when the timeout counts as its host's (another host answered since, or a probe of
        one did; or nothing can tell). Raises as `ready` does when the network was not back
        within the wait."""
        if self._closed:
            return False
        if self.left:  # under way as the wait ran out: left with the rest, not the host's
            await self.ready(url)
        self._hosts.add(host_of(url))
        return await self._judged(url, began, stall=True)

    async def _judged(self, url: str, began: float, stall: bool) -> bool:
        """`url`'s request (or try) begun at `began` failed to connect, or timed out
        (`stall`): `again`'s verdict, and `timed_out`'s."""
        import asyncio

        host = host_of(url)
        if self.gone:  # under way as the network went: held with the rest
            await self.ready(url)
            return True
        if host in self._probation and began < self._there_at and url not in self._again_once:
            # Asked while the network was gone, its failure come after it was back (a reset
            # tried again across the return): asked once more, not taken for the host's own.
            self._again_once.add(url)
            return True
        # Its own: refusing (or, `stall`, timing out) with the network there.
        own = self._slow if stall else self._alone
        if host in own or host in self._probation:
            self._probation.discard(host)
            own.add(host)
            self._unjudged.discard(host)
            return False
        if host in self._untold or not self._hosts - {host} - self._alone - self._slow:
            # The sync's one host (or one left): it can't be told from the network.
            self._unjudged.add(host)
            return False
        failed_at = self.now()
        if self._there_at > failed_at:
            own.add(host)
            self._unjudged.discard(host)
            return False
        verdict: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._suspects.append((host, failed_at, verdict, stall))
        # Timeouts are not gone by their count alone (`_judge`): two slow sites time out
        # together as a stalled network's hosts do.
        if not stall and self._judged_gone():
            self._went()
        elif self._prober is None:
            self._prober = asyncio.create_task(self._judge())
        if not await asyncio.shield(verdict):
            return False
        await self.ready(url)
        return True

    def heard(self) -> None:
        """A try's answer came whole (or an HTTP error did), just now (`retries.TimeoutJudge`):
        the network carries answers, so a timeout before it was its host's own. A stalled
        network carries none once its stall began, and a timeout comes a read timeout later."""
        now = self.now()
        for suspect in [s for s in self._suspects if s[3] and s[1] < now]:
            self._suspects.remove(suspect)
            self._slow.add(suspect[0])
            self._unjudged.discard(suspect[0])
            if not suspect[2].done():
                suspect[2].set_result(False)

    def _judged_gone(self) -> bool:
        """Two hosts and more failing to connect (or timing out) since the last answer, one
        of them at least there earlier in this sync: a site dead from the start (none of its
        answers came) is judged by a probe of another host, its failures no sign of the
        network's. A timeout weighs only at a host that answered: a dead site's stall holds
        any request for as long as the network's does."""
        hosts = {h for h, _, _, stall in self._suspects if not stall or h in self._answered}
        return len(hosts) >= 2 and any(h in self._answered for h in hosts)

    async def _judge(self) -> None:
        """The hosts failing to connect judged: after a moment for others' failures to come
        (a network going takes every host, not in the same microsecond, and a probe in
        between would find one there), other hosts that answered in this sync probed, three
        at once, until one connects, or answers for a stall (the failing hosts are down, or
        slow, alone) or none does (the network is gone). With no other host that answered, the failures stand: one host
        can't be told from the network, nor a network absent from the start from one gone."""
        import asyncio

        try:
            await asyncio.sleep(JUDGED_AFTER)
            if not self._answered:  # answers under way may not be read yet (a busy machine)
                with suppress(TimeoutError):
                    async with asyncio.timeout(FIRST_ANSWER_WAIT - JUDGED_AFTER):
                        await self._first_answer.wait()
            while self._suspects and not self.gone:
                failing = {s[0] for s in self._suspects} | self._alone | self._slow
                failing |= self._probation
                others = [link for h, link in self._probed() if h not in failing]
                # Timeouts are the network's by their count only when no other host is left
                # to probe: one that answers it says they are slow sites, not a stall.
                stalling = any(s[3] for s in self._suspects)
                if self._judged_gone() and not (stalling and others):
                    self._went()
                    return
                if not others:  # nothing to tell them apart by: their failures stand
                    self._untold.update(s[0] for s in self._suspects)
                    self._unjudged.update(s[0] for s in self._suspects)
                    for suspect in self._suspects:
                        if not suspect[2].done():
                            suspect[2].set_result(False)
                    self._suspects.clear()
                    return
                began = self.now()
                # A stall may still take connections: only an answer tells it from a host's.
                if await network_probes.any_of(others[:3], self._prober_of(stalling)):
                    self._there(began)
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
        self._stalled = any(s[3] for s in self._suspects)
        for suspect in self._suspects:
            if not suspect[2].done():
                suspect[2].set_result(True)
        self._probation = {s[0] for s in self._suspects}
        self._unjudged -= self._probation
        self._suspects.clear()
        if self._prober is not None:
            self._prober.cancel()
        self._prober = asyncio.create_task(self._probing())
        self._changed()

    async def _probing(self) -> None:
        """While the network is gone: a host that answered in this sync probed every few
        seconds, a different one each time, until one connects (back) or `wait` runs out."""
        import asyncio

        hosts = [link for _, link in self._probed()]
        turn = 0
        try:
            while self.gone:
                pause = PROBE_EVERY[min(turn, len(PROBE_EVERY) - 1)]
                left = self._gone_since + self._wait - self.now()
                if left <= 0:
                    self.left = True
                    self._back.set()  # those held wake to fail, as left
                    for cut in self._tries:  # and those under way are cut short
                        cut.reschedule(asyncio.get_running_loop().time())
                    self._changed()
                    return
                await asyncio.sleep(min(pause, left))
                if self.now() >= self._gone_since + self._wait:
                    continue
                link = hosts[turn % len(hosts)] if hosts else ""
                turn += 1
                began = self.now()
                # Within the wait: a probe of a stall takes its whole timeout, past the end.
                within = min(self._connect_timeout, self._gone_since + self._wait - began)
                if link and await self._prober_of(self._stalled, within)(link):
                    self._back_at(host_of(link), began)
                    return
        finally:
            if self._prober is asyncio.current_task():
                self._prober = None

    def _probed(self) -> list[tuple[str, str]]:
        """The hosts a probe may go to, each with a link: those that answered in this sync,
        but for those that asked to wait."""
        return [(h, link) for h, link in self._answered.items() if h not in self._waiting]

    def _back_at(self, host: str, began: float) -> None:
        """A probe of `host` begun at `began` connected: the network is back."""
        self._there_at = max(self._there_at, began)
        self._probation.discard(host)
        self._gone_since = 0.0
        self._back.set()
        self._changed()

    def _prober_of(
        self, stalling: bool, timeout: float | None = None
    ) -> Callable[[str], Awaitable[bool]]:
        """The probe of a link's host, within `timeout` (the connect timeout's by default): a
        connection made, the cheapest sign the network is there; for a stall, an answer
        (`network_probes`)."""
        within = self._connect_timeout if timeout is None else timeout

        async def probed(link: str) -> bool:
            self.probes += 1
            proxy = self._proxy_for(link)
            if stalling:
                return await network_probes.answers(link, within, proxy, self._agent_of(link))
            return await network_probes.connects(link, within, proxy)

        return probed

    async def aclose(self) -> None:
        """The sync ended: no probe left running, nothing left waiting."""
        import asyncio

        self._closed = True
        prober, self._prober = self._prober, None
        if prober is not None:
            prober.cancel()
            await asyncio.wait({prober})  # ended; a cancel of this close itself still raises
        for suspect in self._suspects:
            if not suspect[2].done():
                suspect[2].set_result(False)
        self._suspects.clear()
