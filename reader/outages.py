"""Articles of a sync that failed for one reason that is no article's own, said in one line
each (`Outage`) rather than one line per article: the network gone mid-sync, a host no longer
taking connections, a host given up after timing out again and again (`retries.gives_up`).

The Wi-Fi dropping mid-sync gave ~110 lines of "article failed: … cannot connect to HOST" (5 a
feed, then "N more" per feed), each as if the article had failed on its own; a host stalling
every page gave 160 timeouts. An article failing for its own reason (a 404, a page that is no
article) is still named.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from .errors import (
    NO_CONNECTION,
    ErrorKind,
    FetchError,
    NoAnswer,
    gateway_failure,
    not_back_yet,
)
from .fetch_messages import of_every_one
from .models import Entry
from .plural import listed, plural
from .url_display import shown_url
from .urls import page_asked

ASKS_AGAIN = "; the next sync asks again"
"""Said after an article's failure that its next sync asks for it again; not of an outage's
reason, whose line says what carries on."""


def network_wide(failed: int, hosts: int) -> bool:
    """`failed` hosts of the `hosts` asked failing as the network does when it is not there is
    the network, not sites down: all of them, or half and three at least (dead sites' names
    fail fast, and a reader with a few of them online must not be told it is offline)."""
    if not failed:
        return False
    return failed >= hosts or failed >= max(3, (hosts + 1) // 2)


def given_up_why(times: int, dripping: bool) -> str:
    """Why a sync gave a host up, said after its name: its requests timed out `times` in a row,
    or, `dripping`, `times` of its answers in a row came on without end (`StalledHosts`)."""
    if dripping:
        return (
            f"sent answers without end ({times} in a row still coming at [network] longest_answer)"
        )
    return f"stopped answering (timed out {times} times in a row)"


def host_of(url: str) -> str:
    """The host (and port) of `url` as the sync's caps count hosts: its netloc, lower-cased."""
    return urlsplit(url).netloc.lower()


def shown_at(url: str) -> str:
    """The host (and port) of `url` as a line names it (`shown_url`)."""
    return urlsplit(shown_url(url)).netloc or host_of(url)


def article_host(link: str) -> str:
    """The host (and port) an article's `link` is asked at, past the click tracker it goes
    through (`urls.page_asked`), as the sync's slots, waits, give-ups and lines count hosts
    (`host_of`): a tracked link's were the tracker's, a host its download never asks."""
    return host_of(page_asked(link))


def article_shown_at(link: str) -> str:
    """The host an article's `link` is asked at (`article_host`) as a line names it."""
    return shown_at(page_asked(link))


def stopped_with_host(error: FetchError, given_up: bool) -> bool:
    """An article's failure that is its host's, that host given up (`given_up`: it timed out
    again and again, `retries.gives_up`): it failed to connect or to answer in time as the
    host stopped answering, or was not asked after."""
    return given_up and error.kind in NO_CONNECTION


def left_for_later(error: FetchError, given_up: bool) -> bool:
    """An article's failure that is none of its own, the article left for the next sync: said
    so, not counted failed, by a sync's progress as it goes (`LeftAndFailed`) and by its summary
    alike (`SyncReport.left_and_failed`). Its host was given up (`stopped_with_host`), or asked
    to wait longer than a sync does (a 429: `FetchError.asks_to_wait`), or held while the
    network was gone and not asked (`library.network_hold`), or a gateway answered 502 or 504
    for it try after try (`errors.gateway_failure`)."""
    return (
        error.asks_to_wait
        or stopped_with_host(error, given_up)
        or error.no_answer == NoAnswer.NOT_ASKED
        # The disk filled: no fault of the article's, and the next sync with room fetches it
        # (a sync's summary said "96 failed" over the line "96 not fetched (the disk was
        # full)": acc38b K12).
        or error.kind == ErrorKind.STORAGE
        # A gateway's 502 or 504 still so after its tries (a satellite link's relay): the
        # site not reached, as with the network gone; nothing of the article (acc45 B6).
        or gateway_failure(error)
    )


def left_and_failed_words(left: int, failed: int) -> list[str]:
    """The articles that did not come in the words every line uses: "12 left for the next
    sync", "3 failed" (`failed` counting all of them, the `left` among them)."""
    words = [f"{left} left for the next sync"] if left else []
    return words + ([f"{failed - left} failed"] if failed > left else [])


