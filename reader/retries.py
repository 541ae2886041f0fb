"""When a failed request is tried again: a failure that may pass (a timeout, a reset, a 502/503/
504, a 429) up to `retries` times, after a growing wait or the one a 429 asks for; once, at once
and not counted, when it was cut off across a pause of the reader (`stalls`); and not at all when
it timed out on its last try, or times out at a host that did and has not answered since
(`unanswered`); nor counted at all when a sync's judge of the network (`NETWORK_JUDGE`) finds
the network stalling, not the host, and holds the try until it answers again. Just after such a
pause, a connection refused or a name not found is tried again for some seconds: the network
rejoining (`WAKE_WINDOW`). A sync gives up a host that times out again and again (`gives_up`). A
429 asking for a longer wait than `max_retry_after` holds its host: nothing more is sent to it
until then, each request failing at once with the host's answer (`FetchError.asks_to_wait`)."""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from contextvars import ContextVar
from dataclasses import replace
from typing import Protocol

from .config import FetchLimits
from .errors import NO_CONNECTION, ErrorKind, FetchError, gateway_failure, not_back_yet
from .fetch_messages import _try_again
from .models import Response
from .outages import AnswerOrder
from .stalls import StallWatch, cut_off, paused
from .unanswered import HEAD_CAME, Unanswered

WAKE_WINDOW = 15.0
"""Seconds after a pause of the reader (a lid closed mid-sync) in which a connection refused or
a name not found is the network not back yet: tried again after a short wait, not failed."""


HELD_AT_MOST = 24 * 3600.0
"""The longest a 429's Retry-After keeps its host from being asked, in seconds."""


class TimeoutJudge(Protocol):
    """What tells a try's timeout that is the network's from one that is its host's."""

    def heard(self) -> None:
        """A try's answer came (whole, or an HTTP error): the network carries answers now."""
        ...

    async def timed_out(self, url: str, error: FetchError, began: float) -> bool:
        """A try of `url` begun at `began` (time.monotonic) timed out with `error`: True to
        try it again, uncounted (the network stalled, and is back); False to count it as
        the host's. May raise the request's failure (the network not back in time)."""
        ...

    def trying(self, url: str) -> AbstractAsyncContextManager[None]:
        """One try of `url` (its wait for a connection among them): begun once the network is
        there, and cut short, raising the request's failure, when the network's wait runs
        out (a try sent into a stall waits out its read timeout, then another's)."""
        ...


NETWORK_JUDGE: ContextVar[TimeoutJudge | None] = ContextVar("reader_network_judge", default=None)
"""The judge of the network a sync's requests are made under (`library.network_hold`): each
try that timed out is asked of it before it counts. A stalling network (a captive portal, Wi-Fi
passing nothing) timed every host out, and a sync gave them all up after ~30 s."""


GIVE_UP_ROUNDS = 3
"""A sync stops asking a host whose articles timed out this many rounds of its connections
(`per_host`) in a row, nothing coming whole in between: hotel Wi-Fi stalling every page held a
sync read_timeout × articles / per_host (8 minutes for 160 articles)."""


def gives_up(timeouts_in_a_row: int, per_host: int) -> bool:
    """A sync's articles at one host having timed out `timeouts_in_a_row` times with no answer
    between: the host is given up for that sync (its other articles left for the next)."""
    return timeouts_in_a_row >= given_up_after(per_host)


def given_up_after(per_host: int) -> int:
    """The timeouts in a row that give a host up (`gives_up`)."""
    return GIVE_UP_ROUNDS * per_host


def not_tried_again(failure: FetchError) -> FetchError:
    """`failure`, a request's last try's, as what came of the request: its host, rate-limiting
    since (a 429 asking to wait), is not asked again."""
    return replace(
        failure,
        message=f"{failure.message} (not tried again: the host is rate-limiting)",
        retryable=False,
    )


