"""When a refresh may conclude that the network is not there, and stop waiting for it.

On a network that swallows connections (a plane's Wi-Fi before payment, a hotel's before its
login) every request runs to its timeouts and retries: a refresh of 40 feeds showed
"Refreshing 40 feeds… (0 done)" for 40 s, a sync "No connection" after 72 s. Once nothing has
answered and enough of the subscriptions' hosts have failed so, the rest would only fail the
same way: they are not waited for. A host that is down alone never counts for the network: it
takes half the hosts, and three at least when there are more (dead sites' names fail fast, and
a reader with a few of them online must not be told it is offline). Unless the machine says so
itself (`no_network`): with no default route, its first "no route" or unanswered name lookup
is the network absent; with one, three hosts' lookups unanswered and no host failing otherwise
(a 1,000-site library offline asked 500 of them, acc51b B7).

While the network is absent the feeds' records are not marked failed: a feed is not broken
because the reader is on a plane (the status line says "No connection" once instead of a "!"
on every feed). Their failures are kept only once something has answered.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..errors import NoAnswer, Offline
from ..models import NO_CONNECTION, ErrorKind, FetchError
from ..no_network import no_default_route
from ..outages import network_wide

NOT_TRIED = "not tried: no connection (nothing answered)"


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


class NetworkWatch:
    """The answers of one refresh's feeds as they come, to tell when the network is absent.

    A host's failure to connect is weighed by when it came: before anything answered, every
    host failing so is the network absent (`absent`); once something answered, a host that
    fails so is down on its own (`_dead`: it weighs nothing either way, a dead site in a
    library of two made "every host refusing" of the other's one refusal) until a host that
    answered in this refresh fails so too (`_going`): from then on each host failing so
    counts for the network's going, until anything answers again. A feed's answer counts as
    its bytes come (`answer`), not once it is parsed: a big feed in a worker for seconds was
    no answer yet, and two refusals elsewhere meanwhile stopped the refresh with it in hand.
    """

    def __init__(self, urls: Iterable[str]) -> None:
        self._hosts = {_host(url) for url in urls}
        self._failed: set[str] = set()
        self.answered = False
        """Something answered (a feed, an HTTP error, a login page): the network is there."""
        self._answered_at: set[str] = set()
        self._arrived: set[str] = set()  # the feeds whose answer came
        self._dead: set[str] = set()
        """Hosts down on their own: they found no host or no connection while the network
        answered (none had gone since the last answer), and have not answered since."""
        self._going = False
        """A host that answered in this refresh failed to connect since the last answer."""
        self._down: set[str] = set()
        """The hosts that found no host or no connection since the going began (not a
        timeout: a host stalling is `StalledHosts'`)."""
        self._refused = 0  # the feeds that failed so since the going began
        self._unexplained: list[str] = []  # feeds failing to connect since the last answer
        self._own: set[str] = set()
        """Feeds whose failure to connect is their own: the network answered after it, or
        it was refused with the network there and no sign of going."""
        self._offline: dict[str, Offline] = {}
        """Hosts failing, before anything answered, as this machine says it has no network
        (`Offline`): no route, no name server answering."""
        self._routeless: bool | None = None  # `no_default_route`, read once when needed

    def answer(self, url: str) -> None:
        """The answer of the feed at `url` came (its bytes, not yet parsed, or an HTTP
        error): the network is there, and so is its host."""
        if url in self._arrived:
            return
        self._arrived.add(url)
        host = _host(url)
        if not self.answered:  # those that failed before: on their own
            self._dead |= self._failed
        self.answered = True
        self._answered_at.add(host)
        self._own.update(self._unexplained)
        self._unexplained.clear()
        self._dead |= self._down  # they failed while the network was there: their own
        self._dead.discard(host)
        self._down.clear()
        self._going = False
        self._refused = 0

    def heard(self, url: str, error: FetchError | None) -> bool:
        """One feed's outcome; whether the network now looks absent."""
        if error is None or error.kind not in NO_CONNECTION:
            self.answer(url)
            return self.absent
        host = _host(url)
        self._failed.add(host)
        if error.offline is not None and not self.answered:
            self._offline[host] = error.offline
        gone = error.no_answer in _GONE and host not in self._dead
        if gone and host in self._answered_at:
            self._going = True  # a host that answered in this refresh
        if self._going:
            if gone:
                self._down.add(host)
                self._refused += 1
            self._unexplained.append(url)
        elif self.answered:  # the network answered, and nothing has gone since
            if host not in self._answered_at:
                self._dead.add(host)
            if error.no_answer in _GONE:  # a refusal, at once: the host's own
                self._own.add(url)
            else:  # broken off, timed out: maybe the going's first sign, judged by what follows
                self._unexplained.append(url)
        else:
            self._unexplained.append(url)
        return self.absent

    @property
    def absent(self) -> bool:
        if self.answered:
            return self.went_away
        if not self._failed:
            return False
        return (
            self._failed >= self._hosts
            or network_wide(len(self._failed), len(self._hosts))
            or self._machine_says
        )

    @property
    def _machine_says(self) -> bool:
        """This machine says it has no network, and that is sure: with no default route, any
        host failing so; else three at least, each lookup unanswered or unroutable the same
        way, and no host failing otherwise (a name server down answers no name, where a site's
        broken one fails its own alone)."""
        if not self._offline:
            return False
        same = len(set(self._offline.values())) == 1
        if len(self._offline) >= _SURE and self._offline.keys() == self._failed and same:
            return True
        if self._routeless is None:
            self._routeless = no_default_route()
        return self._routeless

    @property
    def went_away(self) -> bool:
        """The network went during the refresh: a host that answered in it now takes no
        connection, and enough hosts do since, of those not down on their own
        (`network_wide`; the one host of every feed, the site killed mid-sync). The feeds
        still out would each fail so and be marked failing: 18 "feed failed" lines and a "!"
        each for one outage (acc34a C9). Two feeds failing so at least: one refusal is a
        server restarting as well (a small library's one live host stopped the refresh)."""
        if not self._going or self._refused < 2:
            return False
        return network_wide(len(self._down), len(self._hosts - self._dead))

    def own_failure(self, url: str) -> bool:
        """The failure of the feed at `url` to connect is its own, to be kept on it: the
        network answered after it, or before it with no sign of going, or answered and did
        not go."""
        return url in self._own or (self.answered and not self.went_away)


_SURE = 3
"""Hosts whose lookups went unanswered that are a name server gone, not sites' broken ones."""

_GONE = frozenset({NoAnswer.REFUSED, NoAnswer.NO_HOST})
"""How a host that answered earlier fails once the network (or the host) has gone."""


def not_tried(url: str) -> FetchError:
    """A feed left when the network was found absent."""
    return FetchError(ErrorKind.NETWORK, NOT_TRIED, url, no_answer=NoAnswer.NOT_ASKED)
