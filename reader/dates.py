"""Dates as publishers and servers write them: ISO 8601 or RFC 822, with or without a zone.

A page may state a date alone ("2019-02-21", `<time datetime="2019-02-21">`). Such a value is
kept as an aware datetime at midnight UTC, so it sorts and compares with every other, but its
zone is the `DATE_ONLY` marker: the time of day is unknown. The marker travels with the value
wherever it is copied (an entry's date filling an article's, a worker process's result), so what
shows a date asks here how to write it instead of converting it to local time, which would
invent a time and, west of UTC, show the day before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from email.utils import parsedate_to_datetime


class _DateOnly(tzinfo):
    """Offset 0 (a date sorts as its midnight UTC), marking a value of which only the date is
    known."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        # No zone was stated; "%Z" writes nothing rather than a zone we made up.
        return None

    def __repr__(self) -> str:
        return "DATE_ONLY"


DATE_ONLY = _DateOnly()

# How a record on disk says how much of a moment was stated ("" for a whole moment).
PRECISION_DATE = "date"


def date_only(moment: datetime) -> bool:
    """True when only the date of `moment` is known, not its time."""
    # isinstance, not identity: a value back from a worker process has a copy of the marker.
    return isinstance(moment.tzinfo, _DateOnly)


def on_date(day: date) -> datetime:
    """`day` as a value that knows only its date."""
    return datetime.combine(day, time(), DATE_ONLY)


# The zones in use run from UTC−12 to UTC+14.
_WEST, _EAST = timedelta(hours=12), timedelta(hours=14)


def falls_on(moment: datetime, day: datetime) -> bool:
    """True when `moment` falls on the date of `day` (a date alone) in some zone in use: a
    page's date may be its newsroom's while its full time is written in UTC."""
    start = datetime.combine(day.date(), time(), UTC)
    return start - _EAST <= moment < start + timedelta(days=1) + _WEST


def precision(moment: datetime | None) -> str:
    """How much of `moment` was stated: `PRECISION_DATE`, or "" for a whole moment."""
    return PRECISION_DATE if moment is not None and date_only(moment) else ""


def with_precision(moment: datetime | None, stated: str) -> datetime | None:
    """`moment` as `precision` described it; an unknown `stated` (a newer version's) leaves it
    whole."""
    if moment is None or stated != PRECISION_DATE:
        return moment
    return on_date(moment.astimezone(UTC).date())


def stated_iso(moment: datetime) -> str:
    """ISO 8601 saying as much as is known: "2019-02-21" for a date alone, never a time at
    midnight UTC the page never gave."""
    return moment.date().isoformat() if date_only(moment) else moment.isoformat()


def in_local_time(moment: datetime) -> datetime:
    """`moment` in the reader's local time; a date alone as it was stated (converted, its
    midnight UTC would be the evening before west of UTC)."""
    return moment if date_only(moment) else moment.astimezone()


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 (with or without zone) or RFC 822; naive times are taken as UTC, a date alone
    is `DATE_ONLY`."""
    if not value:
        return None
    value = value.strip()
    try:
        return on_date(date.fromisoformat(value))
    except ValueError:
        pass
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
