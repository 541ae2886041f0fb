"""When the article was published and last updated, as the page declares it: `<meta>`,
OpenGraph, JSON-LD, parse.ly, microdata, `<time>`, and its datelines' text last (`text_dates`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from lxml.html import HtmlElement

from ..dates import date_only, falls_on, parse_datetime, whole, zone_unstated
from .byline import byline_place, elsewhere_in_article, in_article
from .date_agreement import address_day, agreed_publication
from .month_names import UPDATED_WORDS, UPDATED_WORDS_CJK
from .text_dates import dateline_dates_and_clock, text_dates, text_times
from .written_dates import on_the_day, parse_text_date

# The label of a revision's `<time>`, just before it: "Last updated <time datetime=…>".
_UPDATED_LABEL = re.compile(
    rf"(?:\b{UPDATED_WORDS}|{UPDATED_WORDS_CJK})\W*(?:on|at|le|am|el|il|em|op)?\W*$",
    re.IGNORECASE,
)


_OPENS_UPDATED = re.compile(rf"\s*(?:{UPDATED_WORDS}\b|{UPDATED_WORDS_CJK})", re.IGNORECASE)


def _before(moment: datetime, other: datetime) -> bool:
    """`moment` is before `other`: by their days when either lacks its time or its zone."""
    if whole(moment) and whole(other):
        return moment < other
    return moment.date() < other.date()


def _parsed(*values: Any) -> list[datetime]:
    """The times among `values` (strings, or whatever else a JSON-LD value may be) that read
    as one, in order."""
    return [t for v in values if isinstance(v, str) and (t := _declared_time(v)) is not None]


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


# The page's elements read for its times are picked by their tag (`iter`) or found from their
# attribute (`_holders`): an XPath testing every element for them cost a demo page 0.3 ms of
# its 15, on every page.


def _holders(doc: HtmlElement, attribute: str) -> list[HtmlElement]:
    """The elements with `attribute`, in the page's order."""
    return [value.getparent() for value in doc.xpath(f"//@{attribute}")]


def _datetimes(doc: HtmlElement) -> list[HtmlElement]:
    """The `<time>`s with a `datetime`, in the page's order."""
    return [el for el in doc.iter("time") if el.get("datetime") is not None]


def _itemprop_times(doc: HtmlElement) -> dict[str, str]:
    """The first microdata time of each name (`datePublished`, `dateModified`) on an element
    other than `<meta>` (which `_meta_values` reads): a `<time itemprop=…>`'s `datetime`, or the
    `content` CNET puts on its `<time>` where the standard wants `datetime`. Not a comment's."""
    times: dict[str, str] = {}
    # Elements with an itemprop are few; a test of every element's attribute by XPath string
    # functions cost a millisecond a page. One pass serves every name.
    for el in _holders(doc, "itemprop"):
        if el.tag == "meta" or (el.get("datetime") is None and el.get("content") is None):
            continue
        names = [n for n in el.get("itemprop", "").split() if n not in times]
        if not names or of_another_item(el):
            continue
        value = (el.get("datetime") or el.get("content") or "").strip()
        if value:
            times.update(dict.fromkeys(names, value))
    return times


def _rdfa_times(doc: HtmlElement) -> dict[str, str]:
    """The first RDFa time of each name (`dc:date`, `dc:created`) on an element other than
    `<meta>`: Drupal prints its node's `<span property="dc:date dc:created" content="…">` around
    "Submitted by … on Thu, 04/06/2026 - 09:12", the page's only date. Not a comment's (Drupal
    types each `sioct:Comment` and dates it the same way)."""
    times: dict[str, str] = {}
    for el in _holders(doc, "property"):
        if el.tag == "meta" or el.get("content") is None:
            continue
        names = [n.lower() for n in el.get("property", "").split()]
        names = [n for n in names if n in _RDFA_DATES and n not in times]
        if not names or of_another_item(el):
            continue
        value = el.get("content", "").strip()
        if value:
            times.update(dict.fromkeys(names, value))
    return times


