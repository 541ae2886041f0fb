"""A sync's articles at a host that asked it to wait (a 429 whose Retry-After is longer than one
request waits: `retries.Retries`), asked again once the wait is over, while the sync is still
fetching other articles then. Its other articles all done, the sync waits for what is left of a
host's wait only when that is short (`max_retry_after` at most, what one request waits for a
429): a sync is not made to last a host's 2 minutes, but a traveller syncing before a flight
no longer lost a host's articles to a 5-second wait while the sync went on for a minute."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TYPE_CHECKING

from ..outages import article_shown_at
from ..urls import page_asked

if TYPE_CHECKING:  # imported as a sync starts: `reader feeds` starts no event loop
    import asyncio


class HostWaits:
    """One sync's articles waiting for their hosts' 429 waits to be over."""

    def __init__(self, wait_left: Callable[[str], float], at_end: float) -> None:
        import asyncio

        self._wait_left = wait_left  # the seconds left of a link's host's wait
        self.at_end = at_end
        """The longest a sync waits, its other articles done, for a host's wait to be over."""
        self._running = 0  # of the sync's tasks once all are queued: those not done
        self._waiting = 0  # of them, those waiting for a host here
        self._over = asyncio.Event()  # every task done or waiting: nothing else to wait for
        self._all_queued = False
        self.fetched: Counter[str] = Counter()
        """Articles fetched once their host's wait was over, by host as a line names it (`outages.article_shown_at`)."""

    def all_queued(self, tasks: Iterable[asyncio.Task[None]]) -> None:
        """Every task of the sync's articles started (`tasks`): once each is done or waiting
        here, the sync is over but for the waits."""
        for task in tasks:
            if not task.done():
                self._running += 1
                task.add_done_callback(self._done)
        self._all_queued = True
        self._check()

    def _done(self, _task: asyncio.Task[None]) -> None:
        self._running -= 1
        self._check()

    def _check(self) -> None:
        if self._all_queued and self._running <= self._waiting:
            self._over.set()

    async def passed(self, link: str) -> bool:
        """`link`'s request was not answered for its host's wait: True once the wait is over
        (ask again), False when the sync has nothing else left to do and more than `at_end`
        seconds of the wait are left (the article left for the next sync, as before)."""
        import asyncio

        self._waiting += 1
        self._check()
        try:
            # The host the page is asked at, past a click tracker (`urls.page_asked`): the
            # tracker's, never asked, had no wait, and the article was asked again at once.
            while (left := self._wait_left(page_asked(link))) > 0:
                if self._over.is_set():
                    if left > self.at_end:
                        return False
                    await asyncio.sleep(left)
                else:
                    with suppress(TimeoutError):
                        await asyncio.wait_for(self._over.wait(), left)
            return True
        finally:
            self._waiting -= 1

    def came(self, link: str) -> None:
        """`link`'s article was fetched once its host's wait was over."""
        self.fetched[article_shown_at(link)] += 1
