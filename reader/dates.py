"""Dates as publishers and servers write them: ISO 8601 or RFC 822, with or without a zone.

A page may state less than a moment: a date alone ("2019-02-21", `<time
datetime="2019-02-21">`), or a time without its zone ("2024-03-05T09:30"). Such a value is kept
as an aware datetime at offset 0 (a date at its midnight UTC, a time as if in UTC), so it sorts
and compares with every other, but its zone is a marker saying what the page left out:
`DATE_ONLY` (the time of day is unknown) or `ZONE_UNSTATED` (the wall-clock time is the page's,
its zone unknown). The marker travels with the value wherever it is copied (an entry's date
filling an article's, a worker process's result), so what shows a date asks here how to write
it instead of converting it to local time, which would invent a time or a zone and, west of
UTC, show a date alone as the day before.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time, timedelta, tzinfo


class _Unstated(tzinfo):
    """Offset 0, for sorting only: the zone the page didn't state."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        # "%Z" writes nothing rather than a zone we made up.
        return None


class _DateOnly(_Unstated):
    """Marks a value of which only the date is known."""

    def __repr__(self) -> str:
        return "DATE_ONLY"


class _ZoneUnstated(_Unstated):
    """Marks a wall-clock time given without its zone."""

    def __repr__(self) -> str:
        return "ZONE_UNSTATED"


DATE_ONLY = _DateOnly()
ZONE_UNSTATED = _ZoneUnstated()

# How a record on disk says how much of a moment was stated ("" for a whole moment).
PRECISION_DATE = "date"
PRECISION_NO_ZONE = "no-zone"


# isinstance, not identity: a value back from a worker process has a copy of the marker.
def date_only(moment: datetime) -> bool:
    """True when only the date of `moment` is known, not its time."""
    return isinstance(moment.tzinfo, _DateOnly)


def zone_unstated(moment: datetime) -> bool:
    """True when `moment` is a wall-clock time whose zone is unknown."""
    return isinstance(moment.tzinfo, _ZoneUnstated)


def whole(moment: datetime) -> bool:
    """True when `moment` states its date, time and zone."""
    return not isinstance(moment.tzinfo, _Unstated)


def zoned_as(ours: datetime | None, theirs: datetime | None) -> bool:
    """True when `ours`, a wall-clock time given without its zone, is the time `theirs` gives
    with its zone: then `theirs` says which zone `ours` was in (README: "zone not given"). The
    one rule for a page's time beside its feed's, and a feed's beside its page's."""
    return (
        ours is not None
        and theirs is not None
        and zone_unstated(ours)
        and whole(theirs)
        and ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)
    )


def on_date(day: date) -> datetime:
    """`day` as a value that knows only its date."""
    return datetime.combine(day, time(), DATE_ONLY)


# The zones in use run from UTC−12 to UTC+14.
_WEST, _EAST = timedelta(hours=12), timedelta(hours=14)


def falls_on(moment: datetime, day: datetime) -> bool:
    """True when `moment` falls on the date of `day` (a date alone) in some zone in use: a
    page's date may be its newsroom's while its full time is written in UTC."""
    start = datetime.combine(day.date(), time(), UTC)
    try:
        return start - _EAST <= moment < start + timedelta(days=1) + _WEST
    except OverflowError:  # a page's year 1 or 9999: the edge of what a datetime holds
        return False


def precision(moment: datetime | None) -> str:
    """How much of `moment` was stated: `PRECISION_DATE`, `PRECISION_NO_ZONE`, or "" for a
    whole moment."""
    if moment is not None and date_only(moment):
        return PRECISION_DATE
    if moment is not None and zone_unstated(moment):
        return PRECISION_NO_ZONE
    return ""


def with_precision(moment: datetime | None, stated: str) -> datetime | None:
    """`moment` as `precision` described it; an unknown `stated` (a newer version's) leaves it
    whole."""
    if moment is None:
        return None
    if stated == PRECISION_DATE:
        return on_date(moment.astimezone(UTC).date())
    if stated == PRECISION_NO_ZONE:
        return moment.astimezone(UTC).replace(tzinfo=ZONE_UNSTATED)
    return moment


