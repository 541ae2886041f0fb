"""Addresses and hosts whose last request got no answer in time: asked once, not tried again.

A feed or an article that never answers held every sync for its timeout three times over (read
timeout × (1 + retries), ~35 s), even a re-sync at the gate with nothing new. Tries again are for
a failure that passes; one that timed out on its last try, in this run or the one before (kept
in the data directory with the time, for a day), is asked once, and so is a timeout at its host
until the host answers again. Any answer clears it, and a host that answers (a page whole, a
503, a body cut off) has its full tries back: a failure other than a timeout at a host that
timed out lately is tried again as before, a connection it breaks off mid-body too (acc36a G10:
one page stalling cost a neighbour page its tries). A body that stalls after its head is no
answer: it marks its host as a timeout for good does, and the next page stalling there is asked
once (a host stalling every body gave each new page its three tries). A try that made
no connection (refused, no name found: offline) says nothing of whether the address answers in
time, and leaves what its last timeout said.

It also counts each host's timeouts in a row (every try's, this run's only), nothing coming
whole in between: what a sync gives a host up after (`retries.gives_up`).
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from typing import Any

from .errors import NO_CONNECTION, ErrorKind, FetchError, NoAnswer

REMEMBERED = 24 * 3600.0  # seconds a timeout counts for the runs after it
_MOST = 500  # addresses remembered; the oldest go first
_CLOCKS_APART = 60.0  # seconds two processes' clocks may differ
# No connection made: offline, or the host down; nothing of how it answers when it does.
_NOT_REACHED = frozenset({NoAnswer.REFUSED, NoAnswer.NO_HOST, NoAnswer.NOT_ASKED})


HEAD_CAME: ContextVar[bool] = ContextVar("HEAD_CAME", default=False)
"""The try under way in this task had its answer's head come (`Fetcher`): a timeout after it is
its body stalling, not the host's giving no answer."""


class Unanswered:
    """When each address and host last timed out (epoch seconds), as long as nothing since
    has answered."""

    def __init__(self) -> None:
        self._addresses: dict[str, float] = {}
        self._hosts: dict[str, float] = {}
        self.changed = False  # since `remember`: worth keeping for the next run
        self._in_a_row: dict[str, int] = {}
        self._dripped: dict[str, int] = {}  # of those, answers cut still coming (`dripped`)
        # Each host marked by a body that stalled there (`stalled`), with that request's
        # address: its mark costs the host's other requests their tries, not its own.
        self._stalled_by: dict[str, str] = {}

    def tried(self, host: str, error: FetchError | None) -> None:
        """Note how one try at `host` ended (every try, not only the last): `error` None for
        an answer come whole. A connection refused is no answer, nor a timeout either."""
        if error is not None and error.kind == ErrorKind.TIMEOUT:
            self._in_a_row[host] = self._in_a_row.get(host, 0) + 1
            if error.dripped:
                self._dripped[host] = self._dripped.get(host, 0) + 1
        elif error is None or error.kind not in NO_CONNECTION:
            self._in_a_row.pop(host, None)
            self._dripped.pop(host, None)

    def in_a_row(self, host: str) -> int:
        """The tries at `host` that timed out since the last that came whole."""
        return self._in_a_row.get(host, 0)

    def dripped_in_a_row(self, host: str) -> int:
        """Of those (`in_a_row`), the answers cut at their longest while still coming."""
        return self._dripped.get(host, 0)

    def retries(self, url: str, host: str, retries: int, failure: FetchError) -> int:
        """How many times a request to `url` (on `host`) that failed with `failure` is tried
        again: none when `url` timed out lately (unless it answered now: a 502), nor when it
        timed out at a host that did."""
        lately = time.time() - REMEMBERED
        if self._addresses.get(url, 0.0) > lately and failure.status is None:
            # An answer (a gateway's 502 on a satellite link whose last sync timed out there,
            # acc45 B6) says the address answers: its tries are back, as `outcome` will note.
            return 0
        if failure.kind == ErrorKind.TIMEOUT and self._hosts.get(host, 0.0) > lately:
            return retries if self._stalled_by.get(host) == url else 0
        return retries

    def answering(self, host: str) -> None:
        """An answer came from `host`, its head and whatever came of its body but a stall (a
        503, a body cut off): it is there, and its requests have their tries back."""
        self._stalled_by.pop(host, None)
        if self._hosts.pop(host, None) is not None:
            self.changed = True

    def stalled(self, url: str, host: str) -> None:
        """An answer's head came from `host` for `url`, then its body stalled past the read
        timeout: the host stalls, as a neighbour's timeout for good says (`outcome`), and a
        timeout of its other requests is not tried again (their heads give no tries back,
        `answering`); `url`'s own tries stand, its page perhaps the one stalling."""
        if self._hosts.get(host, 0.0) > time.time() - REMEMBERED:
            return  # marked already, by a timeout for good or another's stall
        self._hosts[host] = time.time()
        self._stalled_by[host] = url
        self.changed = True

    def outcome(self, url: str, host: str, error: FetchError | None) -> None:
        """Note how the last try of `url` ended: `error` None for an answer; a timeout the
        reader's own pause caused is not the site's, and not to be passed here."""
        if error is not None and error.kind == ErrorKind.TIMEOUT:
            self._stalled_by.pop(host, None)  # a mark for every request there
            now = time.time()
            self._addresses.pop(url, None)  # re-inserted: the newest last
            self._addresses[url] = now
            self._hosts[host] = now
            self.changed = True
            while len(self._addresses) > _MOST:
                del self._addresses[next(iter(self._addresses))]
            return
        if error is not None and error.no_answer in _NOT_REACHED:
            # Offline, a timed-out page would time out again once back: still asked once.
            return
        # An answer, whole or in part, or one failing fast: the host is there.
        if self._addresses.pop(url, None) is not None:
            self.changed = True
        self._stalled_by.pop(host, None)
        if self._hosts.pop(host, None) is not None:
            self.changed = True

    def record(self) -> dict[str, Any]:
        """What to keep for the next run (`remember`)."""
        lately = time.time() - REMEMBERED
        return {
            "addresses": {k: t for k, t in self._addresses.items() if t > lately},
            "hosts": {k: t for k, t in self._hosts.items() if t > lately},
        }

    def remember(self, record: object) -> None:
        """Take in what an earlier run kept (`record`); what this run saw since stays."""
        if not isinstance(record, dict):
            return
        for name, into in (("addresses", self._addresses), ("hosts", self._hosts)):
            kept = record.get(name)
            if isinstance(kept, dict):
                # A time ahead of now was noted under a clock that was ahead: counted, it
                # would keep an address from its tries for as long (acc29b T14's kind).
                ahead = time.time() + _CLOCKS_APART
                for key, at in kept.items():
                    if isinstance(key, str) and isinstance(at, int | float) and at <= ahead:
                        into.setdefault(key, float(at))
