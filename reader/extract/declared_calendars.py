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

from datetime import datetime

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


def in_common_era(moment: datetime, language: str, address: str) -> datetime | None:
    """`moment`, a date a page declares, in the Gregorian calendar: as it is when its year is
    one; converted from the Solar Hijri or the Buddhist Era when the page's `language` or its
    `address` names the calendar; None when its year is another calendar's that they don't."""
    year = moment.year
    if year in _HIJRI_YEARS:
        if _base(language) not in _PERSIAN and _top(address) not in _PERSIAN_HOSTS:
            return None
        if moment.day > (31 if moment.month <= 6 else 30):
            return None
        day = gregorian(year, moment.month, moment.day)
        return datetime.combine(day, moment.timetz())
    if year in _BUDDHIST_YEARS and year > datetime.now().year + 1:
        if _base(language) != "th" and _top(address) != "th":
            return None
        try:
            return moment.replace(year=common_era(year))
        except ValueError:  # the 29th of February of a year that is no leap year in the other
            return None
    return moment