_RDFA_DATES = frozenset({"dc:date", "dc:created", "dcterms:created"})


# The items on a page whose times are not the article's: a reader's comment, an answer
# (WordPress and Genesis mark each comment's time `itemprop="datePublished"` too), and a review
# or comment held as a property of the page's item. A review that is the page's own item (a film
# review typed `Review`) is the article.
_RESPONSE_TYPE = re.compile(r"comment|answer", re.IGNORECASE)
_RESPONSE_PROPERTY = re.compile(r"comment|review|answer", re.IGNORECASE)


# Items with times of their own (an upload, a recording) that a story holds as a property.
_MEDIA_TYPE = re.compile(r"(?:Video|Image|Audio|Media|Music|3DModel)Object|Clip\b|Photograph")


def of_another_item(el: HtmlElement) -> bool:
    """`el` is a property of an item other than the article: one in a place that holds other
    stories (a "related" box, a sidebar), a comment's (a review's, an answer's; a microdata
    item, or an RDFa one by its `typeof`), or a picture's or a video's held as a property of
    another item (Yahoo's `itemprop="video"` VideoObject, whose upload time comes before the
    story's own)."""
    if byline_place(el) == 2 or _of_a_response(el):  # a related story's, a sidebar's
        return True
    # A person or a publisher has no time of its own: a time in one is the article's, marked
    # up inside its author's item (CNET's byline).
    item = next((i for i in (el, *el.iterancestors()) if i.get("itemscope") is not None), None)
    return (
        item is not None
        and bool(item.get("itemprop"))
        and bool(_MEDIA_TYPE.search(item.get("itemtype") or ""))
    )


def _of_a_response(el: HtmlElement) -> bool:
    """`el` is in a comment's (a review's, an answer's) item: a microdata item by its type or
    the property it is of the page's item, or an RDFa one by its `typeof`."""
    for node in (el, *el.iterancestors()):
        if _RESPONSE_TYPE.search(node.get("typeof") or ""):
            return True
        if node.get("itemscope") is not None and (
            _RESPONSE_TYPE.search(node.get("itemtype") or "")
            or _RESPONSE_PROPERTY.search(node.get("itemprop") or "")
        ):
            return True
    return False


def _own_time(doc: HtmlElement) -> str | None:
    """The `datetime` of the article's own `<time>`: the first inside the article, else the
    first not in a place that holds other stories' (a related box, a navigation bar). When
    every one is in such a place by its names, the first inside the article: a layout without
    `<main>` may name the box round the whole article for its sidebar ("container
    has-sidebar"), and the page's first `<time>` was its date before places were told apart;
    not one in such a place inside the article (a related box's, a quotation's)."""
    found = _datetimes(doc)
    times = [el for el in found if byline_place(el) < 2]
    own = next((el for el in times if in_article(el)), times[0] if times else None)
    if own is None:
        own = next(
            (
                el
                for el in found
                if in_article(el) and not elsewhere_in_article(el) and not _of_a_response(el)
            ),
            None,
        )
    return own.get("datetime") if own is not None else None


def _labelled_update_time(doc: HtmlElement) -> str | None:
    """The `datetime` of the article's `<time>` its text labels a revision ("Published <time>
    · Last updated <time datetime=…>", or "<time datetime=…>Last updated: …</time>"): a page
    that declares no `dateModified` says it so."""
    for el in _datetimes(doc):
        before = el.getprevious()
        label = before.tail if before is not None else el.getparent().text  # type: ignore[union-attr]
        # The label's end only: a `<time>` inside a paragraph follows its whole text. Or the
        # label opens the `<time>`'s own words: Al Arabiya's "آخر تحديث: 03 ديسمبر ,2026…".
        labelled = (label and _UPDATED_LABEL.search(label[-40:])) or _says_its_update(el)
        if labelled and not of_another_item(el):
            return el.get("datetime")
    return None