@dataclass
class LeftAndFailed:
    """A sync's article failures counted as they come, as its summary will count them
    (`left_for_later`): the progress said "214 failed" of what the summary called "left for
    the next sync". A host's earlier failures move over to `left` once it is given up."""

    failed: int = 0
    """Every failure counted, those left for the next sync among them."""
    left: int = 0
    _open: Counter[str] = field(default_factory=Counter)
    """By host, the failures counted not left that its being given up would leave."""
    _given_up: set[str] = field(default_factory=set)

    def add(self, link: str, error: FetchError, given_up: Collection[str]) -> None:
        """One more failure, of the article at `link`, with the hosts given up so far."""
        self.settle(given_up)
        host = article_host(link)
        self.failed += 1
        if left_for_later(error, host in given_up):
            self.left += 1
        elif stopped_with_host(error, True):
            self._open[host] += 1

    def settle(self, given_up: Collection[str]) -> None:
        """The hosts given up since (`given_up`: all so far): their failures left."""
        for host in set(given_up) - self._given_up:
            self._given_up.add(host)
            self.left += self._open.pop(host, 0)


class AnswerOrder:
    """The order in which a run's requests were answered or refused, every try's (as it ends,
    not as the page is read): which hosts were down on their own, the network there after.

    "The network went" is judged by enough hosts refusing, and a site dead from the start
    refuses as the network gone does: three dead sites and one answering every article, or a
    dead one and one refusing a single article, made "the network went away during the
    sync". A host whose last refusal came before an answer from anywhere refused with the
    network there (`alone`)."""

    def __init__(self) -> None:
        self._tries = 0
        self._last_answer = 0
        self._refused: dict[str, int] = {}  # each host's last refusal, by its try's number

    def tried(self, url: str, error: FetchError | None) -> None:
        """A try of `url` ended: answered (`error` None, or one saying the server answered),
        or failed."""
        self._tries += 1
        if error is None or error.kind not in NO_CONNECTION:
            self._last_answer = self._tries
        elif error.no_answer in (NoAnswer.REFUSED, NoAnswer.NO_HOST):
            self._refused[host_of(url)] = self._tries

    @property
    def tries(self) -> int:
        """The tries ended so far: a mark to ask `answered_since` of."""
        return self._tries

    def answered_since(self, mark: int) -> bool:
        """Whether a try after the `mark` (`tries` then) was answered."""
        return self._last_answer > mark

    def alone(self) -> frozenset[str]:
        """The hosts (`host_of`) down on their own: refused, then something answered."""
        return frozenset(h for h, at in self._refused.items() if at < self._last_answer)


