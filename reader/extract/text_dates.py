"""The article's dates as its text writes them ("Published 3 March 2026, 14:05 GMT", "Updated
March 4, 2026 9:00 a.m. ET", "3 марта 2026, 14:05", "2026年3月3日 14時05分"), for a page that
declares none in its markup: this module finds the page's datelines; `written_dates` reads
the words of each.

Only a date the text states whole is read: "2 hours ago" or "yesterday" are true only on the
day the page was read, and a citation that turned them into a date would give a wrong one; an
"Updated 14:05" is read only as a revision on the day the page dates its publication. A time is kept with the zone the text names, or with none (never the reader's); a
date alone stays a date. The text is a dateline's: a `<time>` without `datetime`, an element
named for a date or a byline, in the article or right under its headline (or, elsewhere,
labelled "Published"/"Updated": a site's header shows today's date unlabelled).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from itertools import islice

from lxml.html import HtmlElement

from ..dates import whole
from .byline import byline_place, in_article
from .furniture import names_of
from .over_headline import over_the_headline, page_headlines
from .written_dates import UpdateClock, _past, labelled_dates
from .zone_country import placed_language

# On an element's class or id: a dateline, or a byline that holds the date. Not a "candidate"
# box or a "timeline": their dates are their entries'.
_DATE_HINT = re.compile(
    r"(?<!candi)date|time(?!line)|publish|posted|updated|byline|meta", re.IGNORECASE
)
# A writer's line, which may give the dates after the names with their labels: Ynet's "מאת …
# | פורסם: 02.12.26, 18:40 | עודכן: …" in a `div.author-line`. Only labelled dates count: an
# author's box may say when the writer joined.
_AUTHOR_HINT = re.compile(r"author", re.IGNORECASE)
_SKIP_TAGS = frozenset(["script", "style", "head", "html", "body", "meta", "link"])
# Where a date is a photo's, a quotation's or a table's, not the article's ("image-meta": "Taken
# 3 March 1998").
_OTHER_TEXT = frozenset(["figure", "figcaption", "blockquote", "table", "caption"])
# A dateline is a line; an element with more words holds more than one.
_MAX_WORDS = 30
# A life's dates, an obituary's "born 3 May 1941; died 12 November 2026" in a `p.dates` box: the
# subject's days, never the article's publication (acc39a L16: the obituary was cited as
# published in 1941). Whole words ("NATO", "Ph.D." are none).
_LIFE_DATES = re.compile(
    r"(?<!\w)(?:born|died|née?|geboren|gestorben|nacid[oa]|fallecid[oa]|décédée?)(?!\w)",
    re.IGNORECASE,
)


# A site's masthead, which may set its name in an `<h1>` beside the day's date.
_MASTHEAD = re.compile(r"logo|brand|masthead|site.?(?:title|name)|header", re.IGNORECASE)
_MASTHEAD_TAGS = frozenset(["header", "nav"])


# How far before a dateline the headline may be among its siblings (a standfirst, a picture,
# the byline between: The Hindu's `h1`, `h2.sub-title`, `div.author-name`, then
# `p.publish-time-new`), and how many words a sibling between may hold: more is the text of
# something else, after which a date is not the headline's.
_HEADER_SIBLINGS = 4
_HEADER_SIBLING_WORDS = 60


def _under_the_headline(el: HtmlElement, long: dict[HtmlElement, bool] | None = None) -> bool:
    """`el` is in the article's header, under the page's headline, or in it: a portal's
    "2017-03-10 09:58 来源：…" right after its `<h1 id="articleTitle">`, in no `<article>`; The
    Hindu's date line a standfirst and a byline below its `<h1>`; Caixin's `span.time` beside
    the byline in a box below it. Not a masthead's `<h1>`. `long` keeps which siblings were
    found too long, for the page's next dateline: a box of the whole body may be before many."""
    long = {} if long is None else long
    for node in (el, *islice(el.iterancestors(), 2)):
        before = node.getprevious()
        for _ in range(_HEADER_SIBLINGS):
            while before is not None and not isinstance(before.tag, str):  # a comment
                before = before.getprevious()
            if before is None:
                break
            if before.tag == "h1":
                return not _in_a_masthead(before)
            if before not in long:
                long[before] = len(before.text_content().split()) > _HEADER_SIBLING_WORDS
            if long[before]:
                return False
            before = before.getprevious()
        else:
            return False
    return False


def under_the_headline(el: HtmlElement) -> bool:
    """`el` is in the article's header, under the page's headline (`_under_the_headline`)."""
    return _under_the_headline(el)


