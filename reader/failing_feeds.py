"""Which subscribed feeds fail, and which of those are gone for good: the one reading of a
feed's last fetch that `reader feeds --failing`, `reader remove --failing/--gone` and the
reader's `!` mark share.

Gone for good is the site's own answer that the feed is not there, 404 Not Found or 410 Gone,
not a failure another try may mend (a refused connection, a server error, a web page answered):
what a user clearing out hundreds of imported feeds removes without a second look (acc49d D1).
"""

from __future__ import annotations

import re

from .models import Feed

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
