"""When the last refresh or sync ended, as the status line says it after that job's summary
("Refreshed 3 of 3 feeds: 0 new headlines · at 20:09, 2 h ago") and after the idle counts
("· refreshed 20:09, 2 h ago"): the night editor re-attaching in the morning, or waking the
laptop, knows whether the list is current (acc43c C4). Read from the wall clock whenever the
line is drawn, and the line drawn again each minute (`StatusBar.AGE_CHECK_SECONDS`), so the
age stays true after days open or a suspend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..ages import age
from .display import when


@dataclass(frozen=True)
class JobEnded:
    """A refresh's or a sync's end: the summary it left, when (epoch seconds), and whether
    any feed was read by it (one that read none refreshed nothing)."""

    line: str
    at: float
    refreshed: bool


def job_tail(
    ended: JobEnded | None,
    status: str,
    idle_line: str | None,
    now: datetime,
    refreshed: datetime | None = None,
) -> str:
    """What a status line saying `status` adds after it: the job's time and age after the
    job's own summary; after the idle counts, once a job has ended, when the feeds were last
    refreshed: `refreshed`, the newest refresh the store has (a cron's `reader sync` in
    another process too: the reader's own alone said "refreshed 05:01, 9 min ago" over a
    list cron had synced a minute before, acc46c F3), or the job's end if it read a feed and is
    later; "" with neither."""
    if ended is None:
        return ""
    if status == ended.line:
        return f" · at {_moment(datetime.fromtimestamp(ended.at).astimezone(), now)}"
    if not status or status != idle_line:
        return ""
    if ended.refreshed:  # the store's note of it read in seconds later
        own = datetime.fromtimestamp(ended.at).astimezone()
        refreshed = own if refreshed is None else max(own, refreshed.astimezone())
    if refreshed is None:
        return ""
    return f" · refreshed {_moment(refreshed.astimezone(), now)}"


def _moment(then: datetime, now: datetime) -> str:
    """`then` as the line says it at `now`: its time (with its date another day) and its age."""
    moment = when(then, now)
    if moment != then.strftime("%H:%M"):  # another day's: its time with its date
        moment = f"{moment} {then:%H:%M}"
    ago = age(then, now)
    return f"{moment}, {ago}" if ago else moment
