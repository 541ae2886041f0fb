"""Stories taken down: a link the site answers with 404 Not Found or 410 Gone.

That is the site's definite answer, not a failure another try may mend (a timeout, a server
error): the story is remembered as gone, named by the sync that found it so, and not fetched
again by every sync after it, which would fail each of them for as long as the feed lists it.
A day later a sync asks once more (a story taken down by mistake comes back); opening it asks
at once. Meanwhile it shows the text its feed carried, under the reason.
"""

from __future__ import annotations

import time

from .models import ErrorKind, FetchError

# How long a sync leaves a story found taken down before asking for it again.
ASK_AGAIN_AFTER = 24 * 3600.0


def taken_down(error: FetchError) -> bool:
    """The site said the story is not there (404, 410): an answer, not a failure."""
    return error.kind == ErrorKind.GONE or error.status in (404, 410)


def said_gone(error: FetchError) -> tuple[int, str]:
    """What `Store.mark_gone` keeps of a story `error` found taken down: the status its page
    gave (0: not known), and how it said so when that was no 404 or 410 (a page sent on to
    its site's front page, a "not found" page answered 200: `soft_gone`), "" for a 404 or 410."""
    status = error.status or 0
    return status, "" if status in (404, 410) else error.message


def asked_lately(gone: dict[str, float]) -> set[str]:
    """Of the stories found gone (`Store.gone`: key → when), those found so less than
    `ASK_AGAIN_AFTER` ago: not asked for again yet, by a sync or the reader's fetch ahead.
    The same for the pages found too slow to read (`Store.slow`)."""
    now = time.time()
    lately = now - ASK_AGAIN_AFTER
    # One found gone "later than now" was found so under a clock that was ahead: when is not
    # known, so it is asked again, rather than left for as long as the clock was wrong (a
    # year ahead, a year: acc29b T14). A minute's leeway: two processes' clocks.
    return {key for key, at in gone.items() if lately < at <= now + 60}
