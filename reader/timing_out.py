"""Article pages that time out sync after sync: a linked host that never answers in time (an
aggregator's link to a dead server) cost every sync its timeout and failed it, a cron job's
exit 1 for good (acc49b B6). After `GIVE_UP_AFTER` tries in a row timed out, none answered
between, a sync says so once and asks for the page once a day from then on, as for a story
taken down (`gone`), and its timeout is no failure of the sync; opening it asks at once. An
answer of any kind, or the page cached, and it is a page as any other again.
"""

from __future__ import annotations

from .errors import NoAnswer
from .models import ErrorKind, FetchError

GIVE_UP_AFTER = 3
"""Tries in a row that timed out (each a sync's, or an opening's) before a sync gives up on a
page for a day at a time: one slow night of a server costs it nothing, a dead host two syncs."""


def timed_out(error: FetchError) -> bool:
    """`error` is the page's own timeout: a request made that brought no whole answer in time,
    not one left unsent for the network's going."""
    return error.kind == ErrorKind.TIMEOUT and error.no_answer != NoAnswer.NOT_ASKED


def given_up(timeouts: dict[str, tuple[int, float]]) -> dict[str, float]:
    """Of the pages timing out (`Store.timeouts`: key → tries in a row, when the last was),
    those given up on, by key → when last tried: asked again a day after it
    (`gone.asked_lately`)."""
    return {key: at for key, (tries, at) in timeouts.items() if tries >= GIVE_UP_AFTER}
