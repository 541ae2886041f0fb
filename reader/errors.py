"""Failures as values: why a fetch, a parse or an extraction failed (`ErrorKind`), which
failures leave the feed's own text worth showing, the error a fetch raises (`FetchError`) and
the one the data directory raises (`StoreError`, and why it took no writes: `Unwritable`).

Stdlib only, as the models are; `reader.models` offers them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorKind(StrEnum):
    """Why a fetch, a parse or an extraction failed; the UI words its message from this."""

    NETWORK = "network"  # DNS, refused, reset, TLS
    TIMEOUT = "timeout"
    HTTP = "http"  # a 4xx/5xx status
    GONE = "gone"  # 410: the publisher removed it for good
    TOO_LARGE = "too-large"
    TOO_SLOW = "too-slow"  # its extraction went past its time limit (`time_limit.within_time`)
    NOT_HTML = "not-html"  # a PDF, an image, a binary
    CONSENT_WALL = "consent-wall"  # a cookie-consent page answered in the article's place
    BAD_FEED = "bad-feed"
    EXTRACTION = "extraction"
    NOT_CACHED = "not-cached"  # offline and not in the cache
    BAD_URL = "bad-url"
    NOT_FOUND = "not-found"  # no such feed or article in the store
    STORAGE = "storage"  # the cache could not be written (disk full, read-only)
    PORTAL = "portal"  # a Wi-Fi login page answered in every page's place (`portal`)
    SIGN_IN = "sign-in"  # a form to sign in or accept terms in the article's place (`login_page`)
    CERTIFICATE = "certificate"  # a secure host's certificate refused: it answered, untrusted
    PROXY = "proxy"  # the proxy (`[network] proxy`) not there or refusing: nothing of the site


class NoAnswer(StrEnum):
    """How a request came to no answer that says anything of the page (a `NO_CONNECTION`
    failure): what one line says of a host when every request to it ended so ("127.0.0.1:8792
    broke off every answer"), rather than each request's own words matched."""

    NOT_ASKED = "not-asked"  # left unsent: the network was found absent first (`offline`)
    NO_HOST = "no-host"  # its name not found
    REFUSED = "refused"  # no connection made
    BROKEN_OFF = "broken-off"  # a connection made, its answer cut off before its end
    TIMED_OUT = "timed-out"  # a connection made (or tried), no answer whole in time


class Offline(StrEnum):
    """This machine's own word that it has no network, said at once where a host down says
    something else (`no_network.offline_said`): no route out of it, or its name server not
    answering. What `offline.NetworkWatch` may take for the network absent without waiting for
    half the hosts to fail (acc51b B7)."""

    NO_ROUTE = "no-route"  # the kernel has no route to the address (ENETUNREACH)
    NO_RESOLVER = "no-resolver"  # the lookup went unanswered (EAI_AGAIN), not "no such name"


class FeedFailure(StrEnum):
    """What a feed's last fetch failed on, in a word, kept on the feed (`Feed.failure`) beside
    the HTTP status it answered with: what `failing_feeds` reads to tell a dead feed from a bad
    hour, not the words of `Feed.last_error` read back (acc49d)."""

    DNS = "dns"  # its host's name not found
    REFUSED = "refused"  # no connection made
    TLS = "tls"  # a secure connection failing until fixed (`failing_feeds.lasting_tls`)
    TIMEOUT = "timeout"
    NOT_A_FEED = "not-a-feed"  # answered, with a web page or bytes that read as no feed
    HTTP = "http"  # a 4xx or 5xx status (`Feed.failure_status`)
    ADDRESS = "address"  # the address leads nowhere a feed can be (a redirect to no host)
    OTHER = "other"  # a connection broken off, a feed too large, a failure no one foresaw


NO_CONNECTION = frozenset({ErrorKind.NETWORK, ErrorKind.TIMEOUT})
"""Failures that may be the network's, not the site's: nothing answered (a name not found, a
connection refused, reset or timed out). Every feed failing so is "No connection"."""

UNREACHABLE = frozenset(
    {
        ErrorKind.NETWORK,
        ErrorKind.TIMEOUT,
        ErrorKind.NOT_CACHED,
        ErrorKind.STORAGE,
        ErrorKind.PORTAL,
        ErrorKind.SIGN_IN,
        ErrorKind.PROXY,
    }
)
"""Failures that say nothing about the page itself: the network (or the cache) is what is
missing, or a sign-in in front of it (the site's, or a network's keeping the article's address
to come back to), so the text the feed carried is still worth showing, and a later try may
bring the article."""

FEED_TEXT_STANDS_IN = UNREACHABLE | {
    ErrorKind.HTTP,
    ErrorKind.GONE,
    ErrorKind.TOO_LARGE,
    ErrorKind.TOO_SLOW,
    ErrorKind.NOT_HTML,
}
"""Why the reading view and `reader show` give the text the feed carried instead of the
article: the page can't be had now (offline, the site down or refusing, the story taken down,
a page too large or too slow to read: offline, the last try's failure is NOT_CACHED, and online
must not give less), or the link is no page (a PDF, a podcast's MP3), whose feed item often carries all there is to read of it."""


@dataclass(eq=False)  # not frozen: Python and test tools set __traceback__ on exceptions
class FetchError(Exception):
    """A failure as a value: what went wrong, in one readable line, and where."""

    kind: ErrorKind
    message: str
    url: str = ""
    unwritable: Unwritable | None = None  # a STORAGE failure's cause, when the store knows it
    retryable: bool = False  # transient: a later attempt may succeed
    retry_after: float | None = None  # seconds the server asked us to wait
    status: int | None = None  # the HTTP status the server answered with, when it is the cause
    no_answer: NoAnswer | None = None  # nothing answered, and how; None for a failure saying more
    offline: Offline | None = None  # this machine said it has no network (`Offline`)
    connected: bool = False
    """A TIMED_OUT one whose connection was made (its answer, or its end, not come in time):
    something is there, silent; not "No connection" (acc46b A6). A BAD_URL one answered by a
    server there, in something else than was asked (an SSH banner, plain http to https)."""
    feed: bool = False
    """A NOT_HTML answer that is a feed (RSS, Atom), told by its bytes: no article, a feed to
    subscribe to (`page_caching.check_is_page`)."""
    held: bool = False
    """Not sent: its host asked to wait (a 429's long Retry-After: `retries.Retries`)."""
    refused: bool = False
    """Not asked: the connection reached an address more private than its lead may lead to (a
    name resolving to 127.0.0.1: `address_class.refusal`)."""
    capped: bool = False
    """Not fetched, or cut, at the cap on what one sync downloads (`download_cap`): left for
    the next sync, no failure."""
    certificate: str = ""
    """A secure host's certificate naming other hosts, its digest (`intercepted`): the same on
    several hosts is the network's, a Wi-Fi login waiting."""
    certificate_name: str = ""
    """...and the first name it is for ("portal.hotel-wifi.example")."""
    redirected: bool = False
    """The address asked answered, with a redirect: the failure is where it led (refused, or
    nothing answering there), not "nothing answered" at the address."""
    dripped: bool = False
    """A TIMEOUT one cut at `[network] longest_answer` while its body still came (a server
    sending without end): another request there would drip as long (`StalledHosts`)."""
    sent_as: str = ""
    """The media type of the body that failed as it came (past its cap, timed out, broken
    off): a "text/html" one is a web page, never subscribed to for a feed (acc50a A10)."""

    def __str__(self) -> str:
        return self.message

    @property
    def asks_to_wait(self) -> bool:
        """A 429 whose Retry-After is longer than a sync waits (`retries.Retries`): its host is
        not asked again in this run, its requests left for the next."""
        return self.status == 429 and not self.retryable and self.retry_after is not None

    @property
    def taken_down(self) -> bool:
        """The page answered that it is not there (404) or gone for good (410): what its feed
        carried is all there is of it."""
        return self.kind == ErrorKind.GONE or (
            self.kind == ErrorKind.HTTP and self.status in (404, 410)
        )


class StoreError(Exception):
    """The data directory can't be opened, read or written (damaged file, full disk, read-only).

    Its message is one line for the user; nothing is deleted to recover from it.
    """

    def __init__(self, message: str, unwritable: Unwritable | None = None) -> None:
        super().__init__(message)
        self.unwritable = unwritable
        """Why the directory takes no writes, when that is the failure (`store.directory`)."""

    @property
    def message(self) -> str:
        """Its one line, as `FetchError.message` is: a screen catching either says it alike (a
        highlight kept on a directory read as it is raised AttributeError here: acc47d D1)."""
        return str(self)


class Unwritable(StrEnum):
    """Why the data directory takes no writes, in the few words a status line says it in: the
    store's `read_only_tag`, carried on a `StoreError` and a STORAGE `FetchError` so that no
    face reads it back out of the message."""

    DISK_FULL = "the disk is full"
    READ_ONLY = "the data directory is read-only"
    FILE_READ_ONLY = "a cache file can't be written"
    """One of the cache files (or its log) refuses writes, its directory writable: made
    immutable (`chattr +i`) or read-only to everyone. Not said as the whole directory's
    (acc49a A7): the file is named in the line."""
    OLDER_FORMAT = "the data directory is of an older format"
    """Read as it is, not upgraded (the reader told not to: an older reader shares it)."""
    BUSY = "the data directory is busy"
    """Another program holds it: a write tried again later may be kept."""


PASSING_STATUSES = frozenset({403, 408, 429})
"""Statuses that say as little of the page (or the feed) as a 5xx: 403, a bot wall's answer as
often as a page's; 408, the server gave up waiting; 429, a rate limit, however long it asked us
to wait. Another try may bring it."""


GATEWAY_STATUSES = frozenset({502, 504})
"""A gateway's answer that it could not reach (502) or not in time (504) what stands behind it:
the site's own front (a CDN, a reverse proxy), a proxy's own answer, or its answer to CONNECT.
A satellite link's gateway answers so for a moment now and then: nothing of the page."""


def gateway_failure(error: FetchError) -> bool:
    """`error`, a request's last try's, is a gateway's 502 or 504 (`GATEWAY_STATUSES`), tried
    again and still so: left for the next sync as the network's going is, not the page's
    failure (`outages.left_for_later`)."""
    return error.status in GATEWAY_STATUSES and error.kind in (
        ErrorKind.HTTP,
        ErrorKind.PROXY,
        ErrorKind.NETWORK,
    )


def not_back_yet(error: FetchError) -> bool:
    """A failure a network still rejoining gives: no connection made, or no name found (the
    failures that are not tried again otherwise: a site that refuses soon won't answer)."""
    return error.kind == ErrorKind.NETWORK and not error.retryable
