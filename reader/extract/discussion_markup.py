"""How the discussion sites' readers find a post's parts in a page's markup: a class among an
element's classes, the first element a path finds, an element's words as one safe line, and a
post's time from the attribute a site writes it in."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime

from lxml.html import HtmlElement

from ..dates import parse_datetime
from ..safe import safe_line
from ..text_shape import one_line
from .discussions import when


def has_class(name: str) -> str:
    """An XPath test that an element's class list holds `name`: the plain search first, the
    costly whole-token one only on the few classes it finds (asked of every element of every
    page read, the token test alone was 2 ms a page)."""
    return (
        f'contains(@class, "{name}") and '
        f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'
    )


def first(el: HtmlElement, path: str) -> HtmlElement | None:
    found = el.xpath(path)
    return found[0] if found else None


def text_of(el: HtmlElement | None) -> str:
    """An element's words as one line of plain text (a name, a title)."""
    return safe_line(one_line(el.text_content())) if el is not None else ""


# Stack Overflow's tooltip times: "2026-11-30 12:01:02Z", a space where ISO puts its "T".
_SPACED_TIME = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d)")


def post_time(value: str | None) -> datetime | None:
    """A post's time from its attribute. Hacker News's tooltip gives the time without its zone
    and then the Unix time ("2026-12-02T18:11:09 1796235069"): the latter says it whole."""
    parts = (value or "").split()
    if len(parts) == 2 and parts[1].isdigit():
        try:
            return datetime.fromtimestamp(int(parts[1]), UTC)
        except (OverflowError, OSError, ValueError):
            pass
    return when(_SPACED_TIME.sub(r"\1T\2", (value or "").strip()))


# A tooltip's time in words, as new reddit writes it under "3 hr. ago": "Thursday, December 3,
# 2026 at 7:02:11 PM UTC". The RFC 822 parser reads the date but drops "PM".
_WORDED_TIME = re.compile(
    r"^(?:[A-Za-z]+,\s*)?(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})\s+(?:at\s+)?"
    r"(?P<hour>\d{1,2}):(?P<minute>\d\d)(?::(?P<second>\d\d))?\s*(?P<half>[AaPp][Mm])"
    r"\s*(?P<zone>UTC|GMT)$"
)
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}


def _worded_time(value: str) -> datetime | None:
    found = _WORDED_TIME.match(" ".join(value.split()))
    month = _MONTHS.get(found["month"].lower()) if found else None
    if found is None or month is None:
        return None
    hour = int(found["hour"]) % 12 + (12 if found["half"].lower() == "pm" else 0)
    try:
        return datetime(
            int(found["year"]),
            month,
            int(found["day"]),
            hour,
            int(found["minute"]),
            int(found["second"] or 0),
            tzinfo=UTC,
        )
    except ValueError:
        return None


# Where a post's time element writes its moment, most exact first: HTML's `datetime`, reddit's
# `ts` (faceplate-timeago) and `created-timestamp`, and last a tooltip's `title`.
_TIME_ATTRIBUTES = ("datetime", "ts", "created-timestamp", "created", "title")


def stated_time(el: HtmlElement | None) -> datetime | None:
    """The moment `el` (a post, or its time element) states in an attribute, or None. Never
    from its words: "3 hr. ago" says nothing of when without the time the page was served,
    and a guess would cite a comment at the wrong hour."""
    if el is None:
        return None
    for name in _TIME_ATTRIBUTES:
        value = (el.get(name) or "").strip()
        if value:
            # Worded first: the RFC 822 parser would read its "7:02 PM" as 07:02.
            moment = _worded_time(value) or parse_datetime(value) or post_time(value)
            if moment is not None:
                return moment
    return None
