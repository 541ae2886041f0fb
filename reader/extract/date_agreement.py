"""Which of a page's declared publication times to cite when they disagree by days: the one the
page's other dates agree with. A CMS may leave a draft's creation date in its JSON-LD
`datePublished` a week before the time its `<meta>`, its visible dateline and its address all
give; the earliest declared time, cited otherwise (a site's other declaration is often its
latest revision), would date the story a week early."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

# A story's day in its address: WordPress's and most papers' "/2026/12/02/", or "/2026-12-02/".
_ADDRESS_DAY = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)"
)
# How far a witness's day may be from a declared time it agrees with: a day either way, for a
# newsroom's evening in UTC's next day, or a story filed before midnight and put online after.
_NEAR_DAYS = 1
# How many of the page's other dates must agree before a declared time is set aside for them;
# one is enough when it is a date the reader sees (the article's `<time>`, its dateline): a
# citation gives the date the page prints, not one only its markup states.
_ENOUGH_WITNESSES = 2
_ENOUGH_SHOWN = 1


def address_day(url: str) -> date | None:
    """The day a story's address names, when it names one ("/news/2026/12/02/ski-sale/")."""
    found = _ADDRESS_DAY.search(url.split("?")[0])
    if found is None:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:  # 31 February
        return None


def dated_address(addresses: tuple[str, ...], fed: datetime | None) -> date | None:
    """The day the page's address names ("/2026/11/23/dredging-audit.html"), to cite as its
    publication's when the page dates itself nowhere else (`text_metadata`): many blogs and
    papers date a story only in its path (acc39a L15). None when the addresses name two days,
    or when the day is still to come: an address that is no story's date. None too for an
    item its feed dates (`fed`): the feed's date, said to be the feed's, stands in for the
    page's (`article_sources.filled_from`), to its time where the address gives the day."""
    if fed is not None:
        return None
    days = {day for url in addresses if url and (day := address_day(url)) is not None}
    if len(days) != 1:
        return None
    (day,) = days
    if day > datetime.now(UTC).date() + timedelta(days=_NEAR_DAYS):
        return None
    return day


def agreed_publication(
    declared: list[datetime],
    witnesses: Callable[[], tuple[list[date], list[date]]],
    revisions: list[datetime],
) -> list[datetime]:
    """The `declared` publication times the page's other dates agree with, when they fall on
    days apart and some have several witnesses, or one the page shows, while others have none
    (`witnesses()`: the days its markup and address give, and those it shows, its dateline's,
    its article's `<time>`, or its feed gives the item; asked only then); `declared` as it is
    otherwise. A JSON-LD
    `datePublished` a template left from 2019 beside the `<meta>` and the `<time>` under the
    byline saying 2026-11-02 was cited as 2019, with the real date as an update (acc34b D1).
    A declared time that is one of the `revisions` is not the publication however many dates
    agree with it (NBC declares its latest revision in article:published_time)."""
    if len({t.date() for t in declared}) < 2:
        return declared
    stated, shown = witnesses()

    def support(moment: datetime, days: list[date]) -> int:
        return sum(abs((day - moment.date()).days) <= _NEAR_DAYS for day in days)

    agreed = [
        t
        for t in declared
        if t not in revisions
        and (support(t, stated + shown) >= _ENOUGH_WITNESSES or support(t, shown) >= _ENOUGH_SHOWN)
    ]
    if agreed and any(support(t, stated + shown) == 0 for t in declared):
        return agreed
    return declared
