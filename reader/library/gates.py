"""A sync's caps on the downloads under way, letting the waiting in by priority: over the cache's
size limit the newest unread go first (`limit`), so the limit is reached with them and the older
ones are not fetched at all; among equals (every article, without a limit) in order of arrival,
as a fair semaphore would."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

Priority = tuple[float, ...]
"""The lower, the sooner let in."""


class PriorityGate:
    """At most `slots` holders at once; a slot freed goes to the waiter of the lowest
    priority, the first to come among equals."""

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._waiting: list[tuple[Priority, int, asyncio.Future[None]]] = []
        self._arrival = itertools.count()

    @asynccontextmanager
    async def slot(self, priority: Priority = ()) -> AsyncIterator[None]:
        await self._acquire(priority)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, priority: Priority) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._arrival), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._release()  # handed the slot as it was cancelled: passed on
            raise

    def _release(self) -> None:
        while self._waiting:
            _, _, future = heapq.heappop(self._waiting)
            if not future.done():  # one cancelled while waiting is skipped
                future.set_result(None)
                return
        self._free += 1
