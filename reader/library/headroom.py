"""The size limit during a sync of a cache well under it (`Headroom`): no article ranked while
every one fits, the whole `limit.SyncRoom` made only if the sync brings the cache near the limit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..models import Entry
from ..store.usage import CachedArticle, LeftOut
from .gates import Priority, PriorityHold
from .limit import HEADLINES_QUIET, SyncRoom

if TYPE_CHECKING:
    import asyncio

Measure = Callable[[], tuple[list[CachedArticle], dict[str, LeftOut]]]
"""Reads the cached articles and those left out, as a `SyncRoom` is made from (in a thread)."""

NEAR = 3 / 4
"""Of the limit: the bytes held (known and guessed) past which the whole room is made, before
the sync needs its answers."""


class _RankingHold(PriorityHold):
    """A `PriorityHold` whose release waits while the whole room is being made (`ranking`):
    the downloads it holds are let go in that room's order, not in the order they came."""

    def __init__(self, quiet: float) -> None:
        super().__init__(quiet)
        self.ranking = False
        self._deferred = False

    def release(self) -> None:
        if self.ranking:
            self._deferred = True
        else:
            super().release()

    def settle(self) -> None:
        """The room made: a release asked for meanwhile takes effect."""
        self.ranking = False
        if self._deferred:
            self._deferred = False
            super().release()


