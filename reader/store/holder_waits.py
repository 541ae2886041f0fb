"""How long a data directory's calls wait for another program holding it (a `reader sync`
writing, a backup tool): SQLite's `timeout`, a thread's own bound (`StoreDirectory.waiting_at_most`)
and, once the reader quits, a time every wait ends by (`StoreDirectory.give_up_waiting`)."""

from __future__ import annotations

import threading
import time


class HolderWaits:
    """The waits of one data directory's calls for a holder (see the module's docstring)."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        """SQLite's wait, seconds: a call's wait when nothing shortens it."""
        self._bounds = threading.local()
        """This thread's own bound, in seconds, while one is asked (`bound`)."""
        self.give_up_at: float | None = None
        """When every wait ends, whatever thread waits (monotonic clock); None: each waits its
        bound."""
        self._give_up_said = 0.0

    @property
    def bound(self) -> float | None:
        """This thread's own bound on its waits (None: none)."""
        return getattr(self._bounds, "bound", None)

    @bound.setter
    def bound(self, seconds: float | None) -> None:
        self._bounds.bound = seconds

    def give_up(self, after: float) -> None:
        """No wait, in any thread, goes on past `after` seconds from now, those under way too."""
        self.give_up_at = time.monotonic() + after
        self._give_up_said = after

    def wait_now(self) -> float:
        """Seconds a call made now in this thread waits for a holder."""
        return max(0.0, self.wait_ends(time.monotonic()) - time.monotonic())

    def wait_ends(self, started: float) -> float:
        """When (monotonic clock) a wait this thread began at `started` is over: sooner than
        its start said once the reader gives up waiting meanwhile."""
        bound = self.bound
        ends = started + (self.timeout if bound is None else min(self.timeout, bound))
        return ends if self.give_up_at is None else min(ends, self.give_up_at)

    def said(self) -> float:
        """The wait a refusal in this thread names: the bound asked, not what was left of it."""
        bound = self.bound
        said = self.timeout if bound is None else min(self.timeout, bound)
        return said if self.give_up_at is None else min(said, self._give_up_said)
