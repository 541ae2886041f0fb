"""Which subscribed feeds fail, and which of those are gone for good: the one reading of a
feed's last fetch that `reader feeds --failing`, `reader remove --failing/--gone` and the
reader's failing feeds alike (`!`, `]`, its failing-only list) share, and the record a failed
fetch leaves on a feed (`failed_feed`).

A feed is failing when the site answered that it is no feed there (a 404, a 410, a web page in
its place) or that no secure connection will be made to it until it is fixed (an expired or
revoked certificate, one for another host, https asked of a port speaking plain http:
`lasting_tls`; a certificate for another host where the feed's verified before excepted, as a
login network gives it), or when a failure another try may mend (a server error, a timeout, a host not
found, a refused connection, a handshake reset) has lasted: at every fetch for `LASTED` and
`LASTED_FETCHES` syncs (acc49d). A 503 at one sync, a DNS blip, is no dead feed, and `reader remove --failing` must not
drop it; its last fetch still failed, marked `!` (`last_failed`) until it works again.

Gone for good is the site's own answer that the feed is not there, 404 Not Found or 410 Gone,
not a failure another try may mend (a refused connection, a server error, a web page answered):
what a user clearing out hundreds of imported feeds removes without a second look (acc49d D1).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from .discovery import WEB_PAGE_ANSWER
from .errors import PASSING_STATUSES, ErrorKind, FeedFailure, FetchError, NoAnswer, gateway_failure
from .models import Feed
from .refused_writes import unkept_feeds

if TYPE_CHECKING:
    from .reports import FeedResult, SyncReport

LASTED = timedelta(days=3)
"""How long a failure another try may mend lasts before the feed counts as failing: a site down
for a weekend is back on Monday, one down for longer is likely gone."""
LASTED_FETCHES = 3
"""...and at how many fetches in a row at least: three syncs of a cron job an hour apart, over a
feed failing since before a holiday, are no three days of failures."""

# A record from before the failure was kept (`Feed.failure`): read from its words, as fetches
# word them (`fetch._complete`: "HTTP 404 Not Found", "gone for good (HTTP 410)";
# `fetch_messages`, `discovery.web_page_answer`, `feeds.parse_feed`).
_STATUS = re.compile(r"\bHTTP (\d{3})\b")
_WORDS = (
    (WEB_PAGE_ANSWER, FeedFailure.NOT_A_FEED),
    ("not a readable feed", FeedFailure.NOT_A_FEED),
    ("(DNS lookup failed)", FeedFailure.DNS),
    ("cannot connect to", FeedFailure.REFUSED),
)
# A secure connection's failure that lasts until the site fixes it, in the words fetches give it
# (`fetch_messages`: `page_own_failure`, `_TLS_REASONS`; `intercepted.certificate_error`). Not
# one this computer may be the cause of, for every site at once: an authority it doesn't trust
# (a company's own, missing from [network] ca_file), a certificate "not valid yet" (its clock
# behind); nor a handshake broken off or timed out (the network's bad minute).
_LASTING_TLS = (
    "does not speak https",
    "its certificate has expired",
    "its certificate is for another",
    "its certificate was revoked",
    "it answered with a certificate for",
)
# What answered in a feed's place that reads as no feed.
_NO_FEED = frozenset({ErrorKind.BAD_FEED, ErrorKind.CONSENT_WALL, ErrorKind.NOT_HTML})


def kept_failure(error: FetchError) -> tuple[FeedFailure, int]:
    """What a feed's fetch failed on, in a word, and the HTTP status it answered with (0 for
    none): what its record keeps (`failed_feed`)."""
    status = error.status or 0
    if error.kind in (ErrorKind.HTTP, ErrorKind.GONE):
        return FeedFailure.HTTP, status or (410 if error.kind == ErrorKind.GONE else 0)
    if error.no_answer == NoAnswer.NO_HOST:
        return FeedFailure.DNS, 0
    if error.no_answer == NoAnswer.REFUSED:
        return FeedFailure.REFUSED, 0
    if error.kind == ErrorKind.TIMEOUT or error.no_answer == NoAnswer.TIMED_OUT:
        return FeedFailure.TIMEOUT, 0
    if lasting_tls(error.message):
        return FeedFailure.TLS, 0
    if error.kind == ErrorKind.BAD_URL:
        return FeedFailure.ADDRESS, 0
    if error.kind in _NO_FEED:
        return FeedFailure.NOT_A_FEED, status
    return FeedFailure.OTHER, status


def failed_feed(feed: Feed, error: FetchError, now: datetime) -> Feed:
    """`feed` as its fetch at `now` failing with `error` leaves it: the failure's words, its
    kind and status, and one more fetch failed in a row."""
    failure, status = kept_failure(error)
    return replace(
        feed,
        last_error=error.message,
        last_error_at=now,
        failing_since=feed.failing_since or now,
        gone_at=now if error.kind == ErrorKind.GONE else None,
        failure=failure,
        failure_status=status,
        failures=feed.failures + 1,
    )


def working(feed: Feed) -> Feed:
    """`feed` as one read just now: no failure kept on it."""
    return replace(
        feed,
        last_error=None,
        last_error_at=None,
        failing_since=None,
        gone_at=None,
        failure=None,
        failure_status=0,
        failures=0,
    )


def failure_of(feed: Feed) -> tuple[FeedFailure | None, int]:
    """What a feed's last fetch failed on and the status it answered with, as kept; for a record
    from before they were kept, as its `last_error`'s words say them. (None, 0) while it works."""
    if not feed.last_error:
        return None, 0
    if feed.failure == FeedFailure.TLS and not lasting_tls(feed.last_error):
        return FeedFailure.OTHER, 0  # kept before `lasting_tls`: every certificate refused
    if feed.failure is not None:
        return feed.failure, feed.failure_status
    if (said := _STATUS.search(feed.last_error)) is not None:
        return FeedFailure.HTTP, int(said.group(1))
    if feed.gone_at is not None:
        return FeedFailure.HTTP, 410
    if lasting_tls(feed.last_error):
        return FeedFailure.TLS, 0
    words = next((kind for said, kind in _WORDS if said in feed.last_error), FeedFailure.OTHER)
    return words, 0


