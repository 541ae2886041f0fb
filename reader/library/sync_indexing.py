"""The search index kept up with a sync's articles as they are cached, not only as it ends: a
catch-up every `INDEX_EVERY` articles, in a thread off the sync's loop, one at a time. A sync
stopped half-way (Ctrl-C, SIGTERM, the laptop shut) left every article it cached to the next
search to index: acc37a's first `F` after 16 minutes of a sync stopped so indexed 23,800
articles first (~28 s); now at most the last few hundred."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from ..models import StoreError

if TYPE_CHECKING:
    import asyncio

    from ..store import Store

INDEX_EVERY = 500
"""Articles cached between two catch-ups: a second or two of indexing each, so that the
sync's end (or its stop) waits for little."""


class SyncIndexing:
    """Catch-ups of the index with the articles a sync caches (`cached`, on its loop)."""

    def __init__(self, store: Store, every: int | None = None) -> None:
        self._store = store
        self._every = INDEX_EVERY if every is None else every
        self._since = 0
        self._running: asyncio.Task[None] | None = None
        self.indexed = 0
        """The articles the catch-ups indexed so far."""

    def cached(self) -> None:
        """An article was just cached: the index caught up in the background once `every`
        have been since the last catch-up began, unless one is under way."""
        self._since += 1
        if self._since < self._every or (self._running and not self._running.done()):
            return
        self._since = 0
        import asyncio  # here: a command that syncs nothing needs no event loop (start-up)

        self._running = asyncio.get_running_loop().create_task(self._catch_up())

    async def _catch_up(self) -> None:
        # Imported here: the search's modules are a tenth of a sync's start-up, and a sync
        # of a few articles indexes at its end alone.
        import asyncio

        from ..indexed_search import index_cached

        with suppress(StoreError):
            self.indexed += await asyncio.to_thread(index_cached, self._store, headlines=False)

    async def finished(self) -> None:
        """The catch-up under way, if any, ended (the sync's own, at its end, follows it)."""
        if self._running is not None:
            with suppress(Exception):
                await self._running