@dataclass(frozen=True)
class Outage:
    """Articles of a sync left unfetched for one reason outside them, told in one line."""

    hosts: tuple[str, ...]
    """The hosts (as shown) it was at, in the order first seen."""
    reason: str
    """The first failure's own words ("cannot connect to 127.0.0.1:8791")."""
    articles: int
    network: bool = False
    """Every host the sync asked (or enough of them: `network_wide`) failed so."""
    stopped: bool = False
    """A host given up after timing out again and again (`retries.gives_up`)."""
    dripping: bool = False
    """...each for its answers coming on without end (`StalledHosts.dripping`)."""
    everyone: bool = False
    """The sync asked one host for its articles, this one (or, `stopped`, asked no other that
    could tell its stall from the network's, `NetworkHold.untold`): the network or the site
    went."""
    feeds: int = 0
    """The feeds not read for it: those of the hosts given up (`stopped`), or those the
    network's going left (`SyncReport.feeds_unreached`)."""
    in_part: tuple[str, ...] = ()
    """The articles (their links) it cut off after their first pages, a later page failing as
    its others did: counted in its line, not "not all of it: … page 3 did not come" each, 12–15
    lines under the one that said the network went (acc36a G8)."""
    went_at: datetime | None = None
    """When the network went, not back within the sync's wait (`library.network_hold`)."""
    never: bool = False
    """The network (`network`) was not there from the start: nothing answered in the sync.
    "Went away" said of a network never there (acc51b B7)."""

    @property
    def cut_short(self) -> bool:
        """The sync itself was cut short (the network gone, a host given up), not one site's
        pages refused among others that answered."""
        return self.network or self.stopped

    def line(self, again: str = "`reader sync`", why: bool = True) -> str:
        """The outage in one line; `again` (the command or the key) carries on the sync;
        without `why` (the status line's room), the network's line leaves the first failure's
        words to be said after it (they hid "S carries on" past the screen's edge, acc34a C8)."""
        left = plural(self.articles, "article")
        reason = f" ({self.reason})" if why or not self.network else ""
        if self.feeds:  # the feeds it left unread (a host given up, the network gone)
            counts = [plural(self.feeds, "feed")]
            left = listed(counts + ([left] if self.articles else []))
        if self.stopped and not self.network:
            # Nothing else asked to tell a stalled network from a stalled site: both said.
            if self.dripping:  # no network sends without end: the hosts alone
                return f"{listed(list(self.hosts))} {self.reason}: {left} left for the next sync"
            who = ("the network or " if self.everyone else "") + listed(list(self.hosts))
            return f"{who} stopped answering{reason}: {left} left for the next sync"
        if self.network and self.went_at is not None:
            # Waited for, then left: held, never failed; said as the traveller sees it.
            part = f" ({len(self.in_part)} only in part)" if self.in_part else ""
            return (
                f"the network went at {self.went_at:%H:%M}{reason}: {left}{part} left for the "
                f"next sync; {again} carries on"
            )
        left += " not fetched" + (f", {len(self.in_part)} only in part" if self.in_part else "")
        if self.network and self.never:  # never there: it did not go
            who = f", or {self.hosts[0]} is down" if self.everyone else ""
            return f"no network{who}{reason}: {left}; {again} carries on"
        if self.network and self.everyone:
            return (
                f"the network or {self.hosts[0]} went away during the sync{reason}: "
                f"{left}; {again} carries on"
            )
        if self.network:
            return f"the network went away during the sync{reason}: {left}; {again} carries on"
        return f"{self.reason}: {left}; the next sync asks again"


