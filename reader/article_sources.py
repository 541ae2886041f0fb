"""Where a cached article's text and details came from: the page it was read from (`read_from`),
and what its feed entry or its copy cached before filled in where the page said nothing
(`filled_from`), with which dates are the feed's. Apart from `page_caching`, whose functions run
in a worker, because the library asks the same of an article it already holds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .claimed_names import claimed_elsewhere
from .dates import BELIEVED_AHEAD, zoned_as
from .extractor_version import FEEDS_DATES_SAID
from .models import Article, Entry


def read_from(article: Article | None, link: str) -> str:
    """The address of the page `article` was read from, as cached under `link`: where
    redirects ended (its links are relative to it), not the link asked for (a feed's tracker,
    an old address); the one-page or AMP version's, when it was read from that."""
    if article is None:
        return link
    return article.page_url or article.url or link


def dated_before(article: Article, taken: datetime | None) -> Article:
    """`article` without the dates its page gives more than `BELIEVED_AHEAD` after `taken`,
    when the copy was retrieved (`dates.taken_at`, None when unknown): a story is not
    published after it was read, so the page's date is wrong (a page dated 2031, acc34b D3),
    and no citation gives it; `filled_from` then gives the feed's, as for a page stating none."""
    if taken is None:
        return article
    latest = taken + BELIEVED_AHEAD
    ahead = {
        name: None
        for name in ("published", "updated")
        if (moment := getattr(article, name)) is not None and moment > latest
    }
    return replace(article, **ahead) if ahead else article  # type: ignore[arg-type]


def filled_from(article: Article, known: Article | Entry | None) -> Article:
    """`article` with what its page didn't say taken from what is `known` of it (its feed
    entry, or the article as cached before): its title, author, date and source. The reading
    view shows the feed's when the page gives none, and the citation (`reader show`, `y`) must
    say what the view says."""
    if known is None:
        return article
    article = _zoned_as_known(_author_as_known(article, known), known)
    # The feed's date, kept for extraction again to weigh the page's dates with (`fed`).
    witness = known.feeds_published if isinstance(known, Entry) else known.feed_date
    if witness is not None and article.feed_date is None:
        article = replace(article, feed_date=witness)
    source = known.source_name if isinstance(known, Entry) else known.site_name
    entry = isinstance(known, Entry)
    if isinstance(known, Entry):  # not the time it was first read, for a date ahead of that
        published, updated = known.feeds_published, known.feeds_updated
    else:
        published, updated = known.published, known.updated
    wanted = {
        "title": known.title,
        "author": known.author,
        "published": published,
        "site_name": source,
    }
    changes = {k: v for k, v in wanted.items() if v and not getattr(article, k)}
    if "published" in changes and not article.updated and updated:
        changes["updated"] = updated  # dated by the feed: its two dates go together
    if not changes:
        return article
    # Which dates are the feed's, not the page's: the one place that knows, for every citation
    # to say so ("per the feed"). A date carried over from the article as cached before keeps
    # what it was; a record from before that was said had it from the feed too, the page
    # stating none.
    if entry or known.extractor < FEEDS_DATES_SAID:
        feeds_published = feeds_updated = True
    else:
        feeds_published, feeds_updated = known.published_by_feed, known.updated_by_feed
    return replace(
        article,
        **changes,
        published_by_feed=feeds_published if "published" in changes else article.published_by_feed,
        updated_by_feed=feeds_updated if "updated" in changes else article.updated_by_feed,
    )


def _author_as_known(article: Article, known: Article | Entry) -> Article:
    """`article` with the author `known` names (its feed's byline, or the copy cached before)
    where its page's is another and goes with the page's claim to be another site's page (its
    site's name fits the site its canonical address claims, not the one read:
    `claimed_elsewhere`, for which the citation marks the site "as the page names itself"). A
    small blog's page claiming "Laura Kuenssberg" of "BBC News" was cited as hers on its word
    alone, its feed saying "Tiny Blogger" (acc50a A3). The citation's author is parsed into
    family and given names by every style, so it can't carry a mark as the site's name does:
    the feed's word on its own item is the one cited."""
    theirs = known.author
    if not (theirs and article.author) or theirs.casefold() == article.author.casefold():
        return article
    if not claimed_elsewhere(article.site_name, article.url, article.canonical_url):
        return article
    return replace(article, author=theirs, corporate_author=False)


def _zoned_as_known(article: Article, known: Article | Entry) -> Article:
    """`article` with each date its page gave without a zone in the zone `known` gives the
    same wall-clock time: "2026年12月4日 21時00分" under a feed's "Fri, 04 Dec 2026 21:00:00
    +0900" is 21:00 at +09:00, where the page's time, read first, had the reader say "(zone
    not given)" (acc31b M11). Still the page's date: the feed only says its zone."""
    changes = {
        name: theirs
        for name in ("published", "updated")
        if zoned_as(getattr(article, name), theirs := getattr(known, name))
    }
    return replace(article, **changes) if changes else article
