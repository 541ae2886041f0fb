"""The timed refresh's back-off while nothing answers (acc48b B2): a reader left open on a
flight, `refresh_interval = "1m"`, started its worker processes every minute (~0.5 s of CPU each)
to learn again that the network was gone. After a refresh or sync in which no feed answered, the
timer's next ticks are let pass, twice as many each time, up to `BACK_OFF_AT_MOST`; the first
answer (to another process's sync too: `ReaderAppSync.answered_elsewhere`), or `r`, brings the
interval back."""

from __future__ import annotations

import math
from dataclasses import dataclass

BACK_OFF_AT_MOST = 30 * 60.0
"""Seconds the timed refresh waits at most while nothing answers (the interval, if longer)."""


@dataclass
class TimedRefresh:
    """Which of the interval timer's ticks refresh: every one, or, after refreshes in which
    nothing answered, one in `every` (1, 2, 4, … ticks)."""

    interval: float
    """`[feeds] refresh_interval`, seconds (> 0)."""
    every: int = 1
    """The ticks from one timed refresh to the next: 1 while the feeds answer."""
    ticks_left: int = 1
    """The ticks still to come before the next timed refresh (the one that makes it counted)."""

    def tick(self) -> bool:
        """The timer ticked: whether this tick refreshes."""
        self.ticks_left -= 1
        if self.ticks_left > 0:
            return False
        self.ticks_left = self.every
        return True

    def asked(self) -> None:
        """The user asked for a refresh (`r`): the interval is the usual one again."""
        self.every = self.ticks_left = 1

    def ended(self, nothing_answered: bool) -> None:
        """A refresh or sync ended: nothing answered it (the wait doubles, up to
        `BACK_OFF_AT_MOST`), or some feed did (the usual interval)."""
        if not nothing_answered:
            self.every = self.ticks_left = 1
            return
        most = max(1, math.ceil(BACK_OFF_AT_MOST / self.interval))
        self.every = self.ticks_left = min(self.every * 2, most)

    @property
    def backing_off(self) -> bool:
        """Nothing answered the last refresh: the ticks are let pass."""
        return self.every > 1

    def next_at(self, ticked_at: float, now: float) -> float:
        """When the next timed refresh comes (epoch seconds), the timer having last ticked at
        `ticked_at` (or started then), at `now`."""
        next_tick = ticked_at + self.interval * max(1, math.ceil((now - ticked_at) / self.interval))
        return next_tick + (self.ticks_left - 1) * self.interval
