"""What a refresh or a sync could not keep because the store refused its writes (a full disk, a
cache file that can't be written): its feeds and articles counted once, under the store's one
reason, not each as a failure of its own. Both faces count with these, so the TUI's summary
and `reader sync`'s agree (acc49a A6, A7)."""

from __future__ import annotations

from collections.abc import Iterable

from .models import ErrorKind, FetchError
from .plural import plural
from .reports import FeedResult, SyncReport


def unkept_feeds(results: Iterable[FeedResult]) -> list[FeedResult]:
    """Of a refresh's `results`, the feeds whose headlines the store would not take: answered
    maybe, nothing of theirs kept. Not their failure: no `!` is kept on them (the store took
    no write), and 15 "feeds failed" over a full disk sent the traveller to look at feeds
    that were fine."""
    return [r for r in results if r.error is not None and r.error.kind == ErrorKind.STORAGE]


def refused_feeds_said(results: Iterable[FeedResult]) -> tuple[FetchError, str] | None:
    """The store's refusal that left a refresh's feeds unkept, and how many ("15 feeds'
    headlines not kept"); None when it refused none."""
    unkept = unkept_feeds(results)
    if not unkept or unkept[0].error is None:
        return None
    return unkept[0].error, plural(len(unkept), "feed's headlines", "feeds' headlines") + (
        " not kept"
    )


def refused_said(report: SyncReport) -> tuple[FetchError, str] | None:
    """The store's refusal that stopped a sync, and what it left undone, in one phrase ("134
    articles not cached, 15 feeds' headlines not kept"); None when it refused nothing."""
    articles = [e for _, e in report.article_failures if e.kind == ErrorKind.STORAGE]
    feeds = refused_feeds_said(report.feeds)
    if not articles:
        return feeds
    said = f"{plural(len(articles), 'article')} not cached"
    return articles[0], f"{said}, {feeds[1]}" if feeds else said
