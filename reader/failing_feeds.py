"""Which subscribed feeds fail, and which of those are gone for good: the one reading of a
feed's last fetch that `reader feeds --failing`, `reader remove --failing/--gone` and the
reader's `!` mark share.

Gone for good is the site's own answer that the feed is not there, 404 Not Found or 410 Gone,
not a failure another try may mend (a refused connection, a server error, a web page answered):
what a user clearing out hundreds of imported feeds removes without a second look (acc49d D1).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .errors import gateway_failure
from .models import Feed
from .refused_writes import unkept_feeds

if TYPE_CHECKING:
    from .reports import FeedResult, SyncReport

# How a fetch says a 404 (`fetch._complete`: "HTTP 404 Not Found", its reason phrase the
# server's own); a 410 is kept as `Feed.gone_at`.
_NOT_FOUND = re.compile(r"HTTP 404\b")


def failing(feed: Feed) -> bool:
    """Its last fetch failed (the feed list's `!`)."""
    return bool(feed.last_error)


def gone(feed: Feed) -> bool:
    """Its last fetch was answered 404 or 410: the site says the feed is not there."""
    return failing(feed) and (
        feed.gone_at is not None or _NOT_FOUND.match(feed.last_error or "") is not None
    )


def sync_failures(report: SyncReport) -> tuple[list[FeedResult], list[FeedResult]]:
    """Of a sync's feeds, those that failed, and those a gateway's 502/504 left unreached after
    its tries (a relay's bad minute: no failure, acc45 B6); neither holds those said in a line
    of their own (the network's going, a host given up: `outages`; a host asking to wait; the
    store's refusal: `refused_writes`).
    What the reader's summary and `reader sync`'s count alike."""
    left = report.feeds_left.keys() | report.feeds_unreached()
    # The store's refusal (a full disk): said once, first, in a line of its own (acc49a A6).
    left |= {r.feed.url for r in unkept_feeds(report.feeds)}
    # Nothing answered at all: one line says it, of every feed alike ("2 failed" after
    # "Nothing answered at …" counted the network's going as the feeds', which `reader feeds
    # --failing` then did not list); one whose failure says more (a certificate) still counts.
    silent = bool(report.no_connection)
    failed = [
        r
        for r in report.feeds
        if r.failed
        and r.feed.url not in left
        and not (
            r.error is not None and (r.error.held or (silent and r.error.no_answer is not None))
        )
    ]
    unreached = [r for r in failed if r.error is not None and gateway_failure(r.error)]
    return [r for r in failed if r not in unreached], unreached