def outages(
    failures: Iterable[tuple[Entry, FetchError]],
    hosts_asked: Collection[str],
    given_up: Mapping[str, int] | None = None,
    feeds_left: Mapping[str, str] | None = None,
    alone: Collection[str] = (),
    in_part: Iterable[tuple[Entry, str]] = (),
    went_at: datetime | None = None,
    stalled: bool = False,
    untold: Collection[str] = (),
    dripping: Collection[str] = (),
    answered: bool = True,
) -> tuple[list[Outage], list[tuple[Entry, FetchError]]]:
    """The `failures` of a sync's articles told by outage, and those left to name each.

    `hosts_asked` are the hosts (`host_of`) the sync asked for articles, `given_up` those it
    stopped asking, each with the timeouts in a row it was given up after, and `feeds_left`
    the feeds not read for it (their addresses, each with its host). A host's failures to
    connect are one outage when two articles or more failed so; when enough hosts failed
    (`network_wide`), theirs and the given-up hosts' are one: the network went. Hosts down on
    their own (`alone`: `AnswerOrder.alone`) weigh nothing for it, and are told apart.
    `in_part`: the articles cached without their later pages, each with why
    (`Article.incomplete`); those whose page failed as the network's hosts did are its too.
    `went_at`: when the network went mid-sync and was waited for in vain (`network_hold`):
    the network's outage whatever the count of hosts; `stalled`, it went by stalling (no
    answer, where a connection refused says "no connection"). `untold`: the hosts whose failures
    nothing could tell from the network's (`NetworkHold.untold`); given up, they are said to be
    the network or the host. `dripping`: the hosts given up for answers without end.
    `answered`: something answered in the sync; if not, the network was never there.
    """
    given_up = given_up or {}
    feeds_left = feeds_left or {}
    unreached: dict[str, list[tuple[Entry, FetchError]]] = {}
    stopped: dict[str, list[tuple[Entry, FetchError]]] = {}
    named: list[tuple[Entry, FetchError]] = []
    for entry, error in failures:
        host = article_host(entry.link)
        if stopped_with_host(error, host in given_up):
            stopped.setdefault(host, []).append((entry, error))
        elif not_back_yet(error):  # no connection made: the same for every article there
            unreached.setdefault(host, []).append((entry, error))
        else:
            named.append((entry, error))
    # A connection the host broke off as it stopped taking any (the network going mid-answer)
    # is that host's outage too, not an article's own failure: whether the retry met the
    # refusal was a matter of timing, and the article named itself or was counted.
    left: list[tuple[Entry, FetchError]] = []
    for entry, error in named:
        host = article_host(entry.link)
        if error.kind == ErrorKind.NETWORK and host in unreached:
            unreached[host].append((entry, error))
        else:
            left.append((entry, error))
    named = left
    failed = {*unreached, *stopped} - set(alone)
    weighed = (set(hosts_asked) | failed) - set(alone)
    told: list[Outage] = []
    # Hosts given up alone are said so: a host's stalling is no sign of the network's.
    went = went_at is not None and bool(failed & unreached.keys())
    if went or (failed & unreached.keys() and network_wide(len(failed), len(weighed))):
        every = [
            f
            for by_host in (unreached, stopped)
            for h, fs in by_host.items()
            if h in failed
            for f in fs
        ]
        shown = tuple(dict.fromkeys(article_shown_at(entry.link) for entry, _ in every))
        # Hosts, not messages: one host's failure in two wordings made "and 4 more" of four
        # hosts in all (acc36a G9).
        more = len(shown) - 1
        first = of_every_one(every[0][1].message).removesuffix(ASKS_AGAIN)
        if went_at is not None:  # held, then left: the hosts, not the words of the leaving
            tried = [e for _, e in every if e.no_answer != NoAnswer.NOT_ASKED]
            none = "no answer from" if stalled else "no connection to"
            first = of_every_one(tried[0].message) if tried else f"{none} {shown[0]}"
        reason = first + (f" and {plural(more, 'more host')}" if more else "")
        lone = len(weighed) == 1
        messages = {f"did not come ({error.message})" for _, error in every}
        cut = tuple(
            entry.link
            for entry, why in in_part
            if article_host(entry.link) in failed and any(m in why for m in messages)
        )
        told.append(
            Outage(
                shown,
                reason,
                len(every),
                network=True,
                everyone=lone,
                in_part=cut,
                went_at=went_at,
                never=not answered and went_at is None,
            )
        )
        # The hosts down on their own, each its own line (or its one article named).
        for host, group in unreached.items():
            if host not in failed:
                _told_apart(group, told, named)
        return told, named
    # Several hosts stalling (one hotel's Wi-Fi): one line naming them all, their feeds too.
    links = {host: page_asked(group[0][0].link) for host, group in stopped.items()}
    for url, host in feeds_left.items():
        links.setdefault(host, url)
    if links:
        shown = tuple(shown_at(link) for link in links.values())
        times = sorted({given_up[host] for host in links})
        articles = sum(len(group) for group in stopped.values())
        dripped = set(links) <= set(dripping)
        if dripped:
            why = given_up_why(times[0], dripping=True)
        else:
            why = f"timed out {times[0]} times in a row" + (" or more" if len(times) > 1 else "")
            why = f"each {why}" if len(shown) > 1 else why
        lone = set(links) <= set(untold)  # no other host to tell a stall from theirs
        told.append(
            Outage(
                shown,
                why,
                articles,
                stopped=True,
                feeds=len(feeds_left),
                everyone=lone,
                dripping=dripped,
            )
        )
    # A host that breaks off its answers mid-way (a server dying at each page, a proxy cutting
    # them) fails every article there as one: 25 lines naming them, and "N more" a feed, said
    # nothing a count doesn't (acc31a F8). So does one timing them out, short of being given
    # up (hotel Wi-Fi sending half of each page: 15 "timed out" lines, acc46b A6).
    broken: dict[tuple[str, NoAnswer], list[tuple[Entry, FetchError]]] = {}
    left = []
    for entry, error in named:
        if error.no_answer in (NoAnswer.BROKEN_OFF, NoAnswer.TIMED_OUT):
            broken.setdefault((article_host(entry.link), error.no_answer), []).append(
                (entry, error)
            )
        else:
            left.append((entry, error))
    named = left
    for group in (*unreached.values(), *broken.values()):
        _told_apart(group, told, named)
    return told, named


def _told_apart(
    group: list[tuple[Entry, FetchError]],
    told: list[Outage],
    named: list[tuple[Entry, FetchError]],
) -> None:
    """One host's articles failing for one reason: a line (`told`), or, one article, named."""
    if len(group) < 2:  # one article: its title says more than a count
        named.extend(group)
        return
    entry, error = group[0]
    told.append(Outage((article_shown_at(entry.link),), of_every_one(error.message), len(group)))
