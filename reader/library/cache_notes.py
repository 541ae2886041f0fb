"""A sync's articles said to a reader open in another window as they are cached: a note in the
store (`Store.note_cached`) every few seconds while articles come, so its ↓ marks, its count of
those available offline and its search (`F`, which reads the articles the list marks cached)
follow a `reader sync` run from cron, not only once it ends."""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING

from ..models import StoreError

if TYPE_CHECKING:
    import asyncio

    from ..store import Store

NOTE_CACHED_EVERY = 2.0
"""Seconds between two notes: one write of a few bytes, whatever the articles' pace; the
reader looks every `OUTSIDE_EVERY` (5 s)."""


class CacheNotes:
    """Notes that articles were cached, at most one per `every` seconds; one cached since the
    last note is noted when the time has come, however long the next takes to come."""

    def __init__(self, store: Store, every: float = NOTE_CACHED_EVERY) -> None:
        self._store = store
        self._every = every
        self._noted = -every  # the first article is noted at once
        self._later: asyncio.TimerHandle | None = None

    def cached(self) -> None:
        """An article was just cached (on the event loop the sync runs on)."""
        import asyncio

        if self._later is not None:
            return  # a note is coming
        wait = self._noted + self._every - time.monotonic()
        if wait <= 0:
            self._note()
        else:
            self._later = asyncio.get_running_loop().call_later(wait, self._note)

    def flush(self) -> None:
        """The sync ends (or is stopped): the note still coming is made now."""
        if self._later is not None:
            self._later.cancel()
            self._note()

    def _note(self) -> None:
        self._later = None
        self._noted = time.monotonic()
        with suppress(StoreError):  # a note: what was cached stays cached without it
            self._store.note_cached()
