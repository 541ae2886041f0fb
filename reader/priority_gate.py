"""A cap on work under way that lets the waiting in by priority (`PriorityGate`): a sync's
downloads, the fetcher's connections, the workers' CPU work. Where the user waits for the work
(an article opened) it goes before the background's queued work (a refresh's), and among
equals in order of arrival, as a fair semaphore would."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio

Priority = tuple[float, ...]
"""The lower, the sooner let in."""


class PriorityGate:
    """At most `slots` holders at once; a slot freed goes to the waiter of the lowest
    priority, the first to come among equals."""

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._waiting: list[tuple[Priority, int, asyncio.Future[None]]] = []
        self._arrival = itertools.count()

    @property
    def open(self) -> bool:
        """Whether a slot is free, no one waiting for it: one asked for now is had at once."""
        return self._free > 0 and not self._waiting

    @asynccontextmanager
    async def slot(self, priority: Priority = ()) -> AsyncIterator[None]:
        await self._acquire(priority)
        try:
            yield
        finally:
            self._release()

    async def acquire(self, priority: Priority = ()) -> None:
        """A slot, to `release`; `slot` where it can be a context."""
        await self._acquire(priority)

    def release(self) -> None:
        self._release()

    async def _acquire(self, priority: Priority) -> None:
        import asyncio  # here: `reader list` imports this module, and never waits on a gate

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


class Urgency:
    """Whether the user waits for a piece of work. It may come to: an article a prefetch is
    downloading, opened, goes first from its download's next step (its page's reading)."""

    __slots__ = ("_raised", "waits")

    def __init__(self, waits: bool = False) -> None:
        self.waits = waits
        self._raised: asyncio.Future[None] | None = None

    def raise_(self) -> None:
        """The user now waits for it."""
        self.waits = True
        if self._raised is not None and not self._raised.done():
            self._raised.set_result(None)

    def raised(self) -> asyncio.Future[None]:
        """Done once the user waits for it (at once when already)."""
        import asyncio

        if self._raised is None:
            self._raised = asyncio.get_running_loop().create_future()
            if self.waits:
                self._raised.set_result(None)
        return self._raised


USER_WAITS: ContextVar[Urgency | None] = ContextVar("reader_user_waits", default=None)
"""Set for the work of an article the user opened and waits for (`Library.article`): its
requests and its page's reading go before the queued work of a refresh or a prefetch (an
opening refresh of 300 feeds held the article 50 s behind their parses, acc37a H2)."""


def user_waits() -> bool:
    """Whether the user waits for the work under way here."""
    urgency = USER_WAITS.get()
    return urgency is not None and urgency.waits


PICTURES: ContextVar[bool] = ContextVar("reader_pictures", default=False)
"""Set for the download of an article's pictures (`LibraryPictures`): after any article's
text, a sync's or one opened, since a picture is worth less than a story to read."""


def rank() -> Priority:
    """The priority of the work under way here: first when the user waits for it, last for
    a picture's."""
    if user_waits():
        return (0,)
    return (2,) if PICTURES.get() else (1,)
