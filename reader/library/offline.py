"""When a refresh may conclude that the network is not there, and stop waiting for it.

On a network that swallows connections (a plane's Wi-Fi before payment, a hotel's before its
login) every request runs to its timeouts and retries: a refresh of 40 feeds showed
"Refreshing 40 feeds… (0 done)" for 40 s, a sync "No connection" after 72 s. Once nothing has
answered and enough of the subscriptions' hosts have failed so, the rest would only fail the
same way: they are not waited for. A host that is down alone never counts for the network: it
takes half the hosts, and three at least when there are more (dead sites' names fail fast, and
a reader with a few of them online must not be told it is offline).

While the network is absent the feeds' records are not marked failed: a feed is not broken
because the reader is on a plane (the status line says "No connection" once instead of a "!"
on every feed). Their failures are kept only once something has answered.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..errors import NoAnswer
from ..models import NO_CONNECTION, ErrorKind, FetchError
from ..outages import network_wide

NOT_TRIED = "not tried: no connection (nothing answered)"


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


class NetworkWatch:
    """The answers of one refresh's feeds as they come, to tell when the network is absent."""

    def __init__(self, urls: Iterable[str]) -> None:
        self._hosts = {_host(url) for url in urls}
        self._failed: set[str] = set()
        self.answered = False
        """Something answered (a feed, an HTTP error, a login page): the network is there."""
        self._answered_at: set[str] = set()
        self._down: set[str] = set()
        """The hosts whose last feed found no host or no connection (not a timeout: a host
        stalling is `StalledHosts`'), whatever answered before."""

    def heard(self, url: str, error: FetchError | None) -> bool:
        """One feed's outcome; whether the network now looks absent."""
        host = _host(url)
        if error is None or error.kind not in NO_CONNECTION:
            self.answered = True
            self._answered_at.add(host)
            self._down.discard(host)
        else:
            self._failed.add(host)
            if error.no_answer in _GONE:
                self._down.add(host)
        return self.absent

    @property
    def absent(self) -> bool:
        if self.answered:
            return self.went_away
        if not self._failed:
            return False
        return self._failed >= self._hosts or network_wide(len(self._failed), len(self._hosts))

    @property
    def went_away(self) -> bool:
        """The network went during the refresh: a host that answered in it now takes no
        connection, and enough hosts do (`network_wide`; the one host of every feed, the
        site killed mid-sync). The feeds still out would each fail so and be marked failing:
        18 "feed failed" lines and a "!" each for one outage (acc34a C9)."""
        if not self._down & self._answered_at:
            return False
        return network_wide(len(self._down), len(self._hosts))

    @property
    def there(self) -> bool:
        """The network answered, and did not go since: a feed's failure to connect is its own."""
        return self.answered and not self.went_away


_GONE = frozenset({NoAnswer.REFUSED, NoAnswer.NO_HOST})
"""How a host that answered earlier fails once the network (or the host) has gone."""


def not_tried(url: str) -> FetchError:
    """A feed left when the network was found absent."""
    return FetchError(ErrorKind.NETWORK, NOT_TRIED, url, no_answer=NoAnswer.NOT_ASKED)