def lasting_tls(message: str) -> bool:
    """A failure's words (`FetchError.message`, `Feed.last_error`) say a secure connection
    that fails until the site fixes it (`_LASTING_TLS`): https asked of a port answering in
    plain http, an expired or revoked certificate, one for another host. feeds50 took every
    TLS failure for one another try may mend, listed failing only after days (acc49d's
    leftover)."""
    return any(words in message for words in _LASTING_TLS)


# A certificate naming another host: a site's broken setup, or a network's login page
# catching the connection (a hotel's, a train's), which a sync tells by one certificate
# answering for two hosts or more (`intercepted`); of one https feed alone it can't be told.
_OTHER_NAME = ("its certificate is for another", "it answered with a certificate for")


def _network_may_answer(feed: Feed) -> bool:
    """`feed`'s failure is a certificate for another name where one for its own verified
    before: more likely the network's than the site's, given the time another try may mend
    takes (`LASTED`, `LASTED_FETCHES`) before it counts failing. Counted at once, a hotel's
    login network seen by a single https feed had `reader remove --failing` drop it."""
    message = feed.last_error or ""
    return feed.last_success is not None and any(words in message for words in _OTHER_NAME)


def passing(failure: FeedFailure | None, status: int) -> bool:
    """A failure another try may mend (a server error, a rate limit, a timeout, a host not
    found, a refused connection), not the site's answer that no feed is there (a 404, a 410, a
    web page in its place, an address leading nowhere) nor a secure connection failing until
    the site fixes it (`lasting_tls`)."""
    if failure == FeedFailure.HTTP:
        return status >= 500 or status in PASSING_STATUSES or not 400 <= status < 500
    return failure not in (FeedFailure.NOT_A_FEED, FeedFailure.ADDRESS, FeedFailure.TLS)


def last_failed(feed: Feed) -> bool:
    """Its last fetch failed (the feed list's `!`), for good or for an hour."""
    return bool(feed.last_error)


def failing(feed: Feed, now: datetime | None = None) -> bool:
    """The feed is failing: the site said no feed is there, or a failure another try may mend
    has lasted (`LASTED`, `LASTED_FETCHES`). What `reader feeds --failing` lists, `reader remove
    --failing` drops and the reader's failing-only list shows."""
    if not last_failed(feed):
        return False
    if feed.gone_at is not None:
        return True
    if not passing(*failure_of(feed)) and not _network_may_answer(feed):
        return True
    since = feed.failing_since or feed.last_error_at
    # No count in a record from before it was kept: its days alone tell.
    fetches = feed.failures >= LASTED_FETCHES or not feed.failures
    return since is not None and fetches and (now or datetime.now(UTC)) - since >= LASTED


def failing_lately(feed: Feed, now: datetime | None = None) -> bool:
    """Its last fetch failed, with a failure another try may mend that has not lasted yet: not
    counted failing (`failing`), marked `!` all the same."""
    return last_failed(feed) and not failing(feed, now)


def gone(feed: Feed) -> bool:
    """Its last fetch was answered 404 or 410: the site says the feed is not there."""
    failure, status = failure_of(feed)
    return last_failed(feed) and (
        feed.gone_at is not None or (failure == FeedFailure.HTTP and status in (404, 410))
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
