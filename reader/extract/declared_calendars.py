"""A date a page declares in a machine-readable field (article:published_time, JSON-LD's
`datePublished`, a `<time datetime>`) whose year is another calendar's: Iranian CMSes write the
Solar Hijri "1405-09-14T10:30:00+03:30" (5 December 2026) where ISO 8601 wants the Gregorian
date, Thai ones the Buddhist Era's "2569-12-03" (3 December 2026). Read as the year it is, the
story was cited as published in 1405 AD, or dated 543 years ahead and no date at all (acc38a J19).

Converted where the page's language or address says which calendar it is (Persian, or an `.ir`
or `.af` host; Thai, or a `.th` host) and the conversion is exact (the Solar Hijri arithmetic of
`solar_hijri`, the Buddhist Era 543 years ahead); else no date, so that the date the page
prints, read from its text, is cited instead: a lunar Hijri year (1448) has no exact arithmetic.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_tz

from ..dates import ZONE_UNSTATED, ascii_digits, on_date
from ..urls import site_of
from .date_patterns import common_era
from .solar_hijri import gregorian

# The years of the Solar and the lunar Hijri calendars over the last century and the next, which
# no news story's Gregorian year is.
_HIJRI_YEARS = range(1300, 1500)
# Of the Buddhist Era: 1900 to 2099.
_BUDDHIST_YEARS = range(2443, 2643)
_PERSIAN = ("fa", "prs", "ps")
_PERSIAN_HOSTS = ("ir", "af")


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].casefold()


def _top(address: str) -> str:
    return site_of(address).casefold().rsplit(".", 1)[-1] if address else ""


def _common_day(year: int, month: int, day: int, language: str, address: str) -> date | None:
    """The Gregorian day of `year`, `month`, `day`, a Solar Hijri or Buddhist Era one when
    `language` or `address` names that calendar; None when neither does, or it is no day."""
    if year in _HIJRI_YEARS:
        if _base(language) not in _PERSIAN and _top(address) not in _PERSIAN_HOSTS:
            return None
        if not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
            return None
        return gregorian(year, month, day)
    if _base(language) != "th" and _top(address) != "th":
        return None
    try:
        return date(common_era(year), month, day)
    except ValueError:  # the 29th of February of a year that is no leap year in the other
        return None


def _other_calendar(year: int) -> bool:
    return year in _HIJRI_YEARS or (year in _BUDDHIST_YEARS and year > datetime.now().year + 1)


def in_common_era(moment: datetime, language: str, address: str) -> datetime | None:
    """`moment`, a date a page declares, in the Gregorian calendar: as it is when its year is
    one; converted from the Solar Hijri or the Buddhist Era when the page's `language` or its
    `address` names the calendar; None when its year is another calendar's that they don't."""
    if not _other_calendar(moment.year):
        return moment
    day = _common_day(moment.year, moment.month, moment.day, language, address)
    return datetime.combine(day, moment.timetz()) if day is not None else None


# A declared date as ISO 8601 writes one, read figure by figure: "1405-02-31" (the Solar Hijri's
# first six months have 31 days) is no date Python's Gregorian parsers read.
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"
    r"(?:[T ](?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:[.,]\d+)?)?"
    r"\s*(?P<zone>Z|[+-]\d\d:?\d\d)?)?"
)


def written_in_common_era(written: str, language: str, address: str) -> datetime | None:
    """The moment `written` (ISO 8601 or RFC 822: a page's declared date, a feed item's)
    states when its year is another calendar's, read from its own figures and converted as
    `in_common_era` converts; None when it is in neither form, its year is the Gregorian one,
    or `language` and `address` name no calendar it can be. Read as written, not after a
    parser took it to UTC: "1405-07-01T01:00+03:30" is the 30th of the sixth month in UTC by
    the Gregorian months' lengths, a day off in the Solar Hijri's 31-day months, and the 1st of
    the third month was put three days back (a Gregorian February's 28th)."""
    value = ascii_digits(written.strip())
    if found := _ISO.fullmatch(value):
        year, month, day = int(found["year"]), int(found["month"]), int(found["day"])
        if not _other_calendar(year):
            return None
        common = _common_day(year, month, day, language, address)
        if common is None or found["hour"] is None:
            return on_date(common) if common is not None else None
        zone = found["zone"]
        tz: tzinfo
        if zone is None:
            tz = ZONE_UNSTATED
        elif zone == "Z":
            tz = UTC
        else:
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = int(zone[1:3]), int(zone[-2:])
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
        hour, minute, second = int(found["hour"]), int(found["minute"]), int(found["second"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            return None
        return datetime.combine(common, time(hour, minute, second, tzinfo=tz))
    said = parsedate_tz(value) if value else None
    if said is None or not _other_calendar(said[0]):
        return None
    common = _common_day(said[0], said[1], said[2], language, address)
    if common is None or not (said[3] <= 23 and said[4] <= 59 and said[5] <= 59):
        return None
    offset = timezone(timedelta(seconds=said[9] or 0))  # RFC 822's without a zone is UTC
    return datetime.combine(common, time(said[3], said[4], said[5], tzinfo=offset))
