"""Textual's timers given a delay above nought.

Textual 8's `Timer` spins forever on a negative delay: its catch-up for ticks missed
(`skip`) counts backwards and never awaits, so the event loop runs nothing else. Keys, the
screen and SIGTERM all went unanswered, at 100 % CPU, until SIGKILL (acc45a A2). Its own
toasts make such a delay: one shown again as another arrives (`ToastRack.show`) is given its
time left (`Notification.time_left`), read a moment after it was found unexpired, and under
load that moment is enough for the time left to pass nought. A delay of nought raises
ZeroDivisionError in the timer's task instead. Every timer is floored here, where they are
made, whoever makes them (Textual's widgets too, which the reader doesn't construct).
"""

from __future__ import annotations

from typing import Any

from textual.timer import Timer

SHORTEST = 0.001
"""The least delay a timer is given (seconds): one due now fires at the loop's next turn."""

_made = Timer.__init__


def _floored(self: Timer, event_target: Any, interval: float, *args: Any, **kwargs: Any) -> None:
    _made(self, event_target, interval if interval >= SHORTEST else SHORTEST, *args, **kwargs)


def floor_timers() -> None:
    """Floor every Textual timer made from now on at `SHORTEST` (idempotent)."""
    if Timer.__init__ is not _floored:
        Timer.__init__ = _floored  # type: ignore[method-assign]