# How far after it was read a date may be and still be believed for the order of a list:
# a day's clock or zone mistake, not a hostile feed's 2099, first of every list for decades.
BELIEVED_AHEAD = timedelta(days=1)


CLAIM_AHEAD = timedelta(hours=1)
"""How far after it was read a feed may date an item and the list still date it so: clocks a
few minutes apart. Past it (an embargo's date, a typo's year, a story timed for 23:30 read at
19:43), the item is listed as of when it was first read, the feed's date kept apart
(`Entry.claimed`): 3.7 hours ahead sat first of every list all evening (acc43c C3)."""


def claim_not_ahead(claimed: datetime, first_seen: float) -> bool:
    """A feed's date kept apart as ahead (`Entry.claimed`) was no more than `CLAIM_AHEAD` after
    its item was first kept (`first_seen`, epoch seconds): no claim, but a later sync's clock set
    in the past took it for one and dated the item by itself, every headline of a changed feed
    at once (acc46a A1). Its record is read with the feed's date."""
    return claimed.timestamp() <= first_seen + CLAIM_AHEAD.total_seconds()


def not_ahead(moment: datetime | None, read_at: datetime | None) -> datetime | None:
    """`moment` (a date a feed or a page gives), or `read_at` when `moment` is more than
    `BELIEVED_AHEAD` after it: the item is sorted as of when it was read."""
    if moment is None or read_at is None or moment <= read_at + BELIEVED_AHEAD:
        return moment
    return read_at


# How far behind this clock a server's answer may be and the clock still believed: a server's
# clock, or a cache's copy without its Age, an hour off. Past it, and within `CLOCK_AHEAD_AT_MOST`,
# this clock was ahead (a sync under a clock a day fast, set right by NTP after: its articles
# cited "Accessed" a day after they were, without a word once that day had come, acc43c C5).
CLOCK_AHEAD_BY = timedelta(hours=1)
# Further behind, the server's clock is the wrong one (one reset to 2000 proves nothing of ours).
CLOCK_AHEAD_AT_MOST = timedelta(days=30)


