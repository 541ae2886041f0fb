"""How long ago something happened, in a few words a status line can carry ("3 min ago",
"2 h ago", "4 days ago"): a reader left open for days, or woken from a suspend, says how old
its last refresh is (acc43c C4), read from the wall clock whenever it is drawn."""

from __future__ import annotations

from datetime import datetime

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def age(then: datetime, now: datetime) -> str:
    """`then` as an age at `now`, to the minute: "" under a minute (or with the clock put back
    before it: no age is better than a wrong one), minutes under an hour, hours under two days,
    then days."""
    seconds = (now - then).total_seconds()
    if seconds < MINUTE:
        return ""
    return f"{span(seconds)} ago"


def span(seconds: float) -> str:
    """A length of time in the same few words: seconds under a minute ("40 s"), then minutes,
    hours under two days, then days; each rounded down."""
    if seconds < MINUTE:
        return f"{max(0, int(seconds))} s"
    if seconds < HOUR:
        return f"{int(seconds // MINUTE)} min"
    if seconds < 2 * DAY:
        return f"{int(seconds // HOUR)} h"
    return f"{int(seconds // DAY)} days"
