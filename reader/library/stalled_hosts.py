"""The hosts one sync asks for articles (or one refresh for feeds), and those it gives up: a
host whose requests timed out again and again, nothing coming whole in between
(`retries.gives_up`), has its other articles (feeds) left for the next sync, and its requests
under way stopped, rather than each waited for to its own timeout (hotel Wi-Fi stalling every
page held a sync 8 minutes for 160 articles, and the reader's refresh on opening 2 minutes).
Timeouts the network's stalling explains never reach it: the sync's hold judges each first
(`network_hold.NetworkHold.timed_out`), and a host is given up for its own stall alone.

A host whose answers come on without end, each cut at `[network] longest_answer` still coming
(`FetchError.dripped`), is given up after one round of its connections (`per_host`) dripped so
in a row: each took the whole 2 minutes, and 40 articles there held a sync 6 minutes before the
three rounds of timeouts gave it up (acc50a A1's leftover). A slow host whose answers come
whole, however slowly, is never one: an answer come whole ends the run."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import NoAnswer
from ..models import ErrorKind, FetchError
from ..outages import given_up_why, host_of, shown_at
from ..retries import given_up_after, gives_up


class StalledHosts:
    """One sync's hosts: those asked for articles (`asking`), and those given up (`timed_out`),
    its refresh's feeds' timeouts counted too."""

    def __init__(
        self,
        per_host: int,
        in_a_row: Callable[[str], int],
        stop: Callable[[str], bool],
        dripped: Callable[[str], int] = lambda link: 0,
    ) -> None:
        self._per_host = per_host
        self._in_a_row = in_a_row  # a link's host's timeouts in a row (`Fetcher`)
        self._dripped = dripped  # ...of which its answers cut still coming (`Fetcher`)
        self._stop = stop  # a download under way stopped, if no one else waits for it
        self.asked: set[str] = set()
        """The hosts asked for articles (`outages` weighs the network's going by them)."""
        self.given_up: dict[str, int] = {}
        """Each host given up, with the timeouts in a row that give it up (`given_up_after`):
        the count seen as a request's failure came in was one more or two, the tries under way
        beside it timing out before a busy machine's loop got to that failure."""
        self.dripping: set[str] = set()
        """Of those, the hosts given up for answers coming on without end, each count theirs."""
        # Each host's requests under way, each with how it is stopped.
        self._under_way: defaultdict[str, dict[str, Callable[[str], bool]]] = defaultdict(dict)

    @contextmanager
    def asking(
        self, link: str, stop: Callable[[str], bool] | None = None, at: str = ""
    ) -> Iterator[None]:
        """While `link`'s download is under way, at the address `at` when it is asked there
        (an article's, past its click tracker: `urls.page_asked`), stopped by `link`; or,
        with a `stop` of its own, a feed's request, whose host is no article's."""
        host = host_of(at or link)
        if stop is None:
            self.asked.add(host)
        self._under_way[host][link] = stop or self._stop
        try:
            yield
        finally:
            self._under_way[host].pop(link, None)

    def waiting_on(self) -> dict[str, int]:
        """The article downloads under way, counted by host (as shown: `shown_at`), the most
        first."""
        counts = {
            shown_at(f"http://{host}"): n
            for host, links in self._under_way.items()
            if (n := sum(stop == self._stop for stop in links.values()))
        }
        return dict(sorted(counts.items(), key=lambda item: -item[1]))

    def timed_out(self, link: str, at: str = "") -> None:
        """`link`'s request (asked `at`, when given: `asking`) timed out: its host given up if
        its tries (this one's and others') timed out so often in a row that the rest would."""
        host = host_of(at or link)
        if host in self.given_up:
            return
        if gives_up(self._in_a_row(at or link), self._per_host):
            self.given_up[host] = given_up_after(self._per_host)
        elif (dripped := self._dripped(at or link)) >= self._per_host:
            self.given_up[host] = dripped
            self.dripping.add(host)
        else:
            return
        for under_way, stop in list(self._under_way[host].items()):  # stalling as the others
            stop(under_way)

    def left(self, link: str, until: str = "the next sync", at: str = "") -> FetchError | None:
        """The failure of a request of `link` (an article's, a feed's; asked `at`, when given:
        `asking`) whose host is given up (not asked, or its download stopped), left `until`
        then; None while its host is not."""
        host = host_of(at or link)
        times = self.given_up.get(host)
        if times is None:
            return None
        why = f"{shown_at(at or link)} {given_up_why(times, host in self.dripping)}"
        return FetchError(
            ErrorKind.TIMEOUT, f"{why}: left for {until}", link, no_answer=NoAnswer.TIMED_OUT
        )