def served_time(date_header: str, now: datetime, age: str = "") -> datetime | None:
    """When a server says it answered (an HTTP Date header, "Sat, 05 Dec 2026 14:50:00 GMT",
    and the `age` in seconds a cache on the way kept it), where that says `now`, the
    computer's clock as the answer came, was wrong: more than `BELIEVED_AHEAD` before it (that
    clock behind), or between `CLOCK_AHEAD_BY` and `CLOCK_AHEAD_AT_MOST` after it (that clock
    ahead) (`Article.served_at`). None when they agree, the server is further behind (its
    clock's fault, not this one's), or the header is missing or unreadable."""
    from email.utils import parsedate_to_datetime  # here: every command imports this module

    try:
        served = parsedate_to_datetime(date_header.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if served.tzinfo is None:  # "-0000": UTC, as HTTP dates are
        served = served.replace(tzinfo=UTC)
    kept = age.strip()
    if kept.isascii() and kept.isdigit() and len(kept) < 10:
        served += timedelta(seconds=int(kept))
    if served > now + BELIEVED_AHEAD:
        return served
    if now - CLOCK_AHEAD_AT_MOST < served < now - CLOCK_AHEAD_BY:
        return served
    return None


def taken_at(date_header: str, now: datetime, age: str = "") -> datetime | None:
    """When a page was retrieved, as far as its server's `Date` header vouches for it: `now`,
    the computer's clock, when the server agrees with it, the server's when it says that
    clock was wrong (`served_time`); None without a `Date` that reads, when the clock may have
    been anything."""
    from email.utils import parsedate_to_datetime

    try:
        parsedate_to_datetime(date_header.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return served_time(date_header, now, age) or now


def retrieved_as_believed(
    retrieved: datetime, published: datetime | None, now: datetime, served: datetime | None = None
) -> datetime:
    """When a copy was retrieved, mended where the clock it was written under was wrong: a time
    after `now` is now (the clock was ahead), and one more than `BELIEVED_AHEAD` before the
    story's own `published` is that publication (the clock was behind: a laptop's reset when
    its battery ran out, a VM resumed from a snapshot), once that time has come: a page dated
    ahead of now proves nothing. The one rule for every reading of a retrieval time: a prune's
    age, a citation's "Retrieved" (a sync 40 days behind had `prune --older-than 30d` evict all
    it cached, unread, the day the clock was right: acc29b T10). `served`: when the site's
    server said it answered, kept where the clock was behind (`served_time`): that moment, once
    it has come, the story's date or none (an undated item retrieved under a clock reset to
    2000 was cited "Retrieved: 2000-01-01")."""
    if served is not None and served < retrieved - CLOCK_AHEAD_BY:
        return served  # the clock was ahead, the server said by how much (`served_time`)
    if retrieved > now:
        return now
    if served is not None and retrieved + BELIEVED_AHEAD < served <= now:
        return served
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    if published is not None and retrieved + BELIEVED_AHEAD < published <= now:
        return published
    return retrieved


def stated_iso(moment: datetime) -> str:
    """ISO 8601 saying as much as is known: "2019-02-21" for a date alone, never a time at
    midnight UTC the page never gave; "2024-03-05T09:30:00", with no offset (ISO's local time),
    for a time whose zone is unknown. To the second: a JSON-LD "06:00:12.345Z" was cited as
    "06:00:12.345000+00:00", six digits of noise in every quotation pasted."""
    if date_only(moment):
        return moment.date().isoformat()
    if zone_unstated(moment):
        return moment.replace(tzinfo=None).isoformat(timespec="seconds")
    return moment.isoformat(timespec="seconds")


def in_local_time(moment: datetime) -> datetime:
    """`moment` in the reader's local time; a date alone or a time without its zone as it was
    stated (converted from the UTC it sorts as, it would be a time or a day the page never
    said)."""
    return moment.astimezone() if whole(moment) else moment


def as_local_moment(moment: datetime) -> datetime:
    """`moment` as a bound given in local time (`--since 2026-12-05`, local midnight) compares
    with it: a date alone from the start of that day here, a time without its zone as that
    wall-clock time here (at UTC, a date alone west of UTC fell before its own day: acc46a A4)."""
    if whole(moment):
        return moment
    try:
        return moment.replace(tzinfo=None).astimezone()
    except (ValueError, OverflowError):  # the system's clock goes back to 1900 at most
        return moment


def local_minute(moment: datetime | None) -> str:
    """`moment` to the minute in local time, the zone named ("2026-12-07 14:06 JST", "+0545"
    where it has no name), as the list and the reader give times: `reader feeds` and `reader
    cache` gave UTC beside them, a traveller's second clock (acc46a A9). "" for none."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.strftime('%Z') or local.strftime('%z')}"


# Years a date of publication may hold: "0001-01-01" is a CMS's empty field, not a date, and
# years at either end of what a datetime holds overflow as soon as a zone is added.
_YEARS = range(1000, 3000)


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 or RFC 822. A date alone is `DATE_ONLY`, an ISO time without a zone
    `ZONE_UNSTATED`; an RFC 822 time without one is UTC (HTTP's dates are GMT, and RFC 5322's
    "-0000" is UTC too). None for a year outside `_YEARS`, or, in Arabic or Persian digits,
    before 1900: a Hijri or Solar Hijri date ("۱۴۰۴-۰۳-۲۵"), not the Gregorian year 1404."""
    parsed = _parsed(value)
    if parsed is None or parsed.year not in _YEARS:
        return None
    if parsed.year < 1900 and value != ascii_digits(value or ""):
        return None
    return parsed


def ascii_digits(value: str) -> str:
    """`value` with every decimal digit written in ASCII: an Arabic or Persian site may write
    even its machine-readable dates in its own digits ("٢٠٢٥-٠٣-١٤", "۱۴۰۴"), which neither
    `fromisoformat` nor an RFC 822 parser reads."""
    if value.isascii():
        return value
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value)


def _parsed(value: str | None) -> datetime | None:
    if not value:
        return None
    value = ascii_digits(value.strip())
    try:
        return on_date(date.fromisoformat(value))
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZONE_UNSTATED)
    from email.utils import parsedate_to_datetime

    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def from_timestamp(seconds: object) -> datetime | None:
    """The moment of a stored time in seconds, None when there is none or it names no date a
    datetime holds (year 10000, NaN): a record written by an older version, or from a file's
    date no check bounded, must not stop every list that shows it (acc32b B14)."""
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
