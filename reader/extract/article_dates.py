"""When the article was published and last updated, as the page declares it: `<meta>`,
OpenGraph, JSON-LD, parse.ly, microdata, `<time>`, and its datelines' text last (`text_dates`).
The times its elements mark up (microdata, RDFa, hAtom, its own `<time>`) are found in
`marked_times`; here they are weighed against the rest.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from lxml.html import HtmlElement

from ..dates import date_only, falls_on, parse_datetime, whole, zone_unstated
from .date_agreement import address_day, agreed_publication
from .declared_calendars import in_common_era, written_in_common_era
from .marked_times import (
    _hentry_published_time,
    _hentry_update_time,
    _itemprop_times,
    _labelled_update_time,
    _own_time,
    _rdfa_times,
)
from .text_dates import dateline_dates_and_clock, text_dates, text_times
from .written_dates import on_the_day, parse_text_date


def _before(moment: datetime, other: datetime) -> bool:
    """`moment` is before `other`: by their days when either lacks its time or its zone."""
    if whole(moment) and whole(other):
        return moment < other
    return moment.date() < other.date()


def _parsed(*values: Any, language: str = "", address: str = "") -> list[datetime]:
    """The times among `values` (strings, or whatever else a JSON-LD value may be) that read
    as one, in order; in the Gregorian calendar, as a page in `language` at `address` writes
    another's year (`in_common_era`, `written_in_common_era`: "1405-02-31" too, a Solar Hijri
    day no Gregorian month has)."""
    return [
        c
        for v in values
        if isinstance(v, str) and (c := _in_common_era(v, language, address)) is not None
    ]


def _in_common_era(value: str, language: str, address: str) -> datetime | None:
    declared = _declared_time(value)
    if declared is not None and in_common_era(declared, language, address) is declared:
        return declared  # a Gregorian year
    said = written_in_common_era(value, language, address)
    if said is not None or declared is None:
        return said
    return in_common_era(declared, language, address)


# A Unix time in seconds or milliseconds, as some CMSs declare one ("1709631000").
_UNIX_TIME = re.compile(r"\d{9,10}|\d{12,13}")
# A declared date written in words ("March 5, 2024", "5 March 2024") is this long at most: a
# longer value is a sentence that may name other days.
_WORDED_DATE = 40
# Unix times from before the web's first news sites, or ahead of now, are some other number.
_FIRST_UNIX_YEAR = 1995


def _declared_time(value: str) -> datetime | None:
    """The time a declaration states: ISO 8601 or RFC 822 as the standards want, else a Unix
    time ("1709631000") or a date in words ("March 5, 2024"), which some CMSs put in
    `datePublished` and article:published_time."""
    parsed = parse_datetime(value)
    if parsed is not None:
        return parsed
    value = value.strip()
    if _UNIX_TIME.fullmatch(value):
        seconds = int(value) / (1000 if len(value) > 10 else 1)
        moment = datetime.fromtimestamp(seconds, UTC)
        if moment.year >= _FIRST_UNIX_YEAR and moment <= datetime.now(UTC) + timedelta(days=1):
            return moment
        return None
    if len(value) <= _WORDED_DATE and not value.isdigit():
        return parse_text_date(value)
    return None


def _with_time(chosen: datetime | None, found: list[datetime]) -> datetime | None:
    """`chosen`, or the first of `found` saying the same moment more fully, however the order
    of preference put them: the time of a moment on its date when `chosen` is a date alone (the
    New York Times' `<time datetime="2019-02-21">` beside its `itemprop="datePublished"`
    08:00:08Z), the zone of its wall-clock time when it has none (Folha's
    article:published_time "2018-12-21 12:55:00" beside its JSON-LD's "2018-12-21T12:55:00Z")."""
    if chosen is not None and date_only(chosen):
        day = chosen
        chosen = next((t for t in found if not date_only(t) and falls_on(t, day)), chosen)
    if chosen is not None and zone_unstated(chosen):
        wall_clock = chosen.replace(tzinfo=None)
        chosen = next(
            (t for t in found if whole(t) and t.replace(tzinfo=None) == wall_clock), chosen
        )
    return chosen


def _more_fully(declared: datetime | None, said: datetime | None) -> datetime | None:
    """`said`, when it is `declared`'s day, a date alone, with its time; `declared` else."""
    if declared is None or said is None or not date_only(declared) or date_only(said):
        return declared
    return said if said.date() == declared.date() else declared


def update_in_publications_zone(
    published: datetime | None, updated: datetime | None
) -> datetime | None:
    """`updated`, a time stated without a zone (or with one it can't name: Times of India's
    "Updated: Dec 3, 2026, 10:21 IST", IST being India's, Ireland's or Israel's), in the zone
    of the `published` time the page declares whole: a site writes its times in one zone. None
    when it is then the publication itself, which no update it is."""
    if published is None or updated is None or not zone_unstated(updated) or not whole(published):
        return updated
    updated = updated.replace(tzinfo=published.tzinfo)
    return None if updated == published else updated


def _in_the_texts_zone(moment: datetime | None, said: list[datetime]) -> datetime | None:
    """`moment`, a wall-clock time the markup gives without its zone, in the zone a dateline
    gives the same time with (CNN's `<meta name="date" content="2016-02-01 01:28:49">` beside
    "First published February 1, 2016: 1:28 AM ET"): to the minute, as a dateline writes it."""
    if moment is None or not zone_unstated(moment):
        return moment
    wall_clock = moment.replace(tzinfo=None)
    minute = wall_clock.replace(second=0, microsecond=0)
    return next(
        (wall_clock.replace(tzinfo=t.tzinfo) for t in said if t.replace(tzinfo=None) == minute),
        moment,
    )


def article_dates(
    doc: HtmlElement,
    meta: dict[str, str],
    ld: dict[str, Any],
    parsely: dict[str, Any],
    language: str = "",
    addresses: tuple[str, ...] = (),
    fed: datetime | None = None,
) -> tuple[datetime | None, datetime | None]:
    """When the page was first published and last updated, as it declares them; its datelines
    read as a page in `language` writes them ("03/12/2026" day first in Indonesian).
    `addresses`, the page's own (its link, its canonical), may name its day; `fed`, the date
    the item's feed gives it, is a witness among the page's own declarations, never a date of
    its own (`date_agreement`)."""
    # Both declared and different: the earlier is the first publication, the one a citation
    # gives; sites put the latest revision in one of them (NBC its dateModified in
    # article:published_time, Medium its last republishing).
    microdata = _itemprop_times(doc)
    rdfa = _rdfa_times(doc)

    def parsed(*values: Any) -> list[datetime]:
        return _parsed(*values, language=language, address=next(iter(addresses), ""))

    declared = parsed(
        meta.get("article:published_time"),
        ld.get("datePublished"),
        # A live blog's: when its coverage began.
        ld.get("coverageStartTime"),
        # GOV.UK's: its first publication (its other dates are of the latest change).
        meta.get("govuk:first-published-at"),
    )
    less_formal = parsed(
        meta.get("parsely-pub-date"),
        parsely.get("pub_date"),
        # Not OpenGraph's, but what Mastodon's servers declare of a post.
        meta.get("og:published_time"),
        # Kompas's CMS's, and cXense's (Japanese papers'), when no standard tag says.
        meta.get("content_publisheddate"),
        meta.get("cxenseparse:publishtime"),
        # A paper's, in Highwire's and Google Scholar's tags ("2026/03/02", "2026-03-02"): the
        # publication's, then the day it went online, then the one the tag names loosely.
        meta.get("citation_publication_date"),
        meta.get("citation_online_date"),
        meta.get("citation_date"),
        meta.get("date"),
        meta.get("pubdate"),
        meta.get("dc:date"),
        meta.get("dc:date:issued"),
        meta.get("dcterms:created"),
        meta.get("datepublished"),
        microdata.get("datePublished"),
        rdfa.get("dc:date") or rdfa.get("dc:created") or rdfa.get("dcterms:created"),
        _hentry_published_time(doc),
        _own_time(doc),
    )
    found = declared + less_formal
    declared = [_with_time(t, found) for t in declared]
    modified = parsed(
        meta.get("article:modified_time"),
        ld.get("dateModified"),
        meta.get("datemodified"),
        microdata.get("dateModified"),
        _labelled_update_time(doc),
        _hentry_update_time(doc),
        # GOV.UK's: the change it shows readers as "Last updated", then any change at all.
        meta.get("govuk:public-updated-at"),
        meta.get("govuk:updated-at"),
        # Yoast's and Rank Math's, of the page rather than the article: the last resort.
        meta.get("og:updated_time"),
    )

    def witnesses() -> tuple[list[date], list[date]]:
        said = text_dates(doc, language)[0]
        # A `<time>` labelled a revision is among the `modified`, which no witness makes the
        # publication.
        own = parsed(_own_time(doc))
        shown = [t.date() for t in (said, *own) if t is not None]
        stated = [
            *(day for url in dict.fromkeys(addresses) if (day := address_day(url))),
            *(t.date() for t in less_formal if t is not None),
        ]
        # The `<time>` is among the less formal times too: counted once, as shown.
        for day in shown[len(shown) - len(own) :]:
            if day in stated:
                stated.remove(day)
        # The feed's date for the item, which its publisher's system gives apart from the page's
        # markup: as good a witness as a date the page shows.
        return stated, [*shown, *([fed.date()] if fed is not None else [])]

    # Declared times days apart: the one the page's other dates agree with, else the earliest.
    declared = agreed_publication(declared, witnesses, modified)
    published = _with_time(min(declared, default=None) or next(iter(less_formal), None), found)
    # A revision is after the publication: a modified time before it (a template's, or the
    # time the article was drafted) dates no update, and would cite one a day before.
    modified = [t for t in modified if published is None or not _before(t, published)]
    # Der Spiegel's `<meta name="last-modified">`, Dublin Core's `dcterms.modified`: less
    # formal, so only where nothing above says, and not before the publication (a page's own
    # build time may be any time).
    modified = modified or [
        t
        for t in parsed(
            meta.get("last-modified"), meta.get("dcterms:modified"), meta.get("dc:date:modified")
        )
        if published is None or t >= published
    ]
    # The later of two declared publications is a revision when nothing else says so.
    revised = max(declared) if declared and max(declared) > min(declared) else None
    updated = _with_time(next(iter(modified), None) or revised, modified)
    if any(t is not None and zone_unstated(t) for t in (published, updated)):
        said = text_times(doc, language)
        published, updated = _in_the_texts_zone(published, said), _in_the_texts_zone(updated, said)
    if published is None or updated is None or date_only(published):
        # The text second: a dateline is what the page says when its markup says nothing.
        said_published, said_updated, clock = dateline_dates_and_clock(doc, language)
        # A date alone declared (a schema plugin's "2026-12-03"), its time and zone in the
        # dateline of the same day ("Dec. 3, 2026 at 9:05 a.m. EST"): the moment more fully.
        published = _more_fully(published, said_published) or said_published
        # Later than the publication: the same time again ("Updated: … 10:21 IST" under a
        # publication at 10:21+05:30) is no revision.
        if updated is None and said_updated and (published is None or said_updated > published):
            updated = said_updated
        if updated is None and clock is not None:
            # "آخر تحديث: 14:05 بتوقيت الإمارات" under the day's date: that day's revision.
            updated = on_the_day(published, clock)
    return published, update_in_publications_zone(published, updated)
