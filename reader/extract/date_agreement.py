"""Which of a page's declared publication times to cite when they disagree by days: the one the
page's other dates agree with. A CMS may leave a draft's creation date in its JSON-LD
`datePublished` a week before the time its `<meta>`, its visible dateline and its address all
give; the earliest declared time, cited otherwise (a site's other declaration is often its
latest revision), would date the story a week early."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

# A story's day in its address: WordPress's and most papers' "/2026/12/02/", or "/2026-12-02/".
_ADDRESS_DAY = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)"
)
# How far a witness's day may be from a declared time it agrees with: a day either way, for a
# newsroom's evening in UTC's next day, or a story filed before midnight and put online after.
_NEAR_DAYS = 1
# How many of the page's other dates must agree before a declared time is set aside for them.
_ENOUGH_WITNESSES = 2


def address_day(url: str) -> date | None:
    """The day a story's address names, when it names one ("/news/2026/12/02/ski-sale/")."""
    found = _ADDRESS_DAY.search(url.split("?")[0])
    if found is None:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:  # 31 February
        return None


def agreed_publication(
    declared: list[datetime],
    witnesses: Callable[[], list[date]],
    revisions: list[datetime],
) -> list[datetime]:
    """The `declared` publication times the page's other dates agree with, when they fall on
    days apart and some have several witnesses (`witnesses()`: its address's day, its
    dateline's, its `<time>`'s, asked only then) while others have none; `declared` as it is
    otherwise. A declared time that is one of the `revisions` is not the publication however
    many dates agree with it (NBC declares its latest revision in article:published_time)."""
    if len({t.date() for t in declared}) < 2:
        return declared
    days = witnesses()

    def support(moment: datetime) -> int:
        return sum(abs((day - moment.date()).days) <= _NEAR_DAYS for day in days)

    agreed = [t for t in declared if support(t) >= _ENOUGH_WITNESSES and t not in revisions]
    if agreed and any(support(t) == 0 for t in declared):
        return agreed
    return declared