def _says_its_update(time: HtmlElement) -> bool:
    """The `<time>`'s own words open with "Updated" and state no other moment than its
    `datetime` (or none that reads): FAZ's `<time datetime="…07:25…">Aktualisiert am
    03.12.2026 - 08:02</time>` declares the publication and says the update."""
    shown = time.text_content()
    if not _OPENS_UPDATED.match(shown):
        return False
    said, declared = parse_text_date(shown), parse_datetime(time.get("datetime") or "")
    if said is None or declared is None:
        return True
    if said.date() != declared.date():
        return False
    return date_only(said) or (said.hour, said.minute) == (declared.hour, declared.minute)


# hAtom's time of a post: a `<time datetime>`, or the `<abbr title>` of the microformat's
# older pattern (Blogger's `<abbr class="published" title="2026-11-30T18:22:00Z">18:22</abbr>`,
# whose text is the time of day alone).
def _hatom_times(doc: HtmlElement, name: str) -> list[HtmlElement]:
    """The `<time datetime>`s and `<abbr title>`s of the class `name`, in the page's order."""
    return [
        el
        for el in doc.iter("time", "abbr")
        if el.get("datetime" if el.tag == "time" else "title") is not None
        and f" {name} " in f" {el.get('class', '')} "
    ]


def _hatom_value(el: HtmlElement) -> str:
    return (el.get("datetime") if el.tag == "time" else el.get("title")) or ""


def _hentry_published_time(doc: HtmlElement) -> str | None:
    """The time of the article's hAtom `published` element, not a comment's nor another post's
    (a sidebar's list of recent posts)."""
    for el in _hatom_times(doc, "published"):
        if not of_another_item(el):
            return _hatom_value(el)
    return None


def _hentry_update_time(doc: HtmlElement) -> str | None:
    """The time of the article's hAtom `updated` element beside its publication's (WordPress
    themes' `time.entry-date.published` then `time.updated`, an `<abbr>` in older ones). A post
    never revised has one element of both classes: its publication, no revision. One alone
    (a sidebar's list of recent posts) dates another post."""
    for el in _hatom_times(doc, "updated"):
        parent = el.getparent()
        if "published" in (el.get("class") or "").split() or parent is None:
            continue
        beside = [t for t in parent.iter("time", "abbr") if t is not el]
        if any("published" in (t.get("class") or "").split() for t in beside) and not (
            of_another_item(el)
        ):
            return _hatom_value(el)
    return None


def article_dates(
    doc: HtmlElement,
    meta: dict[str, str],
    ld: dict[str, Any],
    parsely: dict[str, Any],
    language: str = "",
    addresses: tuple[str, ...] = (),
) -> tuple[datetime | None, datetime | None]:
    """When the page was first published and last updated, as it declares them; its datelines
    read as a page in `language` writes them ("03/12/2026" day first in Indonesian).
    `addresses`, the page's own (its link, its canonical), may name its day."""
    # Both declared and different: the earlier is the first publication, the one a citation
    # gives; sites put the latest revision in one of them (NBC its dateModified in
    # article:published_time, Medium its last republishing).
    microdata = _itemprop_times(doc)
    rdfa = _rdfa_times(doc)
    declared = _parsed(
        meta.get("article:published_time"),
        ld.get("datePublished"),
        # A live blog's: when its coverage began.
        ld.get("coverageStartTime"),
        # GOV.UK's: its first publication (its other dates are of the latest change).
        meta.get("govuk:first-published-at"),
    )
    less_formal = _parsed(
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
    modified = _parsed(
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

    def witnesses() -> list[date]:
        said = text_dates(doc, language)[0]
        return [
            *(day for url in dict.fromkeys(addresses) if (day := address_day(url))),
            *(t.date() for t in (said, *less_formal) if t is not None),
        ]

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
        for t in _parsed(
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
