"""Saves of many articles written to the store together (`SavedBatch`): an import's links,
their tags and archive marks, a write of the Saved record per batch rather than per link."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from typing import Any

from ..models import Entry
from ..store import Store
from ..store.saved import SavedChange, apply_saved_change
from .resources import _link

BATCH = 200
"""Changes kept before a write at the least; more as the Saved record grows (`_due`)."""

EVERY = 1.0
"""Seconds between two writes at the most while changes wait (links fetched one by one, slowly):
a reader open in another window shows the saves as they come."""


class SavedBatch:
    """The Saved record as an import changes it: each change made at once to `records` (what
    the import reads: whether a link is saved, its record), and written to the store with those
    before it in one transaction (`Store.change_saved`) when enough have waited, or long
    enough (`write_if_due`, between two links), and by `flush` at the end. A write rewrites the whole record, so a batch grows with
    the record (a quarter of it) and the writes take time linear in the links overall; they are
    spaced at ten times what the last one took at the least, so they never take most of it.
    Safe to use from several threads (a worker thread's `_story_of`)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.records: dict[str, dict[str, Any]] = store.saved()
        """The Saved record as read when the batch began, with every change made since."""
        self._pending: list[SavedChange] = []
        self._lock = threading.Lock()
        self._written_at = time.monotonic()
        self._took = 0.0  # what the last write took, in seconds

    def save(
        self,
        target: Entry | str,
        at: float | None = None,
        title: str = "",
        tags: Iterable[str] = (),
        archived: bool = False,
        held: str | None = None,
        from_file: bool = False,
    ) -> None:
        """Save the article of `target` (`Store.set_saved`'s `at` and `title`), filed under
        `tags` too, archived when `archived`, left unfetched by syncs for `held`'s reason, as
        a file's link when `from_file` (`SavedChange`'s)."""
        entry = target if isinstance(target, Entry) else None
        change = SavedChange(
            _link(target), entry, at, title, tuple(tags), archived, held=held, from_file=from_file
        )
        self._change(change)

    def unsave(self, url: str) -> None:
        self._change(SavedChange(url, saved=False))

    def _change(self, change: SavedChange) -> None:
        with self._lock:
            apply_saved_change(self.records, change)
            self._pending.append(change)

    def write_if_due(self) -> None:
        """Write the changes waiting when enough have, or for long enough: called between two
        links, so that a write failing (a full disk) is the import's end, not one link's."""
        with self._lock:
            if self._pending and self._due():
                self._write()

    def flush(self) -> None:
        """Write the changes waiting, if any."""
        with self._lock:
            if self._pending:
                self._write()

    def _due(self) -> bool:
        if len(self._pending) >= max(BATCH, len(self.records) // 4):
            return True
        return time.monotonic() - self._written_at >= max(EVERY, 10 * self._took)

    def _write(self) -> None:
        start = time.monotonic()
        self._store.change_saved(self._pending)
        self._pending = []
        # A reader open in another window lists them in Saved (acc31c W15).
        self._store.note_changed()
        self._written_at = time.monotonic()
        self._took = self._written_at - start
