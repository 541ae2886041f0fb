"""The timer that ends a pool of CPU workers started on demand, once it has been idle
(`CpuWorkers.on_demand`), holds nothing of the work that set it: set in the context of the
caller's task, it held a Textual worker reading an article, and with it the article's closed
screen, for the pool's idle time, past the settle that was to free the screen, which then froze
it with the headlines for good (test_memory's Esc test, 3 of 9 failed at load 17-25)."""

from __future__ import annotations

import asyncio
from contextvars import ContextVar

from reader.cpu_workers import CpuWorkers


class Screen:
    """What a Textual worker's context holds (its worker, whose node is the screen)."""


READING: ContextVar[Screen | None] = ContextVar("READING", default=None)


def test_the_idle_timer_holds_nothing_of_the_work_that_set_it() -> None:
    async def read() -> list[object]:
        workers = CpuWorkers("thread")
        workers.on_demand(idle_end=600.0)
        try:

            async def in_a_worker(screen: Screen) -> int:
                READING.set(screen)  # as Textual's active worker and message pump are
                return await workers.run(len, "a page")

            assert await asyncio.create_task(in_a_worker(Screen())) == 6
            timer = workers._idle_timer
            assert timer is not None  # the pool's idle end is pending, for ten minutes
            # What the timer's callback will run in (asyncio's handle keeps it, private).
            return list(timer._context.values())  # type: ignore[attr-defined]
        finally:
            workers.close()

    assert not [kept for kept in asyncio.run(read()) if isinstance(kept, Screen)]