class Headroom:
    """A sync's view of the size limit while the cache is well under it: its bytes at most
    (`Store.cached_bound`, those left out too) and what the sync adds, cached or guessed for the
    downloads under way. A `Room` keeps every article while they all fit, whatever their rank,
    so until the bytes held near the limit nothing is ranked: reading and ranking a year's
    51,000 articles took a second or two and ~60 MB at every sync. Near it (`NEAR`), or asked
    what only the ranking can answer, the `SyncRoom` is made in a thread from the cache as it
    is then, the sync's downloads under way added to it, and answers from then on; a download
    that needs its answer waits for it.

    Downloads are let go in the order they come while every article fits (the limit's order
    decides nothing then); those asked for once the whole room is being made go by its order."""

    def __init__(
        self,
        max_bytes: int,
        bound: int,
        articles: int,
        listed: list[tuple[Entry, bool]],
        left_out: dict[str, LeftOut],
        measure: Measure,
    ) -> None:
        self.max_bytes = max_bytes
        self.hold = _RankingHold(HEADLINES_QUIET)
        self._held = bound  # at most: the cache's, those left out, and this sync's
        self._guess = bound // max(articles, 1)  # a download's size, before it comes
        self._listed = listed
        self._noted: list[Entry] = []
        self._left_out = set(left_out)
        self._measure = measure
        self._queued: set[str] = set()
        self._queued_before: set[str] = set()
        self._under_way: dict[str, tuple[str, int]] = {}  # reserved: link, guessed size
        self._cached: dict[str, int] = {}  # by this sync: sizes
        self._full: SyncRoom | None = None
        self._making: asyncio.Future[None] | None = None
        self._waiting = 0  # downloads waiting for it to know their priority

    @property
    def gave_up(self) -> set[str]:
        return self._full.gave_up if self._full is not None else set()

    def _fits(self, size: int) -> bool:
        return self._held + size <= self.max_bytes

    def _near(self) -> None:
        if self._held > self.max_bytes * NEAR:
            self._rank()

    def _rank(self) -> None:
        """Start making the whole room, once."""
        import asyncio

        if self._making is not None:
            return
        listed = self._listed + [(entry, False) for entry in self._noted]
        noted = len(self._noted)
        loop = asyncio.get_running_loop()
        made = loop.create_task(asyncio.to_thread(self._make, listed))
        self._making = loop.create_future()
        self.hold.ranking = True

        def install(task: asyncio.Task[SyncRoom]) -> None:
            assert self._making is not None
            if task.cancelled():
                self._making.cancel()
            elif (error := task.exception()) is not None:
                self._making.set_exception(error)
            else:
                self._install(task.result(), noted)
                self._making.set_result(None)
            if not self._waiting or self._full is None:
                self.hold.settle()

        made.add_done_callback(install)

    def _make(self, listed: list[tuple[Entry, bool]]) -> SyncRoom:
        cached, left_out = self._measure()
        return SyncRoom(self.max_bytes, listed, cached, left_out, hold=self.hold)

    def _install(self, full: SyncRoom, noted: int) -> None:
        """`full`, made from the cache as it was read, told what the sync did since."""
        for entry in self._noted[noted:]:
            full.note(entry)
        for key, size in self._cached.items():
            full.known(key, size)
        for key, (link, guess) in self._under_way.items():
            full.under_way(key, link, guess)
        for key in self._queued_before:
            full.queued(key, before=True)
        for key in self._queued:
            full.queued(key)
        self._full = full

    async def _ranking(self) -> SyncRoom:
        import asyncio

        self._rank()
        assert self._making is not None
        await asyncio.shield(self._making)
        assert self._full is not None
        return self._full

    def note(self, entry: Entry) -> None:
        if self._full is not None:
            self._full.note(entry)
        else:
            self._noted.append(entry)

    def queued(self, key: str, before: bool = False) -> None:
        (self._queued_before if before else self._queued).add(key)
        if self._full is not None:
            self._full.queued(key, before)

    def room_for_all(self, feeds_in: int, feeds_out: int) -> bool:
        """As `SyncRoom.room_for_all`, of the bytes held at most; when they would not all fit,
        the whole room is made, and answers once it is."""
        if self._full is not None:
            return self._full.room_for_all(feeds_in, feeds_out)
        if not feeds_in:
            return False
        held = self._left_out | self._cached.keys() | self._under_way.keys()
        new = len(self._queued - held)
        before = len(self._queued_before - self._queued - held)
        coming = before + new + new / feeds_in * feeds_out
        if self._fits(int(coming * self._guess)):
            return True
        self._rank()
        return False

    def keeps(self, key: str) -> bool:
        """As `SyncRoom.keeps`; past what the bytes held say, yes for now: `reserve` asks the
        whole room."""
        if self._full is not None:
            return self._full.keeps(key)
        if not self._fits(1):
            self._rank()
        return True

    async def turn(self, key: str) -> Priority:
        """The priority of the download of the article under `key` (`SyncRoom.priority`): in
        the order they come while every article fits, else once the whole room is made."""
        if self._making is None:
            return ()
        self._waiting += 1
        try:
            full = await self._ranking()
        finally:
            self._waiting -= 1
        if not self._waiting:  # the last: every other one waits in the hold by its priority
            self.hold.settle()
        return full.priority(key)

    async def reserve(self, key: str, link: str) -> bool:
        """As `SyncRoom.reserve`: room held for the download, guessed, while it fits."""
        if self._making is None and self._fits(self._guess):
            self._under_way[key] = (link, self._guess)
            self._held += self._guess
            self._near()
            return True
        return await (await self._ranking()).reserve(key, link)

    def failed(self, key: str) -> None:
        if (under_way := self._under_way.pop(key, None)) is not None:
            self._held -= under_way[1]
        if self._full is not None:
            self._full.failed(key)

    def cached(self, key: str, size: int) -> None:
        if (under_way := self._under_way.pop(key, None)) is not None:
            self._held -= under_way[1]
        self._cached[key] = size
        self._held += size
        if self._full is not None:
            self._full.cached(key, size)
        else:
            self._near()

    def outranked(self) -> list[tuple[str, str]]:
        """As `SyncRoom.outranked`: none while every article fits."""
        if self._full is not None:
            return self._full.outranked()
        if not self._fits(0):
            self._rank()
        return []

    def given_up(self, key: str) -> None:
        if self._full is not None:
            self._full.given_up(key)

    def newly_left_out(self) -> dict[str, LeftOut]:
        return self._full.newly_left_out() if self._full is not None else {}
