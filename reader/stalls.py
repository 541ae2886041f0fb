"""Time the reader was not running: its process stopped (Ctrl-Z, SIGSTOP), the machine asleep (a
lid closed), or its event loop held up by CPU work. A request cut off by its timeout across such a
gap was not refused by the site: it was our clock that ran on while we did nothing.

Told without signal handlers (Textual has its own for Ctrl-Z): while requests are in flight, a
heartbeat on their event loop ticks every `TICK` seconds; a tick that comes more than `GAP`
seconds after the one before it marks a gap. It reads a clock that runs on through a stopped
process and a sleeping machine (Linux's CLOCK_BOOTTIME; elsewhere the wall clock, which may jump:
a jump only gives a failed request one more try). No tick while nothing is in flight: an idle
reader is not woken twice a second.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from typing import TYPE_CHECKING

from .errors import ErrorKind, FetchError

if TYPE_CHECKING:
    import asyncio

TICK = 0.5  # seconds between heartbeats while a request is in flight
GAP = 3.0  # a heartbeat this late: the reader was not running in between

_BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


def running_clock() -> float:
    """Seconds on a clock that runs on while the process is stopped and the machine asleep
    (time.monotonic() stops with the machine)."""
    if _BOOTTIME is not None:
        return time.clock_gettime(_BOOTTIME)
    return time.time()


class StallWatch:
    """The gaps in one event loop's running, watched while requests are in flight (`watch`)."""

    def __init__(self, gap: float = GAP, tick: float = TICK) -> None:
        self.gap = gap
        self.tick = tick
        self._beat = 0.0  # when the heartbeat last ran (`running_clock`)
        self._last_gap_end = float("-inf")  # when the latest gap seen ended
        self._watching = 0  # requests in flight
        self._heart: asyncio.Task[None] | None = None

    @contextmanager
    def watch(self) -> Iterator[float]:
        """Watch for gaps while the block runs (on an event loop); gives the time it began,
        for `stalled_since`, to be asked before the block ends."""
        import asyncio

        if self._heart is None or self._heart.done():
            self._beat = running_clock()
            self._heart = asyncio.get_running_loop().create_task(self._beating())
        else:
            # A gap the heartbeat has not ticked after yet is behind this block, not in it: a
            # request cut off across a pause is tried again as the loop wakes, often before
            # the heartbeat's turn, and that try must not be taken as cut off by it too.
            self._note_beat()
        self._watching += 1
        try:
            yield running_clock()
        finally:
            self._watching -= 1

    def stalled_since(self, began: float) -> bool:
        """The reader stopped running (for more than `gap` seconds) since `began`: a gap the
        heartbeat has seen, or one it hasn't had the time to see yet, the loop running again
        with the request's timeout first."""
        self._note_beat()
        return self._last_gap_end > began

    def woke_within(self, seconds: float) -> bool:
        """The latest gap (a pause while requests were in flight) ended less than `seconds`
        ago: the network may not be back yet (a machine just woken rejoins its Wi-Fi)."""
        self._note_beat()
        return running_clock() - self._last_gap_end < seconds

    async def _beating(self) -> None:
        import asyncio

        while self._watching > 0:
            await asyncio.sleep(self.tick)
            self._note_beat()
        self._heart = None

    def _note_beat(self) -> None:
        now = running_clock()
        if now - self._beat > self.gap:
            self._last_gap_end = now
        self._beat = now

    async def aclose(self) -> None:
        import asyncio

        if self._heart is not None:
            self._heart.cancel()
            with suppress(asyncio.CancelledError):
                await self._heart
            self._heart = None


def cut_off(error: FetchError) -> bool:
    """A failure that a pause of the reader can cause: a timeout, or a connection that died
    (a machine asleep loses its connections)."""
    return error.kind == ErrorKind.TIMEOUT or (error.kind == ErrorKind.NETWORK and error.retryable)


def paused(error: FetchError) -> FetchError:
    """`error`, from a request tried again after a pause of the reader and cut off across
    another: said to be the reader's, not the site's."""
    message = f"{error.message}, the reader having been paused (stopped or asleep): try again"
    return replace(error, message=message)
