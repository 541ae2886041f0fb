"""A refresh's fetches of its feeds, by address, that a sync started in its place takes over
(`Library.hand_over_refresh`): a feed the refresh has asked is not asked again, its answer
awaited or taken as it came (acc36a G1: `S` during the refresh on opening asked 35 of 40
feeds twice over a slow hotel link). So are those of a refresh just ended whose list the
reader is still reading in: `S` pressed then asked every feed again."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reports import FeedResult
    from .offline import NetworkWatch


@dataclass
class FeedAsks:
    """One refresh's fetches of its feeds (each its `refresh_feed`, shielded from the refresh's
    own cancelling), those it took over from a refresh before it among them."""

    watch: NetworkWatch
    """The refresh's, told of an answer come to a fetch begun by the refresh before it."""
    asks: dict[str, asyncio.Future[FeedResult]] = field(default_factory=dict)
    handed_over: bool = False
    """Stopped for a sync that takes its fetches over: those under way are left running."""

    def start(self, url: str, fetch: Coroutine[Any, Any, FeedResult]) -> asyncio.Future[FeedResult]:
        """`fetch`, the feed at `url`'s, under way in a task of its own."""
        ask = self.asks[url] = asyncio.ensure_future(fetch)
        # Its error seen: no refresh may be left to hear of it.
        ask.add_done_callback(lambda done: done.cancelled() or done.exception())
        return ask

    def answered(self, url: str) -> None:
        self.watch.answer(url)

    def answered_only(self) -> FeedAsks:
        """These asks as a refresh that ended leaves them: those that came to an answer (a
        feed's failure is one), the rest (stopped with the network gone) dropped."""
        for url, ask in list(self.asks.items()):
            if not ask.done() or ask.cancelled():
                ask.cancel()
                del self.asks[url]
        return self

    def done(self) -> int:
        """How many of the feeds asked have their answer in."""
        return sum(ask.done() and not ask.cancelled() for ask in self.asks.values())

    def drop(self) -> None:
        """The fetches still under way stopped: no refresh will hear of them."""
        for ask in self.asks.values():
            ask.cancel()
        self.asks.clear()
