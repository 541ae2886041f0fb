"""A sync's caps on the downloads under way, letting the waiting in by priority: over the cache's
size limit the newest unread go first (`limit`), so the limit is reached with them and the older
ones are not fetched at all; among equals (every article, without a limit) in order of arrival,
as a fair semaphore would. Over the limit, the downloads are held until the feeds are in
(`PriorityHold`), then let in by the same priority."""

from __future__ import annotations

import heapq
import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio

from ..priority_gate import Priority, PriorityGate

__all__ = ["Priority", "PriorityGate", "PriorityHold"]


class PriorityHold:
    """Waiters held until `release`, then let go by priority, the lowest first (the first to
    come among equals). Over the size limit a sync's downloads wait for every feed's headlines,
    so that the newest stories of every feed take the room first, not the stories of the feed
    that answered first; but not for one feed that is slow: released too once nothing has been
    `heard` for `quiet` seconds (`limit.HEADLINES_QUIET`)."""

    def __init__(self, quiet: float) -> None:
        self.quiet = quiet
        self._held: list[tuple[Priority, int, asyncio.Future[None]]] | None = []
        self._arrival = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self._releasing = False

    @property
    def holding(self) -> bool:
        """Not released yet."""
        return self._held is not None and not self._releasing

    def heard(self) -> None:
        """Something came in (a feed's headlines): the hold lasts `quiet` seconds more at most."""
        import asyncio

        if self._held is None or self._releasing:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(self.quiet, self.release)

    async def wait(self, priority: Priority = ()) -> None:
        import asyncio

        if self._held is None:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._held, (priority, next(self._arrival), future))
        await future

    def release(self) -> None:
        """Let every waiter go, and those to come straight through. Each is woken in priority
        order and runs up to its next wait (a `PriorityGate`'s free slot taken, or its place
        in the gate's queue) before the next runs: the gates see them in that order. It takes
        effect once the tasks already started have run up to their first wait: the last feed's
        downloads, started as its headlines came, are held and let go in their place among the
        others, not after all of them."""
        import asyncio

        if self._held is None or self._releasing:
            return
        self._releasing = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        asyncio.get_running_loop().call_soon(self._let_go)

    def _let_go(self) -> None:
        held, self._held = self._held, None
        while held:
            _, _, future = heapq.heappop(held)
            if not future.done():  # one cancelled while held is skipped
                future.set_result(None)