class Retries:
    """The tries of each request of one `Fetcher` (one event loop)."""

    def __init__(self, limits: FetchLimits, pause_host: Callable[[str, float], None]) -> None:
        self.limits = limits
        self._pause_host = pause_host  # nothing more to a host until its 429's wait has passed
        self.stalls = StallWatch()  # the reader's own pauses, not charged to a request
        self.unanswered = Unanswered()  # what timed out on its last try: asked once
        self.order = AnswerOrder()  # which hosts refused with the network there
        # Host: when its long 429 wait ends (epoch seconds). Eighty more requests in the second
        # after a "Retry-After: 120" (acc29b T9) only prolong a rate limit on a hotel's shared
        # address; kept for the next runs too (`held_record`, `remember_held`).
        self._held: dict[str, float] = {}
        self.held_changed = False  # since `remember_held`: worth keeping for the next run
        # Each request being tried again, with how its last try failed: one given up on
        # unfinished (the network found absent) was asked, and this is what came of it.
        self._failed_tries: dict[str, FetchError] = {}

    def remember_held(self, record: object) -> None:
        """Take in the hosts an earlier run was asked to wait by (`held_record`): nothing is
        sent to them till their wait is over (acc40b P3: a sync 4 s after a "Retry-After: 120"
        asked again). A wait longer than `HELD_AT_MOST` from now is cut to it: noted under a
        clock that was ahead, or a server's wild figure."""
        if not isinstance(record, dict):
            return
        now = time.time()
        for host, until in record.items():
            if isinstance(host, str) and isinstance(until, int | float) and until > now:
                if until > now + HELD_AT_MOST:
                    # Kept cut: left as it was, each run cut it to a day from its own start,
                    # the host held for as long as the record said.
                    until, self.held_changed = now + HELD_AT_MOST, True
                self._held[host] = max(self._held.get(host, 0.0), until)

    def held_record(self) -> dict[str, float]:
        """The hosts still asking to wait, with when their wait ends (epoch seconds)."""
        now = time.time()
        return {host: until for host, until in self._held.items() if until > now}

    def wait_left(self, host: str) -> float:
        """Seconds till `host`'s 429 wait is over (0 when it may be asked now)."""
        return max(0.0, self._held.get(host, 0.0) - time.time())

    def check_held(self, url: str, host: str) -> None:
        """Raises, as its 429 would, for a request of `url` to a host that asked to wait."""
        left = self._held.get(host, 0.0) - time.time()
        if left > 0:
            raise FetchError(
                ErrorKind.HTTP,
                f"not asked: rate-limited (HTTP 429): {_try_again(left)}",
                url,
                retry_after=left,
                status=429,
                held=True,
            )

    def failed_try(self, url: str) -> FetchError | None:
        """How the last try of `url` failed, while it is being tried again (else None)."""
        return self._failed_tries.get(url)

    async def run(
        self, url: str, host: str, attempt: Callable[[], Awaitable[Response]]
    ) -> Response:
        """`attempt` (a request of `url`, on `host`) awaited, and again as the policy says;
        raises the last try's FetchError."""
        try:
            return await self._run(url, host, attempt)
        finally:
            self._failed_tries.pop(url, None)

    async def _run(
        self, url: str, host: str, attempt: Callable[[], Awaitable[Response]]
    ) -> Response:
        import asyncio

        tried, resumed, waited = 0, False, 0.0
        while True:
            judge = NETWORK_JUDGE.get()
            # Cut short by the network's wait running out: the request's failure, not a try's.
            async with judge.trying(url) if judge is not None else nullcontext():
                with self.stalls.watch() as began:
                    HEAD_CAME.set(False)
                    try_began = time.monotonic()
                    try:
                        answer = await attempt()
                    except FetchError as error:
                        if error.capped:
                            raise  # a sync's download cap reached: no try of the host's
                        failure = error
                        if error.held and (before := self._failed_tries.get(url)) is not None:
                            # Asked, and answered: that answer is what came of it, not the
                            # 429 another request of its host got meanwhile (acc40b P2).
                            raise not_tried_again(before) from None
                        stalled = cut_off(error) and self.stalls.stalled_since(began)
                        if failure.kind not in NO_CONNECTION and judge is not None:
                            judge.heard()  # an answer, if not the page
                    else:
                        if judge is not None:
                            judge.heard()
                        self.unanswered.tried(host, None)
                        self.order.tried(url, None)
                        self.unanswered.outcome(url, host, None)
                        return answer
            if (
                not stalled
                and failure.kind == ErrorKind.TIMEOUT
                and failure.retryable  # not a whole answer's deadline: bytes were coming
                and judge is not None
                and await judge.timed_out(url, failure, try_began)
            ):
                continue  # the network's stall, not the host's: uncounted, asked again
            if not stalled:  # the reader's own pause is no timeout of the host's
                self.unanswered.tried(host, failure)
                self.order.tried(url, failure)
                self._failed_tries[url] = failure
                if HEAD_CAME.get() and failure.kind == ErrorKind.TIMEOUT:
                    # Its body stalled: its host's other pages' stalls are not tried again.
                    self.unanswered.stalled(url, host)
                elif HEAD_CAME.get():
                    self.unanswered.answering(host)  # it answers: its tries back
            if stalled and not resumed:
                resumed = True  # the reader's pause, not the site's: once more, not counted
                continue
            if not_back_yet(failure) and self.stalls.woke_within(WAKE_WINDOW):
                # Refused or not found just after a wake: the Wi-Fi rejoining, not the site.
                waited = min(2 * waited or 0.5, 4.0)
                await asyncio.sleep(waited)
                continue
            # Asked as it failed, not as it began: the host may have answered another since.
            if failure.asks_to_wait and failure.retry_after is not None and not failure.held:
                # A day at most from now (`HELD_AT_MOST`): "Retry-After: 31536000" kept as
                # such held its host for a year, every run cutting it to a day from its start.
                until = time.time() + min(failure.retry_after, HELD_AT_MOST)
                self._held[host] = max(self._held.get(host, 0.0), until)
                self.held_changed = True
            retries = self.unanswered.retries(url, host, self.limits.retries, failure)
            if gives_up(self.unanswered.in_a_row(host), self.limits.per_host):
                retries = 0  # a host that stalls every request: a sync gives it up
            if not failure.retryable or tried >= retries:
                if stalled:
                    raise paused(failure)
                self.unanswered.outcome(url, host, failure)
                if tried and gateway_failure(failure):
                    # Said as tried: "answered HTTP 502 … 3 times" is a gateway down a while,
                    # not one blip.
                    raise replace(failure, message=f"{failure.message} ({tried + 1} tries)")
                raise failure
            delay = failure.retry_after or self.limits.backoff * 2**tried * (0.5 + random.random())
            if failure.retry_after is not None:
                self._pause_host(url, delay)
            await asyncio.sleep(delay)
            tried += 1

    async def aclose(self) -> None:
        await self.stalls.aclose()