def _in_a_masthead(heading: HtmlElement) -> bool:
    for node in (heading, *heading.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if node.tag in _MASTHEAD_TAGS or _MASTHEAD.search(names_of(node)):
            return True
    return False


# Elements that set their text on lines of its own, apart from the words before and after.
_LINE_TAGS = frozenset(["div", "p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "time"])


def _spaced_text(el: HtmlElement) -> str:
    """`el`'s text with a space between its lines: Hindustan Times's byline box holds "By …,
    New Delhi" and "Updated on Dec 03…" in two `<div>`s, whose text runs together as "New
    DelhiUpdated", and its label then goes unseen. Walked, not recursed: a few words may be
    nested deeper than Python recurses."""
    parts: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        apart = " " if node is not el and node.tag in _LINE_TAGS else ""
        if not isinstance(node.tag, str):  # a comment: its tail only
            parts.append(node.tail or "")
        elif closing:
            parts += [apart, node.tail or ""] if node is not el else []
        else:
            parts += [apart, node.text or ""]
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


_HENTRY = "descendant-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]"


def _heads_a_post(el: HtmlElement) -> bool:
    """`el` is the heading of the day over a blog's post: Blogger's `<h2 class="date-header">
    Monday, 30 November 2026</h2>` right before the post's hAtom `hentry` box (or the box of
    the day's posts holding it), outside the post itself."""
    if el.tag not in ("h2", "h3", "h4", "h5", "h6"):
        return False
    after = el.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return after is not None and bool(after.xpath(_HENTRY))


def _in_other_text(el: HtmlElement) -> bool:
    return any(node.tag in _OTHER_TEXT for node in (el, *el.iterancestors()))


def _datelines(
    doc: HtmlElement, language: str, anywhere: bool = False
) -> Iterator[tuple[datetime | None, datetime | None, UpdateClock | None]]:
    """The publication and revision dates each of the page's datelines states, the article's
    first, read as a page in `language` writes them, and a revision's time it states alone
    ("آخر تحديث: 14:05 بتوقيت الإمارات" under the day's date line). Outside the article an
    unlabelled one counts only when `anywhere` says so."""
    candidates = []
    long: dict[HtmlElement, bool] = {}
    headlines: set[str] | None = None
    # Read on most pages (few declare a revision): the elements that may be named a dateline
    # are picked in C, not each of the page's tested in Python.
    for el in doc.xpath("//time[not(@datetime)] | //*[@class or @id]"):
        if el.tag in _SKIP_TAGS:
            continue
        names = names_of(el)
        named = (el.tag == "time" and not el.get("datetime")) or _DATE_HINT.search(names)
        author = not named and _AUTHOR_HINT.search(names)
        if (named or author) and byline_place(el) < 2 and not _in_other_text(el):
            outside = not in_article(el) and not _under_the_headline(el, long)
            if outside:
                headlines = page_headlines(doc) if headlines is None else headlines
                outside = not over_the_headline(el, headlines)
            candidates.append((outside and not _heads_a_post(el), bool(author), el))
    candidates.sort(key=lambda c: c[0])
    for outside, author, el in candidates:
        text = el.text_content()
        if not text.strip() or len(text.split()) > _MAX_WORDS:
            continue
        text = " ".join(_spaced_text(el).split())
        if _LIFE_DATES.search(text):
            continue
        said_published, said_updated, labelled, clock = labelled_dates(
            text, placed_language(language, text, el)
        )
        if not labelled and (author or (outside and not anywhere)):
            continue
        # A revision's time alone is the article's only in its own header: a site's "Updated
        # 14:05" of the day's news elsewhere dates no story.
        yield _past(said_published), _past(said_updated), None if outside else clock


def text_dates(doc: HtmlElement, language: str = "") -> tuple[datetime | None, datetime | None]:
    """When the page's datelines say the article was published and last updated (`language`,
    the page's, as `parse_text_date` takes it)."""
    published, updated, _clock = dateline_dates_and_clock(doc, language)
    return published, updated


def dateline_dates_and_clock(
    doc: HtmlElement, language: str = ""
) -> tuple[datetime | None, datetime | None, UpdateClock | None]:
    """`text_dates`, and when no dateline dates a revision, the time one gives it alone, for
    the day of the publication (`written_dates.on_the_day`)."""
    published = updated = None
    clock = None
    for said_published, said_updated, said_clock in _datelines(doc, language):
        published = published or said_published
        updated = updated or said_updated
        clock = clock or said_clock
        if published and updated:
            break
    return published, updated, None if updated else clock


def text_times(doc: HtmlElement, language: str = "") -> list[datetime]:
    """Every time of day, with its zone, that the page's datelines state, outside the article
    too: these only give a zone to the time the markup declares without one, to the minute, and
    Kompas's "Kompas.com - 03/12/2026, 10:15 WIB" is in a header box beside the `<h1>`, which
    `text_dates` can't tell from a masthead's date of the day."""
    return [
        moment
        for *said, _clock in _datelines(doc, language, anywhere=True)
        for moment in said
        if moment is not None and whole(moment)
    ]
